"""The screenshot scripts in docs/ run clean whenever they are run: they freeze the app's
clock at one working hour (docs/screenshot_time.py), so at night (the quiet hours, when
nothing is due) and in another time zone they take the same pictures."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _load(name: str):
    sys.path.insert(0, str(DOCS))
    try:
        spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(DOCS))


def test_the_screenshot_moment_is_a_working_hour_with_a_step_three_due(database):
    from desktop import clock, demo, reminders

    moment = _load("screenshot_time").fix_time()
    demo.fill(moment)
    assert clock.utcnow() == moment
    assert not clock.owner().is_quiet(moment)
    assert any(i.step == "3" and i.due <= moment for i in reminders.plan(moment))


def _run(script: str, out: Path, *args: str) -> None:
    """Run a script as ``make screenshots`` does; where Debian's faketime is installed, at
    one in the night in Amsterdam (the quiet hours), else in another zone than the shop's."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), TZ="America/New_York")
    env.pop("AFSPRAAK_DATA_DIR", None)
    command = [sys.executable, str(DOCS / script), "--out", str(out), *args]
    if shutil.which("faketime"):
        env["TZ"] = "Europe/Amsterdam"
        command = ["faketime", "-f", "@2026-12-04 01:00:00", *command]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.parametrize("args", [("--size", "1366x768", "--lang", "en", "--dark"), ("--size", "1920x1080")],
                         ids=["1366-dark-en", "1920-light-nl"])
def test_the_main_views_script_runs_clean(tmp_path, args):
    _run("make_screenshots.py", tmp_path, *args)
    names = {p.name for p in tmp_path.glob("*.png")}
    tail = f"{args[1].split('x')[0]}-{'dark-en' if '--dark' in args else 'light-nl'}"
    for scenario in ("today-step3", "today-agreement", "influencers-agreement-offer", "influencers-unchecked",
                     "influencers-content-check"):
        assert f"{scenario}-{tail}.png" in names


def test_the_agreement_and_check_scenarios_leave_the_example_shop_and_the_window_as_they_were(
        qtbot, demo_db, translator, tmp_path):
    """Staged on the example shop (a new influencer, a parcel, a logged reel) and taken back:
    the shots after them see the shop as made, the lists as wide as they were, Vandaag on
    screen, and nothing left to undo."""
    from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter

    from desktop.store.models import Collaboration, Content, Event, Handle, Person, Shipment
    from desktop.views.main_window import MainWindow

    shots = _load("make_screenshots")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    app = QApplication.instance()
    for view in window.views:  # each laid out once, as the shots before these leave them
        window.show_view(view.key)
        app.processEvents()
    window.show_view("today")
    app.processEvents()

    def state():
        return ([model.select().count() for model in (Person, Handle, Collaboration, Shipment, Content, Event)],
                {view.key: (view.findChild(QSplitter).sizes(), view.findChild(QScrollArea, "detailScroll").minimumWidth())
                 for view in window.views if view.findChild(QScrollArea, "detailScroll") is not None},
                window.current_view().key)

    before = state()
    with shots.kept_panes(window):
        shots.shoot_agreement(app, window, tmp_path, "1366-light-nl")
    app.processEvents()
    assert state() == before
    with shots.kept_panes(window):
        shots.shoot_content_check(app, window, tmp_path, "1366-light-nl", dark=False)
    app.processEvents()
    assert {p.name for p in tmp_path.glob("*.png")} == {
        f"{name}-1366-light-nl.png" for name in ("influencers-agreement-offer", "today-agreement",
                                                 "influencers-unchecked", "influencers-content-check")}
    assert state() == before
    assert window.undo_stack.count() == 0


def test_the_cannot_start_messages_are_drawn_whole_over_the_first_window(tmp_path):
    """``--only-cannot-start``: each of the three messages over the first window, at the size asked."""
    from PySide6.QtGui import QImage

    _run("make_screenshots.py", tmp_path, "--only-cannot-start", "--size", "1366x768", "--lang", "en", "--dark")
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == [f"cannot-start-{name}-1366-dark-en.png" for name in ("damaged", "full", "repaired")]
    for name in names:
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1366, 768)


def test_the_order_and_first_run_scripts_run_clean(tmp_path):
    _run("make_order_screenshots.py", tmp_path, "--lang", "en")
    _run("make_first_run_screenshots.py", tmp_path)
    names = {p.name for p in tmp_path.glob("*.png")}
    assert {"orders-preview-en.png", "maatwerk-imported-en.png", "first-run-example-nl.png",
            "first-run-language.png"} <= names


def test_the_no_tray_banner_is_switched_off_after_its_shot(qtbot, demo_db, tmp_path):
    from PySide6.QtWidgets import QApplication

    from desktop.views.main_window import MainWindow

    shots = _load("make_screenshots")
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    shots.shoot_reminders_without_tray(QApplication.instance(), window, tmp_path, "")
    assert (tmp_path / "fallback-banner.png").exists()
    window.set_due_count(7)  # the scheduler counts again
    window.show_view("timeline")
    assert not window.banner.isVisible()
