"""Message templates for the follow-up steps, rendered in the RECIPIENT's language.

Pure Python (no Qt, no database, no clock). The default wording of every template lives
in the gettext catalogs: the English source, and Dutch in two forms of address, marked
with the contexts ``"je"`` and ``"u"`` (``NP_``). The owner may replace any template per
language and form (stored by ``store/templates.py``); :func:`validate` checks such a text
before it is saved, and :func:`render` never fails on a missing or unknown value.

Placeholders are Dutch names in braces (``{voornaam}``), the same in every language, so a
template can be translated without renaming them. Values are given typed (dates, moments,
:class:`Money`, :class:`DaysLate`, lists) and formatted with Babel for the recipient's
locale: nl_NL, nl_BE for Belgians, or en.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo

from babel import dates as babel_dates
from babel import lists as babel_lists

from desktop import i18n
from desktop.i18n import N_, NP_

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
        return self.form if self.form in FORMS else "je"


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    template: str
    language: str
    form: str


# --- placeholders --------------------------------------------------------------------

# Every placeholder a template may use, with what it holds (shown in the template editor).
PLACEHOLDERS: dict[str, str] = {
    # TRANSLATORS: help text for the {voornaam} placeholder in message templates.
    "voornaam": N_("the recipient's first name"),
    "naam": N_("the recipient's full name"),
    "winkel": N_("your shop's name"),
    "afzender": N_("your own name"),
    "afspraken": N_("what is still owed, e.g. “your reel with the Moon necklace”; several promises are listed together"),
    "product": N_("the product"),
    "deadline": N_("the agreed deadline"),
    "dagen_te_laat": N_("how late it is, e.g. “2 days late”"),
    "afgesproken_op": N_("the day the agreement was made"),
    "gevolg": N_("the agreed consequence when it is not delivered"),
    "kosten": N_("the value of what was sent"),
    "pauzedatum": N_("the day the collaboration is paused"),
    "verzonden_op": N_("the day the parcel was sent"),
    "bestelnummer": N_("the order number"),
    "beloofde_datum": N_("the date promised to the customer"),
    "nieuwe_datum": N_("the new expected date"),
    # TRANSLATORS: help text for the {personalisatie} placeholder: the letter, name, font... of a custom order.
    "personalisatie": N_("what is personalised, e.g. “letter M, gold”"),
    "prijs": N_("the price of the custom order"),
    "vervoerder": N_("the carrier, e.g. PostNL"),
    "track_trace": N_("the track-and-trace link of the parcel"),
    "titel": N_("the collaboration's title, e.g. “Ketting Maan voor een reel”"),
    "voorwaarden": N_("the agreed terms, one per line"),
    "reden": N_("why the collaboration ends, as you typed it"),
    "ontbreekt": N_("what the post still lacks, e.g. the advertising label, one per line"),
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def placeholders_in(text: str) -> set[str]:
    return {m.group(1) for m in _TOKEN.finditer(text) if m.group(1) is not None}


def validate(text: str) -> list[str]:
    """Problems with an owner-edited template, in the UI language (empty list: fine)."""
    problems = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        name = m.group(1)
        if name is None:
            problems.append(i18n._("A brace “{brace}” has no partner; type {{{{ or }}}} for a brace in the text.").format(
                brace=token))
        elif name not in PLACEHOLDERS:
            problems.append(i18n._("Unknown placeholder {{{name}}}. Known: {known}.").format(
                name=name, known=", ".join("{" + p + "}" for p in PLACEHOLDERS)))
    return list(dict.fromkeys(problems))


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` by its value; never raises. A missing value shows as ``[name]``
    so the owner sees it before sending; anything that is not a known name stays as typed."""

    def one(m: re.Match) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = m.group(1)
        if name is None or name not in PLACEHOLDERS:
            return token
        value = values.get(name)
        return f"[{name}]" if value in (None, "") else str(value)

    return _TOKEN.sub(one, text)


def format_value(value: object, recipient: Recipient, now: datetime | None = None,
                 tz: tzinfo = timezone.utc) -> str:
    """One typed value as the recipient reads it."""
    if value is None:
        return ""
    locale = recipient.locale
    if isinstance(value, datetime):  # naive UTC moment: the owner's local day
        value = value.replace(tzinfo=timezone.utc).astimezone(tz).date()
    if isinstance(value, date):
        pattern = "EEEE d MMMM" if now is None or value.year == now.year else "EEEE d MMMM y"
        return babel_dates.format_date(value, pattern, locale=locale)
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
    subject: str  # N_ text (English source)
    body: str  # English source; Dutch per form through the "je"/"u" contexts


TEMPLATES: dict[str, Template] = {}


def _t(id_: str, title: str, subject: str, body_je: str, body_u: str) -> None:
    # Both English sources are identical; the contexts only matter for Dutch.
    assert body_je == body_u, id_
    TEMPLATES[id_] = Template(id_, title, subject, body_je)


# TRANSLATORS: message templates to influencers and customers. Keep every {placeholder}
# exactly as it is. "je" context = informal Dutch (je/jij), "u" context = formal Dutch (u).
_t(
    "ladder.1",
    N_("Step 1: friendly reminder"),
    N_("A quick check-in from {winkel}"),
    NP_("je", "Hi {voornaam},\n\nI'm still waiting for {afspraken}; the deadline was {deadline}. Is everything "
        "all right? If something got in the way or you could use a hand, just let me know.\n\nWhen can I "
        "expect it?\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nI'm still waiting for {afspraken}; the deadline was {deadline}. Is everything "
        "all right? If something got in the way or you could use a hand, just let me know.\n\nWhen can I "
        "expect it?\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "ladder.1.alt",
    N_("Step 1: friendly reminder (other wording)"),
    N_("A small reminder from {winkel}"),
    NP_("je", "Hi {voornaam},\n\nA small reminder about {afspraken}. The deadline was {deadline} "
        "({dagen_te_laat}). Can I help with anything? Let me know when you expect to manage it, then I can "
        "plan around it.\n\nThanks!\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nA small reminder about {afspraken}. The deadline was {deadline} "
        "({dagen_te_laat}). Can I help with anything? Let me know when you expect to manage it, then I can "
        "plan around it.\n\nThanks!\n{afzender}\n{winkel}"),
)
_t(
    "ladder.2",
    N_("Step 2: why the deadline matters"),
    N_("Why the date matters to us"),
    NP_("je", "Hi {voornaam},\n\nI haven't heard from you yet about {afspraken} (deadline {deadline}). Let me "
        "explain why the date matters to us: we plan our collections, promotions and stock around what we "
        "agree with our partners. When something comes later than agreed, our planning falls behind.\n\n"
        "Could you manage it in the next few days, or tell me which date does work for you?\n\n"
        "Kind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nI haven't heard from you yet about {afspraken} (deadline {deadline}). Let me "
        "explain why the date matters to us: we plan our collections, promotions and stock around what we "
        "agree with our partners. When something comes later than agreed, our planning falls behind.\n\n"
        "Could you manage it in the next few days, or tell me which date does work for you?\n\n"
        "Kind regards,\n{afzender}\n{winkel}"),
)
_t(
    "ladder.2.alt",
    N_("Step 2: why the deadline matters (other wording)"),
    N_("Our planning at {winkel}"),
    NP_("je", "Hi {voornaam},\n\nI'm writing again about {afspraken}, which was due on {deadline}. For a small "
        "shop like ours every agreement counts: we keep products aside, plan our own posts around yours and "
        "tell customers what is coming. That only works when dates are kept.\n\nPlease let me know this week "
        "how you want to go on.\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nI'm writing again about {afspraken}, which was due on {deadline}. For a small "
        "shop like ours every agreement counts: we keep products aside, plan our own posts around yours and "
        "tell customers what is coming. That only works when dates are kept.\n\nPlease let me know this week "
        "how you want to go on.\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "ladder.3",
    N_("Step 3: call or message on another channel"),
    N_("Can we talk briefly?"),
    NP_("je", "Hi {voornaam}, this is {afzender} from {winkel}. I've sent you a few messages about {afspraken} "
        "but couldn't reach you, so I'm trying this way. Is everything all right? A short reply is enough, "
        "then we'll find a solution together."),
    NP_("u", "Hi {voornaam}, this is {afzender} from {winkel}. I've sent you a few messages about {afspraken} "
        "but couldn't reach you, so I'm trying this way. Is everything all right? A short reply is enough, "
        "then we'll find a solution together."),
)
_t(
    "ladder.3.alt",
    N_("Step 3: call or message on another channel (other wording)"),
    N_("A quick question from {winkel}"),
    NP_("je", "Hi {voornaam}, {afzender} from {winkel} here. I'm trying to reach you about {afspraken} "
        "({dagen_te_laat}). I hope all is well! Could you send me a quick message when you see this?"),
    NP_("u", "Hi {voornaam}, {afzender} from {winkel} here. I'm trying to reach you about {afspraken} "
        "({dagen_te_laat}). I hope all is well! Could you send me a quick message when you see this?"),
)
_t(
    "ladder.4",
    N_("Step 4: final reminder"),
    N_("Last reminder about our agreement"),
    NP_("je", "Dear {voornaam},\n\nThis is my last reminder about {afspraken}. We agreed on it on "
        "{afgesproken_op}, with {deadline} as the deadline, and I have tried to reach you several times "
        "since.\n\nIf I haven't heard from you by {pauzedatum}, I will pause our collaboration. As agreed, "
        "the consequence is: {gevolg}. What you received is worth {kosten}.\n\nI would much rather finish "
        "this together, so please let me know how you want to go on.\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Dear {voornaam},\n\nThis is my last reminder about {afspraken}. We agreed on it on "
        "{afgesproken_op}, with {deadline} as the deadline, and I have tried to reach you several times "
        "since.\n\nIf I haven't heard from you by {pauzedatum}, I will pause our collaboration. As agreed, "
        "the consequence is: {gevolg}. What you received is worth {kosten}.\n\nI would much rather finish "
        "this together, so please let me know how you want to go on.\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "ladder.4.alt",
    N_("Step 4: final reminder (other wording)"),
    N_("Our agreement: last reminder"),
    NP_("je", "Dear {voornaam},\n\nOn {afgesproken_op} we agreed on {afspraken}, to be done by {deadline}. "
        "It is now {dagen_te_laat} and my messages have gone unanswered.\n\nThis is therefore my last "
        "reminder: without an answer by {pauzedatum} I will pause the collaboration, and as agreed "
        "{gevolg}. The products you received are worth {kosten}.\n\nA short message is enough to sort it "
        "out together.\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Dear {voornaam},\n\nOn {afgesproken_op} we agreed on {afspraken}, to be done by {deadline}. "
        "It is now {dagen_te_laat} and my messages have gone unanswered.\n\nThis is therefore my last "
        "reminder: without an answer by {pauzedatum} I will pause the collaboration, and as agreed "
        "{gevolg}. The products you received are worth {kosten}.\n\nA short message is enough to sort it "
        "out together.\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "shipment.received",
    N_("Check-in: has the parcel arrived?"),
    N_("Has your parcel arrived?"),
    NP_("je", "Hi {voornaam},\n\nOn {verzonden_op} I sent you a parcel with the {product}. Has it arrived "
        "safely? I'd love to hear what you think of it!\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nOn {verzonden_op} I sent you a parcel with the {product}. Has it arrived "
        "safely? I'd love to hear what you think of it!\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "shipment.received.alt",
    N_("Check-in: has the parcel arrived? (other wording)"),
    N_("Your parcel from {winkel}"),
    NP_("je", "Hi {voornaam},\n\nA quick question: did the parcel I sent on {verzonden_op} ({product}) reach "
        "you? Let me know, then I know it didn't get lost on the way.\n\nThanks!\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nA quick question: did the parcel I sent on {verzonden_op} ({product}) reach "
        "you? Let me know, then I know it didn't get lost on the way.\n\nThanks!\n{afzender}\n{winkel}"),
)
_t(
    "order.delay",
    N_("Custom order: news before the promised date"),
    N_("News about your order {bestelnummer}"),
    NP_("je", "Hi {voornaam},\n\nThank you for your order {bestelnummer}. We promised that your {product} "
        "would be ready on {beloofde_datum}. It is taking a little longer than planned: we now expect it to "
        "be ready on {nieuwe_datum}. We'd rather tell you now than keep you waiting.\n\nSorry for the delay, "
        "and thank you for your patience.\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nThank you for your order {bestelnummer}. We promised that your {product} "
        "would be ready on {beloofde_datum}. It is taking a little longer than planned: we now expect it to "
        "be ready on {nieuwe_datum}. We'd rather tell you now than keep you waiting.\n\nSorry for the delay, "
        "and thank you for your patience.\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "order.delay.alt",
    N_("Custom order: news before the promised date (other wording)"),
    N_("Your order {bestelnummer}: a new date"),
    NP_("je", "Hi {voornaam},\n\nA short message about your order {bestelnummer}: your {product} will not be "
        "ready on {beloofde_datum} after all. Our new expected date is {nieuwe_datum}. We are taking good "
        "care of it!\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nA short message about your order {bestelnummer}: your {product} will not be "
        "ready on {beloofde_datum} after all. Our new expected date is {nieuwe_datum}. We are taking good "
        "care of it!\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "order.update",
    N_("Custom order: an update during production"),
    N_("How your order {bestelnummer} is coming along"),
    NP_("je", "Hi {voornaam},\n\nA short update on your order {bestelnummer}: we are working on your "
        "{product}, and it is still planned to be ready on {beloofde_datum}. We'll let you know as soon as "
        "it is on its way.\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nA short update on your order {bestelnummer}: we are working on your "
        "{product}, and it is still planned to be ready on {beloofde_datum}. We'll let you know as soon as "
        "it is on its way.\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "order.update.alt",
    N_("Custom order: an update during production (other wording)"),
    N_("Your order {bestelnummer}"),
    NP_("je", "Hi {voornaam},\n\nJust to let you know: your {product} (order {bestelnummer}) is coming along "
        "nicely and we are keeping to {beloofde_datum}. You'll hear from us when it ships.\n\n"
        "Kind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nJust to let you know: your {product} (order {bestelnummer}) is coming along "
        "nicely and we are keeping to {beloofde_datum}. You'll hear from us when it ships.\n\n"
        "Kind regards,\n{afzender}\n{winkel}"),
)

# The shop's own messages to a customer about a custom order (sent from the Maatwerk view).
_t(
    "order.confirmation",
    N_("Custom order: order confirmation"),
    N_("Your order {bestelnummer} at {winkel}"),
    NP_("je", "Hi {voornaam},\n\nThank you for your order {bestelnummer}! We are making your {product} just for "
        "you: {personalisatie}. The price is {prijs}.\n\nWe expect it to be ready on {beloofde_datum}. Should "
        "anything change, we will let you know before that day.\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nThank you for your order {bestelnummer}! We are making your {product} just for "
        "you: {personalisatie}. The price is {prijs}.\n\nWe expect it to be ready on {beloofde_datum}. Should "
        "anything change, we will let you know before that day.\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "order.ready",
    N_("Custom order: ready"),
    N_("Your order {bestelnummer} is ready"),
    NP_("je", "Hi {voornaam},\n\nGood news: your {product} ({personalisatie}) is ready! We will send it soon, "
        "and you will get the track-and-trace link as soon as it is on its way.\n\nKind regards,\n{afzender}\n"
        "{winkel}"),
    NP_("u", "Hi {voornaam},\n\nGood news: your {product} ({personalisatie}) is ready! We will send it soon, "
        "and you will get the track-and-trace link as soon as it is on its way.\n\nKind regards,\n{afzender}\n"
        "{winkel}"),
)
_t(
    "order.shipped",
    N_("Custom order: shipped"),
    N_("Your order {bestelnummer} is on its way"),
    NP_("je", "Hi {voornaam},\n\nYour {product} is on its way with {vervoerder}. You can follow the parcel "
        "here:\n{track_trace}\n\nWe hope you will enjoy it!\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nYour {product} is on its way with {vervoerder}. You can follow the parcel "
        "here:\n{track_trace}\n\nWe hope you will enjoy it!\n\nKind regards,\n{afzender}\n{winkel}"),
)
# Messages about a collaboration, written from its dialogs (not by the ladder).
_t(
    "agreement",
    N_("Collaboration: the agreement in writing"),
    N_("Our agreement: {titel}"),
    NP_("je", "Hi {voornaam},\n\nHow nice that we're working together! To be sure we mean the same thing, here "
        "is what we agreed:\n\n{voorwaarden}\n\nCould you confirm with a short “yes” that this is right? If "
        "anything doesn't work for you, just let me know.\n\nKind regards,\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nHow nice that we're working together! To be sure we mean the same thing, here "
        "is what we agreed:\n\n{voorwaarden}\n\nCould you confirm with a short “yes” that this is right? If "
        "anything doesn't work for you, just let me know.\n\nKind regards,\n{afzender}\n{winkel}"),
)
_t(
    "ending",
    N_("Collaboration: a polite ending"),
    N_("About our collaboration {titel}"),
    NP_("je", "Hi {voornaam},\n\nThank you for your time and for the contact so far. We have decided to end our "
        "collaboration “{titel}”: {reden}\n\nWe wish you all the best with your account.\n\nKind regards,\n"
        "{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nThank you for your time and for the contact so far. We have decided to end our "
        "collaboration “{titel}”: {reden}\n\nWe wish you all the best with your account.\n\nKind regards,\n"
        "{afzender}\n{winkel}"),
)
_t(
    "label",
    N_("Content: please add the advertising label"),
    N_("One small thing about the post"),
    NP_("je", "Hi {voornaam},\n\nThank you for your post, it looks lovely! One small thing: because you received "
        "the product from us, the rules ask that your followers can see it is advertising. Could you still add "
        "this?\n\n{ontbreekt}\n\nThank you very much!\n{afzender}\n{winkel}"),
    NP_("u", "Hi {voornaam},\n\nThank you for your post, it looks lovely! One small thing: because you received "
        "the product from us, the rules ask that your followers can see it is advertising. Could you still add "
        "this?\n\n{ontbreekt}\n\nThank you very much!\n{afzender}\n{winkel}"),
)

# Phrases that make up {afspraken}: one per promise kind, in both forms of address.
# The English source is the same for both forms; Dutch differs (je/jouw or u/uw).
DESCRIPTIONS: dict[str, str] = {}
DESCRIPTIONS["deliverable"] = NP_("je", "your {what} with the {product}")
DESCRIPTIONS["deliverable"] = NP_("u", "your {what} with the {product}")
DESCRIPTIONS["deliverable_no_product"] = NP_("je", "your {what}")
DESCRIPTIONS["deliverable_no_product"] = NP_("u", "your {what}")
DESCRIPTIONS["reply"] = NP_("je", "your answer to my message of {date}")
DESCRIPTIONS["reply"] = NP_("u", "your answer to my message of {date}")
DESCRIPTIONS["shipment"] = NP_("je", "a short message whether the parcel with the {product} arrived")
DESCRIPTIONS["shipment"] = NP_("u", "a short message whether the parcel with the {product} arrived")
DESCRIPTIONS["custom_order"] = NP_("je", "news about order {number}")
DESCRIPTIONS["custom_order"] = NP_("u", "news about order {number}")
# What a deliverable is, inside a sentence.
DELIVERABLE_WORDS = {
    "post": NP_("inline", "post"),
    "story": NP_("inline", "story"),
    "reel": NP_("inline", "reel"),
    "tiktok": NP_("inline", "TikTok video"),
    "youtube": NP_("inline", "YouTube video"),
    "other": NP_("inline", "content"),
}
# TRANSLATORS: used for {gevolg} when the agreement names no consequence.
DEFAULT_CONSEQUENCE = N_("we will not work together on new collaborations for now")


def template_ids() -> list[str]:
    return list(TEMPLATES)


def default_text(template_id: str, language: str, form: str = "je") -> tuple[str, str]:
    """(subject, body) of the default template in ``language`` and ``form``."""
    template = TEMPLATES[template_id]
    catalog = i18n.translations_for(language)
    context = form if form in FORMS else "je"
    return catalog.gettext(template.subject), catalog.pgettext(context, template.body)


def describe(kind: str, details: Mapping[str, object], recipient: Recipient, now: datetime | None = None,
             tz: tzinfo = timezone.utc) -> str:
    """The phrase for one promise inside {afspraken}, e.g. "je reel met de Ketting Maan"."""
    lookup = i18n.translations_for(recipient.lang).pgettext  # (an alias: not a string to extract)
    context = recipient.context
    if kind == "deliverable":
        what = lookup("inline", DELIVERABLE_WORDS.get(str(details.get("what", "")), DELIVERABLE_WORDS["other"]))
        key = "deliverable" if details.get("product") else "deliverable_no_product"
        text = lookup(context, DESCRIPTIONS[key])
        return fill_simple(text, what=what, product=str(details.get("product") or ""))
    if kind == "reply":
        text = lookup(context, DESCRIPTIONS["reply"])
        return fill_simple(text, date=format_value(details.get("message_at"), recipient, now, tz))
    if kind == "shipment":
        text = lookup(context, DESCRIPTIONS["shipment"])
        return fill_simple(text, product=str(details.get("product") or ""))
    text = lookup(context, DESCRIPTIONS["custom_order"])
    return fill_simple(text, number=str(details.get("order_number") or ""))


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
    subject, body = override if override else default_text(template_id, recipient.lang, recipient.context)
    formatted = {name: format_value(value, recipient, now, tz) for name, value in values.items()}
    if not formatted.get("voornaam") and recipient.first_name:
        formatted["voornaam"] = recipient.first_name
    return Message(subject=fill(subject, formatted).strip(), body=fill(body, formatted).strip(),
                   template=template_id, language=recipient.lang, form=recipient.context)


def sample_values(language: str = "nl") -> dict[str, object]:
    """Believable values for previews when no real promise is at hand."""
    return {
        "voornaam": "Sanne", "naam": "Sanne de Vries", "winkel": "Zilver & Zo", "afzender": "Eva",
        "afspraken": "", "product": "Zilveren ketting Maan", "deadline": date(2026, 12, 7),
        "dagen_te_laat": DaysLate(2), "afgesproken_op": date(2026, 11, 10),
        "gevolg": i18n.translations_for(language).gettext(DEFAULT_CONSEQUENCE),
        "kosten": Money(2495), "pauzedatum": date(2026, 12, 14), "verzonden_op": date(2026, 11, 30),
        "bestelnummer": "#1041", "beloofde_datum": date(2026, 12, 4), "nieuwe_datum": date(2026, 12, 9),
        "personalisatie": "M", "prijs": Money(3495), "vervoerder": "PostNL",
        "track_trace": "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1234AB",
        "titel": "Ketting Maan voor een reel",
        "voorwaarden": "• 1 reel by 7 December\n• @zilverenzo #gekregen" if language == "en"
        else "• 1 reel uiterlijk 7 december\n• @zilverenzo #gekregen",
        "reden": "the timing no longer suits us" if language == "en" else "de timing past ons niet meer",
        "ontbreekt": "• #reclame",
    }


__all__ = [
    "FORMS", "Money", "DaysLate", "Recipient", "Message", "PLACEHOLDERS", "Template", "TEMPLATES",
    "placeholders_in", "validate", "fill", "format_value", "template_ids", "default_text", "describe",
    "render", "sample_values", "DEFAULT_CONSEQUENCE", "DELIVERABLE_WORDS",
]
