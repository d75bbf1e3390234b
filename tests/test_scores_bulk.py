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
