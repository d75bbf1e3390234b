"""What goes into one ladder message, and when (issue 17), in the pure domain.

- a deadline DATE is missed only when that day is over in the owner's zone: step 1 is
  never due on the deadline day itself (also on days the clocks change, whatever $TZ is);
- a late deliverable makes the parcel check-in of its collaboration unnecessary, and an
  unanswered-message follow-up too: they are dropped, not asked in the same or another
  message;
- check-ins and follow-ups never climb past step 3, and a final notice (step 4) names every
  late deliverable of hers, of every collaboration (one notice, one date);
- each item shows its own moment, not that of another part it carries.
The same over the real store and the demo: tests/test_ladder_messages.py.
"""

import os
import time as systime
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.domain import followup as f
from desktop.domain.followup import Contact, LadderSettings, PersonInfo, Promise
from tests.ladder_states import climbed

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS)
NOW = datetime(2026, 11, 23, 9, 30)  # Monday 10:30 in Amsterdam
PEOPLE = {1: PersonInfo(1, "Sanne", ("instagram", "email", "phone")), 2: PersonInfo(2, "Lotte", ("email",))}


def utc(y, m, d, h, mi=0, tz=AMS):
    return datetime(y, m, d, h, mi, tzinfo=tz).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def on(y, m, d, tz=AMS):
    """A deadline date as the collaboration dialog stores it: 23:59 local that day."""
    return utc(y, m, d, 23, 59, tz)


def reel(deadline, subject_id=10, collab=1, person=1):
    return Promise("deliverable", person, "deliverable", subject_id, deadline, details={"collaboration_id": collab})


def parcel(sent_at, subject_id=5, collab=1, person=1):
    return Promise("shipment", person, "shipment", subject_id, sent_at, details={"collaboration_id": collab})


def reply(message_at, subject_id=7, person=1, days=3):
    return Promise("reply", person, "event", subject_id, message_at + timedelta(days=days), since=message_at)


def plan(promises, contacts=(), states=(), now=NOW, settings=S):
    return f.plan(promises, PEOPLE, contacts, states, settings, now)


def due(promises, contacts=(), states=(), now=NOW, settings=S):
    return f.due_now(plan(promises, contacts, states, now, settings), now)


def simulate(promises, days=14, settings=S, start=NOW, act="sent", states=()):
    """Hour by hour, the owner acts on every item the moment it is due (a strike task is
    dismissed), from ``states`` on. Returns every item acted on, in order."""
    states, contacts, done = list(states), [], []
    for hour in range(days * 24):
        now = start + timedelta(hours=hour)
        for item in due(promises, contacts, states, now, settings):
            status = act if item.action == "message" else "dismissed"
            states += f.with_state([], item, status, now)
            if status == "sent":
                contacts.append(Contact(item.person_id, now, "out", item.channel))
            done.append((now, item))
    return done


# --- a deadline date ends at midnight ---------------------------------------------------

# Days the clocks change: (zone, day). Santiago skips midnight itself (00:00 -> 01:00 on
# 6 September 2026) and repeats 23:00-24:00 on 4 April 2026.
CHANGES = [("Europe/Amsterdam", date(2026, 3, 29)), ("Europe/Amsterdam", date(2026, 10, 25)),
           ("America/New_York", date(2026, 3, 8)), ("America/New_York", date(2026, 11, 1)),
           ("America/Santiago", date(2026, 4, 4)), ("America/Santiago", date(2026, 9, 5)),
           ("America/Santiago", date(2026, 9, 6)), ("Europe/Amsterdam", date(2026, 12, 2))]


def first_step_moment(deadline, settings):
    [item] = plan([reel(deadline)], now=deadline, settings=settings)
    assert item.step == "1"
    return item.due


@pytest.mark.parametrize("zone, day", CHANGES)
@pytest.mark.parametrize("quiet", [(time(21), time(9)), (time(0), time(0)), (time(0), time(6))])
def test_step_one_is_never_due_on_the_deadline_day_itself(zone, day, quiet):
    tz = ZoneInfo(zone)
    settings = LadderSettings(tz=tz, quiet_start=quiet[0], quiet_end=quiet[1])
    start = utc(day.year, day.month, day.day, 0, 0, tz)
    end = f.end_of_local_day(start, settings)
    assert f.local_date(end, settings) == day + timedelta(days=1)
    assert f.local_date(end - timedelta(minutes=1), settings) == day
    # any moment of the deadline day, stored as a moment (the UI stores 23:59, imports
    # and older data other times of the day)
    moment = start
    while f.local_date(moment, settings) == day:
        deadline = moment
        step_one = first_step_moment(deadline, settings)
        assert step_one >= end and f.local_date(step_one, settings) > day
        # due nowhere on the deadline day, due once that day is over (outside quiet hours)
        for now in (deadline, end - timedelta(minutes=1)):
            assert due([reel(deadline)], now=now, settings=settings) == []
        assert [i.step for i in due([reel(deadline)], now=step_one, settings=settings)] == ["1"]
        moment += timedelta(minutes=37)


def test_the_deadline_day_of_issue_17_and_the_computer_zone_does_not_matter(monkeypatch):
    """Deadline Wednesday 2 December: not due at 18:00 that day, due Thursday morning,
    in the owner's zone (the settings), whatever zone the computer (TZ) is in."""
    deadline = utc(2026, 12, 2, 18)  # what the demo used to store: 18:00 on the day
    results = []
    for tz_env in ("America/New_York", "Asia/Tokyo", "Europe/Amsterdam"):
        monkeypatch.setenv("TZ", tz_env)
        systime.tzset()
        try:
            assert due([reel(deadline)], now=utc(2026, 12, 2, 18)) == []
            assert due([reel(deadline)], now=utc(2026, 12, 2, 20, 59)) == []
            [item] = due([reel(deadline)], now=utc(2026, 12, 3, 9))
            results.append((item.step, item.due))
        finally:
            monkeypatch.delenv("TZ")
            systime.tzset()
    assert results == [("1", utc(2026, 12, 3, 9))] * 3
    assert "TZ" not in os.environ or os.environ["TZ"]  # restored


def test_the_ladder_keeps_its_days_after_the_deadline_day():
    done = simulate([reel(on(2026, 11, 22))], start=utc(2026, 11, 22, 12))
    assert [(i.step, i.own_due) for _at, i in done] == [
        ("1", utc(2026, 11, 23, 9)), ("2", utc(2026, 11, 24, 9)), ("3", utc(2026, 11, 25, 9)),
        ("4", utc(2026, 11, 26, 9)), ("strike", utc(2026, 12, 4, 9))]  # the notice's date (3 December) over


# --- check-ins and follow-ups ----------------------------------------------------------

def test_a_late_deliverable_drops_the_parcel_check_in_of_its_collaboration():
    promises = [reel(on(2026, 11, 20)), parcel(NOW - timedelta(days=7))]  # step 3, check-in since 20 Nov
    climb = climbed(promises[0], 3, NOW)
    [item] = due(promises, states=climb)
    assert item.step == "3" and [p.kind for p in item.parts] == ["deliverable"]
    # never asked later either, at any step, while the reel is late
    done = simulate(promises, states=climb)
    assert [i.step for _at, i in done] == ["3", "4", "strike"]
    assert all(p.kind == "deliverable" for _at, i in done for p in i.parts)
    # before the deadline day is over the parcel question is asked, alone
    [before] = due(promises, now=utc(2026, 11, 20, 12))
    assert before.step == "received" and before.kind == "shipment"
    # a check-in that would only come after the deadline is not announced either
    assert [i.kind for i in plan([reel(on(2026, 11, 25)), parcel(NOW - timedelta(days=1))])] == ["deliverable"]
    assert [i.kind for i in plan([reel(on(2026, 11, 25)), parcel(NOW - timedelta(days=2))])] == ["shipment", "deliverable"]
    # the parcel of ANOTHER collaboration is still asked, in a friendly step
    other = [reel(on(2026, 11, 22)), parcel(NOW - timedelta(days=6), collab=2)]
    [item] = due(other)
    assert item.step == "1" and [p.kind for p in item.parts] == ["deliverable", "shipment"]


def test_a_check_in_alone_never_reaches_step_four_and_is_asked_once():
    done = simulate([parcel(NOW - timedelta(days=3), collab=1)], days=20)
    assert [(i.step, i.final) for _at, i in done] == [("received", False)]
    ignored = simulate([parcel(NOW - timedelta(days=3))], days=20, act="snoozed")
    assert {i.step for _at, i in ignored} == {"received"}


def test_a_reply_follow_up_climbs_to_step_three_at_most():
    done = simulate([reply(NOW - timedelta(days=3, hours=2))], days=20)
    assert [i.step for _at, i in done] == ["1", "2", "3"]
    assert not any(i.final or i.action == "strike" for _at, i in done)


def test_a_late_deliverable_covers_a_reply_follow_up():
    promises = [reel(on(2026, 11, 21)), reply(NOW - timedelta(days=5))]
    [item] = due(promises, states=climbed(promises[0], 2, NOW))
    assert item.step == "2" and [p.kind for p in item.parts] == ["deliverable"]
    # before the deadline is missed the follow-up is asked on its own
    assert [i.kind for i in due(promises, now=utc(2026, 11, 21, 12))] == ["reply"]


def test_a_final_notice_names_as_late_only_what_walked_the_ladder_to_it():
    """The notice ends the collaboration. A second deliverable of it, whose first reminder falls
    on the notice's day, was once named in it as late work at step 4, so its "last reminder" and
    strike came after no other message about it (walk of an influencer's month, A). It is not
    warned a last time now: the notice's words name it among what ends with the collaboration
    (``store.due.notice_facts``), it is not chased while the notice runs and ends with the
    decision. Another collaboration's parcel keeps its own message."""
    a = reel(on(2026, 11, 19), subject_id=10)  # step 4 due today
    b = reel(on(2026, 11, 22), subject_id=11)  # step 1 due today, the same collaboration
    c = parcel(NOW - timedelta(days=6), subject_id=5, collab=2)  # another collaboration's parcel
    climb = climbed(a, 4, NOW)
    [final] = due([a, b, c], states=climb)
    assert final.final and final.step == "4"
    assert [(p.subject_id, p.step) for p in final.parts] == [(10, "4")]
    # the other collaboration's parcel keeps its own, friendly message the next day (one
    # contact a day); b waits with a for her answer or the decision that ends them both
    states = climb + f.with_state([], final, "sent", NOW)
    contacts = [Contact(1, NOW, "out", "instagram")]
    assert due([a, b, c], contacts, states, now=NOW + timedelta(hours=5)) == []
    [nxt] = due([a, b, c], contacts, states, now=utc(2026, 11, 24, 9))
    assert not nxt.final and [(p.kind, p.step) for p in nxt.parts] == [("shipment", "received")]
    for days in range(2, 8):  # no message about b; the decision is the notice's
        moment = NOW + timedelta(days=days)
        items = plan([a, b, c], contacts, states, now=moment)
        assert all(p.subject_id != 11 for i in items if i.action == "message" for p in i.parts)
        [decision] = [i for i in items if i.action == "strike"]
        assert [p.subject_id for p in decision.parts] == [10]
    # another collaboration's deliverable, late that day too, is not in the notice either (its
    # words say it still stands): one notice, one date; after its decision the deliverable goes
    # on from the second step, the day after the notice's date, never with a cheerful first one
    d = reel(on(2026, 11, 22), subject_id=12, collab=3)
    [final] = due([a, d], states=climb)
    assert final.final and [p.subject_id for p in final.parts] == [10]
    states = climb + f.with_state([], final, "sent", NOW)
    later = NOW + timedelta(days=9)
    [decision] = [i for i in plan([a, d], contacts, states, now=later) if i.action == "strike"]
    decided = states + f.with_state([], decision, "dismissed", later)
    [following] = plan([a, d], contacts, decided, now=later)
    assert (following.step, [p.subject_id for p in following.parts]) == ("2", [12])
    assert f.local_date(following.due, S) == f.pause_date(NOW, S) + timedelta(days=1)


def test_customer_news_and_a_reminder_never_share_a_message():
    order = Promise("order_delay", 1, "custom_order", 3, NOW + timedelta(days=1), since=NOW - timedelta(days=9))
    items = plan([reel(on(2026, 11, 22)), order])
    assert [sorted(p.kind for p in i.parts) for i in items] == [["deliverable"], ["custom_order"]]
    assert items[0].due <= NOW < items[1].due  # the news the next day, not the same day


# --- the item's own moment ---------------------------------------------------------------

def test_each_item_shows_its_own_moment():
    # her parcel of another collaboration came due on Saturday (nobody acted), her reel's
    # step 1 this morning: one message, shown at the reel's own moment
    promises = [reel(on(2026, 11, 22)), parcel(NOW - timedelta(days=6), collab=2)]
    [item] = due(promises)
    assert item.step == "1" and [p.kind for p in item.parts] == ["deliverable", "shipment"]
    assert item.own_due == item.parts[0].due == utc(2026, 11, 23, 9)
    assert item.parts[1].due == utc(2026, 11, 21, 9)  # the check-in keeps its own: Saturday morning
    assert item.due == item.parts[1].due  # the item as a whole (for the scheduler)
    # a single part: the same moment either way
    [alone] = due([reel(on(2026, 11, 22))])
    assert alone.own_due == alone.due == utc(2026, 11, 23, 9)


# --- what a merged message may cite (review findings 2b, 13) ------------------------------

def test_a_final_notice_covers_every_late_collaboration_once():
    """Two agreements late together got a final notice each, on two days, each "my final
    reminder" with its own date (message review, finding 5): one notice names them all, with
    one date; its words give each agreement its own date, consequence and value
    (tests/test_ladder_conversation.py). Before the final step they shared every reminder."""
    a = reel(on(2026, 11, 19), subject_id=10, collab=1)
    b = reel(on(2026, 11, 19), subject_id=11, collab=2)
    c = reel(on(2026, 11, 19), subject_id=12, collab=1)
    climb = [state for promise in (a, b, c) for state in climbed(promise, 4, NOW)]
    [final] = due([a, b, c], states=climb)
    assert final.final and sorted(p.subject_id for p in final.parts) == [10, 11, 12]
    assert [i for i in plan([a, b, c], states=climb) if i.due > NOW and i.action == "message"] == []
    # before the final step, both collaborations share one reminder
    second_day = utc(2026, 11, 21, 9, 30)
    [second] = due([a, b, c], now=second_day,
                   states=[state for promise in (a, b, c) for state in climbed(promise, 2, second_day)])
    assert second.step == "2" and sorted(p.subject_id for p in second.parts) == [10, 11, 12]


def test_one_parcel_question_rides_along_at_most():
    promises = [reel(on(2026, 11, 22)), parcel(NOW - timedelta(days=5), subject_id=5, collab=2),
                parcel(NOW - timedelta(days=5), subject_id=6, collab=3)]
    [item] = due(promises)
    assert item.step == "1" and [(p.kind, p.subject_id) for p in item.parts] == [("deliverable", 10), ("shipment", 5)]
    later = [i for i in plan(promises) if i.due > NOW]
    assert [(i.step, [p.subject_id for p in i.parts]) for i in later][0] == ("received", [6])


def test_a_deadline_kept_from_one_scan_counts_in_the_zone_of_the_next():
    """The end of a deadline's day is kept across scans (the tray's every few minutes,
    docs/PERFORMANCE.md fix 56): per moment and zone, so an owner who sets another time
    zone gets that zone's day end, not the one kept from before."""
    deadline = utc(2026, 11, 20, 12, 0)  # Friday 20 November, midday in Amsterdam
    quiet_free = dict(quiet_start=time(0), quiet_end=time(0))
    amsterdam = LadderSettings(tz=AMS, **quiet_free)
    new_york = LadderSettings(tz=ZoneInfo("America/New_York"), **quiet_free)
    for _ in range(2):  # the second time from what the first scans kept
        assert first_step_moment(deadline, amsterdam) == datetime(2026, 11, 20, 23, 0)  # midnight in Amsterdam
        assert first_step_moment(deadline, new_york) == datetime(2026, 11, 21, 5, 0)  # midnight in New York
