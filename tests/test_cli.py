import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import cli, i18n, paths
from desktop.store.db import close_database
from desktop.store.opening import open_database
from desktop.store.models import Person


def run_cli(*args):
    code = cli.main(list(args))
    close_database()
    return code


def test_demo_then_refuses_second_time(data_dir, capsys):
    assert run_cli("--lang", "en", "demo") == 0
    assert "Example shop created" in capsys.readouterr().out
    assert run_cli("--lang", "nl", "demo") == 1
    assert "alleen een lege" in capsys.readouterr().err


def test_data_dir_option(tmp_path, capsys):
    other = tmp_path / "elsewhere"
    assert run_cli("--data-dir", str(other), "demo") == 0
    assert (other / "afspraak.sqlite3").exists()


@pytest.mark.parametrize("language, said", [
    ("nl", "„{file}” is een bestand, geen map: Afspraak kan je gegevens daar niet bewaren. Kies met --data-dir "
           "een map (die nog niet hoeft te bestaan)."),
    ("en", "“{file}” is a file, not a folder: Afspraak cannot keep its data there. Choose a folder with --data-dir "
           "(it need not exist yet)."),
])
@pytest.mark.parametrize("below", [False, True])
@pytest.mark.parametrize("command", [["due"], ["gui", "--smoke-test"], ["demo"]])
def test_a_data_dir_that_is_a_file_is_told_in_one_line(tmp_path, capsys, language, said, below, command):
    """``--data-dir`` naming a file (or a folder under one) gave a traceback ending in
    FileExistsError (badinput #14)."""
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    asked = afile / "sub" if below else afile
    assert run_cli("--lang", language, "--data-dir", str(asked), *command) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == said.format(file=afile)
    assert "Traceback" not in captured.err + captured.out
    assert afile.read_text() == "not a folder"


def backup_then_more(tmp_path):
    """A backup holding "Eerste", then "Tweede" added after it: the backup's path."""
    open_database()
    Person.create(name="Eerste")
    close_database()
    out = tmp_path / "b.sqlite3"
    assert run_cli("backup", "--out", str(out)) == 0
    open_database()
    Person.create(name="Tweede")
    close_database()
    return out


def test_backup_and_restore_commands(data_dir, tmp_path, capsys):
    out = backup_then_more(tmp_path)
    assert run_cli("restore", str(out)) == 0
    open_database()
    assert [p.name for p in Person.select()] == ["Eerste"]


@pytest.mark.skipif(os.name != "posix", reason="the running app is found through a Unix socket here")
@pytest.mark.parametrize("language,words", [("nl", "Afspraak is open met deze gegevens"),
                                            ("en", "Afspraak is open with this data")])
@pytest.mark.parametrize("through_qt", [False, True])
def test_a_restore_while_afspraak_is_open_is_refused_and_brings_it_to_the_front(data_dir, tmp_path, capsys, language,
                                                                                words, through_qt, monkeypatch):
    """`afspraak restore` replaced the database file under an Afspraak running in the tray,
    whose next save then went to the replaced file or was lost. The running app is asked to
    show itself and the command refuses; nothing changes."""
    import socket
    import threading

    from desktop import instance_link

    from desktop import single_instance

    out = backup_then_more(tmp_path)
    if through_qt:  # as on Windows, where Python's socket cannot reach the running app's pipe
        # (both names: single_instance holds its own, bound when it was first imported, so
        # patching one only made the test pass or fail by the order the files ran in)
        monkeypatch.setattr(instance_link, "ask_running_to_show", lambda *_args: None)
        monkeypatch.setattr(single_instance, "UNIX_SOCKET", False)
    heard = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:  # the running app's listener
        server.bind(instance_link.server_name())
        server.listen(1)
        server.settimeout(10)  # a command that never asks fails the test, never hangs the run

        def answer():
            link, _address = server.accept()
            with link:
                heard.append(link.recv(16))

        listener = threading.Thread(target=answer, daemon=True)
        listener.start()
        try:
            assert run_cli("--lang", language, "restore", str(out)) == 1
        finally:
            listener.join(5)
            os.unlink(instance_link.server_name())
    assert heard == [instance_link.SHOW]
    assert words in capsys.readouterr().err
    open_database()
    assert sorted(p.name for p in Person.select()) == ["Eerste", "Tweede"]


@pytest.mark.parametrize("language,words", [("nl", "geen back-up van Afspraak"), ("en", "is not an Afspraak backup")])
def test_restore_refuses_text_file_and_changes_nothing(data_dir, tmp_path, capsys, language, words):
    open_database()
    Person.create(name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    bad = tmp_path / "not-a-db.txt"
    bad.write_text("hello")
    assert run_cli("--lang", language, "restore", str(bad)) == 1
    assert words in capsys.readouterr().err
    assert paths.db_path().read_bytes() == before
    assert run_cli("--lang", language, "restore", str(tmp_path / "missing.sqlite3")) == 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_refused_restore_says_why(data_dir, tmp_path, capsys, language):
    """A backup from a newer Afspraak, a damaged one, a folder, a missing file: each told
    for what it is (all were 'not an Afspraak backup' or 'does not exist'), nothing changed."""
    from desktop.store import backup
    from desktop.store.migrations import CURRENT_VERSION

    database = open_database()
    Person.create(name="Blijft")
    good = backup.backup_now(database, out=tmp_path / "goed.sqlite3")
    close_database()
    before = paths.db_path().read_bytes()
    newer = tmp_path / "nieuwer.sqlite3"
    newer.write_bytes(good.read_bytes())
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    con.close()
    damaged = tmp_path / "kapot.sqlite3"
    data = bytearray(good.read_bytes())
    for i in range(4096, len(data)):
        data[i] = (data[i] * 7 + 13) % 256
    damaged.write_bytes(bytes(data))
    folder = tmp_path / "map.sqlite3"
    folder.mkdir()
    said = {"nl": {newer: "nieuwere versie van Afspraak", damaged: "beschadigd", folder: "is een map",
                   tmp_path / "weg.sqlite3": "bestaat niet"},
            "en": {newer: "newer version of Afspraak", damaged: "damaged", folder: "is a folder",
                   tmp_path / "weg.sqlite3": "does not exist"}}[language]
    for file, words in said.items():
        assert run_cli("--lang", language, "restore", str(file)) == 1
        err = capsys.readouterr().err
        assert words in err and ("Er is niets veranderd." if language == "nl" else "Nothing was changed.") in err, err
        assert paths.db_path().read_bytes() == before


def test_python_m_desktop_help():
    result = subprocess.run([sys.executable, "-m", "desktop", "--lang", "en", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "demo" in result.stdout and "restore" in result.stdout


def test_gui_keeps_running_and_creates_database(tmp_path):
    # A Dutch system: on a "C" locale the very first start would ask the language first.
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(tmp_path / "gui"), QT_QPA_PLATFORM="offscreen", LANGUAGE="nl")
    proc = subprocess.Popen([sys.executable, "-m", "desktop"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db_file = tmp_path / "gui" / "afspraak.sqlite3"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not db_file.exists():
            time.sleep(0.2)
        time.sleep(1.5)
        assert proc.poll() is None, proc.stderr.read()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    con = sqlite3.connect(db_file)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert {"person", "event", "shipment", "custom_order"} <= tables


def test_smoke_test_flag(tmp_path):
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(tmp_path / "smoke"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "desktop", "gui", "--smoke-test"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "smoke-test: ok" in result.stdout


def test_import_command_prints_a_summary_and_reimports_without_duplicates(data_dir, capsys):
    from pathlib import Path

    from desktop.store.models import Product

    fixture = str(Path(__file__).parent / "data" / "shop" / "woo_variations.csv")
    assert run_cli("--lang", "en", "import", fixture) == 0
    out = capsys.readouterr().out
    assert "3 new products" in out and "2 rows skipped" in out and "line 8: Cadeauset" in out
    assert run_cli("--lang", "nl", "import", fixture) == 0
    assert "3 producten ongewijzigd" in capsys.readouterr().out
    open_database()
    assert Product.select().count() == 3


def test_import_command_refuses_a_bad_file_and_changes_nothing(data_dir, tmp_path, capsys):
    open_database()
    Person.create(name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    bad = tmp_path / "export.csv"
    bad.write_text("Handle,Title,Variant Price\nring,Ring,24.95\nketting,Ketting,twintig\n")
    assert run_cli("--lang", "en", "import", str(bad)) == 1
    err = capsys.readouterr().err
    assert "Line 3" in err and "twintig" in err and "Nothing was changed" in err
    assert paths.db_path().read_bytes() == before
    assert run_cli("--lang", "nl", "import", str(tmp_path / "missing.csv")) == 1
    assert "Er is niets veranderd" in capsys.readouterr().err


@pytest.mark.parametrize("language,missing,folder", [("nl", "het bestaat niet", "het is een map, geen bestand"),
                                                     ("en", "it does not exist", "it is a folder, not a file")])
def test_an_unreadable_import_file_is_told_in_her_language(data_dir, tmp_path, capsys, language, missing, folder):
    """The system's own reason was English inside a Dutch sentence ("kan niet worden
    gelezen: No such file or directory")."""
    assert run_cli("--lang", language, "import", str(tmp_path / "weg.csv")) == 1
    err = capsys.readouterr().err
    assert missing in err and "No such file" not in err, err
    assert run_cli("--lang", language, "import", str(tmp_path)) == 1
    err = capsys.readouterr().err
    assert folder in err and "Is a directory" not in err, err


# --- the command line's own words (argparse) in the chosen language ---------------------------

def stopped_with(capsys, code, *args):
    """What the command line printed when it stopped with ``code`` (argparse exits)."""
    with pytest.raises(SystemExit) as stopped:
        cli.main(list(args))
    assert stopped.value.code == code
    return capsys.readouterr()


def usage_error(capsys, *args) -> str:
    return stopped_with(capsys, 2, *args).err


@pytest.mark.parametrize("language,usage,required,choice", [
    ("nl", "gebruik: afspraak import [-h] [--lang {nl,en}] BESTAND", "afspraak import: fout: verplicht, maar niet "
     "opgegeven: BESTAND", "afspraak: fout: OPDRACHT: ongeldige keuze: 'frobnicate' (kies uit 'gui', 'demo', "),
    ("en", "usage: afspraak import [-h] [--lang {nl,en}] FILE", "afspraak import: error: the following arguments "
     "are required: FILE", "afspraak: error: argument COMMAND: invalid choice: 'frobnicate' (choose from 'gui', "
     "'demo', "),
])
def test_usage_errors_are_in_the_chosen_language(data_dir, capsys, language, usage, required, choice):
    err = usage_error(capsys, "--lang", language, "import")
    assert err.splitlines() == [usage, required]
    unknown = usage_error(capsys, "--lang", language, "due", "--morgen")
    assert unknown.splitlines()[-1] == {"nl": "afspraak: fout: onbekende argumenten: --morgen",
                                        "en": "afspraak: error: unrecognized arguments: --morgen"}[language]
    assert usage_error(capsys, "--lang", language, "frobnicate").splitlines()[-1].startswith(choice)


@pytest.mark.parametrize("language,words", [
    ("nl", ("opties:", "-h, --help", "deze hulp tonen en stoppen", "het versienummer tonen en stoppen")),
    ("en", ("options:", "-h, --help", "show this help message and exit", "show the version number and exit")),
])
def test_the_help_is_in_the_chosen_language(data_dir, capsys, language, words):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--lang", language, "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: afspraak" if language == "nl" else "usage: afspraak")
    assert all(w in out for w in words)


def test_argparse_keeps_its_own_words_outside_the_command_line(data_dir, capsys):
    import argparse

    own = argparse._
    usage_error(capsys, "--lang", "nl", "import")
    assert argparse._ is own


def test_every_argparse_text_in_the_catalogs_is_one_argparse_writes():
    """The texts are argparse's own, word for word: a Python whose argparse words them
    differently shows that here, not as English in the Dutch command line."""
    import argparse
    import inspect

    source = inspect.getsource(argparse)
    for text in [*cli.ARGPARSE_TEXTS, "expected %s argument", "expected %s arguments"]:
        assert repr(text) in source or f'"{text}"' in source, text
    i18n.set_language("nl")
    assert all(i18n.lookup(text) for text in cli.ARGPARSE_TEXTS)
    assert cli.argparse_plurals(2) == ["er horen %s waarden bij"]


def test_lang_is_also_taken_after_the_command(data_dir, capsys):
    fixture = str(Path(__file__).parent / "data" / "shop" / "woo_variations.csv")
    assert run_cli("import", fixture, "--lang", "en") == 0
    assert "new products" in capsys.readouterr().out
    assert run_cli("import", fixture, "--lang", "nl") == 0
    assert "producten ongewijzigd" in capsys.readouterr().out


def test_without_lang_the_saved_language_words_the_command_line(data_dir, capsys, monkeypatch):
    from desktop.store import settings

    open_database()
    settings.set("language", "en")
    close_database()
    monkeypatch.setattr(i18n, "system_language", lambda: "nl")
    assert usage_error(capsys, "import").splitlines()[-1] == (
        "afspraak import: error: the following arguments are required: FILE")
    settings_file = paths.configured_data_dir() / paths.DB_FILENAME
    settings_file.unlink()  # nothing saved: the system's language
    assert usage_error(capsys, "import").splitlines()[-1] == "afspraak import: fout: verplicht, maar niet opgegeven: BESTAND"
    assert not settings_file.exists()  # reading the setting created nothing


# --- another program holds the write lock (the window mid-write) -------------------------------

@pytest.fixture
def locked(data_dir, monkeypatch):
    """The database with one person, its write lock held by a second connection (the window
    in the middle of a write: BEGIN IMMEDIATE); SQLite's wait shortened from 5 s."""
    from desktop.store import db as store_db

    open_database()
    Person.create(name="Blijft", email="blijft@example.nl")
    close_database()
    monkeypatch.setitem(store_db.PRAGMAS, "busy_timeout", 200)
    other = sqlite3.connect(paths.db_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.rollback()
    other.close()


def assert_nothing_written(other):
    from desktop.store.models import Product, ShopOrder

    other.rollback()
    open_database()
    assert [(p.name, p.email) for p in Person.select()] == [("Blijft", "blijft@example.nl")]
    assert Product.select().count() == 0 and ShopOrder.select().count() == 0
    close_database()


@pytest.mark.parametrize("language,words", [
    ("nl", "Een ander programma schrijft op dit moment in je Afspraak-gegevens"),
    ("en", "Another program is writing to your Afspraak data right now"),
])
@pytest.mark.parametrize("command", [
    ["import", str(Path(__file__).parent / "data" / "shop" / "shopify_orders_nl.csv")],
    ["import", str(Path(__file__).parent / "data" / "shop" / "woo_variations.csv")],
    ["erase", "--person", "blijft@example.nl", "--yes"],
], ids=["orders", "products", "erase"])
def test_a_locked_database_is_told_in_one_line_and_nothing_is_written(locked, capsys, language, words, command):
    """It printed an English Python traceback ("peewee.OperationalError: database is locked")."""
    assert run_cli("--lang", language, *command) == 1
    out = capsys.readouterr()
    assert out.err.startswith(words) and len(out.err.strip().splitlines()) == 1, out.err
    assert "Traceback" not in out.err and "database is locked" not in out.err
    assert_nothing_written(locked)


def test_the_demo_on_a_locked_empty_database_is_told_too(data_dir, capsys, monkeypatch):
    from desktop.store import db as store_db
    from desktop.store.models import Product

    open_database()
    close_database()
    monkeypatch.setitem(store_db.PRAGMAS, "busy_timeout", 200)
    other = sqlite3.connect(paths.db_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert run_cli("--lang", "en", "demo") == 1
        err = capsys.readouterr().err
        assert err.startswith("Another program is writing to your Afspraak data right now"), err
    finally:
        other.rollback()
        other.close()
    open_database()
    assert Person.select().count() == 0 and Product.select().count() == 0


@pytest.mark.parametrize("language,words", [
    ("nl", "Een ander programma schrijft op dit moment in je Afspraak-gegevens"),
    ("en", "Another program is writing to your Afspraak data right now"),
])
def test_a_restore_over_a_database_another_program_is_writing_is_refused(locked, tmp_path, capsys, language, words):
    """It replaced the file (and removed its write-ahead log) under the other program's
    transaction: what that program was saving was lost."""
    from desktop.store import backup

    good = backup.backup_now(open_database(), out=tmp_path / "goed.sqlite3")
    close_database()
    locked.execute("UPDATE person SET name = 'Blijft, en net bewaard'")  # the other program's write
    assert run_cli("--lang", language, "restore", str(good)) == 1
    out = capsys.readouterr()
    assert out.err.startswith(words) and len(out.err.strip().splitlines()) == 1, out.err
    assert not out.out and not list(paths.backup_dir().glob("*before-restore*"))
    assert not list(paths.db_path().parent.glob("*.restore")), "a refused restore leaves no copy of the backup"
    locked.execute("COMMIT")
    open_database()
    assert [p.name for p in Person.select()] == ["Blijft, en net bewaard"]


# --- every argument of every command says what it is for ---------------------------------------

def help_of(capsys, *args) -> str:
    return stopped_with(capsys, 0, *args).out


@pytest.mark.parametrize("language,lines", [
    ("nl", ["De producten of de bestellingen importeren uit een export van WooCommerce, Shopify of Etsy (CSV).",
            "  BESTAND         het CSV-bestand dat je uit de webshop hebt geëxporteerd (producten of bestellingen, uit "
            "WooCommerce,"]),
    ("en", ["Import the products or the orders from a WooCommerce, Shopify or Etsy export (CSV).",
            "  FILE            the CSV file exported from the shop (products or orders, from WooCommerce, Shopify or "
            "Etsy); a file"]),
])
def test_the_import_commands_help_says_what_the_file_is(data_dir, capsys, language, lines, monkeypatch):
    """`afspraak import -h` listed BESTAND with nothing after it."""
    monkeypatch.setenv("COLUMNS", "120")
    out = help_of(capsys, "--lang", language, "import", "-h").splitlines()
    assert all(line in out for line in lines), out


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_argument_of_every_command_has_a_help_text(data_dir, language):
    import argparse

    i18n.set_language(language)
    with cli._argparse_in_language():
        parser = cli._parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        for action in command._actions:
            assert action.help, (name, action.dest)
            if language == "nl" and action.metavar:  # `due --at` said ISO-DATETIME in Dutch too
                assert action.metavar in {"BESTAND", "MAP", "OPDRACHT", "ID", "MOMENT"}, (name, action.metavar)
        assert command.description, name  # what `afspraak NAME -h` says first


@pytest.mark.parametrize("language, said", [
    ("en", "The backup could not be written: that is the file Afspraak keeps your data in"),
    ("nl", "De back-up kon niet worden opgeslagen: dat is het bestand waarin Afspraak je gegevens bewaart"),
])
def test_a_backup_over_the_database_itself_is_refused(data_dir, capsys, language, said):
    """`backup --out` naming the database file (or the File menu's dialog pointed at it)
    said "Backup written" while no copy existed: the data was replaced by itself."""
    assert run_cli("demo") == 0
    capsys.readouterr()
    before = paths.db_path().read_bytes()
    assert run_cli("--lang", language, "backup", "--out", str(paths.db_path())) == 1
    assert said in capsys.readouterr().err
    assert paths.db_path().read_bytes() == before
    assert not list(data_dir.glob("*.part"))


@pytest.mark.parametrize("language, said", [
    ("nl", "bestaat al, en het is geen {what}. Afspraak schrijft er niet overheen: kies een andere bestandsnaam. "
           "Er is niets opgeslagen."),
    ("en", "already exists and is not {what}. Afspraak does not overwrite it: choose another file name. "
           "Nothing was written."),
])
def test_out_never_writes_over_a_file_of_another_kind(data_dir, tmp_path, capsys, language, said):
    """Audit of 2026-12-05: `calendar --out export.csv` replaced her shop export with a
    calendar, `backup --out` and `export --out` as well, each saying it was written. A file
    of the kind the command writes (a backup, a calendar) is renewed; anything else is
    refused and left as it was."""
    assert run_cli("demo") == 0
    shop_export = tmp_path / "orders.csv"
    shop_export.write_text("Name,Email\n#1001,a@example.nl\n", encoding="utf-8")
    kinds = {"backup": {"nl": "back-up van Afspraak", "en": "an Afspraak backup"},
             "calendar": {"nl": "agendabestand", "en": "a calendar file"}}
    for command, what in kinds.items():
        capsys.readouterr()
        assert run_cli("--lang", language, command, "--out", str(shop_export)) == 1
        assert said.format(what=what[language]) in capsys.readouterr().err
        assert shop_export.read_text(encoding="utf-8") == "Name,Email\n#1001,a@example.nl\n"
    capsys.readouterr()
    assert run_cli("--lang", language, "export", "--person", "1", "--out", str(shop_export)) == 1
    assert ("bestaat al" if language == "nl" else "already exists") in capsys.readouterr().err
    assert shop_export.read_text(encoding="utf-8") == "Name,Email\n#1001,a@example.nl\n"
    # Its own kind is renewed: tomorrow's calendar and backup over today's.
    for command, name in (("calendar", "agenda.ics"), ("backup", "kopie.sqlite3")):
        target = tmp_path / name
        assert run_cli(command, "--out", str(target)) == 0
        assert run_cli(command, "--out", str(target)) == 0, capsys.readouterr().err
        if os.name == "posix":  # names and what they owe: hers only, the calendar as the backup
            assert stat.S_IMODE(target.stat().st_mode) == 0o600, command


def test_a_backup_into_a_folder_and_a_missing_workbook_are_named_for_what_they_are(data_dir, tmp_path, capsys):
    """Audit of 2026-12-05: `backup --out FOLDER` said "FOLDER.part is a folder" (a file that
    does not exist), and `import missing.xlsx` said it was a spreadsheet, not that it is missing."""
    assert run_cli("demo") == 0
    folder = tmp_path / "kopieen"
    folder.mkdir()
    capsys.readouterr()
    assert run_cli("--lang", "en", "backup", "--out", str(folder)) == 1
    err = capsys.readouterr().err
    assert f"“{folder}” is a folder: choose a file name in it" in err and ".part" not in err
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob("*.part"))
    assert run_cli("--lang", "en", "import", str(tmp_path / "missing.xlsx")) == 1
    err = capsys.readouterr().err
    assert "cannot be read" in err and "spreadsheet" not in err


class _RunningApp:
    """The running Afspraak's listener (its socket file), answering every command that asks;
    what each one sent is kept (b"": asked only whether it runs)."""

    def __init__(self):
        import socket
        import threading

        from desktop import instance_link

        self.heard: list[bytes] = []
        self.path = instance_link.server_name()
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(5)
        self.server.settimeout(0.2)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        import socket

        while not self.stopping.is_set():
            try:
                link, _address = self.server.accept()
            except socket.timeout:
                continue
            with link:
                link.settimeout(2)
                self.heard.append(link.recv(16))

    def asked(self) -> set[bytes]:
        """What the commands sent, once the listener has read it (each link is read after it closed)."""
        import time

        deadline = time.monotonic() + 10
        while not self.heard and time.monotonic() < deadline:
            time.sleep(0.02)
        return set(self.heard)

    def stop(self):
        self.stopping.set()
        self.thread.join(5)
        self.server.close()
        os.unlink(self.path)


@pytest.fixture
def running_app():
    app = _RunningApp()
    yield app
    app.stop()


def _damaged_shop() -> bytes:
    """A shop with a backup, then the page of its file that holds "Klant 150" damaged (one in
    the middle of the person table); the file's bytes."""
    from desktop.store import backup

    database = open_database()
    for i in range(300):
        Person.create(name=f"Klant {i}", notes="x" * 300)
    backup.daily_backup(database, keep=14)
    close_database()
    path = paths.db_path()
    data = path.read_bytes()
    # The table's page (her notes beside the name), not an index's that holds the name too.
    at = data.find(b"Klant 150")
    while at >= 0 and b"x" * 300 not in data[at // 4096 * 4096:(at // 4096 + 1) * 4096]:
        at = data.find(b"Klant 150", at + 1)
    page = at // 4096
    assert page > 0
    with open(path, "r+b") as fh:
        fh.seek(page * 4096)
        fh.write(b"\xa5\x5a" * 2048)
    return path.read_bytes()


@pytest.mark.skipif(os.name != "posix", reason="the running app is found through a Unix socket here")
@pytest.mark.parametrize("language, said", [
    ("nl", "Afspraak is open met deze gegevens, en het bestand waarin Afspraak ze bewaart is beschadigd."),
    ("en", "Afspraak is open with this data, and the file it keeps the data in is damaged."),
])
@pytest.mark.parametrize("command", [["due"], ["export", "--person", "1", "--out", "x.zip"], ["demo"]])
def test_a_command_while_afspraak_is_open_never_repairs_the_data_under_it(data_dir, tmp_path, capsys, running_app,
                                                                          monkeypatch, language, said, command):
    """Review of data safety, 2: a command run while the window was open repaired the damaged
    file from under it (moved aside, a backup put in its place); the window kept writing to
    the file moved aside, and her next change was lost without a word. The command now
    leaves the file to the window and says what to do; nothing is moved or written."""
    monkeypatch.chdir(tmp_path)
    before = _damaged_shop()
    assert run_cli("--lang", language, *command) == 1
    out = capsys.readouterr()
    assert out.err.startswith(said), out.err
    assert ("(Bestand → Afsluiten)" if language == "nl" else "(File → Quit)") in out.err
    assert out.err.rstrip().endswith("Er is niets veranderd." if language == "nl" else "Nothing was changed.")
    assert "Traceback" not in out.err and not out.out
    assert paths.db_path().read_bytes() == before
    assert not list(paths.data_dir().glob("afspraak-damaged-*")) and not (tmp_path / "x.zip").exists()
    assert running_app.asked() == {b""}  # asked, never brought to the front


@pytest.mark.skipif(os.name != "posix", reason="the running app is found through a Unix socket here")
def test_damage_a_query_meets_while_afspraak_is_open_is_not_repaired_either(data_dir, tmp_path, capsys, running_app,
                                                                            monkeypatch):
    """The check at open saw nothing (a page damaged right after it): the query that meets it
    does not start the repair under the window either."""
    from desktop.store import recovery

    before = _damaged_shop()
    monkeypatch.setattr(recovery, "diagnose", lambda path, full=True, thorough=False: None)
    out = tmp_path / "agenda.ics"
    assert run_cli("--lang", "en", "export", "--person", "Klant 150", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "the file it keeps the data in is damaged" in err and "Traceback" not in err, err
    assert paths.db_path().read_bytes() == before and not list(paths.data_dir().glob("afspraak-damaged-*"))


@pytest.mark.skipif(os.name != "posix", reason="the running app is found through a Unix socket here")
def test_a_command_while_afspraak_is_open_on_sound_data_works_as_always(data_dir, tmp_path, capsys, running_app):
    open_database()
    Person.create(name="Eva", email="eva@example.nl")
    close_database()
    assert run_cli("--lang", "en", "export", "--person", "Eva", "--out", str(tmp_path / "eva.zip")) == 0
    assert (tmp_path / "eva.zip").is_file() and running_app.asked() == {b""}
    paths.db_path().unlink()  # gone while the window has it open (a sync program): left to the window
    assert run_cli("--lang", "nl", "due") == 1
    err = capsys.readouterr().err
    assert err.startswith("Afspraak is open met deze gegevens, maar het bestand waarin Afspraak ze bewaart is weg")
    assert not paths.db_path().exists()


def test_a_damaged_file_is_still_repaired_when_afspraak_is_not_open(data_dir, capsys):
    _damaged_shop()
    assert run_cli("--lang", "en", "due") == 0
    assert len(list(paths.data_dir().glob("afspraak-damaged-*.sqlite3"))) == 1
    assert "damaged" in capsys.readouterr().err
