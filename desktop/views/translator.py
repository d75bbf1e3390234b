"""Qt side of i18n: a QTranslator that answers from the gettext catalog, then from Qt's own.

QUiLoader and QCoreApplication.translate ask installed translators; this one looks the
source text up in our catalog, so `.ui` strings and Python strings share one catalog.

What our catalog does not know is asked of Qt's own catalog for the UI language
(``qtbase_<lang>.qm``, shipped with PySide6 and kept in the bundle by .ci/pack/rules.py):
the standard context menu of every text field (Ongedaan maken, Knippen, Kopiëren...),
the standard buttons and dialogs. English is Qt's source language, so for English there is
no Qt catalog and Qt keeps its own text.

One translator does both, rather than two installed ones: Qt asks installed translators
newest first, so two would depend on the order they were installed in (and would have to
be swapped on every language switch). This one reads the language at each question, so
after a switch (app.py rebuilds the window) every new text, and every context menu built
from then on, is in the new language, without reinstalling anything.
Qt's own keys (QT_LAYOUT_DIRECTION, ...) get Qt's answer, or none, so Qt keeps its defaults.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop import i18n

log = logging.getLogger(__name__)

# Qt's source language: no catalog is loaded for it.
QT_SOURCE_LANGUAGE = "en"
# Qt's module whose strings the app shows (QtCore, QtGui, QtWidgets): the only Qt catalog
# the app needs. ``qt_<lang>.qm`` is a meta catalog that only names qtbase and
# qtmultimedia (it does not load on its own), so it is not used.
QT_CATALOG = "qtbase"


def qt_catalog_name(language: str) -> str | None:
    """'nl' -> 'qtbase_nl'; None for Qt's source language."""
    language = i18n.normalise_language(language)
    return None if language == QT_SOURCE_LANGUAGE else f"{QT_CATALOG}_{language}"


def qt_translations_dir() -> str:
    """Where Qt's .qm files are: PySide6's folder, in the bundle too (its qt.conf)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


_qt_catalogs: dict[str, QTranslator | None] = {}


def qt_catalog(language: str) -> QTranslator | None:
    """Qt's own catalog for ``language``, loaded once; None for English or when it is missing."""
    language = i18n.normalise_language(language)
    if language not in _qt_catalogs:
        name = qt_catalog_name(language)
        found = None
        if name is not None:
            catalog = QTranslator()
            if catalog.load(name, qt_translations_dir()):
                found = catalog
            else:  # Qt's texts then stay English; the smoke test reports it (selfcheck.py)
                log.warning("Qt's catalog %s not found in %s", name, qt_translations_dir())
        _qt_catalogs[language] = found
    return _qt_catalogs[language]


class GettextTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):
        if not source_text:
            return None
        found = i18n.lookup(source_text)
        if found is not None:
            return found
        qt = qt_catalog(i18n.current_language())
        if qt is not None:
            answer = qt.translate(context, source_text, disambiguation, n)
            if answer:
                return answer
        return None  # a null QString lets Qt keep its own text (an empty one would blank it)

    def isEmpty(self) -> bool:
        return False


_installed: GettextTranslator | None = None


def install(app: QCoreApplication) -> GettextTranslator:
    global _installed
    if _installed is None:
        _installed = GettextTranslator(app)
        app.installTranslator(_installed)
    return _installed
