"""A deliverable that goes late while her conversation runs (walk of an influencer's month):
Sanne's two stories were due Friday 18 December, her reel Monday 21 December, nothing posted,
every step sent.

A. The reel joined the stories' conversation at step 3 ("I'm trying to reach you this way,
   because I haven't heard from you about your two stories and your reel": never asked about)
   and the next day got the final notice with the invoice, two days after its deadline. A
   deliverable now joins only while two messages are left before the notice
   (``followup.JOIN_BEFORE_FINAL``); later, the notice names it among what ends with the
   collaboration (or, of another collaboration, what still stands) and the strike is about what
   walked the ladder.
D. Her deliverable she answered about (rule "deliverable_answered") and one late since (rule
   "deliverable") were two conversations: the answered one was named in the other's final
   notice ("I haven't heard from you since the deadline", though she wrote) and got a final
   notice of its own two days later.
B. The joint decision after a notice that named both gave the reel's part its own moment (from
   its deadline: Saturday 2 January 09:00) instead of the notice's.
C. ``store.due.due_now`` left that part out of the decision ``plan`` showed.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from desktop import i18n
from desktop.domain import followup as f
from desktop.presentation import due_texts
from desktop.store import due
from desktop.store.models import Collaboration
from tests import test_ladder_conversation as conversation
from tests.test_ladder_conversation import AMS, _collab, _person, _utc

shop = conversation.shop  # the same shop fixture

S = f.LadderSettings(tz=AMS)
MONTH_START = _utc(date(2026, 12, 14), time(9, 30))  # Monday 14 December


def _walk(frozen_clock, start: datetime = MONTH_START, days: int = 30):
    """Every three hours: what is due now must be what the week's plan says is due (C); every
    message sent at once, every decision ended without a strike. Returns (moment, item, body)."""
    i18n.set_language("nl")
    done = []
    now = start
    while now < start + timedelta(days=days):
        frozen_clock.set(now)
        planned = f.due_now(due.plan(now), now)
        found = due.due_now(now)
        assert [(i.key, i.keys, i.due, [p.due for p in i.parts]) for i in found] == [
            (i.key, i.keys, i.due, [p.due for p in i.parts]) for i in planned], now
        for item in found:
            if item.action == "message":
                body = due_texts.compose(item, now).body.replace("\xa0", " ")
                due.mark_sent(item, now, item.channel or "email", body)
                done.append((now, item, body))
            elif item.action == "strike":
                due.end_without_strike(item, now, "Geen reactie na de laatste herinnering")
                done.append((now, item, ""))
        now += timedelta(hours=3)
    return done


def _sanne(shop, reel_collab_apart: bool = False):
    sanne = _person("Sanne de Vries", email="sanne@example.nl")
    agreed = MONTH_START - timedelta(days=10)
    if not reel_collab_apart:
        c, [stories, reel] = _collab(sanne, "Ketting Luna", [("story", date(2026, 12, 18), 2),
                                                            ("reel", date(2026, 12, 21), 1)],
                                     shop["KM"], agreed, "we factureren het product tegen de winkelprijs")
        return sanne, stories, reel, [c]
    a, [stories] = _collab(sanne, "Ketting Luna", [("story", date(2026, 12, 18), 2)], shop["KM"], agreed,
                           "we factureren het product tegen de winkelprijs")
    b, [reel] = _collab(sanne, "Oorbellen Druppel", [("reel", date(2026, 12, 21), 1)], shop["OD"], agreed)
    return sanne, stories, reel, [a, b]


def _named(item, deliverable) -> bool:
    return ("deliverable", deliverable.id) in [(p.subject_type, p.subject_id) for p in item.parts]


def _check_one_conversation(done):
    messages = [(at, item, body) for at, item, body in done if item.action == "message"]
    days = [f.local_date(at, S) for at, _i, _b in messages]
    assert len(days) == len(set(days)), "two messages on one day"
    finals = [item.final for _at, item, _b in messages]
    assert not any(a and b for a, b in zip(finals, finals[1:])), "two final notices in a row"
    return messages


def test_a_deliverable_late_at_step_three_is_not_warned_a_last_time_after_one_message(shop, frozen_clock):
    """Sanne's month: the stories walk 1, 2, 3 (19, 21, 22 December) and the notice on the 23rd;
    the reel, late the day the call went out, is in no reminder as late work it was asked about
    before, the notice names it among what ends with the collaboration, and the decision is the
    stories'. Both end with it."""
    sanne, stories, reel, [collab] = _sanne(shop)
    done = _walk(frozen_clock)
    messages = _check_one_conversation(done)
    assert [(f.local_date(at, S), item.step) for at, item, _b in messages] == [
        (date(2026, 12, 19), "1"), (date(2026, 12, 21), "2"), (date(2026, 12, 22), "3"), (date(2026, 12, 23), "4")]
    assert not any(_named(item, reel) for _at, item, _b in messages)
    final = messages[-1][2]
    assert "laatste herinnering over je twee stories" in final
    assert "vervalt ook de rest van wat we afspraken: je reel" in final and "21 december" in final
    call = messages[2][2]
    assert "reel" not in call  # "I haven't heard from you about your reel": never asked about
    [decision] = [item for _at, item, _b in done if item.action == "strike"]
    assert [p.subject_id for p in decision.parts] == [stories.id]
    assert Collaboration.get_by_id(collab.id).status == "ended"
    assert [at for at, _i, _b in done if at > [a for a, i, _b in done if i.action == "strike"][0]] == []


def test_another_collaborations_reel_stands_and_goes_on_after_the_decision(shop, frozen_clock):
    """The reel of another collaboration: the notice says it still stands; after the notice's
    decision it is asked about from the second step (never "is everything OK?" after a final
    notice), a rung a day, and only then gets a notice of its own: named three times before it."""
    sanne, stories, reel, [a, b] = _sanne(shop, reel_collab_apart=True)
    done = _walk(frozen_clock, days=40)
    messages = _check_one_conversation(done)
    notices = [(at, item, body) for at, item, body in messages if item.final]
    assert [[p.subject_id for p in item.parts] for _at, item, _b in notices] == [[stories.id], [reel.id]]
    assert "reel met je Oorbellen Druppel (deadline maandag 21 december), staat hier los van" in notices[0][2]
    about_reel = [item.step for _at, item, _b in messages if _named(item, reel)]
    assert about_reel == ["2", "3", "4"]
    first_decision = min(at for at, item, _b in done if item.action == "strike")
    assert min(at for at, item, _b in messages if _named(item, reel)) >= first_decision
    assert {c.status for c in Collaboration.select()} == {"ended"}


def test_joining_at_the_second_step_names_it_twice_before_the_notice_and_does_not_claim_silence(shop,
                                                                                                frozen_clock):
    """A reel late the day after the stories (due Saturday 19 December) still joins, at step 2: it is
    named in the reminder about dates and in the call before the notice, and that first message
    follows up instead of saying "I haven't heard from you about" it."""
    sanne = _person("Sanne de Vries", email="sanne@example.nl")
    _c, [stories, reel] = _collab(sanne, "Ketting Luna", [("story", date(2026, 12, 17), 2),
                                                          ("reel", date(2026, 12, 18), 1)],
                                  shop["KM"], MONTH_START - timedelta(days=10))
    messages = _check_one_conversation(_walk(frozen_clock))
    steps = [(item.step, sorted(p.subject_id for p in item.parts)) for _at, item, _b in messages]
    both = sorted([stories.id, reel.id])
    assert steps == [("1", [stories.id]), ("2", both), ("3", both), ("4", both)]
    joined = messages[1]
    assert joined[1].template == "ladder.2.alt"
    assert "nog niets van je gehoord" not in joined[2] and "reel" in joined[2]
    # nor that it comes back to what it names for the first time ("Ik kom nog even terug op", order-words)
    assert "terug op" not in joined[2] and "Ik wil het graag even met je hebben over" in joined[2]


# --- B and C in the domain --------------------------------------------------------------------

def _promise(deadline: date, subject_id: int, collab: int = 1) -> f.Promise:
    return f.Promise("deliverable", 1, "deliverable", subject_id, _utc(deadline, time(23, 59)),
                     details={"collaboration_id": collab})


def _sent(promise: f.Promise, steps: dict[str, datetime]) -> list[f.StepState]:
    rule = f.RULES[promise.rule]
    return [f.StepState(f.promise_key(promise, st), "sent", steps[st.name], template=st.template, person_id=1)
            for st in rule.steps if st.name in steps]


PEOPLE = {1: f.PersonInfo(1, "Sanne", ("instagram", "email", "phone"))}


def test_every_part_of_a_joint_decision_shares_its_notices_moment():
    """One notice named the stories and the reel on Wednesday 23 December (its date: the 30th): the
    decision on both comes Thursday 31 December, each part at that moment, not the reel's
    own Saturday 2 January 09:00 counted from its deadline (the notice's eight days: 09:30)."""
    stories, reel = _promise(date(2026, 12, 18), 10), _promise(date(2026, 12, 21), 11)
    at = lambda d: _utc(d, time(9, 30))  # noqa: E731
    states = (_sent(stories, {"1": at(date(2026, 12, 19)), "2": at(date(2026, 12, 21)), "3": at(date(2026, 12, 22)),
                              "4": at(date(2026, 12, 23))})
              + _sent(reel, {"3": at(date(2026, 12, 22)), "4": at(date(2026, 12, 23))}))
    now = _utc(date(2026, 12, 31), time(10, 0))
    [decision] = f.due_now(f.plan([stories, reel], PEOPLE, [], states, S, now), now)
    assert decision.action == "strike"
    moment = _utc(date(2026, 12, 31), time(9, 30))
    assert [(p.subject_id, p.due) for p in decision.parts] == [(10, moment), (11, moment)]
    assert f.plan([stories, reel], PEOPLE, [], states, S, now, due_only=True) == [decision]


def test_what_is_due_now_is_the_plans_decision_whole():
    """Two deliverables of one collaboration decided together (``_decided_together``) whose notices
    went out on two days: due_only (the tray, ``store.due.due_now``) listed only the part due by
    then, the week's plan (Vandaag) both; now both, at every moment of the fortnight."""
    post, story = _promise(date(2026, 12, 1), 10), _promise(date(2026, 12, 1), 11)
    at = lambda d: _utc(d, time(9, 30))  # noqa: E731
    states = (_sent(post, {str(k): at(date(2026, 12, 1 + k)) for k in range(1, 5)})
              + _sent(story, {str(k): at(date(2026, 12, 1 + k)) for k in range(1, 4)})
              + _sent(story, {"4": at(date(2026, 12, 8))}))
    seen = set()
    for hours in range(0, 24 * 14, 3):
        now = _utc(date(2026, 12, 9), time(0, 0)) + timedelta(hours=hours)
        planned = f.due_now(f.plan([post, story], PEOPLE, [], states, S, now), now)
        assert f.plan([post, story], PEOPLE, [], states, S, now, due_only=True) == planned, now
        seen.update(len(i.parts) for i in planned)
    assert seen == {2}


# --- D: the deliverable she answered about and one late since: one conversation ---------------

def _domain_walk(promises, contacts, start: datetime, days: int = 30):
    """Hour by hour in the domain: every message sent when due, every decision taken."""
    contacts, states, done = list(contacts), [], []
    now = start
    while now < start + timedelta(days=days):
        for item in f.due_now(f.plan(promises, PEOPLE, contacts, states, S, now), now):
            if item.action == "message":
                states += f.with_state([], item, "sent", now)
                contacts.append(f.Contact(1, now, "out", item.channel))
            else:
                states += f.with_state([], item, "dismissed", now)
            done.append((f.local_date(now, S), item))
        now += timedelta(hours=1)
    return done


def test_her_answered_deliverable_and_one_late_since_are_one_conversation():
    """She wrote on Tuesday 5 January about her post (due the 4th): a week on, Wednesday 13 January,
    the check-in that thanks her for it. Her reel of another collaboration was due on the 12th:
    its first reminder and that check-in are one message (the words that know she wrote), and
    after it each keeps its own words, one message a day: the post's final notice names only the
    post (she wrote: "I haven't heard from you since the deadline" is not true of it), and the reel
    never has a notice right after it."""
    post, reel = _promise(date(2027, 1, 4), 10, 1), _promise(date(2027, 1, 12), 11, 2)
    wrote = [f.Contact(1, _utc(date(2027, 1, 5), time(12, 0)), "in", "instagram")]
    done = _domain_walk([post, reel], wrote, _utc(date(2027, 1, 6), time(9, 0)))
    messages = [(day, item) for day, item in done if item.action == "message"]
    days = [day for day, _i in messages]
    assert len(days) == len(set(days))
    first = messages[0]
    assert first[0] == date(2027, 1, 13) and first[1].template == "answered.1"
    assert sorted((p.subject_id, p.step) for p in first[1].parts) == [(10, "answered"), (11, "1")]
    for _day, item in messages:  # the words that say she never wrote are never about the post
        if item.template.startswith("ladder."):
            assert 10 not in [p.subject_id for p in item.parts], item
    finals = [item.final for _d, item in messages]
    assert not any(a and b for a, b in zip(finals, finals[1:]))
    assert [[p.subject_id for p in item.parts] for _d, item in messages if item.final] == [[10], [11]]


def test_her_answered_deliverable_waits_through_another_notice_as_a_check_in():
    """The reel went late first and its ladder ran while the post's check-in waited: the reel's notice
    does not name the post (once it did, and the post's own notice followed two days later), and
    after the reel's decision the post is asked about with its check-in, never a notice at once."""
    post, reel = _promise(date(2027, 1, 4), 10, 1), _promise(date(2027, 1, 8), 11, 2)
    wrote = [f.Contact(1, _utc(date(2027, 1, 5), time(12, 0)), "in", "instagram")]
    done = _domain_walk([post, reel], wrote, _utc(date(2027, 1, 6), time(9, 0)))
    messages = [(day, item) for day, item in done if item.action == "message"]
    assert [(item.template.split(".")[0], item.step, [p.subject_id for p in item.parts]) for _d, item in messages] == [
        ("ladder", "1", [11]), ("ladder", "2", [11]), ("ladder", "3", [11]), ("ladder", "4", [11]),
        ("answered", "answered", [10]), ("answered", "4", [10])]
