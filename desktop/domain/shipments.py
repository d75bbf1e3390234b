"""The life of a shipment: which step may follow which, and when to ask "received?".

Pure rules; ``now`` is always an argument. Statuses: ready (klaar om te verzenden) ->
sent -> delivered -> received (ontvangen bevestigd), or returned (retour) or lost by the
carrier (kwijt).

A parcel that came back or got lost never reached her, so she owes nothing for it: while
every parcel of a collaboration is returned or lost, its deliverables are not chased
(:func:`chased`), and a message never cites what those parcels held. A new parcel to that
collaboration gives her the time she had again: its open deadlines move on by the days
between the parcel that did not arrive and the new one (:func:`deadline_after_resend`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from desktop.domain import dates, workdays
from desktop.domain.collaborations import CLOSED as CLOSED_COLLAB_STATUSES
from desktop.i18n import _
from desktop.domain.addresses import _POSTCODE, Address, AddressParts, has_address, read_address  # noqa: F401 (used here, and by name)

# action -> (statuses it may start from, status it leads to)
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "send": (("ready",), "sent"),
    "deliver": (("sent",), "delivered"),
    "confirm": (("ready", "sent", "delivered"), "received"),
    "return": (("sent", "delivered"), "returned"),
    "lose": (("sent", "delivered"), "lost"),  # the carrier lost it, or it never came
}

# Parcels that did not reach her (or no longer are with her): she owes nothing for them.
GONE = ("returned", "lost")
# Not (yet, or any more) with her: packed and not sent, returned, lost.
PACKED = "ready"  # packed in Zendingen, not handed to the carrier yet: still the shop's
NOT_WITH_HER = (PACKED, *GONE)

# A collaboration moves along with its parcel, never backwards.
COLLAB_AFTER = {
    "send": ({"agreed"}, "shipped"),
    "confirm": ({"agreed", "shipped"}, "received"),
}

OPEN_COLLAB_STATUSES = ("proposed", "agreed")  # not shipped yet: a new parcel belongs here


def takes_a_new_parcel(collab_status: str, parcel_statuses: Iterable[str]) -> bool:
    """Is a collaboration offered for a new parcel? Before its gift went out, and once
    every parcel of a shipped one came back or got lost (the new parcel replaces them)."""
    if collab_status in OPEN_COLLAB_STATUSES:
        return True
    statuses = list(parcel_statuses)
    return collab_status == "shipped" and bool(statuses) and not chased(statuses)


def none_arrived(parcel_statuses: Iterable[str]) -> bool:
    """Did a custom order's parcels all fail to reach the customer: at least one came back or
    got lost, and none is on its way or with her? Its order is then sent again in a new
    parcel (``domain/orders.status_after_parcel_gone``, ``can_ship``)."""
    statuses = list(parcel_statuses)
    return any(s in GONE for s in statuses) and all(s in NOT_WITH_HER for s in statuses)


def replaced(earlier_statuses: Iterable[str], collab_status: str | None = None) -> str | None:
    """What happened to the parcel a new one replaces, given the statuses of the parcels sent
    before it (of the same collaboration or order, oldest first): when none of them reached
    her (:func:`none_arrived`), the latest that got lost or came back ("lost", "returned");
    else None (her first parcel, or one sent beside another that is with her). A parcel of a
    collaboration whose gift reached her another way since (``collab_status`` in
    ``GIFT_WITH_HER_STATUSES``: a replacement handed over after a lost parcel) replaces
    nothing: "the parcel I sent you earlier got lost, so I sent your … again" was untrue of a
    later parcel, she had been given the gift by hand."""
    statuses = list(earlier_statuses)
    if collab_status in GIFT_WITH_HER_STATUSES or not none_arrived(statuses):
        return None
    return next(status for status in reversed(statuses) if status in GONE)


def can(action: str, status: str) -> bool:
    starts, _target = ACTIONS[action]
    return status in starts


def next_status(action: str, status: str) -> str:
    if not can(action, status):
        raise ValueError(f"cannot {action} a shipment that is {status}")
    return ACTIONS[action][1]


def collaboration_status_after(action: str, collab_status: str) -> str:
    starts, target = COLLAB_AFTER.get(action, (set(), collab_status))
    return target if collab_status in starts else collab_status


# On its way, or delivered by the carrier: nobody told the shop it reached her yet (the
# Zendingen list's "received?" and the parcel check-in both read this).
AWAITING_RECEIPT = ("sent", "delivered")


def awaiting_receipt(status: str, checkin_at: datetime | None, now: datetime) -> bool:
    """True when a sent parcel has not been confirmed as received by the moment it is asked
    about (``checkin_at``: ``followup.checkin_due`` of its sending, the morning the check-in
    comes on Vandaag; None for one not sent)."""
    return status in AWAITING_RECEIPT and checkin_at is not None and now >= checkin_at


# A collaboration in this status has not had its gift sent or handed over (sending a parcel,
# or the owner marking it received by hand, moves it on).
GIFT_PENDING_STATUS = "agreed"


def collaboration_for_parcel(candidates: list[tuple[int, str, set[int]]], dropped: Iterable[int]) -> int | None:
    """The collaboration a new parcel of the ``dropped`` product ids is most likely for, out
    of her collaborations that take one (id, status, the product ids of its agreed gift;
    newest first): the one whose gift the products match most (audit 10, F6: products dropped
    on her chose the newest proposal over the deal they were agreed for); then an agreed deal
    waiting for its gift, or a resend, before a mere proposal; then the newest."""
    dropped = set(dropped)
    best, best_key = None, None
    for newest, (cid, status, gift) in enumerate(candidates):
        key = (len(gift & dropped), status != "proposed", -newest)
        if best_key is None or key > best_key:
            best, best_key = cid, key
    return best


def gift_unsent(collab_status: str, names_gift: bool, parcel_statuses: Iterable[str]) -> bool:
    """Is the gift still with the shop: no parcel of the collaboration is with her or on its
    way, and either one is packed and not handed to the carrier yet ("ready": made in
    Zendingen, "Al aan de vervoerder meegegeven" not ticked), or, with no parcel at all, the
    collaboration is agreed and names a product (from the catalogue or in words)? She has
    nothing to post about yet (audit 9, F1: a TikTok about earrings never sent was chased up
    to a final notice threatening to invoice them), and the wait is for the shop to send
    it, not a parcel that came back or got lost (a packed parcel read as "returned or lost").
    A closed collaboration waits for nothing."""
    statuses = list(parcel_statuses)
    if collab_status in CLOSED_COLLAB_STATUSES or any(status not in NOT_WITH_HER for status in statuses):
        return False
    if PACKED in statuses:
        return True
    return not statuses and collab_status == GIFT_PENDING_STATUS and names_gift


# A collaboration in these statuses says its gift reached her: a parcel confirmed received, a
# gift or a replacement handed over without a parcel ("Done without a parcel…"), or she posted.
GIFT_WITH_HER_STATUSES = ("received", "posted")


def chased(parcel_statuses: Iterable[str], gift_pending: bool = False, collab_status: str = "") -> bool:
    """May a collaboration's deliverables be chased, given the statuses of its parcels (and
    the collaboration's status, ``collab_status``)?

    Yes without any parcel when there is no gift to wait for (none was needed, or it was
    handed over and marked received), and while at least one parcel went out to her and
    did not come back or get lost; no while the gift is not sent (``gift_pending``, see
    :func:`gift_unsent`) and once every parcel is returned, lost or only packed (she has
    nothing to post about: a replacement that is ready but not sent ended the hold too
    early, review 8, F8), unless the collaboration says the gift reached her another way
    (``GIFT_WITH_HER_STATUSES``: the replacement packed after a lost parcel and then given
    by hand left her promises on hold for good). ``store/promises/deliverables.py`` and the
    scores (``store/influencers.scores``) ask the same in their queries."""
    statuses = list(parcel_statuses)
    if not statuses:
        return not gift_pending
    return collab_status in GIFT_WITH_HER_STATUSES or any(status not in NOT_WITH_HER for status in statuses)


def handed_over_again(collab_status: str, parcel_statuses: Iterable[str]) -> bool:
    """Does a gift given without a parcel reach her in place of parcels that came back or got
    lost: the collaboration went out ("shipped") and every parcel of it is returned, lost or
    only packed? Her promises then go on as after a new parcel that reached her: the open
    deadlines move on by the days since the last of those went out (:func:`deadline_after_resend`,
    the hand-over day as the day it went) and the collaboration moves on to "received"."""
    statuses = list(parcel_statuses)
    return collab_status == "shipped" and bool(statuses) and not chased(statuses, collab_status=collab_status)


# --- what she does in return: written down, or not yet --------------------------------

# A collaboration still open and with nothing posted yet: what she promised for the gift can
# still be written down and followed up. Once she posted, or the collaboration ended, there
# is nothing left to watch.
RECORDABLE_STATUSES = ("proposed", "agreed", "shipped", "received")
# Without a parcel, a gift reached her by hand in these statuses ("Done without a parcel…"
# moves an agreed collaboration on to "received").
HANDED_OVER_STATUSES = ("shipped", "received")


def gift_given(collab_status: str, parcel_statuses: Iterable[str], names_gift: bool) -> bool:
    """Did the shop give her something for this collaboration: a parcel went out to her
    (sent, delivered or received, not returned or lost), or without any parcel the gift the
    agreement names was handed over (``HANDED_OVER_STATUSES``)?"""
    statuses = list(parcel_statuses)
    if any(status not in NOT_WITH_HER for status in statuses):
        return True
    return not statuses and names_gift and collab_status in HANDED_OVER_STATUSES


def gift_coming(parcel_statuses: Iterable[str], names_gift: bool) -> bool:
    """Is something given, or about to be: a parcel packed or out to her (not returned or
    lost), or a gift the agreement names?"""
    return names_gift or any(status not in GONE for status in parcel_statuses)


def nothing_promised(collab_status: str, deliverables: int, contents: int) -> bool:
    """Is nothing written down about what she does in return while it still can be: no
    deliverable at all (open or posted), nothing posted, the collaboration open
    (``RECORDABLE_STATUSES``)? The README's own gesture, a product dropped onto a new
    influencer, makes such a collaboration ("proposed", no deliverables): with nothing to
    chase, Afspraak would never follow it up (the owner's two-week walk, finding 1)."""
    return collab_status in RECORDABLE_STATUSES and deliverables == 0 and contents == 0


def promise_unrecorded(collab_status: str, deliverables: int, contents: int, parcel_statuses: Iterable[str],
                       names_gift: bool) -> bool:
    """The owner's task "record the agreement" (``followup.RULES["agreement"]``): the shop
    gave her something (:func:`gift_given`) and nothing is written down about what she does
    in return (:func:`nothing_promised`). ``store/promises/agreements.py`` asks the same in
    its query."""
    return nothing_promised(collab_status, deliverables, contents) and gift_given(
        collab_status, parcel_statuses, names_gift)


def status_once_agreed(collab_status: str, parcel_statuses: Iterable[str]) -> str:
    """The status a collaboration takes when what she promised is written down: a proposal
    becomes a deal, at the point its parcels reached ("shipped" once one went out, "received"
    once one was confirmed, else "agreed"), so that her deliverables are chased (a proposal's
    never are); any other status stays."""
    if collab_status != "proposed":
        return collab_status
    statuses = set(parcel_statuses)
    if "received" in statuses:
        return "received"
    if statuses & set(AWAITING_RECEIPT):
        return "shipped"
    return "agreed"


# A check-in asks about a parcel sent this recently at most: weeks later, "is it there?"
# reads as if nobody kept track (a shop imported with years of parcels, the app closed a while).
CHECKIN_WINDOW = timedelta(days=30)

# The days a parcel takes to reach her (NL and BE).
TRANSIT_DAYS = 2
# A gift goes out within this many days of the agreement (the day itself counting as the
# first): agreed on a Monday, the reminder to send it comes on Wednesday morning.
GIFT_SEND_DAYS = 2
# After a late gift, the days she keeps before her first deadline: those she would have had
# had it come on time, up to this many (a first deadline months away stays where it is).
LATE_GIFT_KEPT_DAYS = 14


def moved_deadlines(days: Iterable[date], move: Callable[[date], date], country: str,
                    skip_weekends: bool = False) -> list[date]:
    """The new day of each deadline in ``days`` (earliest first) moved by ``move``: a day
    that moves lands on a working day of the shop's ``country`` (the date the shop names,
    as the ladder's own dates: ``workdays``; not a Saturday either when the owner keeps her
    weekends free, ``skip_weekends``), as a day she agreed to would (audit 11: a moved
    deadline fell on a Sunday); deadlines on different days stay on different days, in
    their order (a Friday and a Saturday both moved onto the Monday after would be one
    day). A day ``move`` leaves alone stays, a Sunday she agreed to included."""
    out: list[date] = []
    before = None  # (the previous deadline, its new day)
    for day in days:
        new = move(day)
        if new != day:
            new = workdays.working_day(new, country, skip_weekends)
            if before is not None and day != before[0] and new <= before[1]:
                new = workdays.working_day(before[1] + timedelta(days=1), country, skip_weekends)
            elif before is not None and day == before[0]:
                new = before[1]
        out.append(new)
        before = (day, new)
    return out


def late_gift_shift(first_deadline: date, agreed: date, arrives: date) -> int:
    """The days every open deadline of a collaboration moves on when its gift, agreed on
    ``agreed``, reaches her only on ``arrives`` (a parcel: the day it is sent plus
    ``TRANSIT_DAYS``; another way: that day). Sent by the morning the app reminds the owner
    (``GIFT_SEND_DAYS`` after the agreement) it would have arrived ``TRANSIT_DAYS`` later,
    leaving her the days from then to her first deadline; she keeps those days after the
    late arrival, up to ``LATE_GIFT_KEPT_DAYS``. All her deadlines move by the same days, so
    their order and spacing stay as agreed (review: capping each deadline on its own put a
    reel and a story agreed a week apart on one day); never earlier. Audit 10, F2: a gift
    sent two days before a deadline left it there, and she was chased three days after the
    gift came."""
    usual = agreed + timedelta(days=GIFT_SEND_DAYS + TRANSIT_DAYS)
    kept = min(max(0, (first_deadline - usual).days), LATE_GIFT_KEPT_DAYS)
    return max(0, (arrives + timedelta(days=kept) - first_deadline).days)


def deadline_after_resend(deadline: date, gone_sent: date, resent: date) -> date:
    """A deadline once a new parcel goes out after every earlier one came back or got lost:
    later by the days between the last parcel that did not arrive (``gone_sent``, the day
    it was sent) and the new one (``resent``), so she has the time she agreed to again;
    never earlier."""
    return deadline + timedelta(days=max(0, (resent - gone_sent).days))


def sent_day_problem(day: date, today: date) -> str:
    """What is wrong with ``day`` as the day a parcel went out, on the owner's ``today``
    ('' when nothing): a parcel recorded days after it went out counts from the day it
    went out (the "received?" question, a late gift's new deadlines), never from a day
    still to come."""
    return dates.past_day_problem(day, today, _(
        "The parcel cannot have been sent on a day still to come: pick today or an earlier day."))


def value_cents(items: list[tuple[int | None, int]]) -> int:
    """Total shop price of (price_cents, quantity) items; products without a price count 0."""
    return sum((price or 0) * quantity for price, quantity in items)


# --- the address a parcel goes to ------------------------------------------------------

# Open parcels still need somewhere to go; once delivered, received or returned they don't.
NEEDS_ADDRESS = ("ready", "sent")


@dataclass(frozen=True)
class ShipTo(AddressParts):
    """Where a shop order's parcel goes, as the shop's order says (schema v16): the
    recipient (the buyer, or the person a gift is for), the delivery address with the
    country as the shop's file writes it ("BE", "Belgium", "Canada"), the recipient's phone.
    The buyer stays the customer: she is who the shop writes to."""

    name: str
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    phone: str = ""
    typed: bool = False  # typed in the custom order's own form (v17), not the shop's order's
    region: str = ""  # a state or province as the shop's file writes it ("AK", "ON"; v20)

    @property
    def country_code(self) -> str:
        """NL, BE, other, or "" when the order names no country."""
        from desktop.domain.order_importers import country_code

        return country_code(self.country, self.postcode)

    @property
    def iso_country(self) -> str:
        """The country as two letters for a carrier's tracking link, "" when not known."""
        code = self.country_code
        if code in ("NL", "BE"):
            return code
        written = self.country.strip()
        return written.upper() if re.fullmatch(r"[A-Za-z]{2}", written) else ""

    def is_for(self, name: str) -> bool:
        """Does the parcel go to ``name`` (the buyer herself, not a gift for somebody else)?"""
        from desktop.domain.order_importers import same_person_name

        return not self.name.strip() or same_person_name(self.name, name)

    def same_address(self, street: str, postcode: str) -> bool:
        """Is this the address ``street``, ``postcode`` (case and punctuation not counting)?"""
        from desktop.domain.order_importers import address_key

        return address_key(self.street, self.postcode) == address_key(street, postcode)


def says_where(street: str, postcode: str, city: str, country: str) -> bool:
    """Does a shop order's delivery say where its parcel goes? Blank for an order imported
    before the delivery was kept (schema v16) or whose recipient's data was erased: its
    parcel then goes to the customer's own address in Afspraak."""
    return any((part or "").strip() for part in (street, postcode, city, country))


def parcel_address(ship: ShipTo | None, street: str, postcode: str, city: str) -> tuple[str, str, str]:
    """Where a parcel goes (street, postcode, city): the delivery of the shop's order it was
    made for when that says where (a gift's recipient), else the address on the card of the
    person it is for (``street``, ``postcode``, ``city``)."""
    if ship is not None and says_where(ship.street, ship.postcode, ship.city, ship.country):
        return ship.street, ship.postcode, ship.city
    return street, postcode, city


def missing_address(status: str, street: str, postcode: str, city: str) -> bool:
    """True for an open parcel whose recipient has no address (flagged in Zendingen)."""
    return status in NEEDS_ADDRESS and not has_address(street, postcode, city)


