"""Findings of the twenty-sixth session's native reading of the messages, fixed in the next.

Each test renders what the app hands the owner, for the five readers (Dutch je/u, Belgian
je/u, English), and checks the words the recipient would stumble over are gone."""

from datetime import date

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
        # one word per reader: the Dutch say "track-and-tracecode", Belgians "trackingcode"
        wanted = {("nl", "NL"): "Track-and-tracecode: ZX123456789NL", ("nl", "BE"): "Trackingcode: ZX123456789NL",
                  ("en", "NL"): "Tracking code: ZX123456789NL"}[reader_key[:2]]
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
    assert ("Thank you for your time" in body) if lang == "en" else ("voor je tijd" in body or "voor uw tijd" in body)


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


# --- "I've written to you once more" counted one collaboration's messages ---------------------

@pytest.mark.parametrize("lang, country, form", READERS)
def test_the_final_notice_after_her_answer_counts_no_messages(lang, country, form):
    values = dict(messages.sample_values(lang), antwoord_op=date(2026, 11, 19), afspraken="reel")
    body = messages.render("answered.4", values, reader(lang, country, form), now=NOW).body
    assert "once more" not in body and "nog een keer" not in body, body
    assert ("I've written to you again" in body) if lang == "en" else ("opnieuw geschreven" in body), body


# --- a final notice, then "is everything OK?" about her other collaboration ------------------

def _two_collaborations():
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from desktop.domain import followup as f

    s = f.LadderSettings(tz=ZoneInfo(AMS))
    people = {1: f.PersonInfo(1, "Sanne", ("instagram", "email"))}
    first = f.Promise("deliverable", 1, "deliverable", 10, NOW - timedelta(days=4), details={"collaboration_id": 1})
    # her second collaboration's reel was due yesterday: its step 1 would come today
    second = f.Promise("deliverable", 1, "deliverable", 20, NOW - timedelta(days=1), details={"collaboration_id": 2})
    steps = f.RULES["deliverable"].steps
    states = [f.StepState(f.promise_key(first, steps[i]), "sent", NOW - timedelta(days=3 - i, hours=-1), person_id=1,
                          template=f"ladder.{i + 1}") for i in range(4)]  # the final notice went out this morning
    return f, s, people, first, second, states


def test_her_other_collaboration_waits_for_the_date_the_final_notice_names():
    from datetime import timedelta

    f, s, people, first, second, states = _two_collaborations()
    notice_sent = states[-1].at
    ends = f.pause_date(notice_sent, s) + timedelta(days=1)
    items = [i for i in f.plan([first, second], people, [], states, s, NOW) if i.subject_id == 20]
    # late before the notice and not in it (the notice says it still stands): after its date it
    # goes on from the second step, never a cheerful first one (walk of an influencer's month, A)
    assert [i.step for i in items] == ["2"]
    assert f.local_date(items[0].due, s) == ends  # not today: the day after "if I haven't heard by …"
    for day in range(1, (ends - f.local_date(NOW, s)).days):
        later = NOW + timedelta(days=day)
        assert not [i for i in f.due_now(f.plan([first, second], people, [], states, s, later), later)
                    if i.subject_id == 20 and i.step != "strike"], day


def test_her_answer_to_the_final_notice_lets_her_other_collaboration_be_asked():
    from datetime import timedelta

    f, s, people, first, second, states = _two_collaborations()
    answer = f.make_contact(1, NOW + timedelta(hours=2), "in", "instagram")
    later = NOW + timedelta(days=1, hours=1)
    assert [i.subject_id for i in f.plan([first, second], people, [answer], states, s, later)
            if i.subject_id == 20 and i.due <= later] == [], "her answer pauses every reminder"
    # without the notice waiting, the second collaboration's step 1 is due on its own day
    items = [i for i in f.plan([second], people, [], [], s, NOW) if i.subject_id == 20]
    assert [(i.step, i.due <= NOW) for i in items] == [("1", True)]


# --- Vandaag: how long a reminder due now has waited ----------------------------------------

@pytest.mark.parametrize("lang, days, expected", [
    ("nl", 0, "Nu"), ("nl", 1, "Sinds gisteren"), ("nl", 3, "Sinds 20 nov"), ("nl", 330, "Sinds 28 dec 2025"),
    ("en", 0, "Now"), ("en", 1, "Since yesterday"), ("en", 3, "Since 20 Nov"), ("en", 330, "Since 28 Dec 2025"),
])
def test_a_reminder_due_now_says_since_when(lang, days, expected):
    from datetime import datetime, timedelta

    from desktop import i18n

    i18n.set_language(lang)
    now = datetime(2026, 11, 23, 9, 30)
    assert due_texts.waiting_since(now.replace(hour=8) - timedelta(days=days), now).replace("\u00a0", " ") == expected
