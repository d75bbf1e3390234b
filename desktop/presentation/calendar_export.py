"""Open deadlines and promised dates as an iCalendar (.ics) file for the owner's calendar.

One calendar event per open promise:
- every open deliverable's deadline (not delivered, collaboration still running, not on
  hold because every parcel of it came back or got lost): an all-day event on the
  deadline's date in the owner's zone (a deadline is a day: the 23:59 it is stored at made
  a half-hour event across midnight, shown on two days; walk-through finding 12);
- every open custom order's promised ready date (status new or in production) and
  promised delivery date (not yet delivered or cancelled): an all-day event.

UIDs are stable (``deliverable-12-deadline@afspraak``...), and SEQUENCE grows with every
export (minutes since 2024), so importing a newer file updates the events instead of
adding duplicates. Texts are in the app's current language. Built with ``icalendar``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from icalendar import Calendar, Event as CalendarEvent

from desktop.clock import to_local
from desktop.domain import dates, shipments
from desktop.i18n import _
from desktop.labels import label
from desktop.store import outgoing
from desktop.store.models import Collaboration, CollaborationProduct, CustomOrder, Deliverable, Person, Shipment

UID_DOMAIN = "afspraak"
PRODID = "-//Afspraak//Afspraak agenda//NL"
OPEN_COLLABORATIONS = ("proposed", "agreed", "shipped", "received", "posted")
READY_OPEN = ("new", "in_production")
DELIVERY_OPEN = ("new", "in_production", "ready", "shipped")
_SEQUENCE_EPOCH = datetime(2024, 1, 1)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc)


def uid(kind: str, row_id: int) -> str:
    return f"{kind}-{row_id}@{UID_DOMAIN}"


def _event(kind: str, row_id: int, summary: str, description: str, now: datetime, sequence: int) -> CalendarEvent:
    e = CalendarEvent()
    e.add("uid", uid(kind, row_id))
    e.add("dtstamp", _utc(now))
    e.add("sequence", sequence)
    e.add("summary", summary)
    if description:
        e.add("description", description)
    e.add("categories", ["Afspraak"])
    e.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    return e


def _whole_day(event: CalendarEvent, day: date) -> None:
    """``day`` as an all-day event; its end is the next day, left out on the last day of the
    calendar (a 31-12-9999 stored before the forms refused it): an all-day event without an
    end lasts that one day (RFC 5545)."""
    event.add("dtstart", day)
    following = dates.add_days(day, 1)
    if following > day:
        event.add("dtend", following)


def _local_day(moment: datetime) -> date:
    """The owner's date of a stored moment (a deadline's 23:59 local that day); a moment at
    the very end of the calendar, which no zone can move past, keeps its own date."""
    try:
        return to_local(moment).date()
    except (OverflowError, ValueError):
        return moment.date()


def build_calendar(now: datetime) -> Calendar:
    """The calendar of every open deadline and promised date; ``now`` is naive UTC."""
    sequence = max(int((now - _SEQUENCE_EPOCH).total_seconds() // 60), 0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Afspraak: deadlines and promised dates"))

    deliverables = (Deliverable.select(Deliverable, Collaboration, Person)
                    .join(Collaboration).join(Person)
                    .where(Deliverable.deadline.is_null(False), Deliverable.delivered_at.is_null(),
                           Collaboration.status.in_(OPEN_COLLABORATIONS))
                    .order_by(Deliverable.deadline, Deliverable.id))
    deliverables = list(deliverables)
    parcels: dict[int, list[str]] = {}
    for collab_id, status in (Shipment.select(Shipment.collaboration, Shipment.status)
                              .where(Shipment.collaboration.in_({d.collaboration_id for d in deliverables}))
                              .tuples()):
        parcels.setdefault(collab_id, []).append(status)
    # The collaborations that name a gift from the catalogue (or in words: c.products).
    gifted = {cid for (cid,) in CollaborationProduct.select(CollaborationProduct.collaboration)
              .where(CollaborationProduct.collaboration.in_({d.collaboration_id for d in deliverables}))
              .distinct().tuples()}
    for d in deliverables:
        c = d.collaboration
        statuses = parcels.get(c.id, ())
        # On hold, as her reminders are: nothing reached her to post about, or the gift is not
        # sent yet (only packed, or named and no parcel: shipments.gift_unsent).
        pending = shipments.gift_unsent(c.status, c.id in gifted or bool(c.products.strip()), statuses)
        if not shipments.chased(statuses, pending):
            continue
        # TRANSLATORS: calendar event title; {kind} is e.g. "Reel", {name} the influencer.
        summary = _("{kind} due from {name}").format(kind=label("deliverable", d.kind), name=c.person.name)
        e = _event("deliverable", d.id, summary, c.title, now, sequence)
        _whole_day(e, _local_day(d.deadline))
        cal.add_component(e)

    orders = (CustomOrder.select(CustomOrder, Person).join(Person)
              .where(CustomOrder.status.in_(DELIVERY_OPEN))
              .order_by(CustomOrder.promised_ready, CustomOrder.id))
    for o in orders:
        details = "\n".join(x for x in [o.personalisation, o.note] if x)
        if o.promised_ready and o.status in READY_OPEN:
            if o.order_number:
                # TRANSLATORS: calendar event title for a custom order promised ready that day.
                summary = _("Order {number} for {name}: promised ready date").format(
                    number=o.order_number, name=o.person.name)
            else:  # typed in without a shop number: named by its customer alone
                # TRANSLATORS: calendar event title for a custom order without a shop number promised ready that day.
                summary = _("Order for {name}: promised ready date").format(name=o.person.name)
            e = _event("order-ready", o.id, summary, details, now, sequence)
            _whole_day(e, o.promised_ready)
            cal.add_component(e)
        if o.promised_delivery:
            if o.order_number:
                # TRANSLATORS: calendar event title for a custom order promised delivered that day.
                summary = _("Order {number} for {name}: promised delivery date").format(
                    number=o.order_number, name=o.person.name)
            else:
                # TRANSLATORS: calendar event title for a custom order without a shop number promised delivered
                # that day.
                summary = _("Order for {name}: promised delivery date").format(name=o.person.name)
            e = _event("order-delivery", o.id, summary, details, now, sequence)
            _whole_day(e, o.promised_delivery)
            cal.add_component(e)
    return cal


def write_calendar(path: Path | str, now: datetime) -> int:
    """Write the calendar to ``path`` (via a temporary file); returns the number of events."""
    cal = build_calendar(now)
    # A folder is named as the folder it is, not as the ".part" beside it; a pipe, a device or a
    # link is not replaced by the file (store/outgoing.py). Hers only, as a backup is: it
    # names influencers and customers with what they owe.
    outgoing.write_whole(path, cal.to_ical(), mode=0o600)
    return len(cal.walk("VEVENT"))
