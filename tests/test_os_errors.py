"""A file that cannot be saved or read is told in the owner's language: the system's own
text ("Is a directory", "File exists", "No such file or directory", "Permission denied")
is English whatever her language, and appeared inside the Dutch messages of the backup,
the calendar, the CSV and privacy exports and the pictures (CLI and window)."""

from __future__ import annotations

import errno
import os

import pytest

from desktop import cli, i18n
from desktop.presentation import errors
from desktop.store import pictures
from desktop.store.db import close_database
from desktop.store.models import Person
from desktop.store.opening import open_database

ENGLISH = ("Is a directory", "File exists", "No such file", "Not a directory", "Permission denied",
           "Read-only", "No space left", "Input/output", "File too large")


def english_in(text: str) -> list[str]:
    return [e for e in ENGLISH if e in text]


def failure(action) -> OSError:
    try:
        action()
    except OSError as exc:
        return exc
    raise AssertionError("no OSError")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_common_system_errors_are_worded_in_the_owners_language(tmp_path, language):
    i18n.set_language(language)
    folder = tmp_path / "map"
    folder.mkdir()
    plain = tmp_path / "gewoon-bestand"
    plain.write_text("x")
    cases = {
        "a folder as the file": (failure(lambda: open(folder, "w")), str(folder),
                                 {"nl": "is een map", "en": "is a folder"}),
        "a missing folder": (failure(lambda: open(tmp_path / "weg" / "a.ics", "w")), str(tmp_path / "weg"),
                             {"nl": "bestaat niet", "en": "does not exist"}),
        "a file where a folder is needed": (failure(lambda: (plain / "sub").mkdir(parents=True, exist_ok=True)),
                                            str(plain), {"nl": "is een bestand", "en": "is a file"}),
        "a file in the path": (failure(lambda: open(plain / "a.ics", "w")), str(plain),
                               {"nl": "is een bestand", "en": "is a file"}),
        "no permission": (OSError(errno.EACCES, "Permission denied", str(folder / "a.ics")), "",
                          {"nl": "geen toestemming", "en": "no permission"}),
        "a read-only disk": (OSError(errno.EROFS, "Read-only file system", str(folder / "a.ics")), "",
                             {"nl": "alleen-lezen", "en": "read-only"}),
        "a full disk": (OSError(errno.ENOSPC, "No space left on device"), "", {"nl": "vol", "en": "full"}),
        "a failing disk": (OSError(errno.EIO, "Input/output error"), "", {"nl": "meldde een fout", "en": "reported an error"}),
        "a file too large for the stick": (OSError(errno.EFBIG, "File too large"), "",
                                           {"nl": "te groot voor die schijf", "en": "too large for that disk"}),
    }
    for case, (exc, place, words) in cases.items():
        text = errors.unwritable(exc)
        assert words[language] in text and place in text, (case, text)
        assert not english_in(text), (case, text)
    # A case not named keeps the system's text: better than nothing, the last resort.
    assert errors.unwritable(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        "Too many levels of symbolic links")
    assert errors.unreadable(failure(lambda: open(tmp_path / "weg.png", "rb"))) in (
        "het bestaat niet", "it does not exist")


@pytest.mark.parametrize("language,words", [("nl", "is een map: kies daarin een bestandsnaam"),
                                            ("en", "is a folder: choose a file name in it")])
def test_the_commands_say_a_folder_given_as_the_file_in_the_owners_language(data_dir, tmp_path, capsys,
                                                                              language, words):
    """`afspraak backup --out /tmp` said "De back-up kon niet worden opgeslagen: Is a directory"."""
    open_database()
    Person.create(name="Eva")
    close_database()
    for command in (["backup", "--out", str(tmp_path)], ["calendar", "--out", str(tmp_path)],
                    ["export", "--person", "1", "--out", str(tmp_path)]):
        code = cli.main(["--lang", language, *command])
        close_database()
        err = capsys.readouterr().err
        assert code == 1 and f"{tmp_path}" in err and words in err and not english_in(err), (command, err)
        # The folder itself is named, not the unfinished copy beside it ("…/map.part” is een map"),
        # and no such copy is left there.
        assert f"{tmp_path}.part" not in err, (command, err)
        assert not tmp_path.with_name(tmp_path.name + ".part").exists(), command


@pytest.mark.parametrize("language,words", [("nl", "De export kon niet worden opgeslagen: de schijf is vol. Er is "
                                                  "niets opgeslagen."),
                                            ("en", "The export could not be written: the disk is full. Nothing was "
                                                   "written.")])
def test_a_privacy_export_on_a_full_disk_leaves_no_half_zip(data_dir, tmp_path, capsys, monkeypatch,
                                                            language, words):
    """A full disk left "eva.zip.part" beside the export: half a zip of her data that
    nothing lists or removes."""
    from desktop.store import outgoing

    open_database()
    Person.create(name="Eva")
    close_database()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outgoing.os, "fsync", full)
    out = tmp_path / "export" / "eva.zip"
    out.parent.mkdir()  # (a folder that is not there is said as such: tests/test_cli_out.py)
    assert cli.main(["--lang", language, "export", "--person", "1", "--out", str(out)]) == 1
    close_database()
    assert capsys.readouterr().err.strip() == words
    assert os.listdir(out.parent) == []


def test_the_window_says_why_a_backup_or_an_export_could_not_be_saved(qtbot, database, translator, tmp_path,
                                                                     monkeypatch):
    """File → Back-up maken under a plain file said "File exists" (misleading too), the
    calendar and timeline exports "Not a directory"."""
    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    from desktop.views import privacy_actions

    eva = Person.create(name="Eva", is_influencer=True)
    plain = tmp_path / "gewoon-bestand"
    plain.write_text("x")
    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    window = MainWindow()
    qtbot.addWidget(window)
    for name, act in (("afspraak.sqlite3", window.make_backup), ("afspraak.ics", window.export_calendar),
                      ("tijdlijn.csv", lambda: window.view("timeline").export_csv()),
                      ("influencers.csv", lambda: window.view("influencers").export_selected()),
                      ("eva.zip", lambda: privacy_actions.export_person(window, eva.id))):
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, name=name: str(plain / "sub" / name))
        act()
        assert warned, name
        text = warned.pop()
        assert f"„{plain}” is een bestand, waar een map nodig is" in text and not english_in(text), text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_picture_that_is_gone_or_a_folder_is_told_in_the_owners_language(data_dir, tmp_path, language):
    """Evidence or an order picture that had gone missing said "kon niet gelezen worden: No
    such file or directory", a folder "Is a directory" (its own sentence was never reached)."""
    i18n.set_language(language)
    folder = tmp_path / "map"
    folder.mkdir()
    words = {"gone": {"nl": "„weg.png” kon niet gelezen worden: het bestaat niet",
                      "en": "“weg.png” could not be read: it does not exist"},
             "folder": {"nl": "„map” is geen bestand.", "en": "“map” is not a file."}}
    for case, path in (("gone", tmp_path / "weg.png"), ("folder", folder)):
        with pytest.raises(pictures.NotAPicture) as refused:
            pictures.import_picture(path)
        text = errors.text(refused.value)
        assert text == words[case][language] and not english_in(text), text
    assert not (data_dir / pictures.FOLDER).exists() or not os.listdir(data_dir / pictures.FOLDER)
