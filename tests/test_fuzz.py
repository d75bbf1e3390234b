"""Property tests (hypothesis): restore of random files, CSV cells, exports of hostile text.

Restore must either refuse a file (and change nothing) or put back a database that
opens and passes its checks: never a crash, never a half-replaced database.
"""

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop import paths
from desktop.domain.spreadsheet import FORMULA_STARTS, safe_cell, to_csv
from desktop.store import backup, privacy
from desktop.store.db import NotAnAfspraakDatabase, close_database
from desktop.store.opening import open_database
from desktop.store.models import Event, Person
from tests.conftest import NOW

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def valid_backup(tmp_path_factory):
    """A real backup file (bytes) and the live database it should never corrupt."""
    folder = tmp_path_factory.mktemp("valid")
    database = open_database()
    for i in range(40):
        Person.create(name=f"Persoon {i}", notes="n" * 100)
    out = backup.backup_now(database, out=folder / "good.sqlite3")
    Person.create(name="Alleen live")
    close_database()
    return out.read_bytes()


def _try_restore(candidate: Path) -> bool:
    target = paths.db_path()
    before = target.read_bytes()
    try:
        backup.restore(candidate, target)
    except NotAnAfspraakDatabase:
        assert target.read_bytes() == before, "a refused restore changed the database"
        assert not target.with_name(target.name + ".restore").exists()
        return False
    database = open_database(target)
    try:
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        Person.select().count()
    finally:
        close_database()
    return True


@FUZZ
@given(data=st.binary(max_size=4096))
def test_restore_of_random_bytes(data_dir, valid_backup, data):
    candidate = data_dir.parent / "random.sqlite3"
    candidate.write_bytes(data)
    assert _try_restore(candidate) is False


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=1, max_size=64)), min_size=1, max_size=8),
       cut=st.one_of(st.none(), st.integers(min_value=0)))
def test_restore_of_damaged_backups(data_dir, valid_backup, edits, cut):
    data = bytearray(valid_backup)
    for offset, chunk in edits:
        offset %= len(data)
        data[offset:offset + len(chunk)] = chunk
    if cut is not None:
        data = data[: cut % len(data)]
    candidate = data_dir.parent / "damaged.sqlite3"
    candidate.write_bytes(bytes(data))
    _try_restore(candidate)  # either answer is fine; the checks are inside


def test_an_unchanged_backup_restores(data_dir, valid_backup):
    candidate = data_dir.parent / "fine.sqlite3"
    candidate.write_bytes(valid_backup)
    assert _try_restore(candidate) is True


@given(st.text())
def test_csv_cells_never_start_a_formula(text):
    cell = safe_cell(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == text or cell == "'" + text
    assert (cell != text) == text.startswith(FORMULA_STARTS)


@given(st.lists(st.lists(st.one_of(st.text(), st.integers(), st.none()), min_size=3, max_size=3), max_size=10))
def test_csv_round_trips_every_cell(rows):
    data = to_csv(["a", "b", "c"], rows).decode("utf-8-sig")
    back = list(csv.reader(io.StringIO(data, newline="")))
    assert back[0] == ["a", "b", "c"]
    assert back[1:] == [[safe_cell(v) for v in row] for row in rows]


hostile_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@FUZZ
@example(name="[1]", notes='{"a": 1}', event="=cmd|' /C calc'!A0")
@given(name=hostile_text.filter(lambda s: s.strip()), notes=hostile_text, event=hostile_text)
def test_export_of_hostile_text_is_faithful(database, tmp_path, name, notes, event):
    Person.delete().execute()
    p = Person.create(name=name, notes=notes)
    Event.create(kind="note", text=event, person=p, at=NOW)
    out = privacy.export_person(database.connection(), p.id, tmp_path / "x.zip", NOW)
    archive = zipfile.ZipFile(out)
    document = json.loads(archive.read("data.json"))
    assert document["person"]["name"] == name and document["person"]["notes"] == notes
    assert document["data"]["event"][0]["text"] == event
    rows = list(csv.DictReader(io.StringIO(archive.read("csv/person.csv").decode("utf-8-sig"), newline="")))
    assert rows[0]["name"] == safe_cell(name) and rows[0]["notes"] == safe_cell(notes)


def test_a_backup_sqlite_may_only_read_is_refused(data_dir, valid_backup):
    """Found by the fuzzer: byte 18 of the header (the write version) set to 3 makes a file
    SQLite opens read-only; it passed every check and the restored database then could not
    be opened. It is refused now, with nothing changed."""
    data = bytearray(valid_backup)
    data[18] = 3
    candidate = data_dir.parent / "read-only-header.sqlite3"
    candidate.write_bytes(bytes(data))
    assert _try_restore(candidate) is False
