"""Issue 5 item 6: steps that came due while the app was closed are shown ONCE at start,
as one summary (not one popup per item), and never again on the scheduler's next checks;
they stay in the count (banner, Vandaag) until the owner acts on them."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from desktop import app as app_module
from desktop import reminders, tray
from desktop.scheduler import RECHECK
from desktop.store import due
from desktop.views import today

from .conftest import NOW
from .helpers import start_app, stop_app


@pytest.fixture
def amsterdam(monkeypatch):
    """The owner's zone, so NOW (09:30 UTC) is 10:30 local: outside the quiet hours anywhere."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_start_after_steps_came_due_shows_one_summary_once(qtbot, demo_db, translator, monkeypatch, amsterdam,
                                                          no_other_instance):
    clock = [NOW]
    monkeypatch.setattr(app_module, "utcnow", lambda: clock[0])
    monkeypatch.setattr(today, "utcnow", lambda: clock[0])
    shown = []
    original = tray.Tray.show_announcement

    def record(self, announcement):
        shown.append(announcement)
        original(self, announcement)

    monkeypatch.setattr(tray.Tray, "show_announcement", record)
    came_due = due.due_now(NOW)
    assert len(came_due) >= 5  # the demo: every ladder step, a check-in, custom orders
    # nothing new comes due in the next recheck window, so any popup there would be a repeat
    assert not [i for i in due.plan(NOW) if NOW < i.due <= NOW + 2 * RECHECK]

    application = start_app(qtbot, "nl", ready=True)
    try:
        qtbot.waitUntil(lambda: application.scheduler.planned is not None)  # first check runs after the first paint
        assert len(shown) == 1  # ONE announcement at start, not one per item
        summary = shown[0]
        assert summary.summary and summary.catch_up
        assert sorted(i.key for i in summary.items) == sorted(i.key for i in came_due)  # none lost
        popup = application.tray.popup
        assert popup.isVisible()
        assert popup.title.text() == f"{len(came_due)} herinneringen"
        popup.hide()

        # The scheduler's next checks: the timer's recheck, a reschedule after a change
        # elsewhere, and a wake-up that fired late (sleep). Nothing is shown again...
        clock[0] = NOW + RECHECK
        application.scheduler._on_timeout()
        reminders.notify_changed()
        clock[0] = NOW + 2 * RECHECK
        application.scheduler.planned = NOW + timedelta(seconds=30)  # fired minutes late: a catch-up check
        application.scheduler._on_timeout()
        assert len(shown) == 1
        assert not popup.isVisible()
        # ...but nothing is lost either: the items stay counted until the owner acts.
        assert len(application.scheduler.items) == len(came_due)
        assert application.window.sidebar.item(0).text() == f"Vandaag ({len(came_due)})"
        assert application.window.banner.isVisible()
    finally:
        stop_app(application, qtbot)
