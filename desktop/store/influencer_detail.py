"""One influencer as the detail pane shows her (views/influencers.py): her record, handles,
collaborations with their deliverables, agreement history, content, evidence and cost, her
strikes, ratings and latest events.

Read in a fixed handful of queries however many collaborations, deliverables and content
records she has: the pane is rebuilt while the owner types in the filter. The records are
the models' (the pane hands them on to the dialogs and to the store's writes), with every
relation the pane and those follow already attached, so reading them runs no query:
``Collaboration.person``, ``Content.collaboration`` and ``.deliverable``, ``Strike.person``,
``AgreementVersion.collaboration``, ``Rating.collaboration``. Facts only: the view words them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from peewee import JOIN, fn

from desktop.domain import collaborations as rules
from desktop.domain import shipments as shipment_rules
from desktop.domain import strikes as strike_rules
from desktop.store import influencers
from desktop.store.db import prepared
from desktop.store.models import (
    AgreementVersion,
    Collaboration,
    Content,
    ContentEvidence,
    Deliverable,
    Event,
    Handle,
    Person,
    Rating,
    Shipment,
    Strike,
)


class LoggedDeliverable(NamedTuple):
    deliverable: Deliverable
    logged: int  # content records logged for it


class ContentRecord(NamedTuple):
    content: Content
    evidence: list[ContentEvidence]  # in the order they were added


class CollaborationDetail(NamedTuple):
    collaboration: Collaboration
    gifts: list[rules.Gift]  # the catalogue's products given, in their order
    deliverables: list[LoggedDeliverable]  # the first deadline first (none yet: first of all)
    versions: list[AgreementVersion]  # changes to the agreement, the newest first
    contents: list[ContentRecord]  # the first posted first
    cost: rules.CostReturn
    # Her deliverables are chased (domain/shipments.chased): False while every parcel of the
    # collaboration came back or got lost, and she owes nothing until a new one goes out...
    chased: bool = True
    # ...or while the gift the agreement names was not sent yet (shipments.gift_unsent).
    gift_pending: bool = False


class StrikeRecord(NamedTuple):
    strike: Strike
    evidence: list[ContentEvidence]  # the pictures it cites that still exist


@dataclass(frozen=True)
class InfluencerDetail:
    person: Person
    handles: list[Handle]  # the biggest account first
    collaborations: list[CollaborationDetail]  # the newest first
    strikes: list[StrikeRecord]  # the oldest first
    policy: strike_rules.Policy  # when strikes count and make her inactive
    ratings: list[Rating]  # in the order of her collaborations
    events: list[Event]  # her latest on the timeline, the newest first


def detail(person_id: int | None, events: int = 8) -> InfluencerDetail | None:
    """Everything the detail pane shows of one person; None when she is not (or no longer) there.

    Each query is turned into SQL once (``db.prepared``): the pane is built at every click."""
    found = prepared("detail.person", lambda pid: Person.select().where(Person.id == pid).limit(1),
                     int(person_id)) if person_id is not None else []
    if not found:
        return None
    person = found[0]
    handles = sorted(prepared("detail.handles", lambda pid: Handle.select().where(Handle.person == pid)
                              .order_by(Handle.id), person.id),
                     key=lambda h: -(h.followers or 0))
    collaborations = prepared("detail.collaborations", lambda pid: Collaboration.select()
                              .where(Collaboration.person == pid)
                              .order_by(Collaboration.created_at.desc(), Collaboration.id.desc()), person.id)
    for c in collaborations:
        c.person = person
    strikes = prepared("detail.strikes", lambda pid: Strike.select().where(Strike.person == pid)
                       .order_by(Strike.created_at, Strike.id), person.id)
    for s in strikes:
        s.person = person
    latest = prepared(f"detail.events.{int(events)}", lambda pid: Event.select().where(Event.person == pid)
                      .order_by(Event.at.desc(), Event.id.desc()).limit(int(events)), person.id)
    return InfluencerDetail(person, handles, _collaborations(collaborations), _strikes(strikes),
                            influencers.policy(), _ratings(collaborations), latest)


def _collaborations(collaborations: list[Collaboration]) -> list[CollaborationDetail]:
    if not collaborations:
        return []
    by_id = {c.id: c for c in collaborations}
    ids = list(by_id)
    logged = fn.COUNT(Content.id).alias("logged")
    deliverables = defaultdict(list)
    for d in prepared("detail.deliverables", lambda collab_ids: Deliverable.select(Deliverable, logged)
                      .join(Content, JOIN.LEFT_OUTER, on=(Content.deliverable == Deliverable.id))
                      .where(Deliverable.collaboration.in_(collab_ids))
                      .group_by(Deliverable.id).order_by(Deliverable.deadline, Deliverable.id), ids):
        d.collaboration = by_id[d.collaboration_id]
        deliverables[d.collaboration_id].append(LoggedDeliverable(d, d.logged))
    versions = defaultdict(list)
    for v in prepared("detail.versions", lambda collab_ids: AgreementVersion.select()
                      .where(AgreementVersion.collaboration.in_(collab_ids))
                      .order_by(AgreementVersion.changed_at.desc(), AgreementVersion.id.desc()), ids):
        v.collaboration = by_id[v.collaboration_id]
        versions[v.collaboration_id].append(v)
    contents = prepared("detail.contents", lambda collab_ids: Content.select(Content, Deliverable)
                        .join(Deliverable, JOIN.LEFT_OUTER).where(Content.collaboration.in_(collab_ids))
                        .order_by(Content.posted_at, Content.id), ids)
    evidence = defaultdict(list)
    if contents:
        for e in prepared("detail.evidence", lambda content_ids: ContentEvidence.select()
                          .where(ContentEvidence.content.in_(content_ids)).order_by(ContentEvidence.id),
                          [c.id for c in contents]):
            evidence[e.content_id].append(e)
    records = defaultdict(list)
    for content in contents:
        content.collaboration = by_id[content.collaboration_id]
        records[content.collaboration_id].append(ContentRecord(content, evidence[content.id]))
    gifts = influencers.gifts_of(ids)
    costs = influencers.costs_and_returns(collaborations)
    parcels = defaultdict(list)
    for collab_id, status in prepared("detail.parcels", lambda collab_ids: Shipment.select(
            Shipment.collaboration, Shipment.status).where(Shipment.collaboration.in_(collab_ids)).tuples(), ids):
        parcels[collab_id].append(status)
    found = []
    for c in collaborations:
        pending = shipment_rules.gift_unsent(c.status, bool(gifts.get(c.id) or c.products.strip()),
                                             len(parcels[c.id]))
        found.append(CollaborationDetail(c, gifts.get(c.id, []), deliverables[c.id], versions[c.id], records[c.id],
                                         costs[c.id], shipment_rules.chased(parcels[c.id], pending), pending))
    return found


def _strikes(strikes: list[Strike]) -> list[StrikeRecord]:
    cited = sorted({i for s in strikes for i in (s.evidence_ids or [])})
    pictures = ({e.id: e for e in prepared("detail.cited", lambda evidence_ids: ContentEvidence.select()
                                           .where(ContentEvidence.id.in_(evidence_ids)), cited)}
                if cited else {})
    return [StrikeRecord(s, [pictures[i] for i in sorted(set(s.evidence_ids or [])) if i in pictures])
            for s in strikes]


def _ratings(collaborations: list[Collaboration]) -> list[Rating]:
    if not collaborations:
        return []
    order = {c.id: n for n, c in enumerate(collaborations)}
    ratings = prepared("detail.ratings", lambda collab_ids: Rating.select()
                       .where(Rating.collaboration.in_(collab_ids)), list(order))
    for r in ratings:
        r.collaboration = collaborations[order[r.collaboration_id]]
    return sorted(ratings, key=lambda r: (order[r.collaboration_id], r.id))
