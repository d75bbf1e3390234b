"""Findings of a review that rendered every ready message the app hands the owner.

Each test renders what the recipient would read, for the readers (Dutch je/u, Belgian je/u,
English), and checks the words she would stumble over are gone."""

from datetime import date

import pytest

from desktop.domain import names
from desktop.presentation import due_texts, messages
from desktop.store.models import Person

from .conftest import NOW
from .readers import READERS, reader

# Every reader a greeting is said for: the five, and English in u.
GREETED = [*READERS, ("en", "NL", "u")]


# --- 1. a greeting needs a first name: "Hoi De Vries," / "Hoi J. de Vries," -------------------

# What the greeting without a name says to each reader of GREETED.
NO_NAME = ["Hoi,", "Goedendag,", "Dag,", "Goedendag,", "Hello,", "Hello,"]


@pytest.mark.parametrize("full", [
    "de Vries", "van der berg", "Van Dam", "'t Hart",  # a surname alone, its particle first
    "J. de Vries", "j de vries", "A. de Vries", "a de vries", "A.B. Jansen", "J.P.M. van Dijk",  # initials
    "Th. de Vries", "IJ. Bakker", "de Vries, J.", "Jansen, A.B.",  # a Dutch initial of two letters, surname first
])
def test_a_name_without_a_first_name_is_greeted_without_a_name(full):
    """"Hoi De Vries," / "Hi De Vries," for "de Vries" and "Hoi J. de Vries," above a je body
    and "Groetjes,": an informal greeting needs a first name, and a formal one a title."""
    greeted = names.greeting_name(full)
    assert greeted == ""
    assert [messages.greeting(reader(lang, country, form, greeted)) for lang, country, form in GREETED] == NO_NAME


@pytest.mark.parametrize("full, first", [
    ("Sanne de Vries", "Sanne"), ("Anne Marie Peeters", "Anne Marie"), ("de Vries, Anna", "Anna"),
    ("Ø", "Ø"), ("DJ Sanne", "DJ"), ("Studio Lief", "Studio Lief"), ("A. Studio", "")])
def test_a_first_name_is_still_greeted(full, first):
    assert names.greeting_name(full) == first


@pytest.mark.parametrize("lang, country, form", READERS)
def test_the_ready_message_to_a_surname_greets_without_it(database, lang, country, form):
    person = Person.create(name="de Vries", is_customer=True, language=lang, country=country, address_form=form)
    message = due_texts.compose_for(person, "ending", {"titel": "Ketting Maan", "reden": "de collectie stopt"}, NOW)
    first_line = message.body.splitlines()[0]
    assert first_line == NO_NAME[READERS.index((lang, country, form))], message.body
    assert "Vries" not in message.body, message.body


@pytest.mark.parametrize("full, said", [
    # a couple: both, never "Beste heer Jansen," for "Dhr. en Mevr. Jansen"
    ("Dhr. en Mevr. Jansen", ["Beste heer en mevrouw Jansen,"] * 4 + ["Dear Mr and Mrs Jansen,"] * 2),
    ("dhr. & mevr. de Boer", ["Beste heer en mevrouw De Boer,"] * 4 + ["Dear Mr and Mrs de Boer,"] * 2),
    ("Mr & Mrs Smith", ["Beste heer en mevrouw Smith,"] * 4 + ["Dear Mr and Mrs Smith,"] * 2),
    ("de heer Jansen", ["Beste heer Jansen,"] * 4 + ["Dear Mr Jansen,"] * 2),
    # Dutch writes a title in small letters inside a sentence: "Beste dr. Janssens,"
    ("Dr. Janssens", ["Beste dr. Janssens,"] * 4 + ["Dear Dr. Janssens,"] * 2),
    ("Prof. dr. Luc Peeters", ["Beste prof. Peeters,"] * 4 + ["Dear Prof. Peeters,"] * 2),
    ("Ir. A. de Wit", ["Beste ir. De Wit,"] * 4 + ["Dear Ir. de Wit,"] * 2),
    ("Mej. Smit", ["Beste mevrouw Smit,"] * 4 + ["Dear Ms Smit,"] * 2),
    # English starts a Dutch surname with its capital where no first name comes before it
    ("Fam. van Dam", ["Beste familie Van Dam,"] * 4 + ["Dear Van Dam family,"] * 2),
    ("Familie de Jong", ["Beste familie De Jong,"] * 4 + ["Dear De Jong family,"] * 2),
])
def test_a_titled_name_is_greeted_as_a_letter_writes_it(full, said):
    greeted = names.greeting_name(full)
    assert [messages.greeting(reader(lang, country, form, greeted)) for lang, country, form in GREETED] == said


def test_a_couple_is_written_to_with_u(database):
    person = Person.create(name="Dhr. en Mevr. Jansen", is_customer=True, language="nl", country="NL",
                           address_form="je")
    message = due_texts.compose_for(person, "ending", {"titel": "Ketting Maan", "reden": "de collectie stopt"}, NOW)
    assert message.body.startswith("Beste heer en mevrouw Jansen,\n\n") and message.form == "u", message.body


# --- 2. a don't that says "not" itself: "Niet doen: Geen kortingscodes …" -------------------

DONT = {"nl": "• Niet doen: ", "en": "• Don't: "}
DO = {"nl": "• Wel doen: ", "en": "• Do: "}


@pytest.fixture
def demo(demo_db):
    from desktop.store import settings

    settings.set("time_zone", "Europe/Amsterdam")
    return demo_db


def _terms_for(lang, country, form, dos, donts):
    from desktop.presentation import collab_texts
    from desktop.store.models import Collaboration

    from .readers import as_reader

    noor = Person.get(Person.name == "Noor Bakker")
    as_reader(noor, lang, country, form)
    collab = Collaboration.get(Collaboration.person == noor)
    collab.dos, collab.donts = dos, donts
    collab.save()
    return collab_texts.agreement_terms_text(Collaboration.get_by_id(collab.id)).split("\n")


@pytest.mark.parametrize("lang, country, form", READERS)
def test_a_dont_that_says_not_itself_is_no_double_negative(demo, lang, country, form):
    """The written agreement printed "• Niet doen: Geen kortingscodes van andere
    sieradenmerken" / "• Don't: Geen kortingscodes…": the owner writes a don't the usual
    way, with its own "Geen", "Niet", "Nooit" (English "No", "Don't", "Never")."""
    negated = ["Geen kortingscodes van andere sieradenmerken", "Niet taggen van andere merken",
               "Nooit het sieraad afdekken", "Kortingscodes van andere merken niet noemen",
               "No discount codes from other brands", "Don't use filters", "Never tag other shops"]
    terms = _terms_for(lang, country, form, "Geen filters", "\n".join([*negated, "Foto's die niet scherp zijn"]))
    for typed in negated:
        assert "• " + typed in terms, terms
    assert "• Geen filters" in terms, terms  # a do that says "not": as she wrote it, not "Wel doen: Geen filters"
    assert DONT[lang] + "Foto's die niet scherp zijn" in terms, terms  # a "niet" inside it: still a don't
    assert not any(line.startswith((DONT[lang], DO[lang])) and _heading_before_not(line) for line in terms), terms


def _heading_before_not(line):
    from desktop.presentation.collab_texts import says_not

    return says_not(line.split(": ", 1)[1])


@pytest.mark.parametrize("lang, country, form", READERS)
def test_a_dont_without_a_not_is_still_named_a_dont(demo, lang, country, form):
    terms = _terms_for(lang, country, form, "Eigen foto's", "Kortingscodes van andere merken\nZonder label posten")
    assert DONT[lang] + "Kortingscodes van andere merken" in terms, terms
    assert DONT[lang] + "Zonder label posten" in terms, terms  # "without" is what not to do
    assert DO[lang] + "Eigen foto's" in terms, terms


def test_the_example_shops_donts_read_as_donts(demo):
    """The example shop typed "Geen kortingscodes …" under "Niet doen" (its form and its agreement)."""
    from desktop.presentation import collab_texts
    from desktop.store.models import Collaboration

    collabs = [c for c in Collaboration.select() if c.donts]
    assert collabs
    for collab in collabs:
        assert not collab_texts.says_not(collab.donts), collab.donts
        terms = collab_texts.agreement_terms_text(collab).split("\n")
        assert DONT["nl"] + collab.donts in terms, terms


# --- 3. step 3 by e-mail: a chat's "Beste Sophie, ik probeer u …" under a subject line -------

CHATS = ("instagram", "whatsapp", "tiktok")


def _sample(tid, lang, country, form):
    to = reader(lang, country, form, "Sophie")
    values = dict(messages.sample_values(to.lang), voornaam="Sophie")
    values["afspraken"] = list(messages.describe_owed(
        [("deliverable", 1, {"what": "reel", "product": "Zegelring", "collaboration_id": 1})], to).afspraken)
    values["inhoud"] = "je reel" if to.lang == "nl" and to.context == "je" else "uw reel" if to.lang == "nl" else "your reel"
    return messages.render(tid, values, to, now=NOW)


@pytest.mark.parametrize("lang, country, form", GREETED)
@pytest.mark.parametrize("tid", messages.template_ids())
def test_every_message_sent_by_email_has_its_greeting_on_a_line_of_its_own(tid, lang, country, form):
    """A Dutch (and English) e-mail puts the greeting on its own line and starts the body with
    a capital: step 3 by e-mail read "Beste Sophie, ik probeer u op deze manier te bereiken …"
    under its subject line. Every template, in every reader's wording."""
    message = messages.for_channel(_sample(tid, lang, country, form), "email")
    first, empty, opening = message.body.split("\n")[:3]
    assert first == message.greeting and first.endswith(",") and "Sophie" in first, message.body
    assert empty == "" and opening[:1].isupper(), message.body


@pytest.mark.parametrize("lang, country, form", GREETED)
@pytest.mark.parametrize("tid", ["ladder.3", "ladder.3.alt", "reply.3", "reply.3.alt"])
def test_step_3_in_a_chat_keeps_its_greeting_on_the_first_line(tid, lang, country, form):
    message = _sample(tid, lang, country, form)
    for channel in CHATS:
        body = messages.for_channel(message, channel).body
        assert body == message.body and body.startswith(message.greeting + " "), body
        if lang == "nl":
            assert body[len(message.greeting) + 1].islower(), body  # "Hoi Sophie, ik probeer …"
    by_email = messages.for_channel(message, "email").body
    assert by_email.startswith(message.greeting + "\n\n") and by_email[len(message.greeting) + 2].isupper()


def test_an_owners_own_wording_in_a_chats_layout_is_laid_out_as_a_letter_by_email():
    to = reader("nl", "NL", "je", "Sophie")
    message = messages.render("ladder.1", {"afspraken": "je reel"}, to, now=NOW,
                              override=("Even checken", "{aanhef} ik wilde even vragen hoe het met {afspraken} "
                                                        "gaat.\n\n{groet}\nEva"))
    assert message.body.startswith("Hoi Sophie, ik wilde")
    assert messages.for_channel(message, "email").body == ("Hoi Sophie,\n\nIk wilde even vragen hoe het met je reel "
                                                           "gaat.\n\nGroetjes,\nEva")
    # a word with its own capitals stays as written
    message = messages.render("ladder.1", {}, to, override=("", "{aanhef} iPhone-hoesjes zijn binnen!"))
    assert messages.for_channel(message, "email").body == "Hoi Sophie,\n\niPhone-hoesjes zijn binnen!"


def _step_three(now=NOW):
    from desktop import reminders

    return next(i for i in reminders.plan(now) if i.step == "3" and i.due <= now and i.template)


def test_the_ready_message_of_step_3_is_laid_out_for_its_channel(demo):
    """Vandaag, the tray and ``afspraak due`` show ``compose``: an e-mail step as a letter."""
    from dataclasses import replace

    item = _step_three()
    by_email = due_texts.compose(replace(item, channel="email"), NOW)
    assert by_email.body.startswith(by_email.greeting + "\n\nIk "), by_email.body
    for channel in CHATS:
        in_chat = due_texts.compose(replace(item, channel=channel), NOW)
        assert in_chat.body.startswith(in_chat.greeting + " ik "), in_chat.body
    assert due_texts.compose(replace(item, channel="email"), NOW, channel="").body == in_chat.body


def test_the_dialog_lays_the_message_out_for_the_channel_she_picks(qtbot, demo, translator):
    from desktop import i18n
    from desktop.views.due_dialog import DueStepDialog

    i18n.set_language("nl")
    item = _step_three()
    dialog = DueStepDialog(item, now=lambda: NOW)
    qtbot.addWidget(dialog)
    codes = [dialog.channel.itemData(i) for i in range(dialog.channel.count())]
    assert "email" in codes and "instagram" in codes, codes

    def pick(code):
        dialog.channel.setCurrentIndex(dialog.channel.findData(code))
        return dialog.message.toPlainText()

    greeting = due_texts.compose(item, NOW).greeting
    assert pick("email").startswith(greeting + "\n\nIk probeer je op deze manier"), dialog.message.toPlainText()
    assert pick("instagram").startswith(greeting + " ik probeer je op deze manier")
    assert pick("email").startswith(greeting + "\n\nIk ")
    dialog.message.setPlainText("Mijn eigen tekst")  # her own words stay hers, whatever the channel
    assert pick("instagram") == "Mijn eigen tekst" and pick("email") == "Mijn eigen tekst"


def test_an_order_message_in_her_own_chat_wording_is_mailed_as_a_letter(qtbot, demo, translator):
    from desktop.store import templates
    from desktop.store.models import CustomOrder
    from desktop.views.order_message import OrderMessageDialog

    order = CustomOrder.select().join(Person).where(Person.name == "Marieke Hendriks").get()
    Person.update(email="marieke@example.nl", language="nl", country="NL", address_form="je").where(
        Person.id == order.person_id).execute()
    templates.save("order.update", "nl", "je", "Je bestelling {bestelnummer}",
                   "{aanhef} je {product} ligt op schema.\n\n{groet}\n{afzender}", NOW)
    dialog = OrderMessageDialog(None, order.id, "order_update", NOW)
    qtbot.addWidget(dialog)
    assert dialog.channel.currentData() == "email"
    assert dialog.body.toPlainText().startswith("Hoi Marieke,\n\nJe "), dialog.body.toPlainText()


# --- 4. a product's name takes no article: "Ik heb Zilveren ketting Maan … gestuurd." ---------

# Whether a name takes "de" or "het" is not known: a de-word, a het-word, a plural, a name in English.
PRODUCTS = ["Zilveren ketting Maan", "Armbandje Luna", "Oorbellen Druppel", "Moon Necklace"]
DUTCH = READERS[:4]


def _every_mention_is_hers(text, product, form):
    """Is every mention of ``product`` in ``text`` "je …"/"uw …" (never "met Armbandje Luna")?"""
    mine = "je " if form == "je" else "uw "
    at = [i for i in range(len(text)) if text.startswith(product, i)]
    return bool(at) and all(text[max(0, i - len(mine)):i].lower() == mine for i in at)  # "Je …" starts a sentence


@pytest.mark.parametrize("lang, country, form", DUTCH)
@pytest.mark.parametrize("product", PRODUCTS)
def test_every_dutch_message_names_the_product_as_hers(product, lang, country, form):
    """"Ik heb Zilveren ketting Maan op maandag 30 november naar je gestuurd." (ungrammatical),
    "je post met Armband met initiaal", "Is het pakket met Armband met initiaal en Zegelring
    goed bij je aangekomen?": whether a name takes "de" or "het" is not known, and "je"/"uw"
    needs neither. Every template that names the product, in every Dutch wording."""
    to = reader(lang, country, form, "Sophie")
    other = "Zegelring"
    parts = [("deliverable", 1, {"what": "reel", "product": product, "collaboration_id": 1}),
             ("shipment", 2, {"product": [other]})]
    owed = messages.describe_owed(parts, to)
    values = dict(messages.sample_values(lang), product=product, afspraken=list(owed.afspraken),
                  pakketvraag=owed.pakketvraag)
    for tid in messages.template_ids():
        body = messages.render(tid, values, to, now=NOW).body
        if product in body:
            assert _every_mention_is_hers(body, product, form), (tid, body)
        if other in body:
            assert _every_mention_is_hers(body, other, form), (tid, body)
    assert "{product}" in messages.default_text("shipment.received.alt", lang, form, country)[1]


@pytest.mark.parametrize("lang, country, form", DUTCH)
def test_what_is_owed_names_each_product_as_hers(lang, country, form):
    to = reader(lang, country, form)
    mine = "je" if form == "je" else "uw"
    parcel = messages.describe("shipment", {"product": ["Armband met initiaal", "Zegelring"]}, to)
    assert f"met {mine} Armband met initiaal en Zegelring" in parcel, parcel
    same = messages.describe_owed([("deliverable", 1, {"what": "post", "product": "Armbandje Luna", "collaboration_id": 1}),
                                   ("deliverable", 2, {"what": "story", "product": "Armbandje Luna",
                                                       "collaboration_id": 1})], to).afspraken
    assert same == (f"{mine} post en {mine} story met {mine} Armbandje Luna",), same
    dated = messages.describe_owed(
        [("deliverable", 1, {"what": "reel", "product": "Collier Ster", "collaboration_id": 1,
                             "deadline": date(2026, 12, 4)}),
         ("deliverable", 2, {"what": "story", "product": "Oorbellen Druppel", "collaboration_id": 2,
                             "deadline": date(2026, 12, 5)}),
         ("deliverable", 3, {"what": "post", "product": "Oorbellen Druppel", "collaboration_id": 2,
                             "deadline": date(2026, 12, 5)})], to, NOW).afspraken
    [listed] = dated
    assert f"{mine} reel met {mine} Collier Ster (deadline vrijdag 4 december)" in listed, listed
    assert f"{mine} story met {mine} Oorbellen Druppel (deadline" in listed, listed
    question = messages.parcel_question({"product": "Armbandje Luna"}, to)
    assert f"met {mine} Armbandje Luna" in question, question


@pytest.mark.parametrize("product", PRODUCTS)
def test_english_keeps_the_product_with_the(product):
    to = reader("en", "NL", "je")
    body = messages.render("shipment.received.alt", dict(messages.sample_values("en"), product=product), to).body
    assert f"I sent the {product} on" in body, body
    assert messages.describe("deliverable", {"what": "post", "product": product}, to) == f"your post with the {product}"
