"""One person, one conversation: what a walk through seven weeks of the ladder found for an
influencer with more than one promise (the message review's findings 5-8), each walked in the
store every three hours with fixed moments in the owner's zone, the owner sending every message
the moment it is due and deciding every strike without a strike.

5. Two collaborations late on one day shared steps 1-3, then got a final notice each, on two days,
   with two end dates.
6. A second late collaboration got its cheerful first reminder twelve days late, on the morning
   the strike on the first came due.
7. An unanswered message's follow-up came back weeks later, after the deliverable ladder had
   written to her four times and ended a collaboration.
8. A final notice said the collaboration ends and named only the late post, not the TikTok video
   of the same agreement that was not due yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop import i18n
from desktop.presentation import due_texts
from desktop.store import due, settings
from desktop.store.influencers import end_of_day_utc
from desktop.store.models import (
    Collaboration,
    CollaborationProduct,
    Deliverable,
    Event,
    Handle,
    Person,
    Product,
    Shipment,
    ShipmentItem,
)

AMS = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 11, 30, 8, 30)  # Monday 30 November 2026, 09:30 in Amsterdam


def _utc(day: date, at: time = time(12, 0)) -> datetime:
    return datetime.combine(day, at, tzinfo=AMS).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def _product(name: str, cents: int) -> Product:
    return Product.create(key=name, sku=name, name=name, price_cents=cents, cost_cents=cents // 3, source="manual")


def _person(name: str, country: str = "NL", **contact) -> Person:
    p = Person.create(name=name, is_influencer=True, country=country, language="nl", address_form="je",
                      email=contact.get("email", ""))
    Handle.create(person=p, platform="instagram", name=contact.get("instagram", name.split()[0].lower()))
    if contact.get("tiktok"):
        Handle.create(person=p, platform="tiktok", name=contact["tiktok"])
    return p


def _collab(p: Person, title: str, deliverables, product: Product, agreed: datetime, consequence: str = "",
            sent: datetime | None = None) -> tuple[Collaboration, list[Deliverable]]:
    c = Collaboration.create(person=p, title=title, status="received", agreed_at=agreed, response_days=3,
                             consequence=consequence, created_at=agreed)
    CollaborationProduct.create(collaboration=c, product=product, quantity=1, value_cents=product.price_cents,
                                name=product.name)
    made = [Deliverable.create(collaboration=c, kind=kind, count=count, deadline=end_of_day_utc(deadline))
            for kind, deadline, count in deliverables]
    sent = sent or agreed + timedelta(days=1)
    s = Shipment.create(person=p, collaboration=c, status="received", sent_at=sent, received_at=sent + timedelta(days=2),
                        value_cents=product.price_cents, created_at=sent)
    ShipmentItem.create(shipment=s, product=product)
    return c, made


@dataclass
class Done:
    at: datetime  # naive UTC
    person: str
    step: str
    action: str
    template: str
    parts: list[tuple[str, int]]  # (subject type, id)
    body: str = ""

    @property
    def day(self) -> date:
        return self.at.replace(tzinfo=ZoneInfo("UTC")).astimezone(AMS).date()


def walk(frozen_clock, days: int = 50, start: datetime = START) -> list[Done]:
    """Every three hours from ``start``: the owner sends every message the moment it is due (its
    ready text, on the channel proposed), and decides every strike without a strike."""
    i18n.set_language("nl")
    done: list[Done] = []
    now = start
    while now < start + timedelta(days=days):
        frozen_clock.set(now)
        for item in due.due_now(now):
            parts = [(p.subject_type, p.subject_id) for p in item.parts]
            if item.action == "message":
                body = due_texts.compose(item, now).body
                due.mark_sent(item, now, item.channel or "email", body)
                done.append(Done(now, item.person_name, item.step, item.action, item.template, parts,
                                 body.replace("\xa0", " ")))
            elif item.action == "strike":
                due.end_without_strike(item, now, "Geen reactie na de laatste herinnering")
                done.append(Done(now, item.person_name, item.step, item.action, "", parts))
        now += timedelta(hours=3)
    return done


def _of(done: list[Done], name: str) -> list[Done]:
    return [d for d in done if d.person == name]


@pytest.fixture
def shop(database):
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    return {
        "KM": _product("Zilveren ketting Maan", 4995),
        "OD": _product("Oorbellen Druppel", 2495),
        "AI": _product("Armband met initiaal", 2995),
        "ZR": _product("Zegelring", 5995),
    }


# --- 5: one final notice, one end date ------------------------------------------------------

def test_two_collaborations_late_together_get_one_final_notice_with_one_end_date(shop, frozen_clock):
    """Yara: a reel and two stories in two collaborations, both due Wednesday 2 December. Steps
    1-3 named both; step 4 was split into a notice per collaboration on Monday and Tuesday, each
    "my last reminder" with its own end date (14 and 15 December)."""
    y = _person("Yara Smit", email="yara@example.nl")
    reel, [r] = _collab(y, "Ketting in een reel", [("reel", date(2026, 12, 2), 1)], shop["KM"],
                        START - timedelta(days=40), "de ketting factureren")
    stories, [s] = _collab(y, "Oorbellen in stories", [("story", date(2026, 12, 2), 2)], shop["OD"],
                           START - timedelta(days=20), "geen nieuwe samenwerkingen")
    mine = _of(walk(frozen_clock), "Yara Smit")
    finals = [d for d in mine if d.step == "4"]
    assert len(finals) == 1, [(d.day, d.parts) for d in finals]
    [final] = finals
    assert sorted(final.parts) == sorted([("deliverable", r.id), ("deliverable", s.id)])
    body = final.body
    assert "reel met je Zilveren ketting Maan" in body and "twee stories met je Oorbellen Druppel" in body
    # one date by which she can still answer, named once
    assert body.count("december nog geen reactie") == 1
    # both agreements' consequences and values, each with its own collaboration
    assert "de ketting factureren" in body and "geen nieuwe samenwerkingen" in body
    assert "€ 49,95" in body and "€ 24,95" in body
    # one decision after it, ending both collaborations; nothing more to her after that
    decisions = [d for d in mine if d.action == "strike"]
    assert len(decisions) == 1 and sorted(decisions[0].parts) == sorted(final.parts)
    assert {c.status for c in Collaboration.select().where(Collaboration.person == y)} == {"ended"}
    assert [d for d in mine if d.at > decisions[0].at] == []
    # one message a working day, the ladder a rung at a time: 1, 2, 3, 4, then the decision
    assert [d.step for d in mine] == ["1", "2", "3", "4", "strike"]


# --- 6: a second late collaboration joins the ladder that runs --------------------------------

def test_a_collaboration_late_a_day_after_another_joins_its_next_message(shop, frozen_clock):
    """Yara: a reel due 1 December and two stories due 2 December, two collaborations. Steps 2-4
    about the reel never named the stories; their cheerful step 1 came on Monday 14 December, the
    morning the strike on the reel came due."""
    y = _person("Yara Smit", email="yara@example.nl")
    _reel, [r] = _collab(y, "Ketting in een reel", [("reel", date(2026, 12, 1), 1)], shop["KM"],
                         START - timedelta(days=30))
    _stories, [s] = _collab(y, "Oorbellen in stories", [("story", date(2026, 12, 2), 2)], shop["OD"],
                            START - timedelta(days=30))
    mine = _of(walk(frozen_clock), "Yara Smit")
    messages = [d for d in mine if d.action == "message"]
    # the reel's first reminder alone (the stories are not late yet), then every message names both
    assert [(d.day, d.step) for d in messages] == [
        (date(2026, 12, 2), "1"), (date(2026, 12, 3), "2"), (date(2026, 12, 4), "3"), (date(2026, 12, 5), "4")]
    assert messages[0].parts == [("deliverable", r.id)]
    for d in messages[1:]:
        assert sorted(d.parts) == sorted([("deliverable", r.id), ("deliverable", s.id)]), d.day
        assert "stories met je Oorbellen Druppel" in d.body and "reel met je Zilveren ketting Maan" in d.body
    # each with its own deadline, as they differ
    assert "1 december" in messages[1].body and "2 december" in messages[1].body
    # one final notice, with one date; no consequence was agreed for either: the day they were
    # agreed is still cited
    assert messages[3].body.count("nog geen reactie") == 1
    assert "We spraken dit af op zaterdag 31 oktober." in messages[3].body
    # never a first reminder about the stories, and nothing after the one decision
    assert not any(d.step == "1" and ("deliverable", s.id) in d.parts for d in mine)
    [decision] = [d for d in mine if d.action == "strike"]
    assert [d for d in mine if d.at > decision.at] == []


# --- 7: a follow-up of an unanswered message does not come back stale ------------------------

def test_an_unanswered_message_is_not_chased_again_after_the_deliverable_ladder_wrote_to_her(shop, frozen_clock):
    """Zoë: asked about collaboration B on Saturday 28 November, follow-ups on 1 and 2 December;
    collaboration A's post then went late and its ladder ran 3-7 December; A ended without a strike
    on the 15th, and three hours later: "just checking that all is well: I haven't had a reply yet
    to my message of Saturday 28 November about Ring reel later"."""
    z = _person("Zoë Maes", country="BE", email="zoe@example.be", instagram="zoem")
    a, [post] = _collab(z, "Armband post", [("post", date(2026, 12, 2), 1)], shop["AI"], START - timedelta(days=30))
    b, [later] = _collab(z, "Ring reel later", [("reel", date(2027, 1, 20), 1)], shop["ZR"], START - timedelta(days=6))
    Event.create(at=_utc(date(2026, 11, 28), time(10, 0)), kind="message", channel="instagram", direction="out",
                 text="Hoi! Vraagje over de ring", person=z, subject_type="collaboration", subject_id=b.id)
    mine = _of(walk(frozen_clock), "Zoë Maes")
    replies = [d for d in mine if d.template.startswith("reply.")]
    assert [(d.day, d.step) for d in replies] == [(date(2026, 12, 1), "1"), (date(2026, 12, 2), "2")]
    ladder = [d for d in mine if d.template.startswith("ladder.")]
    assert ladder and ladder[0].day == date(2026, 12, 3)
    assert [d for d in mine if d.template.startswith("reply.") and d.at > ladder[0].at] == []
    # the final notice told her what still stands: collaboration B, with its own deadline
    [final] = [d for d in mine if d.step == "4"]
    assert "reel met je Zegelring" in final.body and "20 januari" in final.body
    assert Collaboration.get_by_id(b.id).status == "received"  # B stands
    assert Collaboration.get_by_id(a.id).status == "ended"


# --- 8: a final notice names what it ends -------------------------------------------------------

def test_a_final_notice_names_the_deliverables_it_ends_that_are_not_due_yet(shop, frozen_clock):
    """Fleur: one collaboration, a post due Tuesday 1 December and a TikTok video due Tuesday 8
    December. Saturday 5 December: "my last reminder about your post … I'll end our
    collaboration", not a word about the video the ending takes with it."""
    f = _person("Fleur Bakker", email="fleur@example.nl", tiktok="fleurb")
    c, [post, video] = _collab(f, "Armband: post en TikTok", [("post", date(2026, 12, 1), 1),
                                                              ("tiktok", date(2026, 12, 8), 1)],
                               shop["AI"], START - timedelta(days=30), "de armband terugsturen")
    mine = _of(walk(frozen_clock), "Fleur Bakker")
    [final] = [d for d in mine if d.step == "4"]
    assert final.parts == [("deliverable", post.id)]
    assert "post met je Armband met initiaal" in final.body
    assert "TikTok-video" in final.body and "8 december" in final.body
    # the video is not chased on its own while the notice stands, and ends with the collaboration
    assert all(("deliverable", video.id) not in d.parts for d in mine if d.action == "message")
    assert Collaboration.get_by_id(c.id).status == "ended"


# --- the words of a final notice that ends several collaborations ---------------------------

NOTICE_NOW = datetime(2026, 12, 5, 8, 30)


def _several(consequence_two: str = "geen nieuwe samenwerkingen"):
    from desktop.presentation import messages as m

    return [
        m.NoticeCollaboration(("je reel met je Zilveren ketting Maan",),
                              {"agreed_at": date(2026, 10, 21), "consequence": "de ketting factureren",
                               "value_cents": 4995}),
        m.NoticeCollaboration(("je twee stories met je Oorbellen Druppel",),
                              {"agreed_at": date(2026, 11, 10), "consequence": consequence_two, "value_cents": 2495}),
    ]


@pytest.mark.parametrize(("lang", "country", "form", "heading", "value"), [
    ("nl", "NL", "je", "Wat we voor dat geval hebben afgesproken, per samenwerking:", "Wat je daarvoor kreeg, is € 49,95 waard."),
    ("nl", "BE", "u", "Wat we voor dat geval hebben afgesproken, per samenwerking:",
     "Wat u daarvoor ontving, heeft een waarde van € 49,95."),
    ("en", "NL", "je", "What we agreed would happen in that case, for each collaboration:",
     "What we sent you for it is worth €49.95."),
])
def test_a_final_notice_about_several_collaborations_gives_each_its_own_consequence(lang, country, form, heading, value):
    """One notice for two agreements (finding 5) quotes neither's date, consequence and value for
    both (review finding 2b, the reason the notice was split): each has its own line."""
    from desktop.domain.message_rules import Recipient
    from desktop.presentation import messages as m

    reader = Recipient("Yara", lang, country, form)
    words = m.notice_words(_several(), [], [], reader, NOTICE_NOW)
    values = dict(m.sample_values(lang), afspraken="…", afgesproken_op=None, gevolg=None, kosten=None, **words)
    for template_id in ("ladder.4", "ladder.4.alt", "answered.4", "answered.4.alt"):
        body = m.render(template_id, values, reader, NOTICE_NOW).body.replace("\xa0", " ")
        lines = body.split("\n")
        at = lines.index(heading)
        assert lines[at + 1].startswith("• ") and "de ketting factureren." in lines[at + 1] and value in lines[at + 1]
        assert lines[at + 2].startswith("• ") and "geen nieuwe samenwerkingen." in lines[at + 2]
        assert "€ 24,95" in lines[at + 2] or "€24.95" in lines[at + 2]
        assert body.count("factureren") == 1  # never the single consequence's sentence besides
    # a consequence she typed with its own mark keeps it, once; one without any: no line, no value
    words = m.notice_words(_several("dan sturen we een factuur!"), [], [], reader, NOTICE_NOW)
    assert "factuur!" in words["gevolgen"] and "factuur!." not in words["gevolgen"]
    words = m.notice_words(_several(""), [], [], reader, NOTICE_NOW)
    assert words["gevolgen"].count("• ") == 1 and "24" not in words["gevolgen"]
    # one collaboration: its consequence is the notice's own sentence, no list
    assert m.notice_words(_several()[:1], [], [], reader, NOTICE_NOW)["gevolgen"] == ""


def test_an_owners_own_final_notice_says_what_ends_and_what_stands_too():
    """Her own wording of the final notice predates the paragraphs: they are added before her
    sign-off, as a parcel question is."""
    own = "{aanhef}\n\nLaatste kans voor {afspraken}, tot {pauzedatum}.\n\n{groet}\n{afzender}"
    values = {"vervalt_ook": "Stopt onze samenwerking, dan vervalt ook …", "blijft_staan": "", "gevolgen": ""}
    body, _values = due_texts.fitted(values, own)
    assert body == ("{aanhef}\n\nLaatste kans voor {afspraken}, tot {pauzedatum}.\n\n{vervalt_ook}\n\n"
                    "{groet}\n{afzender}")


# --- the decision after one notice about several collaborations -----------------------------

def test_one_decision_ends_every_collaboration_its_notice_named(shop, frozen_clock):
    """One notice, one silence: one decision, its words and its title name both collaborations,
    and with a strike both are "niet nagekomen" under one strike (not two for one silence)."""
    from desktop.store.models import Strike

    y = _person("Yara Smit", email="yara@example.nl")
    reel, _ = _collab(y, "Ketting in een reel", [("reel", date(2026, 12, 2), 1)], shop["KM"],
                      START - timedelta(days=40), "de ketting factureren")
    stories, _ = _collab(y, "Oorbellen in stories", [("story", date(2026, 12, 2), 2)], shop["OD"],
                         START - timedelta(days=20))
    i18n.set_language("nl")
    now = START
    decision = None
    while decision is None and now < START + timedelta(days=30):
        frozen_clock.set(now)
        for item in due.due_now(now):
            if item.action == "strike":
                decision = item
            else:
                due.mark_sent(item, now, item.channel, due_texts.compose(item, now).body)
        now += timedelta(hours=3)
    assert decision is not None and len(decision.parts) == 2
    assert due_texts.subject_title(decision) == "Ketting in een reel (Reel) · Oorbellen in stories (Story)"
    words = due_texts.strike_decision_words(decision, now)
    assert "de samenwerkingen „Ketting in een reel” en „Oorbellen in stories”" in words
    due.apply_strike(decision, now, **due_texts.strike_words(decision))
    assert {c.status for c in Collaboration.select().where(Collaboration.person == y)} == {"failed"}
    assert Strike.select().where(Strike.person == y).count() == 1
    assert [i for i in due.plan(now + timedelta(days=1)) if i.person_id == y.id] == []


# --- the conversation in the domain ---------------------------------------------------------

def _domain():
    from desktop.domain import followup as f
    from desktop.domain.followup import LadderSettings, PersonInfo, Promise

    settings = LadderSettings(tz=AMS)
    people = {1: PersonInfo(1, "Yara", ("instagram", "email", "phone"))}

    def promise(deadline: date, subject_id: int, collab: int):
        return Promise("deliverable", 1, "deliverable", subject_id, end_of_day_utc(deadline),
                       details={"collaboration_id": collab})

    def plan(promises, states, now, due_only=False, contacts=()):
        return f.plan(promises, people, contacts, states, settings, now, due_only=due_only)

    return f, promise, plan


def test_a_late_promise_joins_the_running_ladder_at_its_step_and_keeps_pace():
    """The stories, late a day after the reel, join the reel's second reminder as a second
    reminder (not a first one of their own later), and from then on go with it, a rung a day,
    whatever their own deadline would say: their third step was a day later than the reel's."""
    f, promise, plan = _domain()
    reel, stories = promise(date(2026, 12, 1), 10, 1), promise(date(2026, 12, 2), 11, 2)
    states, contacts, seen = [], [], []
    for hour in range(0, 24 * 9, 3):
        now = START + timedelta(hours=hour)
        for item in f.due_now(plan([reel, stories], states, now, contacts=contacts), now):
            if item.action == "message":
                states += f.with_state([], item, "sent", now)
                contacts.append(f.Contact(1, now, "out", item.channel))
                seen.append((f.local_date(now, f.LadderSettings(tz=AMS)), item.step,
                             sorted((p.subject_id, p.step) for p in item.parts), item.template, item.channel))
    assert seen == [
        (date(2026, 12, 2), "1", [(10, "1")], "ladder.1", "instagram"),
        # the stories are first named here: "I'm getting in touch about", not "I haven't heard from you
        # yet about" (nothing was asked about them before)
        (date(2026, 12, 3), "2", [(10, "2"), (11, "2")], "ladder.2.alt", "instagram"),
        # "I'm trying to reach you this way" holds for the stories too: the conversation went by Instagram
        (date(2026, 12, 4), "3", [(10, "3"), (11, "3")], "ladder.3", "phone"),
        # "my final reminder": the conversation had reminders before it
        (date(2026, 12, 5), "4", [(10, "4"), (11, "4")], "ladder.4", "instagram"),
    ]
    # what is due now and what the week's plan says agree (the tray asks one, Vandaag the other)
    for hour in range(0, 24 * 9, 7):
        now = START + timedelta(hours=hour)
        assert plan([reel, stories], states, now, True, contacts) == f.due_now(
            plan([reel, stories], states, now, contacts=contacts), now)


def test_a_promise_not_late_yet_or_snoozed_does_not_join():
    f, promise, plan = _domain()
    reel, later = promise(date(2026, 12, 1), 10, 1), promise(date(2026, 12, 10), 11, 2)
    first = START + timedelta(days=2)  # Wednesday 2 December: the reel's step 1
    [item] = f.due_now(plan([reel, later], [], first), first)
    assert [p.subject_id for p in item.parts] == [10]  # the reel due 10 December is not late yet
    # a step the owner snoozed to a later day waits for that day: it is not pulled into today's
    stories = promise(date(2026, 12, 1), 11, 2)
    [one] = [i for i in plan([reel, stories], [], first) if i.due <= first]
    snoozed = f.with_state([], one, "snoozed", first, first + timedelta(days=2))
    snoozed = [s for s in snoozed if s.key.startswith("deliverable:deliverable:11:")]
    items = plan([reel, stories], snoozed, first)
    assert [sorted(p.subject_id for p in i.parts) for i in items if i.due <= first] == [[10]]
    assert [i.due for i in items if 11 in [p.subject_id for p in i.parts]] == [first + timedelta(days=2)]


def test_what_went_late_while_a_final_notice_ran_goes_on_from_the_second_step(shop, frozen_clock):
    """Her other collaboration's video went late while the notice about the reel ran (its date
    Saturday 12 December): it waits until the reel is decided, and is then no cheerful "is
    everything OK?" (finding 6) but the reminder that explains why a date matters. The notice
    had told her that agreement still stood."""
    y = _person("Yara Smit", email="yara@example.nl")
    _reel, [r] = _collab(y, "Ketting in een reel", [("reel", date(2026, 12, 1), 1)], shop["KM"],
                         START - timedelta(days=30))
    _video, [v] = _collab(y, "Oorbellen op TikTok", [("tiktok", date(2026, 12, 8), 1)], shop["OD"],
                          START - timedelta(days=30))
    mine = _of(walk(frozen_clock, days=20), "Yara Smit")
    final = next(d for d in mine if d.step == "4")
    assert final.parts == [("deliverable", r.id)] and final.day == date(2026, 12, 5)
    assert "TikTok-video met je Oorbellen Druppel (deadline dinsdag 8 december), staat hier los van" in final.body
    decision = next(d for d in mine if d.action == "strike")
    about_video = [d for d in mine if ("deliverable", v.id) in d.parts and d.action == "message"]
    assert about_video[0].at >= decision.at and about_video[0].day == date(2026, 12, 14)
    assert [d.step for d in about_video] == ["2", "3", "4"]


def test_a_final_notice_whose_work_was_posted_holds_nothing_back():
    """Only a decided notice speaks for what came after it: the reel posted after its notice
    (closed, no decision), the stories that went late meanwhile start with their own first step."""
    f, promise, plan = _domain()
    reel, stories = promise(date(2026, 12, 1), 10, 1), promise(date(2026, 12, 8), 11, 2)
    notice = START + timedelta(days=5)  # Saturday 5 December: the reel's final notice
    steps = f.RULES["deliverable"].steps
    states = [f.StepState(f.promise_key(reel, steps[k]), "sent", notice - timedelta(days=3 - k), person_id=1)
              for k in range(4)]
    now = START + timedelta(days=9, hours=1)  # Wednesday 9 December, the stories a day late
    posted = f.Promise(reel.rule, 1, reel.subject_type, reel.subject_id, reel.reference, closed=True,
                       details=reel.details)
    [item] = f.due_now(plan([posted, stories], states, now), now)
    assert [(p.subject_id, p.step) for p in item.parts] == [(11, "1")]
    # decided (the strike step acted on): the stories wait for the day after its date, then step 2
    decided = states + [f.StepState(f.promise_key(reel, steps[4]), "dismissed", now, person_id=1)]
    assert f.due_now(plan([stories], decided, now), now) == []
    [later] = plan([stories], decided, now)
    assert later.step == "2" and f.local_date(later.due, f.LadderSettings(tz=AMS)) == date(2026, 12, 14)


def test_a_follow_up_the_deliverable_ladder_wrote_over_is_dropped_for_good():
    """Finding 7 in the domain: her unanswered message's follow-up is covered while her post is
    late, and once a reminder about the post went to her after that message it does not come
    back when the post's ladder ends. A message the owner sends after it is chased again; a
    cover whose steps were only marked done (nothing sent) leaves the follow-up as it was."""
    f, promise, plan = _domain()
    asked = _utc(date(2026, 11, 28), time(10, 0))

    def reply(at):
        return f.Promise("reply", 1, "event", 7, at + timedelta(days=3), since=at, details={"message_at": at})

    post = promise(date(2026, 12, 2), 10, 1)
    reminded = START + timedelta(days=3)  # Thursday 3 December: the post's step 1 went out
    sent = [f.StepState(f.promise_key(post, f.RULES["deliverable"].steps[0]), "sent", reminded, person_id=1)]
    weeks = START + timedelta(days=15, hours=3)  # Tuesday 15 December: the post's collaboration ended
    assert plan([reply(asked)], sent, weeks) == []
    # marked done without a message: nothing was said to her, the follow-up comes back
    done = [f.StepState(sent[0].key, "dismissed", reminded, person_id=1)]
    assert [i.kind for i in plan([reply(asked)], done, weeks)] == ["reply"]
    # a new message after the ladder: its own follow-up
    again = _utc(date(2026, 12, 15), time(10, 0))
    later = again + timedelta(days=3, hours=1)
    assert [(i.kind, i.step) for i in f.due_now(plan([reply(again)], sent, later), later)] == [("reply", "1")]
