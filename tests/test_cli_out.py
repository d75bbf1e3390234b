"""What the command line writes and prints, for the places and names a real shop owner gives
it (cli sweep of 2026-12-06).

Before: `backup --out`, `calendar --out` and `export --out` turned a named pipe into a file,
replaced a device (as root, `--out /dev/null` replaced the system's own), and replaced a
symbolic link by a file: one pointing nowhere silently became a file, one to a file left
that file as it was under a link that no longer was one. A leftover ``.part`` that was a link
had the export or calendar written into whatever it pointed to. `afspraak due | head -1`
(and every command printing more than the reader took) ended in a BrokenPipeError
traceback. A file name whose bytes are not UTF-8 (b"caf\\xe9.csv") printed as
"caf\\udce9.csv", or ended in a UnicodeEncodeError: when printed, and when an import stored
it in its timeline event. A name too long for the system ended `restore`, `backup --out`,
`calendar --out` and `export --out` in a traceback, and `import` said "File name too long"
inside a Dutch sentence.
"""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli, i18n, paths
from desktop.presentation import calendar_export, errors
from desktop.store import backup, incoming, outgoing
from desktop.store.db import close_database
from desktop.store.models import Event, Person, ShopOrder

from .conftest import NOW, OWNER_ZONE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pipes, sockets and byte names are POSIX")

SHOP = Path(__file__).parent / "data" / "shop"
ENGLISH = ("Is a directory", "File exists", "No such file", "Not a directory", "Permission denied",
           "Read-only", "No space left", "Input/output", "File too large", "File name too long")
NOTHING = {"nl": "Er is niets opgeslagen.", "en": "Nothing was written."}


def run_cli(*args) -> int:
    code = cli.main(list(args))
    close_database()
    return code


@pytest.fixture
def shop(data_dir, capsys):
    assert run_cli("demo") == 0
    capsys.readouterr()
    return data_dir


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
    return path


def _commands(out: Path) -> list[list[str]]:
    return [["backup", "--out", str(out)], ["calendar", "--out", str(out)],
            ["export", "--person", "1", "--out", str(out)]]


@pytest.mark.parametrize("language, said", [
    ("nl", "is geen gewoon bestand maar een speciaal bestand van het systeem (een pipe of een apparaat): kies een "
           "andere bestandsnaam. Er is niets opgeslagen."),
    ("en", "is not an ordinary file but a pipe or a device of the system: choose another file name. Nothing was "
           "written."),
])
@pytest.mark.parametrize("make", [_fifo, _socket], ids=["named pipe", "socket"])
def test_out_is_never_a_pipe_or_a_device_turned_into_a_file(shop, tmp_path, capsys, language, said, make):
    special = make(tmp_path / "uit.bin")
    kind = os.lstat(special).st_mode
    for command in _commands(special):
        assert run_cli("--lang", language, *command) == 1, command
        err = capsys.readouterr().err
        assert f"“{special}”" in err or f"„{special}”" in err, err
        assert said in err and not [e for e in ENGLISH if e in err], err
        assert os.lstat(special).st_mode == kind, command  # still the pipe (the socket) it was
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "uit.bin"], command  # no .part


def test_a_device_is_refused_as_a_place_to_write(tmp_path):
    """Only looked at (lstat): a test that wrote to /dev/null as root could replace it."""
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    with pytest.raises(incoming.NotAPlainFile):
        outgoing.existing("/dev/null")
    i18n.set_language("nl")
    assert errors.unwritable(incoming.NotAPlainFile("/dev/null")) == (
        "„/dev/null” is geen gewoon bestand maar een speciaal bestand van het systeem (een pipe of een apparaat): "
        "kies een andere bestandsnaam")


@pytest.mark.parametrize("language, said", [
    ("nl", "is een snelkoppeling naar „{target}”: Afspraak slaat niets op via een snelkoppeling. Geef de naam van "
           "het bestand zelf, of een andere naam. Er is niets opgeslagen."),
    ("en", "is a link to “{target}”: Afspraak does not save through a link. Give the name of the file itself, or "
           "another name. Nothing was written."),
])
def test_out_is_never_a_link_replaced_by_a_file(shop, tmp_path, capsys, language, said):
    """A link to a file of the right kind too: renamed over, the link became a file and the
    file it pointed to (a stick's backup, say) stayed as old as it was."""
    kept = tmp_path / "bewaard"
    kept.mkdir()
    assert run_cli("backup", "--out", str(kept / "kopie.sqlite3")) == 0
    assert run_cli("calendar", "--out", str(kept / "agenda.ics")) == 0
    (kept / "lijst.txt").write_text("belangrijk", encoding="utf-8")
    capsys.readouterr()
    before = {p.name: p.read_bytes() for p in kept.iterdir()}
    links = {"nowhere.out": tmp_path / "nergens" / "x.out", "text.out": kept / "lijst.txt",
             "backup.sqlite3": kept / "kopie.sqlite3", "calendar.ics": kept / "agenda.ics"}
    for name, target in links.items():
        (tmp_path / name).symlink_to(target)
    for name, target in links.items():
        for command in _commands(tmp_path / name):
            assert run_cli("--lang", language, *command) == 1, command
            err = capsys.readouterr().err
            assert said.format(target=target) in err, (command, err)
            assert (tmp_path / name).is_symlink() and os.readlink(tmp_path / name) == str(target), command
    assert not (tmp_path / "nergens").exists()
    assert {p.name: p.read_bytes() for p in kept.iterdir()} == before
    assert not list(tmp_path.glob("*.part"))


def test_a_folder_given_as_out_says_nothing_was_written(shop, tmp_path, capsys):
    folder = tmp_path / "map"
    folder.mkdir()
    for command in _commands(folder):
        assert run_cli("--lang", "nl", *command) == 1
        assert capsys.readouterr().err.strip().endswith("„" + str(folder) + "” is een map: kies daarin een "
                                                        "bestandsnaam. Er is niets opgeslagen.")


@pytest.mark.parametrize("write", ["export", "calendar"])
def test_a_leftover_part_that_is_a_link_is_not_written_through(shop, tmp_path, capsys, write):
    """`<out>.part` a link (left there, or put there): the export or the calendar was written
    into the file it pointed to, and the link then renamed into place."""
    precious = tmp_path / "belangrijk.txt"
    precious.write_text("niet overschrijven", encoding="utf-8")
    out = tmp_path / ("eva.zip" if write == "export" else "agenda.ics")
    out.with_name(out.name + ".part").symlink_to(precious)
    command = ["export", "--person", "1", "--out", str(out)] if write == "export" else ["calendar", "--out", str(out)]
    assert run_cli(*command) == 0, capsys.readouterr().err
    assert precious.read_text(encoding="utf-8") == "niet overschrijven"
    assert out.is_file() and not out.is_symlink() and not out.with_name(out.name + ".part").exists()
    assert out.read_bytes()[:2] == (b"PK" if write == "export" else b"BE")


def test_a_pipe_put_in_place_while_the_file_is_written_is_not_replaced(database, tmp_path, monkeypatch):
    """The check before writing, then once more right before the rename."""
    (tmp_path / "uit").mkdir()
    out = tmp_path / "uit" / "agenda.ics"
    real = os.fsync

    def pipe_meanwhile(fd):
        real(fd)
        if not out.exists():
            os.mkfifo(out)

    monkeypatch.setattr(outgoing.os, "fsync", pipe_meanwhile)
    with pytest.raises(incoming.NotAPlainFile):
        calendar_export.write_calendar(out, NOW)
    assert not out.is_file() and os.path.exists(out) and list(out.parent.iterdir()) == [out]


def test_a_backup_copy_does_not_replace_a_pipe_put_in_its_place(database, tmp_path, monkeypatch):
    (tmp_path / "uit").mkdir()
    out = tmp_path / "uit" / "kopie.sqlite3"
    real = backup.paths.make_private_file

    def pipe_meanwhile(path):
        real(path)
        os.mkfifo(out)

    monkeypatch.setattr(backup.paths, "make_private_file", pipe_meanwhile)
    with pytest.raises(incoming.NotAPlainFile):
        backup.backup_open(out=out)
    assert not out.is_file() and list(out.parent.iterdir()) == [out]


def test_a_linked_database_is_still_copied_and_restored(data_dir, tmp_path):
    """The data folder's own files may be links (the owner's sync folder): only a place she
    names for a copy is refused as one."""
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    source = elsewhere / "afspraak.sqlite3"
    from desktop.store.opening import open_database

    open_database()
    Person.create(name="Eva")
    copy = backup.backup_open(out=tmp_path / "kopie.sqlite3")
    close_database()
    assert outgoing.existing(copy) is True
    (data_dir / "afspraak.sqlite3").rename(source)
    (data_dir / "afspraak.sqlite3").symlink_to(source)
    backup.restore(copy, data_dir / "afspraak.sqlite3")  # copied over what the link points to: no refusal
    assert (data_dir / "afspraak.sqlite3").is_file()


# --- a reader that stops early --------------------------------------------------------------


def _run_with_reader_gone(*args: str, data: Path, unbuffered: bool = False) -> subprocess.CompletedProcess:
    """Run `afspraak ARGS` with its output into a pipe nobody reads any more (as `| head -1`
    after its first line): every write to it fails. ``unbuffered``: each print is written at
    once (PYTHONUNBUFFERED), else when Python's buffer is full or flushed, as in her shell."""
    read, write = os.pipe()
    os.close(read)
    try:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        env.update(AFSPRAAK_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS="disabled:")
        if unbuffered:
            env["PYTHONUNBUFFERED"] = "1"
        return subprocess.run([sys.executable, "-m", "desktop", *args], stdout=write, stderr=subprocess.PIPE,
                              env=env, timeout=120)
    finally:
        os.close(write)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("args", [("due", "--at", "2026-11-23T10:00"), ("due", "--json", "--at", "2026-11-23T10:00"),
                                  ("--lang", "en", "--help")], ids=["due", "due --json", "--help"])
def test_a_reader_that_stops_early_gets_no_traceback(shop, args, unbuffered):
    result = _run_with_reader_gone(*args, data=shop, unbuffered=unbuffered)
    assert result.stderr == b"", result.stderr.decode(errors="replace")
    # (argparse itself lets its help go unsaid when it cannot be written at once)
    assert result.returncode == (0 if unbuffered and "--help" in args else 1)


def test_an_import_whose_reader_stopped_early_is_kept_whole(shop, tmp_path):
    """The import was committed whole before it printed its summary: no traceback, and every
    order of the file is in (a second import finds them all unchanged)."""
    export = SHOP / "shopify_orders_nl.csv"
    result = _run_with_reader_gone("--lang", "en", "import", str(export), data=shop, unbuffered=True)
    assert result.stderr == b"" and result.returncode == 1, result.stderr.decode(errors="replace")
    from desktop.store.opening import open_database

    open_database()
    stored = ShopOrder.select().count()
    assert stored > 0 and Event.select().where(Event.fact == "orders_imported").count() == 1
    close_database()
    again = subprocess.run([sys.executable, "-m", "desktop", "--lang", "en", "import", str(export)],
                           capture_output=True, text=True, timeout=120,
                           env=dict(os.environ, AFSPRAAK_DATA_DIR=str(shop)))
    assert again.returncode == 0 and f"{stored} orders unchanged" in again.stdout, again.stdout + again.stderr


# --- names that are not UTF-8 -------------------------------------------------------------


def _byte_name(folder: Path, name: bytes) -> Path:
    return Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))


def test_a_backup_to_a_name_that_is_not_utf8_is_told_readably(shop, tmp_path, capsys):
    out = _byte_name(tmp_path, b"caf\xe9.sqlite3")
    assert run_cli("--lang", "nl", "backup", "--out", str(out)) == 0
    said = capsys.readouterr().out
    assert "caf\ufffd.sqlite3" in said and "\\udc" not in said
    assert os.fsencode(out) in [os.fsencode(p) for p in tmp_path.iterdir()]


def test_an_import_of_a_file_named_in_other_bytes_is_stored_and_told_readably(data_dir, tmp_path, capsys):
    """Stored in the import's timeline event: SQLite refused the name with a traceback, and the
    whole import was taken back."""
    source = _byte_name(tmp_path, b"bestelling\xe9.csv")
    source.write_bytes((SHOP / "shopify_orders_nl.csv").read_bytes())
    assert run_cli("--lang", "en", "import", str(source)) == 0, capsys.readouterr().err
    from desktop.store.opening import open_database

    open_database()
    event = Event.get(Event.fact == "orders_imported")
    assert event.params["file"] == "bestelling\ufffd.csv"
    assert ShopOrder.select().count() > 0


@pytest.mark.parametrize("command, said", [
    (["import", "ontbreekt\udce9.csv"], "„ontbreekt\ufffd.csv” kan niet worden gelezen: het bestaat niet."),
    (["restore", "ontbreekt\udce9.sqlite3"], "„ontbreekt\ufffd.sqlite3” bestaat niet."),
    (["calendar", "--out", "nieuw\udce9/agenda.ics"], "de map „nieuw\ufffd” bestaat niet. Er is niets opgeslagen."),
    (["export", "--person", "\udce9", "--out", "eva.zip"], "Niemand heet „\ufffd” of heeft dat e-mailadres."),
])
def test_a_message_naming_a_name_that_is_not_utf8_reads(shop, tmp_path, monkeypatch, capsys, command, said):
    monkeypatch.chdir(tmp_path)
    assert run_cli("--lang", "nl", *command) == 1
    assert said in capsys.readouterr().err


# --- the system's words -------------------------------------------------------------------


@pytest.mark.parametrize("language, reading, writing", [
    ("nl", "de bestandsnaam is te lang", "de bestandsnaam is te lang. Er is niets opgeslagen."),
    ("en", "the file name is too long", "the file name is too long. Nothing was written."),
])
def test_a_name_too_long_is_told_in_her_language_not_in_a_traceback(shop, tmp_path, capsys, language, reading,
                                                                    writing):
    long = tmp_path / ("a" * 300)
    for command in (["import", f"{long}.csv"], ["import", f"{long}.xlsx"], ["restore", f"{long}.sqlite3"]):
        assert run_cli("--lang", language, *command) == 1, command
        err = capsys.readouterr().err
        assert reading in err and ("Er is niets veranderd." if language == "nl" else "Nothing was changed.") in err
        assert not [e for e in ENGLISH if e in err], err
    for command in _commands(Path(f"{long}.out")):
        assert run_cli("--lang", language, *command) == 1, command
        err = capsys.readouterr().err
        assert writing in err and not [e for e in ENGLISH if e in err], err


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_file_that_cannot_be_read_is_told_in_her_words(language):
    i18n.set_language(language)
    for code, words in ((errno.ENAMETOOLONG, {"nl": "de bestandsnaam is te lang", "en": "the file name is too long"}),
                        (errno.EIO, {"nl": "de schijf meldde een fout", "en": "the disk reported an error"})):
        assert errors.unreadable(OSError(code, os.strerror(code), "x.csv")) == words[language]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_write_failure_says_nothing_was_written(shop, tmp_path, capsys, monkeypatch, language):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outgoing.os, "fsync", full)
    out = tmp_path / "agenda.ics"
    assert run_cli("--lang", language, "calendar", "--out", str(out)) == 1
    assert capsys.readouterr().err.strip() == {
        "nl": "Het bestand kon niet worden opgeslagen: de schijf is vol. Er is niets opgeslagen.",
        "en": "The file could not be written: the disk is full. Nothing was written."}[language]
    assert list(tmp_path.iterdir()) == [shop]


# --- a data folder that cannot be looked at, a terminal that is not UTF-8 -------------------


@pytest.mark.parametrize("language, said", [
    ("nl", "Afspraak kan zijn gegevens niet bewaren in"),
    ("en", "Afspraak cannot keep its data in"),
])
def test_a_data_folder_name_too_long_is_told_before_anything_is_opened(tmp_path, capsys, language, said):
    """Was a traceback ending in "OSError: [Errno 36] File name too long" (settings peeked at
    with the name, then the folder looked at)."""
    folder = tmp_path / ("a" * 300) / "afspraak"
    for command in (["due"], ["backup"], ["gui", "--smoke-test"]):
        assert run_cli("--lang", language, "--data-dir", str(folder), *command) == 1
        err = capsys.readouterr().err
        assert said in err and "--data-dir" in err and "Traceback" not in err, err
        assert not any(english in err for english in ENGLISH), err
    assert list(tmp_path.iterdir()) == []  # nothing made


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_terminal_that_cannot_show_quotes_gets_plain_ones(shop, encoding):
    """Our „ ” and ‘…’: on an ISO-8859-1 terminal `due` ended in a UnicodeEncodeError on
    stdout, and an error on stderr showed "\\u201e".

    The command runs on the owner's machine, in the zone the demo shop was made in: `--at`
    without a zone is her local time, and under the runner's own zone (Asia/Tokyo) 10:00 fell
    before the demo's moment, with no step due yet."""
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(shop), PYTHONIOENCODING=encoding, TZ=OWNER_ZONE.key)
    due = subprocess.run([sys.executable, "-m", "desktop", "--lang", "nl", "due", "--at", "2026-11-23T10:00"],
                         capture_output=True, env=env, timeout=120)
    assert due.returncode == 0 and b"Traceback" not in due.stderr, due.stderr.decode(errors="replace")
    shown = due.stdout.decode(encoding)
    assert "Stap" in shown and "\\u" not in shown
    missing = subprocess.run([sys.executable, "-m", "desktop", "--lang", "nl", "import", str(shop / "nergens.csv")],
                             capture_output=True, env=env, timeout=120)
    assert missing.returncode == 1
    said = missing.stderr.decode(encoding)
    assert said.startswith('"') and "nergens.csv\" kan niet worden gelezen" in said and "\\u" not in said, said


@pytest.mark.parametrize("language, said", [
    ("nl", "de map „{folder}” bestaat niet. Er is niets opgeslagen."),
    ("en", "the folder “{folder}” does not exist. Nothing was written."),
])
def test_a_folder_that_is_not_there_is_said_by_backup_calendar_and_export_alike(shop, tmp_path, capsys,
                                                                                language, said):
    """`calendar --out` refused a folder that is not there, while `backup --out` and `export
    --out` made it without a word: a typing error in the name ("Bureaublad/Afspraak-kopie")
    put the copy in a new folder she never looks in, and a USB stick that is not plugged in
    got its backup on the laptop, in the folder the stick is mounted on. All three refuse
    now, and make no folder."""
    missing = tmp_path / "stick" / "afspraak"
    for command in _commands(missing / "kopie.out"):
        assert run_cli("--lang", language, *command) == 1, command
        err = capsys.readouterr().err
        assert err.strip().endswith(said.format(folder=missing)), (command, err)
        assert not (tmp_path / "stick").exists(), command
    (tmp_path / "stick").mkdir()  # plugged in: the same commands write
    missing.mkdir()
    for command, name in zip(_commands(missing / "kopie.out"), ("kopie.sqlite3", "agenda.ics", "eva.zip")):
        out = missing / name
        assert run_cli("--lang", language, *command[:-1], str(out)) == 0, capsys.readouterr().err
        assert out.is_file()


# --- a folder without her data ----------------------------------------------------------


@pytest.mark.parametrize("language, said", [
    ("nl", "In „{folder}” staan geen gegevens van Afspraak. Kijk de naam van de map na (--data-dir), of start "
           "Afspraak één keer om daar te beginnen. Er is niets veranderd."),
    ("en", "There is no Afspraak data in “{folder}”. Check the folder's name (--data-dir), or start Afspraak "
           "once to begin there. Nothing was changed."),
])
@pytest.mark.parametrize("made", [False, True], ids=["no folder", "an empty folder"])
def test_a_command_that_reads_her_data_refuses_a_folder_without_any(tmp_path, capsys, language, said, made):
    """Review of a first week: `--data-dir` mistyped (or a drive not plugged in) made a new
    empty database there, and `due` said "Nothing is due" with exit code 0 while her real
    reminders piled up; `backup` wrote a backup of the empty one. Now each command that reads
    or copies her data says there is none there, and makes nothing (no folder, no log)."""
    folder = tmp_path / "typo" / "afspraak-data"
    if made:
        folder.mkdir(parents=True)
    out = tmp_path / "uit.out"
    for command in (["due"], ["erase", "--person", "Eva", "--yes"], *_commands(out)):
        assert run_cli("--lang", language, "--data-dir", str(folder), *command) == 1, command
        err = capsys.readouterr().err
        assert err.strip() == said.format(folder=folder), err
    assert not out.exists()
    assert list(folder.iterdir()) == [] if made else not (tmp_path / "typo").exists()


def test_a_folder_whose_database_went_but_whose_backups_are_there_is_still_put_back(shop, capsys):
    """The refusal is for a folder without her data: one whose file went missing but whose
    automatic backups are there is hers, and `due` puts the newest backup back as before."""
    from desktop.store.db import db

    assert run_cli("backup") == 0
    close_database()
    paths.db_path().unlink()
    assert run_cli("--lang", "en", "due") == 0
    assert Person.select().count() > 0 and db.obj is not None
    assert "Afspraak's database file was missing" in capsys.readouterr().err
