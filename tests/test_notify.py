from dataclasses import dataclass
from datetime import datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.notify import PopupPolicy, fired_late, in_quiet_hours

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
    start, end = time(21), time(9)
    assert in_quiet_hours(time(23, 30), start, end)
    assert in_quiet_hours(time(3), start, end)
    assert not in_quiet_hours(time(9), start, end)
    assert not in_quiet_hours(time(20, 59), start, end)
    assert not in_quiet_hours(time(3), time(9), time(9))


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
