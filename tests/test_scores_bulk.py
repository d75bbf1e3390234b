"""store.influencers.scores(): reading every row and keeping the wanted people in Python
(the path for thousands of influencers) gives exactly what the per-person query gives."""

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from desktop.store import influencers as ops
from desktop.store.models import Person
from tests.conftest import NOW


def test_scores_are_the_same_by_either_path(demo_db, monkeypatch):
    ids = [pid for (pid,) in Person.select(Person.id).where(Person.is_influencer == True).tuples()]  # noqa: E712
    by_query = ops.scores(ids, NOW)
    monkeypatch.setattr(ops, "_IN_LIMIT", 0)
    by_scan = ops.scores(ids, NOW)
    some = ops.scores(ids[:3], NOW)
    assert any(s.value is not None for s in by_query.values())
    for pid in ids:
        assert (by_scan[pid].value, by_scan[pid].parts, by_scan[pid].lines) == \
               (by_query[pid].value, by_query[pid].parts, by_query[pid].lines)
    assert set(some) == set(ids[:3])
    assert all(some[pid].value == by_query[pid].value for pid in ids[:3])


@given(st.lists(st.tuples(*[st.integers(1, 5)] * 4), min_size=1, max_size=30))
def test_the_ratings_average_is_statistics_mean_exactly(ratings):
    """score.compute averages from whole numbers: the very float statistics.mean gives."""
    from statistics import mean

    from desktop.domain import score

    result = score.compute([], [], ratings, 0, 3, datetime(2026, 11, 23, 9))
    expected = mean(sum(r) / 4 for r in ratings)
    assert ("ratings", expected, len(ratings)) in result.facts


def test_a_query_made_once_gives_each_call_its_own_ids(demo_db, monkeypatch):
    """A db.Shape's SQL is made once and only the ids are bound anew: every later call
    answers for its own ids (or its one id), exactly as the query built for them would."""
    import pytest

    from desktop.store import db as store_db
    from desktop.store.db import Shape, db, ids_in
    from desktop.store.models import Handle

    monkeypatch.setattr(store_db, "SHAPES", {})  # the app's own shapes are not these
    ids = [pid for (pid,) in Person.select(Person.id).where(Person.is_influencer == True).tuples()]  # noqa: E712
    assert len(ids) >= 4

    def handles(chosen):
        return sorted(db.execute_sql(*Handle.select(Handle.person, Handle.name)
                                     .where(Handle.person.in_(ids_in(chosen))).sql()).fetchall())

    some = Shape("test.handles", lambda chosen_ids: Handle.select(Handle.person, Handle.name)
                 .where(Handle.person.in_(chosen_ids)))
    for chosen in (ids[:2], ids[2:4], ids[:1], []):
        assert sorted(some.rows(chosen)) == handles(chosen)
    one = Shape("test.handles.one", lambda pid: Handle.select(Handle.person, Handle.name)
                .where(Handle.person == pid), many=False)
    for pid in ids[:4]:
        assert sorted(one.rows(pid)) == handles([pid])
    with pytest.raises(ValueError):  # two shapes of one name: the second would get the first's SQL
        Shape("test.handles", lambda i: Person.select(Person.id).where(Person.id.in_(i)))
    with pytest.raises(ValueError):  # the ids twice: the made SQL could not be reused safely
        Shape("test.twice", lambda i: Person.select(Person.id).where(Person.id.in_(i) | Person.id.in_(i))).rows(ids[:1])


def test_a_prepared_query_gives_the_objects_the_query_gives(demo_db):
    """db.prepared turns a model query into SQL once and binds one id or a list of ids
    anew: each call gives what iterating the query built for that value gives, joined
    models included (the influencer pane's queries, store/influencer_detail.py)."""
    import peewee
    import pytest

    from desktop.store.db import prepared
    from desktop.store.models import Collaboration, Content, Deliverable

    def seen(objects):  # a model's stored values, with the joined deliverable's
        return [(o.__data__, getattr(o.deliverable, "__data__", None) if isinstance(o, Content) else None)
                for o in objects]

    people = [p.id for p in Person.select(Person.id).where(Person.is_influencer == True)]  # noqa: E712
    for pid in people:
        built = prepared("test.collaborations", lambda i: Collaboration.select().where(Collaboration.person == i)
                         .order_by(Collaboration.id), pid)
        assert seen(built) == seen(Collaboration.select().where(Collaboration.person == pid).order_by(Collaboration.id))
    collabs = [c.id for c in Collaboration.select(Collaboration.id)]
    joined = 0
    for chosen in (collabs, collabs[:3], collabs[-1:], []):
        made = prepared("test.contents", lambda ids: Content.select(Content, Deliverable)
                        .join(Deliverable, peewee.JOIN.LEFT_OUTER).where(Content.collaboration.in_(ids))
                        .order_by(Content.id), chosen)
        expected = list(Content.select(Content, Deliverable).join(Deliverable, peewee.JOIN.LEFT_OUTER)
                        .where(Content.collaboration.in_(chosen)).order_by(Content.id)) if chosen else []
        assert seen(made) == seen(expected)
        joined += sum(1 for c in made if c.deliverable_id)
    assert joined > 0  # the joined deliverables were compared too
    with pytest.raises(ValueError):  # the id twice: the made SQL could not be reused safely
        prepared("test.twice", lambda i: Person.select().where((Person.id == i) | (Person.id == i)), people[0])
