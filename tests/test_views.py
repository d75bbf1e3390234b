"""The main window and its four views, in Dutch and in English."""

import os
import shutil
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.store import settings
from desktop.store.models import Person
from desktop.views.main_window import MainWindow

from .conftest import NOW
from .helpers import make_window




@pytest.mark.parametrize("language,titles", [
    ("nl", ["Vandaag", "Influencers", "Zendingen", "Maatwerk", "Tijdlijn"]),
    ("en", ["Today", "Influencers", "Shipments", "Custom orders", "Timeline"]),
])
def test_every_view_opens_filled(qtbot, demo_db, translator, language, titles, monkeypatch):
    from desktop.views import today

    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    window = make_window(qtbot, language)
    sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert [text.split(" (")[0] for text in sidebar] == titles
    assert sidebar[0].startswith(titles[0] + " (")  # the count of what is due now
    for view, title in zip(window.views, titles):
        window.show_view(view.key)
        assert window.current_view() is view
        assert view.title.text() == title
        assert view.pages.currentIndex() == 1, f"{view.key} shows its empty state"
        assert view.model.rowCount() > 0
        assert view.current_id is not None  # first row selected, detail filled
        assert view.detail.layout().count() > 1
    menu_titles = [a.text() for a in window.menuBar().actions()]
    assert menu_titles[0] == ("&Bestand" if language == "nl" else "&File")


@pytest.mark.parametrize("language,heading", [("nl", "Nog geen influencers"), ("en", "No influencers yet")])
def test_empty_states_explain_what_to_do(qtbot, database, translator, language, heading):
    window = make_window(qtbot, language)
    for view in window.views:
        assert view.pages.currentIndex() == 0
        assert view.empty_title.text()
        assert len(view.empty_text.text()) > 40
    assert window.view("influencers").empty_title.text() == heading


def test_search_filters_as_you_type(qtbot, demo_db, translator):
    window = make_window(qtbot, "nl")
    window.show_view("influencers")
    view = window.view("influencers")
    total = view.model.rowCount()
    view.focus_search()
    qtbot.keyClicks(view.search, "sanne")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.rows[0].cells[0] == "Sanne de Vries"
    view.search.clear()
    qtbot.keyClicks(view.search, "zzzz")
    qtbot.waitUntil(lambda: view.no_match.isVisible())
    assert "zzzz" in view.no_match.text()
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == total)


def test_ctrl_f_focuses_the_search_of_the_current_view(qtbot, demo_db, translator):
    window = make_window(qtbot, "nl")
    window.show_view("shipments")
    window.activateWindow()
    window._action("actionFind").trigger()
    assert window.view("shipments").search.hasFocus() or window.focusWidget() is window.view("shipments").search


def test_window_remembers_last_view_and_geometry(qtbot, demo_db, translator):
    window = make_window(qtbot, "nl")
    window.shipping.catalogue.hide()  # the docked catalogue makes the window wider than 700
    QApplication.processEvents()  # let the layout take the smaller minimum
    window.resize(700, 500)
    window.show_view("timeline")
    window.close()
    assert settings.get("last_view") == "timeline"
    again = make_window(qtbot, "nl")
    assert again.current_view().key == "timeline"
    assert again.width() == 700
    assert not again.shipping.catalogue.isVisible()  # remembered too


def test_user_text_is_shown_as_plain_text(qtbot, database, translator):
    Person.create(name="<b>Bold</b> <a href='javascript:x'>link</a>", is_influencer=True, notes="<i>hi</i>")
    window = make_window(qtbot, "nl")
    view = window.view("influencers")
    view.refresh()
    from PySide6.QtWidgets import QLabel

    labels = view.detail.findChildren(QLabel)
    heading = next(label for label in labels if "Bold" in label.text())
    assert heading.textFormat() == Qt.PlainText
    assert heading.text().startswith("<b>Bold</b>")


def test_language_switch_rebuilds_in_english(qtbot, demo_db, translator):
    from desktop.app import Application

    application = Application([], cli_language=None)
    application.build_window()
    first = application.window
    first.switch_language("en")
    qtbot.waitUntil(lambda: application.window is not first)
    assert application.window.sidebar.item(2).text() == "Shipments"
    assert settings.get("language") == "en"
    application.shutdown()
    application.window.close()
    application.window.deleteLater()


def test_restore_from_the_menu_refuses_a_text_file(qtbot, demo_db, translator, tmp_path, monkeypatch):
    from desktop.views import dialogs

    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    warned = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(bad))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    window = make_window(qtbot, "nl")
    count = Person.select().count()
    window.restore_backup()
    assert warned and "geen back-up" in warned[0]
    assert Person.select().count() == count


def test_restore_from_the_menu_leaves_a_database_another_program_is_writing(qtbot, demo_db, translator, tmp_path,
                                                                            monkeypatch):
    """A command (afspraak import) in the middle of its write: the restore replaced the file
    and its write-ahead log under it, and what it saved was lost."""
    import sqlite3

    from desktop import paths
    from desktop.store import backup
    from desktop.store import db as store_db
    from desktop.views import dialogs

    good = backup.backup_now(demo_db, out=tmp_path / "goed.sqlite3")
    warned = []
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(good))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append((title, text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: warned.append((title, text)))
    monkeypatch.setitem(store_db.PRAGMAS, "busy_timeout", 200)
    window = make_window(qtbot, "nl")
    count = Person.select().count()
    other = sqlite3.connect(paths.db_path(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE person SET notes = 'net bewaard'")
    try:
        window.restore_backup()
    finally:
        other.execute("COMMIT")
        other.close()
    assert [title for title, _text in warned] == ["Niet teruggezet"]
    assert warned[0][1].startswith("Een ander programma schrijft op dit moment in je Afspraak-gegevens")
    assert Person.select().count() == count
    assert {p.notes for p in Person.select()} == {"net bewaard"}


@pytest.mark.parametrize("language,yes,no", [("nl", "Ja", "Nee"), ("en", "Yes", "No")])
def test_yes_no_questions_speak_the_users_language(qtbot, translator, monkeypatch, language, yes, no):
    """Qt's own catalogs are not shipped, so its standard Yes/No would stay English."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.views import dialogs

    i18n.set_language(language)
    seen = []

    def fake_exec(box):
        seen.append((box.button(QMessageBox.Yes).text(), box.button(QMessageBox.No).text()))
        return QMessageBox.No

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert dialogs.confirm(None, "t", "Zeker weten?") is False
    dialogs.confirm_with_option(None, "t", "Wissen?", "ook back-ups")
    assert seen == [(yes, no), (yes, no)]


def test_a_restore_from_the_menu_empties_edit_undo(qtbot, demo_db, translator, tmp_path, monkeypatch):
    """Review 8, F9: Edit → Undo replays row changes by id; after a restore those ids are other
    rows, so Ctrl+Z on 'reply from Sanne logged' would delete whatever event has that id now."""
    from desktop import reminders
    from desktop.store import backup, due
    from desktop.views import dialogs

    window = MainWindow()
    qtbot.addWidget(window)
    good = backup.backup_now(demo_db, out=tmp_path / "goed.sqlite3")
    item = due.due_now(NOW)[0]
    with reminders.recorded("reply"):
        due.mark_reply(item, NOW, "instagram")
    assert window.undo_stack.canUndo()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(good))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    window.restore_backup()
    assert not window.undo_stack.canUndo() and not window.undo_stack.canRedo()


def test_save_a_backup_suggests_a_dated_copy_in_her_documents_that_an_erase_reaches(qtbot, database, translator,
                                                                                    tmp_path, monkeypatch):
    """Review of backups, 4: File → Make a backup… suggested ".../afspraak/afspraak-backup.sqlite3":
    the data folder itself (no second copy at all when the folder goes), the same name every
    time (the last copy replaced), and an erase from the backups did not reach it."""
    from PySide6.QtCore import QStandardPaths

    from desktop import paths
    from desktop.store import privacy
    from desktop.views import dialogs

    documents = tmp_path / "Documenten"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation",
                        lambda where: str(documents) if where == QStandardPaths.DocumentsLocation else "")
    suggested = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, path, filters: suggested.append(path) or path)
    Person.create(name="Sanne Visser", email="sanne@example.nl")
    window = make_window(qtbot, "en")
    window.make_backup()
    # 09:30 UTC is 10:30 in the shop's time
    assert suggested == [str(documents / "afspraak-backup-2026-11-23-1030.sqlite3")]
    copy = documents / "afspraak-backup-2026-11-23-1030.sqlite3"
    assert copy.is_file() and paths.data_dir() not in copy.parents
    sanne = Person.get(Person.name == "Sanne Visser")
    result = privacy.erase_person(database, sanne.id, NOW, backups=True)
    assert copy in result.backups and b"Sanne Visser" not in copy.read_bytes()


def test_restore_opens_in_the_backups_folder_and_names_the_moment_and_what_she_loses(qtbot, demo_db, translator,
                                                                                    tmp_path, monkeypatch):
    """Review of backups, 5: the file dialog opened in her home folder, the backups' names
    carry UTC, and "Replace the current data with this backup?" said neither of when nor
    what goes: everything entered since, and people erased since come back."""
    from desktop import paths
    from desktop.store import backup
    from desktop.views import dialogs

    automatic = backup.daily_backup(demo_db, keep=14, now=NOW - timedelta(days=2))
    chosen, opened, asked = [automatic], [], []

    def ask_open_path(parent, title, filters, folder=""):
        opened.append(folder)
        return str(chosen[-1])

    monkeypatch.setattr(dialogs, "ask_open_path", ask_open_path)
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)
    window = make_window(qtbot, "en")
    window.restore_backup()
    assert opened == [str(paths.backup_dir())]
    # 21 November 09:30 UTC is 10:30 in the shop's time
    assert asked[0].startswith("Restore the backup of 21 November 2026 at 10:30?")  # not the name's 093000
    assert ("everything you entered or changed since is no longer in Afspraak, and people you erased since are "
            "back (unless you also erased them from the backups)") in asked[0]
    # a copy from elsewhere, its name without a moment: when it was last saved is what is known
    elsewhere = tmp_path / "kopie van de stick.sqlite3"
    shutil.copyfile(automatic, elsewhere)
    os.utime(elsewhere, (1_800_000_000, 1_800_000_000))  # 15 January 2027, 08:00 UTC
    chosen.append(elsewhere)
    window.restore_backup()
    assert asked[1].startswith("Restore “kopie van de stick.sqlite3”, last saved on 15 January 2027 at 09:00?")
