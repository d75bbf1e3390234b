"""A name made only of invisible characters is no name (badinput #16).

Zero-width spaces come along when a name is pasted from Instagram; an influencer named
"\u200b\u200b" was saved and looked empty in every list.
"""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.domain import names, orders, validation

INVISIBLE = ["\u200b\u200b", "\u200b \ufeff", "\u2060", "\u3164", "\u200e\u200f"]


@pytest.mark.parametrize("typed", INVISIBLE)
def test_an_influencer_named_with_nothing_visible_is_refused(typed):
    errors, _clean = validation.validate_person({"name": typed}, [], lambda platform, name: None)
    # no name and no handle to save her by (a handle alone would do: test_influencer_handle_only)
    assert errors == {"name": i18n._("Fill in a name or a handle.")}


@pytest.mark.parametrize("typed", INVISIBLE)
def test_a_customer_named_with_nothing_visible_is_refused(typed):
    _clean, errors = orders.validate(orders.OrderInput(name=typed, price_text="20", money_locale="nl_NL"))
    assert errors["name"] == "Vul de naam van de klant in."


def test_what_is_invisible_at_the_ends_goes_and_a_joined_emoji_stays():
    assert names.clean_name("\u200bSanne  de Vries\u200b ") == "Sanne de Vries"
    family = "Anna \U0001F469\u200d\U0001F469\u200d\U0001F467"
    assert names.clean_name(family) == family
    _errors, cleaned = validation.validate_person({"name": "\u200bSanne\u200b"}, [], lambda platform, name: None)
    assert cleaned["name"] == "Sanne"


def test_a_product_named_with_nothing_visible_is_refused(qtbot, database, translator):
    from desktop.views.shipping_dialogs import ProductDialog

    form = ProductDialog(None)
    qtbot.addWidget(form.dialog)
    form.fields["name"].setText("\u200b\u200b")
    form.fields["price"].setText("10")
    assert form.accept() is False and form.result is None


@pytest.mark.parametrize("full, greeted", [
    ("Sanne de Vries", "Sanne"), ("nedlzs czwyzqki", "Nedlzs"), ("SANNE DE VRIES", "Sanne"),
    ("anna-lena jansen", "Anna-Lena"), ("McKenzie Smith", "McKenzie"),
    ("\u200bzoë", "Zoë"), ("", ""), ("Ø", "Ø"),
    # the second walk-through: IJ, surname first, titles, a particle first
    ("ijsbrand bakker", "IJsbrand"), ("IJSBRAND", "IJsbrand"), ("JANSEN, ANNA", "Anna"), ("Jansen,", "Jansen"),
    ("Mevr. de boer", "Mevr. de Boer"), ("o'brien kate", "O'Brien"),
    # review 8, F11: initials and short capitals stay as written
    ("DJ Sanne", "DJ"),
    # audit 9: an initial that is also an article stays an initial; a studio keeps its particles small
    ("Studio de Lief", "Studio de Lief"),
    # audit 12, F9: after a title the surname only ("Beste Dhr. Luc Janssens," read as a form letter)
    ("Dhr. Luc Janssens", "Dhr. Janssens"), ("Mevr. A. van der Berg", "Mevr. van der Berg"),
    ("dr. Jan Peter Balkenende", "Dr. Balkenende"), ("Mevr. Anne de Boer", "Mevr. de Boer"),
])
def test_a_message_greets_by_the_name_as_a_name_is_written(full, greeted):
    """Walk-through finding 10: a customer who typed her name in small letters was greeted
    "Beste nedlzs," in every message, and "J. de Vries" as "Beste J.,"."""
    assert names.greeting_name(full) == greeted


@pytest.mark.parametrize("full, nl_je, nl_be_u, en_je", [
    # audit 9, F6: a title is greeted formally and with its capital, whatever the form of address
    # audit 12, F9: the title spelled out in the salutation, the particle then with its capital
    ("mevr. de Boer", "Beste mevrouw De Boer,", "Beste mevrouw De Boer,", "Dear Ms de Boer,"),
    ("DHR. PEETERS", "Beste heer Peeters,", "Beste heer Peeters,", "Dear Mr Peeters,"),
    ("Dhr. Luc Janssens", "Beste heer Janssens,", "Beste heer Janssens,", "Dear Mr Janssens,"),
    ("Mw. A. van der Berg", "Beste mevrouw Van der Berg,", "Beste mevrouw Van der Berg,", "Dear Ms van der Berg,"),
    ("Fam. Jansen", "Beste familie Jansen,", "Beste familie Jansen,", "Dear Jansen family,"),  # was "Hoi Fam.,"
    ("Dr. Anna Visser", "Beste dr. Visser,", "Beste dr. Visser,", "Dear Dr. Visser,"),
    # review 26: a title written out, or an English one from a checkout, small after "Beste"
    ("Mevrouw de Boer", "Beste mevrouw De Boer,", "Beste mevrouw De Boer,", "Dear Ms de Boer,"),
    ("Familie van Dam", "Beste familie Van Dam,", "Beste familie Van Dam,", "Dear Van Dam family,"),
    ("heer Janssens", "Beste heer Janssens,", "Beste heer Janssens,", "Dear Mr Janssens,"),
    ("Mrs. Smith", "Beste mevrouw Smith,", "Beste mevrouw Smith,", "Dear Mrs. Smith,"),
    # a shop's or a studio's name is greeted whole, never by a lone article
    ("THE GLOW CLUB", "Hoi The Glow Club,", "Beste The Glow Club,", "Hi The Glow Club,"),  # was "Hoi The,"
    ("Studio Lief", "Hoi Studio Lief,", "Beste Studio Lief,", "Hi Studio Lief,"),
    # a double first name without a hyphen, as with one
    ("Anne Marie Peeters", "Hoi Anne Marie,", "Beste Anne Marie,", "Hi Anne Marie,"),
    ("Jan Willem de Boer", "Hoi Jan Willem,", "Beste Jan Willem,", "Hi Jan Willem,"),
    # a handle or an e-mail address is no name to greet by
    ("@sanne.styles", "Hoi,", "Goedendag,", "Hello,"),
    ("info@bloemetjes.nl", "Hoi,", "Goedendag,", "Hello,"),
    # and as before
    ("Sanne de Vries", "Hoi Sanne,", "Beste Sanne,", "Hi Sanne,"),
    ("Anne-Marie Peeters", "Hoi Anne-Marie,", "Beste Anne-Marie,", "Hi Anne-Marie,"),
])
def test_the_greeting_reads_as_a_person_would_write_it(full, nl_je, nl_be_u, en_je):
    from desktop.presentation import messages

    greeted = names.greeting_name(full)
    said = [messages.greeting(messages.Recipient(greeted, lang, country, form))
            for lang, country, form in (("nl", "NL", "je"), ("nl", "BE", "u"), ("en", "NL", "je"))]
    assert said == [nl_je, nl_be_u, en_je]


def test_the_ready_message_greets_her_so(database):
    from desktop.presentation import due_texts
    from desktop.store.models import Person

    person = Person.create(name="nedlzs czwyzqki", language="nl", country="BE", address_form="u", is_customer=True)
    assert due_texts.recipient(person).first_name == "Nedlzs"


def test_a_search_engine_title_is_named_by_its_first_part_in_messages():
    """Walk-through finding 14: "Ik wacht nog op je post met Toy Box Plans PDF | Stacking Wood
    Bins, Kids Storage Build (Digital Download)": Etsy titles are written for search engines."""
    from desktop.presentation import messages

    assert names.product_in_message("Toy Box Plans PDF | Stacking Wood Bins, Kids Storage Build") == "Toy Box Plans PDF"
    assert names.product_in_message("Ring Zoë (maat 54)") == "Ring Zoë (maat 54)"
    assert names.product_in_message(" | ") == " | "  # nothing before it: the name as it is
    reader = messages.Recipient("Sanne", "nl", "NL", "je")
    question = messages.parcel_question({"product": ["Toy Box Plans PDF | Kids Storage", "Oorbellen ‘Maan’"]}, reader)
    assert "Toy Box Plans PDF en Oorbellen ‘Maan’" in question and "|" not in question


def test_a_parcel_with_two_variants_of_one_product_names_it_once():
    """Audit 9, new owner F8: "Is het pakket met 7 Shakra Bracelet en 7 Shakra Bracelet goed
    bij je aangekomen?" (a blue and a black one)."""
    from desktop.presentation import messages

    reader = messages.Recipient("Sanne", "nl", "NL", "je")
    question = messages.parcel_question({"product": ["7 Shakra Bracelet", "7 Shakra Bracelet", "Ring Zoë"]}, reader)
    assert "7 Shakra Bracelet en Ring Zoë" in question and question.count("Shakra") == 1
