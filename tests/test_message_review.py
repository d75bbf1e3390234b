"""The findings of the native reader's review of the ready messages (notes: message_review.md).

Each test renders what the app would hand the owner and checks the words: the
unanswered-message ladder has its own texts, a merged message cites each promise at its
own step and date, a late custom order is not "still on schedule", a first contact never
claims earlier attempts, and the Dutch/Belgian wording points."""

import dataclasses
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.domain import followup
from desktop.presentation import due_texts, messages
from desktop.store import due, settings
from desktop.store.models import Collaboration, Event, Person

from .conftest import NOW
from .readers import AMS, READERS, as_reader, reader
from tests.ladder_states import climb_in_store


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", AMS)
    return demo_db


# --- 1. the unanswered-message ladder has its own words ----------------------------------

def test_the_reply_rule_uses_its_own_templates():
    templates = [t for st in followup.RULES["reply"].steps for t in (st.template, st.alt_template)]
    assert templates == ["reply.1", "reply.1.alt", "reply.2", "reply.2.alt", "reply.3", "reply.3.alt"]
    assert all(t in messages.TEMPLATES for t in templates)


@pytest.mark.parametrize("template_id", ["reply.1", "reply.1.alt", "reply.2", "reply.2.alt", "reply.3", "reply.3.alt"])
@pytest.mark.parametrize("lang, country, form", READERS)
def test_a_reply_follow_up_asks_for_an_answer_not_for_work_by_a_deadline(template_id, lang, country, form):
    values = dict(messages.sample_values(lang), bericht_van=date(2026, 11, 19), titel="Oorbellen voor TikTok")
    message = messages.render(template_id, values, reader(lang, country, form), now=datetime(2026, 11, 23, 9, 30))
    text = (message.subject + "\n" + message.body).lower()
    assert not message.missing
    for nonsense in ("deadline", "due", "je antwoord op mijn bericht", "uw antwoord op mijn bericht",
                     "your answer to my message", "klaar", "ready",
                     "te laat", "late", "{"):
        assert not re.search(r"(?<!\w)" + re.escape(nonsense) + r"(?!\w)", text), (template_id, lang, country, form,
                                                                                 nonsense, text)
    assert ("19 november" in text) and ("oorbellen voor tiktok" in text)


def test_the_demo_chases_an_unanswered_message_with_the_reply_wording(demo):
    mila = Person.get(Person.name == "Mila Smit")
    collab = Collaboration.get(Collaboration.person == mila)
    Event.create(at=NOW - timedelta(days=4), kind="message", channel="instagram", direction="out",
                 text="Heb je het pakketje al?", person=mila, subject_type="collaboration", subject_id=collab.id)
    # (her gift still to send is the owner's own task beside it: no message of its own)
    item = next(i for i in due.due_now(NOW) if i.person_id == mila.id and i.action == "message")
    assert item.kind == "reply" and item.template.startswith("reply.")
    for lang, country, form in READERS:
        as_reader(mila, lang, country, form)
        body = due_texts.compose(item, NOW).body
        assert "deadline" not in body.lower() and collab.title in body, (lang, country, form, body)


def test_a_parcel_check_in_rides_along_in_a_follow_up_of_her_unanswered_message(demo):
    """Mila's message is unanswered ("did my message reach you?") and the parcel of another
    collaboration is to be asked about the same day: one message, the question its closing line
    ("Oh, and …" after a first follow-up). Kept apart, it went a day behind each follow-up."""
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    mila = Person.get(Person.name == "Mila Smit")
    collab = Collaboration.get(Collaboration.person == mila)
    Event.create(at=NOW - timedelta(days=4), kind="message", channel="instagram", direction="out",
                 text="Zullen we de datum vastleggen?", person=mila, subject_type="collaboration",
                 subject_id=collab.id)
    other = Collaboration.create(person=mila, title="Naamketting in een story", status="shipped",
                                 agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=other, kind="story", deadline=NOW + timedelta(days=20))
    parcel = Shipment.create(person=mila, collaboration=other, status="sent", sent_at=NOW - timedelta(days=6),
                             value_cents=4295, created_at=NOW - timedelta(days=6))
    ShipmentItem.create(shipment=parcel, product=Product.get(Product.name == "Naamketting"))
    [item] = [i for i in due.due_now(NOW) if i.person_id == mila.id and i.action == "message"]
    assert item.kind == "reply" and [p.kind for p in item.parts] == ["reply", "shipment"]
    assert item.template == "reply.1"
    for lang, country, form in READERS:
        as_reader(mila, lang, country, form)
        to = due_texts.recipient(Person.get_by_id(mila.id))
        # step 1 asks whether her message arrived: one question asks after both
        question = messages.parcel_question({"product": ["Naamketting"]}, to, with_message=True)
        body = due_texts.compose(item, NOW).body
        before, found, after = body.partition(" " + question + " ")
        assert found and collab.title in before and "Naamketting" not in before + after, body
        # the follow-up's other wording asks no such thing: the parcel is its closing line
        other = dataclasses.replace(item, template="reply.1.alt")
        question = messages.parcel_question({"product": ["Naamketting"]}, to)
        body = due_texts.compose(other, NOW).body
        before, found, after = body.partition("\n\n" + question + "\n\n")
        assert found and collab.title in before and "Naamketting" not in before + after, body
    # and nothing is left to ask it again on its own
    assert not any(p.kind == "shipment" for i in due.plan(NOW) if i.person_id == mila.id and i.due > NOW
                   for p in i.parts)


# A question whether something arrived (her message, the parcel): Dutch "aangekomen" (Belgian
# "toegekomen"), English "arrive" or "reach you".
_ARRIVED = re.compile(r"aangekomen|toegekomen|arrive|reach(?:ed)? you", re.IGNORECASE)


def _arrival_questions(body: str) -> list[str]:
    sentences = re.split(r"(?<=[?.!])\s+", body)
    return [s for s in sentences if s.rstrip().endswith("?") and _ARRIVED.search(s)]


@pytest.mark.parametrize("replaces", ["", "lost"])
@pytest.mark.parametrize("product", [True, False])
def test_a_follow_up_with_a_parcel_check_in_never_asks_twice_whether_something_arrived(demo, monkeypatch, product,
                                                                                       replaces):
    """Step 1 of her unanswered message asks "did it reach you?" ("Is het goed aangekomen?"); the parcel
    check-in riding along closed it with "O ja, is het pakketje … goed aangekomen?": the same question
    twice in one message. Every follow-up and reminder that takes a check-in, in each wording, for the
    five readers, with and without a product named, for a first and a new parcel: one such question,
    and it names the parcel."""
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    mila = Person.get(Person.name == "Mila Smit")
    collab = Collaboration.get(Collaboration.person == mila)
    Event.create(at=NOW - timedelta(days=4), kind="message", channel="instagram", direction="out",
                 text="Zullen we de datum vastleggen?", person=mila, subject_type="collaboration",
                 subject_id=collab.id)
    other = Collaboration.create(person=mila, title="Naamketting in een story", status="shipped",
                                 agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=other, kind="story", deadline=NOW + timedelta(days=20))
    parcel = Shipment.create(person=mila, collaboration=other, status="sent", sent_at=NOW - timedelta(days=6),
                             value_cents=4295, created_at=NOW - timedelta(days=6))
    if product:
        ShipmentItem.create(shipment=parcel, product=Product.get(Product.name == "Naamketting"))
    [item] = [i for i in due.due_now(NOW) if i.person_id == mila.id and i.action == "message"]
    assert [p.kind for p in item.parts] == ["reply", "shipment"]
    if replaces:  # the check-in of a new parcel, after one that got lost (desktop/store/promises/parcels.py)
        real = due.part_details
        monkeypatch.setattr(due, "part_details", lambda part: dict(real(part), replaces=replaces)
                            if part.kind == "shipment" else real(part))
    late = Deliverable.create(collaboration=collab, kind="post", deadline=NOW - timedelta(days=2))
    post = dataclasses.replace(item.parts[0], kind="deliverable", subject_id=late.id)
    items = [dataclasses.replace(item, step=step, template=f"reply.{step}{alt}")
             for step in ("1", "2", "3") for alt in ("", ".alt")]
    items += [dataclasses.replace(item, kind="deliverable", step=step, template=f"{name}{alt}",
                                  parts=(post, item.parts[1]))
              for step, name in (("1", "ladder.1"), ("2", "ladder.2"), ("3", "ladder.3"), ("answered", "answered.1"))
              for alt in ("", ".alt")]
    for lang, country, form in READERS:
        as_reader(mila, lang, country, form)
        for one in items:
            body = due_texts.compose(one, NOW).body
            asked = _arrival_questions(body)
            assert len(asked) == 1, (one.template, lang, country, form, body)
            assert ("Naamketting" in asked[0]) == product, (one.template, lang, country, form, body)
            new = {"nl": "nieuwe", "en": "new"}[lang]
            assert (new in asked[0]) == bool(replaces), (one.template, lang, country, form, body)

# --- 2. a merged message cites each promise only at its own step --------------------------

def test_a_parcel_check_in_rides_along_in_a_step_three_reminder_as_its_closing_question(demo):
    """merge.py of the review: Noor's post at step 3 and the open parcel of another
    collaboration. The step-3 text once claimed "my messages about whether the parcel arrived";
    kept apart, the check-in was held a day behind each reminder and reached her after the final
    notice (review: a check-in held behind another ladder). It rides along as the closing
    question of its own ("On another note, …"): what the reminder says she was asked about
    names her post only."""
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    noor = Person.get(Person.name == "Noor Bakker")
    other = Collaboration.create(person=noor, title="Naamketting in een story", status="shipped",
                                 agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=other, kind="story", deadline=NOW + timedelta(days=20))
    parcel = Shipment.create(person=noor, collaboration=other, status="sent", sent_at=NOW - timedelta(days=6),
                             value_cents=4295, created_at=NOW - timedelta(days=6))
    ShipmentItem.create(shipment=parcel, product=Product.get(Product.name == "Naamketting"))
    [item] = [i for i in due.due_now(NOW) if i.person_id == noor.id]
    assert item.step == "3" and [p.kind for p in item.parts] == ["deliverable", "shipment"]
    for lang, country, form in READERS:
        as_reader(noor, lang, country, form)
        to = due_texts.recipient(Person.get_by_id(noor.id))
        question = messages.parcel_question({"product": ["Naamketting"]}, to, apart=True)
        assert question != messages.parcel_question({"product": ["Naamketting"]}, to), (lang, form)
        body = due_texts.compose(item, NOW).body
        before, found, after = body.partition(question)
        assert found and "\n\n" + question + "\n\n" in body, body  # a paragraph of its own, before the sign-off
        assert "Naamketting" not in before + after and "pakket" not in before and "parcel" not in before, body
    # and nothing is left to ask it again on its own
    assert not any(p.kind == "shipment" for i in due.plan(NOW) if i.person_id == noor.id and i.due > NOW
                   for p in i.parts)


# --- 4. a first contact never claims earlier attempts ---------------------------------------

CLAIMS = ("een paar keer geprobeerd", "op mijn berichten", "several times", "to my messages", "my messages about",
          "trying to reach you about", "probeer je te bereiken over", "mijn berichten over")


def test_steps_three_and_four_as_the_first_message_claim_no_earlier_contact(demo):
    """The example shop: Noor's step 3 and Fleur's step 4 are the first reminders they
    get (catch-up), so their words must be true without earlier messages."""
    first = {i.person_name: i for i in due.due_now(NOW) if i.kind == "deliverable"}
    for name, step in (("Noor Bakker", "3"), ("Fleur Peeters", "4")):
        item = first[name]
        assert item.step == step
        person = Person.get_by_id(item.person_id)
        for lang, country, form in READERS:
            as_reader(person, lang, country, form)
            body = due_texts.compose(item, NOW).body
            assert not any(claim in body for claim in CLAIMS), (name, lang, country, form, body)
    for template_id in ("ladder.3", "ladder.3.alt", "ladder.4", "ladder.4.alt"):
        for lang, country, form in READERS:
            body = messages.render(template_id, messages.sample_values(lang), reader(lang, country, form)).body
            assert not any(claim in body for claim in CLAIMS), (template_id, lang, country, form, body)


# --- 2b, 2c, 13: merged deliverables each with their own date, the parcel as a closing question

def body_for(person: Person, item, now, lang, country, form) -> str:
    as_reader(person, lang, country, form)
    return due_texts.compose(item, now).body


def test_two_deliverables_with_different_deadlines_each_get_their_own(demo):
    """Noor's post (deadline Friday 20 November) and TikTok (Thursday 3 December) of one
    collaboration, both at their final step on 8 December: one notice, each with its date,
    and no single deadline for both."""
    noor = Person.get(Person.name == "Noor Bakker")
    now = NOW + timedelta(days=15)
    climb_in_store(noor.id, 4, now)  # the owner sent each reminder of both when it came due
    [item] = [i for i in due.due_now(now) if i.person_id == noor.id]
    assert item.step == "4" and [p.kind for p in item.parts] == ["deliverable", "deliverable"]
    expected = {
        ("nl", "NL", "je"): "je post (deadline vrijdag 20 november) en je TikTok-video (deadline donderdag 3 december) "
                            "met je Armband met initiaal",
        ("nl", "NL", "u"): "uw post (deadline vrijdag 20 november) en uw TikTok-video (deadline donderdag 3 december) "
                           "met uw Armband met initiaal",
        ("nl", "BE", "je"): "je post (deadline vrijdag 20 november) en je TikTok-video (deadline donderdag 3 december) "
                            "met je Armband met initiaal",
        ("nl", "BE", "u"): "uw post (deadline vrijdag 20 november) en uw TikTok-video (deadline donderdag 3 december) "
                           "met uw Armband met initiaal",
        ("en", "NL", "je"): "your post (due Friday 20 November) and your TikTok video (due Thursday 3 December) "
                            "with the Armband met initiaal",
    }
    for reader_key, phrase in expected.items():
        body = body_for(noor, item, now, *reader_key)
        assert phrase in body, (reader_key, body)
        # the date of one is never quoted as the deadline of both
        for wrong in ("met vrijdag 20 november als deadline", "deadline was vrijdag 20 november",
                      "with a deadline of Friday 20 November", "(deadline vrijdag 20 november)."):
            assert wrong not in body, (reader_key, body)
        assert body.count("20 november" if reader_key[0] == "nl" else "20 November") == 1, body


def test_deliverables_of_one_collaboration_name_the_product_once_in_the_titles_order(demo):
    """Tess: "Zegelring in post en story", both due Wednesday 2 December; step 1 on 3 December."""
    tess = Person.get(Person.name == "Tess van Dijk")
    now = NOW + timedelta(days=10)
    [item] = [i for i in due.due_now(now) if i.person_id == tess.id]
    assert item.step == "1" and len(item.parts) == 2
    expected = {
        ("nl", "NL", "je"): ("je post en je story met je Zegelring met letter (deadline woensdag 2 december)",
                             "Wanneer denk je dat het lukt?"),
        ("nl", "NL", "u"): ("uw post en uw story met uw Zegelring met letter (deadline woensdag 2 december)",
                            "Wanneer denkt u dat het lukt?"),
        ("nl", "BE", "je"): ("je post en je story met je Zegelring met letter (deadline woensdag 2 december)", ""),
        ("nl", "BE", "u"): ("uw post en uw story met uw Zegelring met letter (deadline woensdag 2 december)", ""),
        ("en", "NL", "je"): ("your post and your story with the Zegelring met letter (due Wednesday 2 December)",
                             "When do you think you'll be able to post?"),
    }
    for reader_key, (phrase, question) in expected.items():
        body = body_for(tess, item, now, *reader_key)
        assert phrase in body and question in body, (reader_key, body)
        assert body.count("Zegelring") == 1 and "klaar" not in body and "ready" not in body, (reader_key, body)


def test_a_parcel_riding_along_is_its_own_closing_question(demo):
    """Sanne's step 1 with the open parcel of another collaboration: the reminder names
    the reel and its deadline, the parcel gets a question of its own, and nothing asks
    when the parcel will be "ready"."""
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    sanne = Person.get(Person.name == "Sanne de Vries")
    other = Collaboration.create(person=sanne, title="Schakelarmband in een story", status="shipped",
                                 agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=other, kind="story", deadline=NOW + timedelta(days=20))
    parcel = Shipment.create(person=sanne, collaboration=other, status="sent", sent_at=NOW - timedelta(days=6),
                             value_cents=3995, created_at=NOW - timedelta(days=6))
    ShipmentItem.create(shipment=parcel, product=Product.get(Product.name == "Schakelarmband Luna"))
    [item] = [i for i in due.due_now(NOW) if i.person_id == sanne.id]
    assert item.step == "1" and [p.kind for p in item.parts] == ["deliverable", "shipment"]
    expected = {
        ("nl", "NL", "je"): ("je reel met je Zilveren ketting Maan (deadline zondag 22 november).",
                             "O ja, is het pakketje met je Schakelarmband Luna goed aangekomen?"),
        ("nl", "NL", "u"): ("uw reel met uw Zilveren ketting Maan (deadline zondag 22 november).",
                            "Is het pakket met uw Schakelarmband Luna inmiddels in goede orde bij u aangekomen?"),
        ("nl", "BE", "je"): ("je reel met je Zilveren ketting Maan (deadline zondag 22 november).",
                             "O ja, is het pakje met je Schakelarmband Luna goed toegekomen?"),
        ("nl", "BE", "u"): ("uw reel met uw Zilveren ketting Maan (deadline zondag 22 november).",
                            "Is het pakje met uw Schakelarmband Luna intussen goed bij u toegekomen?"),
        ("en", "NL", "je"): ("your reel with the Zilveren ketting Maan (due Sunday 22 November).",
                             "Oh, and did the parcel with the Schakelarmband Luna arrive safely?"),
    }
    for reader_key, (reminder, question) in expected.items():
        for template in ("ladder.1", "ladder.1.alt"):
            shown = dataclasses.replace(item, template=template)
            body = body_for(sanne, shown, NOW, *reader_key)
            assert reminder in body and "\n\n" + question + "\n\n" in body, (reader_key, template, body)
            assert body.count("Schakelarmband") == 1 and "klaar" not in body and "ready" not in body, body
            if reader_key[1] == "BE":
                assert "pakket" not in body, body


def test_an_owners_own_wording_keeps_the_parcel_question_and_a_deadline_per_part(demo):
    """An owner's step-1 text written before {pakketvraag}, with the deadline in the
    sentence of {afspraken}: the question is added before the sign-off, and the deadlines
    are listed rather than the sentence left out."""
    from desktop.store import templates

    noor = Person.get(Person.name == "Noor Bakker")
    as_reader(noor, "nl", "NL", "je")
    for template in ("ladder.4", "ladder.4.alt"):  # .alt: after steps done without a message
        templates.save(template, "nl", "je", "Laatste keer",
                       "{aanhef}\n\nIk wacht nog op {afspraken}; de deadline was {deadline}.\n\n{groet}\n{afzender}",
                       NOW)
    now = NOW + timedelta(days=15)
    climb_in_store(noor.id, 4, now)
    [item] = [i for i in due.due_now(now) if i.person_id == noor.id]
    body = due_texts.compose(item, now).body
    assert ("Ik wacht nog op je post (deadline vrijdag 20 november) en je TikTok-video (deadline donderdag "
            "3 december) met je Armband met initiaal; de deadline was vrijdag 20 november en donderdag 3 december."
            in body), body
    # without a parcel question nothing is added; with one it goes before the sign-off
    assert due_texts.fitted({"pakketvraag": ""}, "{aanhef}\n\nHoe staat het?\n\n{groet}")[0] == (
        "{aanhef}\n\nHoe staat het?\n\n{groet}")
    body, _values = due_texts.fitted({"pakketvraag": "O ja, is het pakketje goed aangekomen?"},
                                     "{aanhef}\n\nHoe staat het?\n\n{groet}\n{afzender}")
    assert body == "{aanhef}\n\nHoe staat het?\n\n{pakketvraag}\n\n{groet}\n{afzender}"


# --- 3, 7: a custom order after its promised date; no pronoun that depends on the product --

def order_of(name):
    from desktop.store.models import CustomOrder

    return CustomOrder.select().join(Person).where(Person.name == name).get()


LATE_OPENING = {
    # the day it should have been ready, never "we had promised your order for" it: her
    # promise may be a delivery day later than that (the screenshots' review of 2026-12-05)
    ("nl", "NL", "je"): "Het spijt ons: je bestelling had op zaterdag 21 november klaar moeten zijn, maar dat is niet "
                        "gelukt.",
    ("nl", "NL", "u"): "Het spijt ons: uw bestelling had op zaterdag 21 november gereed moeten zijn, maar dat is "
                       "helaas niet gelukt.",
    ("nl", "BE", "je"): "Het spijt ons: je bestelling had tegen zaterdag 21 november klaar moeten zijn, maar dat is "
                        "niet gelukt.",
    ("nl", "BE", "u"): "Het spijt ons: uw bestelling had tegen zaterdag 21 november klaar moeten zijn, maar dat is "
                       "helaas niet gelukt.",
    ("en", "NL", "je"): "We're sorry: your order should have been ready on Saturday 21 November, and it isn't yet.",
}
NEW_DATE = {"nl": "maandag 30 november", "en": "Monday 30 November"}
BEFORE_THE_DATE = ("nu al", "nog steeds", "op schema", "gepland voor", "Bedankt voor je bestelling",
                   "dank voor uw bestelling", "let you know now", "on track", "Thank you for your order")


def test_a_late_order_gets_the_late_news_and_never_an_update(demo):
    """Ingrid's order #1033 was promised for Sunday 22 November; on Monday 23 it is not
    ready. The ladder proposes the late news, and every way to write to her about it
    (the delay or the update message of the order dialog) says it was not ready on
    the 22nd, with a new date."""
    ingrid = Person.get(Person.name == "Ingrid van Leeuwen")
    order = order_of("Ingrid van Leeuwen")
    [item] = [i for i in due.due_now(NOW) if i.person_id == ingrid.id]
    assert (item.step, item.template) == ("late", "order.late")
    for reader_key, opening in LATE_OPENING.items():
        as_reader(ingrid, *reader_key)
        for body in (due_texts.compose_order(order.id, "order_delay", NOW).body,
                     due_texts.compose_order(order.id, "order_update", NOW).body,
                     due_texts.compose(item, NOW).body):
            assert opening in body and NEW_DATE[reader_key[0]] in body, (reader_key, body)
            assert ("(bestelling #1033)" if reader_key[0] == "nl" else "(order #1033)") in body
            assert not any(words in body for words in BEFORE_THE_DATE), (reader_key, body)
        if reader_key[1] == "BE":
            assert f"tegen {NEW_DATE['nl']}" in body, body


def test_the_ladder_never_proposes_an_update_after_the_promised_date(demo):
    """Three weeks of the demo, day by day: no order reminder after its promised day is
    an update or "news before the date"."""
    from desktop.store.models import CustomOrder

    promised = {o.id: o.promised_ready for o in CustomOrder.select()}
    zone = due.owner_zone()
    seen = set()
    for day in range(22):
        now = NOW + timedelta(days=day)
        today = now.replace(tzinfo=timezone.utc).astimezone(zone).date()
        for item in due.due_now(now):
            if item.kind != "custom_order" or item.step == "ship":  # shipping a finished order: a task, no news
                continue
            seen.add(item.step)
            if promised[item.subject_id] < today:
                assert (item.step, item.template.removesuffix(".alt")) == ("late", "order.late"), (now, item)
    assert "late" in seen


def test_the_order_dialog_offers_no_update_for_a_late_order(qtbot, demo, translator):
    from desktop.views.order_message import OrderMessageDialog

    order = order_of("Ingrid van Leeuwen")
    dialog = OrderMessageDialog(None, order.id, "order_update", NOW)
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert "order_update" not in kinds and dialog.kind.currentData() == "order_delay"
    assert "maar dat is helaas niet gelukt" in dialog.body.toPlainText()
    on_time = order_of("Marieke Hendriks")  # promised Monday 30 November: an update is still right
    dialog = OrderMessageDialog(None, on_time.id, "order_update", NOW)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "order_update"
    assert "alles ligt nog steeds op schema. Je bestelling is op maandag 30 november klaar, zoals beloofd." \
        in dialog.body.toPlainText()


def test_the_delay_and_the_update_need_no_pronoun_for_the_product(demo):
    """„ketting” and „sleutelhanger” are de-words: the texts never refer to the product
    with „het” (or „hij”/„ze”), and the product does not "need more time" itself."""
    marieke = Person.get(Person.name == "Marieke Hendriks")
    order = order_of("Marieke Hendriks")
    for lang, country, form in READERS:
        as_reader(marieke, lang, country, form)
        delay = due_texts.compose_order(order.id, "order_delay", NOW).body
        update = due_texts.compose_order(order.id, "order_update", NOW).body
        for body in (delay, update):
            assert "Sleutelhanger met letter" in body
            assert ("maandag 30 november" if lang == "nl" else "Monday 30 November") in body
            for wrong in (" het voor ", "het staat", "heeft je", "heeft uw", "tijd nodig", " hem ", " hij ",
                          "it's still on track", "promised it for"):
                assert wrong not in body, (lang, country, form, body)
        if lang == "nl":
            assert "duurt helaas wat langer dan gepland" in delay and "ligt nog steeds op schema" in update


# --- 5, 16: the example shop's consequences and customers --------------------------------

@pytest.mark.parametrize("name, days, noun", [
    ("Fleur Peeters", 0, "de ring"), ("Noor Bakker", 1, "de armband"), ("Lotte Janssens", 2, "de oorbellen"),
    ("Sanne de Vries", 3, "de ketting"), ("Tess van Dijk", 14, "de ring"),  # 13: a Sunday
])
def test_a_final_notice_names_the_product_of_its_own_collaboration(demo, name, days, noun):
    person = Person.get(Person.name == name)
    now = NOW + timedelta(days=days)
    climb_in_store(person.id, 4, now)
    [item] = [i for i in due.due_now(now) if i.person_id == person.id and i.step == "4"]
    for lang, country, form in READERS:
        body = body_for(person, item, now, lang, country, form)
        assert f"{noun} alsnog factureren tegen de winkelprijs" in body, (lang, country, form, body)
        if noun != "de ketting":
            assert "de ketting alsnog" not in body


def test_every_example_consequence_names_its_own_gift(demo):
    words = {"Sieradendoosje in een story": "het sieradendoosje", "Geboortesteen hanger": "de hanger",
             "Creolen in een post": "de oorbellen", "Zegelring in post en story": "de ring"}
    for collab in Collaboration.select():
        assert collab.consequence.endswith(" alsnog factureren tegen de winkelprijs"), collab.title
        if collab.title in words:
            assert collab.consequence.startswith(words[collab.title]), (collab.title, collab.consequence)


def test_the_belgian_example_customers_are_addressed_with_u(demo):
    kevin = Person.get(Person.name == "Kevin Jacobs")
    assert (kevin.country, kevin.address_form) == ("BE", "u")
    body = due_texts.compose_order(order_of("Kevin Jacobs").id, "order_confirmation", NOW).body
    assert body.startswith("Beste Kevin,") and "uw bestelling" in body and " je " not in body
    assert Person.get(Person.name == "Marieke Hendriks").address_form == "je"


# --- 9: a clause the owner typed ends its sentence with one full stop -----------------------

@pytest.mark.parametrize("typed, shown", [
    ("de timing komt ons niet meer goed uit", "de timing komt ons niet meer goed uit."),
    ("de timing komt ons niet meer goed uit.", "de timing komt ons niet meer goed uit."),
    ("we stoppen met deze lijn!", "we stoppen met deze lijn!"),
    ("zie „onze mail.”", "zie „onze mail.”"),
    ("zie onze mail (van maandag)", "zie onze mail (van maandag)."),
    ("…", "…"),  # what the ending dialog shows before a reason is typed
    ("  geen budget meer  ", "geen budget meer."),
])
def test_the_reason_for_ending_gets_its_full_stop(typed, shown):
    for lang, country, form in READERS:
        body = messages.render("ending", dict(messages.sample_values(lang), reden=typed),
                               reader(lang, country, form, "Sanne"), now=NOW).body
        line = next(line for line in body.split("\n") if typed.strip() in line)
        assert line.endswith(shown), (lang, country, form, line)
        assert ".." not in body and "!." not in body


def test_a_consequence_typed_with_a_full_stop_is_not_closed_twice():
    for lang, country, form in READERS:
        for typed in ("de ring alsnog factureren tegen de winkelprijs", "de ring alsnog factureren tegen de winkelprijs."):
            body = messages.render("ladder.4", dict(messages.sample_values(lang), gevolg=typed),
                                   reader(lang, country, form), now=NOW).body
            assert "de ring alsnog factureren tegen de winkelprijs. " in body and ".." not in body, body


def test_the_closing_mark_is_added_in_one_place_for_every_template():
    """closed_sentence decides for every template, also an owner's own."""
    own = ("", "Reden: {reden}\nGevolg: {gevolg}\n{reden}, zeggen we. {gevolg}!")
    body = messages.render("ending", {"reden": "te duur.", "gevolg": "niets meer"}, reader("nl", "NL", "je"),
                           override=own).body
    assert body == "Reden: te duur.\nGevolg: niets meer.\nte duur., zeggen we. niets meer!"
    assert messages.closed_sentence("klaar", " en verder") == "klaar"
    assert messages.closed_sentence("", "\n") == ""


# --- 11, 14: the agreement's terms and the label request ------------------------------------

DISCLOSURE = {
    ("nl", "NL", "je"): "• Maak in je post en je TikTok-video duidelijk dat het om reclame gaat, bijvoorbeeld met "
                        "#reclame of „Gekregen van @zilverenzo”",
    ("nl", "NL", "u"): "• Maak in uw post en uw TikTok-video duidelijk dat het om reclame gaat, bijvoorbeeld met "
                       "#reclame of „Gekregen van @zilverenzo”",
    ("nl", "BE", "je"): "• Maak in je post en je TikTok-video duidelijk dat het om reclame gaat, bijvoorbeeld met "
                        "#reclame\n",
    ("nl", "BE", "u"): "• Maak in uw post en uw TikTok-video duidelijk dat het om reclame gaat, bijvoorbeeld met "
                       "#reclame\n",
    ("en", "NL", "je"): "• Make it clear in your post and your TikTok video that it's an ad, e.g. with #reclame (Dutch "
                        "for “advertising”) or “Gekregen van @zilverenzo” (Dutch for “gifted by”)",
}


def test_the_agreement_names_tiktok_and_her_own_content(demo):
    from desktop.presentation import collab_texts

    noor = Person.get(Person.name == "Noor Bakker")
    collab = Collaboration.get(Collaboration.person == noor)
    for reader_key, line in DISCLOSURE.items():
        as_reader(noor, *reader_key)
        text = collab_texts.agreement_message(Collaboration.get_by_id(collab.id))
        tiktok = ("• 1× TikTok-video, uiterlijk 3 december 2026 geplaatst" if reader_key[0] == "nl"
                  else "• 1× TikTok video, to be posted by 3 December 2026")
        assert tiktok in text and "tiktok" not in text.replace("@", ""), (reader_key, text)
        assert line in text, (reader_key, text)
        assert "Maak in je post duidelijk dat het reclame is" not in text and "Mark the post" not in text
    sanne = Person.get(Person.name == "Sanne de Vries")  # a reel, not a post
    text = collab_texts.agreement_message(Collaboration.get(Collaboration.person == sanne))
    assert "Maak in je reel duidelijk dat het om reclame gaat" in text and " post " not in text


def test_the_agreement_names_whom_she_got_it_from_or_gives_no_such_example(demo):
    """Audit of 2026-12-05: "…of „Gekregen van”" named nobody, and was copied as it stood.
    The mention agreed with her, else the shop's name; without either only #reclame."""
    from desktop.presentation import collab_texts
    from desktop.store import settings

    noor = Person.get(Person.name == "Noor Bakker")
    collab = Collaboration.get(Collaboration.person == noor)
    as_reader(noor, "nl", "NL", "je")
    collab.required_mentions = []
    collab.exclusivity_days, collab.exclusivity_category = 30, "sieraden"
    collab.save()
    text = collab_texts.agreement_terms_text(Collaboration.get_by_id(collab.id))
    assert "#reclame of „Gekregen van Zilver & Zo”" in text, text
    assert "• Tot 30 dagen na het plaatsen geen reclame voor andere merken in de categorie „sieraden”" in text
    settings.set("shop_name", "")
    text = collab_texts.agreement_terms_text(Collaboration.get_by_id(collab.id))
    assert "bijvoorbeeld met #reclame\n" in text + "\n" and "Gekregen van" not in text, text


def test_a_label_request_never_asks_to_add_an_empty_list(demo):
    """The caption check left only a checklist point open (the label's place, in the
    owner's words) and did not decide on the label: the request still says what to add,
    in her language."""
    from desktop.presentation import collab_texts
    from desktop.store.models import Content

    noor = Person.get(Person.name == "Noor Bakker")
    collab = Collaboration.get(Collaboration.person == noor)
    content = Content.create(collaboration=collab, url="https://example.com/p/2", platform="instagram", posted_at=NOW,
                             missing=["Reclamemelding aan het begin"], disclosure_ok=None)
    expected = {"nl": "• Een duidelijke reclamemelding aan het begin van het bijschrift, bijvoorbeeld #reclame",
                "en": "• A clear advertising label at the start of the caption, e.g. #reclame"}
    for lang, country, form in READERS:
        as_reader(noor, lang, country, form)
        text = collab_texts.label_request_message(Content.get_by_id(content.id))
        assert expected[lang] in text, (lang, country, form, text)
        assert "?\n\nAlvast" not in text and "?\n\nThank you" not in text  # never "add this?" with nothing
        assert ("Gekregen van" in text) == (country == "NL"), text
        assert "Reclamemelding aan het begin" not in text  # the owner's checklist words are not hers
    # hashtags she forgot are still listed as they are, with the label when it is missing too
    content = Content.create(collaboration=collab, url="https://example.com/p/3", platform="instagram", posted_at=NOW,
                             missing=["#gekregen"], disclosure_ok=True)
    as_reader(noor, "nl", "NL", "je")
    text = collab_texts.label_request_message(Content.get_by_id(content.id))
    assert "• #gekregen" in text and "reclamemelding" not in text


# --- 12, 8: the personalisation in quotes, the Belgian parcel is a "pakje" -------------------

def test_the_order_confirmation_quotes_the_personalisation(demo):
    kevin = Person.get(Person.name == "Kevin Jacobs")
    order = order_of("Kevin Jacobs")
    expected = {"nl": "(personalisatie: „Naam: Lotte”).", "en": "(personalisation: “Naam: Lotte”)."}
    for lang, country, form in READERS:
        as_reader(kevin, lang, country, form)
        body = due_texts.compose_order(order.id, "order_confirmation", NOW).body
        assert expected[lang] in body, (lang, country, form, body)
        assert not re.search(r":\s*Naam:", body.replace("„Naam:", "").replace("“Naam:", "")), body
        assert "Personalisatie: Naam" not in body and "Personalisation: Naam" not in body


def test_a_belgian_reader_gets_a_pakje_in_every_parcel_text():
    values = messages.sample_values("nl")
    for form in ("je", "u"):
        for template_id in ("order.shipped", "order.shipped.gift", "order.ready", "shipment.received",
                            "shipment.received.alt"):
            be = messages.render(template_id, values, reader("nl", "BE", form, "Kevin"), now=NOW).body
            nl = messages.render(template_id, values, reader("nl", "NL", form, "Kevin"), now=NOW).body
            assert "pakje" in be and "pakket" not in be, (template_id, form, be)
            assert "pakket" in nl and "pakje" not in nl, (template_id, form, nl)
        shipped = messages.render("order.shipped", values, reader("nl", "BE", form, "Kevin"), now=NOW).body
        assert f"Het pakje met {'je' if form == 'je' else 'uw'} Zilveren ketting Maan is onderweg" in shipped
        assert "Het wordt geleverd door PostNL." in shipped
        assert ("Hier kun je de zending volgen:" if form == "je" else "Hier kunt u de zending volgen:") in shipped
        assert shipped.count("pakje") == 1  # not "het pakje ... je pakje" (review 2, finding 12)
        for phrase in (messages.describe("shipment", {"product": "Naamketting"}, reader("nl", "BE", form)),
                       messages.parcel_question({"product": "Naamketting"}, reader("nl", "BE", form))):
            mine = "je" if form == "je" else "uw"
            assert f"pakje met {mine} Naamketting" in phrase and "toegekomen" in phrase and "pakket" not in phrase
        for phrase in (messages.describe("shipment", {"product": "Naamketting"}, reader("nl", "NL", form)),
                       messages.parcel_question({"product": "Naamketting"}, reader("nl", "NL", form))):
            assert "pakket" in phrase and "pakje" not in phrase
    en = messages.describe("shipment", {"product": "Naamketting"}, reader("en", "NL", "je"))
    assert en == "word on whether the parcel with the Naamketting arrived safely"


def test_a_shipped_order_names_a_real_carrier_and_never_other_carrier(demo):
    """"It's being delivered by Other carrier." (the owner's label for a carrier the app
    does not know, in her language too) reached customers: a carrier without a name of
    its own leaves that sentence out; a known carrier is named."""
    from desktop.store.models import Shipment

    order = order_of("Ingrid van Leeuwen")
    shipment = Shipment.create(person=order.person, custom_order=order, carrier="other", status="sent",
                               sent_at=NOW, tracking_url="https://example.com/track/ABC123")
    for reader_key in READERS:
        as_reader(order.person, *reader_key)
        body = due_texts.compose_order(order.id, "order_shipped", NOW).body
        assert "Other carrier" not in body and "Andere vervoerder" not in body, (reader_key, body)
        assert "https://example.com/track/ABC123" in body and ("onderweg" in body or "on its way" in body), body
    Shipment.update(carrier="postnl").where(Shipment.id == shipment.id).execute()
    for reader_key in READERS:
        as_reader(order.person, *reader_key)
        assert "PostNL" in due_texts.compose_order(order.id, "order_shipped", NOW).body


def test_an_update_after_the_news_of_a_new_date_never_says_still(demo):
    """Audit 9, messages F7: after "we now expect to have everything ready on 14
    December", the next update read "alles ligt nog steeds op schema voor maandag 14
    december": "still" contradicts the apology just sent."""
    from desktop.store import orders

    order = order_of("Marieke Hendriks")
    new_day = order.promised_ready + timedelta(days=9)
    delay = due_texts.compose_order(order.id, "order_delay", NOW, new_ready=new_day)
    orders.record_message(order.id, "order_delay", "email", delay.body, NOW, new_ready=new_day)
    update = due_texts.compose_order(order.id, "order_update", NOW + timedelta(days=2)).body
    assert "nog steeds" not in update and "liggen we mooi op schema. De datum blijft woensdag 9 december." in update
    marieke = Person.get(Person.name == "Marieke Hendriks")
    for lang, country, form in READERS:
        as_reader(marieke, lang, country, form)
        body = due_texts.compose_order(order.id, "order_update", NOW + timedelta(days=2)).body
        assert "steeds" not in body and "still" not in body, (lang, country, form, body)


def test_the_order_dialog_offers_no_news_of_the_making_once_it_is_made(qtbot, demo, translator):
    """Audit 9, messages F7: "Update" for an order delivered in November read "alles ligt
    nog steeds op schema voor vrijdag 20 november", in December."""
    from desktop.store.models import CustomOrder
    from desktop.views.order_message import OrderMessageDialog

    for status, opened_on in (("ready", "order_ready"), ("shipped", "order_shipped")):
        order = order_of("Marieke Hendriks")
        CustomOrder.update(status=status).where(CustomOrder.id == order.id).execute()
        dialog = OrderMessageDialog(None, order.id, "order_update", NOW)
        qtbot.addWidget(dialog)
        kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
        assert "order_update" not in kinds and "order_delay" not in kinds, status
        assert dialog.kind.currentData() == opened_on
        assert "op schema" not in dialog.body.toPlainText()
    # delivered: none of the messages is true any more, "on its way" neither (order-offers)
    CustomOrder.update(status="delivered").where(CustomOrder.id == order.id).execute()
    dialog = OrderMessageDialog(None, order.id, "order_update", NOW)
    qtbot.addWidget(dialog)
    assert dialog.kind.count() == 0 and not dialog.body.toPlainText()


# Her own step 1 of an unanswered message, per reader: (subject, body) as she might write it.
_HER_REPLY_1 = {
    "nl": ("Even checken", "Hoi {voornaam}!\n\nOp {bericht_van} stuurde ik je een DM over {titel}. Is die goed "
                           "aangekomen? Laat je even iets weten?\n\nLiefs,\nEva van Zilver & Zo"),
    "en": ("Just checking", "Hey {voornaam}!\n\nOn {bericht_van} I sent you a DM about {titel}. Did it reach you? "
                            "Let me know?\n\nLove,\nEva from Zilver & Zo"),
}


def test_her_own_first_follow_up_is_kept_when_a_parcel_check_in_joins_it(demo):
    """She reworded step 1 of an unanswered message (reply.1), not its wording with a parcel
    (reply.1.parcel): when a parcel's check-in rode along, the standard reply.1.parcel went out
    instead, her wording, greeting and signature gone. Her step 1 is sent, the parcel question
    closing it as another subject ("Nog iets anders: …", not an "O ja, is het … aangekomen?"
    that echoes her own "did it arrive?"); once she rewords reply.1.parcel too, that is sent."""
    from desktop.store import templates
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    mila = Person.get(Person.name == "Mila Smit")
    collab = Collaboration.get(Collaboration.person == mila)
    Event.create(at=NOW - timedelta(days=4), kind="message", channel="instagram", direction="out",
                 text="Zullen we de datum vastleggen?", person=mila, subject_type="collaboration",
                 subject_id=collab.id)
    other = Collaboration.create(person=mila, title="Naamketting in een story", status="shipped",
                                 agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=other, kind="story", deadline=NOW + timedelta(days=20))
    parcel = Shipment.create(person=mila, collaboration=other, status="sent", sent_at=NOW - timedelta(days=6),
                             value_cents=4295, created_at=NOW - timedelta(days=6))
    ShipmentItem.create(shipment=parcel, product=Product.get(Product.name == "Naamketting"))
    [item] = [i for i in due.due_now(NOW) if i.person_id == mila.id and i.action == "message"]
    assert item.template == "reply.1" and [p.kind for p in item.parts] == ["reply", "shipment"]
    for lang, country, form in READERS:
        as_reader(mila, lang, country, form)
        templates.save("reply.1", lang, form, *_HER_REPLY_1[lang], NOW)
    for lang, country, form in READERS:
        as_reader(mila, lang, country, form)
        to = due_texts.recipient(Person.get_by_id(mila.id))
        message = due_texts.compose(item, NOW, channel="")
        assert message.template == "reply.1", (lang, country, form, message.body)  # was reply.1.parcel
        subject, body = _HER_REPLY_1[lang]
        assert message.subject == subject
        assert message.body.startswith(body.split("{")[0] + "Mila!"), message.body
        assert message.body.endswith(body.rsplit("\n\n", 1)[1]), message.body
        apart = messages.parcel_question({"product": ["Naamketting"]}, to, apart=True)
        assert "\n\n" + apart + "\n\n" in message.body, (lang, country, form, message.body)
        asked = _arrival_questions(message.body)
        assert len(asked) == 2 and "Naamketting" not in asked[0] and asked[1] == apart, asked
    # her own wording with the parcel goes out once there is one
    as_reader(mila, "nl", "NL", "je")
    templates.save("reply.1.parcel", "nl", "je", "Twee vragen",
                   "Hoi {voornaam}!\n\nMijn DM van {bericht_van} over {titel}: {pakketvraag}\n\nLiefs,\nEva", NOW)
    message = due_texts.compose(item, NOW, channel="")
    assert message.template == "reply.1.parcel" and message.subject == "Twee vragen"
    to = due_texts.recipient(Person.get_by_id(mila.id))
    assert messages.parcel_question({"product": ["Naamketting"]}, to, with_message=True) in message.body


# Her sign-off as she writes it: Dutch often without a comma, on one line or two, or English.
_SIGN_OFFS = ("Met vriendelijke groet\nEva van Zilver & Zo", "Liefs\nEva", "Groetjes!\nEva", "Liefs, Eva",
              "Liefs x Eva", "MET VRIENDELIJKE GROET\nEva", "xx Eva", "Doei!", "Dank je wel!\nEva",
              "Hartelijke groet\nEva de Vries\nZilver & Zo\nzilverenzo.nl", "Groeten uit Utrecht\nEva",
              "Kind regards\nEva", "Best\nEva", "Love, Eva x", "Thanks!\nEva", "Cheers\nEva from Zilver & Zo",
              "Thanks again, Eva", "Liefs,\nEva")
# a last paragraph that is a sentence of her message, though it may start like a sign-off
_LAST_SENTENCES = ("Laat je even iets weten?", "Dank je wel voor je snelle reactie!", "Groeten aan je moeder!",
                   "Bedankt voor het mooie filmpje", "Bedankt!\nIk hoor graag van je.", "Liefs dat je meedoet",
                   "Thanks for your patience!", "Best of luck with the launch!", "Love it when it works out.")


@pytest.mark.parametrize("sign_off", _SIGN_OFFS)
def test_a_paragraph_added_to_her_own_wording_goes_before_her_sign_off_written_her_way(sign_off):
    """The parcel question added to her own follow-up went after her signature unless her
    sign-off's first line ended in a comma ("Liefs,\nEva"); a Dutch sign-off often has none
    ("Met vriendelijke groet\nEva van Zilver & Zo", "Liefs x Eva")."""
    text = "Hoi {voornaam}!\n\nOp {bericht_van} stuurde ik je een DM over {titel}.\n\n" + sign_off
    assert messages.with_paragraph(text, "pakketvraag") == (
        "Hoi {voornaam}!\n\nOp {bericht_van} stuurde ik je een DM over {titel}.\n\n{pakketvraag}\n\n" + sign_off)


@pytest.mark.parametrize("last", _LAST_SENTENCES)
def test_a_paragraph_added_to_her_own_wording_goes_after_a_last_sentence_that_is_no_sign_off(last):
    text = "Hoi {voornaam}!\n\nOp {bericht_van} stuurde ik je een DM over {titel}.\n\n" + last
    assert messages.with_paragraph(text, "pakketvraag") == text + "\n\n{pakketvraag}"


def test_her_own_follow_up_signed_without_a_comma_gets_the_parcel_question_before_her_signature(demo):
    """End to end: her step 1 signed "Met vriendelijke groet\nEva van Zilver & Zo" (no comma) ends
    with her signature, the parcel question before it."""
    from desktop.store import templates
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    mila = Person.get(Person.name == "Mila Smit")
    collab = Collaboration.get(Collaboration.person == mila)
    Event.create(at=NOW - timedelta(days=4), kind="message", channel="instagram", direction="out", text="x",
                 person=mila, subject_type="collaboration", subject_id=collab.id)
    other = Collaboration.create(person=mila, title="Naamketting in een story", status="shipped",
                                 agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=other, kind="story", deadline=NOW + timedelta(days=20))
    parcel = Shipment.create(person=mila, collaboration=other, status="sent", sent_at=NOW - timedelta(days=6),
                             value_cents=4295, created_at=NOW - timedelta(days=6))
    ShipmentItem.create(shipment=parcel, product=Product.get(Product.name == "Naamketting"))
    [item] = [i for i in due.due_now(NOW) if i.person_id == mila.id and i.action == "message"]
    as_reader(mila, "nl", "NL", "je")
    sign_off = "Met vriendelijke groet\nEva van Zilver & Zo"
    templates.save("reply.1", "nl", "je", "Even checken",
                   "Hoi {voornaam}!\n\nOp {bericht_van} stuurde ik je een DM over {titel}. Laat je even iets "
                   "weten?\n\n" + sign_off, NOW)
    message = due_texts.compose(item, NOW, channel="")
    to = due_texts.recipient(Person.get_by_id(mila.id))
    apart = messages.parcel_question({"product": ["Naamketting"]}, to, apart=True)
    assert message.body.endswith("weten?\n\n" + apart + "\n\n" + sign_off), message.body


def test_reply_1_parcel_tells_in_the_editor_when_it_is_sent_and_what_its_question_is():
    """The template editor names {pakketvraag} in reply.1.parcel as the one question about her
    message and the parcel (it read "Question: has the parcel arrived?"), and says when the
    template is sent instead of step 1."""
    assert messages.placeholder_label("reply.1.parcel", "pakketvraag") == "Question: did my message and the parcel arrive?"
    assert messages.placeholder_label("ladder.1", "pakketvraag") == messages.PLACEHOLDER_LABELS["pakketvraag"]
    assert "message" in messages.placeholder_help("reply.1.parcel", "pakketvraag")
    assert messages.placeholder_help("ladder.1", "pakketvraag") == messages.PLACEHOLDERS["pakketvraag"]
    note = messages.TEMPLATE_NOTES["reply.1.parcel"]
    assert "instead of step 1" in note and "If you changed step 1" in note
    assert "parcel check-in" in messages.TEMPLATES["reply.1.parcel"].title
