"""What a message is made of, decided without its words: the typed values, who reads it,
the form of address, the placeholders a template may use and the check of an owner's
template. Pure Python (no Qt, no database, no clock). The templates' words and their
rendering are ``presentation/messages.py``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop import i18n
from desktop.domain import names
from desktop.i18n import N_

FORMS = ("je", "u")


# --- typed values --------------------------------------------------------------------

@dataclass(frozen=True)
class Money:
    cents: int
    currency: str = "EUR"


@dataclass(frozen=True)
class DaysLate:
    days: int


@dataclass(frozen=True)
class Recipient:
    """Who reads the message: their first name, language, country and form of address."""

    first_name: str = ""
    language: str = "nl"
    country: str = "NL"
    form: str = "je"

    @property
    def lang(self) -> str:
        return i18n.normalise_language(self.language)

    @property
    def locale(self):
        return i18n.formatting_locale(self.lang, self.country)

    @property
    def context(self) -> str:
        """The form of address the message is written in: u for a name with a title
        ("Mevr. de Boer" is greeted "Beste mevrouw De Boer," and a je body under it read
        as two letters in one), else the person's own."""
        if names.titled(self.first_name):
            return "u"
        return self.form if self.form in FORMS else "je"


# --- placeholders --------------------------------------------------------------------

# Every placeholder a template may use, with what it holds (shown in the template editor).
PLACEHOLDERS: dict[str, str] = {
    # TRANSLATORS: help text for the {voornaam} placeholder in message templates.
    "voornaam": N_("the recipient's first name"),
    # TRANSLATORS: help text for {aanhef}: "Hoi Sanne," / "Beste Sanne," / "Dag Sanne," (Belgium).
    "aanhef": N_("the greeting, e.g. “Hi Sanne,”: it follows the form of address and the country"),
    # TRANSLATORS: help text for {groet}: "Groetjes," (je) or "Met vriendelijke groet," (u).
    "groet": N_("the sign-off above your name: it follows the form of address"),
    "naam": N_("the recipient's full name"),
    "winkel": N_("your shop's name"),
    "afzender": N_("your own name"),
    "afspraken": N_("what is still owed, e.g. “your reel with the Moon necklace”; several promises are listed together"),
    "product": N_("the product"),
    "deadline": N_("the agreed deadline"),
    "dagen_te_laat": N_("how many days late it is, e.g. “2 days late”"),
    "afgesproken_op": N_("the day the agreement was made"),
    "gevolg": N_("the agreed consequence when it is not delivered"),
    "kosten": N_("the value of what was sent"),
    "pauzedatum": N_("the day the collaboration ends"),
    "verzonden_op": N_("the day the parcel was sent"),
    "bericht_van": N_("the day of your message that is still unanswered"),
    # TRANSLATORS: help text for {antwoord_op}: the day of her last message, when she answered a reminder.
    "antwoord_op": N_("the day of her latest message about it"),
    "bestelnummer": N_("the order number"),
    "beloofde_datum": N_("the date promised to the customer"),
    "nieuwe_datum": N_("the new expected date"),
    # TRANSLATORS: help text for the {personalisatie} placeholder: the letter, name, font... of a custom order.
    "personalisatie": N_("what is personalised, e.g. “letter M, gold”"),
    "prijs": N_("the price of the custom order"),
    "vervoerder": N_("the carrier, e.g. PostNL"),
    "track_trace": N_("the parcel's tracking link"),
    # TRANSLATORS: help text for {ontvanger}: the name on a custom order's parcel (a gift's recipient).
    "ontvanger": N_("whom the parcel goes to: the recipient of a gift, else the customer"),
    # TRANSLATORS: help text for {adres}: the address block of a custom order's parcel that came back.
    "adres": N_("the address the parcel went to, on lines of its own as on the parcel: the recipient of a gift's, "
                "else the customer's"),
    "titel": N_("the collaboration's title, e.g. “Moon necklace in a reel”"),
    "voorwaarden": N_("the agreed terms, one per line"),
    "reden": N_("why the collaboration ends, as you typed it"),
    "ontbreekt": N_("what the post still lacks, e.g. the advertising label, one per line"),
    # TRANSLATORS: help text for {inhoud}: the influencer's content a label request is about.
    "inhoud": N_("her content the message is about, e.g. “your story”"),
    # TRANSLATORS: help text for {wijzigingen}: the lines of a message about deadlines Afspraak moved.
    "wijzigingen": N_("the deadlines that moved, one per line, each with the date agreed before"),
    # TRANSLATORS: help text for {waarom}: the opening sentence of a message about deadlines Afspraak moved.
    "waarom": N_("why there is more time, e.g. “Your parcel went out later than we had planned…”"),
    # TRANSLATORS: help text for {pakketvraag}: a closing sentence of a reminder (not a final one) or of a
    # follow-up of an unanswered message.
    "pakketvraag": N_("a closing question asking whether a parcel has arrived, added when that check-in falls due together "
                      "with a reminder (not a final one) or a follow-up of an unanswered message (empty otherwise)"),
    # TRANSLATORS: help text for {gevolgen}: a paragraph of a final reminder about several collaborations.
    "gevolgen": N_("when a final reminder is about several collaborations: for each collaboration the day it was agreed, "
                   "the agreed consequence and the value of what she received (empty otherwise)"),
    # TRANSLATORS: help text for {vervalt_ook}: a sentence of a final reminder.
    "vervalt_ook": N_("a sentence naming what else of the agreement ends with it, not late yet (empty when there is "
                      "nothing)"),
    # TRANSLATORS: help text for {blijft_staan}: a sentence of a final reminder.
    "blijft_staan": N_("a sentence naming her other agreements, which the final reminder does not end (empty when "
                       "there are none)"),
}


# Each placeholder as an owner who runs the app in English reads and types it ({greeting}
# for {aanhef}). The Dutch names are the canonical ones: the catalogs' default wording and
# every template saved (store/templates.py) hold them, so a template saved before, or in
# the other language, keeps working. The editor shows a template in the names of the app's
# language (``spelled``); what is typed in either spelling is read (``canonical``).
ENGLISH_NAMES: dict[str, str] = {
    "voornaam": "first_name",
    "aanhef": "greeting",
    "groet": "sign_off",
    "naam": "full_name",
    "winkel": "shop",
    "afzender": "your_name",
    "afspraken": "promises",
    "product": "product",
    "deadline": "deadline",
    "dagen_te_laat": "days_late",
    "afgesproken_op": "agreed_on",
    "gevolg": "consequence",
    "kosten": "value",
    "pauzedatum": "end_date",
    "verzonden_op": "sent_on",
    "bericht_van": "message_date",
    "antwoord_op": "answered_on",
    "bestelnummer": "order_number",
    "beloofde_datum": "promised_date",
    "nieuwe_datum": "new_date",
    "personalisatie": "personalisation",
    "prijs": "price",
    "vervoerder": "carrier",
    "track_trace": "tracking_link",
    "ontvanger": "recipient",
    "adres": "address",
    "titel": "title",
    "voorwaarden": "terms",
    "reden": "reason",
    "ontbreekt": "missing",
    "inhoud": "content",
    "wijzigingen": "changes",
    "waarom": "why",
    "pakketvraag": "parcel_question",
    "gevolgen": "consequences",
    "vervalt_ook": "also_ends",
    "blijft_staan": "still_stands",
}
_CANONICAL = {english: dutch for dutch, english in ENGLISH_NAMES.items()}


def canonical_name(name: str) -> str:
    """A placeholder's canonical (Dutch) name, whichever spelling it was typed in."""
    return _CANONICAL.get(name, name)


def spelled_name(name: str, language: str) -> str:
    """A placeholder (canonical name) as an owner who runs the app in ``language`` types it."""
    return ENGLISH_NAMES.get(name, name) if i18n.normalise_language(language) == "en" else name


def _respelled(text: str, name_of) -> str:
    def one(m: re.Match) -> str:
        name = m.group(1)
        if name is None or canonical_name(name) not in PLACEHOLDERS:
            return m.group(0)  # a brace, an escaped one, or an unknown name: as typed
        return "{" + name_of(canonical_name(name)) + "}"

    return _TOKEN.sub(one, text)


def canonical(text: str) -> str:
    """``text`` with every placeholder in its canonical name ("{greeting}" → "{aanhef}"):
    how a template is kept and rendered, in whichever spelling it was typed."""
    return _respelled(text, lambda name: name)


def spelled(text: str, language: str) -> str:
    """``text`` with every placeholder named as an owner who runs the app in ``language``
    types it (``spelled_name``): how the template editor shows it."""
    return _respelled(text, lambda name: spelled_name(name, language))


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def placeholders_in(text: str) -> set[str]:
    """The placeholders ``text`` uses, by their canonical names (either spelling is read)."""
    return {canonical_name(m.group(1)) for m in _TOKEN.finditer(text) if m.group(1) is not None}


def validate(text: str) -> list[str]:
    """Problems with an owner-edited template, in the UI language (empty list: fine)."""
    problems = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        name = m.group(1)
        if name is None:
            problems.append(i18n._("The brace “{brace}” has no matching brace; type {{{{ or }}}} for a brace in the "
                                   "text.").format(
                brace=token))
        elif canonical_name(name) not in PLACEHOLDERS:
            language = i18n.current_language()  # the names as the owner types them
            problems.append(i18n._("Unknown placeholder {{{name}}}. Known: {known}.").format(
                name=name, known=", ".join("{" + spelled_name(p, language) + "}" for p in PLACEHOLDERS)))
    return list(dict.fromkeys(problems))


# Values a message can do without: the sentence (or parenthesis) that needs one is left out
# silently. A missing value not in this set makes the message incomplete: the dialogs ask
# before showing it (Message.incomplete).
OPTIONAL = frozenset({
    "naam", "winkel", "afzender", "dagen_te_laat", "afgesproken_op", "kosten", "verzonden_op", "bestelnummer",
    "personalisatie", "prijs", "vervoerder", "track_trace", "reden", "gevolg", "beloofde_datum",
    "adres",  # a parcel sent to an address Afspraak never had: "We sent it to:" is left out
    # a message about deliverables with different deadlines names each in {afspraken}
    "deadline",
    "pakketvraag",
    "gevolgen", "vervalt_ook", "blijft_staan",  # a final notice's paragraphs: most have nothing to say
    "inhoud",
    "waarom",  # deadlines moved for a reason it has no words for: the message goes without one
})

# Values the owner types as a clause that ends a sentence of the template ("De reden:
# {reden}", "...afgesproken: {gevolg}."): rendering gives each exactly one closing mark,
# whether the owner typed one or not (presentation/messages.fill_text).
SENTENCE_VALUES = frozenset({"reden", "gevolg"})


def outside_flanders(country: str | None, postcode: str | None) -> bool:
    """Is this a Belgian address in Brussels (1000-1299) or Wallonia (1300-1499, 4000-7999)?
    There a customer may well not read Dutch, while Afspraak writes Dutch or English only
    (audit 12, F8: French-speaking customers were set to Dutch "u" without a word)."""
    if (country or "").upper() != "BE":
        return False
    digits = "".join(c for c in (postcode or "") if c.isdigit())
    if len(digits) != 4:
        return False
    number = int(digits)
    return 1000 <= number <= 1499 or 4000 <= number <= 7999


def default_form(country: str | None, language: str | None = "nl", influencer: bool = False) -> str:
    """The form of address for a new person, until the owner picks one: je for an
    influencer wherever she lives (je is the norm between a fashion or jewellery shop and
    the people who post for it: REFERENCE.md; a young Flemish creator addressed with u
    reads distant, walk-through finding 11); for a customer, u for a Dutch-speaking
    Belgian (a shop's customers in Flanders expect it), je otherwise."""
    if influencer:
        return "je"
    return "u" if (country or "").upper() == "BE" and i18n.normalise_language(language) == "nl" else "je"
