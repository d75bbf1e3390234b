"""The Qt Designer forms of ui/, built from their compiled modules (desktop/views/ui_forms/,
written by `make forms`; never hand-edited)."""

from __future__ import annotations

import importlib

from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the form ``ui/<name>`` and return its top widget; strings are translated as
    it is built (``retranslateUi`` asks the app's translator, views/translator.py).

    The form comes from its module compiled by pyside6-uic (`make forms`,
    .ci/forms.py): a fresh widget of the form's top class (QWidget, QDialog,
    QMainWindow...) set up by the generated ``Ui_*`` class. Reading the .ui XML with
    QUiLoader at run time cost the QtUiTools library at start and ~2 ms a form
    (docs/PERFORMANCE.md, fix 28)."""
    from desktop.views.ui_forms import FORMS

    try:
        module_name, ui_class, top_class = FORMS[name]
    except KeyError:
        raise FileNotFoundError(f"no compiled form for ui/{name} (run `make forms`)") from None
    module = importlib.import_module(f"desktop.views.ui_forms.{module_name}")
    widget = getattr(QtWidgets, top_class)(parent)
    before = _layout_item_wrappers()
    getattr(module, ui_class)().setupUi(widget)
    _release_layout_items(before)
    _apply_tones(widget)
    return widget


def _layout_item_wrappers() -> list:
    """The Python wrappers of layout items (not layouts) alive now."""
    from PySide6.QtWidgets import QLayout, QLayoutItem
    from shiboken6 import getAllValidWrappers

    return [o for o in getAllValidWrappers() if isinstance(o, QLayoutItem) and not isinstance(o, QLayout)]


def _release_layout_items(before: list) -> None:
    """Let go of the Python wrappers of the layout items ``setupUi`` made: its spacers,
    and the widget items PySide wraps while it nests one layout in another (every one
    alive now that was not in ``before``, which the caller holds: no id is used again).

    PySide keeps such a wrapper alive with its layout, and Qt frees the item without
    telling it (a widget deleted, a row inserted), so a later object at the same address
    can come back as that stale wrapper: the crashes form_dialog._layout_of avoids. The
    forms' code holds none of them (widgets are found by name), so each one is
    invalidated: the C++ item stays in its layout, as QUiLoader left it, unwrapped.

    The new wrappers are told from the ones before, not found by asking the form's
    layouts for their items: ``itemAt`` wraps every item again, and the first wrap makes
    PySide set up the Python type of every widget class it knows (QWizard, QMessageBox,
    QFileDialog..., with their enums), ~10 ms of the start for classes the window never
    uses (docs/PERFORMANCE.md, fix 48)."""
    from shiboken6 import invalidate

    known = {id(o) for o in before}
    for item in _layout_item_wrappers():
        if id(item) not in known:
            invalidate(item)


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
    """A date field (``views/date_edit.DateEdit``, or ``DateTimeEdit`` with its time) in the
    app's language, in the short form its people type (issue 16): "17-12-2026" in Dutch,
    "17/12/2026" in English (Babel's short date with a four-digit year,
    ``i18n.date_entry_pattern``), taking the dates Afspraak takes (``domain/dates.YEARS``).
    The calendar popup is kept. What the owner types is read as typed, never as another day
    (badinput #1): see views/date_edit.py, and ``date_problems`` for the dialogs."""
    from PySide6.QtCore import QLocale

    from desktop import i18n
    from desktop.domain import dates
    from desktop.views.date_edit import DateEdit, DateTimeEdit

    if not isinstance(edit, (DateEdit, DateTimeEdit)):
        raise TypeError(f"{edit.objectName() or type(edit).__name__}: a date field is a views.date_edit.DateEdit "
                        "(promoted in the .ui form), so typing never saves another day")
    edit.setLocale(QLocale(QLocale.Dutch, QLocale.Netherlands) if i18n.current_language() == "nl"
                   else QLocale(QLocale.English, QLocale.UnitedKingdom))
    edit.setDisplayFormat(i18n.date_entry_pattern(with_time=isinstance(edit, DateTimeEdit)))
    first, last = dates.FIRST_DAY, dates.LAST_DAY
    edit.setDateRange(to_qdate(first), to_qdate(last))


def to_qdate(value):
    """A ``datetime.date`` as Qt's date (a date field's value)."""
    from PySide6.QtCore import QDate

    return QDate(value.year, value.month, value.day)


def from_qdate(value):
    """Qt's date as a ``datetime.date``."""
    from datetime import date

    return date(value.year(), value.month(), value.day())


def typed_day(edit, problem) -> tuple:
    """(the day in date field ``edit``, what is wrong with it or ''): first as typed
    (``date_problems``: "31-04-2027 bestaat niet"), then ``problem(day)``, the dialog's own
    rule (a day still to come); the day is None when it is not taken as typed."""
    typed = date_problems({"day": edit})
    if typed:
        return None, typed["day"]
    day = from_qdate(edit.date())
    return day, problem(day)


def date_problems(fields: dict, finish: bool = True) -> dict[str, str]:
    """{key: why} for each of ``fields`` ({key: date field, or None}) that is in use and
    whose text is not a date it takes ("31-04-2027 bestaat niet: …"): the dialog shows these at the fields and saves
    nothing (the field's ``date()`` is then still its last good date, not what she typed).

    Each field first finishes what was typed in it (``finish_typing``: "3-11-2026" becomes
    03-11-2026, its date): a click on Save need not take the focus from the field (macOS),
    and the dialog saves the date the field shows, never the one before. ``finish=False``
    is for a view that follows the fields while she types (the timeline's period): nothing
    is finished under her cursor, and what the fields show is said."""
    found = {}
    for key, edit in fields.items():
        if edit is None or not edit.isEnabled():
            continue
        if finish:
            edit.finish_typing()
        problem = edit.problem() if finish else edit.shown_problem()
        if problem:
            found[key] = problem
    return found
