"""The findings of the native reader's review of the ready messages (notes: message_review.md).

Each test renders what the app would hand the owner and checks the words: the
unanswered-message ladder has its own texts, a merged message cites each promise at its
own step and date, a late custom order is not "still on schedule", a first contact never
claims earlier attempts, and the Dutch/Belgian wording points."""

import re
from datetime import date, datetime, timedelta

import pytest

from desktop.domain import followup
from desktop.presentation import due_texts, messages
from desktop.store import due, settings
from desktop.store.models import Collaboration, Event, Person

from .conftest import NOW

AMS = "Europe/Amsterdam"
READERS = [("nl", "NL", "je"), ("nl", "NL", "u"), ("nl", "BE", "je"), ("nl", "BE", "u"), ("en", "NL", "je")]


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", AMS)
    return demo_db


def reader(lang, country, form, first="Mila"):
    return messages.Recipient(first, lang, country, form)


def as_reader(person: Person, lang, country, form):
    person.language, person.country, person.address_form = lang, country, form
    person.save()


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
    item = next(i for i in due.due_now(NOW) if i.person_id == mila.id)
    assert item.kind == "reply" and item.template.startswith("reply.")
    for lang, country, form in READERS:
        as_reader(mila, lang, country, form)
        body = due_texts.compose(item, NOW).body
        assert "deadline" not in body.lower() and collab.title in body, (lang, country, form, body)


# --- 2. a merged message cites each promise only at its own step --------------------------

def test_a_parcel_check_in_is_never_cited_in_a_step_three_reminder(demo):
    """merge.py of the review: Noor's post at step 3 and the open parcel of another
    collaboration. The check-in keeps its own message, the next day."""
    from desktop.store.models import Deliverable, Product, Shipment, ShipmentItem

    noor = Person.get(Person.name == "Noor Bakker")
    other = Collaboration.create(person=noor, title="Naamketting in een story", status="shipped",
                                 agreed_at=NOW - timedelta(days=8), response_days=3)
    Deliverable.create(collaboration=other, kind="story", deadline=NOW + timedelta(days=20))
    parcel = Shipment.create(person=noor, collaboration=other, status="sent", sent_at=NOW - timedelta(days=6),
                             value_cents=4295, created_at=NOW - timedelta(days=6))
    ShipmentItem.create(shipment=parcel, product=Product.get(Product.name == "Naamketting"))
    [item] = [i for i in due.due_now(NOW) if i.person_id == noor.id]
    assert item.step == "3" and [p.kind for p in item.parts] == ["deliverable"]
    for lang, country, form in READERS:
        as_reader(noor, lang, country, form)
        body = due_texts.compose(item, NOW).body
        assert "Naamketting" not in body and "pakket" not in body and "parcel" not in body, body
    nxt = [i for i in due.plan(NOW) if i.person_id == noor.id and i.due > NOW]
    assert [p.kind for p in nxt[0].parts] == ["shipment"]


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
