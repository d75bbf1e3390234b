"""Store glue for the follow-up ladder: load what ``domain.followup`` needs, and record
what the owner did with a step.

The scan reads tuples with a handful of SQL queries (no model objects), so "what is due
now" stays fast on a large database; the details a message needs (products, amounts,
dates) are only loaded for the items that are shown (:func:`compose`).

The public functions take ``now`` (naive UTC) from the caller; only the views and the
CLI read the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop import i18n
from desktop import clock
from desktop.domain import followup, messages, order_reminders
from desktop.domain.orders import propose_new_date
from desktop.domain.followup import (
    Contact, DueItem, LadderSettings, PersonInfo, Promise, StepState, make_contact, make_promise,
)
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
_CHUNK = 999  # ids per IN (...) list: SQLite's oldest limit on bound values (the scan's ~900 people in one query)


def ladder_settings() -> LadderSettings:
    keys = ("ladder_step_hours", "ladder_strike_hours", "checkin_days", "delay_warning_days", "order_update_days")
    values = settings.get_many(keys)  # one query, not five
    owner = clock.owner()  # zone, quiet hours and weekends: one object for the whole app
    values.update(quiet_start=owner.quiet_start, quiet_end=owner.quiet_end, skip_weekends=owner.skip_weekends)
    return LadderSettings.from_values(values, tz=owner.tz)


def owner_zone():
    """The owner's time zone (the "time_zone" setting, else the computer's)."""
    return clock.owner().tz


def _dt(value) -> datetime | None:
    if value.__class__ is str:  # as stored: "2026-11-23 09:30:00", or "2026-11-23" for a DATE column
        return datetime.fromisoformat(value)
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _id_rows(sql: str, ids: list[int]) -> list[tuple]:
    """``_rows`` for a list of ids (nothing to convert)."""
    return db.execute_sql(sql, ids).fetchall()


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


def load(now: datetime, s: LadderSettings, person_id: int | None = None, due_only: bool = False) -> Inputs:
    """Everything the ladder needs at ``now`` (optionally for one person only).

    The promise queries read only their own tables; names, channels, the blocked status
    and the latest incoming contact come afterwards in one lookup per person
    (:func:`_people`), not once per promise (docs/PERFORMANCE.md).

    ``due_only``: only the promises that can have a step due at ``now`` (those whose
    earliest step, ``followup.min_offsets``, is not after it), not the week ahead."""
    horizon = now + HORIZON
    earliest = followup.min_offsets(s)

    def latest_reference(rule: str) -> datetime:
        """The latest reference moment of a promise of ``rule`` worth loading."""
        # the week ahead: a parcel whose check-in falls in it; other promises by their reference
        week = horizon - earliest[rule] if rule == "shipment" else horizon
        # due_only: its earliest step by now (never more than the week's plan would load,
        # even with step times set before the deadline)
        return min(now - earliest[rule], week) if due_only else week
    promises: list[Promise] = []
    # Promises that a blocked person's status silences, and the earliest moment from which
    # an incoming contact stops one of them (per person).
    chased: list[Promise] = []
    since: dict[int, datetime] = {}
    active = ",".join(f"'{c}'" for c in ACTIVE_COLLABS)

    def who(column: str) -> str:
        return "" if person_id is None else " AND %s = %d" % (column, int(person_id))

    def chase(promise: Promise, bound: datetime) -> None:
        chased.append(promise)
        if promise.person_id not in since or bound < since[promise.person_id]:
            since[promise.person_id] = bound

    # Deliverables past (or near) their deadline, not delivered, in a live collaboration:
    # from the few live collaborations to their deliverables (CROSS JOIN keeps that order).
    for did, kind, deadline, cid, pid in _rows(
        f"""SELECT d.id, d.kind, d.deadline, c.id, c.person_id
            FROM collaboration c CROSS JOIN deliverable d
            WHERE c.status IN ({active}) AND d.collaboration_id = c.id
              AND d.delivered_at IS NULL AND d.deadline IS NOT NULL AND d.deadline <= ?{who("c.person_id")}""",
            [latest_reference("deliverable")]):
        deadline = _dt(deadline)
        chase(make_promise("deliverable", pid, "deliverable", did, deadline,
                           details={"what": kind, "collaboration_id": cid}), deadline)

    # Parcels to influencers, sent but not confirmed as received ("+": by status, the few
    # sent ones, not by the thousands without a custom order).
    for sid, sent_at, pid, cid in _rows(
        f"""SELECT s.id, s.sent_at, s.person_id, s.collaboration_id FROM shipment s
            WHERE s.status = 'sent' AND s.sent_at IS NOT NULL AND s.received_at IS NULL
              AND +s.custom_order_id IS NULL AND s.sent_at <= ?{who("s.person_id")}""",
            [latest_reference("shipment")]):
        sent_at = _dt(sent_at)
        chase(make_promise("shipment", pid, "shipment", sid, sent_at, details={"collaboration_id": cid}), sent_at)

    # Answers overdue: the last message the shop sent about an agreement (a message with a
    # subject: collaboration, deliverable or shipment) to someone in a live collaboration,
    # with nothing back since, older than the agreed response time. Chit-chat without a
    # subject is not chased.
    for pid, message_at, days, eid in _rows(
        f"""SELECT m.person_id, m.at, (SELECT MIN(c.response_days) FROM collaboration c
                                        WHERE c.person_id = m.person_id AND c.status IN ({active})), m.id
            FROM (SELECT person_id, MAX(at) AS at, MAX(id) AS id FROM event INDEXED BY "event_at"
                  WHERE kind = 'message' AND direction = 'out' AND at >= ? AND person_id IS NOT NULL
                    AND subject_type IN ('collaboration', 'deliverable', 'shipment')
                  GROUP BY person_id) m
            WHERE EXISTS (SELECT 1 FROM collaboration c WHERE c.person_id = m.person_id
                          AND c.status IN ({active})){who("m.person_id")}""", [now - REPLY_WINDOW]):
        message_at = _dt(message_at)
        due = message_at + timedelta(days=days if days is not None else 3)
        if due > latest_reference("reply"):
            continue
        chase(make_promise("reply", pid, "event", eid, due, since=message_at, details={"message_at": message_at}),
              message_at)

    # The shop's own promises: custom orders not ready yet (rules in domain/order_reminders.py).
    warn = timedelta(days=s.delay_warning_days)
    for oid, promised, status, pid, number, last_out, production in _rows(
        f"""SELECT o.id, o.promised_ready, o.status, o.person_id, o.order_number,
                   (SELECT MAX(e.at) FROM event e WHERE e.direction = 'out'
                    AND e.subject_type = 'custom_order' AND e.subject_id = o.id),
                   COALESCE((SELECT MAX(e.at) FROM event e WHERE e.kind = 'status' AND e.step = 'in_production'
                             AND e.subject_type = 'custom_order' AND e.subject_id = o.id),
                            o.created_at)
            FROM custom_order o
            WHERE o.status IN ('new', 'in_production'){who("o.person_id")}""", []):
        facts = order_reminders.OrderFacts(
            order_id=oid, person_id=pid, status=status, promised_ready=_date(promised),
            in_production_since=_dt(production), last_news_at=_dt(last_out), details={"order_number": number})
        for promise in order_reminders.order_promises(facts, s):
            # the horizon: only what comes due within it (the delay step sits ``warn`` before its reference)
            first = promise.reference - warn if promise.rule == order_reminders.DELAY_RULE else (
                promise.reference + timedelta(days=s.order_update_days))
            if first <= (now if due_only else horizon):
                promises.append(promise)

    found = _people(sorted({p.person_id for p in chased} | {p.person_id for p in promises}))
    # A blocked person is not chased (her custom orders still are: the shop's own promise).
    chased = [p for p in chased if p.person_id in found and found[p.person_id][1] != "blocked"]
    promises = chased + [p for p in promises if p.person_id in found]
    ids = sorted({p.person_id for p in promises})
    people = {pid: found[pid][0] for pid in ids}
    # The latest incoming contact, for those it can stop (any incoming at or after a
    # promise's ``since`` stops it, so the latest one is all the ladder needs).
    contacts: list[Contact] = []
    for pid in sorted({p.person_id for p in chased}):
        last_in = found[pid][2]
        if last_in is not None and last_in >= since[pid]:
            contacts.append(make_contact(pid, last_in, "in"))
    contacts += _recent_out(now, set(ids))
    states = _states(ids)
    return Inputs(promises, people, contacts, states)


def _date(value):
    """A DATE column (text or date) as a date."""
    if value is None:
        return None
    return value if not isinstance(value, str) else datetime.fromisoformat(value[:10]).date()


def _people(ids: list[int]) -> dict[int, tuple[PersonInfo, str, datetime | None]]:
    """Per person: who she is and how to reach her, her status, her latest incoming contact."""
    found: dict[int, tuple[PersonInfo, str, datetime | None]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        # Her Instagram and TikTok handles in the same query.
        for pid, name, status, email, phone, whatsapp, last_in, platforms in _id_rows(
                f"""SELECT p.id, p.name, p.status, p.email, p.phone, p.whatsapp,
                           (SELECT MAX(e.at) FROM event e WHERE e.person_id = p.id AND e.direction = 'in'),
                           (SELECT group_concat(h.platform, ' ') FROM handle h
                            WHERE h.person_id = p.id AND h.platform IN ('instagram', 'tiktok'))
                    FROM person p WHERE p.id IN ({marks})""", chunk):
            channels = []
            if whatsapp:
                channels.append("whatsapp")
            if email:
                channels.append("email")
            if phone:
                channels.append("phone")
            if platforms:  # in a fixed order (instagram, tiktok), whatever order they were added in
                channels += sorted(platforms.split(" "))
            found[pid] = (PersonInfo(pid, name, tuple(channels)), status, _dt(last_in))
    return found


def _recent_out(now: datetime, ids: set[int]) -> list[Contact]:
    out = []
    for pid, at, channel in _rows(
            "SELECT person_id, at, channel FROM event INDEXED BY \"event_at\" "
            "WHERE at >= ? AND direction = 'out' AND person_id IS NOT NULL",
            [now - CONTACT_WINDOW]):
        if pid in ids:
            out.append(make_contact(pid, _dt(at), "out", channel))
    return out


def _states(ids: list[int]) -> list[StepState]:
    states = []
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for key, status, at, until, template, pid in _id_rows(
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
    """The items due at ``now``: ``followup.due_now(plan(now), now)``, without loading and
    planning the week ahead (docs/PERFORMANCE.md, fix 22). The tray's scheduler needs the
    next moment as well, so it plans the week (``reminders.due_items``)."""
    s = ladder_settings()
    inputs = load(now, s, person_id, due_only=True)
    return followup.plan(inputs.promises, inputs.people, inputs.contacts, inputs.states, s, now, due_only=True)


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
            from desktop.domain.orders import personalisation_summary

            details.update(order_number=o.order_number, promised=o.promised_ready,
                           product=o.product.name if o.product_id else "", value_cents=o.price_cents,
                           personalisation=personalisation_summary(o.personalisation, o.font, o.colour, o.size),
                           price_cents=o.price_cents)
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
        # A delay message proposes a new date (the order dialog lets the owner change it).
        "nieuwe_datum": propose_new_date(main.get("promised"), followup.local_date(now, s)),
        "personalisatie": main.get("personalisation", ""),
        "prijs": messages.Money(main["price_cents"]) if main.get("price_cents") is not None else None,
    }


def compose_for(person: Person, template_id: str, values: dict[str, object], now: datetime) -> messages.Message:
    """A message that is not a ladder step (the written agreement, a polite ending, the
    label request) for ``person``: her language and form of address, the owner's own
    wording of the template when there is one, the shop's name and the sender filled in."""
    to = recipient(person)
    base: dict[str, object] = {"voornaam": to.first_name, "naam": person.name,
                               "winkel": settings.get("shop_name"), "afzender": settings.get("owner_name")}
    base.update(values)
    override = template_override(template_id, to.lang, to.context)
    return messages.render(template_id, base, to, now=now, tz=owner_zone(), override=override)


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
    return subject_titles([item])[0]


def subject_titles(items: Iterable[DueItem]) -> list[str]:
    """:func:`subject_title` of many items with one query per kind of subject (the Vandaag
    list shows hundreds of items on a busy day: two model lookups each took a second)."""
    items = list(items)
    subjects = _Subjects.of(items)
    return [subjects.title_of(item) for item in items]


def _rows_in(sql: str, ids: list[int], tail: str = "") -> Iterable[tuple]:
    """The rows of ``sql + "(?, ?, ...)" + tail`` for every distinct id, a chunk of ids a query."""
    for chunk in _chunks(sorted(set(ids))):
        yield from _rows(sql + "(" + ",".join("?" * len(chunk)) + ")" + tail, chunk)


@dataclass
class _Subjects:
    """What the titles of a list of items need, read in one query per kind of subject."""

    deliverables: dict[int, tuple[str, str]]  # id -> (kind, collaboration title)
    shipments: dict[int, tuple[datetime | None, str]]  # id -> (sent at, collaboration title)
    orders: dict[int, str]  # id -> shop order number
    collabs_of: dict[int, str]  # person -> title of her newest live collaboration

    @classmethod
    def of(cls, items: list[DueItem]) -> _Subjects:
        wanted: dict[str, list[int]] = {"deliverable": [], "shipment": [], "custom_order": []}
        reply_people: list[int] = []
        for item in items:
            if item.subject_type in wanted:
                wanted[item.subject_type].append(item.subject_id)
            if item.kind == "reply":
                reply_people.append(item.person_id)
        deliverables = {did: (kind, title) for did, kind, title in _rows_in(
            "SELECT d.id, d.kind, c.title FROM deliverable d JOIN collaboration c "
            "ON c.id = d.collaboration_id WHERE d.id IN ", wanted["deliverable"])}
        shipments = {sid: (_dt(sent_at), title or "") for sid, sent_at, title in _rows_in(
            "SELECT s.id, s.sent_at, c.title FROM shipment s LEFT JOIN collaboration c "
            "ON c.id = s.collaboration_id WHERE s.id IN ", wanted["shipment"])}
        orders = {oid: number for oid, number in _rows_in(
            "SELECT id, order_number FROM custom_order WHERE id IN ", wanted["custom_order"])}
        active = ",".join(f"'{c}'" for c in ACTIVE_COLLABS)
        collabs_of = {pid: title for pid, title in _rows_in(  # the last one (highest id) wins
            "SELECT person_id, title FROM collaboration WHERE person_id IN ", reply_people,
            f" AND status IN ({active}) ORDER BY id")}
        return cls(deliverables, shipments, orders, collabs_of)

    def title_of(self, item: DueItem) -> str:
        if item.subject_type == "deliverable" and item.subject_id in self.deliverables:
            kind, title = self.deliverables[item.subject_id]
            return _("{title} ({kind})").format(title=title or _("(untitled)"), kind=label("deliverable", kind))
        if item.subject_type == "shipment" and item.subject_id in self.shipments:
            sent_at, title = self.shipments[item.subject_id]
            return _("parcel sent {date}").format(date=i18n.format_date(sent_at)) + (f" · {title}" if title else "")
        if item.subject_type == "custom_order" and item.subject_id in self.orders:
            return _("order {number}").format(number=self.orders[item.subject_id])
        if item.kind == "reply":
            return _("answer to your message") + (f" · {self.collabs_of[item.person_id]}"
                                                  if item.person_id in self.collabs_of else "")
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
                            text=text, fact="" if text else "reply_received", person=item.person_id,
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
    from desktop.store import influencers  # the one place status follows the strike policy

    with db.atomic():
        strike = Strike.create(
            person=item.person_id, collaboration=collab_id, reason="late" if item.kind == "deliverable" else "communication",
            evidence=_("No answer after four reminders."), event_ids=reminders, created_at=now)
        if collab_id:
            collaboration = Collaboration.get_by_id(collab_id)
            if collaboration.status != "failed":
                influencers.end_collaboration(collaboration, _("Not delivered after the last reminder."), None, now,
                                              status="failed", why="last_reminder")
        # A strike that reaches the threshold makes her inactive, as every other strike does.
        influencers.apply_policy(Person.get_by_id(item.person_id), now)
        event = Event.create(at=now, kind="strike", direction="none", person=item.person_id,
                             subject_type="collaboration" if collab_id else part.subject_type,
                             subject_id=collab_id or part.subject_id, step=item.step,
                             fact="strike_after_reminders")
        _save_states(item, "sent", now, event_id=event.id)
    return strike


__all__ = [
    "ladder_settings", "load", "plan", "due_now", "find", "compose", "values_for", "part_details",
    "contact_info", "ContactInfo", "subject_title", "subject_titles", "recipient", "template_override", "compose_for",
    "mark_sent", "mark_reply", "snooze", "dismiss", "apply_strike",
]
