"""Message templates for the follow-up steps, rendered in the RECIPIENT's language.

Pure Python (no Qt, no database, no clock). The default wording of every template lives
in the gettext catalogs: the English source, and Dutch in two forms of address, marked
with the contexts ``"je"`` and ``"u"`` (one English source marked ``NF_``, extracted for
both contexts by ``desktop/i18n_extract.py``; ``NBE_`` for the Belgian ones). The owner may replace any template per
language and form (stored by ``store/templates.py``); :func:`validate` (``domain/message_rules.py``) checks such a text
before it is saved, and :func:`render` never fails on a missing or unknown value.

Placeholders are Dutch names in braces (``{voornaam}``), the same in every language, so a
template can be translated without renaming them; that is how templates are kept. An owner
who runs the app in English reads and types them in English (``{first_name}``:
``message_rules.ENGLISH_NAMES``); a text in either spelling renders the same (``fill_text``).
Values are given typed (dates, moments, :class:`Money`, :class:`DaysLate`, lists) and
formatted with Babel for the recipient's locale: nl_NL, nl_BE for Belgians, or en.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone, tzinfo

from babel import dates as babel_dates
from babel import lists as babel_lists

from desktop import i18n
from desktop.domain import names
from desktop.domain.message_rules import (  # the facts of a message (re-exported: callers read them here)
    _TOKEN,
    ENGLISH_NAMES,
    FORMS,
    OPTIONAL,
    PLACEHOLDERS,
    SENTENCE_VALUES,
    DaysLate,
    Money,
    Recipient,
    canonical,
    canonical_name,
    default_form,
    placeholders_in,
    spelled,
    spelled_name,
    validate,
)
from desktop.i18n import N_, NBE_, NF_, NN_, NP_

# What each placeholder is called in the template editor's list: short, in the owner's words
# (the help text above is shown beside it). Translated with the context "placeholder".
PLACEHOLDER_LABELS: dict[str, str] = {
    "voornaam": NP_("placeholder", "Recipient's first name"),
    # TRANSLATORS: the opening line of a message, e.g. "Hi Sanne," (Dutch: "Aanhef").
    "aanhef": NP_("placeholder", "Greeting"),
    # TRANSLATORS: the closing words above the sender's name, e.g. "Best wishes,".
    "groet": NP_("placeholder", "Sign-off"),
    "naam": NP_("placeholder", "Recipient's full name"),
    "winkel": NP_("placeholder", "Your shop's name"),
    "afzender": NP_("placeholder", "Your name"),
    "afspraken": NP_("placeholder", "What is still owed"),
    "product": NP_("placeholder", "Product"),
    "deadline": NP_("placeholder", "Deadline"),
    "dagen_te_laat": NP_("placeholder", "Number of days late"),
    "afgesproken_op": NP_("placeholder", "Date of the agreement"),
    "gevolg": NP_("placeholder", "Consequence if it is not delivered"),
    "kosten": NP_("placeholder", "Value of what was sent"),
    "pauzedatum": NP_("placeholder", "Date the collaboration ends"),
    "verzonden_op": NP_("placeholder", "Date the parcel was sent"),
    "bestelnummer": NP_("placeholder", "Order number"),
    "beloofde_datum": NP_("placeholder", "Date promised to the customer"),
    "nieuwe_datum": NP_("placeholder", "New expected date"),
    "personalisatie": NP_("placeholder", "Personalisation"),
    "prijs": NP_("placeholder", "Price"),
    "vervoerder": NP_("placeholder", "Carrier"),
    "track_trace": NP_("placeholder", "Tracking link"),
    "ontvanger": NP_("placeholder", "Recipient of the parcel"),
    "adres": NP_("placeholder", "Address the parcel went to"),
    "titel": NP_("placeholder", "Title of the collaboration"),
    "bericht_van": NP_("placeholder", "Date of the unanswered message"),
    "antwoord_op": NP_("placeholder", "Date of her answer"),
    "voorwaarden": NP_("placeholder", "Agreed terms"),
    "reden": NP_("placeholder", "Reason for ending"),
    "ontbreekt": NP_("placeholder", "What the post still lacks"),
    "pakketvraag": NP_("placeholder", "Question: has the parcel arrived?"),
    "gevolgen": NP_("placeholder", "Consequences for each collaboration"),
    "vervalt_ook": NP_("placeholder", "What else ends with it"),
    "blijft_staan": NP_("placeholder", "What still stands"),
    "inhoud": NP_("placeholder", "The content it is about"),
    "wijzigingen": NP_("placeholder", "The new deadlines"),
    "waarom": NP_("placeholder", "Why there is more time"),
}
# A placeholder that stands for something else in one template than in the rest: its name and
# its help there (``placeholder_label``, ``placeholder_help``). In "reply.1.parcel" {pakketvraag}
# is one question about her unanswered message and the parcel, not "has the parcel arrived?".
_PLACEHOLDER_LABELS_IN = {
    # TRANSLATORS: a placeholder's name in the template editor: one question whether both an earlier
    # message and a parcel arrived (Dutch: "Vraag of bericht én pakket zijn aangekomen").
    "reply.1.parcel": {"pakketvraag": NP_("placeholder", "Question: did my message and the parcel arrive?")},
}
_PLACEHOLDER_HELP_IN = {
    # TRANSLATORS: help text for {pakketvraag} in the follow-up that asks about a message and a parcel at once.
    "reply.1.parcel": {"pakketvraag": N_("one question whether both your unanswered message and the parcel that is "
                                         "due for a check-in arrived, e.g. “Did both my message and the parcel with "
                                         "the Naamketting reach you?”")},
}


def placeholder_label(template_id: str, name: str) -> str:
    """The name of ``name`` in the template editor for ``template_id`` (a "placeholder" msgid)."""
    return _PLACEHOLDER_LABELS_IN.get(template_id, {}).get(name) or PLACEHOLDER_LABELS[name]


def placeholder_help(template_id: str, name: str) -> str:
    """What ``name`` stands for in ``template_id`` (a msgid): the help the editor shows."""
    return _PLACEHOLDER_HELP_IN.get(template_id, {}).get(name) or PLACEHOLDERS[name]


# A message whose signature would have neither of these is not signed at all.
UNSIGNED = frozenset({"afzender", "winkel"})


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    template: str
    language: str
    form: str
    missing: tuple[str, ...] = ()  # placeholders without a value: their sentences were left out
    greeting: str = ""  # {aanhef} as it was filled in ("Hoi Sanne,"): for_channel finds it at the start

    @property
    def incomplete(self) -> tuple[str, ...]:
        """The missing values the message cannot do without (ask before showing it). The
        owner's name and her shop's are each optional, not both: without either the message
        ends on "Groetjes," and the reader cannot tell who wrote (audit 9, F3)."""
        needed = tuple(name for name in self.missing if name not in OPTIONAL)
        if UNSIGNED <= set(self.missing):
            needed += tuple(sorted(UNSIGNED))
        return needed


# Which placeholders get a value when a template is sent (presentation/due_texts.values_for for the
# ladder and order reminders, store/orders.compose, store/due.compose_for): the editor
# offers only these. Every template has the people and the greeting; the rest per family.
_EVERY_TEMPLATE = ("voornaam", "aanhef", "groet", "naam", "winkel", "afzender")
_ORDER = ("product", "bestelnummer", "beloofde_datum", "personalisatie", "prijs")
_PLACEHOLDERS_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "ladder": ("afspraken", "product", "deadline", "dagen_te_laat", "afgesproken_op", "gevolg", "kosten",
               "pauzedatum", "pakketvraag", "gevolgen", "vervalt_ook", "blijft_staan"),
    "shipment.received": ("afspraken", "product", "verzonden_op", "afgesproken_op", "kosten"),
    "shipment.received.again": ("afspraken", "product", "verzonden_op", "afgesproken_op", "kosten"),
    "shipment.received.again.returned": ("afspraken", "product", "verzonden_op", "afgesproken_op", "kosten"),
    "reply": ("bericht_van", "titel", "afgesproken_op", "pakketvraag"),
    "answered": ("afspraken", "product", "deadline", "antwoord_op", "afgesproken_op", "gevolg", "kosten", "pauzedatum",
                 "gevolgen", "vervalt_ook", "blijft_staan"),
    "order": _ORDER,  # confirmation, ready, sending again
    "order.delay": _ORDER + ("nieuwe_datum",),
    "order.update": _ORDER + ("nieuwe_datum",),
    "order.late": _ORDER + ("nieuwe_datum",),
    "order.shipped": _ORDER + ("vervoerder", "track_trace", "ontvanger"),
    "order.confirmation": _ORDER + ("ontvanger",),
    "order.confirmation.gift": _ORDER + ("ontvanger",),
    "order.shipped.gift": _ORDER + ("vervoerder", "track_trace", "ontvanger"),
    "order.shipped.again": _ORDER + ("vervoerder", "track_trace", "ontvanger"),
    "order.shipped.gift.again": _ORDER + ("vervoerder", "track_trace", "ontvanger"),
    "order.shipped.gift.again.returned": _ORDER + ("vervoerder", "track_trace", "ontvanger"),
    "order.resend.returned": _ORDER + ("adres",),
    "order.delay.again": _ORDER + ("nieuwe_datum",),
    "order.late.again": _ORDER + ("nieuwe_datum",),
    "agreement": ("titel", "voorwaarden"),
    "agreement.moved": ("titel", "wijzigingen", "waarom"),
    "ending": ("titel", "reden"),
    "label": ("titel", "ontbreekt", "inhoud"),
    "label.agreed": ("titel", "ontbreekt", "inhoud"),
}


def placeholders_for(template_id: str) -> tuple[str, ...]:
    """The placeholders a template can use (in the order of PLACEHOLDERS): those that get a
    value when it is sent, and any its default wording uses."""
    base = template_id.removesuffix(".alt")
    family = _PLACEHOLDERS_BY_FAMILY.get(base) or _PLACEHOLDERS_BY_FAMILY.get(base.split(".")[0], ())
    template = TEMPLATES.get(template_id)
    used = placeholders_in(template.subject + template.body) if template else set()
    wanted = set(_EVERY_TEMPLATE) | set(family) | used
    return tuple(name for name in PLACEHOLDERS if name in wanted)


_SENTENCE_END = re.compile(r"[.!?]+[ \t]+|[.!?]+$|\n")
_TRAILING_WORDS = ("van", "bij", "voor", "over", "met", "from", "at", "for", "about", "with", "of", "on")


def _boundaries(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a sentence ends after . ! ? (and its spaces) or at a
    line break; a line ending in ":" runs on into the next line (a link, a list)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0) == "\n":
            if text[:m.start()].rstrip(" \t").endswith(":") and text[m.end():m.end() + 1] != "\n":
                continue
            if m.start() > start:
                spans.append((start, m.start()))
            start = m.end()
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# A title quoted in a sentence ("my message about “{titel}”", "our collaboration „{titel}”")
# names what the sentence is about: without it the sentence stands on its own, so only the
# quoted title goes, with the word that introduces it ("about", "over"). Other values take
# their sentence with them.
_QUOTED_NAMES = ("{titel}",)
_QUOTES = {"“": "”", "„": "”", '"': '"', "‘": "’", "«": "»"}
_INTRODUCING = ("about", "over")


def _quoted(text: str, name_at: int, token_end: int) -> tuple[int, int] | None:
    """The span of a quoted title and the word introducing it, or None."""
    if text[name_at:token_end] not in _QUOTED_NAMES or name_at == 0 or token_end >= len(text):
        return None
    opening, closing = text[name_at - 1], text[token_end]
    if _QUOTES.get(opening) != closing:
        return None
    start, end = name_at - 1, token_end + 1
    before = re.search(r"(\S+)[ \t]*$", text[:start])  # the word before it, on its own line or after a break
    if before is not None and before.group(1).lower() in _INTRODUCING:
        start = before.start(1)
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if start == 0 or text[start - 1] == "\n":  # it began its line: the line goes on without a space
        while end < len(text) and text[end] in " \t":
            end += 1
    return start, end


def _without(text: str, name_at: int, token_end: int, subject: bool) -> tuple[int, int]:
    """The span to leave out for a missing value at ``name_at``: its parenthesis, a quoted
    title (:data:`_QUOTED_NAMES`), its sentence, or (in a subject) only the value."""
    line_start = text.rfind("\n", 0, name_at) + 1
    line_end = text.find("\n", token_end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:name_at]
    after = text[token_end:line_end]
    # A line introduced by the one before ("You can follow your parcel here:\n{track_trace}")
    # goes with its introduction: its sentence runs on across the line (_boundaries).
    introduced = text[:max(line_start - 1, 0)].rstrip(" \t").endswith(":")
    if not before.strip() and not after.strip() and not subject and not introduced:
        # a value on a line of its own (the signature's name): the line goes, not only its
        # text ("Groetjes,\n\nZilver & Zo" when the owner left her name empty)
        return (line_start, line_end + 1) if line_end < len(text) else (max(line_start - 1, 0), line_end)
    if "(" in before and ")" not in before[before.rfind("("):] and ")" in after and "(" not in after[:after.find(")")]:
        open_at = line_start + before.rfind("(")
        close_at = token_end + after.find(")") + 1
        while open_at > line_start and text[open_at - 1] == " ":
            open_at -= 1
        return open_at, close_at
    quoted = _quoted(text, name_at, token_end)
    if quoted is not None:
        return quoted
    if subject:
        return name_at, token_end
    for start, end in _boundaries(text):
        if start <= name_at < end:
            return start, end
    return name_at, token_end


# Two asides in a row ("je Sleutelhanger (3 stuks) (bestelling #1038)": a value that carries
# its own, then the template's) read as one: "(3 stuks, bestelling #1038)".
_TWO_ASIDES = re.compile(r"\(([^()\n]*)\)[ \t]+\(([^()\n]*)\)")


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+([.,;:!?)])", r"\1", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _tidy_subject(text: str) -> str:
    text = _tidy(text).rstrip(" :;,-–")
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_WORDS:
        words.pop()
        text = " ".join(words).rstrip(" :;,-–")
        words = text.split()
    return text


_CLOSING = ".!?…"
_CLOSERS = "\"'”’»)]"


def _ends_sentence(value: str) -> bool:
    """Does ``value`` end with a full stop, ! ? or … (before any closing quote or bracket)?"""
    return value.rstrip().rstrip(_CLOSERS)[-1:] in tuple(_CLOSING)


def closed_sentence(value: str, after: str) -> str:
    """A clause the owner typed (:data:`SENTENCE_VALUES`) as it reads before ``after``, the
    template's text that follows it: with a full stop when the template ends the sentence
    there (a line break or the end) and the owner typed none, without the owner's own full
    stop when the template puts its own mark right after it ("{gevolg}.")."""
    value = value.rstrip()
    if not value:
        return value
    rest = after.lstrip(" \t")
    if rest[:1] in ("", "\n"):
        return value if _ends_sentence(value) else value + "."
    if rest[:1] in tuple(_CLOSING) and value.endswith("."):
        return value.rstrip(".")
    return value


# Marks a typed clause that ends with its own "!", "?" or "…" where the template puts a full
# stop after it: the full stop is dropped ("dan factureren we de ring!." was sent).
_OWN_MARK = "\x00"


def fill_text(text: str, values: Mapping[str, str], subject: bool = False) -> tuple[str, tuple[str, ...]]:
    """Replace ``{name}`` by its value; never raises. A known placeholder without a value
    never shows: the sentence (or parenthesis) that needs it is left out, in a subject
    only the value. A clause the owner typed that ends a sentence gets one closing mark
    (:func:`closed_sentence`). Returns the text and the names that had no value. Anything
    that is not a known name stays as typed (``validate`` keeps it out of saved templates).
    A placeholder may be spelled in English ("{greeting}"): read as its canonical name."""
    text = canonical(text)
    missing: list[str] = []
    cuts: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        name = m.group(1)
        if name is None or name not in PLACEHOLDERS or values.get(name) not in (None, ""):
            continue
        missing.append(name)
        cuts.append(_without(text, m.start(), m.end(), subject))
    if cuts:
        kept, at = [], 0
        for start, end in sorted(cuts):
            if start > at:
                kept.append(text[at:start])
            at = max(at, end)
        kept.append(text[at:])
        text = "".join(kept)

    def one(m: re.Match) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = m.group(1)
        if name is None or name not in PLACEHOLDERS:
            return token
        value = str(values.get(name) or "")
        if name in SENTENCE_VALUES and not subject:
            line_end = m.string.find("\n", m.end())
            after = m.string[m.end():] if line_end < 0 else m.string[m.end():line_end + 1]
            value = closed_sentence(value, after)
            if after[:1] == "." and _ends_sentence(value):  # "…de ring!" before the template's "."
                return value + _OWN_MARK
            return value
        return value

    filled = _TOKEN.sub(one, text).replace(_OWN_MARK + ".", "").replace(_OWN_MARK, "")
    if missing:
        filled = _tidy_subject(filled) if subject else _tidy(filled)
    if not subject:
        filled = _TWO_ASIDES.sub(r"(\1, \2)", filled)
    return filled, tuple(dict.fromkeys(missing))


def fill(text: str, values: Mapping[str, str]) -> str:
    """:func:`fill_text` without the list of missing names."""
    return fill_text(text, values)[0]


def cut_takes(text: str, name: str, other: str) -> bool:
    """Would leaving ``{name}`` out of ``text`` (its sentence or parenthesis, as
    :func:`fill_text` does for a missing value) take ``{other}`` with it?"""
    for m in _TOKEN.finditer(text):
        if m.group(1) == name:
            start, end = _without(text, m.start(), m.end(), subject=False)
            if "{" + other + "}" in text[start:end]:
                return True
    return False


# A closing greeting, Dutch or English, as a sign-off starts: "Met vriendelijke groet",
# "Liefs", "Groetjes", "Kind regards", "Thanks again", "xx" (lower case; longer phrases first).
_CLOSING_GREETING = re.compile(
    r"(?:(?:met|veel|vele|lieve|hele|dikke|warme|zonnige|vriendelijke|hartelijke|hartelijk|"
    r"alvast|nogmaals|kind|best|warm|warmest|many|lots\s+of|all\s+the|with|thanks\s+and)\s+)*"
    r"(?:groetjes|groeten|groet|grtjs|gr|liefs|doei|doeg|dag|tot\s+snel|tot\s+gauw|kusjes|kus|"
    r"knuffels|knuffel|dank\s+je\s+wel|dank\s+u\s+wel|dank\s+je|dank\s+u|dankjewel|dankuwel|dank|bedankt|"
    r"best\s+wishes|regards|best|wishes|love|thank\s+you|thanks|cheers|sincerely|yours|warmly|"
    r"take\s+care|speak\s+soon|talk\s+soon|bye|xo(?:xo)*|x+)"
    r"(?:\s+(?:alvast|nogmaals|again))?"
    r"(?![\w'’-])")
# the words of a name that are not capitalised: "Eva van Zilver & Zo", "Team de Vries", "x"
_NAME_PARTICLES = frozenset(
    "van de der den het 't te ter ten von la le du da del & en and + from x xx xxx".split())


def _signer(words: str) -> bool:
    """Can ``words`` be who signs (what follows a closing greeting on its line, or a line
    under it): nothing, a kiss ("xx"), a name ("Eva", "Eva van Zilver & Zo"), not (the rest
    of) a sentence ("voor je snelle reactie!", "Ik hoor graag van je.")?"""
    words = words.strip(" \t,.;:!-–—~♥♡❤️😘🤍💕")
    if not words:
        return True
    if len(words) > 40 or "?" in words or "!" in words:
        return False
    for word in words.split():
        letters = "".join(c for c in word if c.isalpha())
        if letters and not letters[0].isupper() and word.lower() not in _NAME_PARTICLES:
            return False
    return True


def _signed_off(paragraph: str) -> bool:
    """Is ``paragraph`` a sign-off written out, a few short lines: the first a closing greeting
    that ends in a comma ("Liefs,\nEva van Zilver & Zo"), or one with or without punctuation,
    alone or with her name after it ("Met vriendelijke groet\nEva", "Groetjes!\nEva", "Liefs, Eva",
    "Liefs x Eva", "Kind regards\nEva"), or one that goes on ("Groeten uit Utrecht") above her
    name; the lines under it her name, her shop or its address? Not a last sentence that starts
    like one ("Dank je wel voor je snelle reactie!", "Bedankt!\nIk hoor graag van je.")."""
    lines = [line.strip() for line in paragraph.strip().split("\n")]
    if len(lines) > 4 or any(len(line) > 60 for line in lines):
        return False
    if lines[0].endswith(","):
        return True
    closing = _CLOSING_GREETING.match(lines[0].lower())
    if closing is None or not (len(lines) > 1 or _signer(lines[0][closing.end():])):
        return False
    # the lines under it: her name, her shop, its address ("zilverenzo.nl")
    return all(_signer(line) or re.fullmatch(r"\S+[.@]\S+", line) for line in lines[1:])


def with_paragraph(text: str, name: str) -> str:
    """``text`` with ``{name}`` in it: as it is when it already has it, else as a
    paragraph of its own before the sign-off line ({groet}, or the owner's own words for it:
    "Liefs,\nEva", "Met vriendelijke groet\nEva", "Liefs x Eva"), or at the end."""
    if name in placeholders_in(text):
        return text
    at = text.find("{groet}")
    if at < 0:
        head, gap, last = text.rstrip().rpartition("\n\n")
        if gap and _signed_off(last):  # her sign-off written out: the paragraph comes before it
            return head + "\n\n{" + name + "}\n\n" + last
        return text.rstrip() + "\n\n{" + name + "}"
    line_start = text.rfind("\n", 0, at) + 1
    return text[:line_start] + "{" + name + "}\n\n" + text[line_start:]


def local_day(now: datetime, tz: tzinfo) -> date:
    """The owner's calendar day at ``now`` (a naive UTC moment, as the store keeps them)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(tz).date()


def format_value(value: object, recipient: Recipient, now: datetime | None = None,
                 tz: tzinfo = timezone.utc) -> str:
    """One typed value as the recipient reads it."""
    if value is None:
        return ""
    locale = recipient.locale
    if isinstance(value, datetime):  # naive UTC moment: the owner's local day
        value = value.replace(tzinfo=timezone.utc).astimezone(tz).date()
    if isinstance(value, date):
        if now is None:
            return babel_dates.format_date(value, "EEEE d MMMM", locale=locale)
        return i18n.weekday_date(value, local_day(now, tz), locale)
    if isinstance(value, Money):
        return i18n.format_money(value.cents, value.currency, locale=locale)
    if isinstance(value, DaysLate):
        catalog = i18n.translations_for(recipient.lang)
        return catalog.ngettext("{n} day late", "{n} days late", value.days).format(n=value.days)
    if isinstance(value, (list, tuple)):
        items = [format_value(v, recipient, now, tz) for v in value if v not in (None, "")]
        return babel_lists.format_list(items, locale=locale) if items else ""
    return str(value)


# --- the default templates -----------------------------------------------------------

@dataclass(frozen=True)
class Template:
    id: str
    title: str  # N_ text: the name in the template editor
    subject: str  # English source; Dutch per form through the "je"/"u" contexts
    body: str  # English source; Dutch per form through the "je"/"u" contexts


TEMPLATES: dict[str, Template] = {}


def _t(id_: str, title: str, subject: str, body: str) -> None:
    # One English source, extracted for both forms of address (NF_: the contexts "je" and
    # "u", desktop/i18n_extract.py); the forms only differ in Dutch.
    TEMPLATES[id_] = Template(id_, title, subject, body)


# Every default template opens with {aanhef} and closes with {groet} (see GREETINGS and
# SIGN_OFFS below), so the greeting and the sign-off follow the recipient's form of address
# and country in one place. A sentence whose value is unknown is left out when rendering:
# keep a value that may be missing in a sentence (or a parenthesis) of its own.
# TRANSLATORS: message templates to influencers and customers. Keep every {placeholder}
# exactly as it is. "je" context = informal Dutch (je/jij), "u" context = formal Dutch (u).
# Contexts "je_BE"/"u_BE" = the same text for Belgian readers; translate them only where
# Belgians say it differently (otherwise leave them empty). See docs/GLOSSARY.md.
# The templates of the ladder are named as its steps are everywhere else (labels.py "due_step",
# the settings' ladder page): one name per step.
_t(
    "ladder.1",
    N_("Step 1: reminder"),
    NF_("A quick check-in from {winkel}"),
    NF_("{aanhef}\n\nJust checking in about {afspraken} (due {deadline}). Is everything OK? If something has "
        "come up or you could use a hand, do let me know.\n\nWhen do you think you'll be able to post?\n\n"
        "{pakketvraag}\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "ladder.1.alt",
    N_("Step 1: reminder (alternative wording)"),
    NF_("A gentle reminder from {winkel}"),
    NF_("{aanhef}\n\nA gentle reminder about {afspraken} (due {deadline}). Is there anything I can help "
        "with? If you let me know when you expect to post, I can plan around it.\n\n{pakketvraag}\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "ladder.2",
    N_("Step 2: why the deadline matters"),
    NF_("Why an agreed date matters to us"),
    NF_("{aanhef}\n\nI haven't heard from you yet about {afspraken} (due {deadline}). I'd like to explain why "
        "an agreed date matters to us: we plan our collections, promotions and stock around what we agree with "
        "our partners, so when something is late, the rest of our schedule slips too.\n\nCould you get it done "
        "in the next few days, or tell me a date that does work for you?\n\n{groet}\n{afzender}\n{winkel}"),
)
# Step 2's other wording is the one for a message that names a late deliverable for the first
# time (it joined the conversation at step 2: followup ``_Next.joined``): its opening claims no
# earlier word about any of {afspraken} ("I'm following up on", "Ik kom nog even terug op" did).
_t(
    "ladder.2.alt",
    N_("Step 2: why the deadline matters (alternative wording)"),
    NF_("A note on our planning at {winkel}"),
    NF_("{aanhef}\n\nI'm getting in touch about {afspraken} (due {deadline}). For a small shop like "
        "ours every agreement counts: we set products aside, time our own posts around yours and tell "
        "customers what's coming. That only works if we both stick to the dates we agreed.\n\nCould you let "
        "me know in the next few days how you'd like to proceed?\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "ladder.3",
    N_("Step 3: another channel"),
    NF_("Trying to reach you"),
    NF_("{aanhef} I'm trying to reach you this way because I haven't heard from you about "
        "{afspraken}. Is everything all right? A quick reply is enough, and we'll sort it out together.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "ladder.3.alt",
    N_("Step 3: another channel (alternative wording)"),
    NF_("A quick question from {winkel}"),
    NF_("{aanhef} I'd like to hear from you about {afspraken} (due {deadline}). I hope all is well! "
        "Could you drop me a line when you see this?\n\n{groet}\n{afzender}\n{winkel}"),
)
# Step 4 names the deadline in its own sentence ("since the deadline of ..."): when the
# deliverables have different deadlines, {afspraken} names each one's date and that sentence
# is left out, so it never speaks of "the deadline" with two of them. A final notice is one
# message for everything it ends (message review, findings 5 and 8): when it names the late
# work of several collaborations, {gevolgen} gives each its own date, consequence and value
# ({afgesproken_op}, {gevolg} and {kosten} are then left out with their sentences);
# {vervalt_ook} says what else of those agreements ends with them (not due yet), and
# {blijft_staan} what of her other agreements still stands. Each is a paragraph of its own,
# left out when there is nothing to say.
_t(
    "ladder.4",
    N_("Step 4: final reminder"),
    NF_("Final reminder about our agreement"),
    NF_("{aanhef}\n\nThis is my final reminder about {afspraken}. We made this agreement on {afgesproken_op}. "
        "The deadline was {deadline}, and I haven't heard from you since.\n\nIf there's still no reply from "
        "you by {pauzedatum}, I'll end our collaboration. In that case, the consequence we agreed on applies: "
        "{gevolg}. For reference, what we sent you is worth {kosten}.\n\n{gevolgen}\n\n{vervalt_ook}\n\n"
        "{blijft_staan}\n\nI'd much rather sort this out together, so please let me know how you'd like to "
        "proceed.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "ladder.4.alt",
    N_("Step 4: final reminder (alternative wording)"),
    NF_("One last message about our agreement"),
    NF_("{aanhef}\n\nI'm writing to you about {afspraken}. The deadline was {deadline}, and I haven't heard "
        "from you since. This is my last message about it: if there's still no reply from you by {pauzedatum}, "
        "I'll have to end the collaboration. In that case, the consequence we agreed on applies: {gevolg}. For "
        "reference, what we sent you is worth {kosten}.\n\n{gevolgen}\n\n{vervalt_ook}\n\n{blijft_staan}\n\n"
        "A short message is all it takes to sort it out together.\n\n{groet}\n{afzender}\n{winkel}"),
)
# After her answer (rule "deliverable_answered"): she wrote ("it's coming!") on {antwoord_op}
# and has not posted since. These never say "I haven't heard from you"; {afspraken} is the
# object of "I haven't seen …" so that one post and two stories read alike.
_t(
    "answered.1",
    N_("After her answer: still not posted"),
    NF_("Checking in about what we agreed"),
    NF_("{aanhef}\n\nThanks for your message on {antwoord_op}. I haven't seen {afspraken} yet, so I'm checking in: "
        "will it work out in the next few days? If something has come up, just let me know and we'll find a new date "
        "together.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "answered.1.alt",
    N_("After her answer: still not posted (alternative wording)"),
    NF_("A short question"),
    NF_("{aanhef}\n\nThank you for writing to me on {antwoord_op}. I'm still looking forward to {afspraken}: could "
        "you let me know when you think you'll post?\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "answered.4",
    N_("After her answer: final reminder"),
    NF_("Final reminder about our agreement"),
    NF_("{aanhef}\n\nSince your message on {antwoord_op}, I've written to you again, and I still haven't seen "
        "{afspraken}. This is my final reminder about our agreement. We made it on {afgesproken_op}.\n\nIf I haven't "
        "heard from you again by {pauzedatum}, I'll end our collaboration. In that case, the consequence we agreed on "
        "applies: {gevolg}. For reference, what we sent you is worth {kosten}.\n\n{gevolgen}\n\n{vervalt_ook}\n\n"
        "{blijft_staan}\n\nI'd much rather sort this out "
        "together, so please let me know how you'd like to proceed.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "answered.4.alt",
    N_("After her answer: final reminder (alternative wording)"),
    NF_("One last message about our agreement"),
    NF_("{aanhef}\n\nThanks for your message on {antwoord_op}. I still haven't seen {afspraken}, so this is my last "
        "message about it: if I haven't heard from you again by {pauzedatum}, I'll have to end the collaboration. "
        "In that case, the consequence we agreed on applies: {gevolg}. For reference, what we sent you is worth "
        "{kosten}.\n\n{gevolgen}\n\n{vervalt_ook}\n\n{blijft_staan}\n\nA short message is all it takes to sort it "
        "out together.\n\n{groet}\n{afzender}\n{winkel}"),
)
# A final notice that ends several collaborations at once (message review, finding 5: one notice,
# one date) says so in the plural: "I'll end our collaborations", "our agreements" (review of the
# ladder, defect 1: a joint notice said "onze samenwerking" of two). The messages above in their
# own wording for that case (``wording``), without the sentences of the one agreed consequence and
# value: {gevolgen} gives each collaboration its own, and {afgesproken_op} is left out with it.
_t(
    "ladder.4.several",
    N_("Step 4: final reminder, several collaborations"),
    NF_("Final reminder about our agreements"),
    NF_("{aanhef}\n\nThis is my final reminder about {afspraken}. We made these agreements on {afgesproken_op}. "
        "The deadline was {deadline}, and I haven't heard from you since.\n\nIf there's still no reply from "
        "you by {pauzedatum}, I'll end our collaborations.\n\n{gevolgen}\n\n{vervalt_ook}\n\n{blijft_staan}\n\n"
        "I'd much rather sort this out together, so please let me know how you'd like to proceed.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "ladder.4.several.alt",
    N_("Step 4: final reminder, several collaborations (alternative wording)"),
    NF_("One last message about our agreements"),
    NF_("{aanhef}\n\nI'm writing to you about {afspraken}. The deadline was {deadline}, and I haven't heard "
        "from you since. This is my last message about them: if there's still no reply from you by "
        "{pauzedatum}, I'll have to end our collaborations.\n\n{gevolgen}\n\n{vervalt_ook}\n\n{blijft_staan}\n\n"
        "A short message is all it takes to sort it out together.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "answered.4.several",
    N_("After her answer: final reminder, several collaborations"),
    NF_("Final reminder about our agreements"),
    NF_("{aanhef}\n\nSince your message on {antwoord_op}, I've written to you again, and I still haven't seen "
        "{afspraken}. This is my final reminder about our agreements. We made them on {afgesproken_op}.\n\nIf I "
        "haven't heard from you again by {pauzedatum}, I'll end our collaborations.\n\n{gevolgen}\n\n"
        "{vervalt_ook}\n\n{blijft_staan}\n\nI'd much rather sort this out together, so please let me know how "
        "you'd like to proceed.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "answered.4.several.alt",
    N_("After her answer: final reminder, several collaborations (alternative wording)"),
    NF_("One last message about our agreements"),
    NF_("{aanhef}\n\nThanks for your message on {antwoord_op}. I still haven't seen {afspraken}, so this is my "
        "last message about them: if I haven't heard from you again by {pauzedatum}, I'll have to end our "
        "collaborations.\n\n{gevolgen}\n\n{vervalt_ook}\n\n{blijft_staan}\n\nA short message is all it takes "
        "to sort it out together.\n\n{groet}\n{afzender}\n{winkel}"),
)
# The final notices above and their wording when they end several collaborations.
SEVERAL_COLLABORATIONS = {
    "ladder.4": "ladder.4.several", "ladder.4.alt": "ladder.4.several.alt",
    "answered.4": "answered.4.several", "answered.4.alt": "answered.4.several.alt",
}


# The follow-up of her unanswered message that asks whether it arrived, in its wording for a parcel
# check-in riding along: one question about both (``Owed.asked_with_message``), not two. Unless the
# owner reworded the first and not the second (``wording``'s ``own``): her own words then, with
# the parcel question as another subject (``Owed.asked_apart``) closing them.
ASKS_ARRIVAL = {"reply.1": "reply.1.parcel"}


# The parcel check-in about a new parcel sent because the one before it got lost or came back
# (``Owed.replaces``): its own wording, "lost" or "returned" (the owner edits each as a template).
REPLACEMENT_PARCEL = {
    "lost": {"shipment.received": "shipment.received.again", "shipment.received.alt": "shipment.received.again"},
    "returned": {"shipment.received": "shipment.received.again.returned",
                 "shipment.received.alt": "shipment.received.again.returned"},
}


def wording(template_id: str, owed: Owed | None, own: Collection[str] = ()) -> str:
    """The template a ladder step's message is written in: its own, or for a final notice
    about the work of several collaborations (``Owed.collaborations``), its plural wording
    ("I'll end our collaborations"; the owner edits it as a template of its own); the
    check-in of a parcel that replaces one that got lost or came back (``Owed.replaces``)
    in the words of the new parcel ("Has your parcel arrived?" read as if the lost one
    were asked about, or as if there had been only one); the first follow-up of her unanswered
    message ("did it reach you?") with a parcel check-in riding along asks after both in one
    question (``ASKS_ARRIVAL``), never twice whether something arrived; but when the owner
    reworded that follow-up and not its wording with the parcel (``own``: the templates she has
    her own text of), her words are sent (with the parcel question closing them, ``Owed.asked_apart``):
    the standard text in their place lost her wording, greeting and signature."""
    if owed is not None and owed.pakketvraag and template_id in ASKS_ARRIVAL:
        joined = ASKS_ARRIVAL[template_id]
        return template_id if template_id in own and joined not in own else joined
    if owed is not None and owed.collaborations > 1:
        return SEVERAL_COLLABORATIONS.get(template_id, template_id)
    if owed is not None and owed.replaces:
        return REPLACEMENT_PARCEL.get(owed.replaces, {}).get(template_id, template_id)
    return template_id


# The follow-up of an unanswered message (rule "reply"): she owes an answer, not a
# deliverable, so these never speak of a deadline or of work to finish. {bericht_van} is
# the day of the shop's message, {titel} the collaboration it was about.
_t(
    "reply.1",
    N_("Unanswered message, step 1: did it arrive?"),
    NF_("Did my message reach you?"),
    NF_("{aanhef}\n\nOn {bericht_van} I sent you a message about “{titel}”, but I haven't heard back yet. "
        "Did it reach you? A one-line reply is plenty.\n\n{groet}\n{afzender}\n{winkel}"),
)
# Step 1 with a parcel check-in riding along ({pakketvraag}, ``wording``): step 1 asks whether her
# message arrived, and a closing "Oh, and did the parcel arrive?" asked it a second time ("Is het goed
# aangekomen? … O ja, is het pakketje … goed aangekomen?"); here one question asks after both.
_t(
    "reply.1.parcel",
    # TRANSLATORS: a template's name in the editor: step 1 as sent when a parcel check-in falls due with it.
    N_("Unanswered message, step 1: did it arrive? (with a parcel check-in)"),
    # TRANSLATORS: subject of a follow-up that asks whether both an earlier message and a parcel arrived.
    NF_("Did my message and parcel reach you?"),
    NF_("{aanhef}\n\nOn {bericht_van} I sent you a message about “{titel}”, but I haven't heard back yet. "
        "{pakketvraag} A one-line reply is plenty.\n\n{groet}\n{afzender}\n{winkel}"),
)
# When a template is sent, where its name cannot say it all: the template editor shows it.
TEMPLATE_NOTES = {
    # TRANSLATORS: in the template editor, under the template "Unanswered message, step 1: did it arrive?
    # (with a parcel check-in)". Her own step 1 gets the parcel question before her sign-off
    # (``with_paragraph``), not at the end.
    "reply.1.parcel": N_("Sent instead of step 1 when a parcel's check-in falls due at the same time: one question "
                         "asks whether both your message and the parcel arrived. If you changed step 1's text and "
                         "not this one, your step 1 is sent, with the question about the parcel before your "
                         "sign-off."),
}
_t(
    "reply.1.alt",
    N_("Unanswered message, step 1: did it arrive? (alternative wording)"),
    NF_("About my message from {bericht_van}"),
    NF_("{aanhef}\n\nI'm following up on my message from {bericht_van} about “{titel}”, as I haven't had an "
        "answer yet. Could you let me know what you think?\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "reply.2",
    N_("Unanswered message, step 2: the agreed response time"),
    NF_("Still hoping to hear from you"),
    NF_("{aanhef}\n\nMy message from {bericht_van} about “{titel}” is still unanswered. When we "
        "started working together, we agreed on how soon you'd reply, so that we can both plan "
        "ahead. Could you let me know where things stand?\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "reply.2.alt",
    N_("Unanswered message, step 2: the agreed response time (alternative wording)"),
    NF_("A question about “{titel}”"),
    NF_("{aanhef}\n\nI still haven't had an answer to my message from {bericht_van} about “{titel}”, and "
        "without it I can't plan the next steps on our side. Could you reply in the next few days, even if "
        "it's only to say you need more time?\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "reply.3",
    N_("Unanswered message, step 3: another channel"),
    NF_("Trying to reach you"),
    NF_("{aanhef} I'm trying to reach you this way because my message from {bericht_van} about “{titel}” is "
        "still unanswered. Is everything all right? A short message is enough.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "reply.3.alt",
    N_("Unanswered message, step 3: another channel (alternative wording)"),
    NF_("A quick question from {winkel}"),
    NF_("{aanhef} just checking that all is well: I haven't had a reply yet to my message from {bericht_van} "
        "about “{titel}”. A short message is enough!\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "shipment.received",
    N_("Check-in: has the parcel arrived?"),
    NF_("Has your parcel arrived?"),
    NF_("{aanhef}\n\nDid the parcel with the {product} reach you safely? I sent it on {verzonden_op}. I'd "
        "love to hear what you think of it!\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "shipment.received.alt",
    N_("Check-in: has the parcel arrived? (alternative wording)"),
    NF_("Your parcel from {winkel}"),
    NF_("{aanhef}\n\nQuick question: did my parcel reach you? I sent the {product} on {verzonden_op}. "
        "Just drop me a line so I know it hasn't gone astray.\n\n{groet}\n{afzender}\n{winkel}"),
)
# A new parcel to her, sent because the one before it got lost on its way or came back to the
# shop (Zendingen: "Lost", "Returned"): she reads that this is about the new parcel and why
# there is one, never a plain "has your parcel arrived?" that she might answer about the first.
# What happened and the question each stand in a sentence of their own: without a date or a
# product, only the sentence that names it is left out.
_t(
    "shipment.received.again",
    N_("Check-in: has the new parcel arrived? (the one before it got lost)"),
    NF_("Has the new parcel arrived?"),
    NF_("{aanhef}\n\nThe parcel I sent you earlier got lost on its way. On {verzonden_op} I sent you the {product} "
        "again. Did the new parcel reach you safely? I'd love to hear what you think of it!\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "shipment.received.again.returned",
    N_("Check-in: has the new parcel arrived? (the one before it came back)"),
    NF_("Has the new parcel arrived?"),
    NF_("{aanhef}\n\nThe parcel I sent you earlier was not delivered and came back to me. On {verzonden_op} I sent "
        "you the {product} again. Did the new parcel reach you safely? I'd love to hear what you think of it!\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.delay",
    N_("Custom order: delay notice before the promised date"),
    NF_("News about your order {bestelnummer}"),
    NF_("{aanhef}\n\nUnfortunately, making your {product} (order {bestelnummer}) is taking a little longer "
        "than planned. We'd promised your order would be ready on {beloofde_datum}. We now expect to have "
        "everything ready on {nieuwe_datum}.\n\nSorry for the delay, and thank you for your patience.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.delay.alt",
    N_("Custom order: delay notice before the promised date (alternative wording)"),
    NF_("Your order {bestelnummer}: a new date"),
    NF_("{aanhef}\n\nA short note about your {product} (order {bestelnummer}): it is taking a little longer than "
        "planned. Our new expected date is {nieuwe_datum} (instead of {beloofde_datum}). Rest assured, we're "
        "taking good care of it!\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.update",
    N_("Custom order: an update during production"),
    NF_("An update on your order {bestelnummer}"),
    NF_("{aanhef}\n\nA quick update on your {product} (order {bestelnummer}): everything is still on track. "
        "It will be ready on {beloofde_datum}, as promised. As soon as your order is on its way, we'll let you "
        "know.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.update.alt",
    N_("Custom order: an update during production (alternative wording)"),
    NF_("Your order {bestelnummer}"),
    NF_("{aanhef}\n\nJust to let you know: we're right on schedule with your {product} (order {bestelnummer}). "
        "We're sticking to {beloofde_datum}. You'll hear from us as soon as your order ships.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
# The promised day is over and the order is not ready (rule "order_late"; the order
# dialog's delay message for a late order): an apology with the new date, never "before".
_t(
    "order.late",
    N_("Custom order: the promised date has passed"),
    NF_("Your order {bestelnummer} is running late"),
    NF_("{aanhef}\n\nWe're sorry: your order should have been ready on {beloofde_datum}, and it isn't yet. We now "
        "expect to have your {product} (order {bestelnummer}) ready on {nieuwe_datum}. We'll let you know "
        "the moment your order is on its way.\n\nApologies for the wait, and thank you for your patience.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.late.alt",
    N_("Custom order: the promised date has passed (alternative wording)"),
    NF_("News about your order {bestelnummer}"),
    NF_("{aanhef}\n\nA short note: we didn't manage to finish your {product} (order {bestelnummer}) by the day we "
        "promised ({beloofde_datum}). We're sorry. We now expect to have everything ready "
        "on {nieuwe_datum}.\n\nThank you for bearing with us.\n\n{groet}\n{afzender}\n{winkel}"),
)

# News of a delay after an earlier one (``due_texts.order_template``: any message that gave
# the customer a later date, whatever came between): it says the order is late again, with
# an apology, rather than repeating the first news word for word. Neither makes {product}
# the subject of a verb: "(3 pieces)" read as "your necklace (3 pieces) is".
_t(
    "order.delay.again",
    N_("Custom order: another delay notice before the date given"),
    NF_("Your order {bestelnummer}: another new date"),
    NF_("{aanhef}\n\nWe're sorry, but we need a little more time for your {product} (order {bestelnummer}) once "
        "again. The last date we gave you was {beloofde_datum}. We now expect to have everything ready on "
        "{nieuwe_datum}.\n\nWe know this means a longer wait than planned. Thank you for your patience.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.delay.again.alt",
    N_("Custom order: another delay notice before the date given (alternative wording)"),
    NF_("Another update on your order {bestelnummer}"),
    NF_("{aanhef}\n\nA short note about your {product} (order {bestelnummer}): unfortunately, we have to move the "
        "date once more. Our new expected date is {nieuwe_datum} (instead of {beloofde_datum}). We're sorry for the "
        "extra wait, and thank you for bearing with us.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.late.again",
    N_("Custom order: late again after an earlier delay"),
    NF_("Your order {bestelnummer} is delayed again"),
    NF_("{aanhef}\n\nWe're sorry to have to write to you about this again: we need more time for your {product} "
        "(order {bestelnummer}). We didn't manage to finish everything by {beloofde_datum} either. We now expect to "
        "have your order ready on {nieuwe_datum}, and we'll let you know as soon as it's on its way.\n\nWe know "
        "you've already waited longer than planned. Thank you for your patience.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.late.again.alt",
    N_("Custom order: late again after an earlier delay (alternative wording)"),
    NF_("Another update on your order {bestelnummer}"),
    NF_("{aanhef}\n\nUnfortunately, we have to ask for your patience once more with your {product} (order "
        "{bestelnummer}). We didn't make {beloofde_datum} either. Our new expected date is {nieuwe_datum}. We're "
        "sorry it's taking this long, and thank you for your understanding.\n\n{groet}\n{afzender}\n{winkel}"),
)

# The shop's own messages to a customer about a custom order (sent from the Maatwerk view).
_t(
    "order.confirmation",
    N_("Custom order: order confirmation"),
    NF_("Your order {bestelnummer} from {winkel}"),
    NF_("{aanhef}\n\nThank you for your order! We're making your {product} especially for you "
        "(personalisation: “{personalisatie}”). The price is {prijs}. Your order number is {bestelnummer}.\n\n"
        "We expect your order to be ready on {beloofde_datum}; if anything changes, we'll let you know before "
        "then.\n\n{groet}\n{afzender}\n{winkel}"),
)
# The order is made for somebody else (a gift: see "order.shipped.gift"), not "especially for you".
_t(
    "order.confirmation.gift",
    N_("Custom order: order confirmation for someone else (a gift)"),
    NF_("Your order {bestelnummer} from {winkel}"),
    NF_("{aanhef}\n\nThank you for your order! We're making your {product} especially for {ontvanger} "
        "(personalisation: “{personalisatie}”). The price is {prijs}. Your order number is {bestelnummer}.\n\n"
        "We expect your order to be ready on {beloofde_datum}; if anything changes, we'll let you know before "
        "then.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.ready",
    N_("Custom order: ready"),
    NF_("Your order {bestelnummer} is ready"),
    # Promises no tracking link: a parcel may go without one ("other" carrier, no code).
    # The order number in the parenthesis, as the other order messages have it: beside a count the
    # personalisation read as part of it ("uw Armband (2 stuks, Sleutelhanger met letter M)"; review of
    # Maatwerk). The confirmation quotes the personalisation, named as such.
    NF_("{aanhef}\n\nGood news: we've finished your {product} (order {bestelnummer})! We'll send your order out "
        "shortly, and we'll let you know once it's on its way.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.shipped",
    N_("Custom order: shipped"),
    NF_("Your order {bestelnummer} is on its way"),
    NF_("{aanhef}\n\nThe parcel with your {product} is on its way! It's being delivered by {vervoerder}. You "
        "can follow your parcel here:\n{track_trace}\n\nWe hope you enjoy your order!\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
# The parcel goes to somebody else than the buyer (the shop's order ships it to a gift's
# recipient, {ontvanger}): the buyer reads that it is on its way to them, the link follows
# that parcel, and the closing names {ontvanger} in its wish (as the new parcel's message
# does: "We hope Oma Ria loves it!"), not the buyer "enjoy it" nor a vague "it goes down well".
_t(
    "order.shipped.gift",
    N_("Custom order: shipped to someone else (a gift)"),
    NF_("Your order {bestelnummer} is on its way"),
    NF_("{aanhef}\n\nThe parcel with your {product} is on its way to {ontvanger}! It's being delivered by "
        "{vervoerder}. You can follow the parcel here:\n{track_trace}\n\nWe hope {ontvanger} loves it!\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
# The order's parcel got lost or came back (Zendingen) and the order is ready to go out again
# ("order_resend", offered instead of "ready": "good news, we've finished it" would be untrue).
# Afspraak knows no new date, so none is promised; nor a tracking link: the new parcel is not
# made yet and may go without a code (the "on its way again" message that follows it quotes
# its link only when it has one, its sentence left out otherwise). The parcel "did not arrive" rather than
# "did not reach you", true of a gift's parcel too. {bestelnummer} sits in a parenthesis of
# its own, left out without a number. A parcel that came back often went to a wrong address:
# that message apologises, shows the address it went to ({adres}: the order's delivery, a
# gift's recipient's, else the customer's, as on the parcel: she could not tell which address
# was meant) and asks whether it is still right before the new one goes. Without an address
# "We sent it to:" is left out with it; the question says "the address", true either way.
_t(
    "order.resend",
    N_("Custom order: sending it again (the parcel got lost)"),
    NF_("We're sending your order {bestelnummer} again"),
    NF_("{aanhef}\n\nUnfortunately, the parcel with your {product} (order {bestelnummer}) got lost on its way and "
        "never arrived. We're very sorry about that.\n\nWe're sending your order out again, and we'll let you "
        "know as soon as the new parcel is on its way.\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.resend.returned",
    N_("Custom order: sending it again (the parcel came back)"),
    NF_("We're sending your order {bestelnummer} again"),
    NF_("{aanhef}\n\nUnfortunately, the parcel with your {product} (order {bestelnummer}) couldn't be delivered "
        "and has come back to us. We're sorry about that.\n\nWe sent it to:\n{adres}\n\nIs the address still "
        "right? If not, just reply with the correct one. We'll let you know as soon as the new parcel is on its "
        "way.\n\n{groet}\n{afzender}\n{winkel}"),
)
# Shipped again after a parcel that got lost or came back: she hears this is the new parcel,
# with its own link when it has one (without a code, "You can follow…" is left out).
_t(
    "order.shipped.again",
    N_("Custom order: shipped again in a new parcel"),
    NF_("Your order {bestelnummer} is on its way again"),
    NF_("{aanhef}\n\nThe new parcel with your {product} is on its way! It's being delivered by {vervoerder}. You "
        "can follow the new parcel here:\n{track_trace}\n\nWe hope you enjoy your order!\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
# A gift's new parcel (the shop's order sends it to {ontvanger}, not to the buyer), after one
# that got lost or came back: the buyer reads that this is the new parcel and why (a buyer who
# never heard of the first one's fate learns it here), with its link only when it has one. Bad
# news first, then an apology, no cheer in between; the carrier in a sentence of its own (left
# out for "other" without leaving out that a new parcel was sent), the closing wish for {ontvanger}.
_t(
    "order.shipped.gift.again",
    N_("Custom order: a gift shipped again in a new parcel (the parcel got lost)"),
    NF_("Your order {bestelnummer} is on its way again"),
    NF_("{aanhef}\n\nThe parcel with your {product} for {ontvanger} got lost in the post. We're sorry about that! "
        "We've sent a new one. {vervoerder} is delivering it. You can follow it here:\n{track_trace}\n\n"
        "We hope {ontvanger} loves it!\n\n{groet}\n{afzender}\n{winkel}"),
)
_t(
    "order.shipped.gift.again.returned",
    N_("Custom order: a gift shipped again in a new parcel (the parcel came back)"),
    NF_("Your order {bestelnummer} is on its way again"),
    NF_("{aanhef}\n\nThe parcel with your {product} for {ontvanger} couldn't be delivered and came back to us. "
        "We're sorry about that! We've sent a new one. {vervoerder} is delivering it. You can follow it here:\n"
        "{track_trace}\n\nWe hope {ontvanger} loves it!\n\n{groet}\n{afzender}\n{winkel}"),
)
# The order was cancelled (by the customer or by the shop: Afspraak does not know which, nor
# why). Afspraak keeps no refund, so the message promises none, nor any other step: it says
# the order is cancelled, names it, and leaves the door open for her questions.
_t(
    "order.cancelled",
    N_("Custom order: cancelled"),
    NF_("Your order {bestelnummer} has been cancelled"),
    NF_("{aanhef}\n\nWe're letting you know that your order has been cancelled: your {product} (order "
        "{bestelnummer}).\n\nIf you have any questions about it, just reply to this message.\n\n{groet}\n{afzender}\n"
        "{winkel}"),
)
# Messages about a collaboration, written from its dialogs (not by the ladder).
_t(
    "agreement",
    N_("Collaboration: the agreement in writing"),
    NF_("Our agreement: {titel}"),
    NF_("{aanhef}\n\nI'm so glad we're working together! Just so we're on the same page, here's what we "
        "agreed:\n\n{voorwaarden}\n\nCould you reply with a quick “yes” to confirm? If anything doesn't work "
        "for you, just say so.\n\n{groet}\n{afzender}\n{winkel}"),
)
# Afspraak moved her deadlines itself (the gift went out late, a new parcel replaced a lost
# one, the gift was handed over): the new dates in writing, for her "yes" (collab_texts).
_t(
    "agreement.moved",
    N_("Collaboration: more time for the deadlines"),
    NF_("More time for “{titel}”"),
    NF_("{aanhef}\n\n{waarom}\n\nHere's what changes in our agreement “{titel}”:\n\n{wijzigingen}\n\n"
        "Could you reply with a quick “yes” to confirm? If it doesn't work for you, just let me know.\n\n"
        "{groet}\n{afzender}\n{winkel}"),
)
_t(
    "ending",
    N_("Collaboration: a polite ending"),
    NF_("About our collaboration “{titel}”"),
    NF_("{aanhef}\n\nWe've decided to end our collaboration “{titel}”. The reason: {reden}\n\nThank you "
        "for your time, and we wish you all the best for the future.\n\n{groet}\n{afzender}\n{winkel}"),
)
# The ending of several collaborations at once (the decision after a final notice that named
# the late work of several ends them all): {titel} is their titles, each quoted, in a list.
_t(
    "ending.several",
    N_("Collaboration: a polite ending, several collaborations"),
    NF_("About our collaborations"),
    NF_("{aanhef}\n\nWe've decided to end our collaborations {titel}. The reason: {reden}\n\nThank you "
        "for your time, and we wish you all the best for the future.\n\n{groet}\n{afzender}\n{winkel}"),
)
# Why a collaboration ends after a final reminder nobody answered ({reden} of the endings above):
# as true after a strike as without one (the strike is the shop's own record; the final
# reminder already told her what was agreed if nothing came).
AFTER_FINAL_REMINDER = NF_("we haven't heard from you since our final reminder")
_t(
    "label",
    N_("Content: please add the advertising label"),
    NF_("One small thing about {inhoud}"),
    NF_("{aanhef}\n\nThanks for {inhoud}, it looks lovely! One small thing: because you received the "
        "product from us, the rules say your followers must be able to see that it's an ad. Could you add "
        "this?\n\n{ontbreekt}\n\nThank you!\n\n{groet}\n{afzender}\n{winkel}"),
)
# The label is there, only tags or mentions agreed with her are missing: asked as agreed,
# not as the advertising rules (they ask for the label, not for the shop's own hashtags).
_t(
    "label.agreed",
    N_("Content: please add the agreed tags"),
    NF_("One small thing about {inhoud}"),
    NF_("{aanhef}\n\nThanks for {inhoud}, it looks lovely! One small thing: we agreed on these tags, and I "
        "can't find them yet. Could you add them?\n\n{ontbreekt}\n\nThank you!\n\n{groet}\n{afzender}\n"
        "{winkel}"),
)

# Belgian Dutch where Belgians say it differently (a "pakje", "eens" for "even"). Looked up
# first for Belgian readers; an empty translation falls back to the "je"/"u" text above.
_BELGIAN = (
    # Belgians say a date "past" them; the Dutch text asks whether it "uitkomt".
    NBE_("{aanhef}\n\n{waarom}\n\nHere's what changes in our agreement “{titel}”:\n\n{wijzigingen}\n\n"
         "Could you reply with a quick “yes” to confirm? If it doesn't work for you, just let me know.\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("Has your parcel arrived?"),
    NBE_("{aanhef}\n\nDid the parcel with the {product} reach you safely? I sent it on {verzonden_op}. I'd "
        "love to hear what you think of it!\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("Your parcel from {winkel}"),
    NBE_("{aanhef}\n\nQuick question: did my parcel reach you? I sent the {product} on {verzonden_op}. "
        "Just drop me a line so I know it hasn't gone astray.\n\n{groet}\n{afzender}\n{winkel}"),
    NP_("je_BE", "{aanhef}\n\nA gentle reminder about {afspraken} (due {deadline}). Is there anything I can help "
        "with? If you let me know when you expect to post, I can plan around it.\n\n{pakketvraag}\n\n"
        "{groet}\n{afzender}\n{winkel}"),
    NP_("je_BE", "{aanhef} I'd like to hear from you about {afspraken} (due {deadline}). I hope all is well! "
        "Could you drop me a line when you see this?\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("word on whether the parcel with the {product} arrived safely"),
    NBE_("Oh, and did the parcel with the {product} arrive safely?"),
    NBE_("Oh, and did the parcel I sent you arrive safely?"),
    # a new "pakje" that "toekomt", after one that got lost or came back
    NBE_("Has the new parcel arrived?"),
    NBE_("{aanhef}\n\nThe parcel I sent you earlier got lost on its way. On {verzonden_op} I sent you the {product} "
         "again. Did the new parcel reach you safely? I'd love to hear what you think of it!\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nThe parcel I sent you earlier was not delivered and came back to me. On {verzonden_op} I sent "
         "you the {product} again. Did the new parcel reach you safely? I'd love to hear what you think of it!\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("word on whether the new parcel with the {product} arrived safely"),
    NBE_("Oh, and did the new parcel with the {product} arrive safely?"),
    NBE_("Oh, and did the new parcel I sent you arrive safely?"),
    # the same questions riding along with a reminder after the first
    NBE_("On another note, did the parcel with the {product} arrive safely?"),
    NBE_("On another note, did the parcel I sent you arrive safely?"),
    NBE_("On another note, did the new parcel with the {product} arrive safely?"),
    NBE_("On another note, did the new parcel I sent you arrive safely?"),
    # the parcel's code without a link: a "trackingcode" (the Dutch say "track-and-tracecode")
    NBE_("Tracking code: {code}"),
    # ...and asked together with whether her message arrived (a "pakje" that "toekomt")
    NBE_("Did my message and parcel reach you?"),
    NBE_("Did both my message and the parcel with the {product} reach you?"),
    NBE_("Did both my message and my parcel reach you?"),
    NBE_("Did both my message and the new parcel with the {product} reach you?"),
    NBE_("Did both my message and my new parcel reach you?"),
    NBE_("{aanhef}\n\nWe're sorry: your order should have been ready on {beloofde_datum}, and it isn't yet. We now "
         "expect to have your {product} (order {bestelnummer}) ready on {nieuwe_datum}. We'll let you know "
         "the moment your order is on its way.\n\nApologies for the wait, and thank you for your patience.\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nThe parcel with your {product} is on its way! It's being delivered by {vervoerder}. You "
         "can follow your parcel here:\n{track_trace}\n\nWe hope you enjoy your order!\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nThe parcel with your {product} is on its way to {ontvanger}! It's being delivered by "
         "{vervoerder}. You can follow the parcel here:\n{track_trace}\n\nWe hope {ontvanger} loves it!\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    # a "pakje", as in the news that it is on its way
    NBE_("{aanhef}\n\nGood news: we've finished your {product} (order {bestelnummer})! We'll send your order out "
         "shortly, and we'll let you know once it's on its way.\n\n{groet}\n{afzender}\n{winkel}"),
    NP_("je_BE", "{aanhef}\n\nMy message from {bericht_van} about “{titel}” is still unanswered. When we "
        "started working together, we agreed on how soon you'd reply, so that we can both plan "
        "ahead. Could you let me know where things stand?\n\n{groet}\n{afzender}\n{winkel}"),
    # Belgians are ready "tegen" a date (not "op"), and the u_BE late subject matches its body.
    NBE_("{aanhef}\n\nThank you for your order! We're making your {product} especially for you "
         "(personalisation: “{personalisatie}”). The price is {prijs}. Your order number is {bestelnummer}.\n\n"
         "We expect your order to be ready on {beloofde_datum}; if anything changes, we'll let you know before "
         "then.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nUnfortunately, making your {product} (order {bestelnummer}) is taking a little longer "
         "than planned. We'd promised your order would be ready on {beloofde_datum}. We now expect to have "
         "everything ready on {nieuwe_datum}.\n\nSorry for the delay, and thank you for your patience.\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nA short note about your {product} (order {bestelnummer}): it is taking a little longer than "
         "planned. Our new expected date is {nieuwe_datum} (instead of {beloofde_datum}). Rest assured, we're "
         "taking good care of it!\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nA short note: we didn't manage to finish your {product} (order {bestelnummer}) by the day we "
         "promised ({beloofde_datum}). We're sorry. We now expect to have everything ready "
         "on {nieuwe_datum}.\n\nThank you for bearing with us.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nA quick update on your {product} (order {bestelnummer}): everything is still on track. "
         "It will be ready on {beloofde_datum}, as promised. As soon as your order is on its way, we'll let you "
         "know.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("Your order {bestelnummer} is running late"),
    NBE_("{aanhef}\n\nThank you for your order! We're making your {product} especially for {ontvanger} "
         "(personalisation: “{personalisatie}”). The price is {prijs}. Your order number is {bestelnummer}.\n\n"
         "We expect your order to be ready on {beloofde_datum}; if anything changes, we'll let you know before "
         "then.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nWe're sorry, but we need a little more time for your {product} (order {bestelnummer}) once "
         "again. The last date we gave you was {beloofde_datum}. We now expect to have everything ready on "
         "{nieuwe_datum}.\n\nWe know this means a longer wait than planned. Thank you for your patience.\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nA short note about your {product} (order {bestelnummer}): unfortunately, we have to move the "
         "date once more. Our new expected date is {nieuwe_datum} (instead of {beloofde_datum}). We're sorry for the "
         "extra wait, and thank you for bearing with us.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nWe're sorry to have to write to you about this again: we need more time for your {product} "
         "(order {bestelnummer}). We didn't manage to finish everything by {beloofde_datum} either. We now expect to "
         "have your order ready on {nieuwe_datum}, and we'll let you know as soon as it's on its way.\n\nWe know "
         "you've already waited longer than planned. Thank you for your patience.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nUnfortunately, we have to ask for your patience once more with your {product} (order "
         "{bestelnummer}). We didn't make {beloofde_datum} either. Our new expected date is {nieuwe_datum}. We're "
         "sorry it's taking this long, and thank you for your understanding.\n\n{groet}\n{afzender}\n{winkel}"),
    # a "pakje" that got lost or came back, and the new one
    NBE_("{aanhef}\n\nUnfortunately, the parcel with your {product} (order {bestelnummer}) got lost on its way and "
         "never arrived. We're very sorry about that.\n\nWe're sending your order out again, and we'll let you "
         "know as soon as the new parcel is on its way.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nUnfortunately, the parcel with your {product} (order {bestelnummer}) couldn't be delivered "
         "and has come back to us. We're sorry about that.\n\nWe sent it to:\n{adres}\n\nIs the address still "
         "right? If not, just reply with the correct one. We'll let you know as soon as the new parcel is on its "
         "way.\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nThe new parcel with your {product} is on its way! It's being delivered by {vervoerder}. You "
         "can follow the new parcel here:\n{track_trace}\n\nWe hope you enjoy your order!\n\n"
         "{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nThe parcel with your {product} for {ontvanger} got lost in the post. We're sorry about that! "
         "We've sent a new one. {vervoerder} is delivering it. You can follow it here:\n{track_trace}\n\n"
         "We hope {ontvanger} loves it!\n\n{groet}\n{afzender}\n{winkel}"),
    NBE_("{aanhef}\n\nThe parcel with your {product} for {ontvanger} couldn't be delivered and came back to us. "
         "We're sorry about that! We've sent a new one. {vervoerder} is delivering it. You can follow it here:\n"
         "{track_trace}\n\nWe hope {ontvanger} loves it!\n\n{groet}\n{afzender}\n{winkel}"),
    # Belgians "contacteren" the shop with a question, and hope to be of service "opnieuw".
    NBE_("{aanhef}\n\nWe're letting you know that your order has been cancelled: your {product} (order "
         "{bestelnummer}).\n\nIf you have any questions about it, just reply to this message.\n\n{groet}\n{afzender}\n"
         "{winkel}"),
)

# {aanhef} and {groet}: one greeting and one sign-off per language, form of address and
# country (docs/GLOSSARY.md), filled in by render() unless given.
# TRANSLATORS: the greeting that opens a message; {voornaam} is the recipient's first name.
GREETING = NF_("Hi {voornaam},")
GREETING = NBE_("Hi {voornaam},")
# TRANSLATORS: the greeting of a name written with a title ("Ms de Boer", "Mr Janssens"): a
# formal letter's opening (Dutch "Beste {voornaam},", as "Beste mevrouw De Boer,").
GREETING_TITLED = NF_("Dear {voornaam},")
# TRANSLATORS: the greeting when the recipient's first name is not known.
GREETING_NO_NAME = NF_("Hello,")
GREETING_NO_NAME = NBE_("Hello,")
# TRANSLATORS: the sign-off above the sender's name.
SIGN_OFF = NF_("Best wishes,")
SIGN_OFF = NBE_("Best wishes,")

# {track_trace} when the parcel has a tracking code but no link to follow it by: the line
# after "You can follow your parcel here:" gives the code with its name, not a bare code.
# TRANSLATORS: a line of its own in "your order is on its way", after "You can follow your
# parcel here:"; {code} is the carrier's tracking code (Dutch: "Track-and-tracecode: {code}";
# Belgian readers say "Trackingcode: {code}").
TRACKING_CODE = NF_("Tracking code: {code}")

# Phrases that make up {afspraken}: one per promise kind, in both forms of address.
# The English source is the same for both forms; Dutch differs (je/jouw or u/uw).
DESCRIPTIONS: dict[str, str] = {}
# TRANSLATORS: {product} is a product's name as the shop wrote it ("Zegelring", "Armband met
# initiaal"): whether it takes "de" or "het" is not known, so Dutch says "je/uw {product}".
DESCRIPTIONS["deliverable"] = NF_("your {what} with the {product}")
DESCRIPTIONS["deliverable_no_product"] = NF_("your {what}")
DESCRIPTIONS["reply"] = NF_("your reply to my message from {date}")
DESCRIPTIONS["shipment"] = NF_("word on whether the parcel with the {product} arrived safely")
# ...a new parcel, sent because the one before it got lost or came back (``details["replaces"]``)
DESCRIPTIONS["shipment_again"] = NF_("word on whether the new parcel with the {product} arrived safely")
DESCRIPTIONS["custom_order"] = NF_("news about order {number}")
# When the deliverables of one message have different deadlines, each is named with its own.
DESCRIPTIONS["deliverable_dated"] = NF_("your {what} (due {date})")
# ...and when deliverables of several collaborations are named in one list, each with its
# own product too: "your reel with the Zegelring Zomer (due 4 November), your story (due
# 10 November) and ...", never "A and B and C with X and Y" (audit 9, messages F4).
DESCRIPTIONS["deliverable_dated_product"] = NF_("your {what} with the {product} (due {date})")
# TRANSLATORS: {items} lists one influencer's deliverables with the same product, e.g.
# "your post and your story"; {product} is the product's name, which takes no article in
# Dutch ("de" or "het" is not known for a name): "je post en je story met je {product}".
DELIVERABLES_WITH_PRODUCT = NF_("{items} with the {product}")
# {pakketvraag}: a parcel check-in that rides along with a first reminder, asked in a
# closing sentence of its own (it has no deadline and is not work to finish).
PARCEL_QUESTION = NF_("Oh, and did the parcel with the {product} arrive safely?")
PARCEL_QUESTION_NO_PRODUCT = NF_("Oh, and did the parcel I sent you arrive safely?")
# ...about a new parcel, sent because the one before it got lost or came back: she hears which one is meant.
PARCEL_QUESTION_AGAIN = NF_("Oh, and did the new parcel with the {product} arrive safely?")
PARCEL_QUESTION_AGAIN_NO_PRODUCT = NF_("Oh, and did the new parcel I sent you arrive safely?")
# ...riding along with a reminder after the first (why an agreed date matters, another channel):
# a closing line on another subject, not a casual "oh, and" after the serious words before it
# (review: a check-in held behind another ladder now joins its next reminder, whatever its step).
PARCEL_QUESTION_APART = NF_("On another note, did the parcel with the {product} arrive safely?")
PARCEL_QUESTION_APART_NO_PRODUCT = NF_("On another note, did the parcel I sent you arrive safely?")
PARCEL_QUESTION_APART_AGAIN = NF_("On another note, did the new parcel with the {product} arrive safely?")
PARCEL_QUESTION_APART_AGAIN_NO_PRODUCT = NF_("On another note, did the new parcel I sent you arrive safely?")
# ...asked together with whether her unanswered message arrived (``ASKS_ARRIVAL``: "Did it reach
# you?" and a closing "Oh, and did the parcel arrive?" asked the same thing twice): one question.
# TRANSLATORS: one question about an earlier message and a parcel (Dutch: "Zijn mijn bericht en het
# pakketje met je {product} allebei goed aangekomen?"); {product} is the product's name.
PARCEL_QUESTION_WITH_MESSAGE = NF_("Did both my message and the parcel with the {product} reach you?")
PARCEL_QUESTION_WITH_MESSAGE_NO_PRODUCT = NF_("Did both my message and my parcel reach you?")
PARCEL_QUESTION_WITH_MESSAGE_AGAIN = NF_("Did both my message and the new parcel with the {product} reach you?")
PARCEL_QUESTION_WITH_MESSAGE_AGAIN_NO_PRODUCT = NF_("Did both my message and my new parcel reach you?")
# The closing question's words: (friendly, apart, with her message) by (with the product, new parcel).
_PARCEL_QUESTIONS = {
    (False, False): (PARCEL_QUESTION_NO_PRODUCT, PARCEL_QUESTION_APART_NO_PRODUCT,
                     PARCEL_QUESTION_WITH_MESSAGE_NO_PRODUCT),
    (True, False): (PARCEL_QUESTION, PARCEL_QUESTION_APART, PARCEL_QUESTION_WITH_MESSAGE),
    (False, True): (PARCEL_QUESTION_AGAIN_NO_PRODUCT, PARCEL_QUESTION_APART_AGAIN_NO_PRODUCT,
                    PARCEL_QUESTION_WITH_MESSAGE_AGAIN_NO_PRODUCT),
    (True, True): (PARCEL_QUESTION_AGAIN, PARCEL_QUESTION_APART_AGAIN, PARCEL_QUESTION_WITH_MESSAGE_AGAIN),
}
# What a deliverable is, inside a sentence.
DELIVERABLE_WORDS = {
    "post": NP_("inline", "post"),
    "story": NP_("inline", "story"),
    "reel": NP_("inline", "reel"),
    "tiktok": NP_("inline", "TikTok video"),
    "youtube": NP_("inline", "YouTube video"),
    "other": NP_("inline", "content"),
}
# What several of one kind are, inside a sentence, with how many were agreed: "je twee
# stories", "your three posts" (a message that says "your story" when two were agreed lets
# her answer "I posted my story"). {number} is a word from NUMBER_WORDS, or digits.
COUNTED_WORDS = {
    # TRANSLATORS: inside a message: "your {number} posts" ("je twee posts").
    "post": NN_("{number} post", "{number} posts"),
    "story": NN_("{number} story", "{number} stories"),
    "reel": NN_("{number} reel", "{number} reels"),
    "tiktok": NN_("{number} TikTok video", "{number} TikTok videos"),
    "youtube": NN_("{number} YouTube video", "{number} YouTube videos"),
    # TRANSLATORS: inside a message: "your two pieces of content" (content of another kind).
    "other": NN_("{number} piece of content", "{number} pieces of content"),
}
# TRANSLATORS: inside a message, the one still owed once the others agreed were posted:
# "your remaining story" ({what} is "story"; two or more: REMAINING_NUMBER). Not "last": "my
# final reminder about your last story" reads as the story she posted last (walk-through 2, F).
LAST_OF_THEM = N_("remaining {what}")
# TRANSLATORS: the number still owed when some were posted, before the word it counts ("{number}
# stories"): "two remaining" stories, Dutch "twee resterende" stories.
REMAINING_NUMBER = N_("{number} remaining")
# A count inside a sentence is a word up to ten ("twee stories"), digits beyond.
NUMBER_WORDS = {
    2: NP_("number", "two"), 3: NP_("number", "three"), 4: NP_("number", "four"), 5: NP_("number", "five"),
    6: NP_("number", "six"), 7: NP_("number", "seven"), 8: NP_("number", "eight"), 9: NP_("number", "nine"),
    10: NP_("number", "ten"),
}
# What a final notice says besides the late work it names (message review, findings 5 and 8),
# each a paragraph of its own ({gevolgen}, {vervalt_ook}, {blijft_staan}).
# TRANSLATORS: a final reminder about the late work of several collaborations: the line above
# one bullet per collaboration (NOTICE_CONSEQUENCE_FOR), each with its agreed consequence.
NOTICE_CONSEQUENCES = NF_("What we agreed would happen in that case, for each collaboration:")
# TRANSLATORS: one bullet under NOTICE_CONSEQUENCES, before the consequence she agreed to (typed by
# the owner); {items} is e.g. "your reel with the Moon necklace", {date} the day it was agreed.
NOTICE_CONSEQUENCE_FOR = NF_("{items} (agreed on {date}):")
NOTICE_CONSEQUENCE_FOR_UNDATED = NF_("{items}:")
# TRANSLATORS: after a bullet's consequence: the value of what she received for that collaboration.
NOTICE_VALUE = NF_("What we sent you for it is worth {value}.")
# TRANSLATORS: a final reminder: what else of the agreement ends with it (not late yet); {items}
# is e.g. "your TikTok video with the Initial bracelet (due Tuesday 8 December)".
NOTICE_ALSO_ENDS = NF_("If our collaboration ends, so does the rest of what we agreed: {items}.")
# TRANSLATORS: as the line above, in a final reminder that ends several collaborations at once.
NOTICE_ALSO_END = NF_("If our collaborations end, so does the rest of what we agreed: {items}.")
# TRANSLATORS: a final reminder: her other agreements are not ended by it; {items} is e.g. "your
# reel with the Signet ring (due Wednesday 20 January)".
NOTICE_STILL_STANDS = NF_("What we agreed about {items} is separate from this and still stands.")
# TRANSLATORS: an example consequence, shown for {gevolg} in the template editor's preview
# (a real message without an agreed consequence leaves that sentence out).
DEFAULT_CONSEQUENCE = N_("no new collaborations for now")


def template_ids() -> list[str]:
    return list(TEMPLATES)


def _contexts(form: str, language: str, country: str = "NL") -> tuple[str, ...]:
    """Catalog contexts to try, most specific first: Belgian Dutch before Dutch."""
    form = form if form in FORMS else "je"
    if i18n.normalise_language(language) == "nl" and (country or "").upper() == "BE":
        return (form + "_BE", form)
    return (form,)


def _lookup(catalog, contexts: tuple[str, ...], message: str) -> str:
    for context in contexts[:-1]:
        text = catalog.pgettext(context, message)
        if text != message:
            return text
    return catalog.pgettext(contexts[-1], message)


def in_words_of(recipient: Recipient, message: str) -> str:
    """A phrase marked with NF_ (and NBE_ where Belgians say it differently) in the
    recipient's language and form of address, the Belgian wording first for a Belgian."""
    catalog = i18n.translations_for(recipient.lang)
    return _lookup(catalog, _contexts(recipient.context, recipient.lang, recipient.country), message)


def default_text(template_id: str, language: str, form: str = "je", country: str = "NL") -> tuple[str, str]:
    """(subject, body) of the default template in ``language`` and ``form`` (Belgian
    wording where it differs when ``country`` is BE)."""
    template = TEMPLATES[template_id]
    catalog = i18n.translations_for(language)
    contexts = _contexts(form, language, country)
    return _lookup(catalog, contexts, template.subject), _lookup(catalog, contexts, template.body)


def greeting(recipient: Recipient) -> str:
    """{aanhef}: "Hoi Sanne," / "Beste Sanne," / "Dag Sanne," (Belgium) / "Hi Sanne,"."""
    catalog = i18n.translations_for(recipient.lang)
    # A title ("Mevr. de Boer") makes the whole message formal (Recipient.context): "Beste
    # mevrouw De Boer,", never "Hoi mevr.".
    contexts = _contexts(recipient.context, recipient.lang, recipient.country)
    if not recipient.first_name.strip():
        return _lookup(catalog, contexts, GREETING_NO_NAME)
    # "Hello Ms de Boer," read as a chat line: a titled name is a letter's "Dear Ms de Boer,".
    opening = GREETING_TITLED if names.titled(recipient.first_name.strip()) else GREETING
    return fill_simple(_lookup(catalog, contexts, opening),
                       voornaam=names.salutation_name(recipient.first_name.strip(), recipient.lang))


def sign_off(recipient: Recipient) -> str:
    """{groet}: one sign-off per language, form of address and country (docs/GLOSSARY.md)."""
    catalog = i18n.translations_for(recipient.lang)
    return _lookup(catalog, _contexts(recipient.context, recipient.lang, recipient.country), SIGN_OFF)


def _whole(value: object, default: int) -> int:
    try:
        return int(value if value is not None else default)
    except (TypeError, ValueError):
        return default


def inline_kind(kind: str, catalog) -> str:
    """A deliverable's kind as it stands inside a sentence, in ``catalog``'s language
    ("post", "TikTok-video"; an unknown kind "content"), never its capitalised list label."""
    return catalog.pgettext("inline", DELIVERABLE_WORDS.get(kind, DELIVERABLE_WORDS["other"]))


def deliverable_words(details: Mapping[str, object], recipient: Recipient) -> str:
    """What a deliverable is, as it stands in a sentence, with the number agreed when that
    is more than one ("story", "twee stories", "three TikTok videos"), and once some of
    them were posted, the ones still owed ("resterende story", "two remaining stories")."""
    catalog = i18n.translations_for(recipient.lang)
    kind = str(details.get("what", ""))
    count = max(1, _whole(details.get("count"), 1))
    posted = min(max(0, _whole(details.get("posted"), 0)), count - 1)
    owed = count - posted
    if owed == 1:
        words = inline_kind(kind, catalog)
        return fill_simple(catalog.gettext(LAST_OF_THEM), what=words) if posted else words
    singular, plural = COUNTED_WORDS.get(kind, COUNTED_WORDS["other"])
    number = (catalog.pgettext("number", NUMBER_WORDS[owed]) if owed in NUMBER_WORDS
              else i18n.format_number(owed, locale=recipient.locale))
    if posted:  # the number first: "je twee resterende stories" (audit 9, F8)
        number = fill_simple(catalog.gettext(REMAINING_NUMBER), number=number)
    return fill_simple(catalog.ngettext(singular, plural, owed), number=number)


def describe(kind: str, details: Mapping[str, object], recipient: Recipient, now: datetime | None = None,
             tz: tzinfo = timezone.utc) -> str:
    """The phrase for one promise inside {afspraken}, e.g. "je reel met de Ketting Maan"."""
    catalog = i18n.translations_for(recipient.lang)
    contexts = _contexts(recipient.context, recipient.lang, recipient.country)

    def lookup(_context: str, message: str) -> str:  # Belgian wording first where there is one
        return _lookup(catalog, contexts, message)

    context = recipient.context
    if kind == "deliverable":
        # the word as it stands in a sentence ("TikTok-video", "twee stories"), as describe_owed reads it
        what = deliverable_words(details, recipient)
        key = "deliverable" if details.get("product") else "deliverable_no_product"
        text = lookup(context, DESCRIPTIONS[key])
        return fill_simple(text, what=what, product=_product_words(details.get("product"), recipient))
    if kind == "reply":
        text = lookup(context, DESCRIPTIONS["reply"])
        return fill_simple(text, date=format_value(details.get("message_at"), recipient, now, tz))
    if kind == "shipment":  # a new parcel after one that did not arrive is named as the new one
        text = lookup(context, DESCRIPTIONS["shipment_again" if details.get("replaces") else "shipment"])
        return fill_simple(text, product=_product_words(details.get("product"), recipient))
    text = lookup(context, DESCRIPTIONS["custom_order"])
    return fill_simple(text, number=str(details.get("order_number") or ""))


@dataclass(frozen=True)
class Owed:
    """What one ladder message is about, worded for its reader (:func:`describe_owed`)."""

    afspraken: tuple[str, ...]  # the phrases of {afspraken}, listed "a, b and c" when rendered
    deadline: object = None  # the deadline the deliverables share; None when they differ (each phrase has its own)
    deadlines: tuple = ()  # every deliverable's deadline day, in order, once each
    pakketvraag: str = ""  # the closing question about a parcel that rides along ("" when none)
    collaborations: int = 0  # how many collaborations its deliverables belong to (a final notice ends them all)
    # a parcel check-in about a new parcel: what happened to the one it replaces ("lost", "returned"), else ""
    replaces: str = ""
    # the same parcel asked about together with her unanswered message ("did both my message and
    # the parcel … reach you?"): {pakketvraag} of the wordings in ``ASKS_ARRIVAL``
    asked_with_message: str = ""
    # the same parcel asked about as another subject ("On another note, did the parcel … arrive
    # safely?"): {pakketvraag} of the owner's own wording of a template in ``ASKS_ARRIVAL`` (it may
    # ask whether her message arrived: "Oh, and did the parcel arrive?" echoed that)
    asked_apart: str = ""


def _day(value: object, tz: tzinfo) -> date | None:
    if isinstance(value, datetime):  # naive UTC: the owner's local day
        return value.replace(tzinfo=timezone.utc).astimezone(tz).date()
    return value if isinstance(value, date) else None


def _product_words(value: object, recipient: Recipient) -> str:
    """A product's name, or several (a parcel with two) listed as the reader lists them:
    "Zilveren ketting Maan en Oorbellen Druppel", not "…Maan, Oorbellen Druppel"."""
    if isinstance(value, (list, tuple)):  # each once: two variants of one product share its name
        return format_value(list(dict.fromkeys(names.product_in_message(str(v)) for v in value)), recipient)
    return names.product_in_message(str(value or ""))


def parcel_question(details: Mapping[str, object], recipient: Recipient, apart: bool = False,
                    with_message: bool = False) -> str:
    """{pakketvraag}: "O ja, is het pakketje met Schakelarmband Luna goed aangekomen?";
    ``apart``: riding along with a reminder after the first ("Nog iets anders: is het pakketje …");
    ``with_message``: one question about her unanswered message and the parcel ("Zijn mijn bericht
    en het pakketje … allebei goed aangekomen?", ``ASKS_ARRIVAL``)."""
    catalog = i18n.translations_for(recipient.lang)
    contexts = _contexts(recipient.context, recipient.lang, recipient.country)
    product = _product_words(details.get("product"), recipient)
    again = bool(details.get("replaces"))  # a new parcel after one that got lost or came back
    text = _lookup(catalog, contexts, _PARCEL_QUESTIONS[(bool(product), again)][2 if with_message else int(apart)])
    return fill_simple(text, product=product) if product else text


def describe_owed(parts: Sequence[tuple[str, int, Mapping[str, object]]], recipient: Recipient,
                  now: datetime | None = None, tz: tzinfo = timezone.utc, apart: bool = False) -> Owed:
    """The words for every promise one message cites: ``parts`` are (kind, subject id,
    details), the primary part first.

    Deliverables with the same product of one collaboration are named together, in the
    order they were agreed ("your post and your story with the Zegelring"); when the
    deliverables have different deadlines, each is named with its own ("your post (due
    Friday 20 November) and your TikTok video (due Thursday 3 December) with the ...") and
    there is no one deadline to quote. A parcel check-in that rides along becomes the
    closing question {pakketvraag} (``apart``: in a reminder after the first, worded as another
    subject); a parcel alone is described in {afspraken}."""
    catalog = i18n.translations_for(recipient.lang)
    contexts = _contexts(recipient.context, recipient.lang, recipient.country)
    deliverables = [(sid, d) for kind, sid, d in parts if kind == "deliverable"]
    days = tuple(dict.fromkeys(day for day in (_day(d.get("deadline"), tz) for _sid, d in deliverables)
                               if day is not None))
    dated = len(days) > 1
    slots: list[object] = []  # a phrase, or the list of deliverables named together
    groups: dict[tuple, list[tuple[int, Mapping[str, object]]]] = {}
    questions, together, elsewise = [], [], []
    for index, (kind, sid, d) in enumerate(parts):
        if kind == "deliverable":
            collab = d.get("collaboration_id")
            key = ("collaboration", collab, str(d.get("product") or "")) if collab is not None else ("alone", sid)
            if key not in groups:
                groups[key] = []
                slots.append(groups[key])
            groups[key].append((sid, d))
        elif kind == "shipment" and index > 0:
            questions.append(parcel_question(d, recipient, apart))
            together.append(parcel_question(d, recipient, with_message=True))
            elsewise.append(parcel_question(d, recipient, apart=True))
        else:
            slots.append(describe(kind, d, recipient, now, tz))

    def by_deadline(one: tuple[int, Mapping[str, object]]) -> tuple[date, int]:
        """(id, details) by deadline, then in the order they were agreed (audit 9, F4:
        "18 november, 1 december, 19 november" followed the ids)."""
        return _day(one[1].get("deadline"), tz) or date.max, one[0]

    lists = [slot for slot in slots if not isinstance(slot, str)]
    if len(lists) > 1 and any(len(group) > 1 for group in lists):
        # Several groups, one of them of several: one flat list, each deliverable with its
        # own product and deadline, in date order (a nested "A en B en C met X" reads as
        # if the product belonged to all).
        flat = sorted((one for group in lists for one in group), key=by_deadline)
        items = [_one_deliverable(d, recipient, catalog, contexts, dated, now, tz) for _sid, d in flat]
        listed = babel_lists.format_list(items, locale=recipient.locale)
        first = slots.index(lists[0])
        slots = [slot for index, slot in enumerate(slots) if isinstance(slot, str) or index == first]
        slots[slots.index(lists[0])] = listed
    phrases = []
    for slot in slots:
        if isinstance(slot, str):
            phrases.append(slot)
            continue
        if len(slot) == 1:  # "your reel with the Maan (due Friday)", not "your reel (due Friday) with the Maan"
            phrases.append(_one_deliverable(slot[0][1], recipient, catalog, contexts, dated, now, tz))
            continue
        items = []
        for _sid, d in sorted(slot, key=by_deadline):
            what = deliverable_words(d, recipient)
            if dated and d.get("deadline") is not None:
                items.append(fill_simple(_lookup(catalog, contexts, DESCRIPTIONS["deliverable_dated"]), what=what,
                                         date=format_value(d.get("deadline"), recipient, now, tz)))
            else:
                items.append(fill_simple(_lookup(catalog, contexts, DESCRIPTIONS["deliverable_no_product"]), what=what))
        listed = babel_lists.format_list(items, locale=recipient.locale)
        product = _product_words(slot[0][1].get("product"), recipient)
        phrases.append(fill_simple(_lookup(catalog, contexts, DELIVERABLES_WITH_PRODUCT), items=listed, product=product)
                       if product else listed)
    deadline = deliverables[0][1].get("deadline") if deliverables and not dated else None
    collaborations = len({d.get("collaboration_id") for _sid, d in deliverables})
    # a parcel check-in of its own about a new parcel is worded as one (``wording``)
    replaces = str(parts[0][2].get("replaces") or "") if parts and parts[0][0] == "shipment" else ""
    return Owed(tuple(phrases), deadline, days, " ".join(questions), collaborations, replaces, " ".join(together),
                " ".join(elsewise))


def _one_deliverable(d: Mapping[str, object], recipient: Recipient, catalog, contexts, dated: bool,
                     now: datetime | None, tz: tzinfo) -> str:
    """One deliverable named on its own: what, its product, and its deadline when the
    message's deliverables have several."""
    what = deliverable_words(d, recipient)
    product = _product_words(d.get("product"), recipient)
    when = format_value(d.get("deadline"), recipient, now, tz) if dated and d.get("deadline") is not None else None
    if product and when:
        return fill_simple(_lookup(catalog, contexts, DESCRIPTIONS["deliverable_dated_product"]), what=what,
                           product=product, date=when)
    if product:
        return fill_simple(_lookup(catalog, contexts, DESCRIPTIONS["deliverable"]), what=what, product=product)
    if when:
        return fill_simple(_lookup(catalog, contexts, DESCRIPTIONS["deliverable_dated"]), what=what, date=when)
    return fill_simple(_lookup(catalog, contexts, DESCRIPTIONS["deliverable_no_product"]), what=what)


def listed_deliverables(found: Sequence[Mapping[str, object]], recipient: Recipient, now: datetime | None = None,
                        tz: tzinfo = timezone.utc) -> str:
    """Deliverables named one by one, each with its product and deadline, listed as the reader
    lists things: "je TikTok-video met je Armband met initiaal (deadline dinsdag 8 december) en
    je story met …"."""
    catalog = i18n.translations_for(recipient.lang)
    contexts = _contexts(recipient.context, recipient.lang, recipient.country)
    items = [_one_deliverable(d, recipient, catalog, contexts, True, now, tz) for d in found]
    return babel_lists.format_list(items, locale=recipient.locale) if items else ""


@dataclass(frozen=True)
class NoticeCollaboration:
    """One collaboration a final notice ends: the phrases of its late work it names, and what
    was agreed for that case (its details: ``agreed_at``, ``consequence``, ``value_cents``)."""

    afspraken: tuple[str, ...]
    details: Mapping[str, object]


def notice_words(ended: Sequence[NoticeCollaboration], also: Sequence[Mapping[str, object]],
                 standing: Sequence[Mapping[str, object]], recipient: Recipient, now: datetime | None = None,
                 tz: tzinfo = timezone.utc) -> dict[str, str]:
    """The paragraphs a final notice adds to the late work it names (message review, findings 5
    and 8): {gevolgen}, each ended collaboration's agreed consequence with its date and value
    when it ends more than one (one notice, one date: each agreement its own consequence); {vervalt_ook},
    the deliverables of those collaborations not late yet, which end with them; {blijft_staan},
    her other open deliverables, which do not. "" for what there is nothing to say about."""
    words = {"gevolgen": "", "vervalt_ook": "", "blijft_staan": ""}
    if len(ended) > 1:
        lines = []
        for one in ended:
            consequence = str(one.details.get("consequence") or "").strip()
            if not consequence:
                continue  # as in a notice about one: no consequence agreed, none claimed (nor a value)
            items = babel_lists.format_list(list(one.afspraken), locale=recipient.locale)
            agreed = one.details.get("agreed_at")
            if agreed is not None:
                line = fill_simple(in_words_of(recipient, NOTICE_CONSEQUENCE_FOR), items=items,
                                   date=format_value(agreed, recipient, now, tz))
            else:
                line = fill_simple(in_words_of(recipient, NOTICE_CONSEQUENCE_FOR_UNDATED), items=items)
            line += " " + closed_sentence(consequence, "")
            if one.details.get("value_cents"):
                line += " " + fill_simple(in_words_of(recipient, NOTICE_VALUE),
                                          value=format_value(Money(int(one.details["value_cents"])), recipient))
            lines.append("• " + line)
        if lines:
            words["gevolgen"] = "\n".join([in_words_of(recipient, NOTICE_CONSEQUENCES), *lines])
    if also:
        words["vervalt_ook"] = fill_simple(in_words_of(recipient, NOTICE_ALSO_END if len(ended) > 1 else NOTICE_ALSO_ENDS),
                                           items=listed_deliverables(also, recipient, now, tz))
    if standing:
        words["blijft_staan"] = fill_simple(in_words_of(recipient, NOTICE_STILL_STANDS),
                                            items=listed_deliverables(standing, recipient, now, tz))
    return words


def fill_simple(text: str, **values: str) -> str:
    """str.format for catalog phrases, tolerant of a translation with a broken placeholder."""
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def render(template_id: str, values: Mapping[str, object], recipient: Recipient, now: datetime | None = None,
           tz: tzinfo = timezone.utc, override: tuple[str, str] | None = None) -> Message:
    """Render a template for ``recipient``. ``override`` is the owner's (subject, body) for
    this language and form, if any. Never raises on missing or unknown values."""
    subject, body = override if override else default_text(template_id, recipient.lang, recipient.context,
                                                              recipient.country)
    subject, body = canonical(subject), canonical(body)  # the owner's may name them in English
    formatted = {name: format_value(value, recipient, now, tz) for name, value in values.items()}
    if not formatted.get("voornaam") and recipient.first_name:
        formatted["voornaam"] = recipient.first_name
    if not formatted.get("aanhef"):
        first = formatted.get("voornaam") or ""
        formatted["aanhef"] = greeting(Recipient(first, recipient.language, recipient.country, recipient.form))
    if not formatted.get("groet"):
        formatted["groet"] = sign_off(recipient)
    subject, missing_subject = fill_text(subject, formatted, subject=True)
    body, missing_body = fill_text(body, formatted)
    return Message(subject=subject.strip(), body=body.strip(), template=template_id, language=recipient.lang,
                   form=recipient.context, missing=tuple(dict.fromkeys(missing_subject + missing_body)),
                   greeting=formatted["aanhef"])


# Channels whose messages are letters (with a subject line): the greeting on a line of its
# own and the first sentence with its capital, as a Dutch or English e-mail is written. A
# chat (Instagram, WhatsApp, TikTok, a text after a call) may run on after the greeting, as
# step 3's templates do ("Hoi Sanne, ik probeer je op deze manier te bereiken …").
LETTER_CHANNELS = frozenset({"email"})


def for_channel(message: Message, channel: str) -> Message:
    """``message`` laid out for ``channel``: sent by e-mail, a greeting that runs on into
    the first sentence ("Beste Sophie, ik probeer u …", a chat's layout, under a subject
    line) gets a line of its own and the sentence its capital ("Beste Sophie,\n\nIk probeer
    u …"), whichever template or wording of the owner's it came from; in a chat as written."""
    greeting, body = message.greeting, message.body
    if channel not in LETTER_CHANNELS or not greeting or not body.startswith(greeting):
        return message
    after = body[len(greeting):]
    rest = after.lstrip(" \t")
    if rest == after or not rest or rest.startswith("\n"):  # already on its own line (or nothing after it)
        return message
    return replace(message, body=greeting + "\n\n" + _capitalised(rest))


def _capitalised(text: str) -> str:
    """``text`` with a capital to its first word ("ik probeer" → "Ik probeer", "just checking" →
    "Just checking"); a word with a capital inside it ("iPhone") as it is."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if not first[:1].islower() or any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def sample_values(language: str = "nl") -> dict[str, object]:
    """Believable values for previews when no real promise is at hand."""
    return {
        "voornaam": "Sanne", "naam": "Sanne de Vries", "winkel": "Zilver & Zo", "afzender": "Eva",
        "afspraken": "", "product": "Zilveren ketting Maan", "deadline": date(2026, 12, 7),
        "dagen_te_laat": DaysLate(2), "afgesproken_op": date(2026, 11, 10),
        "gevolg": i18n.translations_for(language).gettext(DEFAULT_CONSEQUENCE),
        "kosten": Money(2495), "pauzedatum": date(2026, 12, 14), "verzonden_op": date(2026, 11, 30),
        "bericht_van": date(2026, 11, 19), "antwoord_op": date(2026, 12, 8),
        "bestelnummer": "#1041", "beloofde_datum": date(2026, 12, 4), "nieuwe_datum": date(2026, 12, 9),
        "personalisatie": "M", "prijs": Money(3495), "vervoerder": "PostNL",
        "track_trace": "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1234AB",
        "ontvanger": "Jeroen de Graaf",
        "adres": "Jeroen de Graaf\nKerkstraat 12\n3811 AB Amersfoort",
        "titel": "Ketting Maan voor een reel",
        "voorwaarden": "• 1 reel by 7 December\n• @zilverenzo #gekregen" if language == "en"
        else "• 1 reel uiterlijk 7 december\n• @zilverenzo #gekregen",
        "reden": "the timing no longer suits us" if language == "en" else "de timing komt ons niet meer goed uit",
        "ontbreekt": "• #reclame",
        "inhoud": "",  # like {afspraken}: worded per form of address (describe("deliverable", ...))
        # (in neither form of address: a preview shows them in both)
        "wijzigingen": "• Reel: by Friday 11 December (was Monday 7 December)" if language == "en"
        else "• Reel: uiterlijk vrijdag 11 december (was maandag 7 december)",
        "waarom": "The parcel went out later than planned, so there is more time." if language == "en"
        else "Het pakket is later verstuurd dan gepland, dus er komt meer tijd bij.",
    }


__all__ = [
    "FORMS", "Money", "DaysLate", "Recipient", "Message", "PLACEHOLDERS", "PLACEHOLDER_LABELS", "placeholders_for",
    "in_words_of",
    "Template", "TEMPLATES",
    "placeholders_in", "validate", "canonical", "canonical_name", "spelled", "spelled_name", "ENGLISH_NAMES",
    "fill", "fill_text", "format_value", "template_ids", "default_text", "describe",
    "render", "sample_values", "DEFAULT_CONSEQUENCE", "Owed", "describe_owed", "parcel_question", "cut_takes",
    "closed_sentence",
    "with_paragraph", "DELIVERABLE_WORDS", "NoticeCollaboration", "notice_words", "listed_deliverables",
    "COUNTED_WORDS", "NUMBER_WORDS", "deliverable_words", "OPTIONAL", "SEVERAL_COLLABORATIONS", "REPLACEMENT_PARCEL",
    "ASKS_ARRIVAL", "placeholder_label", "placeholder_help", "TEMPLATE_NOTES",
    "wording",
    "greeting", "sign_off", "for_channel", "LETTER_CHANNELS",
    "default_form",
]
