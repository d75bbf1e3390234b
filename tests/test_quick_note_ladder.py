"""Issue 8: log a reply from the quick-note dialog (Ctrl+N) and see the person's ladder stop,
in the store (``due.due_now``) and on the Vandaag list, with the demo shop at a fixed now."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.domain import followup
from desktop.store import due
from desktop.store.models import Event, Person
from desktop.views import quick_note, today
from desktop.views.main_window import MainWindow

from .conftest import NOW
from tests.helpers import press_in_window


@pytest.fixture
def window(qtbot, demo_db, translator, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    monkeypatch.setattr(quick_note, "utcnow", lambda: NOW)
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    w.show_today()
    w.activateWindow()
    QApplication.setActiveWindow(w)
    return w


def stoppable_person() -> int:
    """An influencer with a ladder step due now, all of whose due items stop on a reply."""
    for item in due.due_now(NOW):
        mine = due.due_now(NOW, item.person_id)
        if all(followup.RULES[p.rule].stop_on_incoming for i in mine for p in i.parts):
            return item.person_id
    raise LookupError("the demo has nobody with a due ladder step")


def today_rows_for(view, person_id: int) -> list:
    return [r for _i, r in view.item_rows() if view.items[r.id].person_id == person_id]


def test_a_reply_logged_with_ctrl_n_pauses_her_ladder(window, qtbot):
    person_id = stoppable_person()
    name = Person.get_by_id(person_id).name
    assert due.due_now(NOW, person_id)
    view = window.current_view()
    assert view.key == "today"
    mine = today_rows_for(view, person_id)
    assert mine and mine[0].extra["group"] == "now"
    count_before = view.due_now_count()
    assert window.sidebar.item(0).text() == f"Vandaag ({count_before})"

    # Her reminder is selected on Vandaag; Ctrl+N opens the quick note with her filled in.
    view.table.selectRow(view.model.rows.index(mine[0]))
    press_in_window(qtbot, window, view.table, Qt.Key_N, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.quick_note is not None and window.quick_note.dialog.isVisible())
    note = window.quick_note
    assert note.person.currentText() == name
    note.choose("message")
    note.channel.setCurrentIndex(note.channel.findData("whatsapp"))
    note.direction.setCurrentIndex(note.direction.findData("in"))
    qtbot.keyClicks(note.text, "Sorry! Hij staat er morgen op.")
    note.buttons.button(note.buttons.StandardButton.Save).click()
    assert not note.dialog.isVisible()

    reply = Event.select().order_by(Event.id.desc()).first()
    assert (reply.person_id, reply.kind, reply.direction, reply.channel, reply.at) == (
        person_id, "message", "in", "whatsapp", NOW)
    # Her ladder paused: nothing due for her now; what she still owes is asked about again a
    # week on, from the first step (an answer is not the post), and nothing else comes back.
    assert due.due_now(NOW, person_id) == []
    later = [i for i in due.plan(NOW, person_id) if followup.RULES[i.parts[0].rule].stop_on_incoming]
    assert all(i.kind == "deliverable" and i.step == "answered" and i.due >= NOW + timedelta(days=7) for i in later)
    # ...and Vandaag followed at once, with the sidebar count.
    qtbot.waitUntil(lambda: not today_rows_for(view, person_id))
    assert view.due_now_count() == count_before - len(mine)
    assert window.sidebar.item(0).text() == f"Vandaag ({view.due_now_count()})"
    # Everybody else is still reminded.
    assert view.due_now_count() > 0


def test_a_message_we_sent_moves_her_step_to_tomorrow_instead(window, qtbot):
    person_id = stoppable_person()
    window.open_quick_note()
    note = window.quick_note
    note.person.setEditText(Person.get_by_id(person_id).name)
    note.choose("message")
    note.direction.setCurrentIndex(note.direction.findData("out"))
    note.text.setPlainText("Even checken of het lukt?")
    note.save()
    assert not note.dialog.isVisible()
    # Not a stop: she was contacted today, so (one contact per day) her next step waits
    # for tomorrow instead of disappearing.
    assert due.due_now(NOW, person_id) == []
    later = due.plan(NOW, person_id)
    assert later and all(i.due > NOW for i in later)
    assert followup.local_date(later[0].due, due.ladder_settings()) > followup.local_date(NOW, due.ladder_settings())


def test_ctrl_n_saved_as_it_opens_is_a_note_and_never_stops_her_ladder(window, qtbot):
    """Issue 21: the quick note opens as a plain note; a reply is only logged when chosen."""
    person_id = stoppable_person()
    view = window.current_view()
    mine = today_rows_for(view, person_id)
    due_before = due.due_now(NOW, person_id)
    assert due_before
    events_before = Event.select().count()
    view.table.selectRow(view.model.rows.index(mine[0]))
    press_in_window(qtbot, window, view.table, Qt.Key_N, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.quick_note is not None and window.quick_note.dialog.isVisible())
    note = window.quick_note
    assert note.kind.currentData() == "note"
    assert note.direction.currentIndex() == -1 and not note.direction.isEnabled()
    assert note.direction.placeholderText() == "Kies…"
    save = note.buttons.button(note.buttons.StandardButton.Save)

    save.click()  # untouched: an empty note is refused, nothing is logged
    assert note.dialog.isVisible()
    assert note.errors["text"].text() == "Schrijf de notitie."
    assert Event.select().count() == events_before

    qtbot.keyClicks(note.text, "Belde over haar vakantie, post komt later.")
    save.click()
    assert not note.dialog.isVisible()
    logged = Event.select().order_by(Event.id.desc()).first()
    assert (logged.person_id, logged.kind, logged.direction, logged.channel) == (person_id, "note", "none", "")
    # A note is no reply: her reminders are still due, on the list and in the count.
    assert [i.key for i in due.due_now(NOW, person_id)] == [i.key for i in due_before]
    assert today_rows_for(view, person_id)
    assert window.sidebar.item(0).text() == f"Vandaag ({view.due_now_count()})"


def test_a_message_needs_its_direction_chosen(window, qtbot):
    person_id = stoppable_person()
    window.open_quick_note()
    note = window.quick_note
    note.person.setEditText(Person.get_by_id(person_id).name)
    note.choose("message")
    assert note.direction.isEnabled() and note.direction.currentIndex() == -1
    note.text.setPlainText("Hoi! Alles goed?")
    note.save()
    assert note.dialog.isVisible()  # refused: who wrote to whom is never guessed
    assert note.errors["direction"].text() == "Kies wie contact opnam."
    assert due.due_now(NOW, person_id)
    note.direction.setCurrentIndex(note.direction.findData("in"))
    note.save()
    assert not note.dialog.isVisible()
    assert due.due_now(NOW, person_id) == []  # chosen on purpose: now her ladder stops
