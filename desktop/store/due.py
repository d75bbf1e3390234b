"""Store glue for the follow-up ladder: load what ``domain.followup`` needs, and record
what the owner did with a step.

The scan reads tuples with a handful of SQL queries (no model objects), so "what is due
now" stays fast on a large database; the details a message needs (products, amounts,
dates) are only loaded for the items that are shown (:func:`compose`).

The public functions take ``now`` (naive UTC) from the caller; only the views and the
CLI read the clock.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop import i18n
from desktop.clock import local_zone
from desktop.domain import followup, messages
from desktop.domain.followup import Contact, DueItem, LadderSettings, PersonInfo, Promise, StepState
from desktop.i18n import _
from desktop.labels import label
from desktop.store import settings
from desktop.store.db import db
from desktop.store.models import (
    Collaboration,
    CustomOrder,
    Deliverable,
    Event,
    MessageTemplate,
    Person,
    Product,
    ReminderState,
    Shipment,
    ShipmentItem,
    Strike,
)

ACTIVE_COLLABS = ("agreed", "shipped", "received", "posted")
OPEN_ORDERS = ("new", "in_production")
HORIZON = timedelta(days=8)  # upcoming items this far ahead ("deze week")
CONTACT_WINDOW = timedelta(days=14)  # outgoing contacts looked at for the once-a-day rule
REPLY_WINDOW = timedelta(days=60)  # unanswered messages older than this are not chased
_CHUNK = 500


def ladder_settings() -> LadderSettings:
    keys = ("ladder_step_hours", "ladder_strike_hours", "checkin_days", "quiet_start", "quiet_end",
            "skip_weekends", "delay_warning_days", "order_update_days")
    return LadderSettings.from_values({k: settings.get(k) for k in keys}, tz=owner_zone())


def owner_zone():
    """The owner's time zone: the "time_zone" setting, else the computer's."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = settings.get("time_zone")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return local_zone()


def _dt(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    text = str(value)
    if len(text) == 10:  # a DATE column
        return datetime.fromisoformat(text + " 00:00:00")
    return datetime.fromisoformat(text)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _rows(sql: str, params: Iterable = ()) -> list[tuple]:
    # Moments as the text peewee stores them ("2026-11-23 09:30:00"), so they compare as text.
    values = tuple(str(p) if isinstance(p, datetime) else p for p in params)
    return db.execute_sql(sql, values).fetchall()


@dataclass
class Inputs:
    promises: list[Promise]
    people: dict[int, PersonInfo]
    contacts: list[Contact]
    states: list[StepState]


def load(now: datetime, s: LadderSettings, person_id: int | None = None) -> Inputs:
    """Everything the ladder needs at ``now`` (optionally for one person only)."""
    horizon = now + HORIZON
    who = "" if person_id is None else " AND p.id = %d" % int(person_id)
    promises: list[Promise] = []
    names: dict[int, str] = {}
    contacts: list[Contact] = []
    active = ",".join(f"'{c}'" for c in ACTIVE_COLLABS)

    # Deliverables past (or near) their deadline, not delivered, in a live collaboration.
    # ("+d.deadline": start from the few live collaborations, not from every deadline.)
    for did, kind, deadline, cid, pid, name, last_in in _rows(
        f"""SELECT d.id, d.kind, d.deadline, c.id, p.id, p.name,
                   (SELECT MAX(e.at) FROM event e WHERE e.person_id = p.id AND e.direction = 'in' AND e.at >= d.deadline)
            FROM deliverable d JOIN collaboration c ON c.id = d.collaboration_id JOIN person p ON p.id = c.person_id
            WHERE d.delivered_at IS NULL AND d.deadline IS NOT NULL AND +d.deadline <= ?
              AND c.status IN ({active}) AND p.status != 'blocked'{who}""", [horizon]):
        deadline = _dt(deadline)
        names[pid] = name
        promises.append(Promise("deliverable", pid, "deliverable", did, deadline,
                                details={"what": kind, "collaboration_id": cid}))
        if last_in:
            contacts.append(Contact(pid, _dt(last_in), "in"))

    # Parcels to influencers, sent but not confirmed as received.
    checkin = timedelta(days=s.checkin_days)
    for sid, sent_at, pid, name, cid, last_in in _rows(
        f"""SELECT s.id, s.sent_at, p.id, p.name, s.collaboration_id,
                   (SELECT MAX(e.at) FROM event e WHERE e.person_id = p.id AND e.direction = 'in' AND e.at >= s.sent_at)
            FROM shipment s JOIN person p ON p.id = s.person_id
            WHERE s.status = 'sent' AND s.sent_at IS NOT NULL AND s.received_at IS NULL
              AND s.custom_order_id IS NULL AND s.sent_at <= ? AND p.status != 'blocked'{who}""", [horizon - checkin]):
        names[pid] = name
        promises.append(Promise("shipment", pid, "shipment", sid, _dt(sent_at), details={"collaboration_id": cid}))
        if last_in:
            contacts.append(Contact(pid, _dt(last_in), "in"))

    # Answers overdue: the last message the shop sent about an agreement (a message with a
    # subject: collaboration, deliverable or shipment) to someone in a live collaboration,
    # with nothing back since, older than the agreed response time. Chit-chat without a
    # subject is not chased.
    for pid, name, message_at, days, eid, last_in in _rows(
        f"""SELECT p.id, p.name, m.at, (SELECT MIN(c.response_days) FROM collaboration c
                                         WHERE c.person_id = p.id AND c.status IN ({active})), m.id,
                   (SELECT MAX(e.at) FROM event e WHERE e.person_id = p.id AND e.direction = 'in' AND e.at >= m.at)
            FROM (SELECT person_id, MAX(at) AS at, MAX(id) AS id FROM event INDEXED BY "event_at"
                  WHERE kind = 'message' AND direction = 'out' AND at >= ? AND person_id IS NOT NULL
                    AND subject_type IN ('collaboration', 'deliverable', 'shipment')
                  GROUP BY person_id) m
            JOIN person p ON p.id = m.person_id
            WHERE p.status != 'blocked' AND EXISTS (SELECT 1 FROM collaboration c WHERE c.person_id = p.id
                                                    AND c.status IN ({active})){who}""", [now - REPLY_WINDOW]):
        message_at = _dt(message_at)
        due = message_at + timedelta(days=days if days is not None else 3)
        if due > horizon:
            continue
        names[pid] = name
        promises.append(Promise("reply", pid, "event", eid, due, since=message_at,
                                details={"message_at": message_at}))
        if last_in:
            contacts.append(Contact(pid, _dt(last_in), "in"))

    # The shop's own promises: custom orders not ready yet.
    warn = timedelta(days=s.delay_warning_days)
    for oid, promised, pid, name, number, last_out in _rows(
        f"""SELECT o.id, o.promised_ready, p.id, p.name, o.order_number,
                   (SELECT MAX(e.at) FROM event e WHERE e.person_id = p.id AND e.direction = 'out'
                    AND e.subject_type = 'custom_order' AND e.subject_id = o.id)
            FROM custom_order o JOIN person p ON p.id = o.person_id
            WHERE o.status IN ('new', 'in_production') AND o.promised_ready IS NOT NULL{who}""", []):
        promised_at = _local_midnight(_dt(promised), s)
        names[pid] = name
        details = {"order_number": number}
        if promised_at - warn <= horizon:
            promises.append(Promise("order_delay", pid, "custom_order", oid, promised_at, details=details))
        if last_out:
            last_out = _dt(last_out)
            if last_out + timedelta(days=s.order_update_days) <= horizon:
                promises.append(Promise("order_update", pid, "custom_order", oid, last_out, details=details))

    ids = sorted(names)
    people = _people(ids, names)
    contacts += _recent_out(now, set(ids))
    states = _states(ids)
    return Inputs(promises, people, contacts, states)


def _local_midnight(value: datetime, s: LadderSettings) -> datetime:
    """A promised calendar day (stored as a date) as the UTC moment its local day starts."""
    from datetime import timezone

    local = value.replace(tzinfo=s.tz)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def _people(ids: list[int], names: dict[int, str]) -> dict[int, PersonInfo]:
    channels: dict[int, list[str]] = {pid: [] for pid in ids}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for pid, email, phone, whatsapp in _rows(
                f"SELECT id, email, phone, whatsapp FROM person WHERE id IN ({marks})", chunk):
            if whatsapp:
                channels[pid].append("whatsapp")
            if email:
                channels[pid].append("email")
            if phone:
                channels[pid].append("phone")
        for pid, platform in _rows(
                f"SELECT person_id, platform FROM handle WHERE person_id IN ({marks}) "
                f"AND platform IN ('instagram', 'tiktok')", chunk):
            channels[pid].append(platform)
    return {pid: PersonInfo(pid, names[pid], tuple(channels[pid])) for pid in ids}


def _recent_out(now: datetime, ids: set[int]) -> list[Contact]:
    out = []
    for pid, at, channel in _rows(
            "SELECT person_id, at, channel FROM event INDEXED BY \"event_at\" "
            "WHERE at >= ? AND direction = 'out' AND person_id IS NOT NULL",
            [now - CONTACT_WINDOW]):
        if pid in ids:
            out.append(Contact(pid, _dt(at), "out", channel))
    return out


def _states(ids: list[int]) -> list[StepState]:
    states = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for key, status, at, until, template, pid in _rows(
                f"SELECT key, status, at, snoozed_until, template, person_id FROM reminder_state "
                f"WHERE person_id IN ({marks})", chunk):
            states.append(StepState(key, status, _dt(at), _dt(until), template, pid))
    return states


# --- what is due -----------------------------------------------------------------------

def plan(now: datetime, person_id: int | None = None) -> list[DueItem]:
    """Due and upcoming items (the next step of every open promise), sorted by due moment."""
    s = ladder_settings()
    inputs = load(now, s, person_id)
    return followup.plan(inputs.promises, inputs.people, inputs.contacts, inputs.states, s, now)


def due_now(now: datetime, person_id: int | None = None) -> list[DueItem]:
    return followup.due_now(plan(now, person_id), now)


def find(key: str, now: datetime, person_id: int | None = None) -> DueItem | None:
    """The current item whose primary (or any) part has ``key``."""
    for item in plan(now, person_id):
        if key in item.keys:
            return item
    return None


# --- the message -----------------------------------------------------------------------

@dataclass(frozen=True)
class ContactInfo:
    email: str = ""
    phone: str = ""
    whatsapp: str = ""
    instagram: str = ""  # handle, without @
    tiktok: str = ""


def contact_info(person_id: int) -> ContactInfo:
    person = Person.get_by_id(person_id)
    handles = {h.platform: h.name for h in person.handles}
    return ContactInfo(person.email, person.phone, person.whatsapp or person.phone,
                       handles.get("instagram", ""), handles.get("tiktok", ""))


def recipient(person: Person) -> messages.Recipient:
    first = (person.name or "").split()[0] if person.name else ""
    return messages.Recipient(first, person.language or "nl", person.country or "NL", person.address_form or "je")


def _collab_details(collab_id: int | None) -> dict:
    if not collab_id:
        return {}
    c = Collaboration.get_or_none(Collaboration.id == collab_id)
    if c is None:
        return {}
    products = [name for (name,) in Product.select(Product.name).join(ShipmentItem).join(Shipment)
                .where(Shipment.collaboration == c.id).tuples()]
    value = sum(v or 0 for (v,) in Shipment.select(Shipment.value_cents).where(Shipment.collaboration == c.id).tuples())
    return {"product": products[0] if products else "", "agreed_at": c.agreed_at, "consequence": c.consequence,
            "value_cents": value, "title": c.title}


def part_details(part: followup.DuePart) -> dict:
    """What the templates need about one part (loaded only for items that are shown)."""
    details = dict(part.details)
    if part.subject_type == "deliverable":
        d = Deliverable.get_or_none(Deliverable.id == part.subject_id)
        if d is not None:
            details.update(_collab_details(d.collaboration_id))
            details["what"] = d.kind
            details["deadline"] = d.deadline
    elif part.subject_type == "shipment":
        sh = Shipment.get_or_none(Shipment.id == part.subject_id)
        if sh is not None:
            details.update(_collab_details(sh.collaboration_id))
            names = [n for (n,) in Product.select(Product.name).join(ShipmentItem).where(ShipmentItem.shipment == sh.id).tuples()]
            details.update(product=", ".join(names), sent_at=sh.sent_at, value_cents=sh.value_cents)
    elif part.subject_type == "event" and part.kind == "reply":
        cid = (Collaboration.select(Collaboration.id).where(Collaboration.person == Event.get_by_id(part.subject_id).person_id,
                                                            Collaboration.status.in_(ACTIVE_COLLABS))
               .order_by(Collaboration.id.desc()).scalar())
        details.update(_collab_details(cid))
        details["deadline"] = part.reference
    elif part.subject_type == "custom_order":
        o = CustomOrder.get_or_none(CustomOrder.id == part.subject_id)
        if o is not None:
            details.update(order_number=o.order_number, promised=o.promised_ready,
                           product=o.product.name if o.product_id else "", value_cents=o.price_cents)
    return details


def template_override(template_id: str, language: str, form: str) -> tuple[str, str] | None:
    row = MessageTemplate.get_or_none(MessageTemplate.template == template_id, MessageTemplate.language == language,
                                      MessageTemplate.form == form)
    return (row.subject, row.body) if row else None


def values_for(item: DueItem, person: Person, now: datetime, s: LadderSettings) -> dict[str, object]:
    """The typed placeholder values for an item (formatted later in the recipient's locale)."""
    to = recipient(person)
    details = [part_details(p) for p in item.parts]
    main = details[0]
    deadline = main.get("deadline") or item.parts[0].reference
    late_days = (followup.local_date(now, s) - followup.local_date(deadline, s)).days
    catalog = i18n.translations_for(to.lang)
    return {
        "voornaam": to.first_name,
        "naam": person.name,
        "winkel": settings.get("shop_name"),
        "afzender": settings.get("owner_name"),
        "afspraken": [messages.describe(p.kind, d, to, now, s.tz) for p, d in zip(item.parts, details)],
        "product": main.get("product", ""),
        "deadline": deadline,
        "dagen_te_laat": messages.DaysLate(max(1, late_days)),
        "afgesproken_op": main.get("agreed_at"),
        "gevolg": main.get("consequence") or catalog.gettext(messages.DEFAULT_CONSEQUENCE),
        "kosten": messages.Money(main["value_cents"]) if main.get("value_cents") else None,
        "pauzedatum": (now + timedelta(days=int(settings.get("ladder_pause_days")))),
        "verzonden_op": main.get("sent_at"),
        "bestelnummer": main.get("order_number", ""),
        "beloofde_datum": main.get("promised"),
    }


def compose(item: DueItem, now: datetime, extra: dict[str, object] | None = None) -> messages.Message | None:
    """The ready message for ``item`` in the recipient's language and form (None for a task)."""
    if item.action != "message" or not item.template:
        return None
    s = ladder_settings()
    person = Person.get_by_id(item.person_id)
    to = recipient(person)
    values = values_for(item, person, now, s)
    values.update(extra or {})
    override = template_override(item.template, to.lang, to.context)
    return messages.render(item.template, values, to, now=now, tz=s.tz, override=override)


def subject_title(item: DueItem) -> str:
    """A short human name for what the item is about."""
    if item.subject_type == "deliverable":
        d = Deliverable.get_or_none(Deliverable.id == item.subject_id)
        if d is not None:
            return _("{title} ({kind})").format(title=d.collaboration.title or _("(untitled)"),
                                                kind=label("deliverable", d.kind))
    if item.subject_type == "shipment":
        s = Shipment.get_or_none(Shipment.id == item.subject_id)
        if s is not None:
            title = s.collaboration.title if s.collaboration_id else ""
            return _("parcel sent {date}").format(date=i18n.format_date(s.sent_at)) + (f" · {title}" if title else "")
    if item.subject_type == "custom_order":
        o = CustomOrder.get_or_none(CustomOrder.id == item.subject_id)
        if o is not None:
            return _("order {number}").format(number=o.order_number)
    if item.kind == "reply":
        c = (Collaboration.select().where(Collaboration.person == item.person_id, Collaboration.status.in_(ACTIVE_COLLABS))
             .order_by(Collaboration.id.desc()).first())
        return _("answer to your message") + (f" · {c.title}" if c else "")
    return f"{item.subject_type} {item.subject_id}"


# --- acting on a step -----------------------------------------------------------------

def _save_states(item: DueItem, status: str, now: datetime, until: datetime | None = None,
                 event_id: int | None = None) -> None:
    for state, part in zip(followup.with_state([], item, status, now, until), item.parts):
        ReminderState.insert(
            key=state.key, person=item.person_id, subject_type=part.subject_type, subject_id=part.subject_id,
            step=part.step, status=status, at=now, snoozed_until=until, template=state.template, event_id=event_id,
        ).on_conflict(conflict_target=[ReminderState.key], update={
            ReminderState.status: status, ReminderState.at: now, ReminderState.snoozed_until: until,
            ReminderState.template: state.template, ReminderState.event_id: event_id,
        }).execute()


def mark_sent(item: DueItem, now: datetime, channel: str, text: str) -> Event:
    """The owner sent the step's message: log it on the timeline and move the ladder on."""
    with db.atomic():
        event = Event.create(at=now, kind="reminder", channel=channel or "", direction="out", text=text,
                             person=item.person_id, subject_type=item.subject_type, subject_id=item.subject_id,
                             step=item.step)
        _save_states(item, "sent", now, event_id=event.id)
    return event


def mark_reply(item: DueItem, now: datetime, channel: str, text: str = "") -> Event:
    """An answer came in: log it; any incoming message stops the person's ladder."""
    with db.atomic():
        return Event.create(at=now, kind="message", channel=channel or "", direction="in",
                            text=text or _("Reply received"), person=item.person_id,
                            subject_type=item.subject_type, subject_id=item.subject_id, step=item.step)


def snooze(item: DueItem, now: datetime, until: datetime) -> None:
    """Move the step to ``until`` (never a copy of it)."""
    with db.atomic():
        _save_states(item, "snoozed", now, until=until)


def dismiss(item: DueItem, now: datetime) -> None:
    """Done without sending (handled another way): the ladder moves on."""
    with db.atomic():
        _save_states(item, "dismissed", now)


def apply_strike(item: DueItem, now: datetime) -> Strike:
    """After the last reminder: a strike, the collaboration "niet nagekomen", on the timeline."""
    part = item.parts[0]
    details = part_details(part)
    collab_id = details.get("collaboration_id")
    if collab_id is None and part.subject_type == "deliverable":
        collab_id = Deliverable.get_by_id(part.subject_id).collaboration_id
    reminders = [e for (e,) in Event.select(Event.id).where(Event.person == item.person_id, Event.kind == "reminder",
                                                          Event.subject_type == part.subject_type,
                                                          Event.subject_id == part.subject_id).tuples()]
    with db.atomic():
        strike = Strike.create(
            person=item.person_id, collaboration=collab_id, reason="late" if item.kind == "deliverable" else "communication",
            evidence=_("No answer after four reminders."), event_ids=reminders, created_at=now)
        if collab_id:
            Collaboration.update(status="failed").where(Collaboration.id == collab_id).execute()
        event = Event.create(at=now, kind="strike", direction="none", person=item.person_id,
                             subject_type="collaboration" if collab_id else part.subject_type,
                             subject_id=collab_id or part.subject_id, step=item.step,
                             text=_("Strike: not delivered after the last reminder."))
        _save_states(item, "sent", now, event_id=event.id)
    return strike


__all__ = [
    "ladder_settings", "load", "plan", "due_now", "find", "compose", "values_for", "part_details",
    "contact_info", "ContactInfo", "subject_title", "recipient", "template_override", "mark_sent", "mark_reply", "snooze",
    "dismiss", "apply_strike",
]
