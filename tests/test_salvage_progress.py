"""The salvage of a damaged database says how far it is (review of the start, 2026-12-06).

Before: a large shop's salvage (some 13 s) ran at start under a window that said "Opening
your data…" and did not paint, and File → Restore of a kept damaged file froze the same
way. Now store/salvage.py tells a ``progress`` callback (facts, no words) table by table
and row by row, presentation/backup_texts.py words it, and the start's page, or the status
bar, shows it while the window keeps painting (views/busy.py ``keep_painting``).

The damaged files are made as in tests/test_salvage.py (one page written over, Afspraak closed).
"""

from __future__ import annotations

import logging
import sqlite3

import pytest
from PySide6.QtCore import QTimer

from desktop import app as app_module
from desktop import i18n, paths
from desktop.presentation import backup_texts
from desktop.store import backup, recovery, salvage
from desktop.store.opening import open_database
from tests.conftest import NOW
from tests.test_salvage import garble, kept_damaged_file, names, page_of, shop


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def tables_of(path) -> list[str]:
    """The tables a salvage reads, in its order: the ordinary ones, then the full-text ones."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL "
                           "AND name NOT LIKE 'sqlite_%'").fetchall()
    finally:
        con.close()
    virtual = [n for n, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    ordinary = [n for n, sql in rows if n not in virtual and not any(n.startswith(v + "_") for v in virtual)]
    return ordinary + virtual


def damaged_shop():
    taken = shop()
    path = paths.db_path()
    garble(path, page_of(path, b"Tijdlijn 150 yyy"))
    return path, taken


def test_the_salvage_tells_each_table_its_rows_and_its_last_steps(tmp_path, data_dir):
    path, _taken = damaged_shop()
    order = tables_of(path)
    facts: list[salvage.Progress] = []

    out = salvage.salvage(path, tmp_path / "gered.sqlite3", progress=facts.append)

    assert out is not None
    reading = [f for f in facts if f.step == salvage.READING]
    assert {f.tables for f in reading} == {len(order)}
    # Each table once, in the order read, numbered from 1; its first word before any row.
    firsts = [f for f in reading if f.rows == 0]
    assert [f.table for f in firsts] == order
    assert [f.number for f in firsts] == list(range(1, len(order) + 1))
    # Rows as they are copied, rising, up to what was copied of the table.
    for table in ("person", "event"):
        counts = [f.rows for f in reading if f.table == table]
        assert counts == sorted(counts) and counts[-1] == out.rows[table] > 0
    # Reading first, then the rebuilding, then the check, last of all.
    steps = [f.step for f in facts]
    assert steps[-2:] == [salvage.REBUILDING, salvage.CHECKING]
    assert steps.index(salvage.REBUILDING) == len(reading)


def test_a_callback_that_fails_stops_nothing(tmp_path, data_dir, caplog):
    path, _taken = damaged_shop()

    def broken(fact):
        raise RuntimeError("the window is gone")

    with caplog.at_level(logging.ERROR, logger="desktop.store.salvage"):
        out = salvage.salvage(path, tmp_path / "gered.sqlite3", progress=broken)
    assert out is not None and out.rows["person"] == 220
    assert "showing the salvage's progress failed" in caplog.text


def test_the_repair_at_start_passes_the_progress_on_and_says_when_it_compares(data_dir):
    path, taken = damaged_shop()
    facts: list[salvage.Progress] = []

    report = recovery.open_checked(path, now=NOW, progress=facts.append)

    assert report.salvaged is not None and report.backup_left == taken
    steps = [f.step for f in facts]
    assert salvage.READING in steps and steps[-1] == salvage.COMPARING  # weighed against the backup
    assert len(names()) == 220


def test_a_restore_of_a_kept_damaged_file_passes_the_progress_on(data_dir):
    kept = kept_damaged_file()
    facts: list[salvage.Progress] = []
    _previous, saved = backup.restore_salvaged(kept, paths.db_path(), progress=facts.append)
    assert saved is not None and {f.table for f in facts if f.step == salvage.READING} >= {"person", "event"}


@pytest.mark.parametrize("fact, said", [
    (salvage.Progress(salvage.READING, "shop_order", 3, 9), "Rescuing the damaged database… (shop orders, 3 of 9 tables)"),
    (salvage.Progress(salvage.READING, "person", 1, 1), "Rescuing the damaged database… (people, 1 of 1 table)"),
    (salvage.Progress(salvage.READING, "event", 2, 9, 12500),
     "Rescuing the damaged database… (timeline, 2 of 9 tables)\n12,500 rows read so far"),
    (salvage.Progress(salvage.READING, "reminder_state", 8, 9, 1),
     "Rescuing the damaged database… (other data, 8 of 9 tables)\n1 row read so far"),
    (salvage.Progress(salvage.REBUILDING), "Rescuing the damaged database… (putting it all back together)"),
    (salvage.Progress(salvage.CHECKING), "Rescuing the damaged database… (checking the result)"),
    (salvage.Progress(salvage.COMPARING), "Rescuing the damaged database… (comparing it with the newest backup)"),
])
def test_the_progress_in_her_words(fact, said):
    assert backup_texts.salvage_progress(fact) == said


def test_the_command_line_gets_one_line_per_table():
    fact = salvage.Progress(salvage.READING, "event", 2, 9, 12500)
    assert backup_texts.salvage_progress(fact, rows=False) == "Rescuing the damaged database… (timeline, 2 of 9 tables)"


class Painting:
    """What the window showed at each fact of the salvage, and whether the event loop turned
    while the salvage still ran (a timer posted at the first fact fired before the last)."""

    def __init__(self, shown):
        self.shown = shown  # () -> the text on screen
        self.facts: list[salvage.Progress] = []
        self.texts: list[str] = []
        self.turned_at: int | None = None

    def wrap(self, real):
        def spy(fact):
            if not self.facts:
                QTimer.singleShot(0, lambda: setattr(self, "turned_at", len(self.facts)))
            self.facts.append(fact)
            real(fact)
            self.texts.append(self.shown())
        return spy


@pytest.mark.parametrize("last_run", ["crashed", "ended normally"])
def test_the_start_shows_how_far_the_salvage_is_and_keeps_painting(qtbot, data_dir, monkeypatch, no_other_instance,
                                                                   last_run):
    """The reviewer's case at start: the page that said "Opening your data…" says which part
    of her data is being rescued, the window painting between the steps (after a crash the
    file is checked before the window is completed); or the status bar says it (the damage
    met by the first queries of a completed window, the check beside the start)."""
    from desktop.views import dialogs
    from tests.helpers import start_app, stop_app

    _path, _taken = damaged_shop()
    if last_run == "crashed":
        recovery.mark_running()  # left behind: the whole file is checked before it opens
    told = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: told.append(title))
    monkeypatch.setattr(app_module, "utcnow", lambda: NOW)
    application = None
    painting = None
    real_open = app_module.Application._open

    def open_watched(self):
        nonlocal painting
        painting = Painting(lambda: self.window.opening.text() if self.window.opening is not None
                            else "status bar: " + self.window.statusBar().currentMessage())
        monkeypatch.setattr(self, "_show_salvage", painting.wrap(self._show_salvage))
        real_open(self)

    monkeypatch.setattr(app_module.Application, "_open", open_watched)
    application = start_app(qtbot, "en")
    try:
        qtbot.waitUntil(lambda: application.ready, timeout=20000)
        assert len(names()) == 220 and told  # salvaged, and told so
        assert painting is not None and painting.facts, "no progress shown at start"
        where = "" if last_run == "crashed" else "status bar: "  # (the opening page, else the status bar)
        assert painting.texts == [where + backup_texts.salvage_progress(f) for f in painting.facts]
        assert any("(people, " in t for t in painting.texts) and any("(timeline, " in t for t in painting.texts)
        if last_run == "crashed":  # the shell reads nothing of her data: the window paints meanwhile
            assert painting.turned_at is not None and painting.turned_at < len(painting.facts), "it did not paint"
        else:  # a complete window's views would read the data closed for the repair: no event handled
            assert painting.turned_at is None or painting.turned_at == len(painting.facts)
    finally:
        stop_app(application, qtbot)


def test_file_restore_of_a_damaged_file_shows_how_far_it_is(qtbot, data_dir, monkeypatch):
    from desktop.views import dialogs
    from tests.helpers import make_window

    kept = kept_damaged_file()
    open_database()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(kept))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    window = make_window(qtbot, "en")
    painting = Painting(lambda: window.statusBar().currentMessage())
    monkeypatch.setattr(window, "_salvage_progress", painting.wrap(window._salvage_progress))
    window.restore_backup()
    assert len(names()) == 220
    assert painting.facts and painting.texts == [backup_texts.salvage_progress(f) for f in painting.facts]
    assert painting.turned_at is not None and painting.turned_at < len(painting.facts)
    assert window.statusBar().currentMessage() == ""  # not left saying it still rescues
