"""Vandaag follows the clock while the app stays open: a step whose moment came moves to
"Nu te doen" at the scheduler's next check, as the tray's count does (review of the first
week: at 09:01 the tray said three reminders, Vandaag still "Later vandaag 09:00")."""

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QPushButton

from desktop import i18n, reminders
from desktop.scheduler import Scheduler
from desktop.views.main_window import MainWindow

from .conftest import NOW


@pytest.fixture
def window(qtbot, demo_db, translator):
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_today()
    return w


@pytest.fixture
def scheduler(window, frozen_clock):
    """The app's wiring: each check hands what is due to the tray and the window (app._on_due_changed)."""
    from types import SimpleNamespace

    from desktop.app import Application

    app = SimpleNamespace(tray=SimpleNamespace(set_items=lambda items: None), window=window)
    s = Scheduler(reminders.due_items, reminders.next_due, clock=frozen_clock)
    s.due_changed.connect(lambda items: Application._on_due_changed(app, items))
    yield s
    s.timer.stop()


def _rows(view, group):
    return [(index, view.items[row.id]) for index, row in view.item_rows() if row.extra["group"] == group]


def _loads(view, monkeypatch):
    count = [0]
    real = view.load_rows

    def counting():
        count[0] += 1
        return real()

    monkeypatch.setattr(view, "load_rows", counting)
    return count


def test_a_step_whose_moment_came_moves_to_to_do_now(window, scheduler, frozen_clock, monkeypatch):
    view = window.current_view()
    scheduler.check()
    later = _rows(view, "today") + _rows(view, "week")
    assert later, "the demo shop has a step still to come"
    first_later = min(later, key=lambda pair: pair[1].due)[1]
    # She sits on a row due now; meanwhile the later step's moment comes.
    index, selected = _rows(view, "now")[-1]
    view.table.selectRow(index)
    loads = _loads(view, monkeypatch)
    frozen_clock.set(first_later.due + timedelta(minutes=1))
    scheduler.check()  # what the timer does at that moment
    assert loads[0] == 1
    moved = {item.key for _i, item in _rows(view, "now")}
    assert first_later.key in moved
    assert view.model.rows[0].cells[0].startswith("Nu te doen: ")
    assert window.sidebar.item(0).text() == f"Vandaag ({view.due_now_count()})"
    assert all(not row.cells[0].startswith("Later vandaag") or view.items[row.id].due > frozen_clock()
               for _i, row in view.item_rows())
    # the row she was on stays selected while it is listed, its pane shown
    if any(selected.key in item.keys for item in view.items):
        assert selected.key in view.items[view.current_id].keys
        assert view.table.currentIndex().row() == next(
            i for i, row in view.item_rows() if selected.key in view.items[row.id].keys)
    # the next recheck with nothing new loads nothing
    scheduler.check()
    assert loads[0] == 1


def test_a_new_day_reads_the_list_again(window, scheduler, frozen_clock, monkeypatch):
    view = window.current_view()
    scheduler.check()
    loads = _loads(view, monkeypatch)
    frozen_clock.advance(timedelta(minutes=5))
    scheduler.check()
    assert loads[0] == 0  # five minutes later, the same reminders due: nothing to load
    # The laptop slept through the night, the clock jumped: the day changed
    frozen_clock.set(NOW.replace(hour=23, minute=30))  # 00:30 in Amsterdam
    scheduler.check()
    assert loads[0] == 1
    assert not _rows(view, "today") or all(item.due.date() >= frozen_clock().date() for _i, item in _rows(view, "today"))


def test_a_hidden_vandaag_loads_when_shown(window, scheduler, frozen_clock, monkeypatch):
    view = window.current_view()
    scheduler.check()
    first_later = min((item for _i, item in _rows(view, "today") + _rows(view, "week")), key=lambda i: i.due)
    window.show_view("influencers")
    loads = _loads(view, monkeypatch)
    frozen_clock.set(first_later.due + timedelta(minutes=1))
    scheduler.check()
    assert loads[0] == 0  # out of sight: not now...
    window.show_view("today")
    assert loads[0] == 1  # ...but when she looks
    assert first_later.key in {item.key for _i, item in _rows(view, "now")}


def test_an_action_loads_vandaag_once(window, scheduler, qtbot, monkeypatch):
    """The scheduler's check after an action finds Vandaag loaded already (one load per action)."""
    reminders.changed.connect(scheduler.reschedule)
    try:
        view = window.current_view()
        scheduler.check()
        index, _item = next((i, item) for i, item in _rows(view, "now")
                            if item.action == "message" and item.kind not in ("gift", "agreement")
                            and not item.ships_an_order)
        view.table.selectRow(index)
        loads = _loads(view, monkeypatch)
        view.detail_footer.findChild(QPushButton, "todayDone").click()
        assert loads[0] == 1
    finally:
        reminders.changed.disconnect(scheduler.reschedule)


def test_an_order_pane_shows_the_reminder_whose_moment_came(window, scheduler, frozen_clock):
    """Maatwerk's pane on screen: the reminder that came due meanwhile shows in it, with its button."""
    from PySide6.QtWidgets import QWidget

    from desktop.domain import followup
    from desktop.store import due

    scheduler.check()
    coming = [item for item in due.plan(NOW) if not followup.waiting(item, NOW) and item.step == "delay_warning"]
    assert coming, "the demo shop has an order's news still to come"
    item = min(coming, key=lambda i: i.due)
    window.show_view("orders")
    view = window.current_view()
    assert view.select_id(item.subject_id)
    assert view.detail.findChild(QWidget, "dueBanner") is None
    frozen_clock.set(item.due + timedelta(minutes=1))
    scheduler.check()
    assert view.current_id == item.subject_id
    assert view.detail.findChild(QWidget, "dueBanner") is not None


def test_nothing_loads_while_she_types_a_search(window, scheduler, frozen_clock, qtbot, monkeypatch):
    """A reload for the clock waits while a search keystroke's pane is still to come, then follows."""
    view = window.current_view()
    scheduler.check()
    first_later = min((item for _i, item in _rows(view, "today") + _rows(view, "week")), key=lambda i: i.due)
    view.search.setText(first_later.person_name.split()[0])
    view._apply_filter()
    assert view.detail_pending()
    loads = _loads(view, monkeypatch)
    frozen_clock.set(first_later.due + timedelta(minutes=1))
    scheduler.check()
    assert loads[0] == 0  # not under her fingers
    qtbot.waitUntil(lambda: loads[0] == 1, timeout=5000)  # after the pause
    assert view.search.text() and first_later.key in {item.key for _i, item in _rows(view, "now")}


def test_nothing_loads_while_a_menu_is_open(window, scheduler, frozen_clock, qtbot, monkeypatch):
    """A reload for the clock took the pane, and the drop-down menu open in it ("Zoekgeraakt of
    retour") went from under her cursor (review, session 33): it waits while a menu is open."""
    from PySide6.QtWidgets import QApplication, QMenu
    from shiboken6 import isValid

    view = window.current_view()
    scheduler.check()
    first_later = min((item for _i, item in _rows(view, "today") + _rows(view, "week")), key=lambda i: i.due)
    index, _item = _rows(view, "now")[0]
    view.table.selectRow(index)
    button = view.detail_footer.findChild(QPushButton)
    menu = QMenu(button)  # a menu of the pane: a reload deletes it with the pane
    menu.addAction("Zoekgeraakt")
    menu.addAction("Retour")
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    loads = _loads(view, monkeypatch)
    frozen_clock.set(first_later.due + timedelta(minutes=1))
    scheduler.check()
    qtbot.wait(1300)  # past a retry (DETAIL_RETRY_MS), still open
    assert loads[0] == 0 and isValid(menu) and menu.isVisible()  # still under her cursor
    menu.close()
    qtbot.waitUntil(lambda: loads[0] == 1, timeout=5000)  # once it closed
    assert first_later.key in {item.key for _i, item in _rows(view, "now")}
