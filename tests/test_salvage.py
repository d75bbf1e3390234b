"""A damaged database is salvaged, not swapped whole for an older backup or an empty database
(store/salvage.py, store/recovery.py ``recover``; review of data safety, 1-4).

The damage is made as a failing disk makes it: with Afspraak closed, garbage is written into
one page of the file (a leaf page of the timeline, or of the people), the rest of the file
left as it was. The backup is the day's automatic one, taken before the later work.
"""

from __future__ import annotations

import errno
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from desktop import i18n, paths
from desktop.presentation import backup_texts, errors
from desktop.store import backup, migrations, recovery, salvage, storage_errors
from desktop.store.db import NotAnAfspraakDatabase, close_database
from desktop.store.models import Event, Person, Product
from desktop.store.opening import open_database
from tests.conftest import NOW

PAGE = 4096
BACKUP_AT = NOW - timedelta(hours=2)


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def page_of(path: Path, text: bytes) -> int:
    data = path.read_bytes()
    offset = data.find(text)
    assert offset > 0, text
    return offset // PAGE


def garble(path: Path, page: int) -> None:
    """800 garbage bytes over the start of one page (not the header page): its header and
    the cells' pointers, as a disk that loses a sector (0xA5 is no b-tree page type)."""
    assert page > 0
    with open(path, "r+b") as fh:
        fh.seek(page * PAGE)
        fh.write(b"\xa5\x5a" * 400)


def note(person: Person, text: str) -> Event:
    return Event.create(at=NOW, kind="note", channel="", direction="", text=text, person=person,
                        subject_type="person", subject_id=person.id, step="")


def shop(after_backup: bool = True) -> Path | None:
    """People with notes on the timeline; the day's backup taken; then (``after_backup``) more
    people and notes, as an import after the backup adds them. Returns the backup."""
    database = open_database()
    first = [Person.create(name=f"Eerst {i}") for i in range(20)]
    for person in first:
        note(person, f"Vroege notitie {person.name}")
    taken = backup.daily_backup(database, keep=14, now=BACKUP_AT)
    if after_backup:
        for i in range(200):
            person = Person.create(name=f"Later {i}", notes="x" * 200)
            note(person, f"Tijdlijn {i:03d} " + "y" * 300)
    close_database()
    return taken


def names() -> set[str]:
    return {p.name for p in Person.select()}


def sound() -> None:
    from desktop.store.db import db

    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_a_damaged_page_of_the_timeline_keeps_everything_else_not_the_older_backup(data_dir):
    """The reviewer's case: one leaf page of the timeline written over, the backup from
    before an import. Everything but that page is kept (was: the backup put back, the
    import and all after it gone); the file kept aside untouched; she is told what part
    could not be read and which backup may still have it."""
    taken = shop()
    path = paths.db_path()
    garble(path, page_of(path, b"Tijdlijn 150 yyy"))
    damaged = path.read_bytes()

    report = recovery.open_checked(path, now=NOW)

    assert report is not None and report.salvaged is not None and report.restored_from is None
    assert report.kept_as.read_bytes() == damaged  # kept aside untouched
    assert len(names()) == 220  # every person, also those after the backup
    notes = {e.text[:12] for e in Event.select()}
    assert "Tijdlijn 000" in notes and "Tijdlijn 199" in notes and "Tijdlijn 150" not in notes
    assert set(report.salvaged.unreadable) == {"event"}
    sound()
    assert report.backup_left == taken and taken.exists()
    text = errors.recovered(report)
    assert str(report.kept_as) in text and "part of the timeline" in text
    assert "power cut" in text and "started with an empty database" not in text
    assert errors.recovered_title(report) == "Your data was repaired"
    assert "timeline" in errors.recovered(report, command_line=True)


def test_without_a_backup_what_can_be_read_is_kept_not_an_empty_database(data_dir):
    shop()
    for copy in paths.backup_dir().glob("*.sqlite3"):
        copy.unlink()
    path = paths.db_path()
    garble(path, page_of(path, b"Tijdlijn 150 yyy"))

    report = recovery.open_checked(path, now=NOW)

    assert report.salvaged is not None and len(names()) == 220  # (was: 0, a new empty database)
    sound()
    text = errors.recovered(report)
    assert "empty database" not in text and "There is no backup that has more of it." in text


def test_the_backup_is_put_back_when_it_holds_more_of_her_data(data_dir):
    """Nothing done since the backup, and a page of people unreadable: the backup has them
    all, the salvage does not, so the backup goes in as before."""
    database = open_database()
    for i in range(200):
        Person.create(name=f"Mens {i}", notes=f"Mens {i} notitie " + "x" * 300)
    taken = backup.daily_backup(database, keep=14, now=BACKUP_AT)
    close_database()
    path = paths.db_path()
    garble(path, page_of(path, b"Mens 100 notitie"))

    report = recovery.open_checked(path, now=NOW)

    assert report.salvaged is None and report.restored_from == taken
    assert len(names()) == 200
    assert "backup of" in errors.recovered(report)


def test_a_row_whose_parent_cannot_be_read_gets_it_from_the_backup(data_dir):
    """People (in the backup) on a damaged page, their notes written after the backup still
    readable: each such person is taken from the backup (the note proves they were there),
    so the result passes foreign_key_check without dropping the notes."""
    database = open_database()
    people = [Person.create(name=f"Mens {i}", notes=f"Mens {i} notitie " + "x" * 300) for i in range(120)]
    backup.daily_backup(database, keep=14, now=BACKUP_AT)
    for person in people:
        note(person, f"Na de back-up over {person.name}")
    close_database()
    path = paths.db_path()
    garble(path, page_of(path, b"Mens 60 notitie"))

    report = recovery.open_checked(path, now=NOW)

    assert report.salvaged is not None and report.salvaged.filled.get("person")
    assert len(names()) == 120 and Event.select().count() == 120
    sound()


def test_people_taken_from_an_older_backup_get_their_sort_keys(data_dir):
    """A person the salvage takes from a backup made before v19 comes without her sort key
    (Person.name_key): the keys are made again when the salvage is opened, so the lists
    still sort her by her name."""
    from desktop.domain.search_text import sort_key
    from desktop.store import lookups

    database = open_database()
    people = [Person.create(name=f"Mens {i}", notes=f"Mens {i} notitie " + "x" * 300) for i in range(120)]
    taken = backup.daily_backup(database, keep=14, now=BACKUP_AT)
    for person in people:
        note(person, f"Na de back-up over {person.name}")
    close_database()
    older = sqlite3.connect(taken)  # the backup as an Afspraak before v19 wrote it
    older.execute('DROP INDEX "person_is_influencer_name_key_name_id"')
    older.execute('ALTER TABLE "person" DROP COLUMN "name_key"')
    older.commit()
    older.close()
    path = paths.db_path()
    garble(path, page_of(path, b"Mens 60 notitie"))

    report = recovery.open_checked(path, now=NOW)

    assert report.salvaged is not None and report.salvaged.filled.get("person")
    keys = list(Person.select(Person.name, Person.name_key).tuples())
    assert len(keys) == 120 and all(key == sort_key(name) for name, key in keys)
    assert [name for _pid, name in lookups.person_names()] == sorted(name for name, _key in keys)
    sound()


def test_the_salvage_reads_past_the_damaged_page_and_notes_the_range(tmp_path, data_dir):
    shop()
    path = paths.db_path()
    garble(path, page_of(path, b"Tijdlijn 150 yyy"))
    out = salvage.salvage(path, tmp_path / "gered.sqlite3")
    assert out is not None and out.rows["person"] == 220
    [(first, last)] = out.unreadable["event"]
    assert first <= 171 <= last  # the 150th note after the backup (20 before it)
    assert not list(tmp_path.glob("gered.sqlite3.*"))  # no scratch copy left
    con = sqlite3.connect(out.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM event_fts WHERE event_fts MATCH 'Tijdlijn'").fetchone()[0] > 100
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
    con.close()


@pytest.mark.parametrize("language, part, whole", [
    ("en", "part of the timeline (notes, messages and history)", "all products"),
    ("nl", "een deel van de tijdlijn (notities, berichten en geschiedenis)", "alle producten")])
def test_a_part_of_which_nothing_could_be_read_is_told_as_all_of_it(tmp_path, data_dir, language, part, whole):
    """Every product on the one page that was written over, one page of the timeline too: the
    products were told as "some products"; now all of them, and part of the timeline."""
    from babel.lists import format_list

    shop()
    open_database()
    for i in range(6):
        Product.create(key=f"SKU-{i}", name=f"Armband met letter {i}")
    close_database()
    path = paths.db_path()
    garble(path, page_of(path, b"Armband met letter 3"))
    garble(path, page_of(path, b"Tijdlijn 150 yyy"))

    out = salvage.salvage(path, tmp_path / "gered.sqlite3")

    assert out is not None and set(out.unreadable) == {"event", "product"} and out.rows["product"] == 0
    assert out.nothing_kept("product") and not out.nothing_kept("event")
    i18n.set_language(language)
    assert errors.unreadable_parts(out) == format_list([part, whole], locale=i18n.formatting_locale())
    text = backup_texts.salvage_restored(out, None)
    assert part in text and whole in text, text


def test_a_timeline_none_of_which_could_be_read_is_not_called_part_of_it(tmp_path, data_dir):
    """A few notes, all on the page that was written over (the table's only page): "all of
    the timeline", never "part of the timeline"."""
    database = open_database()
    person = Person.create(name="Eerst")
    for i in range(3):
        note(person, f"Enige notitie {i} " + "z" * 100)
    backup.daily_backup(database, keep=14, now=BACKUP_AT)  # (no parent of anything: not taken from it)
    close_database()
    path = paths.db_path()
    garble(path, page_of(path, b"Enige notitie 1"))

    out = salvage.salvage(path, tmp_path / "gered.sqlite3")

    assert out is not None and out.rows.get("event") == 0 and "event" in out.unreadable
    text = backup_texts.salvage_restored(out, None)
    assert "all of the timeline (notes, messages and history)" in text and "part of the timeline" not in text


# --- a restore of the damaged file a repair kept aside (review of data safety, 2) -------------

def kept_damaged_file() -> Path:
    shop()
    path = paths.db_path()
    garble(path, page_of(path, b"Tijdlijn 150 yyy"))
    kept = path.with_name("afspraak-damaged-20261123-093000.sqlite3")
    path.rename(kept)
    open_database().close()  # (her data meanwhile: an empty database)
    close_database()
    return kept


def test_a_restore_of_the_kept_damaged_file_says_what_it_is_and_what_to_do(data_dir):
    kept = kept_damaged_file()
    with pytest.raises(NotAnAfspraakDatabase) as refused:
        backup.restore(kept, paths.db_path())
    text = errors.restore_refused(kept, refused.value)
    assert "is not a backup" in text and "damaged database that Afspraak kept aside" in text
    assert "File → Restore a backup" in text
    assert "Try an older backup" not in text  # (was all she was told)


def test_a_restore_of_the_kept_damaged_file_salvages_it(data_dir):
    kept = kept_damaged_file()
    before = kept.read_bytes()
    previous, saved = backup.restore_salvaged(kept, paths.db_path())
    assert kept.read_bytes() == before and previous.exists()
    assert saved is not None and set(saved.unreadable) == {"event"}
    open_database()
    assert len(names()) == 220
    sound()
    text = backup_texts.salvage_restored(saved, previous)
    assert "part of the timeline" in text and str(previous) in text


def test_file_restore_offers_the_salvage_of_a_damaged_file(qtbot, data_dir, monkeypatch):
    from desktop.views import dialogs
    from tests.helpers import make_window

    kept = kept_damaged_file()
    open_database()
    asked, told = [], []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(kept))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or True)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append(("warn", text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(("inform", text)))
    window = make_window(qtbot, "en")
    window.restore_backup()
    assert len(asked) == 2 and "is not a backup" in asked[1] and "Copy what can be read?" in asked[1]
    assert [kind for kind, _ in told] == ["inform"] and "part of the timeline" in told[0][1]
    assert len(names()) == 220


# --- a read-only backups folder (review of data safety, 3) -------------------------------------

def refuse_the_backups_folder(monkeypatch) -> None:
    """The backups folder read-only, the data folder not (as root, chmod would not stop it)."""
    real = backup.copy_database

    def copy(source, target, **options):
        if Path(target).parent == paths.backup_place():
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return real(source, target, **options)

    monkeypatch.setattr(backup, "copy_database", copy)


def test_a_restore_into_a_read_only_backups_folder_names_that_folder(data_dir, tmp_path, monkeypatch):
    database = open_database()
    Person.create(name="Eerst")
    good = backup.backup_now(database, out=tmp_path / "goed.sqlite3")
    close_database()
    refuse_the_backups_folder(monkeypatch)
    with pytest.raises(storage_errors.StorageProblem) as blocked:
        backup.restore(good, paths.db_path())
    text = errors.storage_problem(blocked.value, paths.configured_data_dir(), command_line=True)
    assert str(paths.backup_place()) in text and "backups folder" in text
    assert "--data-dir" not in text and "data folder" not in text


def test_a_start_that_cannot_write_its_before_upgrade_copy_names_the_backups_folder(data_dir, monkeypatch):
    path = paths.db_path()
    paths.ensure_private_dir(path.parent)
    con = sqlite3.connect(path)
    for sql in migrations.schema_v1.SQL:
        con.execute(sql)
    con.execute("PRAGMA user_version = 1")
    con.execute("PRAGMA application_id = 1097233264")
    con.commit()
    con.close()
    refuse_the_backups_folder(monkeypatch)
    with pytest.raises(recovery.OpenBlocked) as blocked:
        recovery.open_checked(path, now=NOW)
    assert blocked.value.folder == paths.backup_place()
    text = errors.storage_problem(blocked.value, blocked.value.folder)
    assert str(paths.backup_place()) in text and "--data-dir" not in text


# --- another kind of file in the database's place (review of data safety, 4) -----------------

def test_a_text_file_in_place_of_the_database_is_told_as_not_a_database(data_dir):
    database = open_database()
    Person.create(name="Eerst")
    backup.daily_backup(database, keep=14, now=BACKUP_AT)
    close_database()
    path = paths.db_path()
    path.write_text("hello this is a word document\n")
    for suffix in ("-wal", "-shm"):  # what an earlier run that did not end cleanly left beside it
        path.with_name(path.name + suffix).write_bytes(b"")

    report = recovery.open_checked(path, now=NOW)

    assert report.kept_as.read_text() == "hello this is a word document\n"
    assert not [p for p in data_dir.iterdir() if p.name.startswith(report.kept_as.name + "-")]
    text = errors.recovered(report)
    assert "not an Afspraak database" in text and "power cut" not in text
    assert names() == {"Eerst"}


def test_a_log_with_something_in_it_stays_beside_a_text_file(data_dir):
    open_database()
    close_database()
    path = paths.db_path()
    path.write_text("hello\n")
    path.with_name(path.name + "-wal").write_bytes(b"x" * 100)
    report = recovery.open_checked(path, now=NOW)
    assert report.kept_as.with_name(report.kept_as.name + "-wal").read_bytes() == b"x" * 100


def test_a_damaged_index_loses_nothing_and_says_so(data_dir):
    """Only an index written over: every row reads, the indexes are built anew from them."""
    database = open_database()
    for i in range(200):
        Person.create(name=f"Mens {i}", notes="x" * 300)
    backup.daily_backup(database, keep=14, now=BACKUP_AT)
    Person.create(name="Na de back-up")
    close_database()
    path = paths.db_path()
    con = sqlite3.connect(path)
    [root] = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person_status'").fetchone()
    con.close()
    garble(path, root - 1)

    report = recovery.open_checked(path, now=NOW)

    assert report.salvaged is not None and report.salvaged.whole
    assert len(names()) == 201
    sound()
    assert "Nothing is missing." in errors.recovered(report)


def test_file_restore_into_a_read_only_backups_folder_names_that_folder(qtbot, data_dir, tmp_path, monkeypatch):
    from desktop.views import dialogs
    from tests.helpers import make_window

    database = open_database()
    Person.create(name="Eerst")
    good = backup.backup_now(database, out=tmp_path / "goed.sqlite3")
    refuse_the_backups_folder(monkeypatch)
    warned = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(good))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    window = make_window(qtbot, "en")
    window.restore_backup()
    assert len(warned) == 1 and str(paths.backup_place()) in warned[0] and "--data-dir" not in warned[0]
    assert names() == {"Eerst"}


@pytest.mark.parametrize("language, said", [
    ("en", "all products and some other data (such as settings)"),
    ("nl", "alle producten en een deel van de overige gegevens (zoals je instellingen)")])
def test_the_rest_of_her_data_that_could_not_be_read_reads_as_one_item(language, said):
    """The parts not named in her words come last as one item: "alle producten en sommige
    instellingen en andere gegevens" read as three."""
    out = salvage.Salvaged(Path("gered.sqlite3"), rows={"product": 0, "setting": 3},
                           unreadable={"product": [], "setting": [(4, None)]})
    i18n.set_language(language)
    assert errors.unreadable_parts(out) == said


@pytest.mark.parametrize("keeps", [True, False])
def test_the_salvage_question_promises_a_copy_only_when_one_can_be_kept(keeps):
    """Her file gone and the open data unreadable too (``opening.current_data_keepable``):
    the offer to salvage promises no copy of her current data."""
    text = backup_texts.salvage_question(Path("afspraak-damaged.sqlite3"), keeps=keeps)
    assert ("a copy of your current data is kept in the backups folder first" in text) == keeps
    assert ("Afspraak cannot make a copy of it first" in text) != keeps
    # the damaged file she chose and her own data file are told apart (review: "the file itself"
    # next to "your data file", both unnamed)
    assert ("the damaged file itself stays as it is" in text) and ("Your own data file" in text) != keeps


def test_a_salvage_restored_after_her_file_went_missing_says_nothing_was_kept():
    out = salvage.Salvaged(Path("gered.sqlite3"), rows={"product": 2})
    assert backup_texts.salvage_restored(out, None) == (
        "Everything in the file could still be read: it is now your data in Afspraak.")  # (a new folder)
    assert backup_texts.salvage_restored(out, None, gone=True) == (
        "Everything in the file could still be read: it is now your data in Afspraak. Your data file had already "
        "gone, so Afspraak could not keep a copy of it first. Anything you entered after this backup is no "
        "longer in Afspraak.")
