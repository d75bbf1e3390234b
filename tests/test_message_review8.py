"""Findings of a review that rendered every ready message the app hands the owner.

Each test renders what the recipient would read, for the readers (Dutch je/u, Belgian je/u,
English), and checks the words she would stumble over are gone."""

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
