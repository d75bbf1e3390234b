"""The findings of the second native review of the ready messages (notes: message_review2.md).

Each test renders what the app would hand the owner, for the five readers (Dutch je/u,
Belgian je/u, English), and checks that the wrong words are gone and the right ones are
there."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop import i18n
from desktop.domain import followup as f
from desktop.presentation import due_texts, messages
from desktop.store import due, settings
from desktop.store.models import Collaboration, Person

from .conftest import NOW
from .readers import AMS, READERS, as_reader, reader
from tests.ladder_states import climb_in_store

MOMENT = datetime(2026, 11, 23, 9, 30)


@pytest.fixture
def demo(demo_db):
    settings.set("time_zone", AMS)
    return demo_db


def rendered(template_id, lang, country, form, **values) -> messages.Message:
    return messages.render(template_id, dict(messages.sample_values(lang), **values), reader(lang, country, form),
                           now=MOMENT)


# --- 1. the final reminder says the collaboration ends, as the app does ----------------------

@pytest.mark.parametrize("template_id", ["ladder.4", "ladder.4.alt"])
@pytest.mark.parametrize("lang, country, form", READERS)
def test_the_final_reminder_says_the_collaboration_ends(template_id, lang, country, form):
    body = rendered(template_id, lang, country, form).body
    assert "on hold" not in body and "pauze" not in body.lower()
    if lang == "en":
        assert re.search(r"I'll (have to )?end (our|the) collaboration\.", body), body
    else:
        assert re.search(r"samenwerking (helaas )?(stop|stopzetten|beëindigen)\.", body), body


def test_the_editor_calls_the_date_the_end_of_the_collaboration():
    assert i18n.translations_for("en").pgettext("placeholder", messages.PLACEHOLDER_LABELS["pauzedatum"]) \
        == "Date the collaboration ends"
    assert i18n.translations_for("nl").pgettext("placeholder", messages.PLACEHOLDER_LABELS["pauzedatum"]) \
        == "Einddatum van de samenwerking"


# --- 2. no agreement claimed that was never made ----------------------------------------------

AGREED = ("hebben afgesproken", "what we agreed", "voorlopig geen nieuwe", "no new collaborations")


def test_without_an_agreed_consequence_the_final_notice_claims_no_agreement(demo):
    fleur = Person.get(Person.name == "Fleur Peeters")
    Collaboration.update(consequence="").where(Collaboration.person == fleur).execute()
    [item] = [i for i in due.due_now(NOW) if i.person_id == fleur.id and i.step == "4"]
    for lang, country, form in READERS:
        as_reader(fleur, lang, country, form)
        message = due_texts.compose(item, NOW)
        assert not any(words in message.body for words in AGREED), (lang, country, form, message.body)
        assert not message.incomplete and "{" not in message.body
        assert ("samenwerking" in message.body) if lang == "nl" else ("collaboration" in message.body)


def test_an_agreed_consequence_is_still_quoted(demo):
    fleur = Person.get(Person.name == "Fleur Peeters")
    [item] = [i for i in due.due_now(NOW) if i.person_id == fleur.id and i.step == "4"]
    for lang, country, form in READERS:
        as_reader(fleur, lang, country, form)
        body = due_texts.compose(item, NOW).body
        wanted = "In dat geval geldt wat we hebben afgesproken: de ring alsnog" if lang == "nl" else \
            "the consequence we agreed on applies: de ring alsnog"
        assert wanted in body, (lang, country, form, body)


# --- 3. no earlier contact claimed when a later step is the first message -------------------

TZ = ZoneInfo(AMS)
PEOPLE = {1: f.PersonInfo(1, "Sanne", ("instagram", "email", "phone"))}


def test_step_four_says_final_reminder_only_after_an_earlier_reminder_was_sent():
    s = f.LadderSettings(tz=TZ)
    p = f.Promise("deliverable", 1, "deliverable", 10, NOW - timedelta(days=12))
    [first] = f.due_now(f.plan([p], PEOPLE, [], [], s, NOW), NOW)
    assert (first.step, first.template) == ("1", "ladder.1")  # nothing sent before: the first rung, never the last
    steps = f.RULES["deliverable"].steps
    for status, template in (("sent", "ladder.4"), ("dismissed", "ladder.4.alt")):
        states = [f.StepState(f.promise_key(p, steps[i]), status, NOW - timedelta(days=9 - i), person_id=1,
                              template=f"ladder.{i + 1}") for i in range(3)]
        [item] = f.due_now(f.plan([p], PEOPLE, [], states, s, NOW), NOW)
        assert (item.step, item.template) == ("4", template), status


@pytest.mark.parametrize("lang, country, form", READERS)
def test_the_last_message_as_a_first_message_claims_no_earlier_reminders(lang, country, form):
    body = rendered("ladder.4.alt", lang, country, form).body.lower()
    for claim in ("final reminder", "laatste herinnering", "once more", "nog een keer"):
        assert claim not in body, (lang, country, form, body)
    assert ("last message about it" in body) if lang == "en" else ("laatste bericht" in body)


@pytest.mark.parametrize("lang, country, form", READERS)
def test_step_two_claims_no_earlier_message(lang, country, form):
    for template_id in ("reply.2", "ladder.2"):
        body = rendered(template_id, lang, country, form, bericht_van=date(2026, 11, 19), titel="Ketting").body
        for claim in ("once more", "nog een keer", "nogmaals", "heard back", "opnieuw"):
            assert claim not in body, (template_id, lang, country, form, body)
    reply = rendered("reply.2", lang, country, form, bericht_van=date(2026, 11, 19), titel="Ketting").body
    assert ("My message from Thursday 19 November about “Ketting” is still unanswered." in reply if lang == "en"
            else "Mijn bericht van donderdag 19 november over „Ketting” is nog onbeantwoord." in reply), reply


# --- 4. no literal "…" holes -------------------------------------------------------------------

def test_a_label_request_without_a_required_mention_names_the_shop(demo):
    from desktop.presentation import collab_texts
    from desktop.store.models import Content

    noor = Person.get(Person.name == "Noor Bakker")
    collab = Collaboration.get(Collaboration.person == noor)
    collab.required_mentions = []
    collab.save()
    content = Content.create(collaboration=collab, url="https://example.com/p/9", platform="instagram", posted_at=NOW,
                             missing=[], disclosure_ok=False)
    shop = settings.get("shop_name")
    assert shop
    for lang, country, form in READERS:
        as_reader(noor, lang, country, form)
        text = collab_texts.label_request_message(Content.get_by_id(content.id))
        assert "…" not in text, (lang, country, form, text)
        quoted = ("„Gekregen van " if lang == "nl" else "“Gekregen van ") + shop + "”"
        assert (quoted in text) == (country == "NL"), text
        assert "#reclame" in text
    settings.set("shop_name", "")
    as_reader(noor, "nl", "NL", "je")
    text = collab_texts.label_request_message(Content.get_by_id(content.id))
    assert "…" not in text and "Gekregen van" not in text and "bijvoorbeeld #reclame" in text, text


def test_an_agreed_deliverable_without_a_deadline_has_no_date_hole(demo):
    from desktop.presentation import collab_texts
    from desktop.store.models import Deliverable

    fleur = Person.get(Person.name == "Fleur Peeters")
    collab = Collaboration.get(Collaboration.person == fleur)
    Deliverable.update(deadline=None).where(Deliverable.collaboration == collab).execute()
    for lang, country, form in READERS:
        as_reader(fleur, lang, country, form)
        text = collab_texts.agreement_message(Collaboration.get_by_id(collab.id))
        assert "…" not in text and "uiterlijk" not in text and "posted by" not in text, (lang, country, form, text)
        assert re.search(r"^• 1× (story|post)$", text, re.M), text


# --- 5-8. custom orders: no passed date promised, one voice, Belgian "tegen", no ambiguity -----

def order_of(name):
    from desktop.store.models import CustomOrder

    return CustomOrder.select().join(Person).where(Person.name == name).get()


def test_a_confirmation_never_promises_a_day_that_is_over(demo):
    from desktop.store.models import CustomOrder

    order = order_of("Kevin Jacobs")
    person = order.person
    CustomOrder.update(promised_ready=date(2026, 11, 22)).where(CustomOrder.id == order.id).execute()
    for lang, country, form in READERS:
        as_reader(person, lang, country, form)
        message = due_texts.compose_order(order.id, "order_confirmation", NOW)
        body = message.body
        assert "22 november" not in body.lower() and "vóór die dag" not in body and "before then" not in body, body
        assert not message.incomplete and "{" not in body
        assert ("Bedankt voor je bestelling" in body or "dank voor uw bestelling" in body
                or "Thank you for your order" in body), body
    CustomOrder.update(promised_ready=date(2026, 12, 4)).where(CustomOrder.id == order.id).execute()
    expected = {("nl", "NL", "je"): "We verwachten dat je bestelling op vrijdag 4 december klaar is; verandert er iets",
                ("nl", "NL", "u"): "We verwachten dat uw bestelling op vrijdag 4 december klaar is; verandert er iets",
                ("nl", "BE", "je"): "We verwachten dat je bestelling tegen vrijdag 4 december klaar is;",
                ("nl", "BE", "u"): "We verwachten dat uw bestelling tegen vrijdag 4 december klaar is;",
                ("en", "NL", "je"): "We expect your order to be ready on Friday 4 December; if anything changes"}
    for key, words in expected.items():
        as_reader(person, *key)
        body = due_texts.compose_order(order.id, "order_confirmation", NOW).body
        assert words in body, (key, body)


ORDER_VALUES = dict(beloofde_datum=date(2026, 12, 4), nieuwe_datum=date(2026, 12, 9))


@pytest.mark.parametrize("lang, country, form", READERS)
def test_order_news_in_one_voice_with_belgian_tegen_and_no_ambiguous_negation(lang, country, form):
    texts = {t: rendered(t, lang, country, form, **ORDER_VALUES)
             for t in ("order.late", "order.late.alt", "order.delay", "order.delay.alt")}
    for template_id, message in texts.items():
        body = message.body
        assert "I'm sorry" not in body, body
        assert "zoals we hadden" not in body and "as we had promised" not in body, body
        assert "keep you waiting" not in body, body
        if country == "BE":
            assert " op vrijdag 4 december" not in body and " op woensdag 9 december" not in body, (template_id, body)
            assert "tegen " in body, (template_id, body)
        elif lang == "nl":
            assert "tegen " not in body, (template_id, body)
    late, late_alt = texts["order.late"], texts["order.late.alt"]
    assert "promised your order for" not in late.body
    if lang == "en":
        assert "We're sorry: your order should have been ready on Friday 4 December, and it isn't yet." in late.body
        assert "by the day we promised (Friday 4 December). We're sorry." in late_alt.body
    else:
        promised = "beloofd" if form == "je" or country == "BE" else "toegezegd"
        you = "je" if form == "je" else "u"
        assert f"op de dag die we {you} hadden {promised} (vrijdag 4 december)" in late_alt.body, late_alt.body
    if (lang, country, form) == ("nl", "BE", "u"):
        assert late.subject == "Uw bestelling {bestelnummer} is later klaar dan beloofd".format(
            bestelnummer=messages.sample_values("nl")["bestelnummer"])
        assert "gereed" not in late.body and "toegezegd" not in late.body  # the subject's Belgian words
    if form == "u" and lang == "nl":
        assert "Graag laten we u iets weten" not in texts["order.delay.alt"].body
        assert "Een kort bericht over uw Zilveren ketting Maan (bestelling" in texts["order.delay.alt"].body


# --- 7, 13. a Belgian parcel is "toegekomen"; the .alt check-in names the product in its sentence

@pytest.mark.parametrize("lang, country, form", READERS)
def test_parcel_check_ins_say_toegekomen_in_belgium_and_name_the_product(lang, country, form):
    for template_id in ("shipment.received", "shipment.received.alt"):
        message = rendered(template_id, lang, country, form)
        text = message.subject + "\n" + message.body
        if country == "BE":
            assert "toegekomen" in text and "aangekomen" not in text, (template_id, form, text)
        elif lang == "nl":
            assert "aangekomen" in text and "toegekomen" not in text, (template_id, form, text)
        assert "(Zilveren ketting Maan)" not in text, text
    alt = rendered("shipment.received.alt", lang, country, form).body
    if lang == "en":
        assert "I sent the Zilveren ketting Maan on Monday 30 November." in alt, alt
    else:
        # "Ik heb Zilveren ketting Maan … gestuurd." took no article: the product is hers ("je"/"uw")
        verb = "opgestuurd" if country == "BE" else "verstuurd"
        assert f"Ik heb {'je' if form == 'je' else 'uw'} Zilveren ketting Maan op maandag 30 november {verb}." in alt, alt


# --- 9. present perfect in step 3 ----------------------------------------------------------------

@pytest.mark.parametrize("lang, country, form", READERS[:4])
def test_step_three_speaks_in_the_present_perfect(lang, country, form):
    ladder = rendered("ladder.3", lang, country, form, afspraken=["je post"]).body
    reply = rendered("reply.3", lang, country, form, bericht_van=date(2026, 11, 19), titel="Ketting").body
    for wrong in ("hoorde", "vernam", "kreeg op", "niets van je hoorde op"):
        assert wrong not in ladder and wrong not in reply, (wrong, ladder, reply)
    assert ("nog niets van je gehoord heb over" if form == "je" else "nog niets van u vernomen heb over") in ladder
    assert ("nog geen reactie heb gekregen op mijn bericht" if form == "je"
            else "nog geen antwoord heb gekregen op mijn bericht") in reply


# --- 10. "the deadline" only when there is one ---------------------------------------------------

def test_the_final_notice_speaks_of_the_deadline_only_when_there_is_one(demo):
    noor = Person.get(Person.name == "Noor Bakker")  # post due 20 November, TikTok video due 3 December
    now = NOW + timedelta(days=15)
    climb_in_store(noor.id, 4, now)
    [item] = [i for i in due.due_now(now) if i.person_id == noor.id]
    assert item.step == "4" and len(item.parts) == 2
    for lang, country, form in READERS:
        as_reader(noor, lang, country, form)
        body = due_texts.compose(item, now).body
        assert "de deadline" not in body and "the deadline" not in body, (lang, country, form, body)
    fleur = Person.get(Person.name == "Fleur Peeters")  # one deliverable
    [item] = [i for i in due.due_now(NOW) if i.person_id == fleur.id and i.step == "4"]
    for lang, country, form in READERS:
        as_reader(fleur, lang, country, form)
        body = due_texts.compose(item, NOW).body
        assert re.search(r"(Sinds de deadline van|The deadline was) \w+ \d+ \w+", body), (lang, form, body)


# --- 12, 13. no repetition, no fragment ----------------------------------------------------------

@pytest.mark.parametrize("lang, country, form", READERS[:4])
def test_the_shipped_message_names_the_parcel_once_and_reply_two_has_no_fragment(lang, country, form):
    shipped = rendered("order.shipped", lang, country, form).body
    parcel = "pakje" if country == "BE" else "pakket"
    assert shipped.count(parcel) == 1 and "de zending volgen:" in shipped, shipped
    reply = rendered("reply.2.alt", lang, country, form, bericht_van=date(2026, 11, 19), titel="Ketting").body
    assert "Ook als" not in reply and "meer tijd nodig hebt, is welkom." in reply, reply
    ladder = rendered("ladder.2", lang, country, form, afspraken=["je post"]).body
    assert ladder.count("afgesproken") + ladder.count("afspreken") <= 2, ladder


# --- 14. the editor's preview names content as the real messages do ------------------------------

@pytest.mark.parametrize("lang, country, form", READERS)
def test_describe_uses_the_inline_word(lang, country, form):
    phrase = messages.describe("deliverable", {"what": "tiktok", "product": "Ketting"}, reader(lang, country, form))
    owed = messages.describe_owed([("deliverable", 1, {"what": "tiktok", "product": "Ketting"})],
                                  reader(lang, country, form))
    assert phrase == owed.afspraken[0], (phrase, owed)
    assert ("TikTok-video" in phrase) if lang == "nl" else ("TikTok video" in phrase), phrase


# --- 11. the label request names her content, and a story's label goes in the picture ------------

def test_a_label_request_names_the_content_kind_and_a_story_has_no_caption(demo):
    from desktop.presentation import collab_texts
    from desktop.store.models import Content, Deliverable

    fleur = Person.get(Person.name == "Fleur Peeters")
    collab = Collaboration.get(Collaboration.person == fleur)
    story = Deliverable.create(collaboration=collab, kind="story", count=1)
    content = Content.create(collaboration=collab, deliverable=story, url="https://example.com/s/1",
                             platform="instagram", posted_at=NOW, missing=[], disclosure_ok=False)
    words = {("nl", "je"): ("Nog één dingetje over je story", "Bedankt voor je story, die ziet er prachtig uit!"),
             ("nl", "u"): ("Nog één punt over uw story", "Dank voor uw story, die ziet er prachtig uit!"),
             ("en", "je"): ("One small thing about your story", "Thanks for your story, it looks lovely!")}
    for lang, country, form in READERS:
        as_reader(fleur, lang, country, form)
        message = due_texts.compose_for(fleur, "label", {"inhoud": collab_texts._content_words(
            [("story", 1)], due_texts.recipient(fleur))}, NOW)
        text = collab_texts.label_request_message(Content.get_by_id(content.id))
        subject, opening = words[(lang, form)]
        assert message.subject == subject, message.subject
        assert opening in text, (lang, country, form, text)
        assert "bijschrift" not in text and "caption" not in text and " post" not in text, text
        assert ("in beeld, aan het begin van de story" in text) if lang == "nl" else \
            ("in the picture, at the start of the story" in text), text
