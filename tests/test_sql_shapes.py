"""The SQL the app reads for its query shapes (desktop/store/sql_shapes.py, `make sql-shapes`)
is the SQL Peewee makes of those queries now, and the app reads it instead of making it."""

import pytest

from tests.helpers import ci_tool


def _tool():
    return ci_tool("sql_shapes")


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


def _read(ids):
    """The list's people, scores and ratings and every pane, as plain values."""
    from desktop.store import influencer_detail, influencers

    from .conftest import NOW

    people = next(influencers.people_pages(first=len(ids)))
    scores, ratings = influencers.list_figures(ids, NOW)
    panes = []
    for pid in ids:
        d = influencer_detail.detail(pid)
        panes.append((d.person.__data__, [h.__data__ for h in d.handles], [s.strike.__data__ for s in d.strikes],
                      [r.__data__ for r in d.ratings], [e.__data__ for e in d.events],
                      [(c.collaboration.__data__, c.gifts, [(x.deliverable.__data__, x.logged) for x in c.deliverables],
                        [v.__data__ for v in c.versions],
                        [(r.content.__data__, [e.__data__ for e in r.evidence]) for r in c.contents],
                        c.cost, c.chased, c.gift_pending) for c in d.collaborations]))
    return people, {k: (v.value, v.lines) for k, v in scores.items()}, ratings, panes


def test_the_list_and_pane_read_the_stored_sql(demo_db, monkeypatch):
    """With Peewee's SQL making switched off, the influencer list's people, scores and
    ratings and every pane are read from the stored SQL, and are what the SQL Peewee makes
    now reads."""
    from desktop.store import db, influencer_detail
    from desktop.store.models import Person

    ids = [p.id for p in Person.select(Person.id).where(Person.is_influencer == True)]  # noqa: E712
    monkeypatch.setattr(db, "_COMPILED", {})
    monkeypatch.setattr(db, "_stored_sql", lambda: {})
    made = _read(ids)

    def no_making(key, build, many):
        raise AssertionError(f"{key}: its SQL was made at run time")

    monkeypatch.undo()
    monkeypatch.setattr(db, "_COMPILED", {})
    monkeypatch.setattr(db, "_make_sql", no_making)
    stored = _read(ids)
    assert stored == made
    assert sorted(p.id for p in stored[0]) == sorted(ids)
    assert any(pane[5] for pane in stored[3])  # collaborations compared too
    with pytest.raises(AssertionError):  # another count of events than the pane's is made at run time
        influencer_detail.detail(ids[0], events=3)


def test_stored_sql_of_another_shape_is_not_read_into_the_wrong_fields(demo_db, monkeypatch, caplog):
    """Stored SQL that selects other columns than its query (a field added to a model and
    `make sql-shapes` not run) is made anew from the query, not read into the wrong fields."""
    from desktop.store import db, influencer_detail
    from desktop.store.models import Person
    from desktop.store.sql_shapes import SQL

    person = Person.select().where(Person.is_influencer == True).first()  # noqa: E712
    stale = dict(SQL)
    sql, params, at = stale["detail.person"]
    stale["detail.person"] = (sql.replace('"t1"."name", ', "", 1), params, at)
    assert stale["detail.person"][0] != sql
    monkeypatch.setattr(db, "_COMPILED", {})
    monkeypatch.setattr(db, "_stored_sql", lambda: stale)
    shown = influencer_detail.detail(person.id)
    assert shown.person.__data__ == person.__data__
    assert "detail.person" in caplog.text
