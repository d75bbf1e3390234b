"""Vandaag: what is due now and today, with its ready message and the act/snooze/done buttons."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from desktop import i18n
from desktop.store.models import Event, ReminderState
from desktop.views import today
from desktop.views.main_window import MainWindow
from desktop.views.today import bucket

from .conftest import NOW


@pytest.fixture
def window(qtbot, demo_db, translator, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_today()
    return w


def test_buckets():
    end = datetime(2026, 11, 24, 0, 0)
    assert bucket(NOW - timedelta(hours=1), NOW, end) == "now"
    assert bucket(NOW + timedelta(hours=3), NOW, end) == "today"
    assert bucket(NOW + timedelta(days=3), NOW, end) == "week"
    assert bucket(NOW + timedelta(days=9), NOW, end) is None


def test_today_lists_what_is_due_most_urgent_first(window):
    view = window.current_view()
    assert view.key == "today"
    assert view.model.rowCount() >= 5
    dues = [view.items[r.id].due for r in view.model.rows]
    assert dues == sorted(dues)
    first = view.model.rows[0]
    assert first.cells[0] == "Nu" and first.colour == "red"
    names = {r.cells[1] for r in view.model.rows}
    assert "Emma Visser" not in names  # she posted on time
    assert window.sidebar.item(0).text() == f"Vandaag ({view.due_now_count()})"


def test_detail_shows_the_ready_message_in_plain_text(window):
    view = window.current_view()
    row = next(i for i, r in enumerate(view.model.rows) if view.items[r.id].action == "message")
    view.table.selectRow(row)
    text = view.detail.findChild(QPlainTextEdit, "todayMessage")
    assert text is not None and text.isReadOnly()
    item = view.items[view.model.rows[row].id]
    assert item.person_name.split()[0] in text.toPlainText()  # addressed by first name


def test_snooze_and_done_take_the_item_off_the_list(window, qtbot):
    view = window.current_view()
    before = view.model.rowCount()
    now_rows = [r for r in view.model.rows if r.cells[0] == "Nu"]
    view.table.selectRow(view.model.rows.index(now_rows[0]))
    item = view.items[view.model.rows[view.table.currentIndex().row()].id]
    view.detail.findChild(QPushButton, "todayTomorrow").click()
    qtbot.waitUntil(lambda: all(view.items[r.id].key != item.key or r.cells[0] != "Nu" for r in view.model.rows))
    state = ReminderState.get(ReminderState.key == item.key)
    assert state.status == "snoozed" and state.snoozed_until > NOW
    view.table.selectRow(0)
    second = view.items[view.model.rows[0].id]
    events_before = Event.select().count()
    view.detail.findChild(QPushButton, "todayDone").click()
    qtbot.waitUntil(lambda: all(view.items[r.id].key != second.key for r in view.model.rows))
    assert ReminderState.get(ReminderState.key == second.key).status == "dismissed"
    assert Event.select().count() == events_before  # done without a message sends nothing
    assert view.model.rowCount() <= before


def test_open_and_send_opens_the_due_step_dialog(window, qtbot, monkeypatch):
    from desktop.views import due_dialog

    opened = []
    monkeypatch.setattr(due_dialog, "open_due_item", lambda item, parent=None, on_acted=None: opened.append(item))
    view = window.current_view()
    view.table.selectRow(0)
    view.detail.findChild(QPushButton, "todayOpen").click()
    assert opened and opened[0].key == view.items[view.model.rows[0].id].key


def test_english_and_empty_state(qtbot, database, translator, monkeypatch):
    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    i18n.set_language("en")
    w = MainWindow()
    qtbot.addWidget(w)
    view = w.view("today")
    assert view.title.text() == "Today"
    assert view.pages.currentIndex() == 0
    assert view.empty_title.text() == "Nothing to do today"
