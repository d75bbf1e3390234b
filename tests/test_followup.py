"""The follow-up ladder: unit tests per rule and property tests over any history."""

import pytest
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from desktop.domain import followup as f

from tests import ladder_states
from desktop.domain.followup import Contact, LadderSettings, PersonInfo, Promise, Rule, Step, StepState

AMS = ZoneInfo("Europe/Amsterdam")
S = LadderSettings(tz=AMS)
# Monday 23 November 2026, 10:30 in Amsterdam (09:30 UTC).
NOW = datetime(2026, 11, 23, 9, 30)
SANNE = PersonInfo(1, "Sanne", ("instagram", "email", "phone"))
PEOPLE = {1: SANNE, 2: PersonInfo(2, "Lotte", ("email",))}


def utc(y, m, d, h, mi=0):
    """A local Amsterdam wall time as naive UTC."""
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def on(y, m, d):
    """A deadline date, stored as the collaboration dialog stores it: 23:59 local that day."""
    return utc(y, m, d, 23, 59)


def deliverable(deadline, subject_id=10, person=1, **kw):
    return Promise("deliverable", person, "deliverable", subject_id, deadline, **kw)


def plan(promises, contacts=(), states=(), now=NOW, settings=S):
    return f.plan(promises, PEOPLE, contacts, states, settings, now)


def due(promises, contacts=(), states=(), now=NOW, settings=S):
    return f.due_now(plan(promises, contacts, states, now, settings), now)


def sent(item, at, status="sent", until=None):
    return f.with_state([], item, status, at, until)


def climbed(promise, to_step, now=NOW, status="sent"):
    return ladder_states.climbed(promise, to_step, now, status)


def test_step_one_comes_due_when_the_deadline_day_is_over_and_not_before():
    p = deliverable(on(2026, 11, 22))  # yesterday: over at midnight, quiet until 09:00
    [item] = due([p])
    assert (item.step, item.kind, item.template, item.channel) == ("1", "deliverable", "ladder.1", "instagram")
    assert item.due == utc(2026, 11, 23, 9)
    # a deadline today is not missed yet, even when its stored moment has passed
    for today in (on(2026, 11, 23), utc(2026, 11, 23, 0, 5), NOW - timedelta(hours=1)):
        assert due([deliverable(today)]) == []
        [upcoming] = plan([deliverable(today)])
        assert upcoming.step == "1" and upcoming.due == utc(2026, 11, 24, 9)
    # without quiet hours: at local midnight exactly
    awake = LadderSettings(tz=AMS, quiet_start=time(0), quiet_end=time(0))
    [upcoming] = plan([deliverable(NOW - timedelta(hours=1))], settings=awake)
    assert upcoming.due == utc(2026, 11, 24, 0)
    assert due([deliverable(NOW - timedelta(hours=1))], now=utc(2026, 11, 23, 23, 59), settings=awake) == []


def test_catch_up_offers_the_first_step_and_climbs_a_rung_at_a_time():
    """Steps 1-4 all came due while the app was closed (or the deadline was entered after
    the fact): one message, step 1, never the final notice as the first word to her
    (seed 003: the last reminder follows the mails, messages and calls she ignored).
    Each next step keeps its spacing from the moment the one before was sent."""
    p = deliverable(NOW - timedelta(hours=84))
    states, at = [], NOW
    for step in ("1", "2", "3", "4"):
        [item] = due([p], states=states, now=at)
        assert item.step == step and item.final == (step == "4")
        assert due([p], states=states + sent(item, at), now=at + timedelta(hours=23)) == []
        states += sent(item, at)
        at += timedelta(hours=24)


def test_steps_keep_their_spacing_from_when_the_owner_acted():
    p = deliverable(on(2026, 11, 20))  # step 3 nominally due (midnight, then 09:00)
    [first] = due([p], states=climbed(p, 3, now=NOW - timedelta(days=1)))  # steps 1 and 2 sent two, three days ago
    assert first.step == "3"
    acted = climbed(p, 3, now=NOW - timedelta(days=1)) + sent(first, NOW)
    assert due([p], states=acted, now=NOW + timedelta(hours=23)) == []
    [nxt] = due([p], states=acted, now=NOW + timedelta(hours=25))
    assert nxt.step == "4"


def test_step_two_follows_step_one_a_day_later():
    p = deliverable(utc(2026, 11, 20, 18))
    assert due([p], now=utc(2026, 11, 20, 19)) == []  # the deadline day is not over
    [one] = due([p], now=utc(2026, 11, 21, 10))
    states = sent(one, utc(2026, 11, 21, 10))
    [two] = plan([p], states=states, now=utc(2026, 11, 21, 11))
    # a day later is Sunday 22 November: no reminder on a Sunday, the next working morning
    assert two.step == "2" and two.due == utc(2026, 11, 23, 9)


def test_no_reminder_on_a_sunday_or_a_public_holiday():
    """A reel due Wednesday 23 December: step 1 on the 24th, step 2 a day later would be
    Christmas Day, then Boxing Day, then a Sunday (walk-through finding 3: three pressing
    messages over Christmas). The next working morning is Monday 28 December."""
    p = deliverable(on(2026, 12, 23))
    [one] = due([p], now=utc(2026, 12, 24, 10))
    assert one.step == "1" and one.due == utc(2026, 12, 24, 9)
    states = sent(one, utc(2026, 12, 24, 10))
    for quiet_day in (utc(2026, 12, 25, 12), utc(2026, 12, 26, 12), utc(2026, 12, 27, 12)):
        assert due([p], states=states, now=quiet_day) == []
        assert not f.allowed(quiet_day, S)
    [two] = due([p], states=states, now=utc(2026, 12, 28, 9))
    assert two.step == "2" and two.due == utc(2026, 12, 28, 9)
    # a Saturday is a working day unless the owner skips weekends; Easter Monday is not
    assert f.settle(utc(2026, 12, 12, 10), S) == utc(2026, 12, 12, 10)
    assert f.settle(utc(2027, 3, 28, 10), S) == utc(2027, 3, 30, 9)


def test_incoming_message_pauses_the_ladder_delivery_or_ending_stops_it():
    p = deliverable(NOW - timedelta(hours=30))
    answered = [Contact(1, NOW - timedelta(hours=1), "in", "instagram")]
    assert due([p], contacts=answered) == []
    assert plan([deliverable(NOW - timedelta(hours=30), closed=True)]) == []
    # an incoming message before the deadline does not stop it
    assert due([p], contacts=[Contact(1, NOW - timedelta(hours=40), "in", "instagram")]) != []
    # Her answer ("komt eraan") only pauses it (walk-through finding 1: the post was never
    # asked about again): a week after her last message, still not delivered, it is asked
    # about again with words that know she wrote (walk-through 2, finding A), new step keys;
    # then a final notice naming her message two days later, then the strike decision; a
    # later message moves it again.
    [before] = due([p])
    [back] = plan([p], contacts=answered)
    assert (back.step, back.template) == ("answered", "answered.1") and back.due == utc(2026, 12, 1, 9)
    assert back.key != before.key and back.parts[0].details["answered_at"] == NOW - timedelta(hours=1)
    [final] = plan([p], contacts=answered, states=sent(back, utc(2026, 12, 1, 9)), now=utc(2026, 12, 1, 10))
    assert (final.step, final.template, final.final) == ("4", "answered.4", True) and final.due == utc(2026, 12, 3, 9)
    states = sent(back, utc(2026, 12, 1, 9)) + sent(final, utc(2026, 12, 3, 9))
    [strike] = plan([p], contacts=answered, states=states, now=utc(2026, 12, 3, 10))
    assert strike.action == "strike" and strike.due > utc(2026, 12, 10, 23)  # after the date the notice names
    assert due([p], contacts=answered, now=utc(2026, 12, 1, 8, 59)) == []
    again = answered + [Contact(1, utc(2026, 11, 27, 12), "in", "instagram")]
    assert plan([p], contacts=again)[0].due == utc(2026, 12, 5, 9)  # Friday 27th + a week: Saturday 5th
    # a parcel check-in and an unanswered message are answered by it: they end for good
    parcel = Promise("shipment", 1, "shipment", 5, NOW - timedelta(days=5), details={"collaboration_id": 9})
    question = Promise("reply", 1, "event", 3, NOW - timedelta(days=2), since=NOW - timedelta(days=3))
    assert plan([parcel, question], contacts=answered, now=NOW + timedelta(days=30)) == []


def test_a_new_deadline_restarts_the_ladder():
    old = deliverable(on(2026, 11, 19))
    [four] = due([old])
    states = sent(four, NOW - timedelta(hours=30))
    new = deliverable(on(2026, 11, 22))  # agreed a new deadline, already passed
    [item] = due([new], states=states)
    assert item.step == "1" and item.key != four.key


def test_after_step_four_a_strike_is_proposed_never_a_step_five():
    p = deliverable(NOW - timedelta(days=10))
    [four] = due([p], states=climbed(p, 4))
    assert four.step == "4"
    states = climbed(p, 4) + sent(four, NOW)
    # the final notice names a date a week on (pause_days): nothing before that day is over
    assert due([p], states=states, now=NOW + timedelta(days=7, hours=12)) == []
    [strike] = due([p], states=states, now=NOW + timedelta(days=8, hours=1))
    assert (strike.step, strike.action, strike.channel, strike.template) == ("strike", "strike", "", "")
    states += sent(strike, NOW + timedelta(days=8, hours=1), "dismissed")
    assert plan([p], states=states, now=NOW + timedelta(days=30)) == []


def test_one_strike_decision_for_a_collaboration_whose_final_notice_named_two_deliverables():
    """Audit 11, F4: a post and a story of one collaboration, named in one final notice,
    asked for two strike decisions (deciding one took the other away). One decision covers
    both, and every other collaboration that notice named (message review, finding 5: one
    notice, one date, one decision); a notice sent on another day keeps its own decision."""
    post = deliverable(NOW - timedelta(days=10), subject_id=10, details={"collaboration_id": 7, "what": "post"})
    story = deliverable(NOW - timedelta(days=10), subject_id=11, details={"collaboration_id": 7, "what": "story"})
    other = deliverable(NOW - timedelta(days=10), subject_id=12, details={"collaboration_id": 8, "what": "post"})
    states = climbed(post, 4) + climbed(story, 4) + climbed(other, 4)
    [notice] = due([post, story, other], states=states)
    assert sorted(p.subject_id for p in notice.parts) == [10, 11, 12]  # one final notice names all three
    states += sent(notice, NOW)
    assert due([post, story, other], states=states, now=NOW + timedelta(days=1)) == []  # no second notice
    [decision] = due([post, story, other], states=states, now=NOW + timedelta(days=8, hours=1))
    assert decision.action == "strike" and sorted(p.subject_id for p in decision.parts) == [10, 11, 12]
    states += sent(decision, NOW + timedelta(days=8, hours=2), "dismissed")  # decided once: all are done
    assert plan([post, story, other], states=states, now=NOW + timedelta(days=8, hours=3)) == []
    # notices sent on two days (as before one notice covered every collaboration): two decisions
    states = climbed(post, 4) + climbed(story, 4) + climbed(other, 4)
    finals = [f.StepState(f.promise_key(p, f.RULES["deliverable"].steps[3]), "sent", NOW + timedelta(days=d),
                          template="ladder.4", person_id=1) for p, d in ((post, 0), (story, 0), (other, 1))]
    decisions = due([post, story, other], states=states + finals, now=NOW + timedelta(days=9, hours=1))
    assert sorted(sorted(p.subject_id for p in i.parts) for i in decisions) == [[10, 11], [12]]
    assert all(i.action == "strike" and i.step == "strike" for i in decisions)


def test_after_a_final_notice_the_collaborations_other_deliverables_wait_for_her_answer():
    """The final notice said "if I haven't heard from you by ..., I'll end our
    collaboration": a later deliverable of that collaboration is not chased with a
    cheerful first reminder, nor given a second final notice with another date (seen:
    her video's ladder started at step 1 days after the notice about her post). The post's
    strike speaks for the collaboration. Once she writes, the video is chased again."""
    post = deliverable(NOW - timedelta(days=10), subject_id=10, details={"collaboration_id": 7})
    video = deliverable(NOW + timedelta(days=2), subject_id=11, details={"collaboration_id": 7})
    other = deliverable(NOW + timedelta(days=2), subject_id=12, details={"collaboration_id": 8})
    [four] = due([post], states=climbed(post, 4))
    states = climbed(post, 4) + sent(four, NOW)
    later = NOW + timedelta(days=4)  # the video's step 1 would be due (and the other collaboration's)
    assert due([post, video, other], states=states, now=later) == []
    # the other collaboration's first reminder waits for the day after the date the notice
    # named (review 26: "is everything OK?" the day after "I'll end our collaboration"), and
    # then it is no cheerful first reminder either: it went late while the notice's date ran,
    # so its ladder goes on from the second step (message review, finding 6)
    ends = f.pause_date(NOW, S) + timedelta(days=1)
    [first] = [i for i in plan([post, video, other], states=states, now=later) if i.parts[0].subject_id == 12]
    assert (first.step, f.local_date(first.due, S)) == ("2", ends)
    for days in range(1, 12):  # no step of the video on any day; the post's strike comes
        moment = NOW + timedelta(days=days, hours=1)
        assert all(p.subject_id != 11 for i in plan([post, video], states=states, now=moment) for p in i.parts)
    [strike] = due([post, video], states=states, now=NOW + timedelta(days=8, hours=1))
    assert (strike.parts[0].subject_id, strike.step) == (10, "strike")
    # a final notice that was dismissed (not sent) speaks for nothing
    dismissed = climbed(post, 4) + sent(four, NOW, "dismissed")
    assert [(i.parts[0].subject_id, i.step) for i in due([post, video], states=dismissed, now=later)] == [(11, "1")]
    # she wrote after the notice: she answered; the video is chased from its first step
    wrote = [Contact(1, NOW + timedelta(days=1), "in", "instagram")]
    [item] = due([post, video], contacts=wrote, states=states, now=later)
    assert (item.parts[0].subject_id, item.step) == (11, "1")
    # the notice speaks for the collaboration until its strike is decided: then the
    # video has a ladder of its own again (a dismissed strike silenced it for good), from
    # its second step: it went late while the notice's date ran (message review, finding 6)
    decided = states + sent(strike, NOW + timedelta(days=8, hours=1), "dismissed")
    after = NOW + timedelta(days=9)
    assert [(i.parts[0].subject_id, i.step) for i in due([post, video], states=decided, now=after)] == [(11, "2")]
    # ... and a new deadline for the post restarts its ladder: the notice no longer stands
    moved = Promise("deliverable", 1, "deliverable", 10, NOW + timedelta(days=1), details={"collaboration_id": 7})
    found = due([moved, video], states=states, now=later)
    assert sorted((p.subject_id, i.step) for i in found for p in i.parts) == [(10, "1"), (11, "1")]
    assert found == f.plan([moved, video], PEOPLE, [], states, S, later, due_only=True)


def test_a_dismissed_step_four_never_leads_to_a_strike():
    p = deliverable(NOW - timedelta(days=10))
    [four] = due([p], states=climbed(p, 4))
    states = climbed(p, 4) + sent(four, NOW, "dismissed")
    assert plan([p], states=states, now=NOW + timedelta(days=5)) == []


def test_quiet_hours_move_a_step_to_the_morning():
    deadline = utc(2026, 11, 23, 22)  # Monday 22:00 local
    [item] = plan([deliverable(deadline)], now=deadline - timedelta(hours=1))
    assert item.due == utc(2026, 11, 24, 9)
    assert f.in_quiet_hours(deadline, S) and not f.in_quiet_hours(item.due, S)


def test_nothing_is_due_now_inside_quiet_hours():
    p = deliverable(utc(2026, 11, 23, 12))
    night = utc(2026, 11, 23, 23, 30)
    assert due([p], now=night) == []
    [item] = plan([p], now=night)
    assert item.due == utc(2026, 11, 24, 9) and item.step == "1"


def test_weekend_skip_moves_to_monday_morning():
    friday = on(2026, 11, 27)  # missed at Saturday's midnight
    weekend = LadderSettings(tz=AMS, skip_weekends=True)
    [item] = plan([deliverable(friday)], now=utc(2026, 11, 27, 12), settings=weekend)
    assert item.due == utc(2026, 11, 30, 9)
    [item] = plan([deliverable(friday)], now=utc(2026, 11, 27, 12))
    assert item.due == utc(2026, 11, 28, 9)


def test_only_one_outgoing_contact_per_person_per_day():
    p = deliverable(on(2026, 11, 22))
    this_morning = Contact(1, utc(2026, 11, 23, 9, 15), "out", "email")
    assert due([p], contacts=[this_morning]) == []
    [item] = plan([p], contacts=[this_morning])
    assert item.due == utc(2026, 11, 24, 9)
    # yesterday's contact does not block today
    assert due([p], contacts=[Contact(1, NOW - timedelta(days=1), "out", "email")]) != []


def test_promises_of_one_person_are_combined_into_one_message():
    a = deliverable(on(2026, 11, 21), subject_id=10)
    b = Promise("shipment", 1, "shipment", 5, NOW - timedelta(days=5))  # a parcel of no collaboration
    c = deliverable(on(2026, 11, 22), subject_id=11, person=2)
    items = due([a, b, c], states=climbed(a, 2))
    assert len(items) == 2
    sanne = next(i for i in items if i.person_id == 1)
    # a check-in rides along in a reminder about her late work, whatever its step, as its
    # closing question (review finding 2: never among what "my messages about ..." names;
    # held back behind each reminder it came after the final notice: test_checkin_timing.py)
    assert sanne.step == "2" and [p.step for p in sanne.parts] == ["2", "received"]
    first = deliverable(on(2026, 11, 22), subject_id=12)
    [sanne] = due([first, b])
    assert sanne.step == "1" and [p.step for p in sanne.parts] == ["1", "received"]
    assert sanne.keys == (sanne.key, sanne.parts[1].key)


def test_a_step_not_yet_due_is_not_pulled_into_todays_message_but_moves_to_tomorrow():
    a = deliverable(on(2026, 11, 22), subject_id=10)
    # a parcel whose check-in comes tomorrow morning (it comes in the morning, as the others)
    b = Promise("shipment", 1, "shipment", 11, NOW - timedelta(days=3) + timedelta(hours=4))
    items = plan([a, b])
    assert [(i.subject_id, i.step) for i in items] == [(10, "1"), (11, "received")]
    assert items[0].due <= NOW and items[1].due == utc(2026, 11, 24, 9)


def test_never_the_same_template_twice_in_a_row():
    a = deliverable(on(2026, 11, 20), subject_id=10)
    [first] = due([a], now=NOW - timedelta(days=2))
    states = sent(first, NOW - timedelta(days=2))
    b = deliverable(on(2026, 11, 22), subject_id=11)
    items = due([b], states=states)
    assert items[0].step == "1" and items[0].template == "ladder.1.alt"


def test_step_three_suggests_another_channel_than_the_ones_used():
    p = deliverable(on(2026, 11, 20))
    contacts, states = _steps_sent(p, ("instagram", "instagram"))
    [item] = due([p], contacts=contacts, states=states)
    assert item.step == "3" and item.channel == "phone"
    assert item.channel not in {"instagram"}


def _steps_sent(promise, channels, contacts=()):
    """Steps 1 and 2 of ``promise`` marked sent 48 and 24 hours ago, on ``channels``:
    (contacts, states) as the store logs them."""
    contacts, states = list(contacts), []
    for i, channel in enumerate(channels):
        at = NOW - timedelta(hours=48 - 24 * i)
        if channel:  # "": marked sent, on no channel known
            contacts.append(Contact(1, at, "out", channel))
        states.append(f.StepState(f.promise_key(promise, f.RULES["deliverable"].steps[i]), "sent", at,
                                  template=f"ladder.{i + 1}", person_id=1))
    return contacts, states


def _step_three_for(channels, contacts_on=("instagram",), status="sent"):
    people = {1: PersonInfo(1, "Sanne", tuple(channels))}
    p = deliverable(on(2026, 11, 20))
    contacts, states = _steps_sent(p, (contacts_on * 2) or ("", ""))
    if status != "sent":  # steps 1 and 2 done without a message (her messages were of her own)
        states = [f.StepState(st.key, status, st.at, person_id=1) for st in states]
    [item] = f.due_now(f.plan([p], people, contacts, states, S, NOW), NOW)
    assert item.step == "3"
    return item


@pytest.mark.parametrize("channels,used,channel", [
    (("instagram",), ("instagram",), None),
    (("instagram", "email"), ("instagram",), "email"),
    (("email",), ("email",), None),
    (("email", "phone"), ("email",), "phone"),
    (("instagram", "email", "phone"), ("instagram",), "phone"),
    ((), (), None),  # nothing known at all
])
def test_step_three_proposes_another_channel_only_when_one_is_known(channels, used, channel):
    item = _step_three_for(channels, used)
    if channel is None:
        assert (item.channel, item.channel_note) == ("", f.NO_OTHER_CHANNEL)
        assert item.template == "ladder.3.alt"  # not "I'm trying to reach you this way"
    else:
        assert (item.channel, item.channel_note) == (channel, "")
        assert item.template == "ladder.3"


def test_step_three_says_this_way_only_after_a_step_sent_on_another_channel():
    """Review finding 4c: "ik probeer je op deze manier te bereiken" is only true when the
    step before was really sent, on another channel than the one proposed now."""
    # steps 1 and 2 sent on Instagram, step 3 proposes the phone: "this way" is true
    assert _step_three_for(("instagram", "phone")).template == "ladder.3"
    # the same contacts, but steps 1 and 2 were done without a message: no "this way"
    first = _step_three_for(("instagram", "phone"), status="dismissed")
    assert (first.channel, first.template) == ("phone", "ladder.3.alt")
    # step 2 went by e-mail, a message of her own on Instagram followed: step 3 proposes
    # e-mail again (her only other channel), the channel of the step before
    p = deliverable(on(2026, 11, 20))
    contacts, states = _steps_sent(p, ("email", "email"),
                                   [Contact(1, NOW - timedelta(hours=12), "out", "instagram")])
    people = {1: PersonInfo(1, "Sanne", ("instagram", "email"))}
    [item] = f.due_now(f.plan([p], people, contacts, states, S, NOW), NOW)
    assert (item.step, item.channel, item.template) == ("3", "email", "ladder.3.alt")
    # step 1 by e-mail, step 2 dismissed, step 3 by phone: the last step SENT went another way
    contacts, states = _steps_sent(p, ("email", "email"))
    states[1] = f.StepState(states[1].key, "dismissed", states[1].at, person_id=1)
    people = {1: PersonInfo(1, "Sanne", ("email", "phone"))}
    [item] = f.due_now(f.plan([p], people, contacts[:1], states, S, NOW), NOW)
    assert (item.step, item.channel, item.template) == ("3", "phone", "ladder.3.alt")  # dismissed is not sent
    states = [states[0]]
    [item] = f.due_now(f.plan([p], people, contacts[:1], states, S, NOW), NOW)
    assert item.step == "2"  # only step 1 was acted on: the next rung, not the newest


def test_the_final_notice_after_a_call_goes_where_the_written_reminders_went():
    """Step 3 called her (the other way); the final notice cites agreements and a date: it
    goes in writing, on the channel of the reminders before the call."""
    p = deliverable(on(2026, 11, 19))
    steps = f.RULES["deliverable"].steps
    contacts, states = [], []
    for i, channel in enumerate(("instagram", "instagram", "phone")):  # steps 1-3, a day apart
        at = NOW - timedelta(days=3 - i)
        contacts.append(Contact(1, at, "out", channel))
        states.append(f.StepState(f.promise_key(p, steps[i]), "sent", at, template=steps[i].template, person_id=1))
    [four] = due([p], contacts=contacts, states=states)
    assert (four.step, four.channel) == ("4", "instagram")
    only_phone = {1: PersonInfo(1, "Sanne", ("phone",))}  # the phone is all there is: it stays the phone
    [four] = f.due_now(f.plan([p], only_phone, contacts, states, S, NOW), NOW)
    assert four.channel == "phone"


def test_the_other_steps_keep_their_usual_channel_with_only_one_known():
    people = {1: PersonInfo(1, "Sanne", ("instagram",))}
    [item] = f.due_now(f.plan([deliverable(on(2026, 11, 22))], people, [], (), S, NOW), NOW)
    assert (item.step, item.channel, item.channel_note) == ("1", "instagram", "")


def test_snooze_moves_the_step_and_never_duplicates_it():
    p = deliverable(on(2026, 11, 22))
    [item] = due([p])
    states = sent(item, NOW, "snoozed", NOW + timedelta(hours=1))
    assert due([p], states=states) == []
    later = plan([p], states=states)
    assert len(later) == 1 and later[0].due == NOW + timedelta(hours=1) and later[0].key == item.key
    assert [i.key for i in due([p], states=states, now=NOW + timedelta(hours=1))] == [item.key]


def test_the_received_check_in_comes_in_the_morning_as_the_other_steps():
    """Sent on Thursday at 16:37: asked about on Monday at 09:00 (the quiet hours' end), as a
    deadline's step 1 is, not at 16:37 (review of the first week); plan and due_now agree."""
    sent_at = utc(2026, 11, 19, 16, 37)
    parcel = Promise("shipment", 1, "shipment", 5, sent_at)
    [item] = plan([parcel], now=utc(2026, 11, 22, 12))
    assert item.due == utc(2026, 11, 23, 9) and item.own_due == utc(2026, 11, 23, 9)
    assert due([parcel], now=utc(2026, 11, 23, 8, 59)) == []
    assert [i.key for i in due([parcel], now=utc(2026, 11, 23, 9))] == [item.key]
    # the morning moves with the owner's quiet hours, and a day off passes as for the others
    late = LadderSettings(tz=AMS, quiet_end=time(10, 30))
    assert plan([parcel], now=utc(2026, 11, 22, 12), settings=late)[0].due == utc(2026, 11, 23, 10, 30)
    friday = Promise("shipment", 1, "shipment", 6, utc(2026, 11, 17, 16, 37))  # Tuesday: four days on is Saturday
    weekends = LadderSettings(tz=AMS, skip_weekends=True)
    assert plan([friday], now=utc(2026, 11, 20, 12), settings=weekends)[0].due == utc(2026, 11, 23, 9)
    # one day: the next morning
    one = LadderSettings(tz=AMS, checkin_days=1)
    assert plan([parcel], now=utc(2026, 11, 19, 17), settings=one)[0].due == utc(2026, 11, 20, 9)


def test_received_check_in_after_the_configured_days():
    sent_at = NOW - timedelta(days=4, hours=1)
    [item] = due([Promise("shipment", 1, "shipment", 5, sent_at)])
    assert (item.kind, item.step, item.template) == ("shipment", "received", "shipment.received")
    short = LadderSettings(tz=AMS, checkin_days=7)
    assert due([Promise("shipment", 1, "shipment", 5, sent_at)], settings=short) == []


def test_custom_order_delay_warning_before_the_promised_date_and_a_question_does_not_stop_it():
    promised = utc(2026, 11, 25, 9)
    p = Promise("order_delay", 2, "custom_order", 7, promised, since=NOW - timedelta(days=3))
    [item] = due([p], contacts=[Contact(2, NOW - timedelta(hours=5), "in", "email")])
    # the news before the date is the "on schedule" update: the owner says when it will be late
    assert (item.kind, item.step, item.channel, item.template) == ("custom_order", "delay_warning", "email",
                                                                    "order.update")


def test_a_new_promise_kind_is_data():
    f.register_rule("test_sample", Rule("custom_order", (
        Step("sample", lambda s: timedelta(hours=1), "order.update", channel="email"),)))
    try:
        [item] = due([Promise("test_sample", 2, "custom_order", 1, NOW - timedelta(hours=2))])
        assert item.step == "sample" and item.kind == "custom_order"
    finally:
        del f.RULES["test_sample"]


def test_settings_from_stored_values():
    s = LadderSettings.from_values({"ladder_step_hours": [0, 12, 36, 60], "quiet_start": "22:30",
                                    "quiet_end": "08:00", "skip_weekends": True, "checkin_days": 5}, AMS)
    assert s.step_hours == (0, 12, 36, 60) and s.quiet_start == time(22, 30) and s.skip_weekends


# --- properties over any history -------------------------------------------------------

HOUR = timedelta(hours=1)
# The owner's zone: Amsterdam, New York, and Santiago de Chile (where the clocks skip midnight).
ZONES = ("Europe/Amsterdam", "America/New_York", "America/Santiago")
SENT_TOTAL: list[int] = []  # how many ladder messages the simulations sent (see the test below)
START = datetime(2026, 11, 19, 6, 0)


@st.composite
def scenarios(draw):
    n_promises = draw(st.integers(1, 5))
    promises = []
    for i in range(n_promises):
        person = draw(st.integers(1, 2))
        rule = draw(st.sampled_from(["deliverable", "deliverable", "reply", "shipment", "order_delay"]))
        ref = START + timedelta(hours=draw(st.integers(-100, 120)), minutes=draw(st.sampled_from([0, 59])))
        details = {"collaboration_id": draw(st.integers(1, 2))} if rule in ("deliverable", "shipment") else {}
        promises.append((Promise(rule, person, rule, i, ref, details=details),
                         draw(st.one_of(st.none(), st.integers(0, 240)))))
    # events during the simulation: (hour, person, direction)
    events = draw(st.lists(st.tuples(st.integers(0, 240), st.integers(1, 2), st.sampled_from(["in", "out"])),
                           max_size=6))
    actions = draw(st.lists(st.sampled_from(["sent", "sent", "sent", "snoozed", "dismissed", "ignore"]),
                            min_size=40, max_size=40))
    weekends = draw(st.booleans())
    quiet = draw(st.sampled_from([(time(21), time(9)), (time(22), time(7)), (time(0), time(6))]))
    zone = draw(st.sampled_from(ZONES))
    return promises, events, actions, weekends, quiet, zone


@dataclass
class _Simulation:
    """What the owner did so far in one simulated history (see the test below)."""

    settings: LadderSettings
    actions: list[str]
    contacts: list[Contact] = field(default_factory=list)
    states: dict[str, StepState] = field(default_factory=dict)
    ladder_contacts: list[tuple[int, datetime]] = field(default_factory=list)
    steps_sent: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    action_i: int = 0

    def next_action(self) -> str:
        action = self.actions[self.action_i % len(self.actions)]
        self.action_i += 1
        return action


def _promises_at(promise_specs, hour: int) -> list[Promise]:
    """The promises as they stand at ``hour``: closed from their closing hour on."""
    return [p if closed_at is None or hour < closed_at else Promise(p.rule, p.person_id, p.subject_type,
            p.subject_id, p.reference, closed=True) for p, closed_at in promise_specs]


def _promise_of(part, promises: list[Promise]) -> Promise:
    return next(p for p in promises if p.subject_id == part.subject_id and p.rule == part.rule)


def _check_due_item(item, promises: list[Promise], sim: _Simulation, now: datetime, weekends: bool) -> None:
    """An item due now: not in quiet hours or on a skipped weekend, of open promises, and
    (where the rule says so) of nobody who answered since."""
    settings = sim.settings
    assert not f.in_quiet_hours(now, settings)
    assert not (weekends and f.local_date(now, settings).weekday() >= 5)
    for part in item.parts:
        p = _promise_of(part, promises)
        assert not p.closed
        if f.RULES[p.rule].stop_on_incoming:  # nothing due after a reply
            assert not any(c.person_id == p.person_id and c.direction == "in" and c.at >= p.reference
                           for c in sim.contacts)


def _check_citations(item, promises: list[Promise], now: datetime, settings: LadderSettings) -> None:
    """What one message cites (issue 17)."""
    assert item.own_due == item.parts[0].due and all(part.due <= now for part in item.parts)
    for part in item.parts:
        p = _promise_of(part, promises)
        if part.kind == "deliverable" and part.step == "1":  # never on the deadline day itself
            assert f.local_date(now, settings) > f.local_date(p.reference, settings)
        if part.kind in ("reply", "shipment"):  # check-ins and follow-ups: step 3 at most
            assert f.step_order(item.step) <= 3 and not item.final and part.step in ("1", "2", "3", "received")
        if item.final:  # a final notice names late deliverables of its own collaboration only
            assert part.kind == "deliverable" and item.parts[0].step == "4"
            assert part.details.get("collaboration_id") == item.parts[0].details.get("collaboration_id")
        if part.kind == "shipment":  # a late deliverable of the same collaboration covers the parcel
            assert not any(q.rule == "deliverable" and not q.closed and q.person_id == p.person_id
                           and q.details["collaboration_id"] == p.details["collaboration_id"]
                           and f.local_date(q.reference, settings) < f.local_date(now, settings)
                           for q in promises)


def _send(item, sim: _Simulation, now: datetime) -> None:
    """The owner sends a ladder message: the first outgoing contact of that day."""
    day = f.local_date(now, sim.settings)
    # at most one outgoing contact per person per day: none before it that day
    assert not any(c.person_id == item.person_id and c.direction == "out"
                   and f.local_date(c.at, sim.settings) == day for c in sim.contacts)
    sim.contacts.append(Contact(item.person_id, now, "out", item.channel))
    sim.ladder_contacts.append((item.person_id, now))
    for part in item.parts:
        order = [s.name for s in f.RULES[part.rule].steps].index(part.step)
        sim.steps_sent.setdefault((part.rule, part.subject_id), []).append(order)


def _act_on(item, promises: list[Promise], sim: _Simulation, now: datetime) -> None:
    """The owner's next action on an item due now, and what must hold for it."""
    action = sim.next_action()
    if action == "ignore":
        return
    until = now + timedelta(hours=5) if action == "snoozed" else None
    for s in f.with_state([], item, action, now, until):
        sim.states[s.key] = s
    _check_citations(item, promises, now, sim.settings)
    if action == "sent" and item.action == "message":
        _send(item, sim, now)


def _simulate_hour(sim: _Simulation, promises: list[Promise], now: datetime, weekends: bool) -> None:
    settings = sim.settings
    items = f.plan(promises, PEOPLE, sim.contacts, sim.states.values(), settings, now)
    # The scheduler's scan: only the promises whose earliest step is not after now,
    # planned for what is due now only, gives exactly the items due now.
    earliest = f.min_offsets(settings)
    can_be_due = [p for p in promises if p.reference + earliest[p.rule] <= now]
    assert f.plan(can_be_due, PEOPLE, sim.contacts, sim.states.values(), settings, now, due_only=True) == \
        f.due_now(items, now)
    per_person_due = {}
    for item in f.due_now(items, now):
        _check_due_item(item, promises, sim, now, weekends)
        if item.action == "message":
            per_person_due[item.person_id] = per_person_due.get(item.person_id, 0) + 1
        _act_on(item, promises, sim, now)
    # one message item per person at a time
    assert all(n == 1 for n in per_person_due.values())
    # upcoming moments are never inside quiet hours
    for item in items:
        if item.due > now:
            assert not f.in_quiet_hours(item.due, settings)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_ladder_properties_over_any_history(scenario):
    promise_specs, events, actions, weekends, quiet, zone = scenario
    settings = LadderSettings(tz=ZoneInfo(zone), skip_weekends=weekends, quiet_start=quiet[0], quiet_end=quiet[1])
    sim = _Simulation(settings, actions)
    for hour in range(0, 241):
        now = START + hour * HOUR
        for h, person, direction in events:
            if h == hour:
                sim.contacts.append(Contact(person, now, direction, "email"))
        _simulate_hour(sim, _promises_at(promise_specs, hour), now, weekends)
    # steps strictly in order, each at most once, never past the last
    SENT_TOTAL.append(len(sim.ladder_contacts))
    for orders in sim.steps_sent.values():
        assert orders == sorted(set(orders))


def test_the_simulation_really_sends_messages():
    """Guards the property test against passing vacuously: the same simulation, run here on
    its own for a plain history (two late deliverables, every step sent), sends the ladder's
    messages. Self-contained, so it holds in any test order."""
    SENT_TOTAL.clear()
    plain = ([(Promise("deliverable", 1, "deliverable", 0, START), None),
              (Promise("deliverable", 2, "deliverable", 1, START + 30 * HOUR), None)],
             [], ["sent"] * 40, False, (time(21), time(9)), "Europe/Amsterdam")
    test_ladder_properties_over_any_history.hypothesis.inner_test(plain)
    assert SENT_TOTAL == [8]  # four steps for each of the two people


def test_fast_built_records_equal_constructed_ones():
    """The scan builds Promise, DuePart and DueItem without the frozen per-field setattr
    (followup._built): they must be the same objects as the constructors make."""
    import dataclasses

    from desktop.domain.followup import Contact, DueItem, DuePart, Promise, _built, make_contact, make_promise

    at = datetime(2026, 11, 23, 9, 30)
    for cls in (Promise, DuePart, DueItem, Contact):
        assert not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    assert make_promise("deliverable", 7, "deliverable", 3, at) == Promise("deliverable", 7, "deliverable", 3, at)
    full = make_promise("reply", 7, "event", 3, at, since=at, closed=True, details={"a": 1})
    assert full == Promise("reply", 7, "event", 3, at, since=at, closed=True, details={"a": 1})
    assert repr(full) == repr(Promise("reply", 7, "event", 3, at, since=at, closed=True, details={"a": 1}))
    assert make_promise("deliverable", 7, "deliverable", 3, at) != Promise("deliverable", 8, "deliverable", 3, at)
    assert make_contact(7, at, "in") == Contact(7, at, "in")
    assert repr(make_contact(7, at, "out", "email")) == repr(Contact(7, at, "out", "email"))
    assert hash(make_contact(7, at, "out", "email")) == hash(Contact(7, at, "out", "email"))
    part = dict(kind="deliverable", rule="deliverable", subject_type="deliverable", subject_id=3, step="1",
                key="k", template="ladder.1", reference=at, due=at, details={})
    built = _built(DuePart, dict(part))
    assert built == DuePart(**part) and hash(built.key) == hash(DuePart(**part).key)
    assert [f.name for f in dataclasses.fields(DuePart)] == list(part)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.step = "2"


def test_quiet_hours_that_end_in_the_hour_the_clocks_repeat_end_on_its_second_pass(every_day_a_working_day):
    """Clocks go back in Amsterdam on 25 October 2026 (03:00 -> 02:00). With quiet hours
    until 02:30, a moment at 02:10 on the second pass settles at 02:30 of that pass,
    never at the earlier first-pass 02:30 (settle never goes back in time)."""
    settings = LadderSettings(tz=AMS, quiet_start=time(21), quiet_end=time(2, 30))
    second_pass_0210 = datetime(2026, 10, 25, 1, 10)  # UTC: 02:10 CET, after the change
    settled = f.settle(second_pass_0210, settings)
    assert settled >= second_pass_0210
    assert settled == datetime(2026, 10, 25, 1, 30)  # 02:30 CET
    first_pass_0210 = datetime(2026, 10, 25, 0, 10)  # UTC: 02:10 CEST, before the change
    assert f.settle(first_pass_0210, settings) == datetime(2026, 10, 25, 0, 30)  # 02:30 CEST
