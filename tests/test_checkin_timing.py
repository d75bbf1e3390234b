"""A parcel check-in held back behind another ladder of the same influencer (one message a day):
when does it go, and with what?

Review: a "did the gift arrive?" of collaboration B that came due while her late post of
collaboration A walked its ladder was moved a day on behind each of A's reminders (it rode along
in a first reminder only) and reached her only after A's final notice, days late and stale. What
a shop owner expects: the question joins the ladder's next reminder as one closing line (one
message, on its own day or the ladder's next), and goes on its own day when the ladder waits on
her (a final notice's date running, her answer being waited out). Domain only: ``now`` is passed
in, an owner who sends every message the hour it comes due is simulated."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from desktop.domain import followup as f
from desktop.domain.followup import Contact, LadderSettings, PersonInfo, Promise

AMS = ZoneInfo("Europe/Amsterdam")
NL = LadderSettings(tz=AMS)
PEOPLE = {1: PersonInfo(1, "Sanne", ("instagram", "email", "phone"))}


def utc(y, m, d, h, mi=0):
    """A wall time in Amsterdam as naive UTC."""
    return datetime(y, m, d, h, mi, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


# Her post of collaboration A was due on Monday 2 November 2026: step 1 on Tuesday 3 November,
# then (each sent the hour it comes due) step 2 on Wednesday, step 3 on Thursday, the final
# notice on Friday 6 November, and the strike decision after the date it names.
POST_A = Promise("deliverable", 1, "deliverable", 10, utc(2026, 11, 2, 23, 59), details={"collaboration_id": 1})


def parcel_b(sent: datetime, subject_id: int = 20, collaboration: int | None = 2) -> Promise:
    """The parcel of collaboration B (or a gift of none), its check-in ``checkin_days`` (4) after sending."""
    return Promise("shipment", 1, "shipment", subject_id, sent, details={"collaboration_id": collaboration})


def walk(promises, start, hours=24 * 16, incoming=()):
    """The owner acts on everything the hour it comes due (a message is sent, a decision
    taken); her messages ``incoming`` come in at their moments. Returns [(moment, [(subject,
    step), ...])] of what was sent, and checks at every hour that the plan and the items due
    now agree (``due_now`` of the week's plan is the scheduler's ``due_only`` scan)."""
    states, contacts, sent = {}, [], []
    earliest = f.min_offsets(NL)
    for hour in range(hours):
        now = start + timedelta(hours=hour)
        contacts.extend(Contact(1, at, "in", "instagram") for at in incoming if at == now)
        items = f.plan(promises, PEOPLE, contacts, states.values(), NL, now)
        can_be_due = [p for p in promises if p.reference + earliest[p.rule] <= now]
        due = f.due_now(items, now)
        assert f.plan(can_be_due, PEOPLE, contacts, states.values(), NL, now, due_only=True) == due, now
        for item in due:
            status = "sent" if item.action == "message" else "dismissed"
            for st in f.with_state([], item, status, now):
                states[st.key] = st
            if item.action == "message":
                contacts.append(Contact(1, now, "out", item.channel))
                sent.append((now, [(p.subject_id, p.step) for p in item.parts]))
    return sent


def checkin_sent(sent, subject_id=20):
    """(moment, the message's parts) of the message that asked about the parcel."""
    return next((at, parts) for at, parts in sent if (subject_id, "received") in parts)


def test_a_check_in_due_the_day_of_her_second_reminder_rides_along_in_it():
    """Sent on Saturday 31 October at 09:00: its check-in is due Wednesday 4 November 09:00,
    the day step 2 about her post goes. One message, that day; before, it went on Saturday 7
    November, after the final notice."""
    sent = walk([POST_A, parcel_b(utc(2026, 10, 31, 9))], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 4, 9), [(10, "2"), (20, "received")])
    # the ladder keeps its pace: a message a day, none of them a day later for the question
    assert [at for at, _parts in sent] == [utc(2026, 11, day, 9) for day in (3, 4, 5, 6)]


def test_a_parcel_sent_in_the_afternoon_is_asked_about_with_that_mornings_reminder():
    """Sent on Saturday 31 October at 14:00: its check-in comes on the morning of its day (as every
    step does, not at the minute the parcel went out), Wednesday 09:00, and rides along in step 2
    that goes then: one message that day, the ladder at its pace. (It came due at 14:00, after
    step 2 had gone, and waited for Thursday's step 3.)"""
    sent = walk([POST_A, parcel_b(utc(2026, 10, 31, 14))], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 4, 9), [(10, "2"), (20, "received")])
    assert [at for at, _parts in sent] == [utc(2026, 11, day, 9) for day in (3, 4, 5, 6)]


def test_a_check_in_waits_hours_not_days_for_the_ladders_message_of_its_day():
    """Her reminders go at 15:00 (step 1 was sent then); the check-in comes due at 09:00 of the
    day step 2 goes: it waits until 15:00 and rides along, one message that day."""
    start = utc(2026, 11, 3, 15)
    states = {}
    item = next(i for i in f.plan([POST_A], PEOPLE, [], [], NL, start) if i.subject_id == 10)
    for st in f.with_state([], item, "sent", start):
        states[st.key] = st
    contacts = [Contact(1, start, "out", "instagram")]
    parcel = parcel_b(utc(2026, 10, 31, 9))  # due Wednesday 4 November 09:00
    morning = utc(2026, 11, 4, 9, 30)
    items = f.plan([POST_A, parcel], PEOPLE, contacts, states.values(), NL, morning)
    assert f.due_now(items, morning) == []
    [message] = [i for i in items if i.action == "message"]
    assert (message.due, [(p.subject_id, p.step) for p in message.parts]) == (
        utc(2026, 11, 4, 15), [(10, "2"), (20, "received")])


def test_the_final_notice_stays_on_its_own_and_the_question_follows_the_next_day():
    """A check-in due on the day of the final notice is not added to it ("I'll end our
    collaboration … Oh, and did the parcel arrive?"): the ladder waits on her after it, and the
    question goes on the next day, in a message of its own."""
    sent = walk([POST_A, parcel_b(utc(2026, 11, 2, 9))], utc(2026, 11, 3, 0))  # due Friday 6 November
    assert (utc(2026, 11, 6, 9), [(10, "4")]) in sent
    assert checkin_sent(sent) == (utc(2026, 11, 7, 9), [(20, "received")])


def test_while_the_ladder_waits_on_her_the_check_in_goes_on_its_own_day():
    """After the final notice (its date running, the strike decision a week off) a check-in
    comes due on its own day, in its morning: it does not wait for the decision."""
    sent = walk([POST_A, parcel_b(utc(2026, 11, 5, 14))], utc(2026, 11, 3, 0))  # due Monday 9 November 09:00
    assert checkin_sent(sent) == (utc(2026, 11, 9, 9), [(20, "received")])


def test_a_gift_of_no_collaboration_rides_along_too():
    sent = walk([POST_A, parcel_b(utc(2026, 10, 31, 9), collaboration=None)], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 4, 9), [(10, "2"), (20, "received")])


def test_her_answer_pauses_the_ladder_and_the_check_in_goes_on_its_own_day():
    """She answered about the post on Thursday 5 November ("next week!"): the post is asked about
    again a week later. A parcel sent after her answer is asked about four days after sending,
    on its own day, not held for the week her answer is given."""
    answer = utc(2026, 11, 5, 11)
    sent = walk([POST_A, parcel_b(utc(2026, 11, 6, 10))], utc(2026, 11, 3, 0), incoming=[answer])
    assert checkin_sent(sent) == (utc(2026, 11, 10, 9), [(20, "received")])  # its morning


def test_two_check_ins_never_share_one_reminder():
    """One closing question per message: a second parcel's question goes with the next one."""
    sent = walk([POST_A, parcel_b(utc(2026, 10, 31, 9)), parcel_b(utc(2026, 10, 31, 9), subject_id=21, collaboration=3)],
                utc(2026, 11, 3, 0))
    first, second = checkin_sent(sent, 20), checkin_sent(sent, 21)
    assert {first[0], second[0]} == {utc(2026, 11, 4, 9), utc(2026, 11, 5, 9)}
    assert all(sum(1 for _s, step in parts if step == "received") == 1 for _at, parts in sent if len(parts) > 1)


# --- the follow-ups of her unanswered message ("did my message reach you?") -------------------------
# The shop wrote to her on Friday 30 October about collaboration A; her answer was due on Tuesday 3
# November at 09:00: follow-up 1 then, 2 on Wednesday, 3 (another channel) on Thursday, then nothing.
# A parcel check-in of another collaboration kept apart from them went a day behind each one (on
# Friday, two days late); it joins them as their closing question, as it joins her late work's.

def follow_ups(answer_due: datetime, subject_id: int = 30) -> Promise:
    """The follow-ups of her unanswered message, step 1 at ``answer_due``."""
    return Promise("reply", 1, "event", subject_id, answer_due, since=answer_due - timedelta(days=4),
                   details={"collaboration_id": 1})


REPLY_A = follow_ups(utc(2026, 11, 3, 9))


def test_a_check_in_due_the_day_of_her_second_follow_up_rides_along_in_it():
    """Sent on Saturday 31 October at 09:00: its check-in is due Wednesday 4 November 09:00, the
    morning "my message is still unanswered" goes. One message that day; before, it went on
    Friday 6 November, behind the follow-ups of two days."""
    sent = walk([REPLY_A, parcel_b(utc(2026, 10, 31, 9))], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 4, 9), [(30, "2"), (20, "received")])
    assert [at for at, _parts in sent] == [utc(2026, 11, day, 9) for day in (3, 4, 5)]


def test_a_check_in_due_the_day_of_her_first_follow_up_rides_along_in_it():
    sent = walk([REPLY_A, parcel_b(utc(2026, 10, 30, 9))], utc(2026, 11, 3, 0))  # due Tuesday 3 November
    assert checkin_sent(sent) == (utc(2026, 11, 3, 9), [(30, "1"), (20, "received")])
    assert [at for at, _parts in sent] == [utc(2026, 11, day, 9) for day in (3, 4, 5)]


def test_a_parcel_sent_in_the_afternoon_is_asked_about_with_that_mornings_follow_up():
    """Sent on Saturday 31 October at 14:00: its check-in comes on the morning of Wednesday 4
    November, as every step does, and rides along in that morning's second follow-up."""
    sent = walk([REPLY_A, parcel_b(utc(2026, 10, 31, 14))], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 4, 9), [(30, "2"), (20, "received")])
    assert [at for at, _parts in sent] == [utc(2026, 11, day, 9) for day in (3, 4, 5)]


def test_a_check_in_waits_hours_not_days_for_the_follow_up_of_its_day():
    """Her follow-ups go at 15:00; the check-in comes due at 09:00 of the day the second goes: it
    waits until 15:00 and rides along, one message that day (``due_now`` agreeing every hour)."""
    sent = walk([follow_ups(utc(2026, 11, 3, 15)), parcel_b(utc(2026, 10, 31, 9))], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 4, 15), [(30, "2"), (20, "received")])
    assert [at for at, _parts in sent] == [utc(2026, 11, day, 15) for day in (3, 4, 5)]


def test_after_her_last_follow_up_the_check_in_goes_on_its_own_day():
    """The follow-ups stop at the third (Thursday): a check-in due on Friday 6 November goes that
    morning, on its own."""
    sent = walk([REPLY_A, parcel_b(utc(2026, 11, 2, 14))], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 6, 9), [(20, "received")])


def test_a_follow_up_and_a_late_posts_reminder_take_one_check_in_between_them():
    """Her late post covers her unanswered message's follow-ups (its reminders ask for an answer
    too): the check-in rides along in the post's reminder, never a second closing question."""
    sent = walk([POST_A, REPLY_A, parcel_b(utc(2026, 10, 31, 9))], utc(2026, 11, 3, 0))
    assert checkin_sent(sent) == (utc(2026, 11, 4, 9), [(10, "2"), (20, "received")])
    assert all(sum(1 for _s, step in parts if step == "received") <= 1 for _at, parts in sent)
