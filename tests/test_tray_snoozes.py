"""The tray's popup and the desktop notifications offer the snoozes Vandaag and the step's
window offer (``reminders.snoozes_offered``): at 20:30 an "In 1 hour" falls in the quiet
hours and comes back tomorrow at 09:00, as the morning button beside it does; a notification
offered it all the same. Fixed moments in the owner's zone (Europe/Amsterdam), whatever the
machine's zone."""

from datetime import date, datetime, timedelta

import pytest

from desktop import i18n
from desktop.clock import local_to_utc
from desktop.domain.notify import Announcement
from desktop.notifications import buttons_for
from desktop.tray import ReminderPopup

from .conftest import NOW
from .helpers import Item, describe

MONDAY = NOW.date()  # Monday 23 November 2026


def _local(hour: int, minute: int, day: date = MONDAY) -> datetime:
    """The owner's ``hour:minute`` on ``day`` (Amsterdam) as the clock's naive UTC."""
    return local_to_utc(datetime(day.year, day.month, day.day, hour, minute))


def _one(due: datetime, key: str = "a") -> Announcement:
    return Announcement(items=[Item(key, due)], summary=False)


def _shown(popup: ReminderPopup) -> list[str]:
    buttons = (popup.open_button, popup.hour_button, popup.tomorrow_button, popup.done_button)
    return [button.text() for button in buttons if not button.isHidden()]


@pytest.mark.parametrize("language, day_labels, evening_labels, night_labels", [
    ("nl", ["Openen", "Over 1 uur", "Morgen 09:00", "Afvinken"], ["Openen", "Morgen 09:00", "Afvinken"],
     ["Openen", "Vandaag 09:00", "Afvinken"]),
    ("en", ["Open", "In 1 hour", "Tomorrow 09:00", "Done"], ["Open", "Tomorrow 09:00", "Done"],
     ["Open", "Today 09:00", "Done"]),
])
def test_a_notification_offers_no_in_1_hour_that_means_tomorrow_morning(
        frozen_clock, translator, language, day_labels, evening_labels, night_labels):
    i18n.set_language(language)
    frozen_clock.set(_local(11, 0))  # in the day: back at 12:00, or tomorrow morning
    assert [label for _key, label in buttons_for(_one(frozen_clock.now - timedelta(hours=2)))] == day_labels
    frozen_clock.set(_local(20, 30))  # 21:30 is in the quiet hours: tomorrow at 09:00 as the morning button
    evening = buttons_for(_one(frozen_clock.now - timedelta(hours=2)))
    assert [key for key, _label in evening] == ["open", "tomorrow", "done"]
    assert [label for _key, label in evening] == evening_labels
    # 07:30 on Tuesday: an hour later is still quiet; both would bring it back at 09:00 today
    frozen_clock.set(_local(7, 30, MONDAY + timedelta(days=1)))
    assert [label for _key, label in buttons_for(_one(frozen_clock.now - timedelta(hours=12)))] == night_labels


def test_a_summary_offers_a_snooze_that_moves_one_of_its_reminders(frozen_clock, translator):
    i18n.set_language("en")
    frozen_clock.set(_local(11, 0))
    now = frozen_clock.now
    coming = Item("later", now + timedelta(days=3))  # a step of Thursday: no snooze moves it
    assert [key for key, _label in buttons_for(_one(coming.due))] == ["open", "done"]
    summary = Announcement(items=[coming, Item("now", now - timedelta(hours=1))], summary=True)
    assert [key for key, _label in buttons_for(summary)] == ["open", "hour", "tomorrow"]
    frozen_clock.set(_local(20, 30))
    summary = Announcement(items=[coming, Item("now", frozen_clock.now - timedelta(hours=1))], summary=True)
    assert [key for key, _label in buttons_for(summary)] == ["open", "tomorrow"]


@pytest.mark.parametrize("language, day_labels, evening_labels", [
    ("nl", ["Openen", "Over 1 uur", "Morgen 09:00", "Afvinken"], ["Openen", "Morgen 09:00", "Afvinken"]),
    ("en", ["Open", "In 1 hour", "Tomorrow 09:00", "Done"], ["Open", "Tomorrow 09:00", "Done"]),
])
def test_the_popup_offers_the_same_snoozes_and_follows_the_clock(
        qtbot, frozen_clock, translator, language, day_labels, evening_labels):
    i18n.set_language(language)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    frozen_clock.set(_local(20, 30))
    due = frozen_clock.now - timedelta(hours=2)
    popup.show_announcement(_one(due), describe)
    assert _shown(popup) == evening_labels
    popup.hide()
    frozen_clock.set(_local(19, 30))  # 20:30 is still before the quiet hours: an hour means an hour
    popup.show_announcement(_one(due), describe)
    assert _shown(popup) == day_labels
    # left up until 20:30: the pointer on its way to a button finds no "In 1 hour" any more
    frozen_clock.set(_local(20, 30))
    popup.refresh_labels()
    assert _shown(popup) == evening_labels
    popup.follow(list(popup.items))  # the scheduler's check says the same
    assert _shown(popup) == evening_labels


def test_the_popup_offers_no_snooze_that_moves_nothing(qtbot, frozen_clock, translator):
    i18n.set_language("en")
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    frozen_clock.set(_local(11, 0))
    popup.show_announcement(_one(frozen_clock.now + timedelta(days=3)), describe)
    assert _shown(popup) == ["Open", "Done"]
