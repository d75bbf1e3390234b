"""Saving a collaboration's deliverables (store/influencers.py)."""

from __future__ import annotations

from datetime import timedelta

from desktop.domain.validation import DeliverableInput
from desktop.store import due
from desktop.store import influencers as ops
from desktop.store.models import Deliverable

from .conftest import NOW
from .helpers import collaboration_values


def delivered_deliverable() -> Deliverable:
    """A delivered deliverable with one content record, its deadline a few days back."""
    d = (Deliverable.select().where(Deliverable.delivered_at.is_null(False))
         .order_by(Deliverable.id).first())
    assert d is not None and d.contents.count() >= 1
    d.deadline = NOW - timedelta(days=3)
    d.save()
    return d


def save_count(d: Deliverable, count: int) -> None:
    collab = d.collaboration
    rows = [DeliverableInput(x.kind, count if x.id == d.id else x.count,
                             x.deadline.date() if x.deadline else None, x.id)
            for x in collab.deliverables]
    ops.save_collaboration(collab.person, collaboration_values(collab), rows, NOW, collab)


def test_raising_a_delivered_deliverables_count_opens_it_again_and_the_ladder_sees_it(demo_db):
    d = delivered_deliverable()
    posted = d.contents.count()
    # Same count (or fewer): still delivered, nothing to chase.
    save_count(d, posted)
    assert Deliverable.get_by_id(d.id).delivered_at is not None
    assert not [p for i in due.plan(NOW) for p in i.parts if p.rule == "deliverable" and p.subject_id == d.id]
    # One more agreed than posted: open again, and its deadline (past) brings the reminders back.
    save_count(d, posted + 1)
    assert Deliverable.get_by_id(d.id).delivered_at is None
    reopened = [p for i in due.plan(NOW) for p in i.parts if p.rule == "deliverable" and p.subject_id == d.id]
    assert reopened, "the reopened deliverable is chased again"
