"""Findings of the twenty-sixth session's native reading of the messages, fixed in the next.

Each test renders what the app hands the owner, for the five readers (Dutch je/u, Belgian
je/u, English), and checks the words the recipient would stumble over are gone."""

import pytest

from desktop.presentation import collab_texts, due_texts, messages
from desktop.store import due, settings
from desktop.store.models import Collaboration, Content, CustomOrder, Person, Shipment

from .conftest import NOW
from .readers import AMS, READERS, as_reader, reader


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", AMS)
    return demo_db


def order_of(name):
    return CustomOrder.select().join(Person).where(Person.name == name).get()


# --- the order's "on its way": no dangling "follow your parcel here:", no bare code ---------

@pytest.mark.parametrize("lang, country, form", READERS)
def test_without_a_tracking_link_the_sentence_that_introduces_it_goes_too(lang, country, form):
    values = dict(messages.sample_values(lang), track_trace="")
    body = messages.render("order.shipped", values, reader(lang, country, form), now=NOW).body
    assert ":\n\n" not in body and "here:" not in body and "volgen:" not in body, body
    assert ("PostNL" in body) and ("onderweg" in body or "on its way" in body), body


def test_a_tracking_code_without_a_link_is_named_as_a_code(demo):
    order = order_of("Ingrid van Leeuwen")
    Shipment.create(person=order.person, custom_order=order, carrier="other", status="sent", sent_at=NOW,
                    tracking_code="ZX123456789NL", tracking_url="")
    for reader_key in READERS:
        as_reader(order.person, *reader_key)
        body = due_texts.compose_order(order.id, "order_shipped", NOW).body
        wanted = "Track & Trace-code: ZX123456789NL" if reader_key[0] == "nl" else "Tracking code: ZX123456789NL"
        assert ":\n" + wanted + "\n" in body, (reader_key, body)


# --- the final notice: the value only as the stake of an agreed consequence ----------------

VALUE_WORDS = ("is worth", "waard", "waarde van")


def test_without_an_agreed_consequence_the_final_notice_names_no_value(demo):
    fleur = Person.get(Person.name == "Fleur Peeters")
    Collaboration.update(consequence="").where(Collaboration.person == fleur).execute()
    [item] = [i for i in due.due_now(NOW) if i.person_id == fleur.id and i.step == "4"]
    for reader_key in READERS:
        as_reader(fleur, *reader_key)
        message = due_texts.compose(item, NOW)
        assert not any(words in message.body for words in VALUE_WORDS), (reader_key, message.body)
        assert not message.incomplete


def test_with_an_agreed_consequence_the_value_is_still_named(demo):
    fleur = Person.get(Person.name == "Fleur Peeters")
    [item] = [i for i in due.due_now(NOW) if i.person_id == fleur.id and i.step == "4"]
    for reader_key in READERS:
        as_reader(fleur, *reader_key)
        body = due_texts.compose(item, NOW).body
        assert any(words in body for words in VALUE_WORDS) and "€" in body, (reader_key, body)


# --- the ending thanks nobody for work they did not do --------------------------------------

@pytest.mark.parametrize("lang, country, form", READERS)
def test_the_ending_thanks_for_time_not_for_working_together(lang, country, form):
    body = messages.render("ending", messages.sample_values(lang), reader(lang, country, form), now=NOW).body
    assert "working with us" not in body and "samenwerking tot nu toe" not in body, body
    assert ("Thank you for your time." in body) if lang == "en" else ("voor je tijd." in body or "voor uw tijd." in body)


# --- a titled name is greeted as a letter greets it ------------------------------------------

@pytest.mark.parametrize("name, lang, form, greeting", [
    ("Mevr. de Boer", "en", "je", "Dear Ms de Boer,"),
    ("Dhr. Janssens", "en", "u", "Dear Mr Janssens,"),
    ("Mevr. de Boer", "nl", "je", "Beste mevrouw De Boer,"),
    ("Kevin", "en", "u", "Hello Kevin,"),  # a first name in a chat: no letter's "Dear"
    ("Kevin", "en", "je", "Hi Kevin,"),
])
def test_a_titled_name_is_greeted_dear(name, lang, form, greeting):
    assert messages.greeting(reader(lang, "NL", form, name)) == greeting


# --- the label request: the shop's tags are not what the advertising rules ask -----------------

def test_the_label_request_names_agreed_tags_as_agreed_not_as_the_rules(demo):
    noor = Person.get(Person.name == "Noor Bakker")
    collab = Collaboration.get(Collaboration.person == noor)
    content = Content.create(collaboration=collab, url="https://example.com/p/9", platform="instagram", posted_at=NOW,
                             missing=["#zilverenzo"], disclosure_ok=False)
    for lang, country, form in READERS:
        as_reader(noor, lang, country, form)
        text = collab_texts.label_request_message(Content.get_by_id(content.id))
        points = [line for line in text.splitlines() if line.startswith("• ")]
        assert len(points) == 2, text
        assert "#reclame" in points[0], text  # what the rules ask comes first
        agreed = "(zoals afgesproken)" if lang == "nl" else "(as agreed)"
        assert points[1] == "• #zilverenzo " + agreed, text
