"""`afspraak restore --salvage FILE`: what can still be read of a damaged file, from the command
line (review of the start, 2026-12-06, 2).

Before: `afspraak restore` refused a damaged file and sent her to the window's File → Restore,
the only place that salvaged one. Now the command does what that menu does (store/backup.py
``restore_salvaged``), with the command's own guards: not while Afspraak's window has the
data open, a copy of the current data kept first, nothing changed on a file that is missing,
not a database, or of which nothing can be read; it prints how far the salvage is.

The damaged files are made as in tests/test_salvage.py (one page written over, Afspraak closed).
"""

from __future__ import annotations

import os
import socket
import threading

import pytest

from desktop import cli, paths
from desktop.store.db import close_database
from desktop.store.opening import open_database
from tests.test_salvage import PAGE, garble, kept_damaged_file, names, shop
from tests.test_salvage_progress import tables_of

NOTHING_CHANGED = {"nl": "Er is niets veranderd.", "en": "Nothing was changed."}


def run_cli(*args):
    code = cli.main(list(args))
    close_database()
    return code


def copies_before_restore() -> list:
    return sorted(paths.backup_dir().glob("*before-restore*"))


@pytest.mark.parametrize("language, said", [
    ("nl", "Wat nog uit het bestand te lezen was, zijn nu je gegevens in Afspraak. Niet meer te lezen: een deel "
           "van de tijdlijn (notities, berichten en geschiedenis)."),
    ("en", "What could still be read from the file is now your data in Afspraak. Could not be read: part of the "
           "timeline (notes, messages and history)."),
])
def test_restore_salvage_puts_what_can_be_read_in_place(data_dir, capsys, language, said):
    kept = kept_damaged_file()
    before = kept.read_bytes()
    capsys.readouterr()

    assert run_cli("--lang", language, "restore", "--salvage", str(kept)) == 0

    out = capsys.readouterr()
    assert out.out.startswith(said) and str(copies_before_restore()[0]) in out.out
    assert kept.read_bytes() == before  # only read
    assert len(copies_before_restore()) == 1  # her data of before, kept first
    open_database()
    assert len(names()) == 220
    assert "Traceback" not in out.err


def test_restore_salvage_prints_a_line_per_table_and_per_step(data_dir, capsys):
    kept = kept_damaged_file()
    tables = tables_of(kept)
    capsys.readouterr()

    assert run_cli("--lang", "en", "restore", "--salvage", str(kept)) == 0

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"Rescuing the damaged database… (people, 1 of {len(tables)} tables)"
    assert f"Rescuing the damaged database… (timeline, {tables.index('event') + 1} of {len(tables)} tables)" in lines
    assert len(lines) == len(tables) + 2  # a line per table, no line per batch of rows
    assert lines[-2:] == ["Rescuing the damaged database… (putting it all back together)",
                          "Rescuing the damaged database… (checking the result)"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_restore_without_salvage_names_the_option_and_changes_nothing(data_dir, capsys, language):
    kept = kept_damaged_file()
    before = paths.db_path().read_bytes()

    assert run_cli("--lang", language, "restore", str(kept)) == 1

    err = capsys.readouterr().err
    assert f"afspraak restore --salvage {kept}" in err and NOTHING_CHANGED[language] in err
    assert "File → Restore" not in err and "Bestand → Back-up terugzetten" not in err  # (the window's way)
    assert paths.db_path().read_bytes() == before and not copies_before_restore()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_restore_salvage_of_bad_input_changes_nothing(data_dir, tmp_path, capsys, language):
    open_database()
    from desktop.store.models import Person

    Person.create(name="Blijft")
    close_database()
    before = paths.db_path().read_bytes()
    text = tmp_path / "notities.txt"
    text.write_text("hello")
    folder = tmp_path / "map.sqlite3"
    folder.mkdir()
    said = {"nl": {tmp_path / "weg.sqlite3": "bestaat niet", text: "geen back-up van Afspraak", folder: "is een map"},
            "en": {tmp_path / "weg.sqlite3": "does not exist", text: "is not an Afspraak backup",
                   folder: "is a folder"}}[language]
    for file, words in said.items():
        assert run_cli("--lang", language, "restore", "--salvage", str(file)) == 1
        err = capsys.readouterr().err
        assert words in err and NOTHING_CHANGED[language] in err, err
        assert "Traceback" not in err
        assert paths.db_path().read_bytes() == before and not copies_before_restore()


@pytest.mark.parametrize("language, said", [("nl", "Er is niets meer uit te lezen"),
                                            ("en", "Nothing in it can be read any more")])
def test_restore_salvage_of_a_file_nothing_can_be_read_of_changes_nothing(data_dir, capsys, language, said):
    """Every page of the people and the timeline written over: no salvage is whole."""
    shop(after_backup=False)
    path = paths.db_path()
    kept = path.with_name("afspraak-damaged-20261123-093000.sqlite3")
    path.rename(kept)
    for page in range(1, kept.stat().st_size // PAGE):
        garble(kept, page)
    open_database().close()
    close_database()
    before = paths.db_path().read_bytes()

    assert run_cli("--lang", language, "restore", "--salvage", str(kept)) == 1

    err = capsys.readouterr().err
    assert said in err and NOTHING_CHANGED[language] in err, err
    assert paths.db_path().read_bytes() == before and not copies_before_restore()
    assert not list(paths.db_path().parent.glob("*.restore*")), "no copy left beside her data"


@pytest.mark.skipif(os.name != "posix", reason="the running app is found through a Unix socket here")
def test_restore_salvage_while_afspraak_is_open_is_refused(data_dir, capsys):
    from desktop import instance_link

    kept = kept_damaged_file()
    before = paths.db_path().read_bytes()
    heard = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:  # the running app's listener
        server.bind(instance_link.server_name())
        server.listen(1)
        server.settimeout(10)

        def answer():
            link, _address = server.accept()
            with link:
                heard.append(link.recv(16))

        listener = threading.Thread(target=answer, daemon=True)
        listener.start()
        try:
            assert run_cli("--lang", "en", "restore", "--salvage", str(kept)) == 1
        finally:
            listener.join(5)
            os.unlink(instance_link.server_name())
    assert heard == [instance_link.SHOW]
    out = capsys.readouterr()
    assert "Afspraak is open with this data" in out.err and "Rescuing" not in out.err
    assert paths.db_path().read_bytes() == before and not copies_before_restore()


@pytest.mark.parametrize("salvage", [False, True], ids=["restore", "restore --salvage"])
def test_a_restore_into_a_folder_without_data_names_no_kept_copy(data_dir, tmp_path, capsys, salvage):
    """Review of this session's changes, 2: a restore into a new folder (her backup on a new
    computer) said "Your previous data was kept in …/afspraak-…-before-restore.sqlite3", a file
    that was never written (there was nothing to keep). Now it names none, and none is made."""
    if salvage:
        source = kept_damaged_file()
    else:
        open_database()
        from desktop.store import backup
        from desktop.store.db import db

        source = backup.backup_now(db.obj, out=tmp_path / "kopie.sqlite3")
        close_database()
    new = tmp_path / "nieuwe-computer"
    capsys.readouterr()
    args = ["restore", "--salvage", str(source)] if salvage else ["restore", str(source)]
    assert run_cli("--lang", "en", "--data-dir", str(new), *args) == 0
    out = capsys.readouterr().out
    assert "kept in" not in out and "before-restore" not in out, out
    assert out.strip() == "Backup restored." or out.startswith("What could still be read"), out
    assert not list(new.glob("backups/*before-restore*"))
    assert (new / paths.DB_FILENAME).is_file()
