"""One action, one load of each view (docs/PERFORMANCE.md, round 28): a reminder acted on from
Vandaag reached it twice, through ``reminders.changed`` and through the window's "data
changed", and a Settings save did the same. Each view now loads once per action, and every
view that shows what changed still shows it."""

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from desktop import i18n, reminders
from desktop.store import due, settings
from desktop.store.models import Event, ReminderState
from desktop.views.due_dialog import DueStepDialog
from desktop.views.main_window import VIEW_KEYS, MainWindow

from .conftest import NOW


def _window(qtbot, lazy: bool) -> MainWindow:
    i18n.set_language("nl")
    w = MainWindow(lazy_views=lazy)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    if lazy:  # every view built once (shown), then back to Vandaag
        for key in VIEW_KEYS:
            w.show_view(key)
    w.show_today()
    qtbot.wait(1)  # the turn of those loads is over
    return w


@pytest.fixture
def window(qtbot, demo_db, translator):
    return _window(qtbot, lazy=False)


@pytest.fixture
def lazy_window(qtbot, demo_db, translator):
    return _window(qtbot, lazy=True)


def count_loads(window, monkeypatch) -> dict[str, list]:
    """Every load of every built view, by its key (a view loads in ``refresh``)."""
    loads = {}
    for view in window.built_views():
        seen = loads[view.key] = []
        original = view.refresh

        def counted(*args, _original=original, _seen=seen, **kwargs):
            _seen.append(1)
            return _original(*args, **kwargs)

        monkeypatch.setattr(view, "refresh", counted)
    return loads


def loads_of(loads) -> dict[str, int]:
    return {key: len(seen) for key, seen in loads.items()}


def open_step_from_today(window, qtbot) -> DueStepDialog:
    """A message step due now, opened as Vandaag's "Open and send…" does."""
    view = window.view("today")
    row = next(index for index, r in view.item_rows()
               if view.items[r.id].action == "message" and view.items[r.id].kind in ("deliverable", "shipment"))
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.detail_footer.findChild(QPushButton, "todayOpen") is not None)
    view.detail_footer.findChild(QPushButton, "todayOpen").click()
    dialog = view.findChild(DueStepDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def keys_listed(view) -> set[str]:
    return {key for _i, row in view.item_rows() for key in view.items[row.id].keys}


def test_verstuurd_from_vandaag_loads_each_view_once_and_every_view_shows_it(window, qtbot, monkeypatch):
    dialog = open_step_from_today(window, qtbot)
    item = dialog.item
    today, timeline = window.view("today"), window.view("timeline")
    assert item.key in keys_listed(today)
    loads = count_loads(window, monkeypatch)
    dialog.sent_button.click()
    assert loads_of(loads) == {key: 1 for key in VIEW_KEYS}  # Vandaag: 2 before
    # ...and what they show is the step sent: off Vandaag, on the timeline, on the sidebar
    sent = Event.select().where(Event.kind == "reminder", Event.person == item.person_id).order_by(Event.id.desc()).get()
    assert ReminderState.get(ReminderState.key == item.key).status == "sent"
    assert item.key not in keys_listed(today)
    assert timeline.model.row_of(sent.id) >= 0
    assert window.sidebar.item(0).text() == f"Vandaag ({today.due_now_count()})"


@pytest.mark.parametrize("press", ["snooze", "dismiss"])
def test_snooze_or_done_in_the_dialog_loads_vandaag_once(window, qtbot, monkeypatch, press):
    dialog = open_step_from_today(window, qtbot)
    item = dialog.item
    today = window.view("today")
    loads = count_loads(window, monkeypatch)
    if press == "snooze":
        dialog.snooze_tomorrow.trigger()
    else:
        dialog.dismiss_button.click()
    assert loads_of(loads) == {key: 1 for key in VIEW_KEYS}
    assert ReminderState.get(ReminderState.key == item.key).status == ("snoozed" if press == "snooze" else "dismissed")
    now_keys = {key for _i, row in today.item_rows() if row.extra["group"] == "now" for key in today.items[row.id].keys}
    assert item.key not in now_keys


def test_with_views_built_on_demand_the_hidden_ones_load_once_when_shown(lazy_window, qtbot, monkeypatch):
    window = lazy_window
    dialog = open_step_from_today(window, qtbot)
    item = dialog.item
    loads = count_loads(window, monkeypatch)
    dialog.sent_button.click()
    assert loads_of(loads) == {"today": 1, "influencers": 0, "shipments": 0, "orders": 0, "timeline": 0}
    assert item.key not in keys_listed(window.view("today"))
    sent = Event.select().where(Event.kind == "reminder", Event.person == item.person_id).order_by(Event.id.desc()).get()
    qtbot.wait(1)
    window.show_view("timeline")  # out of sight while it was sent: it loads now, once, with it
    assert loads["timeline"] == [1]
    assert window.view("timeline").model.row_of(sent.id) >= 0


def test_saving_settings_loads_vandaag_once_and_it_shows_the_new_names(window, qtbot, monkeypatch):
    from desktop.views import dialogs

    today = window.view("today")
    key = next(today.items[r.id].key for _i, r in today.item_rows()
               if today.items[r.id].action == "message" and today.items[r.id].kind == "deliverable")

    def message() -> str:
        """The ready message of that step in Vandaag's pane."""
        today.table.selectRow(next(index for index, r in today.item_rows() if today.items[r.id].key == key))
        qtbot.waitUntil(lambda: today.detail.findChild(QPlainTextEdit, "todayMessage") is not None)
        return today.detail.findChild(QPlainTextEdit, "todayMessage").toPlainText()

    assert "Zilverwerk Zjoske" not in message()

    def fill(settings_window):
        settings_window.shop_name.setText("Zilverwerk Zjoske")
        settings_window.owner_name.setText("Zjoske")
        return settings_window.save()

    monkeypatch.setattr(dialogs, "run", fill)
    loads = count_loads(window, monkeypatch)
    window.open_settings()
    assert settings.get("shop_name") == "Zilverwerk Zjoske"
    assert loads_of(loads) == {key: 1 for key in VIEW_KEYS}  # Vandaag: 2 before
    assert "Zjoske" in message()


def test_a_change_after_the_load_in_the_same_turn_is_loaded_too(window, qtbot, monkeypatch, frozen_clock):
    """Never a view left as it was: a write after its load, or a later moment, loads it
    again, also within the same event-loop turn."""
    dialog = open_step_from_today(window, qtbot)
    today = window.view("today")
    loads = count_loads(window, monkeypatch)
    dialog.sent_button.click()
    assert loads["today"] == [1]
    # written behind the list's back in the same turn, then said: loaded again, and shown
    other = next(today.items[row.id] for _i, row in today.item_rows() if row.extra["group"] == "now")
    due.snooze(other, NOW, NOW + timedelta(days=2))
    window.data_changed.emit()
    assert loads["today"] == [1, 1]
    assert other.key not in {key for _i, row in today.item_rows() if row.extra["group"] == "now"
                             for key in today.items[row.id].keys}
    # nothing written, but the clock moved on: loaded again
    frozen_clock.advance(timedelta(days=3))
    reminders.notify_changed()
    assert loads["today"] == [1, 1, 1]
    # nothing at all changed in the same turn: nothing to load
    window.refresh_all()
    assert loads["today"] == [1, 1, 1]
    # the next turn: loaded again as before (a refresh asked for later is never skipped)
    qtbot.wait(1)
    window.refresh_all()
    assert loads["today"] == [1, 1, 1, 1]


def test_a_popup_press_with_vandaag_on_screen_loads_it_once(window, qtbot, monkeypatch):
    """The tray's popup or a notification: "Morgen 09:00" moves the reminder (reminders.changed)
    and the app tells the window (data_changed): Vandaag loaded twice."""
    from types import SimpleNamespace

    from desktop.app import Application

    today = window.view("today")
    item = next(today.items[row.id] for _i, row in today.item_rows() if row.extra["group"] == "now")
    app = SimpleNamespace(window=window)
    app._views_follow = lambda: Application._views_follow(app)
    loads = count_loads(window, monkeypatch)
    Application._snooze(app, [item], "tomorrow")
    assert loads_of(loads) == {key: 1 for key in VIEW_KEYS}  # Vandaag: 2 before
    assert ReminderState.get(ReminderState.key == item.key).status == "snoozed"
    assert item.key not in {key for _i, row in today.item_rows() if row.extra["group"] == "now"
                            for key in today.items[row.id].keys}
