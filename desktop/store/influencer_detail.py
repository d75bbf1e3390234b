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
import dataclasses
import json
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import NamedTuple

from peewee import JOIN, fn

from desktop.domain import collaborations as rules
from desktop.domain import shipments as shipment_rules
from desktop.domain import strikes as strike_rules
from desktop.store import influencers
from desktop.store.db import Shape, prepared
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
    ReminderState,
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
    # ...or while the gift is not sent yet: only packed, or named and no parcel (shipments.gift_unsent).
    gift_pending: bool = False
    # Something given or on its way to her and nothing written down about what she does in
    # return (shipments.nothing_promised and gift_coming), the owner's "Nothing agreed" not
    # said: the pane asks for it (the task "record the agreement" once it went out).
    promise_missing: bool = False
    # The owner said "Nothing agreed" on that task: a gift with no strings attached.
    nothing_agreed: bool = False


class Ending(NamedTuple):
    """Collaborations ended and never told: no message to her about any of them since."""

    collaborations: tuple[int, ...]  # ended at the same moment (one decision ends every one its notice named)
    at: datetime
    why: str  # the app's own reason ("last_reminder", "last_reminder_no_strike"), "" for the owner's


# The statuses an ending message tells her about ("done" went as agreed: nothing to end).
TOLD_ENDINGS = ("ended", "failed")


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
    untold: list[Ending] = dataclasses.field(default_factory=list)  # her endings no message told her of


# Her latest events on the pane (``detail``'s default).
EVENTS_SHOWN = 8


def _events(count: int, pid):
    return Event.select().where(Event.person == pid).order_by(Event.at.desc(), Event.id.desc()).limit(count)


# The pane's queries, their SQL made ahead of time (db.Shape): one person's, or her
# collaborations', contents' or cited pictures' (the ids asked for).
_PERSON = Shape("detail.person", lambda pid: Person.select().where(Person.id == pid).limit(1), many=False)
_HANDLES = Shape("detail.handles", lambda pid: Handle.select().where(Handle.person == pid).order_by(Handle.id),
                 many=False)
_COLLABORATIONS = Shape("detail.collaborations", lambda pid: Collaboration.select().where(Collaboration.person == pid)
                        .order_by(Collaboration.created_at.desc(), Collaboration.id.desc()), many=False)
_STRIKES = Shape("detail.strikes", lambda pid: Strike.select().where(Strike.person == pid)
                 .order_by(Strike.created_at, Strike.id), many=False)
_EVENTS = Shape(f"detail.events.{EVENTS_SHOWN}", partial(_events, EVENTS_SHOWN), many=False)
_DELIVERABLES = Shape("detail.deliverables", lambda ids: Deliverable.select(
    Deliverable, fn.COUNT(Content.id).alias("logged"))
    .join(Content, JOIN.LEFT_OUTER, on=(Content.deliverable == Deliverable.id))
    .where(Deliverable.collaboration.in_(ids)).group_by(Deliverable.id).order_by(Deliverable.deadline, Deliverable.id))
_VERSIONS = Shape("detail.versions", lambda ids: AgreementVersion.select()
                  .where(AgreementVersion.collaboration.in_(ids))
                  .order_by(AgreementVersion.changed_at.desc(), AgreementVersion.id.desc()))
_CONTENTS = Shape("detail.contents", lambda ids: Content.select(Content, Deliverable)
                  .join(Deliverable, JOIN.LEFT_OUTER).where(Content.collaboration.in_(ids))
                  .order_by(Content.posted_at, Content.id))
_EVIDENCE = Shape("detail.evidence", lambda ids: ContentEvidence.select().where(ContentEvidence.content.in_(ids))
                  .order_by(ContentEvidence.id))
_PARCELS = Shape("detail.parcels", lambda ids: Shipment.select(Shipment.collaboration, Shipment.status)
                 .where(Shipment.collaboration.in_(ids)).tuples())
# The collaborations whose "record the agreement" task the owner ended with "Nothing agreed"
# (followup.RULES["agreement"], its step "record" dismissed).
_NOTHING_AGREED = Shape("detail.nothing_agreed", lambda ids: ReminderState.select(ReminderState.subject_id)
                        .where((ReminderState.subject_type == "collaboration") & (ReminderState.step == "record")
                               & (ReminderState.status == "dismissed") & ReminderState.subject_id.in_(ids)).tuples())
_CITED = Shape("detail.cited", lambda ids: ContentEvidence.select().where(ContentEvidence.id.in_(ids)))
_RATINGS = Shape("detail.ratings", lambda ids: Rating.select().where(Rating.collaboration.in_(ids)))


def detail(person_id: int | None, events: int = EVENTS_SHOWN) -> InfluencerDetail | None:
    """Everything the detail pane shows of one person; None when she is not (or no longer) there.

    Each query's SQL is made ahead of time (``db.Shape``): the pane is built at every click."""
    found = _PERSON.objects(int(person_id)) if person_id is not None else []
    if not found:
        return None
    person = found[0]
    handles = sorted(_HANDLES.objects(person.id), key=lambda h: -(h.followers or 0))
    collaborations = _COLLABORATIONS.objects(person.id)
    for c in collaborations:
        c.person = person
    strikes = _STRIKES.objects(person.id)
    for s in strikes:
        s.person = person
    latest = (_EVENTS.objects(person.id) if events == EVENTS_SHOWN
              else prepared(f"detail.events.{int(events)}", partial(_events, int(events)), person.id))
    return InfluencerDetail(person, handles, _collaborations(collaborations), _strikes(strikes),
                            influencers.policy(), _ratings(collaborations), latest, _untold(collaborations))


def untold_endings(person_id: int) -> list[Ending]:
    """Her collaborations ended and never told (:class:`Ending`), the latest first."""
    return _untold(list(Collaboration.select().where(Collaboration.person == person_id)))


def _untold(collaborations: list[Collaboration]) -> list[Ending]:
    """Those of ``collaborations`` that ended early or were not fulfilled and that no message
    to her told: no message out about any collaboration ended with it, since it ended (the
    ending dialog's, or the one offered after the decision after a final reminder). Grouped
    by the moment they ended: one decision ends every collaboration its notice named, and one
    message tells them all. Two queries, only when something ended."""
    ended = [c for c in collaborations if c.status in TOLD_ENDINGS and c.ended_at is not None]
    if not ended:
        return []
    ids = [c.id for c in ended]
    told: dict[int, datetime] = {}
    for collab_id, at in (Event.select(Event.subject_id, fn.MAX(Event.at))
                          .where(Event.kind == "message", Event.direction == "out",
                                 Event.subject_type == "collaboration", Event.subject_id.in_(ids))
                          .group_by(Event.subject_id).tuples()):
        told[collab_id] = at
    why: dict[int, str] = {}
    for collab_id, params in (Event.select(Event.subject_id, Event.params)
                              .where(Event.fact == "collab_status", Event.subject_type == "collaboration",
                                     Event.subject_id.in_(ids)).order_by(Event.at, Event.id).tuples()):
        if isinstance(params, str):  # as stored, where the query hands it on unread
            params = json.loads(params or "{}")
        why[collab_id] = (params or {}).get("why", "")
    groups: dict[datetime, list[Collaboration]] = defaultdict(list)
    for c in ended:
        groups[c.ended_at].append(c)
    found = []
    for at, together in sorted(groups.items(), key=lambda kv: kv[0], reverse=True):
        if any(told.get(c.id) is not None and told[c.id] >= at for c in together):
            continue
        together.sort(key=lambda c: c.id)
        found.append(Ending(tuple(c.id for c in together), at, why.get(together[0].id, "")))
    return found


def _collaborations(collaborations: list[Collaboration]) -> list[CollaborationDetail]:
    if not collaborations:
        return []
    by_id = {c.id: c for c in collaborations}
    ids = list(by_id)
    deliverables = defaultdict(list)
    for d in _DELIVERABLES.objects(ids):
        d.collaboration = by_id[d.collaboration_id]
        deliverables[d.collaboration_id].append(LoggedDeliverable(d, d.logged))
    versions = defaultdict(list)
    for v in _VERSIONS.objects(ids):
        v.collaboration = by_id[v.collaboration_id]
        versions[v.collaboration_id].append(v)
    contents = _CONTENTS.objects(ids)
    evidence = defaultdict(list)
    if contents:
        for e in _EVIDENCE.objects([c.id for c in contents]):
            evidence[e.content_id].append(e)
    records = defaultdict(list)
    for content in contents:
        content.collaboration = by_id[content.collaboration_id]
        records[content.collaboration_id].append(ContentRecord(content, evidence[content.id]))
    gifts = influencers.gifts_of(ids)
    costs = influencers.costs_and_returns(collaborations, gifts)
    parcels = defaultdict(list)
    for collab_id, status in _PARCELS.objects(ids):
        parcels[collab_id].append(status)
    unrecorded = {c.id for c in collaborations
                  if shipment_rules.nothing_promised(c.status, len(deliverables[c.id]), len(records[c.id]))
                  and shipment_rules.gift_coming(parcels[c.id], bool(gifts.get(c.id) or c.products.strip()))}
    waived = {cid for (cid,) in _NOTHING_AGREED.objects(sorted(unrecorded))} if unrecorded else set()
    found = []
    for c in collaborations:
        pending = shipment_rules.gift_unsent(c.status, bool(gifts.get(c.id) or c.products.strip()),
                                             parcels[c.id])
        found.append(CollaborationDetail(c, gifts.get(c.id, []), deliverables[c.id], versions[c.id], records[c.id],
                                         costs[c.id], shipment_rules.chased(parcels[c.id], pending, c.status), pending,
                                         c.id in unrecorded and c.id not in waived, c.id in waived))
    return found


def _strikes(strikes: list[Strike]) -> list[StrikeRecord]:
    cited = sorted({i for s in strikes for i in (s.evidence_ids or [])})
    pictures = {e.id: e for e in _CITED.objects(cited)} if cited else {}
    return [StrikeRecord(s, [pictures[i] for i in sorted(set(s.evidence_ids or [])) if i in pictures])
            for s in strikes]


def _ratings(collaborations: list[Collaboration]) -> list[Rating]:
    if not collaborations:
        return []
    order = {c.id: n for n, c in enumerate(collaborations)}
    ratings = _RATINGS.objects(list(order))
    for r in ratings:
        r.collaboration = collaborations[order[r.collaboration_id]]
    return sorted(ratings, key=lambda r: (order[r.collaboration_id], r.id))
