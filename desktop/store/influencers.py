"""Changes to influencers and their collaborations, each in one transaction together with
the timeline event that records it. The rules come from ``desktop/domain``; this module
only reads and writes the store. ``now`` is always passed in.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from typing import NamedTuple

from peewee import Case, Select, Tuple, fn

from desktop.clock import local_to_utc, to_local
from desktop.domain import collaborations as rules
from desktop.domain import score as score_rules
from desktop.domain import shipments as parcel_rules
from desktop.domain import strikes as strike_rules
from desktop.domain import disclosure
from desktop.domain.disclosure import CaptionCheck
from desktop.domain.validation import DeliverableInput
from desktop.store import settings
from desktop.store.db import Shape, db
from desktop.store.unsaved import restore_on_failure
from desktop.store.models import (
    PEOPLE_BY_NAME,
    AgreementVersion,
    Collaboration,
    CollaborationProduct,
    Content,
    Deliverable,
    Event,
    Handle,
    Person,
    Rating,
    Shipment,
    ShipmentItem,
    Product,
    Strike,
)


# --- dates typed by the owner ------------------------------------------------------

def end_of_day_utc(day: date) -> datetime:
    """A deadline date means "by the end of that day", local time."""
    return local_to_utc(datetime.combine(day, time(23, 59)))


def local_day(moment: datetime | None) -> date | None:
    return to_local(moment).date() if moment else None


def midday_utc(day: date, now: datetime) -> datetime:
    """A date without a time (agreed on, posted on): now when it is today, else midday."""
    if day == local_day(now):
        return now
    return local_to_utc(datetime.combine(day, time(12, 0)))


def sent_moment(day: date | None, now: datetime) -> datetime:
    """When a parcel went out (an influencer's, a custom order's): ``now``, or midday of
    ``day`` when the owner records it on a later day (``domain/shipments.sent_day_problem``
    says which days are taken)."""
    return now if day is None else midday_utc(day, now)


def _event(now, kind, text, person, subject_type="", subject_id=None, **extra) -> Event:
    """An event with what a person wrote (a message)."""
    return Event.create(at=now, kind=kind, text=text, person=person, subject_type=subject_type,
                        subject_id=subject_id, **extra)


def _fact(now, kind, fact, params, person, subject_type="", subject_id=None, **extra) -> Event:
    """An event of the app's own: a fact, worded when shown (desktop/event_texts.py)."""
    return Event.create(at=now, kind=kind, fact=fact, params=params, person=person, subject_type=subject_type,
                        subject_id=subject_id, **extra)


# --- people --------------------------------------------------------------------------

def handle_owner(platform: str, name: str) -> tuple[int, str] | None:
    row = (Handle.select(Person.id, Person.name).join(Person)
           .where(Handle.platform == platform, Handle.name == name).tuples().first())
    return tuple(row) if row else None


def save_person(cleaned: dict, now: datetime, person: Person | None = None) -> Person:
    fields = {k: v for k, v in cleaned.items() if k != "handles"}
    with restore_on_failure(person), db.atomic():
        if person is None:
            person = Person.create(is_influencer=True, created_at=now, updated_at=now, **fields)
            _fact(now, "status", "person_added", {}, person)
        else:
            for key, value in fields.items():
                setattr(person, key, value)
            person.is_influencer = True
            person.updated_at = now
            person.save()
        keep = set()
        for platform, name, followers, url in cleaned["handles"]:
            handle = Handle.get_or_none(Handle.person == person, Handle.platform == platform)
            if handle is None:
                handle = Handle(person=person, platform=platform)
            handle.name, handle.followers, handle.url = name, followers, url
            handle.save()
            keep.add(handle.id)
        Handle.delete().where(Handle.person == person, Handle.id.not_in(keep or {0})).execute()
    return person


_POLICY_KEYS = ("strikes_to_inactive", "strike_expiry_days", "strikes_lift_when_delivered")


def policy() -> strike_rules.Policy:
    return strike_rules.Policy.from_settings(settings.get_many(_POLICY_KEYS).__getitem__)  # one query


def strike_infos(person: Person) -> list[strike_rules.StrikeInfo]:
    return [strike_rules.StrikeInfo(s.id, s.created_at, s.lifted_at) for s in person.strikes]


def outstanding(person: Person) -> int:
    return (Deliverable.select().join(Collaboration)
            .where(Collaboration.person == person, Deliverable.delivered_at.is_null(),
                   Collaboration.status.not_in(rules.CLOSED)).count())


def apply_policy(person: Person, now: datetime) -> None:
    """Make the stored status follow the strike policy (inside the caller's transaction)."""
    pol = policy()
    infos = strike_infos(person)
    new = strike_rules.status_after(person.status, infos, pol, now)
    if new == person.status:
        if new == "inactive":
            person.status_reason = strike_rules.inactive_reason(infos, pol, now)
            person.save()
        return
    old = person.status
    person.status = new
    person.status_reason = strike_rules.inactive_reason(infos, pol, now) if new == "inactive" else ""
    person.save()
    _fact(now, "status", "person_status", {"old": old, "new": new}, person)


def add_strike(person: Person, cleaned: dict, now: datetime, collaboration: Collaboration | None = None) -> Strike:
    with restore_on_failure(person), db.atomic():
        strike = Strike.create(person=person, collaboration=collaboration, reason=cleaned["reason"],
                               evidence=cleaned["evidence"], event_ids=cleaned["event_ids"],
                               evidence_ids=cleaned.get("evidence_ids", []), created_at=now)
        params = {"reason": cleaned["reason"]}
        if cleaned["evidence"]:
            params["note"] = cleaned["evidence"].splitlines()[0]
        _fact(now, "strike", "strike", params, person, "collaboration" if collaboration else "",
              collaboration.id if collaboration else None)
        apply_policy(person, now)
    return strike


def lift_strike(strike: Strike, now: datetime) -> None:
    with restore_on_failure(strike, strike.person), db.atomic():
        strike.lifted_at = now
        strike.save()
        _fact(now, "strike", "strike_lifted", {"reason": strike.reason}, strike.person)
        apply_policy(strike.person, now)


def block(person: Person, reason: str, now: datetime) -> None:
    with restore_on_failure(person), db.atomic():
        old = person.status
        person.status, person.status_reason = "blocked", reason
        person.save()
        _fact(now, "status", "person_status", {"old": old, "new": "blocked", "note": reason}, person)


def unblock(person: Person, now: datetime) -> None:
    with restore_on_failure(person), db.atomic():
        person.status, person.status_reason = "active", ""
        person.save()
        _fact(now, "status", "person_status", {"old": "blocked", "new": "active"}, person)
        apply_policy(person, now)


def add_tag(person_ids: list[int], tag: str) -> int:
    with db.atomic():
        changed = 0
        for person in Person.select().where(Person.id.in_(person_ids)):
            if tag not in person.tags:
                person.tags = [*person.tags, tag]
                person.save()
                changed += 1
    return changed


# --- collaborations ------------------------------------------------------------------

def deliverable_rows(collaboration: Collaboration | None) -> list[tuple[str, int, date | None]]:
    if collaboration is None:
        return []
    return [(d.kind, d.count, local_day(d.deadline)) for d in collaboration.deliverables.order_by(Deliverable.id)]


# What a collaboration's gifts, cost and return are read from, its SQL made ahead of time
# (db.Shape): the detail pane asks them of every collaboration it shows.
_GIFTS = Shape("gifts_of", lambda ids: CollaborationProduct.select(
    CollaborationProduct.collaboration, CollaborationProduct.name, CollaborationProduct.quantity,
    CollaborationProduct.value_cents, CollaborationProduct.product)
    .where(CollaborationProduct.collaboration.in_(ids))
    .order_by(CollaborationProduct.position, CollaborationProduct.id).tuples())
_COST_SHIPPING = Shape("costs.shipping", lambda ids: Shipment.select(Shipment.collaboration, Shipment.shipping_cents)
                       .where(Shipment.collaboration.in_(ids)).tuples())
_COST_PRODUCTS = Shape("costs.products", lambda ids: ShipmentItem.select(
    Shipment.collaboration, Product.cost_cents, ShipmentItem.quantity, Product.price_cents)
    .join(Shipment).switch(ShipmentItem).join(Product).where(Shipment.collaboration.in_(ids)).tuples())
_COST_REVENUE = Shape("costs.revenue", lambda ids: Content.select(Content.collaboration, Content.revenue_cents)
                      .where(Content.collaboration.in_(ids)).tuples())


def gifts(collaboration: Collaboration | int | None) -> list[rules.Gift]:
    """The catalogue's products given in a collaboration, in the order they were added."""
    if collaboration is None:
        return []
    collaboration_id = collaboration if isinstance(collaboration, int) else collaboration.id
    return gifts_of([collaboration_id]).get(collaboration_id, [])


def gifts_of(collaboration_ids: list[int]) -> dict[int, list[rules.Gift]]:
    """``gifts`` of several collaborations in one query (those without gifts are left out)."""
    found = defaultdict(list)
    for collaboration_id, name, quantity, value, product_id in _GIFTS.objects(list(collaboration_ids)):
        found[collaboration_id].append(rules.Gift(name=name, quantity=quantity, value_cents=value,
                                                  product_id=product_id))
    return dict(found)


def latest_collaboration(language: str | None = None) -> Collaboration | None:
    """The newest collaboration: a new one starts from the shop's usual terms. With
    ``language``: the newest with someone whose messages are in that language (what the
    owner typed for her, the consequence say, is quoted to the next one as typed)."""
    query = Collaboration.select()
    if language is not None:
        query = query.join(Person).where(Person.language == language)
    return query.order_by(Collaboration.created_at.desc(), Collaboration.id.desc()).first()


def earlier_consequences(language: str, limit: int = 50) -> list[str]:
    """The consequences agreed before with people written to in ``language``, newest first,
    each once: offered while the owner types one (a consequence names its own deal's
    product, so a new collaboration does not start from another's)."""
    rows = (Collaboration.select(Collaboration.consequence).join(Person)
            .where((Person.language == language) & (Collaboration.consequence != ""))
            .order_by(Collaboration.created_at.desc(), Collaboration.id.desc()).tuples())
    seen: dict[str, None] = {}
    for (text,) in rows:
        seen.setdefault(text.strip(), None)
        if len(seen) >= limit:
            break
    return [text for text in seen if text]


def current_terms(collaboration: Collaboration) -> dict:
    values = {key: getattr(collaboration, key) for key in rules.COLUMN_TERMS}
    return rules.terms(values, deliverable_rows(collaboration), gifts(collaboration))


def save_collaboration(person: Person, cleaned: dict, deliverables: list[DeliverableInput], now: datetime,
                       collaboration: Collaboration | None = None) -> Collaboration:
    """``cleaned`` as ``validate_collaboration`` gives it; without a "gifts" key the
    products given from the catalogue stay as they are."""
    term_keys = list(rules.COLUMN_TERMS)
    stored = ["product_cost_cents", "shipping_cents"]
    agreed_at = midday_utc(cleaned["agreed_on"], now) if cleaned.get("agreed_on") else None
    with restore_on_failure(collaboration), db.atomic():
        if collaboration is None:
            collaboration = Collaboration.create(
                person=person, status=cleaned["status"], created_at=now,
                agreed_at=agreed_at if rules.is_agreed(cleaned["status"]) else None,
                **{k: cleaned[k] for k in term_keys + stored})
            _sync_deliverables(collaboration, deliverables)
            _sync_gifts(collaboration, cleaned.get("gifts"))
            _fact(now, "agreement", "collab_created", {"status": cleaned["status"], "title": collaboration.title},
                  person, "collaboration", collaboration.id)
            if person.status != "active":
                _fact(now, "status", "collab_exception", {"status": person.status}, person, "collaboration",
                      collaboration.id)
            return collaboration
        old_terms = current_terms(collaboration)
        was_agreed = rules.is_agreed(collaboration.status)
        old_status = collaboration.status
        for key in term_keys + stored:
            setattr(collaboration, key, cleaned[key])
        if rules.is_agreed(cleaned["status"]) and (collaboration.agreed_at is None or agreed_at):
            collaboration.agreed_at = agreed_at or now
        collaboration.status = cleaned["status"]
        if cleaned["status"] in rules.CLOSED and collaboration.ended_at is None:
            collaboration.ended_at = now
        collaboration.save()
        _sync_deliverables(collaboration, deliverables)
        _sync_gifts(collaboration, cleaned.get("gifts"))
        changes = rules.diff(old_terms, current_terms(collaboration))
        if was_agreed and changes:
            AgreementVersion.create(collaboration=collaboration, changed_at=now, requested_by=cleaned["requested_by"],
                                    reason=cleaned["change_reason"], confirmed=cleaned["confirmed"], changes=changes)
            _fact(now, "agreement", "agreement_changed", {"fields": list(changes), "note": cleaned["change_reason"]},
                  person, "collaboration", collaboration.id)
        if old_status != collaboration.status:
            _fact(now, "status", "collab_status", {"title": collaboration.title, "old": old_status,
                                                   "new": collaboration.status}, person, "collaboration", collaboration.id)
    return collaboration


def _sync_deliverables(collaboration: Collaboration, rows: list[DeliverableInput]) -> None:
    existing = {d.id: d for d in collaboration.deliverables}
    keep = set()
    for row in rows:
        d = existing.get(row.id) if row.id else None
        if d is None:
            d = Deliverable(collaboration=collaboration)
        d.kind, d.count = row.kind, row.count
        d.deadline = end_of_day_utc(row.deadline) if row.deadline else None
        if d.id is not None and d.delivered_at is not None and d.contents.count() < d.count:
            d.delivered_at = None  # more was agreed than has been posted: open again
        d.save()
        keep.add(d.id)
    for d_id, d in existing.items():
        if d_id not in keep:
            d.delete_instance()


def _sync_gifts(collaboration: Collaboration, rows: list[rules.Gift] | None) -> None:
    if rows is None:
        return
    CollaborationProduct.delete().where(CollaborationProduct.collaboration == collaboration).execute()
    for position, g in enumerate(rows):
        CollaborationProduct.create(collaboration=collaboration, product=g.product_id, name=g.name,
                                    quantity=g.quantity, value_cents=g.value_cents, position=position)


def confirm_version(version: AgreementVersion, now: datetime) -> None:
    with restore_on_failure(version), db.atomic():
        version.confirmed = True
        version.save()
        collab = version.collaboration
        _fact(now, "agreement", "agreement_confirmed", {"title": collab.title}, collab.person, "collaboration", collab.id)


def log_content(collaboration: Collaboration, deliverable: Deliverable | None, cleaned: dict, check: CaptionCheck,
                ticks: dict, now: datetime) -> Content:
    person = collaboration.person
    posted_at = midday_utc(cleaned["posted_on"], now) if cleaned.get("posted_on") else now
    with restore_on_failure(collaboration, deliverable, person), db.atomic():
        before = outstanding(person)
        content = Content.create(
            collaboration=collaboration, deliverable=deliverable, url=cleaned["url"], platform=cleaned["platform"],
            posted_at=posted_at, caption=cleaned["caption"],
            shop_tagged=(bool(check.mentions_present) if collaboration.required_mentions
                         else bool(check.mentions_present or check.labels_found)),
            hashtags_present=check.hashtags_present, disclosure_ok=check.disclosure_ok,
            disclosure_checks={**check.checklist(), **ticks}, missing=check.missing(),
            views=cleaned["views"], likes=cleaned["likes"], comments=cleaned["comments"],
            link_clicks=cleaned["link_clicks"], code_uses=cleaned["code_uses"], revenue_cents=cleaned["revenue_cents"],
            created_at=now)
        if deliverable is not None and deliverable.delivered_at is None:
            if rules.delivered(deliverable.count, deliverable.contents.count()):
                deliverable.delivered_at = posted_at
                deliverable.save()
        posted = {"deliverable": deliverable.kind if deliverable else "", "platform": cleaned["platform"] or ""}
        if check.missing():
            posted["missing"] = list(check.missing())
        if check.unchecked():  # a box left unticked: not known, not missing
            posted["unchecked"] = list(check.unchecked())
        _fact(now, "content", "content_posted", posted, person, "collaboration", collaboration.id, direction="in",
              channel=cleaned["platform"] if cleaned["platform"] in ("instagram", "tiktok") else "")
        left = collaboration.deliverables.where(Deliverable.delivered_at.is_null()).count()
        if left == 0 and collaboration.status in ("agreed", "shipped", "received"):
            old = collaboration.status
            collaboration.status = "posted"
            collaboration.save()
            _fact(now, "status", "collab_status", {"title": collaboration.title, "old": old, "new": "posted"},
                  person, "collaboration", collaboration.id)
        after = outstanding(person)
        lift = strike_rules.to_lift_on_delivery(person.status, strike_infos(person), policy(), now, before, after)
        if lift:
            Strike.update(lifted_at=now).where(Strike.id.in_([s.id for s in lift])).execute()
            _fact(now, "strike", "strikes_lifted_delivered", {}, person)
            person = Person.get_by_id(person.id)
            apply_policy(person, now)
    return content


def check_content(content: Content, found: dict[str, bool | None], now: datetime,
                  stored: tuple[list[str], list[str]] | None = None) -> disclosure.Rechecked | None:
    """What the owner found when she looked at a logged post's points nobody checked (a box
    left unticked): ``found`` {point's key: True in order, False missing, None still not
    checked}, decided by ``disclosure.recheck``; the post and ONE timeline event
    (``content_checked``, with what she found as codes) in one transaction. ``stored`` is
    what the post lacks and what nobody checked as the caller read them (points older
    versions stored in words read as their codes: presentation/disclosure_texts.stored_state),
    else as the domain reads the stored codes. Nothing is written when she found nothing
    (every point left not checked): None."""
    failing, unchecked = stored if stored is not None else disclosure.stored_state(content.missing,
                                                                                   content.disclosure_checks)
    result = disclosure.recheck(failing, unchecked, content.disclosure_checks, found)
    if not result.found:
        return None
    with restore_on_failure(content), db.atomic():
        content.missing, content.disclosure_checks = result.missing, result.checks
        content.disclosure_ok = result.disclosure_ok
        content.save()
        params = {"deliverable": content.deliverable.kind if content.deliverable_id else "",
                  "platform": content.platform or "", "in_order": result.in_order,
                  "missing": result.found_missing, "unchecked": result.unchecked}
        _fact(now, "content", "content_checked", {k: v for k, v in params.items() if v != []},
              content.collaboration.person_id, "content", content.id)
    return result


def rate(collaboration: Collaboration, cleaned: dict, now: datetime) -> Rating:
    with db.atomic():
        rating = Rating.get_or_none(Rating.collaboration == collaboration) or Rating(collaboration=collaboration)
        for key, value in cleaned.items():
            setattr(rating, key, value)
        rating.created_at = now
        rating.save()
        average = sum(cleaned[k] for k in ("communication", "quality", "punctuality", "result")) / 4
        _fact(now, "rating", "rated", {"stars": round(average, 1), "title": collaboration.title,
                                        "work_again": bool(cleaned["work_again"])},
              collaboration.person, "collaboration", collaboration.id)
    return rating


def end_collaboration(collaboration: Collaboration, reason: str, message: str | None, now: datetime,
                      block_reason: str | None = None, status: str = "ended", why: str = "") -> None:
    """``reason`` is the owner's words; ``why`` the app's own reason as a code (the timeline
    words it in the reader's language; desktop/event_texts.py)."""
    person = collaboration.person
    with restore_on_failure(collaboration, person), db.atomic():
        old = collaboration.status
        collaboration.status, collaboration.ended_at, collaboration.end_reason = status, now, reason
        collaboration.save()
        ended = {"title": collaboration.title, "old": old, "new": status}
        ended.update({"why": why} if why else {"note": reason})
        _fact(now, "status", "collab_status", ended, person, "collaboration", collaboration.id)
        if message:
            _event(now, "message", message, person, "collaboration", collaboration.id, direction="out")
        if block_reason:
            block(person, block_reason, now)


def record_message(person: Person, text: str, now: datetime, collaboration: Collaboration | None = None) -> None:
    with db.atomic():
        _event(now, "message", text, person, "collaboration" if collaboration else "",
               collaboration.id if collaboration else None, direction="out")


# --- figures -------------------------------------------------------------------------

def cost_and_return(collaboration: Collaboration) -> rules.CostReturn:
    return costs_and_returns([collaboration])[collaboration.id]


def costs_and_returns(collaborations: list[Collaboration],
                      gifts: dict[int, list[rules.Gift]] | None = None) -> dict[int, rules.CostReturn]:
    """Cost and return of each collaboration, in three queries for all of them (four without
    ``gifts``, their ``gifts_of``): the products and shipping of its shipments when there are
    any, else the amounts typed in the editor; the revenue its content brought. Products
    given without a cost price (a catalogue without costs, "Product cost" left empty) are
    not counted as free: ``CostReturn.unpriced_value_cents`` holds what they are worth."""
    ids = [c.id for c in collaborations]
    shipped, product, shipping, revenues = set(), defaultdict(int), defaultdict(int), defaultdict(list)
    value, unpriced = defaultdict(int), set()
    if ids:
        for collaboration_id, cents in _COST_SHIPPING.objects(ids):
            shipped.add(collaboration_id)
            shipping[collaboration_id] += cents or 0
        for collaboration_id, cost, quantity, price in _COST_PRODUCTS.objects(ids):
            product[collaboration_id] += (cost or 0) * quantity
            value[collaboration_id] += (price or 0) * quantity
            if cost is None:
                unpriced.add(collaboration_id)
        for collaboration_id, cents in _COST_REVENUE.objects(ids):
            revenues[collaboration_id].append(cents)
    if gifts is None and any(c.id not in shipped and not c.product_cost_cents for c in collaborations):
        gifts = gifts_of(ids)
    out = {}
    for c in collaborations:
        if c.id in shipped:
            spent = (product[c.id], shipping[c.id])
            without = value[c.id] if c.id in unpriced else None
        else:
            spent = (c.product_cost_cents, c.shipping_cents)
            given = (gifts or {}).get(c.id, [])
            # "Product cost" is 0 until she fills it in: left empty, not free, when something was given
            without = rules.gifts_total(given) if not c.product_cost_cents and (given or c.products.strip()) \
                else None
        out[c.id] = rules.cost_and_return(*spent, c.fee_cents, revenues[c.id], without)
    return out


# Above this many people, scores() reads every row and keeps the wanted ones in Python:
# a 10,000-long "IN (...)" costs more to build and bind than the rows it saves.
_IN_LIMIT = 500


def _moment(value) -> datetime | None:
    """A stored DATETIME text as a datetime (datetime.fromisoformat is C, peewee's parser is not)."""
    return None if value is None else datetime.fromisoformat(value)


class _ByPerson(NamedTuple):
    """A query of everyone's rows (``every``), the person's id first, and its shape for
    some people only (its SQL made ahead of time, db.Shape)."""

    every: Callable[[], Select]
    some: Shape


def _by_person(key: str, every: Callable[[], Select], person_column) -> _ByPerson:
    return _ByPerson(every, Shape(key, lambda ids: every().where(person_column.in_(ids))))


def _raw(query: _ByPerson, person_ids: list[int]) -> list[tuple]:
    """The query's rows as stored (no per-value conversion), for ``person_ids`` only."""
    if len(person_ids) <= _IN_LIMIT:  # the ids as one JSON text: Peewee bound them one by one
        return query.some.rows(person_ids)
    wanted = set(person_ids)
    return [row for row in db.execute_sql(*query.every().sql()).fetchall() if row[0] in wanted]


def _on_hold():
    """A collaboration whose open deliverables are not chased, as a condition of a query
    joined on Collaboration (``shipments.chased``): every parcel of it came back or got
    lost (and the gift did not reach her by hand since), or none went out while the gift the
    agreement names is still with the shop."""
    any_parcel = Shipment.select(Shipment.id).where(Shipment.collaboration == Collaboration.id)
    kept_parcel = any_parcel.where(Shipment.status.not_in(list(parcel_rules.NOT_WITH_HER)))
    any_gift = CollaborationProduct.select(CollaborationProduct.id).where(
        CollaborationProduct.collaboration == Collaboration.id)
    gift_pending = ((Collaboration.status == parcel_rules.GIFT_PENDING_STATUS)
                    & ((fn.trim(Collaboration.products) != "") | fn.EXISTS(any_gift)))
    with_her = Collaboration.status.in_(list(parcel_rules.GIFT_WITH_HER_STATUSES))  # handed over in their place
    return (fn.EXISTS(any_parcel) & ~fn.EXISTS(kept_parcel) & ~with_her) | (~fn.EXISTS(any_parcel) & gift_pending)


# What a score is made of, for everyone or for some people (the rows on screen).
# Not what she could not make: a deliverable still open while every parcel of its
# collaboration came back or got lost is not chased (shipments.chased), so it does not
# count as late either (walk-through 2, finding L: "Op tijd: 0 van 1" for a lost parcel).
# Nor what she could not start: the gift the agreement names was never sent (audit 9, F1).
_SCORE_DELIVERABLES = _by_person("scores.deliverables", lambda: Deliverable.select(
    Collaboration.person, Deliverable.deadline, Deliverable.delivered_at).join(Collaboration)
    .where((Collaboration.status != "proposed") & ~(Deliverable.delivered_at.is_null() & _on_hold())),
    Collaboration.person)
_SCORE_MESSAGES = _by_person("scores.messages", lambda: Event.select(Event.person, Event.at, Event.direction)
                             .where(Event.kind == "message", Event.direction.in_(["in", "out"])), Event.person)
_SCORE_RATINGS = _by_person("scores.ratings", lambda: Rating.select(
    Collaboration.person, Rating.communication, Rating.quality, Rating.punctuality, Rating.result)
    .join(Collaboration), Collaboration.person)
_SCORE_STRIKES = _by_person("scores.strikes", lambda: Strike.select(
    Strike.person, Strike.id, Strike.created_at, Strike.lifted_at), Strike.person)
_AVERAGE_RATINGS = _by_person("average_ratings", lambda: Rating.select(
    Collaboration.person, fn.AVG((Rating.communication + Rating.quality + Rating.punctuality + Rating.result) / 4.0))
    .join(Collaboration).group_by(Collaboration.person), Collaboration.person)


def scores(person_ids: list[int], now: datetime) -> dict[int, score_rules.Score]:
    """The reliability score of many people with a few queries.

    At 10,000 influencers this is most of the influencer list's load time: the rows are
    read as stored and their moments parsed with ``datetime.fromisoformat``
    (docs/PERFORMANCE.md)."""
    deliverables = defaultdict(list)
    for person_id, deadline, delivered_at in _raw(_SCORE_DELIVERABLES, person_ids):
        deliverables[person_id].append(score_rules.DeliverableFact(_moment(deadline), _moment(delivered_at)))
    messages = defaultdict(list)
    for person_id, at, direction in _raw(_SCORE_MESSAGES, person_ids):
        messages[person_id].append((_moment(at), direction))
    ratings = defaultdict(list)
    for person_id, *stars in _raw(_SCORE_RATINGS, person_ids):
        ratings[person_id].append(tuple(stars))
    pol = policy()
    strikes = defaultdict(list)
    for person_id, s_id, created, lifted in _raw(_SCORE_STRIKES, person_ids):
        strikes[person_id].append(strike_rules.StrikeInfo(s_id, _moment(created), _moment(lifted)))
    return {
        pid: score_rules.compute(deliverables[pid], messages[pid], ratings[pid],
                                 len(strike_rules.counting(strikes[pid], pol, now)), pol.to_inactive, now)
        for pid in person_ids
    }


def average_ratings(person_ids: list[int]) -> dict[int, float]:
    return dict(_raw(_AVERAGE_RATINGS, person_ids))


# --- the list ----------------------------------------------------------------------------

class ListPerson(NamedTuple):
    """One influencer as the list shows her (views/influencers.py)."""

    id: int
    name: str
    name_key: str  # how the list sorts her name (Person.name_key: search_text.sort_key)
    status: str
    status_reason: str
    tags: tuple
    city: str
    email: str
    phone: str  # found by its digits (domain/search_text.phone_forms)
    country: str
    handles: list  # ListHandle, biggest account first
    open_count: int  # open deliverables of live collaborations
    nearest: datetime | None  # their nearest deadline (of one that is chased, when there is one)
    stages: frozenset  # statuses of her live collaborations
    flagged: bool  # posted content without the disclosure
    # Every open deadline of hers is on hold (_on_hold: the gift not sent, the parcel back or
    # lost): ``nearest`` is one she is not chased for, nor late with.
    held: bool = False


class ListHandle(NamedTuple):
    platform: str
    name: str
    followers: int | None


def _rows(query) -> list[tuple]:
    """A query's rows as stored, without Peewee's per-value conversion (fix 7)."""
    return db.execute_sql(*query.sql()).fetchall()


def people_pages(first: int = 100, size: int = 500) -> Iterator[list[ListPerson]]:
    """Every influencer for the list, by name (then id), in pages: ``first`` people, then
    ``size`` at a time, each page read when asked for (the list reads one per event-loop
    turn after it has painted the first: docs/PERFORMANCE.md, fix 35). In the order of
    ``search_text.sort_key`` (case and accents do not count, somebody known only by
    "@juul" among the J's: SQLite's order of the names put her before every name, "anna"
    after "Zoë"), by the key stored beside the name, read along the v19 index: no sorting,
    no name folded (round 31). The first page's ids are read alone (``first`` rows of the
    index); the rest's at once when the next page is asked for, from after the first
    page's last (its key, name and id: a person added meanwhile is not listed twice, nor
    one skipped); each page is then read by its ids (one JSON text, no values to bind).
    Five queries a page, read as stored (no model objects, no per-value conversion), and
    nothing that only a shown row needs (the score, the rating: ``list_figures``).
    Issue 20 / fix 25."""
    influencers = Person.is_influencer == True  # noqa: E712
    head = _rows(Person.select(Person.id, Person.name_key, Person.name).where(influencers)
                 .order_by(*PEOPLE_BY_NAME).limit(first))
    if not head:
        return
    yield _people([pid for pid, _key, _name in head])
    if len(head) < first:
        return
    last_id, last_key, last_name = head[-1]
    after = Tuple(Person.name_key, Person.name, Person.id) > Tuple(last_key, last_name, last_id)
    rest = [pid for (pid,) in _rows(Person.select(Person.id).where(influencers, after).order_by(*PEOPLE_BY_NAME))]
    for start in range(0, len(rest), size):
        yield _people(rest[start:start + size])


# What the list shows of a page of people, each query's SQL made ahead of time (db.Shape).
# The nearest deadline she is chased for, and the nearest on hold (audit of 2026-12-05: a
# deadline waiting for the gift showed as any other, red once past).
def _people_open(ids):
    on_hold = _on_hold()
    return (Deliverable.select(Collaboration.person, fn.SUM(Deliverable.count),
                               fn.MIN(Case(None, [(on_hold, None)], Deliverable.deadline)),
                               fn.MIN(Case(None, [(on_hold, Deliverable.deadline)], None)))
            .join(Collaboration)
            .where(Collaboration.person.in_(ids), Deliverable.delivered_at.is_null(),
                   Collaboration.status.not_in(rules.CLOSED))
            .group_by(Collaboration.person))


_PEOPLE_OPEN = Shape("people.open", _people_open)
_PEOPLE_STAGES = Shape("people.stages", lambda ids: Collaboration.select(Collaboration.person, Collaboration.status)
                       .where(Collaboration.person.in_(ids), Collaboration.status.not_in(rules.CLOSED)))
# Posts stored without their disclosure, with what they lack: stored before the review of the
# two-week walk, a box left unticked made a post fail (disclosure.flags reads those back).
_PEOPLE_FLAGGED = Shape("people.flagged", lambda ids: Content.select(
    Collaboration.person, Content.missing, Content.disclosure_checks).join(Collaboration)
    .where(Collaboration.person.in_(ids), Content.disclosure_ok == False))  # noqa: E712
_PEOPLE_HANDLES = Shape("people.handles", lambda ids: Handle.select(
    Handle.person, Handle.platform, Handle.name, Handle.followers).where(Handle.person.in_(ids)).order_by(Handle.id))
_PEOPLE = Shape("people.people", lambda ids: Person.select(
    Person.id, Person.name, Person.name_key, Person.status, Person.status_reason, Person.tags, Person.city, Person.email,
    Person.phone, Person.country).where(Person.id.in_(ids)))


def _people(person_ids: list[int]) -> list[ListPerson]:
    """These influencers for the list, in this order."""
    open_by_person = {person_id: (count, _moment(live), _moment(held))
                      for person_id, count, live, held in _PEOPLE_OPEN.rows(person_ids)}
    stages = defaultdict(set)
    for person_id, status in _PEOPLE_STAGES.rows(person_ids):
        stages[person_id].add(status)
    # 10,000 people share a few dozen sets of stages: one frozenset each, not one set a person.
    shared: dict[frozenset, frozenset] = {}
    stages = {pid: shared.setdefault(frozenset(found), frozenset(found)) for pid, found in stages.items()}
    flagged = {pid for pid, missing, checks in _PEOPLE_FLAGGED.rows(person_ids)
               if disclosure.flags(json.loads(missing or "[]"), json.loads(checks or "{}"))}
    handles_of = defaultdict(list)
    for person_id, platform, name, followers in _PEOPLE_HANDLES.rows(person_ids):
        handles_of[person_id].append(ListHandle(platform, name, followers))
    found = {}
    none = (0, None, None)
    for pid, name, name_key, status, reason, tags, city, email, phone, country in _PEOPLE.rows(person_ids):
        handles = handles_of.get(pid, [])
        if len(handles) > 1:
            handles.sort(key=lambda h: -(h.followers or 0))
        count, live, held = open_by_person.get(pid, none)
        found[pid] = ListPerson(pid, name, name_key, status, reason, _tags(tags), city, email, phone or "", country,
                                handles, count, live or held, stages.get(pid, _NO_STAGES), pid in flagged,
                                live is None and held is not None)
    return [found[pid] for pid in person_ids if pid in found]


_NO_STAGES: frozenset = frozenset()


def _tags(stored: str | None) -> tuple:
    return () if not stored or stored == "[]" else tuple(json.loads(stored))


def list_figures(person_ids: list[int], now: datetime) -> tuple[dict[int, score_rules.Score], dict[int, float]]:
    """The reliability score and the average rating of these people: what the influencer
    list shows for the rows on screen, asked when they are shown (a screenful at a time)."""
    return scores(person_ids, now), average_ratings(person_ids)


# --- export --------------------------------------------------------------------------

EXPORT_PLATFORMS = ("instagram", "tiktok", "youtube", "pinterest", "blog")


class ExportRow(NamedTuple):
    """One influencer as the export holds her: the facts, worded by ``presentation/influencer_export``."""

    name: str
    status: str
    country: str
    language: str
    address_form: str
    email: str
    phone: str
    whatsapp: str
    street: str
    postcode: str
    city: str
    tags: list[str]
    links: dict[str, str]  # platform -> the handle's address
    followers: int | None  # summed over her handles; None when no count is known
    notes: str


def export_rows(person_ids: list[int]) -> list[ExportRow]:
    """The influencers ``person_ids``, by name (search_text.sort_key), for the export."""
    rows = []
    for person in Person.select().where(Person.id.in_(person_ids)).order_by(*PEOPLE_BY_NAME):
        handles = list(person.handles)
        counts = [h.followers for h in handles if h.followers is not None]
        rows.append(ExportRow(
            person.name, person.status, person.country, person.language, person.address_form, person.email,
            person.phone, person.whatsapp, person.street, person.postcode, person.city, list(person.tags),
            {h.platform: h.url for h in handles if h.platform in EXPORT_PLATFORMS},
            sum(counts) if counts else None, person.notes))
    return rows
