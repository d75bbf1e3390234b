"""A snooze only where it moves the step later: "In 1 hour" or tomorrow morning on a step of
the next days moved nothing, yet Edit → Undo got a step and the status bar said "moved later"
(review of the first week)."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QPushButton

from desktop import i18n, reminders
from desktop.clock import snooze_until
from desktop.domain import followup
from desktop.domain.followup import DueItem, DuePart
from desktop.store import due
from desktop.store.models import ReminderState
from desktop.views.main_window import MainWindow

from .conftest import NOW


def _item(due_at: datetime, *part_dues: datetime) -> DueItem:
    parts = tuple(DuePart(kind="deliverable", rule="deliverable", subject_type="deliverable", subject_id=n,
                          step="1", key=f"k{n}", template="t", reference=moment, due=moment)
                  for n, moment in enumerate(part_dues or (due_at,)))
    return DueItem(person_id=1, person_name="Sanne de Vries", kind="deliverable", subject_type="deliverable",
                   subject_id=0, step="1", channel="email", due=due_at, key="k0", template="t", parts=parts)


def test_a_snooze_moves_only_past_the_moment_a_step_comes_up():
    thursday = NOW + timedelta(days=3)
    assert not followup.snooze_moves(_item(thursday), NOW + timedelta(hours=1))
    assert not followup.snooze_moves(_item(thursday), thursday)
    assert followup.snooze_moves(_item(thursday), thursday + timedelta(minutes=1))
    assert followup.snooze_moves(_item(NOW - timedelta(hours=2)), NOW + timedelta(hours=1))
    # came due on Saturday and waits through Sunday for Monday 09:00: an hour on Sunday moves it off "to do now"
    saturday, monday = NOW - timedelta(days=2), NOW
    assert followup.snooze_moves(_item(monday, saturday), saturday + timedelta(days=1, hours=1))


def test_snoozing_a_step_of_the_next_days_records_nothing(demo_db):
    i18n.set_language("en")
    coming = [item for item in due.plan(NOW) if not followup.waiting(item, NOW)]
    assert coming
    item = min(coming, key=lambda i: i.due)
    told, steps = [], []
    reminders.changed.connect(lambda: told.append(1))
    reminders.undoable.connect(lambda what, change: steps.append(what))
    try:
        before = ReminderState.select().count()
        for how in (timedelta(hours=1), "tomorrow"):
            assert reminders.snooze([item], snooze_until(how, NOW), NOW) == []
        assert ReminderState.select().count() == before and steps == [] and told == []
        # one due now still moves, with its undo step
        now_item = next(i for i in due.plan(NOW) if followup.waiting(i, NOW))
        assert [i.key for i in reminders.snooze([now_item], NOW + timedelta(hours=1), NOW)] == [now_item.key]
        assert steps == [f"reminder for {now_item.person_name} moved later"] and told == [1]
    finally:
        reminders.changed.disconnect()
        reminders.undoable.disconnect()
        i18n.set_language("nl")


@pytest.fixture
def window(qtbot, demo_db, translator):
    i18n.set_language("en")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_today()
    yield w
    i18n.set_language("nl")


def _buttons(view):
    return [b.objectName() for b in view.detail_footer.findChildren(QPushButton) if not b.isHidden()]


def test_vandaag_offers_a_snooze_only_where_it_moves_the_step(window):
    view = window.current_view()
    rows = {row.extra["group"]: index for index, row in reversed(view.item_rows())}
    assert "week" in rows and "now" in rows
    view.table.selectRow(rows["week"])
    assert sorted(_buttons(view)) == ["todayDone", "todayOpen"]
    view.table.selectRow(rows["now"])
    assert sorted(_buttons(view)) == ["todayDone", "todayHour", "todayOpen", "todayTomorrow"]


def test_the_steps_window_offers_no_snooze_for_a_step_of_the_next_days(window, qtbot):
    from desktop.views.due_dialog import DueStepDialog

    view = window.current_view()
    week = next(view.items[row.id] for _i, row in view.item_rows() if row.extra["group"] == "week")
    dialog = DueStepDialog(week, view)
    qtbot.addWidget(dialog)
    assert not dialog.snooze_hour.isVisible() and not dialog.snooze_tomorrow.isVisible()
    assert dialog.snooze_button.isHidden()
    now = next(view.items[row.id] for _i, row in view.item_rows() if row.extra["group"] == "now")
    other = DueStepDialog(now, view)
    qtbot.addWidget(other)
    assert other.snooze_hour.isVisible() and other.snooze_tomorrow.isVisible() and not other.snooze_button.isHidden()


def _local(hour, minute, day=None):
    from desktop.clock import local_to_utc

    day = day or NOW.date()
    return local_to_utc(datetime(day.year, day.month, day.day, hour, minute))


@pytest.mark.parametrize("hour, minute, day, offered", [
    (10, 30, 0, (True, True)),   # "In 1 hour" at 11:30, tomorrow at 09:00
    (20, 30, 0, (False, True)),  # 21:30 is in the quiet hours: it comes back tomorrow at 09:00 too
    (7, 30, 1, (False, True)),   # 08:30 is still quiet: it comes back at 09:00, as "Today 09:00"
    (8, 30, 1, (True, True)),    # 09:30, not the morning's 09:00
])
def test_in_1_hour_is_not_offered_where_it_comes_back_with_the_morning(hour, minute, day, offered):
    """At 20:30 "In 1 hour" and "Tomorrow 09:00" both moved the step to tomorrow 09:00, at 07:30
    both to today 09:00 (review, session 33): the morning one is offered, not the hour."""
    now = _local(hour, minute, NOW.date() + timedelta(days=day))
    assert reminders.snoozes_offered(_item(now - timedelta(hours=2)), now) == offered
    # a step of the next days: neither
    assert reminders.snoozes_offered(_item(now + timedelta(days=3)), now) == (False, False)


def test_vandaag_and_the_steps_window_leave_out_in_1_hour_in_the_evening(window, frozen_clock, qtbot):
    from desktop.views.due_dialog import DueStepDialog

    frozen_clock.set(_local(20, 30))
    view = window.current_view()
    view.refresh()
    index, row = next((i, r) for i, r in view.item_rows() if r.extra["group"] == "now")
    view.table.selectRow(index)
    assert sorted(_buttons(view)) == ["todayDone", "todayOpen", "todayTomorrow"]
    dialog = DueStepDialog(view.items[row.id], view)
    qtbot.addWidget(dialog)
    assert not dialog.snooze_hour.isVisible() and dialog.snooze_tomorrow.isVisible()
    assert not dialog.snooze_button.isHidden()
    # in the day both are offered, in both places
    frozen_clock.set(_local(11, 0))
    view.refresh()
    index, row = next((i, r) for i, r in view.item_rows() if r.extra["group"] == "now")
    view.table.selectRow(index)
    assert sorted(_buttons(view)) == ["todayDone", "todayHour", "todayOpen", "todayTomorrow"]
    other = DueStepDialog(view.items[row.id], view)
    qtbot.addWidget(other)
    assert other.snooze_hour.isVisible() and other.snooze_tomorrow.isVisible()
