"""What the influencer detail pane reads (store/influencer_detail.py, issue 19: views run no
SQL): everything about one person, in order, in a number of queries that does not grow with
her collaborations, and with the relations the pane follows already read."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from desktop.domain import collaborations as rules
from desktop.domain.collaborations import Gift
from desktop.store import influencer_detail, lookups, settings
from desktop.store import influencers as ops
from desktop.store.db import db
from desktop.store.models import (
    AgreementVersion,
    Collaboration,
    CollaborationProduct,
    Content,
    ContentEvidence,
    Deliverable,
    Event,
    Handle,
    Person,
    Product,
    Rating,
    Shipment,
    ShipmentItem,
    Strike,
)

from .conftest import NOW


@contextmanager
def counted():
    """The SQL statements run inside the block."""
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


def day(n: int):
    return NOW + timedelta(days=n)


def add_collaboration(person, title, created, deliverables=(), contents=0, shipped=False):
    """A collaboration with deliverables (kind, deadline offset), ``contents`` content records
    on its first deliverable, a gift and (shipped) a shipment with one product."""
    c = Collaboration.create(person=person, title=title, status="agreed", created_at=created, fee_cents=1000,
                             product_cost_cents=500, shipping_cents=300)
    made = [Deliverable.create(collaboration=c, kind=kind, count=1, deadline=day(offset) if offset is not None else None)
            for kind, offset in deliverables]
    for n in range(contents):
        Content.create(collaboration=c, deliverable=made[0] if made else None, url=f"https://x.example/{title}/{n}",
                       platform="instagram", posted_at=day(-n), revenue_cents=100 * (n + 1))
    CollaborationProduct.create(collaboration=c, name=f"Ring {title}", quantity=2, value_cents=1250, position=0)
    if shipped:
        product = Product.create(key=f"sku-{title}", name="Ketting", cost_cents=700)
        shipment = Shipment.create(person=person, collaboration=c, shipping_cents=495)
        ShipmentItem.create(shipment=shipment, product=product, quantity=3)
    return c, made


def test_one_influencer_whole_and_in_the_panes_order(database):
    sanne = Person.create(name="Sanne", is_influencer=True)
    other = Person.create(name="Noor", is_influencer=True)
    Handle.create(person=sanne, platform="tiktok", name="sanne.t", followers=900)
    Handle.create(person=sanne, platform="instagram", name="sanne.i", followers=18400)
    Handle.create(person=other, platform="instagram", name="noor", followers=99999)
    old, (late, undated) = add_collaboration(sanne, "Oud", day(-30), [("post", 5), ("story", None)])
    new, (reel,) = add_collaboration(sanne, "Nieuw", day(-2), [("reel", 3)], contents=2, shipped=True)
    add_collaboration(other, "Niet van haar", day(-1), [("post", 1)], contents=1)
    extra = Content.create(collaboration=old, deliverable=None, url="https://x.example/extra", posted_at=day(-40))
    earlier, later = Content.select().where(Content.deliverable == reel).order_by(Content.posted_at)
    assert earlier.id > later.id  # logged in another order than posted
    pictures = [ContentEvidence.create(content=c, path=f"pictures/evidence/{n}.png") for n, c in
                enumerate((later, earlier, later))]
    older = AgreementVersion.create(collaboration=old, changed_at=day(-20), reason="eerst", changes={})
    newer = AgreementVersion.create(collaboration=old, changed_at=day(-10), reason="daarna", changes={})
    strike_new = Strike.create(person=sanne, reason="late", created_at=day(-1), evidence_ids=[pictures[2].id, 999])
    strike_old = Strike.create(person=sanne, reason="communication", created_at=day(-5),
                               evidence_ids=[pictures[1].id, pictures[0].id])
    rated_old = Rating.create(collaboration=old, communication=5, quality=4, punctuality=3, result=2)
    rated_new = Rating.create(collaboration=new, communication=1, quality=1, punctuality=1, result=1)
    events = [Event.create(at=day(-n), kind="note", text=f"n{n}", person=sanne) for n in range(10)]
    Event.create(at=day(1), kind="note", text="van Noor", person=other)
    settings.set("strikes_to_inactive", 4)

    detail = influencer_detail.detail(sanne.id)

    assert detail.person.id == sanne.id
    assert [h.name for h in detail.handles] == ["sanne.i", "sanne.t"]  # the biggest account first
    assert [c.collaboration.id for c in detail.collaborations] == [new.id, old.id]  # the newest first
    shown_new, shown_old = detail.collaborations
    assert [(d.deliverable.id, d.logged) for d in shown_new.deliverables] == [(reel.id, 2)]
    # the first deadline first; none yet comes before any (as SQLite sorts NULL)
    assert [(d.deliverable.id, d.logged) for d in shown_old.deliverables] == [(undated.id, 0), (late.id, 0)]
    assert [v.id for v in shown_old.versions] == [newer.id, older.id] and shown_new.versions == []
    assert [r.content.id for r in shown_new.contents] == [earlier.id, later.id]  # the first posted first
    assert [[e.id for e in r.evidence] for r in shown_new.contents] == [[pictures[1].id],
                                                                         [pictures[0].id, pictures[2].id]]
    assert [(r.content.id, r.evidence) for r in shown_old.contents] == [(extra.id, [])]
    assert shown_new.gifts == [Gift(name="Ring Nieuw", quantity=2, value_cents=1250, product_id=None)]
    # shipped: the products and shipping of its shipment; not shipped: the amounts typed in
    assert shown_new.cost == rules.CostReturn(3 * 700, 495, 1000, 100 + 200)
    assert shown_old.cost == rules.CostReturn(500, 300, 1000, 0)
    assert [s.strike.id for s in detail.strikes] == [strike_old.id, strike_new.id]  # the oldest first
    assert [[e.id for e in s.evidence] for s in detail.strikes] == [[pictures[0].id, pictures[1].id],
                                                                    [pictures[2].id]]  # a gone picture is left out
    assert detail.policy.to_inactive == 4
    assert [r.id for r in detail.ratings] == [rated_new.id, rated_old.id]  # in the collaborations' order
    assert [e.id for e in detail.events] == [e.id for e in events[:8]]  # her latest eight, the newest first
    assert [e.id for e in influencer_detail.detail(sanne.id, events=3).events] == [e.id for e in events[:3]]


def test_nobody_there_is_none(database):
    gone = Person.create(name="Weg", is_influencer=True)
    gone.delete_instance()
    assert influencer_detail.detail(gone.id) is None
    assert influencer_detail.detail(None) is None


def test_someone_without_anything_yet(database):
    new = Person.create(name="Nieuw", is_influencer=True)
    detail = influencer_detail.detail(new.id)
    assert (detail.handles, detail.collaborations, detail.strikes, detail.ratings, detail.events) == ([], [], [], [], [])


def test_the_queries_do_not_grow_with_her_collaborations_and_showing_them_runs_none(database):
    sanne = Person.create(name="Sanne", is_influencer=True)
    Handle.create(person=sanne, platform="instagram", name="sanne", followers=10)

    def grow(n):
        c, made = add_collaboration(sanne, f"c{n}", day(-n), [("post", n), ("story", n + 1)], contents=2,
                                    shipped=True)
        for content in Content.select().where(Content.collaboration == c):
            ContentEvidence.create(content=content, path=f"pictures/evidence/{content.id}.png")
        picture = ContentEvidence.select().order_by(ContentEvidence.id.desc()).first()
        AgreementVersion.create(collaboration=c, changed_at=day(-n), changes={})
        Rating.create(collaboration=c, communication=3, quality=3, punctuality=3, result=3)
        Strike.create(person=sanne, collaboration=c, created_at=day(-n), evidence_ids=[picture.id])

    grow(1)
    with counted() as small:
        influencer_detail.detail(sanne.id)
    for n in range(2, 8):
        grow(n)
    with counted() as large:
        detail = influencer_detail.detail(sanne.id)
    assert len(detail.collaborations) == 7 and len(detail.strikes) == 7
    assert len(large) == len(small) <= 17, large  # 17: the parcels' statuses (is the collaboration on hold?)

    with counted() as followed:
        for shown in detail.collaborations:
            assert shown.collaboration.person.name == "Sanne"
            for content, _pictures in shown.contents:
                assert content.collaboration.person.id == sanne.id
                assert content.deliverable.kind in ("post", "story")
            for version in shown.versions:
                assert version.collaboration.person_id == sanne.id
        for strike, _pictures in detail.strikes:
            assert strike.person.name == "Sanne"
        for rating in detail.ratings:
            assert rating.collaboration.title.startswith("c")
    assert followed == []


def test_cost_and_return_of_many_is_that_of_each(database):
    sanne = Person.create(name="Sanne", is_influencer=True)
    shipped, _ = add_collaboration(sanne, "a", day(-3), [("post", 1)], contents=3, shipped=True)
    typed, _ = add_collaboration(sanne, "b", day(-2), [("post", 1)], contents=1)
    empty = Collaboration.create(person=sanne, title="c", fee_cents=0, product_cost_cents=0, shipping_cents=0)
    together = ops.costs_and_returns([shipped, typed, empty])
    assert together == {c.id: ops.cost_and_return(c) for c in (shipped, typed, empty)}
    assert together[shipped.id] == rules.CostReturn(2100, 495, 1000, 600)
    assert together[typed.id] == rules.CostReturn(500, 300, 1000, 100)
    assert together[empty.id].return_ratio is None
    assert ops.costs_and_returns([]) == {}


def test_gifts_of_many_keep_each_ones_order(database):
    sanne = Person.create(name="Sanne", is_influencer=True)
    a, _ = add_collaboration(sanne, "a", day(-3))
    b = Collaboration.create(person=sanne, title="zonder")
    CollaborationProduct.create(collaboration=a, name="Oorbel", quantity=1, value_cents=None, position=1)
    CollaborationProduct.create(collaboration=a, name="Armband", quantity=1, value_cents=900, position=-1)
    assert [g.name for g in ops.gifts_of([a.id, b.id])[a.id]] == ["Armband", "Ring a", "Oorbel"]
    assert b.id not in ops.gifts_of([a.id, b.id]) and ops.gifts(b) == []
    assert ops.gifts(a) == ops.gifts(a.id) == ops.gifts_of([a.id])[a.id]


def test_the_strike_policy_is_read_as_stored(database):
    assert ops.policy().to_inactive == 3
    settings.set("strikes_to_inactive", 5)
    settings.set("strike_expiry_days", 30)
    settings.set("strikes_lift_when_delivered", False)
    assert (ops.policy().to_inactive, ops.policy().expiry_days, ops.policy().lift_when_delivered) == (5, 30, False)


def test_a_content_record_comes_with_its_collaboration_and_deliverable(database):
    sanne = Person.create(name="Sanne", is_influencer=True)
    c, (post,) = add_collaboration(sanne, "a", day(-3), [("post", 1)], contents=1)
    with_deliverable = Content.get(Content.deliverable == post)
    without = Content.create(collaboration=c, url="https://x.example/extra")
    for content_id, kind in ((with_deliverable.id, "post"), (without.id, None)):
        with counted() as statements:
            content = lookups.content(content_id)
            assert content.collaboration.person_id == sanne.id
            assert (content.deliverable.kind if content.deliverable else None) == kind
        assert len(statements) == 1
    assert lookups.content(None) is None and lookups.content(without.id + 100) is None


def test_a_post_she_could_not_make_does_not_lower_her_score(demo_db):
    """Walk-through 2, finding L: after 'Kwijt' the post was no longer chased, yet her score
    counted it late ("Op tijd: 0 van 1"). While every parcel of the collaboration came back
    or got lost, its open deliverables count neither way; once delivered they count again."""
    from datetime import timedelta

    from desktop.store import influencers
    from desktop.store.models import Collaboration, Deliverable, Shipment
    from tests.conftest import NOW

    shipment = Shipment.select().join(Collaboration).where(Collaboration.status == "shipped").first()
    collab = shipment.collaboration
    person = collab.person_id
    Deliverable.update(deadline=NOW - timedelta(days=20)).where(Deliverable.collaboration == collab).execute()
    late = influencers.scores([person], NOW)[person]
    Shipment.update(status="lost").where(Shipment.collaboration == collab).execute()
    on_hold = influencers.scores([person], NOW)[person]
    assert late.value is not None and (on_hold.value is None or on_hold.value > late.value)
