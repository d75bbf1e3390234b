"""One person, one conversation, across the kinds of promise (review of the influencer ladder,
defect 2): Zoë got two follow-ups about an unanswered message (the reply ladder) on 1 and 2
December, and on 3 December a cheerful first reminder about her post ("Just checking in … Is
everything OK?"), as if nothing had been said to her. The post's ladder joins the conversation
that runs: it opens with the reminder that says she has not answered (step 2), never a first
step the day after a second follow-up."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from desktop.domain import followup as f
from desktop.store.models import Event
from tests import test_ladder_conversation as conversation
from tests.test_ladder_conversation import AMS, START, _collab, _of, _person, _utc, walk

shop = conversation.shop  # the same shop fixture: its four products, its name and owner

S = f.LadderSettings(tz=AMS)


def _deadline(day: date) -> datetime:
    return _utc(day, time(23, 59))


def _day(moment: datetime) -> date:
    return f.local_date(moment, S)


def _zoe(shop):
    z = _person("Zoë Maes", country="BE", email="zoe@example.be", instagram="zoem")
    a, [post] = _collab(z, "Armband post", [("post", date(2026, 12, 2), 1)], shop["AI"], START - timedelta(days=30))
    b, [later] = _collab(z, "Ring reel later", [("reel", date(2027, 1, 20), 1)], shop["ZR"], START - timedelta(days=6))
    Event.create(at=_utc(date(2026, 11, 28), time(10, 0)), kind="message", channel="instagram", direction="out",
                 text="Hoi! Vraagje over de ring", person=z, subject_type="collaboration", subject_id=b.id)
    return z, post


def test_her_post_joins_the_follow_ups_of_her_unanswered_message(shop, frozen_clock):
    """The walk: follow-ups on Tuesday 1 and Wednesday 2 December, the post late from Thursday 3
    December. That day's message about the post says she has not answered, and the ladder goes
    on from there: never "is everything OK?" after two unanswered follow-ups, and its later steps
    on their own days (Sunday 6 December skipped), the final notice no sooner than before."""
    _z, post = _zoe(shop)
    mine = _of(walk(frozen_clock, days=10), "Zoë Maes")
    messages = [d for d in mine if d.action == "message"]
    assert [(d.day, d.template.split(".")[0], d.step) for d in messages] == [
        (date(2026, 12, 1), "reply", "1"), (date(2026, 12, 2), "reply", "2"),
        (date(2026, 12, 3), "ladder", "2"), (date(2026, 12, 5), "ladder", "3"), (date(2026, 12, 7), "ladder", "4")]
    about_post = [d for d in messages if ("deliverable", post.id) in d.parts]
    assert about_post[0].day == date(2026, 12, 3)
    assert "Is alles goed" not in about_post[0].body and "Alles oké" not in about_post[0].body
    assert "nog niets van je gehoord" in about_post[0].body or "nog niet van je gehoord" in about_post[0].body


def _reply_sent(person: int, message_at: datetime, steps: int):
    """A reply promise (her answer due three days after ``message_at``) and its first
    ``steps`` follow-ups, sent a day apart from the morning the answer was due."""
    promise = f.Promise("reply", person, "event", 99, message_at + timedelta(days=3), since=message_at,
                        details={"message_at": message_at})
    rule = f.RULES["reply"]
    first = f.settle(promise.reference, S)
    states = [f.StepState(f.promise_key(promise, rule.steps[k]), "sent", first + timedelta(days=k),
                          template=rule.steps[k].template, person_id=person) for k in range(steps)]
    return promise, states


def _post(deadline: date, person: int = 1, subject: int = 10):
    return f.Promise("deliverable", person, "deliverable", subject, _deadline(deadline),
                     details={"collaboration_id": subject})


def _plan(promises, states, now, contacts=()):
    people = {1: f.PersonInfo(1, "Zoë", ("instagram", "email", "phone"))}
    return f.plan(promises, people, contacts, states, S, now)


def test_the_first_reminder_about_her_post_is_not_cheerful_after_unanswered_follow_ups():
    """In the domain, with ``now`` walked: one, two or three follow-ups sent and unanswered,
    the post's first message is its second step, on the morning its first would have come."""
    message_at = _utc(date(2026, 11, 27), time(10, 0))  # Friday: her answer due Monday 30 November
    for steps in (1, 2, 3):
        reply, states = _reply_sent(1, message_at, steps)
        last = max(s.at for s in states)
        post = _post(_day(last))  # the post's deadline is the day of the last follow-up
        now = f.settle(_deadline(_day(last)) + timedelta(minutes=2), S)  # the next morning
        [item] = f.due_now(_plan([reply, post], states, now), now)
        assert (item.kind, item.step, item.template) == ("deliverable", "2", "ladder.2"), steps
        assert _day(item.due) == _day(last) + timedelta(days=1)
        # and the ladder goes on from there: step 3 on its own day, two days after the deadline's
        acted = states + f.with_state([], item, "sent", now)
        [following] = _plan([reply, post], acted, now)
        assert following.step == "3"
        assert following.due == f.settle(f.ladder_start(f.RULES["deliverable"], post.reference, S)
                                         + timedelta(hours=S.step_hours[2]), S)


def test_her_answer_or_a_quiet_week_lets_the_post_open_with_its_first_reminder():
    """The follow-ups only speak for a conversation that runs: once she wrote back, or a week
    after the last one, her late post starts with the friendly first reminder again."""
    message_at = _utc(date(2026, 11, 27), time(10, 0))
    reply, states = _reply_sent(1, message_at, 2)
    last = max(s.at for s in states)
    # she wrote back the day of the last follow-up, before her post's deadline day
    post = _post(_day(last) + timedelta(days=1))
    now = f.settle(_deadline(_day(last) + timedelta(days=1)) + timedelta(minutes=2), S)
    answered = [f.Contact(1, last + timedelta(hours=3), "in", "instagram")]
    [item] = f.due_now(_plan([reply, post], states, now, answered), now)
    assert (item.kind, item.step) == ("deliverable", "1")
    # a post late more than a week after the last follow-up: a new conversation
    post = _post(_day(last) + timedelta(days=8))
    now = f.settle(_deadline(_day(last) + timedelta(days=8)) + timedelta(minutes=2), S)
    [item] = f.due_now(_plan([reply, post], states, now), now)
    assert (item.kind, item.step) == ("deliverable", "1")
    # a follow-up about another person's message changes nothing for her
    other, others = _reply_sent(2, message_at, 2)
    post = _post(_day(last))
    now = f.settle(_deadline(_day(last)) + timedelta(minutes=2), S)
    [item] = f.due_now(_plan([post], others, now), now)
    assert item.step == "1"
