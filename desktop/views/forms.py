"""Loading Qt Designer forms from ui/ (never hand-edited generated code)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from desktop import paths

_loader: QUiLoader | None = None


def _make_loader() -> QUiLoader:
    """A QUiLoader that loads no Qt Designer plugins.

    QUiLoader's constructor loads every plugin in ``<library path>/designer`` to offer
    their custom widgets. Our forms use only Qt's own widgets, and PySide6 ships three
    such plugins (its Python one, QQuickWidget, QWebEngineView) whose loading took
    ~10 ms of the start and more memory. With no library paths while it is made, it
    looks nowhere; they are put back at once (image and icon plugins load later)."""
    saved = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    try:
        return QUiLoader()
    finally:
        QCoreApplication.setLibraryPaths(saved)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Load ``ui/<name>`` and return its top widget; strings are translated on load."""
    global _loader
    if _loader is None:
        _loader = _make_loader()
    path = paths.ui_file(name)
    f = QFile(str(path))
    if not f.open(QIODevice.ReadOnly):
        raise FileNotFoundError(str(path))
    try:
        widget = _loader.load(f, parent)
    finally:
        f.close()
    if widget is None:
        raise RuntimeError(f"could not load {path}: {_loader.errorString()}")
    _apply_tones(widget)
    return widget


def _apply_tones(form: QWidget) -> None:
    """Forms mark a label's meaning (``tone``: "red", "grey"...) instead of a colour; the
    colour comes from the palette in use (views/theme.py), so dark desktops read it too."""
    toned = [w for w in form.findChildren(QWidget) if w.property("tone")]
    if not toned:
        return
    from desktop.views import theme

    for widget in toned:
        theme.set_text_colour(widget, str(widget.property("tone")))


def date_field(edit) -> None:
    """A date field shows dates as the lists do ("3 dec 2026"), in the app's language."""
    from PySide6.QtCore import QLocale

    from desktop import i18n

    edit.setLocale(QLocale(QLocale.Dutch, QLocale.Netherlands) if i18n.current_language() == "nl"
                   else QLocale(QLocale.English, QLocale.UnitedKingdom))
    edit.setDisplayFormat(i18n.QT_DATE_EDIT)
