"""The start: the window's shell first, then the database (app.py, store/peek.py).

The app shows its window before it opens the database, so the window appears at once;
what the first window may import, what it shows, and every way the opening after it can
end (normal, a language the first read missed, a newer schema, a read-only folder)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from desktop import paths
from desktop.store import peek, settings
from desktop.store.db import close_database
from desktop.store.opening import open_database

from .helpers import start_app, stop_app

# --- reading the shell's settings before the database is open -------------------------


def test_peek_reads_the_shell_settings_as_stored(database):
    settings.set("language", "en")
    settings.set("last_view", "orders")
    settings.set("window_geometry", "AdnQywADAAA=")
    settings.set("backup_keep", 9)
    assert peek.saved_settings(paths.db_path()) == {
        "language": "en", "last_view": "orders", "window_geometry": "AdnQywADAAA="}


def test_peek_leaves_out_what_is_not_stored_or_not_text(database):
    settings.set("language", "nl")
    database.execute_sql("INSERT INTO setting (key, value) VALUES ('last_view', '42')")
    database.execute_sql("INSERT INTO setting (key, value) VALUES ('window_geometry', '{not json')")
    assert peek.saved_settings(paths.db_path()) == {"language": "nl"}


@pytest.mark.parametrize("content", [None, b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_peek_answers_nothing_for_a_missing_empty_or_foreign_file(tmp_path, content):
    path = tmp_path / "afspraak.sqlite3"
    if content is not None:
        path.write_bytes(content)
    assert peek.saved_settings(path) == {}
    assert path.exists() == (content is not None)  # never creates the file
    if content is not None:
        assert path.read_bytes() == content  # nor changes it


def test_peek_answers_nothing_for_a_database_without_settings(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text)")
    assert peek.saved_settings(path) == {}


def test_peek_does_not_wait_for_a_writer(database):
    settings.set("language", "en")
    database.execute_sql("BEGIN EXCLUSIVE")  # a writer holding the whole file
    try:
        assert peek.saved_settings(paths.db_path()) in ({}, {"language": "en"})
    finally:
        database.execute_sql("ROLLBACK")


# --- the first window: what it imports and shows ---------------------------------------

SHELL_PROBE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from desktop import app as app_module, i18n

    application = app_module.Application([], cli_language=None, smoke_test=True)
    at_ready = []  # imported when her list is filled and painted (the smoke test's "views ready")
    ready_line = application._smoke_ready
    application._smoke_ready = lambda: (at_ready.extend(
        m for m in ("desktop.demo", "desktop.views.privacy_actions", "desktop.store.shipping") if m in sys.modules),
        ready_line())
    assert application.start() is None
    window = application.window
    heavy = sorted(m for m in ("peewee", "babel", "desktop.store.models", "desktop.store.db",
                               "desktop.views.today", "desktop.domain.followup") if m in sys.modules)
    first = {"heavy": heavy, "complete": window.is_complete, "ready": application.ready,
             "views": len(window.views), "page": window.stack.currentWidget().objectName(),
             "sidebar": [window.sidebar.item(i).text() for i in range(window.sidebar.count())],
             "row": window.sidebar.currentRow(), "language": i18n.current_language()}

    def done():
        after = {"complete": window.is_complete, "views": len(window.views),
                 "page": type(window.stack.currentWidget()).__name__, "row": window.sidebar.currentRow()}
        print("PROBE", json.dumps({"first": first, "after": after, "at_ready": sorted(at_ready)}), flush=True)
        application.shutdown()
        application.qt.exit(0)

    import json
    timer = QTimer()
    timer.timeout.connect(lambda: application.ready and (timer.stop(), done()))
    timer.start(20)
    sys.exit(application.qt.exec())
""")


def run_probe(data_dir) -> dict:
    env = {**__import__("os").environ, "AFSPRAAK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", SHELL_PROBE], capture_output=True, text=True, env=env, timeout=120)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("PROBE ")), None)
    assert line, proc.stderr[-3000:]
    return json.loads(line[len("PROBE "):])


def test_the_first_window_needs_neither_the_store_nor_babel_and_shows_the_saved_view(data_dir):
    """The shell shows the owner's language and last view with nothing of Peewee, Babel or
    the views imported; on the next turns the database opens and the views fill in."""
    open_database()
    settings.set("language", "en")
    settings.set("last_view", "orders")
    close_database()
    result = run_probe(data_dir)
    first, after = result["first"], result["after"]
    assert first["heavy"] == []
    assert not first["complete"] and not first["ready"] and first["views"] == 0
    assert first["page"] == "openingPage"
    assert first["language"] == "en"
    assert first["sidebar"] == ["Today", "Influencers", "Shipments", "Custom orders", "Timeline"]
    assert first["row"] == 3  # Maatwerk, the last view, already marked
    assert after == {"complete": True, "views": 5, "page": "OrdersView", "row": 3}


def test_her_list_on_screen_needs_neither_the_example_shop_nor_the_privacy_actions(data_dir):
    """Vandaag with its getting-started list asks whether the data is empty, and the
    window has a Privacy menu: neither imports the example shop's module (with the store's
    shipping and influencer modules) nor the privacy actions before her list is on screen
    (docs/PERFORMANCE.md, round 19): they come when they are used."""
    open_database()
    settings.set("last_view", "today")
    close_database()
    result = run_probe(data_dir)
    assert result["after"]["page"] == "TodayView"
    assert result["at_ready"] == []


def test_the_very_first_start_creates_the_database_after_the_window(data_dir):
    result = run_probe(data_dir)
    assert result["first"]["heavy"] == [] and result["first"]["row"] == 0
    assert result["after"]["page"] == "TodayView"
    assert paths.db_path().exists()


# --- the opening after the first paint --------------------------------------------------


def test_a_language_the_first_read_missed_rebuilds_the_window(qtbot, data_dir, translator, monkeypatch,
                                                                no_other_instance):
    """The first read found nothing (a damaged file restored from a backup, say) but the
    opened database says English: the window is rebuilt in English."""
    open_database()
    settings.set("language", "en")
    close_database()
    from desktop import i18n

    monkeypatch.setattr(peek, "saved_settings", lambda *a, **k: {})
    monkeypatch.setattr(i18n, "system_language", lambda: "nl")
    application = start_app(qtbot)
    shell = application.window
    assert shell.sidebar.item(0).text() == "Vandaag"  # the system language
    qtbot.waitUntil(lambda: application.ready)
    try:
        assert application.window is not shell and application.window.is_complete
        assert application.window.sidebar.item(0).text().startswith("Today")
    finally:
        stop_app(application, qtbot)


def start_until_exit(qtbot, monkeypatch, *args, **kwargs):
    """Start the app (``start_app``) and wait until it asks Qt to exit: (the app, the exit codes)."""
    application = start_app(qtbot, *args, **kwargs)
    exits = []
    monkeypatch.setattr(application.qt, "exit", lambda code=0: exits.append(code))
    qtbot.waitUntil(lambda: bool(exits))
    return application, exits


def test_data_from_a_newer_version_is_told_and_nothing_changes(qtbot, data_dir, translator, monkeypatch,
                                                                 no_other_instance):
    from desktop.views import dialogs

    database = open_database()
    database.execute_sql("PRAGMA user_version = 999")
    close_database()
    before = paths.db_path().read_bytes()
    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application, exits = start_until_exit(qtbot, monkeypatch, language="nl")
    try:
        assert exits == [1] and not application.ready and not application.opened
        assert told and told[0][0] == "Afspraak kan niet starten"
        assert "nieuwere versie" in told[0][1]
        assert paths.db_path().read_bytes() == before
    finally:
        stop_app(application, qtbot)


def test_an_upgrade_that_fails_is_told_and_nothing_changes(qtbot, data_dir, translator, monkeypatch,
                                                            no_other_instance):
    """A step of the upgrade failing at start was the crash dialog over a half-upgraded
    file; now every step is taken back and the owner is told her data was not changed."""
    from desktop.store import migrations
    from desktop.views import dialogs

    open_database()
    settings.set("language", "nl")
    close_database()

    def fails(database):
        database.execute_sql('ALTER TABLE "person" ADD COLUMN "nickname" TEXT')
        raise ValueError("a step's own mistake")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, fails])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", len(migrations.MIGRATIONS))
    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    application, exits = start_until_exit(qtbot, monkeypatch, language="nl")
    try:
        assert exits == [1] and not application.ready and not application.opened
        assert told == [("Afspraak kan niet starten", told[0][1])]
        assert "Er is niets veranderd" in told[0][1]
        con = sqlite3.connect(paths.db_path())
        assert con.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS) - 1
        assert "nickname" not in {r[1] for r in con.execute("PRAGMA table_info(person)")}
        con.close()
    finally:
        stop_app(application, qtbot)


def test_a_read_only_folder_after_the_window_is_told_in_plain_words(qtbot, data_dir, translator, monkeypatch,
                                                                   no_other_instance):
    from desktop import app as app_module
    from desktop.store import recovery
    from desktop.views import dialogs

    def read_only(*a, **k):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(recovery, "open_checked", read_only)
    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append((title, text)))
    monkeypatch.setattr(app_module, "show_storage_problem", lambda text: told.append(("(storage)", text)))
    application, exits = start_until_exit(qtbot, monkeypatch)
    try:
        assert exits == [1] and not application.opened
        assert len(told) == 1 and told[0][0] == "Afspraak kan niet starten" and str(data_dir) in told[0][1]
    finally:
        stop_app(application, qtbot)


def test_forms_load_without_designer_plugins_and_keep_the_library_paths(qapp):
    """The forms are compiled modules (tests/test_forms_compiled.py): no QUiLoader, no
    Qt Designer plugins, and Qt's library paths as they were."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QListWidget

    from desktop.views import forms

    before = QCoreApplication.libraryPaths()
    form = forms.load_form("main_window.ui")
    assert QCoreApplication.libraryPaths() == before
    assert form.findChild(QListWidget, "sidebar") is not None
    form.deleteLater()


def test_an_unexpected_failure_while_opening_is_shown_as_a_crash_and_quits(qtbot, data_dir, translator,
                                                                         monkeypatch, no_other_instance):
    import sys as system

    from desktop.store import recovery

    def broken(*a, **k):
        raise RuntimeError("a bug while opening")

    monkeypatch.setattr(recovery, "open_checked", broken)
    crashes = []
    monkeypatch.setattr(system, "excepthook", lambda kind, exc, tb: crashes.append(exc))
    application, exits = start_until_exit(qtbot, monkeypatch, language="nl")
    try:
        assert exits == [1] and [str(e) for e in crashes] == ["a bug while opening"]
        assert not application.ready and not application.opened
    finally:
        stop_app(application, qtbot)


@pytest.mark.parametrize("path, uri", [
    (PurePosixPath("/home/eva/.local/share/afspraak/afspraak.sqlite3"),
     "file:///home/eva/.local/share/afspraak/afspraak.sqlite3?mode=ro"),
    (PurePosixPath("/tmp/a b/x#y?%.sqlite3"), "file:///tmp/a%20b/x%23y%3F%25.sqlite3?mode=ro"),
    (PureWindowsPath(r"C:\Users\Eva\AppData\Local\Afspraak\afspraak.sqlite3"),
     "file:///C:/Users/Eva/AppData/Local/Afspraak/afspraak.sqlite3?mode=ro"),
    (PureWindowsPath(r"\\nas\winkel\Afspraak\afspraak.sqlite3"), "file:////nas/winkel/Afspraak/afspraak.sqlite3?mode=ro"),
])
def test_the_read_only_uri_has_no_host_and_escapes_what_uris_reserve(path, uri):
    assert peek.read_only_uri(path) == uri


def test_peek_reads_a_file_whose_path_needs_escaping(tmp_path):
    folder = tmp_path / "mijn map #1 (50%)?"
    folder.mkdir()
    path = folder / "afspraak.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE setting (id INTEGER PRIMARY KEY, key TEXT UNIQUE, value TEXT)")
        connection.execute("INSERT INTO setting (key, value) VALUES ('language', '\"en\"')")
    assert peek.saved_settings(path) == {"language": "en"}


def test_a_failure_after_the_data_is_open_keeps_the_unclean_exit_mark(qtbot, data_dir, translator, monkeypatch,
                                                                     no_other_instance):
    """The next start then checks the whole file (store/recovery.py)."""
    import sys as system

    from desktop.store import recovery
    from desktop.views.main_window import MainWindow

    def broken(self):
        raise RuntimeError("a view could not load")

    monkeypatch.setattr(MainWindow, "complete", broken)
    monkeypatch.setattr(system, "excepthook", lambda *a: None)
    application, exits = start_until_exit(qtbot, monkeypatch, language="nl")
    try:
        assert exits == [1] and not application.opened  # so run() does not mark a clean exit
        assert (paths.data_dir() / recovery.RUNNING_MARKER).exists()
    finally:
        stop_app(application, qtbot)


def saved_window(width: int, height: int) -> str:
    from desktop.views.main_window import MainWindow

    window = MainWindow(deferred=True)
    window.resize(width, height)
    geometry = bytes(window.saveGeometry().toBase64()).decode("ascii")
    window.deleteLater()
    return geometry


def test_the_window_keeps_its_saved_size_when_the_data_opens(qtbot, data_dir, translator, no_other_instance):
    open_database()
    settings.set("window_geometry", saved_window(700, 500))
    settings.set("last_view", "today")
    close_database()
    application = start_app(qtbot, language="nl")
    assert application.window.size().toTuple() == (700, 500)  # the shell
    qtbot.waitUntil(lambda: application.ready)
    try:
        assert application.window.size().toTuple() == (700, 500)  # and the completed window
    finally:
        stop_app(application, qtbot)


def test_a_minimised_start_stays_minimised_when_the_window_is_rebuilt_in_the_saved_language(
        qtbot, data_dir, translator, monkeypatch, no_other_instance):
    from desktop import i18n

    open_database()
    settings.set("language", "en")
    settings.set("window_geometry", saved_window(760, 520))
    close_database()
    monkeypatch.setattr(peek, "saved_settings", lambda *a, **k: {})  # the first read found nothing
    monkeypatch.setattr(i18n, "system_language", lambda: "nl")
    application = start_app(qtbot, minimised=True)
    shell = application.window
    qtbot.waitUntil(lambda: application.ready)
    try:
        window = application.window
        assert window is not shell and window.sidebar.item(1).text() == "Influencers"
        assert window.isMinimized()  # not popped up by the rebuild
        assert window.size().toTuple() == (760, 520)  # the saved size, not the shell's default
    finally:
        stop_app(application, qtbot)


# --- the collector paused for the start only (desktop/collection.py, fix 55) --------------


@pytest.fixture
def collector_restored():
    import gc

    from desktop import collection

    yield collection
    collection.resume()
    gc.enable()  # whatever a failing test left


def test_the_collector_is_paused_for_the_window_until_it_is_complete_and_painted(
        qtbot, data_dir, translator, no_other_instance, collector_restored):
    import gc

    collection = collector_restored
    collection.pause()
    application = start_app(qtbot, language="nl")
    try:
        assert not gc.isenabled()  # the shell is up, her list not yet
        qtbot.waitUntil(lambda: application.ready)
        assert gc.isenabled() and not collection.paused()
    finally:
        stop_app(application, qtbot)


def test_a_start_that_stops_with_a_message_runs_the_collector_again(
        qtbot, data_dir, translator, no_other_instance, collector_restored, monkeypatch):
    import gc

    from desktop import app as app_module

    collection = collector_restored
    collection.pause()
    application = app_module.Application([], cli_language="nl", smoke_test=True)
    monkeypatch.setattr(application.qt, "exit", lambda code: None)
    application._stop_with("Afspraak kan niet starten", "De map is alleen-lezen.")
    assert gc.isenabled()


@pytest.mark.parametrize("command", [["due"], ["backup"]])
def test_every_command_but_the_window_runs_with_the_collector(data_dir, collector_restored, monkeypatch, command):
    """The pause is for the window's start: `afspraak due` or an import never runs without it.
    A test calling ``main`` with its own arguments never pauses it at all."""
    import gc

    from desktop import cli

    open_database()  # her data (due and backup refuse a folder without any)
    close_database()
    monkeypatch.setattr(sys, "argv", ["afspraak", "--lang", "en", "--data-dir", str(data_dir), *command])
    assert cli.main() == 0
    assert gc.isenabled()
    gc.disable()
    try:
        cli.main(["--lang", "en", "--data-dir", str(data_dir), *command])
        assert not gc.isenabled()  # not resumed: it was not paused by main
    finally:
        gc.enable()


def test_the_pause_never_outlasts_the_start(qtbot, data_dir, translator, no_other_instance, collector_restored,
                                           monkeypatch):
    """A start that never completes (here: the data never opens) still has the collector
    back after LONGEST_PAUSE_MS of the event loop."""
    import gc

    from desktop import app as app_module

    collection = collector_restored
    monkeypatch.setattr(collection, "LONGEST_PAUSE_MS", 50)
    monkeypatch.setattr(app_module.Application, "_open", lambda self: None)
    collection.pause()
    application = app_module.Application([], cli_language="nl")
    assert application.start() is None
    qtbot.addWidget(application.window)
    try:
        assert not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=2000)
        assert not application.ready
    finally:
        application.instance_server.server.close()


def test_the_start_makes_old_search_words_again_after_her_list(qtbot, data_dir, translator, no_other_instance):
    """Words stored before a label was renamed ("Andere vervoerder") are made again once her
    list is on screen (store/event_search.rewrite_words), and the wording's stamp is kept."""
    from desktop.presentation import event_texts
    from desktop.store import event_search
    from desktop.store.db import db
    from desktop.store.models import Event, Person

    open_database()
    person = Person.create(name="Sanne de Vries", is_influencer=True)
    event = Event.create(kind="shipment", direction="none", person=person, fact="shipment_sent",
                         params={"carrier": "other", "items": [["Ring", 1]]})
    db.execute_sql('UPDATE "event" SET "words" = ? WHERE id = ?', ("Verzonden met Andere vervoerder", event.id))
    close_database()
    application = start_app(qtbot)
    try:
        qtbot.waitUntil(lambda: application.ready)
        qtbot.waitUntil(lambda: settings.get(event_search.WORDS_STAMP) == event_texts.wording_stamp())
        assert "vervoerder" not in Event.get_by_id(event.id).words
    finally:
        stop_app(application, qtbot)


def test_an_app_stopped_before_its_data_opened_never_opens_it_nor_starts_its_reminders(
        qtbot, data_dir, translator, no_other_instance):
    """Shut down while the start still waited for the window's first paint: the opening of
    her data and the reminders after it stay undone. They ran once the event loop turned
    again (in the suite, in the next test): a scheduler and a tray nobody stopped, following
    that test's data and announcing its reminders (test_catch_up's one summary became two),
    and writing to the closed window's deleted widgets."""
    from PySide6.QtWidgets import QApplication

    from desktop import app as app_module

    application = start_app(qtbot, "nl")  # not ready: the data opens after the first paint
    stop_app(application, qtbot)
    waiting = lambda: [o for o in QApplication.instance().children()  # noqa: E731
                       if isinstance(o, app_module._FirstPaint)]
    qtbot.waitUntil(lambda: not waiting(), timeout=10000)  # what the start waited for has fired
    qtbot.wait(50)
    assert not application.opened
    assert application.scheduler is None and application.tray is None


def test_the_search_words_stop_being_rewritten_when_the_app_stops(qtbot, database, monkeypatch):
    """The timeline's search words are made again a chunk per turn of the event loop after
    the start (``_rewrite_words``); once the app is shut down no further chunk is written:
    the chain went on on whatever data was open next (in the suite, the next test's)."""
    from desktop import app as app_module
    from desktop.store import event_search

    written, closed = [], []

    def chunks(db, stamp):
        try:
            for n in range(1000):
                written.append(n)
                yield
        finally:
            closed.append(True)

    monkeypatch.setattr(event_search, "rewrite_words", chunks)
    application = app_module.Application([], cli_language="nl")
    application.opened = True  # the data is open: what the start's _open says
    application._rewrite_words()
    assert written == [0]  # the first chunk at once, the next on the event loop's next turn
    application.shutdown()
    qtbot.waitUntil(lambda: bool(closed), timeout=10000)
    assert written == [0]
