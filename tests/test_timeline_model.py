"""The timeline's data side with a long history: 250,000 events (paging, filters, search).

The big database is built once per session (bulk insert in one transaction) and copied
into each test's own data dir. AFSPRAAK_BIG_EVENTS lowers the count for a quick run.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop import paths
from desktop.presentation import timeline
from desktop.presentation.timeline import TimelineFilter
from desktop.store import event_search, synthetic
from desktop.store.db import close_database, db
from desktop.store.opening import open_database
from desktop.store.models import Event, Person
from desktop.views.timeline_model import TimelineModel, benchmark
from tests.conftest import NOW

BIG = int(os.environ.get("AFSPRAAK_BIG_EVENTS", "250000"))
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="session")
def big_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "afspraak.sqlite3"
    open_database(path)
    assert synthetic.fill_events(BIG, NOW, seed=3) == BIG
    Person.create(name="Zeldzame Zus", is_influencer=True)
    Event.create(at=NOW - timedelta(days=400), kind="note", text="Een héél zeldzaam woord: kwispelstaart",
                 person=Person.get(Person.name == "Zeldzame Zus"))
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return path


@pytest.fixture
def big(big_file, data_dir):
    target = paths.db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(big_file, target)
    database = open_database(target)
    yield database
    close_database()


def all_ids(f: TimelineFilter) -> list[int]:
    conditions = ["1"]
    params = []
    if f.kind:
        conditions.append("kind = ?")
        params.append(f.kind)
    if f.channel is not None:
        conditions.append("channel = ?")
        params.append(f.channel)
    if f.direction:
        conditions.append("direction = ?")
        params.append(f.direction)
    if f.person_id is not None:
        conditions.append("person_id = ?")
        params.append(f.person_id)
    if f.start:
        conditions.append("at >= ?")
        params.append(str(f.start))
    if f.end:
        conditions.append("at < ?")
        params.append(str(f.end))
    sql = f"SELECT id FROM event WHERE {' AND '.join(conditions)} ORDER BY at DESC, id DESC"
    return [r[0] for r in db.execute_sql(sql, params)]


def test_the_big_history_is_there_and_indexed(big):
    assert Event.select().count() == BIG + 1
    assert event_search.indexed_count(big) == BIG + 1


def test_first_page_is_a_page_not_everything(big):
    model = TimelineModel(now=lambda: NOW, tz=timezone.utc)
    model.set_filter(TimelineFilter())
    assert model.event_count() == timeline.PAGE
    assert model.total == BIG + 1
    assert model.canFetchMore()
    newest = all_ids(TimelineFilter())[: timeline.PAGE]
    assert [model.event_at(r).id for r in range(model.rowCount()) if not model.is_heading(r)] == newest
    model.fetchMore()
    assert model.event_count() == 2 * timeline.PAGE
    ids = [model.event_at(r).id for r in range(model.rowCount()) if not model.is_heading(r)]
    assert ids == all_ids(TimelineFilter())[: 2 * timeline.PAGE]


def test_keyset_paging_walks_every_event_once_in_order(big):
    f = TimelineFilter(kind="strike")
    expected = all_ids(f)
    assert len(expected) > 5 * timeline.PAGE
    seen = [e.id for e in timeline.iter_events(f, batch=997)]
    assert seen == expected


def test_headings_group_by_local_day(big):
    model = TimelineModel(now=lambda: NOW, tz=AMSTERDAM)
    model.set_filter(TimelineFilter())
    model.fetchMore()
    assert model.is_heading(0)
    day = None
    for row in range(model.rowCount()):
        if model.is_heading(row):
            assert model.items[row].day != day
            day = model.items[row].day
        else:
            event = model.event_at(row)
            assert timeline.to_local(event.at, AMSTERDAM).date() == day
    # the heading after a page boundary is not repeated
    days = [model.items[r].day for r in model.heading_rows()]
    assert len(days) == len(set(days))


@pytest.mark.parametrize("f", [
    TimelineFilter(kind="message"),
    TimelineFilter(channel="phone"),
    TimelineFilter(channel=""),
    TimelineFilter(direction="in"),
    TimelineFilter(kind="message", channel="whatsapp", direction="out"),
    TimelineFilter(person_id=7),
], ids=lambda f: ",".join(f"{k}={v}" for k, v in vars(f).items() if v not in (None, "")) or "channel=none")
def test_filters_match_a_plain_query(big, f):
    expected = all_ids(f)
    assert timeline.count(f) == len(expected)
    first = timeline.fetch_page(f)
    assert [e.id for e in first] == expected[: timeline.PAGE]
    second = timeline.fetch_page(f, first[-1])
    assert [e.id for e in second] == expected[timeline.PAGE: 2 * timeline.PAGE]


def test_date_range_is_local_days_inclusive(big):
    first, last = date(2026, 3, 28), date(2026, 3, 30)  # over the change to summer time
    start, end = timeline.local_day_bounds(first, last, AMSTERDAM)
    assert start == datetime(2026, 3, 27, 23, 0) and end == datetime(2026, 3, 30, 22, 0)
    f = TimelineFilter(start=start, end=end)
    events = list(timeline.iter_events(f))
    assert events and len(events) == len(all_ids(f))
    assert {timeline.to_local(e.at, AMSTERDAM).date() for e in events} <= {first, date(2026, 3, 29), last}


def test_search_uses_the_index_and_matches_every_word_as_prefix(big):
    f = TimelineFilter(text="pakket PostNL")
    rows = list(timeline.iter_events(f))
    assert rows, "the synthetic texts mention 'het pakketje' ... 'via PostNL'"
    for e in rows:
        lower = e.text.lower()
        assert "pakket" in lower and "postnl" in lower
    like = db.execute_sql("SELECT count(*) FROM event WHERE text LIKE '%pakket%' AND text LIKE '%postnl%'").fetchone()[0]
    assert timeline.count(f) == like == len(rows)
    assert [e.at_key for e in rows] == sorted((e.at_key for e in rows), reverse=True)


def test_search_ignores_accents_and_finds_rare_words(big):
    rows = timeline.fetch_page(TimelineFilter(text="heel zeldzaam"))
    assert [e.text for e in rows] == ["Een héél zeldzaam woord: kwispelstaart"]
    assert timeline.count(TimelineFilter(text="kwispel")) == 1


def test_search_also_finds_person_names(big):
    rows = timeline.fetch_page(TimelineFilter(text="zeldzame zus"))
    assert [e.person_name for e in rows] == ["Zeldzame Zus"]


def test_search_combines_with_filters(big):
    f = TimelineFilter(text="deadline", kind="reminder", direction="out")
    rows = list(timeline.iter_events(f))
    assert rows and all(e.kind == "reminder" and "deadline" in e.text.lower() for e in rows)
    assert len(rows) == timeline.count(f)


@pytest.mark.parametrize("typed", ['"', "NEAR(", "a* OR", "-x", "'; DROP TABLE event; --", "#@!", "   "])
def test_odd_search_text_never_breaks_the_query(big, typed):
    timeline.fetch_page(TimelineFilter(text=typed))
    timeline.count(TimelineFilter(text=typed))
    assert Event.select().count() == BIG + 1


def test_search_index_follows_edits_and_deletes(big):
    event = Event.create(at=NOW, kind="note", text="appeltaart bij de koffie", person=1)
    assert timeline.count(TimelineFilter(text="appeltaart")) == 1
    event.text = "perentaart"
    event.save()
    assert timeline.count(TimelineFilter(text="appeltaart")) == 0
    assert timeline.count(TimelineFilter(text="perentaart")) == 1
    Event.delete_by_id(event.id)
    assert timeline.count(TimelineFilter(text="perentaart")) == 0


def test_erasing_a_person_purges_their_words_from_the_index(big):
    zus = Person.get(Person.name == "Zeldzame Zus")
    assert event_search.index_contains(big, "kwispelstaart")
    zus.delete_instance()  # events go by ON DELETE CASCADE; the trigger drops their index entries
    event_search.compact(big)
    assert not event_search.index_contains(big, "kwispelstaart")
    assert event_search.indexed_count(big) == BIG


def test_benchmark_helper_reports_every_measure(big):
    result = benchmark(repeat=1)
    assert set(result) == {"first_page", "next_page", "filter_kind", "filter_person", "search_text"}
    assert all(isinstance(v, float) and v >= 0 for v in result.values())


def test_day_headings_in_dutch_and_english():
    from desktop import i18n

    today = date(2026, 11, 23)
    i18n.set_language("nl")
    assert timeline.day_heading(today, today) == "Vandaag"
    assert timeline.day_heading(date(2026, 11, 22), today) == "Gisteren"
    assert timeline.day_heading(date(2026, 11, 16), today) == "Maandag 16 november"
    assert timeline.day_heading(date(2025, 11, 16), today) == "Zondag 16 november 2025"
    i18n.set_language("en")
    assert timeline.day_heading(today, today) == "Today"
    assert timeline.day_heading(date(2026, 11, 22), today) == "Yesterday"
    assert timeline.day_heading(date(2026, 11, 16), today) == "Monday 16 November"
