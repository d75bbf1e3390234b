"""Date fields take a date typed in the language's own short form (issue 16).

In the collaboration dialog typing "17-12-2026" used to give "17-12--": Qt moves to the
next part by itself after "17", then skipped the month at the "-", and read a "-" in the
year as a minus sign. Every date field of the app now shows Babel's short date with a
four-digit year and takes it typed as one writes it; the calendar popup still works.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QWidget

from desktop import i18n
from desktop.store.models import Collaboration, CustomOrder, Deliverable, Person
from desktop.views.collaboration_dialog import CollaborationDialog
from desktop.views.content_dialog import ContentDialog
from desktop.views.order_dialog import OrderDialog
from desktop.views.order_message import OrderMessageDialog
from desktop.views.quick_note import QuickNote
from desktop.views.timeline import TimelineView
from tests.conftest import NOW

TYPED = {"nl": ("17-12-2026", "dd-MM-yyyy"), "en": ("17/12/2026", "dd/MM/yyyy")}


def test_the_pattern_is_babels_short_date_with_four_digits_for_the_year():
    assert i18n.date_entry_pattern(locale=i18n.formatting_locale("nl")) == "dd-MM-yyyy"
    assert i18n.date_entry_pattern(locale=i18n.formatting_locale("en")) == "dd/MM/yyyy"
    assert i18n.date_entry_pattern(locale=i18n.formatting_locale("nl", "BE")) == "d/MM/yyyy"
    assert i18n.date_entry_pattern(True, i18n.formatting_locale("nl")) == "dd-MM-yyyy, HH:mm"


@pytest.fixture
def things(database, translator):
    person = Person.create(name="Sanne de Vries", is_influencer=True, is_customer=True, email="sanne@example.nl")
    collaboration = Collaboration.create(person=person, title="Ketting", status="agreed")
    Deliverable.create(collaboration=collaboration, kind="post", count=1, deadline=NOW + timedelta(days=7))
    order = CustomOrder.create(person=person, order_number="#1", ordered_on=date(2026, 11, 20),
                               promised_ready=date(2026, 12, 1))
    yield person, collaboration, order
    things_kept.clear()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


things_kept: list = []


def every_date_field(qtbot, things) -> list[tuple[str, QDateTimeEdit]]:
    """Each view or dialog that has date fields, opened, and its fields by name."""
    person, collaboration, order = things
    note = QuickNote(None, person.id, now=lambda: NOW)
    things_kept.append(note)  # the QuickNote owns its dialog's wiring
    shown: list[QWidget] = [
        CollaborationDialog(None, collaboration=collaboration),
        ContentDialog(None, collaboration=collaboration),
        OrderDialog(None, NOW),
        OrderMessageDialog(None, order.id, "order_delay", NOW),
        note.dialog,
        TimelineView(),
    ]
    shown[2].has_delivery.setChecked(True)  # its delivery date is enabled by this box
    things_kept.extend(shown)  # parentless dialogs live while Python holds them
    fields = []
    for widget in shown:
        qtbot.addWidget(widget)
        for edit in widget.findChildren(QDateTimeEdit):
            fields.append((f"{type(widget).__name__}.{edit.objectName() or 'deadline'}", edit))
    assert len(fields) >= 10
    return fields


@pytest.mark.parametrize("language", ["nl", "en"])
def test_typing_a_date_in_the_languages_own_form_gives_that_date(qtbot, things, language):
    i18n.set_language(language)
    typed, pattern = TYPED[language]
    for name, edit in every_date_field(qtbot, things):
        is_date_only = isinstance(edit, QDateEdit)
        assert edit.displayFormat() == (pattern if is_date_only else pattern + ", HH:mm"), name
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, typed if is_date_only else typed + " 14:05")
        assert edit.date() == QDate(2026, 12, 17), f"{name}: {edit.text()!r}"
        assert edit.text().startswith(typed), name
        if not is_date_only:
            assert edit.time().hour() == 14 and edit.time().minute() == 5, name


@pytest.mark.parametrize("language", ["nl", "en"])
def test_short_days_and_months_and_the_other_separator_are_read_too(qtbot, things, language):
    i18n.set_language(language)
    edit = CollaborationDialog(None, collaboration=things[1]).w("agreed_on")
    qtbot.addWidget(edit.window())
    for typed, wanted in (("7-3-2027", QDate(2027, 3, 7)), ("7/3/2027", QDate(2027, 3, 7)),
                          ("31.12.2026", QDate(2026, 12, 31))):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, typed)
        assert edit.date() == wanted, (typed, edit.text())


def test_the_calendar_popup_still_sets_the_date(qtbot, things):
    i18n.set_language("nl")
    for name, edit in every_date_field(qtbot, things):
        assert edit.calendarPopup(), name
        calendar = edit.calendarWidget()
        calendar.setSelectedDate(QDate(2027, 1, 15))
        calendar.clicked.emit(QDate(2027, 1, 15))
        assert edit.date() == QDate(2027, 1, 15), name


def test_the_quick_note_moment_is_read_as_typed(qtbot, things):
    i18n.set_language("nl")
    note = QuickNote(None, things[0].id, now=lambda: NOW)
    qtbot.addWidget(note.dialog)
    note.at.setFocus()
    note.at.selectAll()
    qtbot.keyClicks(note.at, "17-12-2026 14:05")
    assert note.at.dateTime().toPython() == datetime(2026, 12, 17, 14, 5)
