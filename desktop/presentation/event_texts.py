"""The words of the app's own timeline events, in the reader's language.

The store keeps what happened as a fact (``Event.fact``, a short code) with its values
(``Event.params``, JSON: codes, numbers, ISO dates, and the titles and reasons people
typed, exactly as typed). This module turns a fact into a sentence when it is shown,
searched or exported, so the English UI reads "Order #1041: New → In production" also
for an event written while the app spoke Dutch. What a person wrote (notes, messages,
reasons) is stored in ``Event.text`` or in a ``note`` parameter and never translated.

``render`` is what every reader calls (timeline, a person's history, the order pane, the
CSV export). ``search_words`` is what the search index holds for a fact: the sentence in
every language the app speaks, so a search finds it by the words on screen whatever the
language was when it was written, and a language switch needs no re-indexing
(desktop/store/event_search.py).

No Qt and no store here: pure functions over gettext and Babel (desktop/i18n.py).
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Callable

from desktop import clock, i18n
from desktop.domain import carriers
from desktop.store import event_search
from desktop.i18n import N_, _, ngettext
from desktop.labels import label
from desktop.presentation import made_to_order_texts

log = logging.getLogger(__name__)

# A person-written part of a fact (a reason, the first line of a strike's evidence):
# shown after the sentence, as written.
NOTE = "note"

_RENDER: dict[str, Callable[[dict], str]] = {}


def _fact(name: str):
    def register(fn):
        _RENDER[name] = fn
        return fn
    return register


# The words of the timeline's "What" column for an app event whose kind alone would say too
# little (a kind's own label otherwise: labels "event_kind"): a post checked is not a post made.
_WHAT = {
    "content_posted": N_("Content posted"),
    # TRANSLATORS: timeline, "What" column: the owner looked at a post's points herself ("Check…").
    "content_checked": N_("Content checked"),
    # TRANSLATORS: timeline, "What" column: screenshots kept as evidence of a post.
    "evidence_added": N_("Evidence added"),
}


def what(kind: str, fact: str | None) -> str:
    """The timeline's "What" for an event: the fact's own words where the kind says too
    little ("Content checked", not "Content posted"), else the kind's label."""
    words = _WHAT.get(fact or "")
    return _(words) if words else label("event_kind", kind)


def known_facts() -> frozenset[str]:
    return frozenset(_RENDER)


# Facts about a custom order that name it by its shop number, and by its customer where it
# has none: the event's person (``render``'s ``name``), never a hole ("Bestelling — bevestigd").
ORDER_FACTS = frozenset({"order_entered", "order_status", "order_confirmed", "order_shipped"})
# The customer's name handed to a renderer (the params as stored never hold it: an erasure
# would have to find it there).
_CUSTOMER = "\x00customer"


def names_customer(fact: str | None, params: dict | None) -> bool:
    """Does this fact name its order by the customer (an order without a shop number)?"""
    return fact in ORDER_FACTS and not (params or {}).get("number")


def render(fact: str, params: dict | None, text: str = "", name: str = "") -> str:
    """What the reader sees for an event: the fact in the current language, else the text.
    ``name``: the event's person, which names an order without a shop number
    (:func:`names_customer`); the timeline has it in its row, :func:`shown` asks for it.

    An unknown fact (written by a newer Afspraak, or damaged params) falls back to the
    stored text, never to an error on the timeline."""
    if not fact:
        return text
    renderer = _RENDER.get(fact)
    if renderer is None:
        return text or fact
    try:
        given = params or {}
        if name and names_customer(fact, given):
            given = {**given, _CUSTOMER: name}
        sentence = renderer(given)
    except (KeyError, TypeError, ValueError):
        log.warning("event fact %s with unexpected params %r", fact, params)
        return text or fact
    note = (params or {}).get(NOTE)
    if note and fact not in _NOTE_INSIDE:
        sentence += " · " + note
    return sentence


def search_words(fact: str, params: dict | None, languages=i18n.LANGUAGES) -> str:
    """The fact's sentence in every language, one per line, for the search index."""
    if not fact:
        return ""
    lines = []
    for language in languages:
        with i18n.speaking(language):
            line = render(fact, params)
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)


def _items(items) -> str:
    return ", ".join(_("{quantity} × {product}").format(quantity=q, product=title) for title, q in items)


def _date(iso: str | None) -> str:
    return i18n.format_date(date.fromisoformat(iso)) if iso else "—"


# --- influencers -------------------------------------------------------------------------

@_fact("person_added")
def _person_added(p):
    return _("Added as an influencer")


@_fact("person_status")
def _person_status(p):
    return _("Status: {old} → {new}").format(old=label("person_status", p["old"]),
                                            new=label("person_status", p["new"]))


@_fact("strike")
def _strike(p):
    return _("Strike: {reason}").format(reason=label("strike_reason", p["reason"]))


@_fact("strike_lifted")
def _strike_lifted(p):
    return _("Strike lifted: {reason}").format(reason=label("strike_reason", p["reason"]))


@_fact("strikes_lifted_delivered")
def _strikes_lifted(p):
    return _("Strikes lifted: all outstanding work has been posted")


@_fact("strike_after_reminders")
def _strike_after_reminders(p):
    return _("Strike: not delivered after the final reminder.")


@_fact("reply_received")
def _reply_received(p):
    return _("Reply received")


# --- collaborations ----------------------------------------------------------------------

@_fact("collab_created")
def _collab_created(p):
    # TRANSLATORS: timeline: a collaboration entered in the app; {status} is its status, quoted
    # ("“Received”": entered when the gift had already reached her, not "a collaboration was received").
    return _("Collaboration added as {status}: {title}").format(
        status=i18n.quoted(label("collab_status", p["status"])), title=p["title"])


@_fact("collab_exception")
def _collab_exception(p):
    return _("Exception: new collaboration although the influencer is {status}").format(
        status=label("person_status", p["status"]).lower())


@_fact("agreement_changed")
def _agreement_changed(p):
    from desktop.domain.collaborations import TERM_LABELS

    names = ", ".join(_(TERM_LABELS[k]).lower() if k in TERM_LABELS else k for k in p["fields"])
    return _("Agreement changed ({fields}): {reason}").format(fields=names, reason=p.get(NOTE, ""))


@_fact("deadlines_moved")
def _deadlines_moved(p):
    # each new date with the one agreed before it (audit 11, F2: the old one was nowhere to be read);
    # an event written before the old dates were kept names only the new ones
    before = p.get("before") or [None] * len(p["dates"])
    dates = ", ".join(_date(iso) if old is None else
                      # TRANSLATORS: a moved deadline: its new date, then the date agreed before it.
                      _("{new} (was {old})").format(new=_date(iso), old=_date(old))
                      for iso, old in zip(p["dates"], before))
    if p.get("why") == "late_gift":
        # TRANSLATORS: timeline event: the collaboration's first parcel went out too late for a
        # deadline, so that deadline moves later by the {days} days the gift waited after the agreement.
        return ngettext("Gift sent {days} day after the agreement, so the deadline of {title} moves: {dates}",
                        "Gift sent {days} days after the agreement, so the deadline of {title} moves: {dates}",
                        p["days"]).format(title=p["title"], days=p["days"], dates=dates)
    if p.get("why") == "handed_over":
        # TRANSLATORS: timeline event: the gift reached her another way than a parcel (by hand, say)
        # {days} days after the agreement, so the collaboration's deadlines move later to give her time.
        return ngettext("Gift given without a parcel {days} day after the agreement, so the deadline of {title} "
                        "moves: {dates}",
                        "Gift given without a parcel {days} days after the agreement, so the deadline of {title} "
                        "moves: {dates}", p["days"]).format(title=p["title"], days=p["days"], dates=dates)
    count = len(p["dates"])  # one deadline or several: "the deadline … moves", "the deadlines … move"
    if p.get("why") == "handed_again":
        # TRANSLATORS: timeline event: every parcel of the collaboration came back or got lost, and then
        # the gift reached her another way than a parcel (collected, brought by someone: not "by hand"),
        # so its open deadlines move later; {dates}: each new date with the one before ("18 dec 2026
        # (was 1 dec 2026), …"). No number of days: each deadline moves by its own.
        return ngettext("Gift given another way after the parcel never arrived, so the deadline of {title} moves: "
                        "{dates}",
                        "Gift given another way after the parcel never arrived, so the deadlines of {title} move: "
                        "{dates}", count).format(title=p["title"], dates=dates)
    # TRANSLATORS: timeline event: a new parcel went out after the earlier one came back or got lost,
    # so the collaboration's open deadlines move later; {dates}: each new date with the one before.
    return ngettext("New parcel sent, so the deadline of {title} moves: {dates}",
                    "New parcel sent, so the deadlines of {title} move: {dates}", count).format(
        title=p["title"], dates=dates)


@_fact("agreement_confirmed")
def _agreement_confirmed(p):
    return _("Change confirmed by the influencer: {title}").format(title=p["title"])


@_fact("collab_status")
def _collab_status(p):
    text = _("{title}: {old} → {new}").format(title=p["title"], old=label("collab_status", p["old"]),
                                              new=label("collab_status", p["new"]))
    if p.get("why") == "last_reminder":  # the app's own reason (store/due.apply_strike)
        text += " · " + _("Not delivered after the final reminder.")
    elif p.get("why") == "last_reminder_no_strike":  # store/due.end_without_strike
        text += " · " + _("Ended after the final reminder, without a strike.")
    return text


def _content_kind(p) -> str:
    """What was posted: the deliverable's kind ("Reel"), or content beyond the agreement."""
    return label("deliverable", p["deliverable"]) if p.get("deliverable") else _("Extra content")


@_fact("content_posted")
def _content_posted(p):
    kind = _content_kind(p)
    text = _("{kind} posted on {platform}").format(kind=kind, platform=label("platform", p["platform"]) or "?")
    if p.get("missing") or p.get("unchecked"):
        from desktop.presentation.disclosure_texts import in_a_line, stored_split

        # an older event stored a box left unticked as missing: read back as not checked
        missing, unchecked = stored_split(p.get("missing") or [])
        unchecked += [item for item in p.get("unchecked") or () if item not in unchecked]
        if missing:
            text += " · " + _("missing: {items}").format(items=in_a_line(missing))
        if unchecked:
            # TRANSLATORS: timeline, after "Reel posted on Instagram": a point of the advertising rules
            # nobody ticked when the post was logged (said in the video, first and last story).
            text += " · " + _("not checked: {items}").format(items=in_a_line(unchecked))
    return text


@_fact("content_checked")
def _content_checked(p):
    from desktop.presentation.disclosure_texts import in_a_line

    # TRANSLATORS: timeline: the owner looked at a logged post's points of the advertising rules that
    # nobody had checked (said in the video, first and last story); {content} e.g. "Reel on Instagram".
    text = _("{content} checked").format(content=_content_on(p))
    if p.get("in_order"):
        # TRANSLATORS: timeline, after "Reel on Instagram checked": the points the owner found in order.
        text += " · " + _("OK: {items}").format(items=in_a_line(p["in_order"]))
    if p.get("missing"):
        text += " · " + _("missing: {items}").format(items=in_a_line(p["missing"]))
    if p.get("unchecked"):
        # TRANSLATORS: timeline, after "Reel on Instagram checked": points the owner left for later.
        text += " · " + _("still not checked: {items}").format(items=in_a_line(p["unchecked"]))
    return text


@_fact("rated")
def _rated(p):
    text = _("Rated {stars} out of 5: {title}").format(stars=i18n.format_number(p["stars"]), title=p["title"])
    if not p.get("work_again", True):
        text += " · " + _("would not work together again")
    return text


def _content_on(p, inline: bool = False) -> str:
    """ "Reel on Instagram"; ``inline``: as it stands inside a sentence ("…added to reel on
    Instagram", not "…added to Reel on Instagram")."""
    kind = _content_kind(p)
    if inline and p.get("deliverable"):
        from desktop.presentation.messages import inline_kind

        kind = inline_kind(p["deliverable"], i18n.translations_for(i18n.current_language()))
    # TRANSLATORS: a posted content record, e.g. "Reel on Instagram".
    return _("{kind} on {platform}").format(kind=kind, platform=label("platform", p["platform"]) or "?")


def content_title(content, inline: bool = False) -> str:
    """ "Reel on Instagram" for a content record (``models.Content``); ``inline``: as it
    stands inside a sentence ("reel on Instagram")."""
    return _content_on({"deliverable": content.deliverable.kind if content.deliverable_id else "",
                        "platform": content.platform or ""}, inline)


def content_line(content) -> str:
    """A content record's line as the influencer pane shows it: "Reel on Instagram, 20 Nov:
    https://…" (``models.Content``, its deliverable attached)."""
    kind = label("deliverable", content.deliverable.kind) if content.deliverable_id else _("Extra content")
    return _("{kind} on {platform}, {date}: {url}").format(
        kind=kind, platform=label("platform", content.platform),
        date=i18n.list_date(clock.to_local(content.posted_at)) if content.posted_at else "", url=content.url)


@_fact("evidence_added")
def _evidence_added(p):
    content = _content_on(p, inline=True)
    # TRANSLATORS: timeline event; {names} are the file names the pictures had.
    return ngettext("Evidence added to {content}: {n} picture ({names})",
                    "Evidence added to {content}: {n} pictures ({names})", p["n"]).format(
        content=content, n=p["n"], names=", ".join(p["names"]))


# --- shipments -----------------------------------------------------------------------------

@_fact("shipment_ready")
def _shipment_ready(p):
    return _("Parcel ready to send: {items}").format(items=_items(p["items"]))


@_fact("shipment_withdrawn")
def _shipment_withdrawn(p):
    if not p.get("items"):  # a parcel whose products all left the catalogue: no empty brackets
        # TRANSLATORS: timeline event: as "Parcel taken out of Shipments, not sent: …" for a parcel whose products
        # are no longer known.
        return _("Parcel taken out of Shipments, not sent: the gift was given without a parcel")
    # TRANSLATORS: timeline event: a parcel packed for an influencer was never sent and is gone from Shipments,
    # because the owner chose "Done without a parcel…" on the task to send the gift (she got it another way).
    return _("Parcel taken out of Shipments, not sent: the gift was given without a parcel ({items})").format(
        items=_items(p["items"]))


def _named(carrier: str | None) -> str:
    """The carrier's name for a sentence, or "" when there is none to give: the owner's
    "Other carrier" choice (or none at all) is no company, so the sentence leaves it out
    rather than read "Sent with Other carrier" (as messages do: due_texts' ``vervoerder``)."""
    if not carrier or carrier == "other" or carrier not in carriers.CARRIERS:
        return ""
    return label("carrier", carrier)


@_fact("shipment_sent")
def _shipment_sent(p):
    carrier = _named(p.get("carrier"))
    if p.get("day"):  # recorded on a later day than it went out
        if not carrier:
            # TRANSLATORS: timeline: a parcel recorded after the day it went out, with a carrier the owner did
            # not name; {date} is that day.
            return _("Parcel sent on {date}: {items}").format(date=_date(p["day"]), items=_items(p["items"]))
        # TRANSLATORS: timeline: a parcel recorded after the day it went out; {date} is that day.
        return _("Sent with {carrier} on {date}: {items}").format(
            carrier=carrier, date=_date(p["day"]), items=_items(p["items"]))
    if not carrier:
        # TRANSLATORS: timeline: a parcel went out with a carrier the owner did not name.
        return _("Parcel sent: {items}").format(items=_items(p["items"]))
    return _("Sent with {carrier}: {items}").format(carrier=carrier, items=_items(p["items"]))


@_fact("shipment_delivered")
def _shipment_delivered(p):
    carrier = _named(p.get("carrier"))
    if not carrier:
        # TRANSLATORS: timeline: a parcel was delivered by a carrier the owner did not name.
        return _("Parcel delivered: {items}").format(items=_items(p["items"]))
    return _("Delivered by {carrier}: {items}").format(carrier=carrier, items=_items(p["items"]))


@_fact("shipment_confirmed")
def _shipment_confirmed(p):
    return _("Receipt confirmed: {items}").format(items=_items(p["items"]))


@_fact("shipment_returned")
def _shipment_returned(p):
    return _("Returned to the shop: {items}").format(items=_items(p["items"]))


@_fact("shipment_lost")
def _shipment_lost(p):
    carrier = _named(p.get("carrier"))
    if not carrier:
        # TRANSLATORS: timeline event: a parcel got lost on its way (or never arrived), with a carrier the owner
        # did not name.
        return _("Parcel lost on its way: {items}").format(items=_items(p["items"]))
    # TRANSLATORS: timeline event: the carrier lost the parcel (or it never arrived).
    return _("Lost by {carrier}: {items}").format(carrier=carrier, items=_items(p["items"]))


# --- imports from the shop -------------------------------------------------------------------

def _from_file(p, with_file: str, without: str, counts: list[tuple[int, str]], **values) -> str:
    """An import's sentence: with the file's name when it was stored (the CLI and the views
    store it), without it otherwise; of the (number, words with {n}) counts those that are
    not 0, and the first one always."""
    values["counts"] = ", ".join(text.format(n=i18n.format_number(count))
                                 for index, (count, text) in enumerate(counts) if count or not index)
    return with_file.format(file=p["file"], **values) if p.get("file") else without.format(**values)


@_fact("products_imported")
def _products_imported(p):
    new, updated, unpriced = p["new"], p["updated"], p.get("without_price", 0)
    counts = [(new, ngettext("{n} new product", "{n} new products", new)),
              # TRANSLATORS: after an import, right after "23 new products": those the file gave no price for
              (unpriced, ngettext("{n} of them without a price", "{n} of them without a price", unpriced)),
              (updated, ngettext("{n} product updated", "{n} products updated", updated))]
    # TRANSLATORS: timeline event; {counts} e.g. "23 new products, 2 products updated", {file} the
    # file's name: the counts come first, so a narrow list still shows them.
    return _from_file(p, _("Products imported: {counts} (“{file}”)"), _("Products imported: {counts}"), counts)


@_fact("orders_imported")
def _orders_imported(p):
    from desktop.domain.order_importers import PLATFORM_NAMES

    new, updated, people = p["new"], p["updated"], p.get("new_customers", 0)
    sent, cancelled = p.get("custom_sent", 0), p.get("custom_cancelled", 0)  # events before 2026-12 lack them
    made = p["custom_orders"] - sent - cancelled
    counts = [(new, ngettext("{n} new order", "{n} new orders", new)),
              (updated, ngettext("{n} order updated", "{n} orders updated", updated)),
              (people, ngettext("{n} new customer", "{n} new customers", people)),
              (made, ngettext("{n} new custom order", "{n} new custom orders", made)),
              *made_to_order_texts.already_done_counts(sent, cancelled)]
    platform = PLATFORM_NAMES.get(p.get("platform"), p.get("platform") or "")
    # TRANSLATORS: timeline event; {platform} e.g. Shopify, {counts} what changed, {file} the
    # file's name: the counts come first, so a narrow list still shows them.
    return _from_file(p, _("Orders from {platform} imported: {counts} (“{file}”)"),
                      _("Orders from {platform} imported: {counts}"), counts, platform=platform)


# --- custom orders ---------------------------------------------------------------------------

@_fact("order_entered")
def _order_entered(p):
    day = _date(p.get("date")) if p.get("date") else ""
    if p.get(_CUSTOMER):  # an order typed in without a shop number: named by its customer
        # TRANSLATORS: timeline event; {name} is the customer of a custom order that has no shop number.
        return _("Custom order for {name} entered, promised for {date}").format(name=p[_CUSTOMER], date=day)
    return _("Custom order {number} entered, promised for {date}").format(number=p["number"] or "—", date=day)


@_fact("order_imported")
def _order_imported(p):
    from desktop.domain.order_importers import PLATFORM_NAMES

    return _("Custom order {number} imported from {platform}, promised for {date}").format(
        number=p["number"] or "—", platform=PLATFORM_NAMES.get(p["platform"], p["platform"]), date=_date(p.get("date")))


@_fact("order_status")
def _order_status(p):
    old, new = label("order_status", p["old"]), label("order_status", p["new"])
    if p.get("platform"):  # followed from the shop's export (store/shop_orders.py)
        from desktop.domain.order_importers import PLATFORM_NAMES

        platform = PLATFORM_NAMES.get(p["platform"], p["platform"])
        if p.get(_CUSTOMER):
            # TRANSLATORS: timeline event; {name} is the customer of a custom order without a shop number.
            return _("Order for {name}: {old} → {new} ({platform})").format(
                name=p[_CUSTOMER], old=old, new=new, platform=platform)
        return _("Order {number}: {old} → {new} ({platform})").format(
            number=p["number"] or "—", old=old, new=new, platform=platform)
    if p.get(_CUSTOMER):
        # TRANSLATORS: timeline event; {name} is the customer of a custom order without a shop number.
        return _("Order for {name}: {old} → {new}").format(name=p[_CUSTOMER], old=old, new=new)
    return _("Order {number}: {old} → {new}").format(number=p["number"] or "—", old=old, new=new)


@_fact("order_date_moved")
def _order_date_moved(p):
    what = _("Promised ready date") if p["field"] == "promised_ready" else _("Promised delivery date")
    return _("{what} moved from {old} to {new}: {reason}").format(
        what=what, old=_date(p.get("old")), new=_date(p.get("new")), reason=p.get(NOTE, ""))


@_fact("order_confirmed")
def _order_confirmed(p):
    if p.get(_CUSTOMER):
        # TRANSLATORS: timeline event: the order confirmation went to {name}, the customer of an order without
        # a shop number.
        return _("Order for {name} confirmed").format(name=p[_CUSTOMER])
    # TRANSLATORS: timeline event: the order confirmation went to the customer.
    return _("Order {number} confirmed").format(number=p["number"] or "—")


@_fact("order_shipped")
def _order_shipped(p):
    carrier = _named(p.get("carrier"))
    who = p.get(_CUSTOMER)
    if not carrier:  # the owner's "Other carrier": no company to name
        if p.get("day"):
            if who:
                # TRANSLATORS: timeline event: the custom order of {name} (it has no shop number) was shipped on
                # {date}, recorded later, with a carrier the owner did not name.
                return _("Order for {name} sent on {date}").format(name=who, date=_date(p["day"]))
            # TRANSLATORS: timeline event: a custom order was shipped on {date}, recorded later, with a carrier
            # the owner did not name.
            return _("Order {number} sent on {date}").format(number=p["number"] or "—", date=_date(p["day"]))
        if who:
            # TRANSLATORS: timeline event: the custom order of {name} (it has no shop number) was shipped, with a
            # carrier the owner did not name.
            return _("Order for {name} sent").format(name=who)
        # TRANSLATORS: timeline event: a custom order was shipped, with a carrier the owner did not name.
        return _("Order {number} sent").format(number=p["number"] or "—")
    if p.get("day"):  # recorded on a later day than it went out
        if who:
            # TRANSLATORS: timeline event: the custom order of {name} (it has no shop number) was shipped on
            # {date}, recorded later.
            return _("Order for {name} sent with {carrier} on {date}").format(
                name=who, carrier=carrier, date=_date(p["day"]))
        # TRANSLATORS: timeline event: a custom order was shipped on {date}, recorded later.
        return _("Order {number} sent with {carrier} on {date}").format(
            number=p["number"] or "—", carrier=carrier, date=_date(p["day"]))
    if who:
        # TRANSLATORS: timeline event: the custom order of {name} (it has no shop number) was shipped.
        return _("Order for {name} sent with {carrier}").format(name=who, carrier=carrier)
    return _("Order {number} sent with {carrier}").format(number=p["number"] or "—", carrier=carrier)


@_fact("order_product")
def _order_product(p):
    if not p.get("number"):  # an order typed in without a shop number: no hole where it would go
        # TRANSLATORS: timeline event: a product from the catalogue given to a custom order that has no shop number.
        return _("Product for the order without a number: {product}").format(product=p["product"])
    return _("Product for order {number}: {product}").format(number=p["number"], product=p["product"])


# Facts whose sentence holds the note itself (after a colon) rather than after " · ".
_NOTE_INSIDE = frozenset({"agreement_changed", "order_date_moved"})


def shown(event) -> str:
    """What the reader sees of a stored event: its fact in the current language (an order
    without a shop number named by the event's person), or the text a person wrote."""
    name = ""
    if names_customer(event.fact, event.params) and event.person_id is not None:
        from desktop.store import lookups

        person = lookups.person(event.person_id)
        name = person.name if person is not None else ""
    return render(event.fact, event.params, event.text, name)


def _says(text: str) -> str:
    """The first sentence of a message the shop sent: its salutation on a line of its own
    ("Hoi Noor," above a blank line) passed over, as a reader's eye does, and its first
    paragraph cut where a new sentence begins (a mark, a space, a capital: not at "bijv."
    or "o.a." within a sentence)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].endswith(",") and len(lines[0]) <= SALUTATION_AT_MOST:
        lines = lines[1:]
    if not lines:
        return ""
    first = lines[0]
    for end in _SENTENCE_END.finditer(first, SENTENCE_AT_LEAST):
        if first[end.end()].isupper():
            return first[:end.start()]
    return first


# The longest first line still taken for a salutation ("Geachte mevrouw Van den Berghe,").
SALUTATION_AT_MOST = 60
# A sentence's end after at least this many characters: "Hé! Dank je" at the start does not
# make a line of its own.
SENTENCE_AT_LEAST = 20
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


# The events that hold a message as the shop sent it.
SENT_MESSAGES = frozenset(("reminder", "message"))


def line(event) -> str:
    """An event in one line, for a list of a person's latest events (her pane, the strike
    dialog's evidence): what a message said, not its "Hoi Noor,", and a reminder named."""
    sentence = shown(event)
    if not event.fact and event.direction == "out" and event.kind in SENT_MESSAGES:
        said = _says(sentence)  # a message as the shop sent it
    else:  # Afspraak's own words, or what a person wrote or noted: its first line as it is
        said = sentence.splitlines()[0] if sentence else ""
    if event.kind == "reminder" and not event.fact and said:
        # TRANSLATORS: a reminder the owner sent, in one line of an influencer's latest events;
        # {text} is the first line of the message after its greeting.
        return _("Reminder: {text}").format(text=said)
    return said


def dated_line(event) -> str:
    """:func:`line` after the day it happened ("22 nov 2026: Herinnering: …"), as her pane
    and the strike dialog list her latest events."""
    return _("{date}: {text}").format(date=i18n.list_date(clock.to_local(event.at)), text=line(event))


event_search.use_wording(search_words)  # the store indexes a fact by these words

# Raise it when a fact's sentence changes in this module without any catalog text changing
# (which changes ``i18n.catalogs_fingerprint`` by itself): the stored search words follow at
# the next start (``wording_stamp``).
WORDING_VERSION = 2  # 2: a moved deadline's line after a lost parcel names no day count, "deadlines" for several


def wording_stamp() -> str:
    """What the search words ``search_words`` makes now are made with: this module's wording
    and every language's catalog. The window's start compares it with the stamp the stored
    words were made with and rewrites those that read otherwise now (store/event_search.
    rewrite_words): a carrier's label renamed in the catalogs ("Andere vervoerder") no longer
    finds the lines that stopped showing it."""
    return f"{WORDING_VERSION}:{i18n.catalogs_fingerprint()}"


def moved_deadlines_at(moment) -> str:
    """What the "deadlines moved" events written at ``moment`` say, in one line ("" when
    none): the view that sent a late parcel says it in its status bar at once, and where
    the message that tells her waits (the influencer pane, under the change)."""
    from desktop.store import lookups

    said = " ".join(shown(event) for event in lookups.deadlines_moved_at(moment))
    if not said or not lookups.agreement_changed_at(moment):
        return said
    # TRANSLATORS: after the status bar's line on deadlines Afspraak moved (a late parcel); short,
    # the line must fit a laptop's window.
    return said.rstrip(".") + ". " + _("Message with the new date: under Influencers, with the collaboration.")
