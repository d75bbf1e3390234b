"""Qt side of i18n: a QTranslator that answers from the gettext catalog.

QUiLoader and QCoreApplication.translate ask installed translators; this one looks the
source text up in our catalog, so `.ui` strings and Python strings share one catalog.
Qt's own keys (QT_LAYOUT_DIRECTION, ...) get an empty answer so Qt keeps its defaults.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop import i18n


class GettextTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt name)
        if not source_text:
            return None
        found = i18n.lookup(source_text)
        return found  # None (a null QString) lets Qt keep its own text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


_installed: GettextTranslator | None = None


def install(app: QCoreApplication) -> GettextTranslator:
    global _installed
    if _installed is None:
        _installed = GettextTranslator(app)
        app.installTranslator(_installed)
    return _installed
