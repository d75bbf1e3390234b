"""Deadlines and promised dates as an iCalendar (.ics) file for the owner's calendar.

One calendar event per open promise:
- every open deliverable's deadline (not delivered, collaboration still running, not on
  hold because every parcel of it came back or got lost): an all-day event on the
  deadline's date in the owner's zone (a deadline is a day: the 23:59 it is stored at made
  a half-hour event across midnight, shown on two days; walk-through finding 12);
- every open custom order's promised ready date (status new or in production) and
  promised delivery date (not yet delivered or cancelled): an all-day event.

UIDs are stable (``deliverable-12@afspraak``, ``order-ready-3@afspraak``,
``order-delivery-3@afspraak``; never renamed: a calendar holding the old ones would show every
date twice), and SEQUENCE grows with every export (minutes since 2024, and always above the
last export's), so a calendar that imports by UID updates the events instead of adding copies,
a moved date included.

A date that ended since an export gave it to her calendar (done, delivered, cancelled, on
hold, removed, or its person erased) is not simply left out, which left it in her calendar
for ever (review of the timeline, 2026-12-06): every export writes it again, same UID, with
STATUS:CANCELLED and the export's higher SEQUENCE and DTSTAMP, titled "No longer due: …", for
as long as its day is less than ``TAKE_BACK_DAYS`` past; then it is forgotten. Which UIDs an
export gave her calendar is kept in the store (``store/calendar_record.py``), so a date never
exported is never written as cancelled. No METHOD: that (CANCEL, REQUEST) is iTIP's, for
invitations by mail with an organizer, not for a file she imports.

Calendar apps differ in what a second import does (looked up 2026-12-06, README "Exports"):
an app that matches events by UID and SEQUENCE updates them and takes a cancelled one back
(Google Calendar drops an event whose status is cancelled from a calendar it subscribes to);
Outlook's import adds every event again, and some (Nextcloud, iCloud) refuse a UID they already
hold. So the window promises no update: it says to import into an empty calendar of its own.

Texts are in the app's current language. Built with ``icalendar``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from icalendar import Calendar, Event as CalendarEvent

from desktop.clock import to_local
from desktop.domain import dates, shipments
from desktop.i18n import _, ngettext
from desktop.labels import label
from desktop.store import calendar_record, outgoing
from desktop.store.models import Collaboration, CollaborationProduct, CustomOrder, Deliverable, Person, Shipment

UID_DOMAIN = "afspraak"
PRODID = "-//Afspraak//Afspraak agenda//NL"
OPEN_COLLABORATIONS = ("proposed", "agreed", "shipped", "received", "posted")
READY_OPEN = ("new", "in_production")
DELIVERY_OPEN = ("new", "in_production", "ready", "shipped")
_SEQUENCE_EPOCH = datetime(2024, 1, 1)
# An ended date is written as cancelled in every export until its day is this long past: by
# then her calendar has long scrolled past it, and the file does not grow for ever.
TAKE_BACK_DAYS = 366


@dataclass(frozen=True)
class Entry:
    """One event of the file: its UID, day and words; ``cancelled`` for a date that ended."""

    uid: str
    day: date
    summary: str
    description: str = ""
    cancelled: bool = False


@dataclass(frozen=True)
class Plan:
    """What an export writes, and what the store remembers once it is written."""

    sequence: int
    entries: tuple[Entry, ...]
    remembered: dict[str, date]

    @property
    def open(self) -> int:
        return sum(not e.cancelled for e in self.entries)

    @property
    def taken_back(self) -> int:
        return sum(e.cancelled for e in self.entries)


@dataclass(frozen=True)
class Written:
    """What a written file holds: its open dates, and the ended ones it takes back."""

    dates: int
    taken_back: int


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc)


def uid(kind: str, row_id: int) -> str:
    return f"{kind}-{row_id}@{UID_DOMAIN}"


def _event(entry: Entry, now: datetime, sequence: int) -> CalendarEvent:
    e = CalendarEvent()
    e.add("uid", entry.uid)
    e.add("dtstamp", _utc(now))
    e.add("sequence", sequence)
    # Said for the open ones too: a date that comes back after it was taken back is not cancelled.
    e.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    e.add("summary", entry.summary)
    if entry.description:
        e.add("description", entry.description)
    e.add("categories", ["Afspraak"])
    e.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
    _whole_day(e, entry.day)
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


def _deliverable_title(d: Deliverable) -> str:
    # TRANSLATORS: calendar event title; {kind} is e.g. "Reel", {name} the influencer.
    return _("{kind} due from {name}").format(kind=label("deliverable", d.kind), name=d.collaboration.person.name)


def _ready_title(o: CustomOrder) -> str:
    if o.order_number:
        # TRANSLATORS: calendar event title for a custom order promised ready that day.
        return _("Order {number} for {name}: promised ready date").format(number=o.order_number, name=o.person.name)
    # typed in without a shop number: named by its customer alone
    # TRANSLATORS: calendar event title for a custom order without a shop number promised ready that day.
    return _("Order for {name}: promised ready date").format(name=o.person.name)


def _delivery_title(o: CustomOrder) -> str:
    if o.order_number:
        # TRANSLATORS: calendar event title for a custom order promised delivered that day.
        return _("Order {number} for {name}: promised delivery date").format(number=o.order_number, name=o.person.name)
    # TRANSLATORS: calendar event title for a custom order without a shop number promised delivered
    # that day.
    return _("Order for {name}: promised delivery date").format(name=o.person.name)


def _order_details(o: CustomOrder) -> str:
    return "\n".join(x for x in [o.personalisation, o.note] if x)


def _open_entries() -> list[Entry]:
    """Every open deadline and promised date, as the file has always listed them."""
    entries: list[Entry] = []
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
        if not shipments.chased(statuses, pending, c.status):
            continue
        entries.append(Entry(uid("deliverable", d.id), _local_day(d.deadline), _deliverable_title(d), c.title))

    orders = (CustomOrder.select(CustomOrder, Person).join(Person)
              .where(CustomOrder.status.in_(DELIVERY_OPEN))
              .order_by(CustomOrder.promised_ready, CustomOrder.id))
    for o in orders:
        if o.promised_ready and o.status in READY_OPEN:
            entries.append(Entry(uid("order-ready", o.id), o.promised_ready, _ready_title(o), _order_details(o)))
        if o.promised_delivery:
            entries.append(Entry(uid("order-delivery", o.id), o.promised_delivery, _delivery_title(o),
                                 _order_details(o)))
    return entries


def _row_of(event_uid: str) -> tuple[str, int] | None:
    """("deliverable", 12) for "deliverable-12@afspraak"; None for a UID that is not ours."""
    name, _at, domain = event_uid.rpartition("@")
    kind, _dash, number = name.rpartition("-")
    if domain != UID_DOMAIN or kind not in ("deliverable", "order-ready", "order-delivery") or not number.isdigit():
        return None
    return kind, int(number)


def _ended_titles(uids) -> dict[str, str]:
    """The titles of the ended dates whose row is still there (done, cancelled, on hold), in the
    reader's language; a removed one (or its person erased) has none."""
    rows = {u: row for u in uids if (row := _row_of(u))}
    wanted = {row_id for kind, row_id in rows.values() if kind == "deliverable"}
    found_deliverables = {d.id: d for d in (Deliverable.select(Deliverable, Collaboration, Person)
                                            .join(Collaboration).join(Person).where(Deliverable.id.in_(wanted)))}
    wanted = {row_id for kind, row_id in rows.values() if kind != "deliverable"}
    found_orders = {o.id: o for o in (CustomOrder.select(CustomOrder, Person).join(Person)
                                      .where(CustomOrder.id.in_(wanted)))}
    titles = {}
    for event_uid, (kind, row_id) in rows.items():
        if kind == "deliverable" and row_id in found_deliverables:
            titles[event_uid] = _deliverable_title(found_deliverables[row_id])
        elif kind == "order-ready" and row_id in found_orders:
            titles[event_uid] = _ready_title(found_orders[row_id])
        elif kind == "order-delivery" and row_id in found_orders:
            titles[event_uid] = _delivery_title(found_orders[row_id])
    return titles


def plan(now: datetime) -> Plan:
    """What an export at ``now`` (naive UTC) writes: every open date, and every date an earlier
    export wrote that has ended since, as cancelled (while its day is less than
    ``TAKE_BACK_DAYS`` past); its SEQUENCE above every earlier export's."""
    last_sequence, given = calendar_record.exported()
    sequence = max(int((now - _SEQUENCE_EPOCH).total_seconds() // 60), last_sequence + 1, 0)
    entries = _open_entries()
    remembered = {e.uid: e.day for e in entries}
    oldest = _local_day(now) - timedelta(days=TAKE_BACK_DAYS)
    ended = sorted((day, event_uid) for event_uid, day in given.items() if event_uid not in remembered and day >= oldest)
    titles = _ended_titles(event_uid for _day, event_uid in ended)
    # TRANSLATORS: calendar event description of a date written again as cancelled.
    why = _("This date no longer applies in Afspraak: it was done, cancelled, put on hold or removed.")
    for day, event_uid in ended:
        if event_uid in titles:
            # TRANSLATORS: calendar event title of a date that ended; {title} is its title as before,
            # e.g. "Reel due from Julia".
            summary = _("No longer due: {title}").format(title=titles[event_uid])
        else:
            # TRANSLATORS: calendar event title of a date whose deliverable or order was removed (or its
            # person erased): nothing is left to name it by.
            summary = _("No longer due: a date removed from Afspraak")
        entries.append(Entry(event_uid, day, summary, why, cancelled=True))
        remembered[event_uid] = day
    return Plan(sequence, tuple(entries), remembered)


def _calendar(p: Plan, now: datetime) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Afspraak: deadlines and promised dates"))
    for entry in p.entries:
        cal.add_component(_event(entry, now, p.sequence))
    return cal


def build_calendar(now: datetime) -> Calendar:
    """The calendar of every open deadline and promised date, and of the exported ones that ended
    since, as cancelled; ``now`` is naive UTC. Reads only: ``export`` remembers what it wrote."""
    return _calendar(plan(now), now)


def export(path: Path | str, now: datetime) -> Written:
    """Write the calendar to ``path`` (via a temporary file), then remember what it gave her
    calendar; nothing is remembered when the file could not be written."""
    p = plan(now)
    # A folder is named as the folder it is, not as the ".part" beside it; a pipe, a device or a
    # link is not replaced by the file (store/outgoing.py). Hers only, as a backup is: it
    # names influencers and customers with what they owe.
    outgoing.write_whole(path, _calendar(p, now).to_ical(), mode=0o600)
    calendar_record.remember(p.sequence, p.remembered)
    return Written(p.open, p.taken_back)


def written_message(written: Written, path: str) -> str:
    """What the window says after an export: how many dates, the truth about importing it again
    (calendar apps differ: see the module's docstring), and how many it takes back (last: the
    status bar cuts what does not fit)."""
    lines = [ngettext("{count} date exported to {path}.", "{count} dates exported to {path}.",
                      written.dates).format(count=written.dates, path=path),
             # TRANSLATORS: said after a calendar export; "them": the dates in the file.
             _("Not every calendar app updates them on a new import: safest is an empty calendar of its own.")]
    if written.taken_back:
        lines.append(ngettext("{count} date that ended is in it as cancelled.",
                              "{count} dates that ended are in it as cancelled.",
                              written.taken_back).format(count=written.taken_back))
    return " ".join(lines)


def write_calendar(path: Path | str, now: datetime) -> int:
    """``export``; returns the number of open dates written (the ended ones taken back not counted)."""
    return export(path, now).dates
