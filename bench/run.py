"""Afspraak benchmarks: every figure measured several times, printed with its target.

    make bench                                   # large scale, the figures in the README
    python bench/run.py --scale tiny --repeats 1 # what CI runs to keep this working

Start-up figures are taken in fresh processes, alternating a bare PySide6 window (the
baseline) with ``afspraak gui --smoke-test`` on the generated data, so the start-up
target is a ratio to a window measured in the same run on the same machine. The other
figures run in one child process per figure on a scratch copy of the data, driving the
real views and store code. A figure whose code has not landed yet (ImportError) is
reported as "n/a", not as a failure.

Writes ``bench/out/results.json`` (every sample, median, min, max, p90) and
``bench/out/results.md`` (the table for the README). See docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402

OUT = ROOT / "bench" / "out"
CHILD_ENV = {"QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": "disabled:"}

# Issue 20's targets: one frame at 60 Hz for what answers a key or a click on a view
# already seen, 100 ms for a view's first visit, 1.5x a bare window for the owner's data
# on screen, 200 MB with every view open.
FRAME_MS = 16.0
FIRST_VISIT_MS = 100.0
START_RATIO = 1.5
PEAK_MB = 200.0


# --- results -------------------------------------------------------------------------

@dataclass
class Result:
    key: str
    label: str
    unit: str  # "s", "ms", "MB", "x"
    samples: list[float] = field(default_factory=list)
    target: float | None = None  # the figure must stay below (or at, for ratios) this
    status: str = ""  # pass, miss, n/a, info, error
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    def judge(self) -> "Result":
        if self.status:
            return self
        if not self.samples:
            self.status = "n/a"
        elif self.target is None:
            self.status = "info"
        else:  # every target is "at most" (issue 20 states them so)
            self.status = "pass" if self.median <= self.target else "miss"
        return self

    def summary(self) -> dict:
        s = sorted(self.samples)
        out = asdict(self)
        out.update(median=self.median, min=s[0] if s else None, max=s[-1] if s else None,
                   p90=s[min(len(s) - 1, int(round(0.9 * (len(s) - 1))))] if s else None, n=len(s))
        return out


def not_available(key: str, label: str, unit: str, target: float | None, why: str) -> Result:
    return Result(key, label, unit, target=target, status="n/a", note=why)


# --- helpers used inside the child processes -----------------------------------------

def _qapp():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _open(data_dir: Path) -> None:
    from desktop import i18n, paths
    from desktop.store.db import close_database
    from desktop.store.opening import open_database

    close_database()
    paths.set_data_dir(data_dir)
    open_database()
    i18n.set_language("nl")


# How often the tray looks what is due (desktop/scheduler.py RECHECK, without loading Qt here).
RECHECK = timedelta(minutes=5)


def _anchor(manifest: dict) -> datetime:
    return datetime.fromisoformat(manifest["now"])


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def _settle(app) -> None:
    """Let Qt do what the change asked for: layout and the one repaint (as in the app,
    where the event loop paints once after the model changes)."""
    app.processEvents()


def _count_paints(widget):
    """Count paint events on ``widget`` (to check that a measured step really painted)."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        paints = 0

        def eventFilter(self, _obj, event):
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    counter = Counter(widget)
    widget.installEventFilter(counter)
    return counter


# --- figures measured in-process (each one runs in its own child) ----------------------

TYPED = "sanne de v"  # what the filter figures type, one key at a time, then erase


def _time_typing(app, type_text, count, repeats: int) -> tuple[list[float], list[int]]:
    """``TYPED`` typed into a search field and erased, key by key, ``repeats`` times: each
    key's time (``type_text(text)``, then Qt's layout and paint) and what ``count()`` says
    is shown after it."""
    steps = [TYPED[:i] for i in range(1, len(TYPED) + 1)] + [TYPED[:i] for i in range(len(TYPED) - 1, -1, -1)]
    samples, shown = [], []
    for _ in range(repeats):
        for text in steps:
            started = time.perf_counter()
            type_text(text)
            _settle(app)
            samples.append(_ms(time.perf_counter() - started))
            shown.append(count())
    return samples, shown


def measure_filter_keystroke(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """Type a name into the influencer search, one key at a time, then erase it.

    Each sample is one keystroke: set the text, run the view's filter (the 120 ms
    typing pause before it is a deliberate wait, not work, and is left out), and let
    Qt lay out and paint the list."""
    key, label, target = "filter_keystroke", "Influencer filter, per keystroke", FRAME_MS
    try:
        from desktop.views.influencers import InfluencersView
    except ImportError as exc:
        return not_available(key, label, "ms", target, f"influencer view missing: {exc}")
    app = _qapp()
    _open(data_dir)
    view = InfluencersView()
    view.resize(1200, 760)
    view.show()
    view.refresh()
    _settle(app)
    while getattr(view.model, "loading", False):  # a long list comes in pages (views/rows.py)
        app.processEvents()
    _settle(app)
    apply = getattr(view, "_apply_filter", None)
    if apply is None:
        return not_available(key, label, "ms", target, "InfluencersView has no _apply_filter: wire the new filter here")
    total = view.model.rowCount()
    painted = _count_paints(view.table.viewport())

    def type_text(text: str) -> None:
        view.search.setText(text)
        apply()

    samples, shown = _time_typing(app, type_text, view.model.rowCount, repeats)
    view.close()
    return Result(key, label, "ms", samples, target,
                  note=f"{total:,} influencers; typing and erasing “{TYPED}”",
                  extra={"rows_total": total, "rows_shown_min": min(shown), "paints": painted.paints})


def measure_chooser_keystroke(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """The privacy menu's "who?" list (everyone the data holds, by name and e-mail
    address): type a name into its search, one key at a time, then erase it. Each sample
    is one keystroke: the list narrowed or widened, laid out and painted. The opening of
    the list (reading everyone, making the dialog) is in the note."""
    key, label, target = "chooser_keystroke", "Privacy \u201cwho?\u201d list, per keystroke", FRAME_MS
    try:
        from desktop.views.privacy_actions import person_entries
        from desktop.views.shipping_dialogs import Chooser
    except ImportError as exc:
        return not_available(key, label, "ms", target, f"chooser missing: {exc}")
    app = _qapp()
    _open(data_dir)
    started = time.perf_counter()
    entries = person_entries()
    form = Chooser(None, "Privacy", "Wie?", entries)
    form.dialog.show()
    _settle(app)
    opened = _ms(time.perf_counter() - started)
    painted = _count_paints(form.list.viewport())
    samples, shown = _time_typing(app, form.filter.setText, lambda: len(form.shown_texts()), repeats)
    form.dialog.close()
    return Result(key, label, "ms", samples, target,
                  note=f"{len(entries):,} people; typing and erasing \u201c{TYPED}\u201d; opened in {opened:.0f} ms",
                  extra={"lines_total": len(entries), "lines_shown_min": min(shown), "paints": painted.paints,
                         "opened_ms": opened})


def measure_timeline_page(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """The timeline's first page: from asking for it to the list painted."""
    key, label, target = "timeline_page", "Timeline, first page", 50.0
    try:
        from desktop.views.timeline import TimelineView
    except ImportError as exc:
        return not_available(key, label, "ms", target, f"timeline view missing: {exc}")
    app = _qapp()
    _open(data_dir)
    view = TimelineView()
    view.resize(1200, 760)
    view.show()
    _settle(app)
    samples = []
    for _ in range(max(repeats, 3)):
        started = time.perf_counter()
        view.refresh()
        _settle(app)
        samples.append(_ms(time.perf_counter() - started))
    rows = view.model.rowCount()
    view.close()
    return Result(key, label, "ms", samples, target,
                  note=f"{manifest['counts']['events']:,} events; {rows:,} rows in the list (day headings included)",
                  extra={"rows_loaded": rows})


def measure_timeline_filter(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """A filter change (one event kind, then everything again) in the real timeline view,
    over every event, not only a loaded page: from the change to the list painted."""
    key, label, target = "timeline_filter", "Timeline, filter change", 50.0
    try:
        from desktop.views.timeline import TimelineView
    except ImportError as exc:
        return not_available(key, label, "ms", target, f"timeline view missing: {exc}")
    if not hasattr(TimelineView, "set_filter"):
        return not_available(key, label, "ms", target, "TimelineView has no set_filter(kind=...): wire it here")
    app = _qapp()
    _open(data_dir)
    view = TimelineView()
    view.resize(1200, 760)
    view.show()
    view.refresh()
    _settle(app)
    samples, totals = [], {}
    for _ in range(max(repeats, 3)):
        for kind in ("message", "reminder", "shipment", "rating", ""):
            started = time.perf_counter()
            view.set_filter(kind=kind)
            _settle(app)
            samples.append(_ms(time.perf_counter() - started))
            totals[kind or "all"] = getattr(view.model, "total", view.model.rowCount())
    view.close()
    return Result(key, label, "ms", samples, target,
                  note=f"{manifest['counts']['events']:,} events; kinds message, reminder, shipment, rating, all",
                  extra={"matching": totals})


def measure_timeline_kind_query(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """The store's half of a timeline filter change: the newest 200 events of one kind,
    as model objects with their person (what a page of the list needs)."""
    from peewee import JOIN

    from desktop.store.models import Event, Person

    _open(data_dir)
    samples, counts = [], {}
    for _ in range(max(repeats, 3)):
        for kind in ("message", "reminder", "shipment", "rating"):
            started = time.perf_counter()
            page = list(Event.select(Event, Person).join(Person, JOIN.LEFT_OUTER).where(Event.kind == kind)
                        .order_by(Event.at.desc(), Event.id.desc()).limit(200))
            samples.append(_ms(time.perf_counter() - started))
            counts[kind] = len(page)
    return Result("timeline_kind_query", "Timeline filter, store query (200 of one kind)", "ms", samples, 50.0,
                  note=f"{manifest['counts']['events']:,} events; index event_kind_at", extra={"rows": counts})


def measure_due_scan(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """"What is due now" over the whole dataset, from the moment the data was made for on, a
    tray scan apart (the first reads the data, the next take it from that load, fix 66)."""
    key, label, target = "due_scan", "Due scan (what is due now)", 10.0
    try:
        from desktop.store import due  # lands with the follow-up ladder (branch ladder)
    except ImportError as exc:
        return not_available(key, label, "ms", target, f"waits for desktop.store.due (branch ladder) [{type(exc).__name__}]")
    scan = getattr(due, "due_now", None) or getattr(due, "scan", None)
    if scan is None:
        return not_available(key, label, "ms", target, "desktop.store.due has no due_now(now): wire it here")
    _open(data_dir)
    now = _anchor(manifest)
    samples, found = [], 0
    for n in range(max(repeats, 5)):
        moment = now + n * RECHECK  # each at a moment of its own, as the tray scans
        started = time.perf_counter()
        found = len(list(scan(moment)))
        samples.append(_ms(time.perf_counter() - started))
    return Result(key, label, "ms", samples, target, extra={"due": found},
                  note=f"{found:,} items due; a scan every {RECHECK.seconds // 60} minutes, the first after opening")


def measure_week_plan(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """The week's plan, ``due.plan(now)``: what the tray's periodic scan and Vandaag compute
    (the items due now and the next moment something comes due). Information: the due
    scan's shortcut (fix 22) does not apply to it."""
    from desktop.store import due

    _open(data_dir)
    now = _anchor(manifest)
    samples, found = [], 0
    for n in range(max(repeats, 5)):
        moment = now + n * RECHECK  # each at a moment of its own, as the tray scans
        started = time.perf_counter()
        found = len(due.plan(moment))
        samples.append(_ms(time.perf_counter() - started))
    return Result("week_plan", "Week's plan (the tray's scan, Vandaag)", "ms", samples, None,
                  note=f"{found:,} items, due now and in the week ahead; a plan every {RECHECK.seconds // 60} "
                       "minutes, the first after opening")


def measure_import(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """Import the generated WooCommerce CSV into a fresh database, as the app does it:
    parse (in the app on a worker thread), then write in one transaction in chunks of
    500, handing control to the event loop between chunks. Also reports the longest the
    event loop waited between two chunks (the window's responsiveness during the write)."""
    key, label, target = "import_products", "Import products CSV", 2.0
    try:
        from desktop.domain.importers import parse_export  # branch shipments
        from desktop.store.catalogue import apply_import
    except ImportError as exc:
        return not_available(key, label, "s", target,
                             f"waits for desktop.domain.importers (branch shipments) [{type(exc).__name__}]")
    app = _qapp()
    csv_path = data_dir / "products-woocommerce.csv"
    now = _anchor(manifest)
    samples, parse_s, longest_gap, imported = [], [], 0.0, 0
    for _ in range(max(1, min(repeats, 3))):
        with tempfile.TemporaryDirectory() as scratch:
            _open(Path(scratch))
            started = time.perf_counter()
            parsed = parse_export(csv_path.read_bytes())
            parsed_at = time.perf_counter()
            last = [parsed_at]

            def step(_done: int, _total: int, last: list[float] = last) -> bool:
                nonlocal longest_gap
                moment = time.perf_counter()
                longest_gap = max(longest_gap, moment - last[0])
                app.processEvents()
                last[0] = time.perf_counter()
                return True

            summary = apply_import(parsed, now, progress=step)
            samples.append(round(time.perf_counter() - started, 4))
            parse_s.append(round(parsed_at - started, 4))
            imported = summary.new
    from desktop.store.db import close_database

    close_database()
    return Result(key, label, "s", samples, target,
                  note=f"{manifest['csv_rows']:,} rows, WooCommerce; event loop waited at most "
                       f"{longest_gap * 1000:.0f} ms while writing",
                  extra={"parse_s": parse_s, "longest_gap_ms": round(longest_gap * 1000, 1), "products": imported})


def measure_open_views(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """Start the app in this process, then open every view once: the first visit to
    each (the view is built, filled and painted), then switch back to each view already
    seen, several rounds (one frame each: nothing is loaded again); and the peak
    resident memory with all of them filled."""
    import resource

    from desktop.app import Application

    os.environ["AFSPRAAK_DATA_DIR"] = str(data_dir)
    app = Application(["afspraak"], cli_language="nl", smoke_test=True)
    app.start()
    deadline = time.monotonic() + 120
    while not app.ready and time.monotonic() < deadline:  # the database opens after the first paint
        app.qt.processEvents()
        time.sleep(0.001)
    if not app.ready:
        raise RuntimeError("the app did not finish opening its data within 120 s")
    # The start-up's own last step, the reminders' first scan, runs at the window's next
    # paint (or a second later): let it run now, or it lands in the first view visited.
    scheduler = getattr(app, "scheduler", None)
    while scheduler is not None and getattr(scheduler, "planned", True) is None and time.monotonic() < deadline:
        app.qt.processEvents()
        time.sleep(0.001)
    window = app.window
    _settle(app.qt)

    def peak() -> float:
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    def visit(key: str) -> float:
        started = time.perf_counter()
        window.show_view(key)
        _settle(app.qt)  # laid out and painted
        return _ms(time.perf_counter() - started)

    def loading() -> bool:
        return any(getattr(getattr(v, "model", None), "loading", False) for v in window.built_views())

    def rows_in(started: float) -> tuple[float, float]:
        """A list that reads its rows a chunk per event-loop turn after the first screenful
        (views/rows.py): the turns until every row is in, from the visit's start, and the
        longest of those turns (what a click or key waits for at most meanwhile)."""
        longest, last = 0.0, not loading()
        if last:
            return None, None  # every row came with the visit
        while not last:
            last = not loading()  # and one turn more: the rows added are laid out and painted
            turn = time.perf_counter()
            app.qt.processEvents()
            longest = max(longest, time.perf_counter() - turn)
        return _ms(time.perf_counter() - started), _ms(longest)

    keys = list(getattr(window, "view_keys", None) or [v.key for v in window.views])
    on_screen = window.current_view().key
    visits, peaks, all_in, longest_turn = {}, {"start": peak()}, {}, {}
    for key in keys:
        started = time.perf_counter()
        visits[key] = visit(key)
        all_in[key], longest_turn[key] = rows_in(started)
        peaks[key] = peak()
    switches: dict[str, list[float]] = {key: [] for key in keys}
    for _ in range(max(3, repeats)):
        for key in keys:
            switches[key].append(visit(key))
    window.show_view(on_screen)  # the next run starts where this one did (the last view is saved)
    window.close()
    return Result("peak_memory", "Peak memory, every view opened", "MB", [peak()], PEAK_MB,
                  note="peak resident set size after opening all views",
                  extra={"first_visit_ms": visits, "switch_back_ms": switches, "peak_after_mb": peaks,
                         "on_screen_at_start": on_screen, "all_rows_in_ms": all_in,
                         "longest_turn_ms": longest_turn})


START_ELSEWHERE = "influencers"  # where today_first_visit's app starts (the view it was left on)


def measure_today_first_visit(data_dir: Path, manifest: dict, repeats: int) -> Result:
    """Vandaag's first visit when the app starts on another view: the owner left it on
    Influencers yesterday (the last view is saved), and she opens Vandaag. ``open_views``
    starts on Vandaag, so it sees that view filled at start-up, not visited."""
    from desktop.app import Application
    from desktop.store import settings
    from desktop.store.db import close_database

    _open(data_dir)
    saved = settings.get("last_view")
    settings.set("last_view", START_ELSEWHERE)
    close_database()
    os.environ["AFSPRAAK_DATA_DIR"] = str(data_dir)
    app = Application(["afspraak"], cli_language="nl", smoke_test=True)
    app.start()
    deadline = time.monotonic() + 120
    while not app.ready and time.monotonic() < deadline:
        app.qt.processEvents()
        time.sleep(0.001)
    if not app.ready:
        raise RuntimeError("the app did not finish opening its data within 120 s")
    window = app.window
    on_screen = window.current_view().key
    # The start-up's reminders scan and the rest of the list on screen (read a chunk a
    # turn): both done before the visit, as open_views waits for them.
    scheduler = getattr(app, "scheduler", None)
    while time.monotonic() < deadline and (
            (scheduler is not None and getattr(scheduler, "planned", True) is None)
            or any(getattr(getattr(v, "model", None), "loading", False) for v in window.built_views())):
        app.qt.processEvents()
        time.sleep(0.001)
    _settle(app.qt)
    # She opens Vandaag at least a second after the start: not at the moment (to the second)
    # the start's scan planned, which the due scan's kept load would answer as asked before.
    from desktop import clock

    scanned_at = clock.utcnow()
    while clock.utcnow() == scanned_at and time.monotonic() < deadline:  # the app idle meanwhile: its timers run
        app.qt.processEvents()
        time.sleep(0.01)
    _settle(app.qt)
    started = time.perf_counter()
    window.show_view("today")
    _settle(app.qt)
    visit = _ms(time.perf_counter() - started)
    window.show_view(saved if saved in getattr(window, "view_keys", [saved]) else "today")
    window.close()  # saves the view shown: the next run starts where the others did
    return Result("first_visit_today", "First visit of the today view", "ms", [visit], FIRST_VISIT_MS,
                  note=f"the app started on {on_screen} (the view it was left on); built, filled and painted "
                       "on the first visit", extra={"on_screen_at_start": on_screen})


CHILD_MEASURES = {
    "filter_keystroke": measure_filter_keystroke,
    "chooser_keystroke": measure_chooser_keystroke,
    "timeline_page": measure_timeline_page,
    "timeline_filter": measure_timeline_filter,
    "timeline_kind_query": measure_timeline_kind_query,
    "due_scan": measure_due_scan,
    "week_plan": measure_week_plan,
    "import_products": measure_import,
    "open_views": measure_open_views,
    "today_first_visit": measure_today_first_visit,
}


# --- the parent: start-ups in fresh processes, the rest in children -----------------------

def _env(extra: dict | None = None) -> dict:
    env = dict(os.environ, **CHILD_ENV)
    env.pop("AFSPRAAK_DATA_DIR", None)
    env.update(extra or {})
    return env


def timed_start(cmd: list[str], marker: str, env: dict, then: tuple[str, ...] = ()
                ) -> tuple[float, float, float, list[float]]:
    """Seconds from spawning ``cmd`` to the line ``marker`` on its stdout, its peak RSS
    (MB), the CPU seconds it used in all (less sensitive to a busy machine), and the
    seconds to each later line in ``then``, in that order."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env, cwd=ROOT, text=True)
        elapsed, later, waiting = None, [], list(then)
        for line in proc.stdout:
            if elapsed is None and line.strip() == marker:
                elapsed = time.perf_counter() - started
            elif elapsed is not None and waiting and line.strip() == waiting[0]:
                later.append(time.perf_counter() - started)
                waiting.pop(0)
            if elapsed is not None and not waiting:
                break
        proc.stdout.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if elapsed is None or waiting or proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{cmd[1:]} failed ({proc.returncode}): {err.read().decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, later


# The app prints SHOWN right after the first paint of its window: the shell (menus,
# sidebar, "opening your data"), before the database is opened (fix 21). READY follows
# when the database is open and the view on screen is filled and painted: what the owner
# waits for before she can work. SMOKE_OK ends the smoke test's self-check (it imports
# every module: time the owner never waits for); it was the endpoint up to fix 15.
SHOWN, READY, SMOKE_OK = "smoke-test: window shown", "smoke-test: views ready", "smoke-test: ok"


def measure_startup(data_dir: Path, repeats: int, demo_dir: Path | None = None) -> list[Result]:
    """Bare window, the app on the dataset, on the demo shop and on an empty database, in turn."""
    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    list_cmd = [*bare_cmd, "--list"]
    app_cmd = [sys.executable, "-m", "desktop", "--lang", "nl", "gui", "--smoke-test"]
    app_env = _env({"AFSPRAAK_DATA_DIR": str(data_dir)})
    empty_env = _env({"AFSPRAAK_DATA_DIR": str(data_dir.parent / f"{data_dir.name}-empty")})
    demo_env = _env({"AFSPRAAK_DATA_DIR": str(demo_dir)}) if demo_dir else None
    # The first start of the day also checks the whole file and takes the daily backup: timed on its own.
    first_day = timed_start(app_cmd, SHOWN, app_env, then=(READY, SMOKE_OK))[3][0]
    timed_start(app_cmd, SHOWN, empty_env, then=(READY, SMOKE_OK))  # creates the empty database
    if demo_env:
        timed_start(app_cmd, SHOWN, demo_env, then=(READY, SMOKE_OK))  # the demo's daily backup
    timed_start(bare_cmd, "bare-window: ok", _env())  # warms the file cache
    bare, app, empty, ratios, empty_ratios, bare_rss, app_rss, cpu_ratios = [], [], [], [], [], [], [], []
    app_ready, ready_ratios, app_ok, ok_ratios = [], [], [], []
    demo_ready, demo_ratios, demo_shown_ratios = [], [], []
    list_ratios = []
    for _ in range(repeats):
        b, b_rss, b_cpu, _ = timed_start(bare_cmd, "bare-window: ok", _env())
        list_ratios.append(round(timed_start(list_cmd, "bare-window: ok", _env())[0] / b, 3))
        a, a_rss, a_cpu, (a_ready, a_ok) = timed_start(app_cmd, SHOWN, app_env, then=(READY, SMOKE_OK))
        e, _e_rss, _e_cpu, _ = timed_start(app_cmd, SHOWN, empty_env, then=(READY, SMOKE_OK))
        if demo_env:
            d, _d_rss, _d_cpu, (d_ready, _d_ok) = timed_start(app_cmd, SHOWN, demo_env, then=(READY, SMOKE_OK))
            demo_ready.append(round(d_ready, 4))
            demo_ratios.append(round(d_ready / b, 3))
            demo_shown_ratios.append(round(d / b, 3))
        cpu_ratios.append(round(a_cpu / b_cpu, 3) if b_cpu else None)
        bare.append(round(b, 4))
        app.append(round(a, 4))
        app_ready.append(round(a_ready, 4))
        app_ok.append(round(a_ok, 4))
        empty.append(round(e, 4))
        ratios.append(round(a / b, 3))
        ready_ratios.append(round(a_ready / b, 3))
        ok_ratios.append(round(a_ok / b, 3))
        empty_ratios.append(round(e / b, 3))
        bare_rss.append(round(b_rss, 1))
        app_rss.append(round(a_rss, 1))
    demo = []
    if demo_env:
        demo = [
            Result("demo_start_to_ready", "Demo shop: start to the list filled", "s", demo_ready, None,
                   note="the example shop (afspraak demo), to \"views ready\""),
            Result("demo_start_to_ready_ratio", "Demo shop: start to the list filled, ratio to bare window", "x",
                   demo_ratios, START_RATIO, note="per pair of runs, taken in turn",
                   extra={"first_window_ratio": demo_shown_ratios}),
        ]
    return [
        Result("bare_window", "Bare PySide6 window, start to shown", "s", bare, None,
               note="the baseline", extra={"peak_rss_mb": bare_rss}),
        Result("cold_start", "App cold start to first painted window", "s", app, None,
               note="afspraak gui --smoke-test to \"window shown\""),
        Result("list_window_ratio", "Bare window with a filled list, ratio to bare window", "x", list_ratios, None,
               note="the floor: 30 rows in a QTableWidget, shown and painted (bench/bare_window.py --list)"),
        Result("start_ratio", "Start-up, ratio to bare window", "x", ratios, START_RATIO,
               note="first painted window; per pair of runs, taken in turn"),
        Result("start_to_ready", "Start to the list on screen filled", "s", app_ready, None,
               note="to \"views ready\": database open, the view on screen filled and painted",
               extra={"ratio_to_bare": ready_ratios}),
        Result("start_to_ready_ratio", "Start to the list filled, ratio to bare window", "x", ready_ratios,
               START_RATIO, note="per pair of runs, taken in turn (issue 20's start-up figure)"),
        *demo,
        Result("start_ratio_cpu", "Start-up, ratio of CPU time", "x", [r for r in cpu_ratios if r], None,
               note="whole process to exit (self-check included), user + system; steadier on a busy machine"),
        Result("start_ratio_empty", "Start-up on an empty database, ratio", "x", empty_ratios, None,
               note="first painted window; the fixed cost: imports, forms"),
        Result("start_to_selfcheck", "Start to end of the smoke test's self-check", "s", app_ok, None,
               note="the endpoint of the figures up to fix 15 (\"smoke-test: ok\"), for comparison",
               extra={"ratio_to_bare": ok_ratios}),
        Result("first_start_of_day", "First start of the day (the day's check and backup beside her list)", "s",
               [round(first_day, 4)], None,
               note="to the list filled; once a day the whole file is checked and copied in a thread after it is painted"),
        Result("peak_memory_start", "Peak memory, app started", "MB", app_rss, PEAK_MB,
               note="peak resident set size of the cold starts (to exit, self-check included)"),
    ]


def measure_second_start(data_dir: Path, repeats: int, label: str, key: str) -> list[Result]:
    """A start while Afspraak already runs, minimised (in the tray: its window closed, or
    started at login): from spawning ``afspraak gui`` to the running window shown and painted with
    her list (the first instance prints "marks: shown again"), in turns with a bare window.
    Each round starts a fresh first instance and waits until it is ready."""
    app_cmd = [sys.executable, "-m", "desktop", "--lang", "nl", "gui"]
    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    env = _env({"AFSPRAAK_DATA_DIR": str(data_dir)})
    seconds, ratios = [], []
    for _ in range(repeats):
        first = subprocess.Popen([*app_cmd, "--minimised", "--marks"], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True)
        watchdog = threading.Timer(120, first.kill)  # a first instance that never gets ready ends the wait
        watchdog.start()
        second = None
        try:
            for line in first.stdout:
                if line.strip() == "marks: ready":
                    break
            else:
                raise RuntimeError(f"the first instance ended before it was ready ({first.wait()})")
            b = timed_start(bare_cmd, "bare-window: ok", _env())[0]
            started = time.perf_counter()
            second = subprocess.Popen(app_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
            for line in first.stdout:
                if line.strip().startswith("marks:"):
                    if line.strip() != "marks: shown again":
                        raise RuntimeError(f"the running window was not shown: {line.strip()}")
                    break
            else:
                raise RuntimeError(f"the first instance ended before it was shown again ({first.wait()})")
            elapsed = time.perf_counter() - started
            if second.wait(timeout=30) != 0:
                raise RuntimeError(f"the second start failed ({second.returncode})")
        finally:
            watchdog.cancel()
            for proc in (first, second):  # a second start that became an instance itself ends too
                if proc is not None and proc.poll() is None:
                    proc.kill()
                if proc is not None:
                    proc.wait(timeout=30)
        seconds.append(round(elapsed, 4))
        ratios.append(round(elapsed / b, 3))
    # The first instances were killed (the app has no quit from outside): one clean start and
    # quit, so the next process on this data does not take it for a crash and check the file.
    timed_start([*app_cmd, "--smoke-test"], SHOWN, env, then=(READY, SMOKE_OK))
    note = ("a second `afspraak gui` while one runs minimised: to its window shown with the list "
            "(every start after the first while it stays in the tray)")
    return [
        Result(f"{key}_s", f"{label}: start while it runs in the tray", "s", seconds, None, note=note),
        Result(key, f"{label}: start while it runs in the tray, ratio to bare window", "x", ratios, START_RATIO,
               note="per pair of runs, taken in turn"),
    ]


def make_demo_shop(folder: Path) -> Path | None:
    """The example shop the app offers (``afspraak demo``), in its own data dir: the
    issue's first start-up figure is taken on it. None (and no demo figures) if it fails."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    proc = subprocess.run([sys.executable, "-m", "desktop", "--lang", "nl", "demo"], capture_output=True, text=True,
                          env=_env({"AFSPRAAK_DATA_DIR": str(folder)}), cwd=ROOT, timeout=300)
    if proc.returncode != 0:
        print(f"demo shop not made ({proc.returncode}): {proc.stderr[-500:]}", flush=True)
        return None
    return folder


def run_child(name: str, data_dir: Path, manifest_path: Path, repeats: int) -> Result:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--data-dir", str(data_dir),
           "--manifest", str(manifest_path), "--repeats", str(repeats)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=600)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULT "):
            data = json.loads(line[len("RESULT "):])
            return Result(**data)
    return Result(name, name, "", status="error", note=(proc.stderr or proc.stdout)[-1500:])


def open_views_figures(data_dir: Path, manifest_path: Path, repeats: int) -> list[Result]:
    """Every view's first visit and the switch back to it, and the peak memory, from a few
    fresh app processes (a first visit happens once per process): medians over them."""
    # Five processes: on this shared machine one run in four or five is slower throughout (every
    # step alike, the CPU it got), and a median of three then moved by 50 ms (docs/PERFORMANCE.md).
    runs = [run_child("open_views", data_dir, manifest_path, repeats) for _ in range(max(1, min(repeats, 5)))]
    good = [r for r in runs if r.status != "error"]
    if not good:
        return [runs[0]]
    keys = list(good[0].extra["first_visit_ms"])
    out = []
    for key in keys:
        firsts = [r.extra["first_visit_ms"][key] for r in good]
        at_start = all(r.extra.get("on_screen_at_start") == key for r in good)
        if at_start and key == "today":  # filled at start-up: its first visit from a start elsewhere
            out.append(today_first_visit_figure(data_dir, manifest_path, repeats, firsts))
        else:
            out.append(Result(f"first_visit_{key}", f"First visit of the {key} view", "ms", firsts, FIRST_VISIT_MS,
                              note="on screen at start-up (filled then); this is the switch to it"
                              if at_start else "built, filled and painted on the first visit"))
        all_in = [r.extra.get("all_rows_in_ms", {}).get(key) for r in good]
        if any(a is not None for a in all_in):  # a list that read the rest of its rows after the visit
            turns = [t for r in good if (t := r.extra["longest_turn_ms"][key]) is not None]
            out.append(Result(f"all_rows_in_{key}", f"First visit of the {key} view, until every row is in", "ms",
                              [a for a in all_in if a is not None], None,
                              note="the rest of the list read a chunk per event-loop turn after the first "
                                   f"screenful, and painted; longest turn meanwhile {statistics.median(turns):.1f} ms (median)",
                              extra={"longest_turn_ms": turns}))
    switches = [ms for r in good for key in keys for ms in r.extra["switch_back_ms"][key]]
    worst = {key: max(ms for r in good for ms in r.extra["switch_back_ms"][key]) for key in keys}
    out.append(Result("switch_back", "Switching back to a view already seen", "ms", switches, FRAME_MS,
                      note="every view, several rounds; slowest per view: "
                           + ", ".join(f"{k} {v:.1f} ms" for k, v in worst.items()),
                      extra={"slowest_ms": worst}))
    peak = good[0]
    peak.samples = [r.samples[0] for r in good]
    peak.extra["runs"] = len(good)
    out.append(peak)
    return out


def today_first_visit_figure(data_dir: Path, manifest_path: Path, repeats: int, switches: list[float]) -> Result:
    """Vandaag's first visit, from fresh processes that start on another view (medians over
    them, as the other views' first visits); ``switches``: the switch to it where it was on
    screen at start-up, given in the note."""
    runs = [run_child("today_first_visit", data_dir, manifest_path, repeats) for _ in range(max(1, min(repeats, 5)))]
    good = [r for r in runs if r.status != "error"]
    if not good:
        return runs[0]
    first = good[0]
    first.samples = [r.samples[0] for r in good]
    first.note += (f"; on screen at start-up instead, the switch to it takes "
                   f"{statistics.median(switches):.1f} ms" if switches else "")
    return first


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:  # pragma: no cover
        qt = ""
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover - not on every platform
        load = []
    return {"cpu": cpu, "cores": os.cpu_count(), "system": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "pyside6": qt, "load_average_at_end": load}


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "s":
        return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}"


def target_text(r: Result) -> str:
    if r.target is None:
        return ""
    return f"≤ {fmt(r.target, r.unit)}"


def table(results: list[Result], markdown: bool = False) -> str:
    rows = []
    for r in results:
        s = r.summary()
        spread = "" if not r.samples else (
            f"{fmt(s['min'], r.unit)} – {fmt(s['max'], r.unit)}" if len(r.samples) > 1 else "one run")
        rows.append([r.label, fmt(s["median"], r.unit), spread, target_text(r), r.status, r.note])
    head = ["figure", "median", "spread (min – max)", "target", "result", "note"]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "/") for c in row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(str(x[i])) for x in [head, *rows]) for i in range(len(head) - 1)]
    lines = []
    for row in [head, *rows]:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths)) + "  " + row[-1])
        if row is head:
            lines.append("-" * (sum(widths) + 2 * len(widths) + 10))
    return "\n".join(lines)


def update_readme(readme: Path, text: str) -> None:
    """Put ``text`` between the bench markers in the README (the table there is a run's)."""
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    content = readme.read_text(encoding="utf-8")
    head, rest = content.split(start, 1)
    _old, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{text.strip()}\n{end}{tail}", encoding="utf-8")


def compile_app() -> None:
    """Write the app's bytecode (__pycache__), as an installed app has it.

    pip compiles what it installs and a PyInstaller bundle carries bytecode, and Python
    writes it on the first run; the editable install in .venv has none when the
    environment sets PYTHONDONTWRITEBYTECODE (as CI and some shells do), and then every
    start compiled ~90 modules first (0.3-0.4 s, not the owner's wait)."""
    import compileall

    compileall.compile_dir(str(ROOT / "desktop"), quiet=1)


def prepare(scale: str, seed: int, data_root: Path | None, scratch: Path) -> tuple[Path, Path, dict]:
    """Generate (or reuse) the dataset and copy it to a scratch dir the runs may change."""
    source = (data_root / f"{scale}-seed{seed}") if data_root else generate.data_dir_for(scale, seed)
    manifest = generate.generate(scale, seed, out=source)
    for folder in (scratch, scratch.parent / f"{scratch.name}-empty"):
        if folder.exists():
            shutil.rmtree(folder)
    scratch.mkdir(parents=True)
    for name in ("afspraak.sqlite3", "products-woocommerce.csv", "manifest.json"):
        shutil.copy2(source / name, scratch / name)
    compile_app()
    return scratch, scratch / "manifest.json", manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Afspraak benchmarks")
    parser.add_argument("--scale", choices=sorted(generate.SCALES), default="large")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--repeats", type=int, default=9, help="runs per figure (start-ups: pairs of runs)")
    parser.add_argument("--out", type=Path, default=OUT, help="where results.json and results.md go")
    parser.add_argument("--data-root", type=Path, help="where generated datasets are kept (default bench/data)")
    parser.add_argument("--only", nargs="*", help="measure only these figures (keys)")
    parser.add_argument("--update-readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        manifest = json.loads(args.manifest.read_text())
        result = CHILD_MEASURES[args.child](args.data_dir, manifest, args.repeats)
        print("RESULT " + json.dumps(asdict(result)), flush=True)
        return 0

    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir, manifest_path, manifest = prepare(args.scale, args.seed, args.data_root, args.out / f"run-{args.scale}")
    wanted = set(args.only or [])
    results: list[Result] = []
    if not wanted or wanted & {"start", "cold_start", "start_ratio", "bare_window", "start_to_ready", "start_to_ready_ratio",
                                "demo_start_to_ready_ratio", "second_start_ratio", "demo_second_start_ratio",
                                "list_window_ratio"}:
        print("start-up (fresh processes)…", flush=True)
        demo_dir = make_demo_shop(args.out / "run-demo")
        results += measure_startup(data_dir, args.repeats, demo_dir)
        if demo_dir:
            results += measure_second_start(demo_dir, args.repeats, "Demo shop", "demo_second_start_ratio")
        results += measure_second_start(data_dir, args.repeats, "Large shop", "second_start_ratio")
    for name in CHILD_MEASURES:
        if wanted and name not in wanted:
            continue
        print(f"{name}…", flush=True)
        if name == "open_views":
            results += open_views_figures(data_dir, manifest_path, args.repeats)
            continue
        if name == "today_first_visit" and (not wanted or "open_views" in wanted):
            continue  # one of open_views' figures
        results.append(run_child(name, data_dir, manifest_path, args.repeats))
    for r in results:
        r.judge()

    report = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "scale": args.scale, "seed": args.seed, "repeats": args.repeats,
        "dataset": manifest["counts"], "csv_rows": manifest["csv_rows"],
        "seconds": round(time.perf_counter() - started, 1),
        "results": [r.summary() for r in results],
    }
    (args.out / "results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    m = report["machine"]
    header = (f"Afspraak benchmarks, scale {args.scale} (seed {args.seed}), {args.repeats} runs each; "
              f"{m['cpu']}, {m['cores']} cores, Python {m['python']}, PySide6 {m['pyside6']}, "
              f"load average {m['load_average_at_end'][0] if m['load_average_at_end'] else '?'}; "
              f"{report['date'][:10]}")
    markdown = header + "\n\n" + table(results, markdown=True) + "\n"
    (args.out / "results.md").write_text(markdown)
    if args.update_readme:
        update_readme(ROOT / "README.md", markdown)
    print()
    print(header)
    print(table(results))
    print(f"\n{report['seconds']} s; written to {args.out / 'results.json'}")
    return 1 if any(r.status == "error" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
