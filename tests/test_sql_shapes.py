"""The SQL the app reads for its query shapes (desktop/store/sql_shapes.py, `make sql-shapes`)
is the SQL Peewee makes of those queries now, and the app reads it instead of making it."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("sql_shapes_tool", ROOT / ".ci" / "sql_shapes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("sql_shapes_tool", module)
    spec.loader.exec_module(module)
    return module


def test_the_stored_sql_is_up_to_date():
    tool = _tool()
    assert tool.main(["--check"]) == 0, "run `make sql-shapes`"
    from desktop.store.sql_shapes import SQL

    assert set(SQL) == set(tool.shapes())
    # The influencer list's and pane's queries are among them (what round 20 is about).
    assert {"people.people", "scores.deliverables", "detail.person", "detail.deliverables"} <= set(SQL)


def test_a_changed_query_makes_the_stored_sql_stale(monkeypatch, tmp_path):
    from desktop.store import db
    from desktop.store.models import Person

    tool = _tool()
    out = tmp_path / "sql_shapes.py"
    monkeypatch.setattr(tool, "OUT", out)
    assert tool.main([]) == 0
    assert tool.main(["--check"]) == 0
    changed = dict(tool.shapes())
    monkeypatch.setattr(db, "SHAPES", {})  # a second shape of that name, kept out of the app's
    changed["detail.person"] = db.Shape("detail.person", lambda pid: Person.select(Person.id).where(Person.id == pid),
                                        many=False)
    monkeypatch.setattr(tool, "shapes", lambda: changed)
    assert tool.main(["--check"]) == 1
    del changed["detail.person"]  # a shape taken out is stale too
    assert tool.main(["--check"]) == 1


def test_the_list_and_pane_read_the_stored_sql(demo_db, monkeypatch):
    """With Peewee's SQL making switched off, the influencer list's people, scores and
    ratings and one person's pane are read all the same: from the stored SQL."""
    from desktop.store import db, influencer_detail, influencers
    from desktop.store.models import Person

    def no_making(key, build, many):
        raise AssertionError(f"{key}: its SQL was made at run time")

    monkeypatch.setattr(db, "_COMPILED", {})
    monkeypatch.setattr(db, "_make_sql", no_making)
    ids = [p.id for p in Person.select(Person.id).where(Person.is_influencer == True)]  # noqa: E712
    people = next(influencers.people_pages(first=len(ids)))
    assert sorted(p.id for p in people) == sorted(ids)
    from datetime import datetime

    now = datetime(2026, 11, 23, 9, 30)
    scores, _ratings = influencers.list_figures(ids, now)
    assert set(scores) == set(ids)
    shown = [influencer_detail.detail(pid) for pid in ids]
    assert all(d is not None for d in shown)
    assert any(d.collaborations for d in shown)
    with pytest.raises(AssertionError):  # another count of events than the pane's is made at run time
        influencer_detail.detail(ids[0], events=3)
