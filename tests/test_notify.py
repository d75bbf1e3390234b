from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from desktop.clock import OwnerTime
from desktop.domain.notify import PopupPolicy, fired_late

T0 = datetime(2026, 11, 23, 10, 0)


@dataclass
class Item:
    key: str
    due: datetime


def never_quiet(now):
    return False


def test_one_item_pops_up_once():
    policy = PopupPolicy()
    items = [Item("a", T0)]
    first = policy.decide(T0, items, never_quiet)
    assert first is not None and not first.summary
    assert policy.decide(T0 + timedelta(minutes=5), items, never_quiet) is None


def test_several_due_become_one_summary_and_gap_of_a_minute():
    policy = PopupPolicy()
    items = [Item("a", T0), Item("b", T0), Item("c", T0)]
    shown = policy.decide(T0, items, never_quiet)
    assert shown.summary and len(shown.items) == 3
    later = [*items, Item("d", T0 + timedelta(seconds=20))]
    assert policy.decide(T0 + timedelta(seconds=30), later, never_quiet) is None  # within the minute
    again = policy.decide(T0 + timedelta(seconds=61), later, never_quiet)
    assert [i.key for i in again.items] == ["d"]


def test_quiet_hours_and_pause_hold_back():
    policy = PopupPolicy()
    items = [Item("a", T0)]
    assert policy.decide(T0, items, lambda now: True) is None
    policy.pause(T0 + timedelta(hours=1))
    assert policy.decide(T0 + timedelta(minutes=30), items, never_quiet) is None
    assert policy.decide(T0 + timedelta(hours=1), items, never_quiet) is not None


def test_snoozed_item_comes_back_at_its_new_time():
    policy = PopupPolicy()
    assert policy.decide(T0, [Item("a", T0)], never_quiet) is not None
    moved = Item("a", T0 + timedelta(hours=1))
    assert policy.decide(T0 + timedelta(minutes=30), [moved], never_quiet) is None  # not yet due
    assert policy.decide(T0 + timedelta(hours=1), [moved], never_quiet) is not None


def test_quiet_hours_wrap_midnight():
    owner = OwnerTime(tz=timezone.utc, quiet_start=time(21), quiet_end=time(9))
    day = datetime(2026, 11, 23)
    assert owner.is_quiet(day.replace(hour=23, minute=30))
    assert owner.is_quiet(day.replace(hour=3))
    assert not owner.is_quiet(day.replace(hour=9))
    assert not owner.is_quiet(day.replace(hour=20, minute=59))
    assert not OwnerTime(tz=timezone.utc, quiet_start=time(9), quiet_end=time(9)).is_quiet(day.replace(hour=3))


def test_quiet_hours_are_the_owners_not_the_machines():
    from zoneinfo import ZoneInfo

    owner = OwnerTime(tz=ZoneInfo("Europe/Amsterdam"))  # 21:00-09:00 there
    assert owner.is_quiet(datetime(2026, 11, 23, 20, 30))  # 21:30 in Amsterdam (UTC+1)
    assert not owner.is_quiet(datetime(2026, 7, 1, 7, 30))  # 09:30 in summer (UTC+2)
    assert owner.next_morning(datetime(2026, 11, 23, 22, 0)) == datetime(2026, 11, 24, 8, 0)
    assert owner.next_morning(datetime(2026, 11, 24, 1, 0)) == datetime(2026, 11, 24, 8, 0)  # 02:00: this morning
    assert owner.next_morning(datetime(2026, 11, 24, 8, 0)) == datetime(2026, 11, 25, 8, 0)


def test_fired_late():
    assert not fired_late(T0, T0 + timedelta(seconds=30))
    assert fired_late(T0, T0 + timedelta(hours=8))


@given(st.lists(st.tuples(st.integers(0, 600), st.integers(0, 5)), max_size=40))
def test_never_more_than_one_popup_a_minute(events):
    policy = PopupPolicy()
    shown_at = []
    items = []
    for n, (minute, count) in enumerate(sorted(events)):
        now = T0 + timedelta(minutes=minute, seconds=n % 60)
        items += [Item(f"{n}-{k}", now) for k in range(count)]
        if policy.decide(now, items, never_quiet):
            shown_at.append(now)
    assert all(b - a >= timedelta(minutes=1) for a, b in zip(shown_at, shown_at[1:]))
