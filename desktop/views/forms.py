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
    """A date field (QDateEdit, or QDateTimeEdit with its time) in the app's language, in
    the short form its people type (issue 16): "17-12-2026" in Dutch, "17/12/2026" in
    English (Babel's short date with a four-digit year, ``i18n.date_entry_pattern``). The
    calendar popup is kept. Typing the separators as one writes a date works too: Qt moves
    to the next part by itself after "17", and would skip the month at the "-" that
    follows, or read a "-" in the year as a minus sign ("17-12--"); ``_TypedDates`` keeps
    a separator typed at the start of a part from doing either."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDateEdit

    from desktop import i18n

    edit.setLocale(QLocale(QLocale.Dutch, QLocale.Netherlands) if i18n.current_language() == "nl"
                   else QLocale(QLocale.English, QLocale.UnitedKingdom))
    edit.setDisplayFormat(i18n.date_entry_pattern(with_time=not isinstance(edit, QDateEdit)))
    if getattr(edit, "_typed_dates", None) is None:
        edit._typed_dates = _typed_dates(edit)
        edit.installEventFilter(edit._typed_dates)


def _typed_dates(edit):
    from PySide6.QtCore import QEvent, QObject

    class TypedDates(QObject):
        """A separator key moves to the next part of the date once, never past one; the
        first digit typed in a part replaces what it held (also after a click into it)."""

        def __init__(self, parent):
            super().__init__(parent)
            self.typed_in: int | None = None  # the part the last digit went into
            self.fresh = False  # at the start of a part nothing was typed in yet

        def eventFilter(self, obj, event) -> bool:
            kind = event.type()
            if kind in (QEvent.FocusIn, QEvent.MouseButtonPress):
                self.typed_in, self.fresh = None, False
                return False
            if kind != QEvent.KeyPress:
                return False
            text = event.text()
            if text.isdigit():
                if obj.specialValueText() and obj.dateTime() == obj.minimumDateTime():
                    # "het begin" shown for no date: typing starts a date at its first part
                    obj.setDateTime(obj.minimumDateTime().addDays(1))
                    obj.setCurrentSectionIndex(0)
                    self.typed_in = None
                if self.typed_in != obj.currentSectionIndex():  # the first digit replaces the part
                    obj.setSelectedSection(obj.currentSection())
                self.typed_in, self.fresh = obj.currentSectionIndex(), False
                return False
            if not text or not text.isprintable() or text.isalnum():
                self.typed_in, self.fresh = None, False
                return False
            section = obj.currentSectionIndex()
            moved_on = self.fresh or (self.typed_in is not None and section != self.typed_in)
            self.typed_in = None
            if not moved_on and section < obj.sectionCount() - 1:
                obj.setCurrentSectionIndex(section + 1)
            self.fresh = True
            return True

    return TypedDates(edit)
