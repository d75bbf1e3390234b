"""Test isolation: offscreen Qt, no D-Bus, a temporary data dir and database per test."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
os.environ.pop("AFSPRAAK_DATA_DIR", None)

from zoneinfo import ZoneInfo

from hypothesis import settings as hypothesis_settings

# Property tests draw the same examples on every run (the seed comes from each test), and
# no example database carries a failure from one run into the next: a red run can be
# repeated, and a green one stays green on another day.
hypothesis_settings.register_profile("afspraak", derandomize=True, database=None)
hypothesis_settings.load_profile("afspraak")

# The app is imported only now, on purpose: after the environment above is set (offscreen Qt,
# no D-Bus, no data dir of the user's), so nothing it reads at import time sees the real ones.
from desktop import clock, i18n, paths  # noqa: E402  (after the environment is set, on purpose)
from desktop.presentation import event_texts  # noqa: E402,F401  (hands the store its event wording)
from desktop.store.db import close_database  # noqa: E402  (after the environment is set, on purpose)
from desktop.store.opening import open_database  # noqa: E402  (after the environment is set, on purpose)

# The one "now" of the suite: a Monday morning, in UTC. Every part of the app asks
# desktop/clock.py, which the ``frozen_clock`` fixture below holds at this moment for every
# test, so the suite passes on any day; tests that need time to move use ``frozen_clock``.
NOW = datetime(2026, 11, 23, 9, 30)
# The computer's time zone as the app sees it: the owner's shop is in the Netherlands,
# whatever zone the machine running the suite is in ($TZ is left alone, so code that asks
# the machine instead of the owner's time shows up as a failure elsewhere).
OWNER_ZONE = ZoneInfo("Europe/Amsterdam")


class FrozenClock:
    """The app's clock in a test: ``now`` stays where it is put."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime) -> None:
        self.now = now

    def advance(self, delta) -> datetime:
        self.now += delta
        return self.now


@pytest.fixture(autouse=True)
def frozen_clock():
    fixed = FrozenClock(NOW)
    clock.freeze(fixed)
    clock.pin_system_zone(OWNER_ZONE)
    yield fixed
    clock.freeze(None)
    clock.pin_system_zone(None)
    clock.set_owner(None)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch, frozen_clock):
    folder = tmp_path / "data"
    monkeypatch.setenv("AFSPRAAK_DATA_DIR", str(folder))
    paths.set_data_dir(None)
    i18n.set_language("nl")
    yield folder
    close_database()
    paths.set_data_dir(None)
    i18n.set_language("nl")


class LanguageQuestion:
    """The first start's language question (views/dialogs.ask_language) in a test: answered
    at once with ``answer`` (Dutch, what is preselected), every time it was asked counted.
    Without it, a start on a machine whose locale names no language ("C.UTF-8") would wait
    for a click."""

    def __init__(self, real):
        self.asked = 0
        self.answer = "nl"
        self.real = real  # the dialog itself, for the test of the dialog

    def __call__(self, parent=None) -> str:
        self.asked += 1
        return self.answer


@pytest.fixture(autouse=True)
def language_question(monkeypatch):
    from desktop.views import dialogs

    question = LanguageQuestion(dialogs.ask_language)
    monkeypatch.setattr(dialogs, "ask_language", question)
    return question


@pytest.fixture(autouse=True)
def no_keys_held():
    """No modifier key nor mouse button held over from the test before. Qt keeps the
    modifiers of the last key event it was sent (QTest's Ctrl+V leaves Ctrl "down"), and a
    list then extends or toggles a selection as if Shift or Ctrl were held; and the buttons of
    the last mouse event (a double click sent without its release leaves the button "down"),
    and Vandaag then waits with its reload for the clock as if she held the mouse: a test
    passed or failed by the test run before it. After each test a release lets them go."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return  # no Qt in this test run yet: nothing was pressed
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.instance() is None:
        return
    if QGuiApplication.keyboardModifiers() != Qt.NoModifier:
        target = QWidget()
        QTest.keyRelease(target, Qt.Key_A)
        target.deleteLater()
        assert QGuiApplication.keyboardModifiers() == Qt.NoModifier
    if QGuiApplication.mouseButtons() != Qt.NoButton:
        target = QWidget()
        target.show()  # a window of its own: the release goes through the window system, as a press does
        for button in (Qt.LeftButton, Qt.RightButton, Qt.MiddleButton):
            if QGuiApplication.mouseButtons() & button:
                QTest.mouseRelease(target, button)
        target.close()
        target.deleteLater()
        assert QGuiApplication.mouseButtons() == Qt.NoButton


@pytest.fixture(autouse=True)
def no_window_left_open():
    """No window of the test before still on screen. A dialog or an always-on-top reminder popup
    a test left shown stayed the active window (or blocked the others, modal): Ctrl+N, a window
    shortcut, then did nothing in a later test (the full suite on 2026-12-06, random order)."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.hide()  # not close(): a window's closeEvent may ask something (close to the tray?)


@pytest.fixture
def database(data_dir):
    database = open_database()
    yield database
    close_database()


@pytest.fixture
def demo_db(database):
    from desktop import demo

    demo.fill(NOW)
    return database


@pytest.fixture
def translator(qapp):
    from desktop.views import translator as tr

    return tr.install(qapp)


@pytest.fixture
def no_other_instance(monkeypatch):
    """The app's start does not look for (or hand over to) a running Afspraak."""
    from desktop import single_instance

    monkeypatch.setattr(single_instance, "notify_running", lambda *a, **k: False)


@pytest.fixture
def every_day_a_working_day(monkeypatch):
    """Sundays and holidays as working days, for tests of the ladder's clock arithmetic on
    a day the clocks change (in Europe and America always a Sunday, on which no reminder
    comes since the walk-through's finding 3). The ladder's settled moments are kept per
    (moment, settings): cleared so that no answer of another test is reused."""
    from desktop.domain import followup, workdays

    followup._settle_anyone.cache_clear()
    # a Saturday she skips stays a day off (``skip_weekends``): her choice, not the calendar's
    monkeypatch.setattr(workdays, "is_working_day",
                        lambda day, country, skip_weekends=False: not (skip_weekends and day.weekday() >= 5))
    yield
    followup._settle_anyone.cache_clear()
