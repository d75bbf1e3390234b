"""The words of the follow-up ladder: a due item's title and its ready message.

The store finds the facts (``store/due.py``, one module per kind of promise in
``store/promises/``); this module words them: in the owner's language for titles, in
the recipient's language and form of address for messages (``messages.render``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from desktop import i18n
from desktop.clock import to_local
from desktop.domain import carriers, followup, names
from desktop.presentation import messages
from desktop.domain import orders as rules
from desktop.domain.followup import DueItem, LadderSettings
from desktop.domain.orders import propose_new_date
from desktop.domain.shipments import LATE_GIFT_KEPT_DAYS
from desktop.i18n import _, ngettext
from desktop.labels import label
from desktop.store import due, orders, settings, templates
from desktop.store.models import CustomOrder, Person


def recipient(person: Person) -> messages.Recipient:
    """Who reads a message to ``person``: first name, language, country, form of address."""
    return messages.Recipient(names.greeting_name(person.name or ""), person.language or "nl", person.country or "NL",
                              person.address_form or "je")


# --- Vandaag's groups -------------------------------------------------------------------

# The groups of Vandaag's list, in their order: due now (or overdue), later today, and
# in the next seven days (the ladder's own window, not the calendar week).
TODAY_GROUPS = ("now", "today", "week")


def today_group_heading(group: str, count: int) -> str:
    """The heading over one of Vandaag's groups, with how many reminders it lists."""
    n = i18n.format_number(count)
    if group == "now":
        # TRANSLATORS: heading over Vandaag's reminders due now or overdue (the sidebar's "Today (7)").
        return ngettext("To do now: {count} reminder", "To do now: {count} reminders", count).format(count=n)
    if group == "today":
        # TRANSLATORS: heading over Vandaag's reminders that come due later today.
        return ngettext("Later today: {count} reminder", "Later today: {count} reminders", count).format(count=n)
    # TRANSLATORS: heading over Vandaag's reminders that come due after today, within 7 days.
    return ngettext("Next 7 days: {count} reminder", "Next 7 days: {count} reminders", count).format(count=n)


def waiting_since(moment: datetime, now: datetime) -> str:
    """Vandaag's "When" of a reminder due now, from the local moment its step came up:
    "Now" on its own day, else how long it has waited ("Since yesterday", "Since 20 Nov"):
    a list of nine rows that all said "Now" hid which had waited a week."""
    days = (now.date() - moment.date()).days
    if days <= 0:
        # TRANSLATORS: Vandaag's "When" column: a reminder that came up today.
        return _("Now")
    if days == 1:
        # TRANSLATORS: Vandaag's "When" column: a reminder due since yesterday, still not done.
        return _("Since yesterday")
    # the day without its year when it is this year's: the column stays narrow at 1366 px
    day = i18n.list_date(moment) if moment.year != now.year else i18n.keep_together(i18n.format_date(moment, "d MMM"))
    # TRANSLATORS: Vandaag's "When" column: a reminder due since an earlier day, e.g. "Since 20 Nov".
    return _("Since {date}").format(date=day)


def step_moment_label(moment: datetime, now: datetime) -> str:
    """The name of a step's moment in a detail pane: when it came up for the owner (its
    turn; not a deadline she must meet), the words the due dialog and the influencer pane
    use for it ("Aan de beurt sinds …", "vanaf …")."""
    if moment <= now:
        # TRANSLATORS: Vandaag's pane, beside the moment a reminder step came up (its turn, not a deadline).
        return _("Due since")
    # TRANSLATORS: Vandaag's pane, beside the moment a reminder step comes up (its turn, not a deadline).
    return _("Due from")


# --- titles ----------------------------------------------------------------------------

def _deliverable_title(facts: tuple) -> str:
    kind, title = facts
    return _("{title} ({kind})").format(title=title or _("(untitled)"), kind=label("deliverable", kind))


def _parcel_title(facts: tuple) -> str:
    sent_at, title = facts
    return _("parcel sent {date}").format(date=i18n.format_date(sent_at)) + (f" · {title}" if title else "")


def _order_title(facts: tuple) -> str:
    if not facts[0]:  # typed in without a shop number (the list names its customer beside it)
        # TRANSLATORS: what a reminder is about: a custom order that has no shop order number.
        return _("order without a number")
    return _("order {number}").format(number=facts[0])


def _gift_title(facts: tuple) -> str:
    return facts[0] or _("(untitled)")


def _reply_title(facts: tuple | None) -> str:
    return _("reply to your message") + (f" · {facts[0]}" if facts else "")


# Per kind of promise (``store/promises/``): its facts (``Kind.subject_facts``) as a title.
TITLES: dict[str, Callable[[tuple], str]] = {
    "deliverable": _deliverable_title,
    "shipment": _parcel_title,
    "custom_order": _order_title,
    "gift": _gift_title,
}


def subject_title(item: DueItem) -> str:
    """A short human name for what the item is about."""
    return subject_titles([item])[0]


def subject_titles(items: Iterable[DueItem]) -> list[str]:
    """:func:`subject_title` of many items with one query per kind of subject (the Vandaag
    list shows hundreds of items on a busy day: two model lookups each took a second)."""
    items = list(items)
    facts = due.subject_facts(items)
    return [_title_of(item, facts.get(item.kind, {})) for item in items]


def _same_collaboration(item: DueItem) -> list:
    """The deliverable parts of ``item`` of the collaboration its first part belongs to (a
    message may carry a parcel's check-in along, or another collaboration's step)."""
    first = item.parts[0].details.get("collaboration_id")
    return [part for part in item.parts
            if part.kind == "deliverable" and part.details.get("collaboration_id") == first]


def _collaboration_title(found: tuple, together: list) -> str:
    """ "Oorbellen (Post en Story)": a collaboration's title with the kinds of its parts."""
    from babel.lists import format_list

    kinds = list(dict.fromkeys(label("deliverable", part.details.get("what", "")) for part in together))
    return _("{title} ({kind})").format(title=found[1] or _("(untitled)"),
                                        kind=format_list(kinds, locale=i18n.formatting_locale()))


def _title_of(item: DueItem, facts: dict[int, tuple]) -> str:
    found = facts.get(due.subject_of(item))
    if item.kind == "reply":  # without a live collaboration's title too
        return _reply_title(found)
    if found is not None and item.kind == "deliverable":
        groups: dict[object, list] = {}
        for part in item.parts:
            if part.kind == "deliverable" and part.subject_id in facts:
                groups.setdefault(part.details.get("collaboration_id"), []).append(part)
        if len(groups) > 1:
            # one message or decision about several collaborations' work (message review,
            # finding 5): each named, "Ketting (Reel) · Oorbellen (Story)", not the first alone
            return " · ".join(_collaboration_title(facts[parts[0].subject_id], parts) for parts in groups.values())
    together = _same_collaboration(item) if found is not None and item.kind == "deliverable" else []
    if len(together) > 1:
        # one decision, or one message, for deliverables of a collaboration: "Oorbellen (Post en
        # Story)" (a message about "je post en je story" was "About: … (Story)": review 26)
        return _collaboration_title(found, together)
    if found is not None and item.kind in TITLES:
        return TITLES[item.kind](found)
    return f"{item.subject_type} {item.subject_id}"


# --- tasks: what the owner does herself ---------------------------------------------------

def gift_facts(item: DueItem) -> dict:
    """What a gift task needs (``store/promises/gifts.details``): the gift, the products to
    pack, the parcel already packed, the agreement's date and the first open deadline."""
    return due.part_details(item.parts[0])


def gift_open_text(facts: dict) -> str:
    """The button that acts on a gift task: open the packed parcel, pack a new one with the
    agreed products, or (a gift agreed in words only) show the influencer to drag them onto."""
    if facts.get("parcel_id"):
        # TRANSLATORS: button on a "send the gift" reminder whose parcel is packed: opens it in Shipments.
        return _("Show the parcel")
    if facts.get("product_ids"):
        # TRANSLATORS: button on a "send the gift" reminder: a new parcel with the agreed products filled in.
        return _("Pack the parcel…")
    # TRANSLATORS: button on a "send the gift" reminder for a gift agreed in words: shows the influencer.
    return _("Show in Influencers")


def packed_parcel_goes(facts: dict, name: str) -> str:
    """"Done without a parcel…" on a gift task whose parcel is packed: that parcel is taken out
    of Zendingen and not sent (``store/shipping.withdraw_packed``), said where the owner chooses
    it (the day's dialog, Vandaag's button); "" when nothing is packed."""
    if not facts.get("parcel_id"):
        return ""
    if facts.get("packed_at") is None:
        # TRANSLATORS: "Done without a parcel…" on a gift whose parcel is packed; {view} is "Shipments".
        return _("The parcel packed for {name} is taken out of {view}: it will not be sent.").format(
            name=name, view=_("Shipments"))
    # TRANSLATORS: "Done without a parcel…" on a gift whose parcel is packed; {date} is the day it was packed,
    # {view} is "Shipments".
    return _("The parcel ready for {name} since {date} is taken out of {view}: it will not be sent.").format(
        name=name, date=i18n.detail_date(to_local(facts["packed_at"])), view=_("Shipments"))


def gift_drag_hint(name: str) -> str:
    """How to pack a gift agreed in words only (no catalogue product to fill in)."""
    # TRANSLATORS: a "send the gift" reminder for a gift agreed in words; {panel} is the Products panel.
    return _("Drag the products from the {panel} panel onto {name} to pack the parcel.").format(
        panel=_("Products"), name=name)


# --- the agreement to record: what she does in return for the gift ------------------------

def _agreement_title(facts: tuple) -> str:
    return facts[0] or _("(untitled)")


TITLES["agreement"] = _agreement_title


def agreement_facts(item: DueItem) -> dict:
    """What a "record the agreement" task needs (``store/promises/agreements.details``): what
    she got (``product``), when its parcel went out (``sent_at``), the collaboration's title."""
    return due.part_details(item.parts[0])


def agreement_open_text() -> str:
    """The button that writes down what she promised: the collaboration at its deliverables."""
    # TRANSLATORS: button on the "record the agreement" task (Vandaag) and in the influencer pane:
    # opens the collaboration at its deliverables, to write down what she does for the gift.
    return _("Record the agreement…")


def agreement_done_text() -> str:
    """The button that ends a "record the agreement" task: a gift with no strings attached."""
    # TRANSLATORS: Vandaag's button on the "record the agreement" task: she promised nothing for
    # the gift (a gift with no strings attached); the task goes and does not come back.
    return _("Nothing agreed")


def agreement_done_tip() -> str:
    # TRANSLATORS: tooltip of the "Nothing agreed" button on the "record the agreement" task.
    return _("A gift with no strings attached: there is nothing to follow up. This reminder goes away and does "
             "not come back.")


def agreement_words(item: DueItem, now: datetime, facts: dict | None = None, in_app: bool = True) -> str:
    """What to do for a "record the agreement" task (``followup.RULES["agreement"]``): what
    she got and when, why it matters, which button writes it down, and the way out for a
    gift with no strings attached. ``in_app`` False: ``afspraak due`` in a terminal."""
    from babel.lists import format_list

    if facts is None:
        facts = agreement_facts(item)
    name = item.person_name
    product = facts.get("product") or ""
    gift = format_list(product, locale=i18n.formatting_locale()) if isinstance(product, list) else product
    sent = facts.get("sent_at")
    day = i18n.detail_date(to_local(sent)) if sent is not None else ""
    # A parcel is worded as sent, not as received: nobody knows yet that it arrived (review of
    # the first week: "Sanne de Vries got Hoodie with Logo from you" the day after it went out).
    if gift and sent is not None:
        # TRANSLATORS: a "record the agreement" task; {gift} lists the products, {date} the day the parcel
        # went out ("Monday 23 November 2026"). Sent, not received: nobody knows yet that it arrived.
        first = _("You sent {name} {gift} on {date}.").format(name=name, gift=gift, date=day)
    elif gift:  # handed over without a parcel
        # TRANSLATORS: a "record the agreement" task for a gift handed over; {gift} lists the products.
        first = _("{name} got {gift} from you.").format(name=name, gift=gift)
    elif sent is not None:
        # TRANSLATORS: a "record the agreement" task; {date} is the day the parcel went out. Sent, not received.
        first = _("You sent {name} a parcel on {date}.").format(name=name, date=day)
    else:
        # TRANSLATORS: a "record the agreement" task for a gift whose products have no name.
        first = _("{name} got a gift from you.").format(name=name)
    # TRANSLATORS: a "record the agreement" task, after what she got.
    first += " " + _("Nothing is written down yet about what {name} does in return, so there is nothing Afspraak "
                     "can follow up.").format(name=name)
    # TRANSLATORS: a "record the agreement" task: what to write down and what Afspraak then does.
    how = _("Write down what you agreed, say a post, a story or a reel, each with its deadline: then Afspraak "
            "keeps an eye on it and has a reminder ready for you when something is late.")
    button, done = agreement_open_text(), agreement_done_text()
    if in_app:
        # TRANSLATORS: Vandaag, a "record the agreement" task; {button} is "Record the agreement…".
        how += " " + _("“{button}” opens the collaboration at its deliverables.").format(button=button)
        # TRANSLATORS: a "record the agreement" task; {done} is the button "Nothing agreed".
        way_out = _("Nothing agreed, a gift with no strings attached? Then press “{done}”: this reminder does "
                    "not come back.").format(done=done)
    else:
        # TRANSLATORS: `afspraak due` in a terminal; {button} is on the reminder in {view} (Today).
        how += " " + _("In the app, “{button}” on this reminder in the {view} view opens the collaboration at its "
                       "deliverables.").format(button=button, view=i18n.quoted(_("Today")))
        # TRANSLATORS: `afspraak due` in a terminal; {done} is the button "Nothing agreed" on the reminder in the app.
        way_out = _("Nothing agreed, a gift with no strings attached? Then press “{done}” on this reminder in the "
                    "app: it does not come back.").format(done=done)
    return "\n\n".join([first, how, way_out])


def _agreement_task_first(words: Callable[..., str]) -> Callable[..., str]:
    """:func:`task_words` with the words of a "record the agreement" task first
    (:func:`agreement_words`); every other task as ``words`` has it."""
    from functools import wraps

    @wraps(words)
    def worded(item: DueItem, now: datetime, facts: dict | None = None, in_app: bool = True) -> str:
        if item.kind == "agreement":
            return agreement_words(item, now, facts, in_app)
        return words(item, now, facts, in_app)

    return worded


def _ship_words(item: DueItem, now: datetime, in_app: bool) -> str:
    """What to do for a finished custom order not shipped yet (``order_reminders.ship_promises``):
    once it can no longer arrive by the delivery date promised (``order_reminders.arrives_in_time``),
    that it will be late, and to tell the customer."""
    from desktop import clock
    from desktop.domain import order_reminders

    from desktop.presentation import order_texts

    details = item.parts[0].details
    if item.ships_again:
        return _ship_again_words(item, now, in_app)
    order = order_texts.subject(details.get("order_number") or "", item.person_name)  # no "—" without a number
    delivery = details.get("promised_delivery")
    late = delivery is not None and not order_reminders.arrives_in_time(
        delivery, to_local(now).date(), clock.owner().country)
    if late:
        # TRANSLATORS: Vandaag, a task: a finished custom order that can no longer arrive by the delivery date
        # the customer was given ({date}); {order} is "Order #1029 for Sofie Maes", {name} the customer.
        first = _("{order} is ready and not shipped yet. You promised it would be delivered by {date}, and it can "
                  "no longer arrive in time. Ship it as soon as you can, and let {name} know the order will arrive "
                  "late.").format(order=order, name=item.person_name, date=i18n.detail_date(delivery))
    elif delivery is not None:
        # TRANSLATORS: Vandaag, a task: a finished custom order ({order}: "Order #1029 for Sofie Maes");
        # {date} is the delivery date the customer was given.
        first = _("{order} is ready and not shipped yet. You promised it would be delivered by {date}: ship it now "
                  "so it arrives in time.").format(order=order, date=i18n.detail_date(delivery))
    else:
        first = _("{order} is ready and not shipped yet.").format(order=order)
    if in_app:
        # TRANSLATORS: Vandaag: the button "Ship…" opens the shipping dialog of the order.
        how = _("“Ship…” records the carrier and tracking code; then the message with the "
                "tracking link is ready for the customer.")
        if late:
            # TRANSLATORS: Vandaag, after "the message with the tracking link is ready": a late order's parcel.
            how += " " + _("In that message, say the order will arrive later than promised: you can edit it "
                           "before you send it.")
        return first + "\n\n" + how
    return first


def _in_sentence(order: str) -> str:
    """ "Order #1029 for Sofie Maes" inside a sentence: "order #1029 for Sofie Maes"."""
    return order[:1].lower() + order[1:]


def _ship_again_words(item: DueItem, now: datetime, in_app: bool) -> str:
    """What to do for a custom order whose parcels all got lost or came back
    (``order_reminders.ship_again_promises``): what happened to the parcel, as Maatwerk says
    it, that the order goes out again in a new parcel, and what "Ship again…" does."""
    from desktop import clock
    from desktop.domain import order_reminders
    from desktop.presentation import order_texts

    facts = due.part_details(item.parts[0])
    order = _in_sentence(order_texts.subject(facts.get("order_number") or "", item.person_name))
    sent = facts.get("sent_at")
    day = i18n.detail_date(to_local(sent).date()) if sent is not None else ""
    returned = item.step == "ship_returned"
    if returned and sent is not None:
        # TRANSLATORS: Vandaag, a task: a custom order's parcel came back to the shop (Shipments: "Returned");
        # {order} is "order #1029 for Sofie Maes" (inside the sentence), {date} the day it was sent.
        first = _("The parcel with {order}, sent on {date}, came back to you. Send the order again in a new "
                  "parcel.").format(order=order, date=day)
    elif returned:
        first = _("The parcel with {order} came back to you. Send the order again in a new parcel.").format(order=order)
    elif sent is not None:
        # TRANSLATORS: Vandaag, a task: a custom order's parcel got lost (Shipments: "Lost"); {order} is
        # "order #1029 for Sofie Maes" (inside the sentence), {date} the day it was sent.
        first = _("The parcel with {order}, sent on {date}, got lost. Send the order again in a new parcel.").format(
            order=order, date=day)
    else:
        first = _("The parcel with {order} got lost. Send the order again in a new parcel.").format(order=order)
    lines = [first]
    if returned:
        # TRANSLATORS: Vandaag, a returned custom order's parcel, before it goes out again.
        lines.append(_("A parcel usually comes back when nobody collected it or the address was not right: check "
                       "the address with {name} before you send it again.").format(name=item.person_name))
    delivery = facts.get("promised_delivery")
    if delivery is not None and not order_reminders.arrives_in_time(delivery, to_local(now).date(),
                                                                    clock.owner().country):
        # TRANSLATORS: Vandaag, a custom order to send again; {date} is the delivery date the customer was given.
        lines.append(_("You promised it would be delivered by {date}: it will now arrive later, so tell {name} "
                       "when the new parcel goes out.").format(date=i18n.detail_date(delivery), name=item.person_name))
    if in_app:
        # TRANSLATORS: Vandaag: {button} is "Ship again…", the button that opens the order's shipping dialog.
        lines.append(_("“{button}” records the new parcel's carrier and tracking code; then the message with the new "
                       "tracking link is ready for {name}. The old parcel stays in Shipments as it is.").format(
            button=order_texts.ship_again_label(), name=item.person_name))
    return "\n\n".join(lines)


def arrival_open_text() -> str:
    """The button on a shipped order's arrival check that marks its parcel delivered."""
    # TRANSLATORS: Vandaag's button on "Parcel delivered? Check the tracking": the parcel arrived (the order
    # is then delivered).
    return i18n.pgettext("shipment action", "Delivered")


def arrival_gone_text() -> str:
    """The button on a shipped order's arrival check with "lost" and "returned" in its menu."""
    # TRANSLATORS: Vandaag's button on "Parcel delivered? Check the tracking": a menu with "Lost" and "Returned".
    return _("Lost or returned")


def arrival_track_text() -> str:
    # TRANSLATORS: Vandaag's button on "Parcel delivered? Check the tracking": opens the carrier's tracking page.
    return _("Open tracking page")


def arrival_facts(item: DueItem) -> dict:
    """What a shipped order's arrival check needs (``store/promises/custom_orders.details``):
    its parcel (``parcel_id``, ``carrier``, ``tracking_code``, ``tracking_url``, ``sent_at``)."""
    return due.part_details(item.parts[0])


def arrival_words(item: DueItem, now: datetime, facts: dict | None = None, in_app: bool = True) -> str:
    """What to do for a shipped custom order nobody marked delivered
    (``order_reminders.arrival_promises``): when it went out and was to arrive, to look at the
    tracking (its link), and what each answer means."""
    from desktop.presentation import order_texts

    if facts is None:
        facts = arrival_facts(item)
    name = item.person_name
    order = order_texts.subject(facts.get("order_number") or "", name)
    sent = facts.get("sent_at")
    delivery = facts.get("promised_delivery")
    expected = facts.get("expected")
    if sent is not None and delivery is not None and expected == delivery:
        # TRANSLATORS: Vandaag, a task: a shipped custom order; {order} is "Order #1029 for Sofie Maes",
        # {sent} the day it went out, {date} the delivery date the customer was given.
        first = _("{order} went out on {sent} and was due to be delivered by {date}. Has it arrived?").format(
            order=order, sent=i18n.detail_date(to_local(sent).date()), date=i18n.detail_date(delivery))
    elif sent is not None:
        # TRANSLATORS: Vandaag, a task: a shipped custom order ({order}: "Order #1029 for Sofie Maes");
        # {sent} the day it went out.
        first = _("{order} went out on {sent} and should have been delivered by now. Has it arrived?").format(
            order=order, sent=i18n.detail_date(to_local(sent).date()))
    else:
        first = _("{order} should have been delivered by now. Has it arrived?").format(order=order)
    url, code = facts.get("tracking_url") or "", facts.get("tracking_code") or ""
    # a carrier's name is a brand; "other" has none to give (it is not named like a company)
    carrier = facts.get("carrier") if facts.get("carrier") in carriers.CARRIERS and facts.get("carrier") != "other" \
        else ""
    if url:
        # TRANSLATORS: Vandaag, a shipped order's arrival check; {url} is the carrier's tracking page of the parcel.
        look = _("Look at the parcel's tracking page: {url}").format(url=url)
    elif code and carrier:
        # TRANSLATORS: Vandaag, a shipped order's arrival check without a tracking link; {carrier} e.g. "PostNL".
        look = _("Look up the tracking code {code} on the {carrier} website.").format(
            code=code, carrier=label("carrier", carrier))
    elif code:
        # TRANSLATORS: Vandaag, a shipped order's arrival check without a tracking link, with another carrier.
        look = _("Look up the tracking code {code} on the carrier's website.").format(code=code)
    else:
        # TRANSLATORS: Vandaag, a shipped order's arrival check, its parcel without a tracking code.
        look = _("The parcel has no tracking code in Afspraak: ask the carrier, or ask {name} whether it "
                 "arrived.").format(name=name)
    lines = [first + " " + look]
    if in_app:
        # TRANSLATORS: Vandaag, a shipped order's arrival check: what each button does. {delivered} is
        # "Delivered", {gone} is "Lost or returned".
        lines.append(_("Delivered? Press “{delivered}”: the order is marked delivered and this reminder goes "
                       "away. Lost, or on its way back to you? “{gone}” marks the parcel, and the order is back on "
                       "your list to send again.").format(delivered=arrival_open_text(), gone=arrival_gone_text()))
        # The order's message quotes what the parcel has ({track_trace}: its link, else its code, else
        # nothing): a link is promised only when there is one. The snooze is named by its button
        # (snooze_morning_label): "until tomorrow" beside a button "Dinsdag 09:00" on Easter
        # Saturday promised a day the reminder did not come back on.
        if url:
            # TRANSLATORS: Vandaag, a shipped order's arrival check, its parcel still on its way; {later} is
            # the snooze button beside it ("Tomorrow 09:00", "Tuesday 09:00"), {view} is Custom orders,
            # {menu} its "Send message" button.
            still = _("Still on its way? “{later}” puts this reminder off until then, and if it is taking long, "
                      "let {name} know: the order's “{menu}” in {view} has the message with the tracking link.")
        elif code:
            # TRANSLATORS: Vandaag, a shipped order's arrival check, its parcel (with a tracking code but no
            # link) still on its way; {later} is the snooze button beside it ("Tomorrow 09:00", "Tuesday
            # 09:00"), {view} is Custom orders, {menu} its "Send message" button.
            still = _("Still on its way? “{later}” puts this reminder off until then, and if it is taking long, "
                      "let {name} know: the order's “{menu}” in {view} has the message with the tracking code.")
        else:
            # TRANSLATORS: Vandaag, a shipped order's arrival check, its parcel (without a tracking code)
            # still on its way; {later} is the snooze button beside it ("Tomorrow 09:00", "Tuesday 09:00"),
            # {view} is Custom orders, {menu} its "Send message" button.
            still = _("Still on its way? “{later}” puts this reminder off until then, and if it is taking long, "
                      "let {name} know: the order's “{menu}” in {view} has a message to send.")
        lines.append(still.format(later=snooze_morning_label(now), name=name, menu=_("Send message"),
                                  view=_("Custom orders")))
    else:
        # TRANSLATORS: `afspraak due` in a terminal; {view} is the Today view of the app.
        lines.append(_("In the app, you can mark the parcel delivered, lost or returned from this reminder "
                       "in the {view} view.").format(view=i18n.quoted(_("Today"))))
    return "\n\n".join(lines)


def _gift_first_line(item: DueItem, facts: dict, name: str, gift: list[str], packed: list[str]) -> str:
    """A gift task's first line: what she is still waiting for since the agreement, or (nothing
    named in the agreement, or no agreement yet) the parcel packed for her since its day."""
    from babel.lists import format_list

    locale = i18n.formatting_locale()
    if not gift and facts.get("parcel_id") and facts.get("packed_at") is not None:
        day = i18n.detail_date(to_local(facts["packed_at"]))
        if packed:
            # TRANSLATORS: a "send the gift" reminder for a parcel packed in Shipments and not sent; {date} is the
            # day it was packed, {items} what it holds.
            return _("A parcel for {name} has been ready since {date} and has not been sent yet: {items}.").format(
                name=name, date=day, items=format_list(packed, locale=locale))
        return _("A parcel for {name} has been ready since {date} and has not been sent yet.").format(
            name=name, date=day)
    agreed = i18n.detail_date(to_local(facts.get("agreed_at") or item.parts[0].reference))
    if gift:
        # TRANSLATORS: a "send the gift" reminder; {gift} lists the products, {date} is when it was agreed.
        return _("{name} is still waiting for the gift agreed on {date}: {gift}.").format(
            name=name, date=agreed, gift=format_list(gift, locale=locale))
    # a product line without a name (never written by the app): no list with a hole
    return _("{name} is still waiting for the gift agreed on {date}.").format(name=name, date=agreed)


@_agreement_task_first
def task_words(item: DueItem, now: datetime, facts: dict | None = None, in_app: bool = True) -> str:
    """What to do for an item without a message (Vandaag's pane; ``afspraak due`` with
    ``in_app`` False: its buttons are then named with where they are, audit 10, F10); a
    gift's ``facts`` (:func:`gift_facts`) when the caller has read them already."""
    if item.ships_an_order:
        return _ship_words(item, now, in_app)
    if item.checks_arrival:
        return arrival_words(item, now, facts, in_app)
    if item.kind != "gift":
        if not in_app:
            # TRANSLATORS: `afspraak due` in a terminal, for a step without a message; {view} is the Today view.
            return _("No message to send: this step is a task for you (a call, or a strike to decide on). "
                     "Open it in the app, in the {view} view, to act.").format(view=i18n.quoted(_("Today")))
        return _("No message to send: this step is a task for you (a call, or a strike to decide on). "
                 "Open it to act.")
    if facts is None:
        facts = gift_facts(item)
    name = item.person_name
    locale = i18n.formatting_locale()
    from babel.lists import format_list

    def pieces(lines):
        return [name_ if quantity == 1 else _("{quantity} × {product}").format(quantity=quantity, product=name_)
                for quantity, name_ in lines]

    gift = pieces(facts.get("gifts", []))
    words = [facts["gift_words"]] if facts.get("gift_words") else []
    gift += words

    lines = [_gift_first_line(item, facts, name, gift, pieces(facts.get("parcel_items", [])))]
    if facts.get("parcel_id"):
        # TRANSLATORS: a "send the gift" reminder; {view} is the Shipments view, {status} its "Ready to send".
        lines.append(_("The parcel is packed and waits in {view} (“{status}”): mark it as sent once it is on its "
                       "way.").format(view=_("Shipments"), status=label("shipment_status", "ready")))
    elif facts.get("product_ids"):
        rest = pieces(facts.get("unlisted", [])) + words
        button = gift_open_text(facts)
        if rest and in_app:  # part of the gift is no catalogue product: the parcel holds the rest only (F5)
            opens = _("“{button}” opens a new parcel with the products from the catalogue filled in.")
        elif rest:
            # TRANSLATORS: `afspraak due` in a terminal; {button} is on the reminder in {view} (Today).
            opens = _("In the app, “{button}” on this reminder in the {view} view opens a new parcel with the "
                      "products from the catalogue filled in.")
        elif in_app:
            opens = _("“{button}” opens a new parcel with the gift filled in.")
        else:
            # TRANSLATORS: `afspraak due` in a terminal; {button} is on the reminder in {view} (Today).
            opens = _("In the app, “{button}” on this reminder in the {view} view opens a new parcel with the "
                      "gift filled in.")
        opens = opens.format(button=button, view=i18n.quoted(_("Today")))
        if rest:
            # TRANSLATORS: a "send the gift" reminder; {rest} lists what was agreed in words, or
            # whose product left the catalogue: the parcel cannot list it, yet it goes in the box.
            opens += " " + _("Not in the catalogue, so not on the parcel in the app: {rest}. Remember to put it "
                             "in the box.").format(rest=format_list(rest, locale=locale))
        lines.append(opens)
    else:
        lines.append(gift_drag_hint(name))
    if facts.get("deadline") is not None:
        when = i18n.detail_date(to_local(facts["deadline"]))
        if facts["deadline"] < now:  # the end of its day has gone: not a "first deadline" ahead (audit 10, F8)
            # TRANSLATORS: a "send the gift" reminder; {date} is the collaboration's earliest open deadline.
            deadline = _("The first deadline, {date}, has already passed.").format(date=when)
        else:
            # TRANSLATORS: a "send the gift" reminder; {date} is the first deadline of the collaboration.
            deadline = _("First deadline: {date}.").format(date=when)
        # TRANSLATORS: a "send the gift" reminder, after the first deadline; {days} is the most
        # days a deadline keeps after the gift's late arrival (14).
        held = ngettext("Until the gift is sent, {name} gets no reminders about what was agreed. If it goes out "
                        "late, the deadlines all move later by the same number of days, so that after it arrives {name} "
                        "still has the days planned before the first one (up to {days} day).",
                        "Until the gift is sent, {name} gets no reminders about what was agreed. If it goes out "
                        "late, the deadlines all move later by the same number of days, so that after it arrives {name} "
                        "still has the days planned before the first one (up to {days} days).", LATE_GIFT_KEPT_DAYS).format(
            name=name, days=LATE_GIFT_KEPT_DAYS)
        lines.append(f"{deadline} {held}")
    return "\n\n".join(lines)


# --- messages --------------------------------------------------------------------------

# The first, friendly rungs (a first reminder, the check-in after her answer): a parcel question
# riding along closes them with "Oh, and …"; after a later reminder it is another subject
# ("Apart from that: …", ``messages.parcel_question``).
_FRIENDLY_OPENERS = ("1", "answered")


def values_for(item: DueItem, person: Person, now: datetime, s: LadderSettings,
               to: messages.Recipient | None = None) -> dict[str, object]:
    """The typed placeholder values for an item (formatted later in the recipient's locale).
    ``to``: another reader than ``person`` as she is (the template editor's preview)."""
    return item_values(item, person, now, s, to)[0]


def item_values(item: DueItem, person: Person, now: datetime, s: LadderSettings,
                to: messages.Recipient | None = None) -> tuple[dict[str, object], messages.Owed]:
    """:func:`values_for`, with the words for what the item is about (``messages.Owed``)."""
    to = to or recipient(person)
    details = [due.part_details(p) for p in item.parts]
    main = details[0]
    owed = messages.describe_owed([(p.kind, p.subject_id, d) for p, d in zip(item.parts, details)], to, now, s.tz,
                                  apart=item.step not in _FRIENDLY_OPENERS)
    if any(p.kind == "deliverable" for p in item.parts):
        deadline = owed.deadline  # None when they differ: {afspraken} names each one's own
    else:
        deadline = main.get("deadline") or item.parts[0].reference
    late_days = None
    if deadline is not None:
        late_days = (followup.local_date(now, s) - followup.local_date(deadline, s)).days
    notice, several = _notice_values(item, details, to, now, s) if item.final else ({}, False)
    return {
        "voornaam": to.first_name,
        "naam": person.name,
        "winkel": settings.get("shop_name"),
        "afzender": settings.get("owner_name"),
        "afspraken": list(owed.afspraken),
        "pakketvraag": owed.pakketvraag,
        "product": _in_message(main.get("product", "")),
        "deadline": deadline,
        "dagen_te_laat": messages.DaysLate(max(1, late_days)) if late_days is not None else None,
        # A final notice about several collaborations names each one's date, consequence and
        # value in {gevolgen}: one of them quoted for all would be untrue of the others.
        "afgesproken_op": _agreed_on(details, notice, s) if several else main.get("agreed_at"),
        # Only a consequence the owner agreed with her: without one, the final notice leaves
        # its "what we agreed for that case" sentence out rather than claim an agreement.
        "gevolg": None if several else (main.get("consequence") or None),
        # The value is quoted as what the agreed consequence is about: without a consequence
        # the final notice's "what we sent you is worth €24.95" stood alone, read as a bill.
        "kosten": (messages.Money(main["value_cents"]) if main.get("value_cents") and not several
                   and (main.get("consequence") or not any(p.kind == "deliverable" for p in item.parts)) else None),
        **notice,
        "pauzedatum": followup.pause_date(now, s),
        "verzonden_op": main.get("sent_at"),
        "bestelnummer": main.get("order_number", ""),
        "beloofde_datum": main.get("promised"),
        # A delay message proposes a new date (the order dialog lets the owner change it).
        "nieuwe_datum": propose_new_date(main.get("promised"), followup.local_date(now, s), s.country,
                                         skip_weekends=s.skip_weekends),
        "personalisatie": main.get("personalisation", ""),
        "titel": main.get("title", ""),
        "bericht_van": main.get("message_at"),
        "antwoord_op": main.get("answered_at"),
        "prijs": messages.Money(main["price_cents"]) if main.get("price_cents") is not None else None,
    }, owed


def _notice_values(item: DueItem, details: list[dict], to: messages.Recipient, now: datetime,
                   s: LadderSettings) -> tuple[dict[str, str], bool]:
    """A final notice's {gevolgen}, {vervalt_ook} and {blijft_staan} (``messages.notice_words``:
    each collaboration it ends with its own consequence when there are several, what else
    ends with them, what of her other agreements stands), and whether it ends several
    collaborations (message review, findings 5 and 8)."""
    by_collab: dict[object, list] = {}
    for part, found in zip(item.parts, details):
        if part.kind == "deliverable":
            by_collab.setdefault(found.get("collaboration_id"), []).append((part, found))
    if not by_collab:
        return {}, False
    ended = [messages.NoticeCollaboration(
        messages.describe_owed([(p.kind, p.subject_id, d) for p, d in group], to, now, s.tz).afspraken, group[0][1])
        for group in by_collab.values()]
    also, standing = due.notice_facts(item, [c for c in by_collab if c is not None])
    return messages.notice_words(ended, also, standing, to, now, s.tz), len(ended) > 1


def _agreed_on(details: list[dict], notice: dict[str, str], s: LadderSettings) -> list | None:
    """{afgesproken_op} of a final notice about several collaborations: none when {gevolgen}
    gives each its own date with its consequence; else the days they were agreed, each once
    ("We spraken dit af op zaterdag 31 oktober", or "... op 21 oktober en 10 november"), so the
    notice still cites the agreement when none of them has a consequence."""
    if notice.get("gevolgen"):
        return None
    found = {}
    for one in details:
        agreed = one.get("agreed_at")
        if agreed is not None:
            found.setdefault(followup.local_date(agreed, s) if isinstance(agreed, datetime) else agreed, agreed)
    return [found[day] for day in sorted(found)] or None


# A final notice's paragraphs, added to an owner's own wording that predates them.
_NOTICE_PARAGRAPHS = ("gevolgen", "vervalt_ook", "blijft_staan")


def _in_message(product: object) -> object:
    """A product's name (or names) as a message says it (``names.product_in_message``):
    "Gepersonaliseerde ring", not its shop title "… | Zilver 925 | Cadeau voor haar | …"."""
    if isinstance(product, (list, tuple)):
        return list(dict.fromkeys(names.product_in_message(str(p)) for p in product))
    return names.product_in_message(str(product or ""))


def fitted(values: dict[str, object], body: str, owed: messages.Owed | None = None) -> tuple[str, dict[str, object]]:
    """(body, values) made to fit each other, for a wording that predates some values
    (an owner's own template): a parcel question that rides along is added as a paragraph
    of its own when the text has no {pakketvraag} (so is what a final notice ends or leaves
    standing, and each collaboration's consequence: {gevolgen}, {vervalt_ook}, {blijft_staan}),
    and when the deliverables have
    different deadlines but the text could only leave {deadline} out together with
    {afspraken}, {deadline} lists the dates instead of taking the sentence with it."""
    values = dict(values)
    body = messages.canonical(body)  # her wording may name the placeholders in English
    deadlines = owed.deadlines if owed is not None else ()
    if values.get("pakketvraag"):
        body = messages.with_paragraph(body, "pakketvraag")
    for name in _NOTICE_PARAGRAPHS:  # what a final notice ends and what stands, in her wording too
        if values.get(name):
            body = messages.with_paragraph(body, name)
    if values.get("deadline") is None and len(deadlines) > 1 and messages.cut_takes(body, "deadline", "afspraken"):
        values["deadline"] = list(deadlines)
    return body, values


def compose_for(person: Person, template_id: str, values: dict[str, object], now: datetime) -> messages.Message:
    """A message that is not a ladder step (the written agreement, a polite ending, the
    label request) for ``person``: her language and form of address, the owner's own
    wording of the template when there is one, the shop's name and the sender filled in."""
    to = recipient(person)
    base: dict[str, object] = {"voornaam": to.first_name, "naam": person.name,
                               "winkel": settings.get("shop_name"), "afzender": settings.get("owner_name")}
    base.update(values)
    override = templates.own(template_id, to.lang, to.context)
    return messages.render(template_id, base, to, now=now, tz=due.owner_zone(), override=override)


def compose(item: DueItem, now: datetime, extra: dict[str, object] | None = None,
            channel: str | None = None) -> messages.Message | None:
    """The ready message for ``item`` in the recipient's language and form (None for a task),
    laid out for ``channel`` (the step's own when None; "" as written: ``messages.for_channel``)."""
    message = _composed(item, now, extra)
    return None if message is None else messages.for_channel(message, item.channel if channel is None else channel)


def _composed(item: DueItem, now: datetime, extra: dict[str, object] | None) -> messages.Message | None:
    if item.action != "message" or not item.template:
        return None
    if item.kind == "custom_order" and item.step in orders.LADDER_STEPS and not extra:
        # The same words as the order's dialog opened from this reminder: one wording of a
        # message, wherever the owner reads it (Vandaag, the tray, ``afspraak due``).
        return compose_order(item.subject_id, orders.LADDER_STEPS[item.step], now)
    s = due.ladder_settings()
    person = Person.get_by_id(item.person_id)
    to = recipient(person)
    values, owed = item_values(item, person, now, s)
    values.update(extra or {})
    # a final notice that ends several collaborations in its plural wording (its own template);
    # her own step 1 of an unanswered message unless she reworded its wording with a parcel too
    template = messages.wording(item.template, owed, _own_of(item.template, to))
    if template in messages.ASKS_ARRIVAL.values():  # "did it reach you?" asks after the parcel too, once
        values["pakketvraag"] = owed.asked_with_message
    elif template in messages.ASKS_ARRIVAL and owed.pakketvraag:  # her own words: the parcel as another subject
        values["pakketvraag"] = owed.asked_apart
    subject, body = (templates.own(template, to.lang, to.context)
                     or messages.default_text(template, to.lang, to.context, to.country))
    body, values = fitted(values, body, owed)
    return messages.render(template, values, to, now=now, tz=s.tz, override=(subject, body))


def _own_of(template_id: str, to: messages.Recipient) -> set[str]:
    """Which of ``template_id`` and its wording with a parcel (``messages.ASKS_ARRIVAL``) the
    owner has her own text of, for ``to``'s language and form (``messages.wording``)."""
    joined = messages.ASKS_ARRIVAL.get(template_id)
    if joined is None:
        return set()
    return {t for t in (template_id, joined) if templates.own(t, to.lang, to.context) is not None}


def delay_reason() -> str:
    """Why a promised date moved when the owner gave no reason with a delay message."""
    return _("Delay message sent to the customer")


# TRANSLATORS: stands for the product in a message about a custom order that names none
# (made without one, or its product was since removed): "making your personalised item
# (order #1033) is taking a little longer than planned".
UNNAMED_PRODUCT = i18n.NP_("order without a product", "personalised item")


def order_product(order: CustomOrder, to: messages.Recipient) -> str:
    """What a message to ``to`` calls an order's product: its name from the catalogue as
    a message says it (``names.product_in_message``: a shop title written for search
    engines up to its first " | ", as the influencers' messages name it), else
    "personalised item" (without it the sentence with the new date, or "is ready", was left
    out of the message), and how many when more than one (audit 12, F11: three necklaces
    were "your necklace"). The order templates never make it the subject of a verb ("we
    have your … ready", not "your … is ready"): with a count the verb read wrong."""
    catalog = i18n.translations_for(to.lang)
    name = (names.product_in_message(order.product.name) if order.product_id
            else catalog.pgettext("order without a product", UNNAMED_PRODUCT))
    if order.quantity <= 1:
        return name
    # TRANSLATORS: a custom order's product in a message to the customer when more than one
    # was ordered: "We're making your Name necklace (3 pieces) especially for you".
    return catalog.ngettext("{product} ({count} piece)", "{product} ({count} pieces)", order.quantity).format(
        product=name, count=i18n.format_number(order.quantity, to.locale))


def told_date(order_id: int, step: str) -> date | None:
    """The ready date the customer was last told, when the news ``step`` starts from it and
    the owner has moved the date in the order's form since (``orders.date_told``): an
    update or a delay quotes what they heard ("we had promised your order for Monday 14
    December"), never a date they never heard (review of the order messages, order-offers)."""
    return orders.date_told(order_id) if step in ("order_update", "order_delay") else None


def order_template(order_id: int, step: str, today: date, gift: bool) -> str:
    """Which wording the message ``step`` about this order takes on ``today``.

    The owner's edited template is looked up by this name; the alternative wording when
    the same message went out last time (never the same text twice in a row). News about
    an order whose promised day is over is the late wording ("order.late"); news of a delay
    after an earlier one says it is late again ("….again", review of the order messages:
    the second delay read like the first, word for word), whatever came between. A gift
    (the shop's order sends the parcel to somebody else) is confirmed and shipped in words
    for the buyer who gave it ("….gift"). An order whose parcel got lost or came back is sent
    again in the words of its parcel ("order.resend", "order.resend.returned"), and its new
    parcel is named as the new one ("order.shipped.again"; a gift's says why there is a new
    one: "order.shipped.gift.again", "….returned")."""
    order = CustomOrder.get_by_id(order_id)
    template = orders.TEMPLATES[step]
    late = step in ("order_delay", "order_update") and rules.past_promise(order.promised_ready, today, order.status)
    # The owner moved the date later in the order's form: the customer still expects the
    # date they were told, so an update is the news that it moved, and a delay starts from
    # that date (late news once that day is over), never "on schedule, as promised" or "we
    # had promised it for" a date they never heard.
    told = told_date(order_id, step) if not late else None
    if late:  # the promised day is over: late news with an apology, not "before" or "on schedule"
        template = "order.late"
    elif told is not None:
        template = "order.late" if told < today else "order.delay"
    if template in ("order.delay", "order.late"):
        earlier = orders.delays_sent(order_id)
        if earlier:  # the first, third... again in one wording, the second, fourth... in the other
            return template + (".again" if earlier % 2 else ".again.alt")
    replaced = orders.replaced_parcel(order_id) if template == "order.shipped" else None
    if replaced is not None and gift:  # a gift's new parcel: why there is one, in the words of the old one
        return "order.shipped.gift.again" + (".returned" if replaced == "returned" else "")
    if replaced is not None:
        return "order.shipped.again"  # the new parcel, after one that got lost or came back
    if gift and template in ("order.confirmation", "order.shipped"):
        return template + ".gift"
    if template == "order.resend":  # the parcel got lost ("order.resend") or came back
        gone = orders.gone_parcel(order_id)
        return "order.resend.returned" if gone is not None and gone.status == "returned" else template
    last, run = orders.last_purposes(order_id)
    if template == "order.update" and last == "order_delay":
        # Right after the news of a new date: on schedule for that date, never "still" on
        # schedule (audit 9, messages F7): the alternative wording says it without.
        template = "order.update.alt"
    elif last == step and run % 2 and template + ".alt" in messages.TEMPLATES:
        template += ".alt"  # never the same words twice in a row: the second, fourth... take the other
    return template


def compose_order(order_id: int, step: str, now: datetime, new_ready: date | None = None,
                  date_unchosen: bool = False):
    """The message ``step`` for this order, in the customer's language, form and locale,
    in the wording :func:`order_template` chooses (the owner's own when she edited it).
    ``date_unchosen``: the new date of a delay is one the owner has not chosen yet (a
    preview: :func:`preview`; ``afspraak due``): :func:`new_date_hole` in the message's
    language stands in its place, never a proposal she did not see.
    """
    from desktop.presentation import delivery_texts

    order = CustomOrder.get_by_id(order_id)
    person = order.person
    today = to_local(now).date()
    late = step in ("order_delay", "order_update") and rules.past_promise(order.promised_ready, today, order.status)
    told = told_date(order_id, step)
    # An update before the moved date is the news of that date; a delay's new date is hers to choose.
    moved = told is not None and step == "order_update" and not late
    parcel = delivery_texts.parcel_of(order_id, person)
    template = order_template(order_id, step, today, parcel.gift)
    to = recipient(person)
    s = due.ladder_settings()
    # the parcel on its way or with the customer: never the carrier or link of one that got lost or came back
    shipment = orders.parcel_to_follow(order_id)
    unchosen = new_date_hole(to.lang) if date_unchosen else None
    values = {
        "voornaam": to.first_name,
        "naam": person.name,
        "winkel": settings.get("shop_name"),
        "afzender": settings.get("owner_name"),
        "product": order_product(order, to),
        "bestelnummer": order.order_number,
        # A confirmation never promises a day that is already over: its sentence is left out.
        "beloofde_datum": told or (None if step == "order_confirmation" and order.promised_ready is not None
                                   and order.promised_ready < today else order.promised_ready),
        "nieuwe_datum": new_ready or (order.promised_ready if moved else None) or (
            (unchosen or rules.propose_new_date(order.promised_ready, today, s.country, skip_weekends=s.skip_weekends))
            if step == "order_delay" or late else None),
        "prijs": messages.Money(order.price_cents) if order.price_cents is not None else None,
        "personalisatie": rules.personalisation_summary(order.personalisation, order.font, order.colour, order.size),
        # A carrier's name (a brand, the same in every language); "other" has none to give, so
        # "It's being delivered by ..." is left out rather than naming "Other carrier".
        "vervoerder": (label("carrier", shipment.carrier)
                       if shipment and shipment.carrier in carriers.CARRIERS and shipment.carrier != "other" else ""),
        "track_trace": tracking_line(shipment, to),
        # whom the parcel goes to: the shop order's recipient of a gift, else the customer
        "ontvanger": names.clean_name(parcel.name) or person.name,
        # where the parcel went, as written on it ("We sent it to:" when it came back): the
        # order's delivery (a gift's recipient), else the customer's address; "" when none is known
        "adres": delivery_texts.address_block(parcel, to.locale, s.country),
    }
    override = templates.own(template, to.lang, to.context)
    return messages.render(template, values, to, now=now, tz=s.tz, override=override)


def tracking_line(shipment, to: messages.Recipient) -> str:
    """{track_trace}: the link to follow the parcel by, else its code named as one (a bare
    "3SABCD1234567" under "You can follow your parcel here:"), else nothing."""
    if shipment is None:
        return ""
    if shipment.tracking_url:
        return shipment.tracking_url
    if shipment.tracking_code:
        return messages.fill_simple(messages.in_words_of(to, messages.TRACKING_CODE), code=shipment.tracking_code)
    return ""


def template_text(template_id: str, language: str, form: str) -> tuple[str, str, bool]:
    """(subject, body, is_own_wording) of a template for the editor: the owner's wording,
    else the default from the catalogs."""
    own = templates.own(template_id, language, form)
    if own is not None:
        return own[0], own[1], True
    subject, body = messages.default_text(template_id, language, form)
    return subject, body, False


def strike_words(item: DueItem | None = None) -> dict[str, str]:
    """What ``due.apply_strike`` records in the owner's language: the strike's evidence and
    the collaboration's end reason. After her answer the ladder asked twice more, not four
    times, and she did answer once (walk-through 2, finding C)."""
    if item is not None and item.parts and item.parts[0].rule == "deliverable_answered":
        evidence = _("Not delivered after her answer and two more reminders.")
    else:
        evidence = _("No answer after four reminders.")
    return {"evidence": evidence, "ending": _("Not delivered after the final reminder.")}


def no_strike_words() -> dict[str, str]:
    """What ``due.end_without_strike`` records in the owner's language: the end reason."""
    return {"ending": _("Ended after the final reminder, without a strike.")}


# The reasons the app records itself for a collaboration it ended after a final reminder
# nobody answered (``due.apply_strike``, ``due.end_without_strike``: the timeline's ``why``).
AFTER_FINAL_REMINDER = frozenset({"last_reminder", "last_reminder_no_strike"})


def ending_message(person: Person, titles: list[str], now: datetime, why: str = "",
                   reason: str = "") -> messages.Message:
    """The polite ending of the collaborations ``titles`` (ended together: one decision ends
    every one its final reminder named) for ``person``, in her language and form: the
    template "ending", or "ending.several" for more than one. After a final reminder nobody
    answered (``why`` in ``AFTER_FINAL_REMINDER``) its reason is that: the same words after
    a strike and without one (the strike is the shop's own record, and the final reminder
    already said what was agreed if nothing came); else ``reason``, the owner's own words
    (the ending dialog's), and without them no reason sentence."""
    from babel.lists import format_list

    to = recipient(person)
    if why in AFTER_FINAL_REMINDER:
        reason = messages.in_words_of(to, messages.AFTER_FINAL_REMINDER)
    values: dict[str, object] = {"reden": reason.strip() or None}
    if len(titles) > 1:
        quote = i18n.translations_for(to.lang).gettext("“{text}”")
        values["titel"] = format_list([quote.format(text=t) for t in titles], locale=to.locale)
        return compose_for(person, "ending.several", values, now)
    values["titel"] = titles[0] if titles else ""
    return compose_for(person, "ending", values, now)


# --- Vandaag's pane: what a step is, in its own words ------------------------------------

def strike_decision_words(item: DueItem, now: datetime, facts: dict | None = None) -> str:
    """What a strike decision is about (Vandaag's pane): since when she has not answered,
    what the final notice said, and what each choice does (the strike dialog's choices:
    ``due.apply_strike``, ``due.end_without_strike``) with her strike count. ``facts``:
    ``due.strike_facts`` when the caller has read them. The pane said only "this step is a
    task for you (a call, or a strike to decide on)" (review walk, F4)."""
    facts = due.strike_facts(item, now) if facts is None else facts
    name = item.person_name
    sent = facts.get("notice_sent")
    ended = facts.get("collaborations") or []
    if sent is not None:
        until = followup.pause_date(sent, due.ladder_settings())
        if len(ended) > 1:  # the notice said so of all of them ("our collaborations")
            # TRANSLATORS: Vandaag, a strike decision whose final reminder named several collaborations; {date}
            # is when it was sent, {until} the date it named ("if I haven't heard from you by ...").
            first = _("No answer from {name} since the final reminder sent on {date}. It said the collaborations "
                      "would end if nothing came by {until}.")
        else:
            # TRANSLATORS: Vandaag, a strike decision; {date} is when the final reminder was sent, {until} the
            # date it named ("if I haven't heard from you by ...").
            first = _("No answer from {name} since the final reminder sent on {date}. It said the collaboration "
                      "would end if nothing came by {until}.")
        first = first.format(name=name, date=_day_words(to_local(sent).date(), now), until=_day_words(until, now))
    else:
        # TRANSLATORS: Vandaag, a strike decision whose final reminder was marked done without a message.
        first = _("No answer from {name} since the final reminder.").format(name=name)
    count = facts.get("counting", 0) + 1
    limit = facts.get("to_inactive", 3)
    strike = _("This will be strike {n} of {limit}.").format(n=count, limit=limit)
    if count >= limit and facts.get("status") == "active":
        if facts.get("lift_when_delivered", True):
            strike += " " + _("The influencer becomes inactive: no new collaborations until the outstanding work is "
                              "posted.")
        else:
            # TRANSLATORS: Vandaag, a strike decision: the strike that reaches the owner's limit.
            strike += " " + _("The influencer becomes inactive: no new collaborations.")
    if len(ended) > 1:  # one final notice named the late work of several (message review, finding 5)
        from babel.lists import format_list

        titles = format_list([i18n.quoted(title or _("(untitled)")) for title in ended],
                             locale=i18n.formatting_locale())
        # TRANSLATORS: Vandaag, a strike decision whose final reminder named several collaborations, the
        # first choice; {titles} lists them quoted, {status} is "Not fulfilled"; "This will be strike 2 of 3." follows.
        with_strike = _("With a strike: the collaborations {titles} are marked “{status}” and one strike keeps "
                        "the reminders as evidence.").format(titles=titles, status=label("collab_status", "failed"))
        # TRANSLATORS: Vandaag, a strike decision whose final reminder named several collaborations, the second
        # choice; {titles} lists them quoted, {status} is the collaboration status "Ended early".
        without = _("Without a strike: the collaborations {titles} are marked “{status}”, as the final reminder "
                    "said, and nothing counts against {name}.").format(
            titles=titles, status=label("collab_status", "ended"), name=name)
        return "\n\n".join([first, _("Your decision:") + "\n• " + with_strike + " " + strike + "\n• " + without])
    # TRANSLATORS: Vandaag, a strike decision, the first choice; {status} is the collaboration status
    # "Not fulfilled"; a sentence like "This will be strike 2 of 3." follows.
    with_strike = _("With a strike: the collaboration is marked “{status}” and the strike keeps the reminders "
                    "as evidence.").format(status=label("collab_status", "failed")) + " " + strike
    # TRANSLATORS: Vandaag, a strike decision, the second choice; {status} is the collaboration status "Ended early".
    without = _("Without a strike: the collaboration is marked “{status}”, as the final reminder said, and "
                "nothing counts against {name}.").format(status=label("collab_status", "ended"), name=name)
    # TRANSLATORS: Vandaag, a strike decision: above the two choices, each on a line starting with "•".
    return "\n\n".join([first, _("Your decision:") + "\n• " + with_strike + "\n• " + without])


def handled_since_words(item: DueItem, handled: tuple[str, datetime] | None) -> tuple[str, str]:
    """The title and text said when a reminder's dialog, left open, is pressed after the same
    step was handled elsewhere (the tray's menu, a popup or notification, Vandaag):
    ``handled`` is ``due.handled_as(item)``. Nothing was done by that press."""
    name = item.person_name
    if handled is None:
        # TRANSLATORS: a reminder's window left open; the step was closed elsewhere meanwhile (an
        # answer logged, the work delivered, a parcel confirmed).
        text = _("While this window was open, this reminder for {name} was closed elsewhere: an answer was "
                 "logged, or what it was about was delivered or changed.").format(name=name)
    else:
        status, at = handled
        moment = i18n.list_moment(to_local(at))
        if item.action == "strike" and status == "sent":
            # TRANSLATORS: a strike decision's window left open; {moment} is when the strike was given elsewhere.
            text = _("While this window was open, a strike was already given to {name} ({moment}).").format(
                name=name, moment=moment)
        elif item.action == "strike":
            # TRANSLATORS: a strike decision's window left open; it was ended without a strike elsewhere.
            text = _("While this window was open, the collaboration with {name} was already ended without a "
                     "strike ({moment}).").format(name=name, moment=moment)
        elif status == "sent":
            # TRANSLATORS: a reminder's window left open; the same message was marked sent elsewhere
            # (the tray's menu, a notification, Vandaag) at {moment}.
            text = _("While this window was open, this message to {name} was already marked as sent "
                     "({moment}).").format(name=name, moment=moment)
        else:
            # TRANSLATORS: a reminder's window left open; the step was marked done without a message elsewhere.
            text = _("While this window was open, this reminder for {name} was already marked as done "
                     "({moment}).").format(name=name, moment=moment)
    # TRANSLATORS: after the text above: the press in the old window did nothing.
    text += " " + _("Nothing was changed or logged a second time. Today shows what is still to do.")
    # TRANSLATORS: title of the notice that a reminder was handled elsewhere meanwhile.
    return _("Already handled"), text


def phone_words(item: DueItem, number: str) -> str:
    """Over the ready message of a step whose channel is the phone (step 3, "another
    way"): call her, and the message is what to send as a text when she does not answer."""
    if number:
        # TRANSLATORS: Vandaag, a reminder step whose channel is the phone; {number} is her phone number.
        return _("Call {name} on {number}. No answer? Send this message as a text instead.").format(
            name=item.person_name, number=number)
    return _("Call {name}. No answer? Send this message as a text instead.").format(name=item.person_name)


def waiting_words(item: DueItem, now: datetime) -> str:
    """Vandaag's pane over a step that came due before a day off or the quiet hours and
    waits through them (``followup.waiting``, its ``due`` still ahead): nothing new comes
    up until then, and this one may wait too. "" for any other step."""
    if item.due <= now or not followup.waiting(item, now):
        return ""
    s = due.ladder_settings()
    settled = followup.settle(now, s)
    back = to_local(settled)
    back = "{date}, {time}".format(date=_day_words(back.date(), now), time=i18n.keep_together(i18n.format_time(back)))
    lapses = followup.lapses_before(item, settled, s)
    if lapses is not None:
        # News before an order's promised day that lapses before then cannot wait for it.
        if followup.day_off(followup.local_date(now, s), s):
            # TRANSLATORS: Vandaag, over an order's news that came due before today, a day off; {moment} is
            # when reminders start again, {date} the ready date promised to the customer, which comes before
            # {moment}: from that day on the news ("still on schedule") comes too late.
            text = _("Today is a day off: no new reminders come up until {moment}. This news cannot wait that "
                     "long: send it before {date}, the ready date you promised, or it comes too late.")
        else:
            # TRANSLATORS: Vandaag, over an order's news that came due before the quiet hours; {moment} is when
            # reminders start again, {date} the ready date promised to the customer, which comes before {moment}.
            text = _("No new reminders come up until {moment}. This news cannot wait that long: send it before "
                     "{date}, the ready date you promised, or it comes too late.")
        return text.format(moment=back, date=_day_words(lapses, now))
    if followup.day_off(followup.local_date(now, s), s):
        # TRANSLATORS: Vandaag, over a reminder that came due before today, a Sunday or public holiday (or a
        # Saturday the owner skips); {moment} is when reminders start again, e.g. "maandag 9 november, 09:00".
        return _("Today is a day off: no new reminders come up until {moment}. This one was already waiting; it "
                 "can wait until then too.").format(moment=back)
    # TRANSLATORS: Vandaag, over a reminder that came due before the owner's quiet hours began; {moment} is
    # when reminders start again (the quiet hours' end, or after a day off that follows them).
    return _("No new reminders come up until {moment}. This one was already waiting.").format(moment=back)


# TRANSLATORS: in the preview of a message to a customer, in place of the new date the owner still
# has to choose ("We now expect to have everything ready on [new date]"). In the customer's language.
NEW_DATE_HOLE = i18n.N_("[new date]")


def new_date_hole(language: str | None = None) -> str:
    """What a preview shows for the new date of a late custom order, which the owner
    chooses in the order's dialog before anything is sent: a proposal (a week on) read as
    a date she had chosen, another one each day (review walk, F6). In the language of the
    message it stands in (``language``), as every other word of it: "ready on [nieuwe
    datum]" stood in an English message; without one, in the app's."""
    if language is None:
        return _(NEW_DATE_HOLE)
    return i18n.translations_for(language).gettext(NEW_DATE_HOLE)


def holds_new_date_hole(message: messages.Message | None) -> bool:
    """Does ``message`` (:func:`preview`) still wait for the new date the owner chooses?
    Then it is not to be handed over: only the order's dialog, which asks for the date,
    does (Vandaag), and ``afspraak due`` says to choose it in the app."""
    return message is not None and new_date_hole(message.language) in message.body


def choose_date_words() -> str:
    """Under a message that waits for its new date (:func:`holds_new_date_hole`) in
    ``afspraak due``: the date is hers to choose, and where (the CLI printed a proposal, a
    week on, as if she had chosen it: review of the order messages, finding 3)."""
    # TRANSLATORS: `afspraak due` in a terminal, under a delay message with "[new date]" in it;
    # {button} is Vandaag's "Open and send…", {view} the Today view.
    return _("The new date is yours to choose, so this message is not ready to send yet. In the app, “{button}” on "
             "this reminder in the {view} view asks for the date and fills it in.").format(
        button=_("Open and send…"), view=i18n.quoted(_("Today")))


def preview(item: DueItem, now: datetime) -> messages.Message | None:
    """:func:`compose` as Vandaag's pane shows it: the news of a late custom order with
    :func:`new_date_hole` for the new date; "Open and send…" opens the order's dialog,
    which asks for it and fills it in (never the hole) before the message is copied, mailed
    or marked sent."""
    if item.kind == "custom_order" and item.action == "message" and item.step in orders.LADDER_STEPS:
        return compose_order(item.subject_id, orders.LADDER_STEPS[item.step], now, date_unchosen=True)
    return compose(item, now)


def _day_words(day: date, now: datetime) -> str:
    """A day in a sentence of the pane: "maandag 30 november" (its year only when it is
    not this year's), never broken inside."""
    if day.year == to_local(now).year:
        return i18n.keep_together(i18n.format_date(day, "EEEE d MMMM"))
    return i18n.detail_date(day)


def snooze_back(now: datetime, how="tomorrow") -> datetime:
    """When a snooze (``clock.snooze_until``: "tomorrow" morning, or a timedelta) really brings
    a step back: its moment moved on out of the quiet hours and past a day off as the ladder
    moves it (``followup.settle``: a Sunday, a public holiday, a Saturday the owner skips).
    "In 1 hour" at 20:30 comes back tomorrow at 09:00, as tomorrow morning does."""
    from desktop import clock

    owner = clock.owner()  # the owner's days and hours only: no database needed (the tray's popup asks too)
    days = LadderSettings(tz=owner.tz, quiet_start=owner.quiet_start, quiet_end=owner.quiet_end,
                          skip_weekends=owner.skip_weekends, country=owner.country)
    return followup.settle(clock.snooze_until(how, now), days)


def snooze_morning_label(now: datetime) -> str:
    """The "remind me tomorrow morning" button named for the day the step comes back
    (:func:`snooze_back`): "Morgen 09:00", but "Maandag 09:00" on a Saturday, when Sunday is
    a day off ("Morgen 09:00" brought it back on Monday: review walk, F5)."""
    back = to_local(snooze_back(now))
    days = (back.date() - to_local(now).date()).days
    time = i18n.format_time(back)
    if days == 1:
        return _("Tomorrow {time}").format(time=time)  # i18n.tomorrow_label's words
    if days <= 0:
        # TRANSLATORS: a snooze button in the night: remind again this morning, at {time} (when the quiet hours end).
        return i18n.pgettext("snooze", "Today {time}").format(time=time)
    day = i18n.format_date(back, "EEEE") if days < 7 else i18n.format_date(back, "EEEE d MMM")
    # TRANSLATORS: a snooze button: remind again on {weekday} (a day name, e.g. "Monday", capitalised
    # here) at {time}, when tomorrow is a day off.
    return _("{weekday} {time}").format(weekday=day[:1].upper() + day[1:], time=time)


__all__ = ["recipient", "subject_title", "subject_titles", "TITLES", "values_for", "item_values", "fitted",
           "compose_for", "compose", "compose_order", "strike_words", "no_strike_words",
           "template_text"]
