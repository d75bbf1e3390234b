"""Custom orders: the rules for the shop's own promises to its customers.

Pure Python: no Qt, no database, no clock. The views hand in what the owner typed (an
``OrderInput``) and ``today``; the store saves only what ``validate`` accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.domain import dates, workdays
from desktop.domain.money import MoneyError, parse_money
from desktop.domain.names import clean_name
from desktop.i18n import _, format_number, formatting_locale, quoted
from desktop.labels import label

# Pieces on one custom order: as many as an order line of an import may hold (more is a
# mistake in the file), so an imported order can always be edited and saved again.
MAX_QUANTITY = 100_000
STATUSES = ("new", "in_production", "ready", "shipped", "delivered", "cancelled")
# Orders the shop still has to make: the promised ready date counts for these.
IN_THE_MAKING = ("new", "in_production")
# The statuses an order on the owner's plate may have (Maatwerk's "Open orders"): a shipped
# one only while it has a parcel to follow (``running``).
OPEN = ("new", "in_production", "ready", "shipped")
FINAL = ("delivered", "cancelled")

# The usual way forward; "shipped" is reached through shipping (it makes a shipment).
NEXT_STATUS = {"new": "in_production", "in_production": "ready", "ready": "shipped", "shipped": "delivered"}
# One step back, for a click too many.
PREVIOUS_STATUS = {"in_production": "new", "ready": "in_production", "shipped": "ready", "delivered": "shipped"}


def allowed_moves(status: str) -> list[str]:
    """The statuses an order in ``status`` may be moved to, in the order to offer them."""
    if status == "cancelled":
        return ["new"]  # re-opened after all
    moves = [s for s in (NEXT_STATUS.get(status), PREVIOUS_STATUS.get(status)) if s]
    if status not in FINAL:
        moves.append("cancelled")
    return moves


def can_move(status: str, to: str) -> bool:
    return to in allowed_moves(status)


# The statuses before the parcel: the order form moves an order freely between them.
BEFORE_PARCEL = ("new", "in_production", "ready")


def form_statuses(current: str | None) -> list[str]:
    """The statuses the order form offers an order in ``current`` (None: a new one), in
    the pipeline's order (review of the custom orders, finding 2: the form's Status went
    around the parcel). Before the parcel, and from or to "cancelled", she moves it freely:
    a correction, no parcel involved. "Shipped" is reached only through "Ship…", which asks
    the carrier and makes the parcel: no order in the form becomes shipped without one. A
    shipped or delivered order moves as its buttons move it (back to ready: the parcel on
    its way is taken back; delivered: the parcel too), so its parcel follows
    (``store/orders._parcel_follows``) and shipping again never makes a second one."""
    if current is None:
        offered = set(BEFORE_PARCEL)
    elif current in BEFORE_PARCEL or current == "cancelled":
        offered = {*BEFORE_PARCEL, "cancelled"}
    else:
        offered = {current, *allowed_moves(current)}
    return [status for status in STATUSES if status in offered]


# An order is sent on in these: a parcel made by "Ship…" is on its way to the customer or with her.
SENT_ON = ("shipped", "delivered")


def status_after_parcel_gone(status: str, none_arrived: bool) -> str:
    """The order's status once one of its parcels came back or got lost; ``none_arrived``:
    none of its parcels is on its way or with the customer any more
    (``domain/shipments.none_arrived``). A shipped or delivered order is then the shop's to
    send again: "ready" (Maatwerk's "Ship again…", the ship task in Vandaag), the parcel that
    did not arrive kept as it is in Zendingen. Otherwise it stays: another parcel is still
    out, or she moved the order on by hand (cancelled it, or back into production to make it
    again)."""
    return "ready" if status in SENT_ON and none_arrived else status


def running(status: str, has_parcel: bool) -> bool:
    """Is the order still on the owner's plate (Maatwerk's "Open orders", its default list)?
    While she still makes it or ships it; once shipped, only while Afspraak has a parcel of it
    (``has_parcel``: one in Zendingen) that tells its delivery and, when it arrives, makes the
    order delivered. An order the shop's export shows as already sent came with no parcel:
    nothing here to follow, and nothing that would ever close it, so it is not "running"; it
    stays "shipped" (Afspraak does not know it arrived, and never says so), under "Shipped"
    and "All orders", where "Mark as delivered" still closes it by hand. Only a shipped order
    with a parcel on its way gets a reminder: the look at its tracking once it was to have
    arrived (``domain/order_reminders.arrival_promises``). Kept in step with
    ``store/orders.listed("open")``, which asks the same in SQL."""
    return status in BEFORE_PARCEL or (status == "shipped" and has_parcel)


def can_ship(status: str, none_arrived: bool) -> bool:
    """May "Ship…" make a parcel for this order? A ready one, and one still "shipped" or
    "delivered" none of whose parcels arrived (``none_arrived``: they all came back or got
    lost; its status from before the order followed its parcel, or from the shop's export):
    a new parcel, never a second one on its way."""
    return status == "ready" or (status in SENT_ON and none_arrived)


def days_left(promised: date | None, today: date) -> int | None:
    return None if promised is None else (promised - today).days


def past_promise(promised: date | None, today: date, status: str) -> bool:
    """Is the promised ready day over while the order is still being made? Then news to
    the customer is late news (an apology with a new date), never "still on schedule"."""
    return status in IN_THE_MAKING and promised is not None and promised < today


# The messages that are true of an order in each status (the order's "Send message" menu and
# its dialog offer only these): the confirmation and the news of the making while it is
# being made; "ready" once it is ready and not yet sent; "on its way" while it is; the
# cancellation once it is cancelled. None for a delivered order: "the parcel is on its way",
# "we'll send it shortly" would be untrue by then. A message is never offered for a step
# before it happened ("on its way" for a new order, without a carrier or a link), nor news
# of the making once it is made or cancelled ("still on schedule for 20 November", sent in
# December about an order delivered then: audit 9, messages F7), nor the confirmation's
# "we're making it" for an order already made or cancelled (review of the order messages).
MESSAGES_BY_STATUS = {
    "new": ("order_confirmation", "order_update", "order_delay"),
    "in_production": ("order_confirmation", "order_update", "order_delay"),
    "ready": ("order_ready",),
    "shipped": ("order_shipped",),
    "delivered": (),
    "cancelled": ("order_cancelled",),
}
# A ready order whose parcel got lost or came back (``status_after_parcel_gone``): "good news,
# we've finished it, we'll send it shortly" is untrue of it; the news is that it goes out again.
MESSAGES_AFTER_PARCEL_GONE = ("order_resend",)
# The statuses in which an order whose parcels all got lost or came back is the shop's to send
# again (``can_ship``: Maatwerk's "Ship again…"): ready, and still "shipped" or "delivered"
# where the order did not follow its parcel (an import of the shop's export that says it was
# sent, or a parcel marked lost after the order moved on by hand). "On its way, follow it
# here" would quote the lost parcel's link.
SENDS_AGAIN = ("ready", *SENT_ON)


def offered_messages(status: str, late: bool, steps: list[str], parcel_gone: bool = False) -> list[str]:
    """Which of ``steps`` (the order dialog's messages, in order) fit an order in ``status``
    (:data:`MESSAGES_BY_STATUS`); ``late``: its promised day is over (no "on schedule" then,
    the delay is late news); ``parcel_gone``: its parcels all got lost or came back, none on
    its way or with the customer (an order in :data:`SENDS_AGAIN` is then sent again:
    :data:`MESSAGES_AFTER_PARCEL_GONE` instead of "ready" or "on its way")."""
    fits = (MESSAGES_AFTER_PARCEL_GONE if status in SENDS_AGAIN and parcel_gone
            else MESSAGES_BY_STATUS.get(status, ()))
    return [step for step in steps if step in fits and not (late and step == "order_update")]


def opening_message(step: str, status: str, late: bool, offered: list[str]) -> str:
    """The message the order dialog opens on when ``step`` was asked for: once the promised
    day is over the delay (worded as late news) instead of "on schedule"; for an order that
    moved on since (a reminder opened later), the first message that fits where it is now;
    otherwise ``step``. '' when nothing fits (a delivered order). ``offered``:
    :func:`offered_messages`."""
    if late and step == "order_update":
        step = "order_delay"
    if step not in offered:
        return offered[0] if offered else ""
    return step


def urgency_colour(days: int | None, warn_days: int) -> str:
    """'red' when the promised day has passed, 'amber' when it is within ``warn_days``."""
    if days is None:
        return ""
    if days < 0:
        return "red"
    if days <= warn_days:
        return "amber"
    return ""


def shipped_colour(days: int | None) -> str:
    """A shipped order's colour in Maatwerk: 'amber' once the day its parcel was to be
    delivered by (``days`` left until it) has passed and nobody marked it delivered: a look
    at the tracking is due (``order_reminders.arrival_promises``). Not red: it most likely
    arrived and was not marked yet, and the shop kept its promise by shipping in time."""
    return "amber" if days is not None and days < 0 else ""


def personalisation_summary(text: str, font: str = "", colour: str = "", size: str = "") -> str:
    """One line for the list: "Letter M · Script · goud · 12 mm"."""
    return " · ".join(part.strip() for part in (text, font, colour, size) if part and part.strip())


# --- input and validation --------------------------------------------------------------

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class OrderInput:
    """What the order dialog holds, before it is saved."""

    name: str = ""
    email: str = ""
    phone: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "NL"
    language: str = "nl"
    address_form: str = "je"
    order_number: str = ""
    product_id: int | None = None
    quantity: int = 1
    personalisation: str = ""
    font: str = ""
    colour: str = ""
    size: str = ""
    note: str = ""
    price_text: str = ""
    deposit_text: str = ""
    ordered_on: date | None = None
    promised_ready: date | None = None
    promised_delivery: date | None = None
    status: str = "new"
    checklist: list[dict] = field(default_factory=list)
    change_reason: str = ""  # why a promised date moved (editing only)
    # "Deliver to another address": the parcel goes to somebody else, or elsewhere (a present).
    # Off: the parcel goes to the customer's address (or, imported, the shop order's delivery).
    ship_to: bool = False
    ship_name: str = ""
    ship_street: str = ""
    ship_postcode: str = ""
    ship_city: str = ""
    ship_country: str = "NL"  # NL, BE or other: the form starts it at the shop's country
    # The locale the owner typed the amounts in ("nl_NL", "nl_BE", "en_GB"): the dialog's
    # UI language. Required, so no caller can have its amounts read in another convention.
    money_locale: str = field(kw_only=True)


@dataclass
class CleanOrder:
    """A validated ``OrderInput``: text stripped, money in cents."""

    values: dict
    price_cents: int | None
    deposit_cents: int


def validate(form: OrderInput, previous: dict | None = None, taken_numbers: set[str] | None = None,
             today: date | None = None) -> tuple[CleanOrder | None, dict[str, str]]:
    """Check the form; returns (clean order, {}) or (None, {field: message}).

    ``previous`` holds the saved promised dates of an order being edited
    (``{"promised_ready": date, "promised_delivery": date}``): moving one needs a reason.
    ``taken_numbers`` are the shop order numbers other orders already use. ``today`` (the
    owner's calendar day) refuses an order date after it.
    """
    errors: dict[str, str] = {}
    _check_customer(form, taken_numbers, errors)
    if not isinstance(form.quantity, int) or not 1 <= form.quantity <= MAX_QUANTITY:
        errors["quantity"] = _("Enter how many pieces: from 1 to {most}.").format(most=format_number(MAX_QUANTITY))
    price, deposit = _check_money(form, errors)
    _check_status_and_dates(form, previous, errors, today)
    ship = _check_ship_to(form, errors)
    name, email, number = clean_name(form.name), form.email.strip(), form.order_number.strip()

    checklist = [{"text": str(i.get("text", "")).strip(), "done": bool(i.get("done"))}
                 for i in form.checklist if str(i.get("text", "")).strip()]
    if errors:
        return None, errors
    values = {
        "name": name, "email": email, "phone": form.phone.strip(), "street": form.street.strip(),
        "postcode": form.postcode.strip().upper(), "city": form.city.strip(), "country": form.country,
        "language": form.language, "address_form": form.address_form,
        "order_number": number, "product_id": form.product_id, "quantity": form.quantity,
        "personalisation": form.personalisation.strip(), "font": form.font.strip(),
        "colour": form.colour.strip(), "size": form.size.strip(), "note": form.note.strip(),
        "ordered_on": form.ordered_on, "promised_ready": form.promised_ready,
        "promised_delivery": form.promised_delivery, "status": form.status, "checklist": checklist,
        "change_reason": form.change_reason.strip(), **ship,
    }
    return CleanOrder(values=values, price_cents=price, deposit_cents=deposit or 0), {}


def _check_customer(form: OrderInput, taken_numbers: set[str] | None, errors: dict[str, str]) -> None:
    """The customer's name, email, language and address form, and the shop's order number."""
    if not clean_name(form.name):  # zero-width spaces alone are no name
        errors["name"] = _("Enter the customer's name.")
    email = form.email.strip()
    if email and not EMAIL.match(email):
        errors["email"] = _("“{email}” is not an email address.").format(email=email)
    if form.language not in ("nl", "en"):
        errors["language"] = _("Choose Dutch or English.")
    if form.address_form not in ("je", "u"):
        errors["address_form"] = _("Choose a form of address: informal or formal.")
    number = form.order_number.strip()
    if number and taken_numbers and number.lower() in {n.lower() for n in taken_numbers}:
        errors["order_number"] = _("Order number {number} is already used by another order.").format(number=number)


SHIP_FIELDS = ("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country")
SHIP_COUNTRIES = ("NL", "BE", "other")


def _check_ship_to(form: OrderInput, errors: dict[str, str]) -> dict[str, str]:
    """The delivery to another address, checked as a parcel's address is
    (``shipments.read_address``: complete, a Dutch or Belgian postcode of its country's
    form, written as the carriers do) and with the recipient's name: the cleaned
    ``SHIP_FIELDS``, all "" when the parcel goes to the customer."""
    if not form.ship_to:
        return dict.fromkeys(SHIP_FIELDS, "")
    from desktop.domain.addresses import read_address

    name = clean_name(form.ship_name)
    if not name:
        errors["ship_name"] = _("Enter the name of the person the parcel goes to.")
    country = form.ship_country if form.ship_country in SHIP_COUNTRIES else ""
    if not country:
        errors["ship_country"] = _("Choose the country the parcel goes to.")
    address, problems = read_address(form.ship_street, form.ship_postcode, form.ship_city, country or "other")
    if address.empty:  # the section open with no address in it: where should it go?
        problems = {"street": _("Fill in the street and house number."), "postcode": _("Fill in the postcode."),
                    "city": _("Fill in the city.")}
    for key, problem in problems.items():
        errors[f"ship_{key}"] = problem
    return {"ship_name": name, "ship_street": address.street, "ship_postcode": address.postcode,
            "ship_city": address.city, "ship_country": country}


def _check_money(form: OrderInput, errors: dict[str, str]) -> tuple[int | None, int | None]:
    """(price, deposit) in cents; None where the text is not an amount (the error says why)."""
    price = deposit = None
    try:
        price = parse_money(form.price_text, form.money_locale)
    except MoneyError as exc:
        errors["price"] = str(exc)
    try:
        deposit = parse_money(form.deposit_text, form.money_locale) or 0
    except MoneyError as exc:
        errors["deposit"] = str(exc)
    if price is not None and deposit is not None and deposit > price:
        errors["deposit"] = _("The deposit is more than the price.")
    return price, deposit


def _check_status_and_dates(form: OrderInput, previous: dict | None, errors: dict[str, str],
                            today: date | None = None) -> None:
    """The status, the order date, the promised dates in order and in the years Afspraak
    takes (the same as an orders import: ``dates.YEARS``), and a reason when a promised
    date moves."""
    current = (previous or {}).get("status")
    if form.status not in STATUSES:
        errors["status"] = _("Choose a status.")
    elif form.status != current and form.status not in form_statuses(current):
        errors["status"] = _status_refused(current, form.status)
    if form.ordered_on is None:
        errors["ordered_on"] = _("Enter the date the customer ordered.")
    elif today is not None and form.ordered_on > today:
        errors["ordered_on"] = _("The order date is after today: fill in the day the customer ordered.")
    for key in ("ordered_on", "promised_ready", "promised_delivery"):
        if key not in errors and dates.implausible(getattr(form, key)):
            errors[key] = dates.implausible(getattr(form, key))
    # The order of the dates is worth a word only between dates she meant.
    if form.promised_ready is None:
        errors["promised_ready"] = _("Enter the date you promised the order would be ready.")
    elif "promised_ready" not in errors and form.ordered_on and "ordered_on" not in errors \
            and form.promised_ready < form.ordered_on:
        errors["promised_ready"] = _("The promised date is before the order date.")
    if not {"promised_delivery", "promised_ready"} & errors.keys() and form.promised_delivery is not None \
            and form.promised_ready is not None and form.promised_delivery < form.promised_ready:
        errors["promised_delivery"] = _("The promised delivery date is before the promised ready date.")
    if previous and not form.change_reason.strip():
        moved = (previous.get("promised_ready") != form.promised_ready
                 or previous.get("promised_delivery") != form.promised_delivery)
        if moved:
            errors["change_reason"] = _("Say why the promised date is changing; the reason is kept in the order's history.")


def _status_refused(current: str | None, status: str) -> str:
    """Why the order form does not make an order in ``current`` (None: a new one) ``status``."""
    if status == "shipped":
        return _("An order is shipped with “Ship…” in Custom orders: it asks for the carrier and puts the parcel "
                 "in Shipments. Choose another status here.")
    from babel.lists import format_list

    choices = format_list([quoted(label("order_status", s)) for s in form_statuses(current) if s != current],
                          style="or", locale=formatting_locale())
    if current is None:
        # TRANSLATORS: {statuses} lists the statuses a new custom order may have: "“New”, “In production” or “Ready”".
        return _("A new order can only be {statuses}.").format(statuses=choices)
    # TRANSLATORS: {old} is the order's status, in lower case; {statuses} lists those it may get here.
    return _("An order that is {old} can only become {statuses} here.").format(
        old=label("order_status", current).lower(), statuses=choices)


# A delay message proposes the promised date plus this many days (never a day in the
# past); the owner changes it in the dialog before sending.
DELAY_PROPOSAL_DAYS = 7


def default_ready(ordered_on: date, lead_days: int, country: str, skip_weekends: bool = False) -> date:
    """The ready date an order gets when nobody typed one (a new order's first proposal, an
    imported order): the order date plus the shop's lead time (``order_lead_days``), moved
    off a Sunday or a public holiday of the shop's ``country`` (it makes the order, whoever
    the customer is), and off a Saturday when the owner keeps her weekends free
    (``skip_weekends``), to the next working day (``workdays.working_day``), as a customer
    would be told."""
    return workdays.working_day(dates.add_days(ordered_on, max(0, int(lead_days))), country, skip_weekends)


def propose_new_date(promised: date | None, today: date, country: str, days: int = DELAY_PROPOSAL_DAYS,
                     skip_weekends: bool = False) -> date:
    """The new expected date a delay message proposes: a week after the promised date,
    or after today when that has passed, moved off a Sunday or a public holiday of the
    shop's ``country`` (and off a Saturday when the owner keeps her weekends free,
    ``skip_weekends``) to its next working day (``workdays.working_day``). Always passes
    :func:`validate_new_promise`. (The owner may still choose a Sunday in the dialog.)"""
    return workdays.working_day(max(promised or today, today) + timedelta(days=days), country, skip_weekends)


def validate_new_promise(current: date | None, new: date | None, today: date) -> str:
    """The message for a bad new expected date in a delay message, or ''."""
    if new is None:
        return _("Choose the new date the order will be ready.")
    if dates.implausible(new):
        return dates.implausible(new)
    if new < today:
        return _("The new date is in the past.")
    if current is not None and new <= current:
        return _("The new date must be later than the promised date.")
    return ""
