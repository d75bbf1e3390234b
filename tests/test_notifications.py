"""Choosing how reminders are shown, falling back, and notification buttons (fakes, offscreen).

The real notification service is exercised in test_notifications_dunst.py.
"""

import logging
import os
import threading
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import notifications
from desktop.domain.notify import Announcement
from desktop.notifications import Notifications, buttons_for, session_bus_possible
from desktop.tray import Tray

from .helpers import Item, describe, start_app, stop_app

T0 = datetime(2026, 11, 23, 10, 0)


class FakeNative:
    """Answers like ThreadedNotifier: from a worker thread, through the bridge."""

    def __init__(self, usable=True, shows=True, answers=True):
        self.usable, self.shows, self.answers = usable, shows, answers
        self.bridge = None
        self.probes = 0
        self.sent = []
        self.stopped = False

    def _later(self, emit, *args):
        worker = threading.Thread(target=emit, args=args)
        worker.start()
        worker.join()

    def probe(self):
        self.probes += 1
        if self.answers:
            self._later(self.bridge.probed.emit, self.usable, "fake service")

    def send(self, nid, title, body, buttons):
        self.sent.append({"id": nid, "title": title, "body": body, "buttons": buttons})
        if self.answers:
            self._later(self.bridge.sent.emit, nid, self.shows, "" if self.shows else "refused")

    def press(self, action, index=-1):
        self._later(self.bridge.action.emit, self.sent[index]["id"], action)

    def stop(self):
        self.stopped = True


def make(qtbot, native, **kwargs):
    tray = Tray(available=False, describe=describe)
    hub = Notifications(tray, native=native, **kwargs)
    if native is not None:
        native.bridge = hub.bridge
    hub.start()
    return tray, hub


def one(key="a", **fields):
    return Announcement(items=[Item(key, T0, **fields)], summary=False)


def several(n=3):
    return Announcement(items=[Item(str(i), T0) for i in range(n)], summary=True)


def test_native_with_buttons_is_chosen_when_the_service_can_show_them(qtbot, translator):
    native = FakeNative()
    tray, hub = make(qtbot, native)
    qtbot.waitUntil(lambda: hub.state == "ready", timeout=2000)
    hub.show_announcement(one())
    qtbot.waitUntil(lambda: hub.last_backend == "native", timeout=2000)
    sent = native.sent[0]
    assert sent["title"] == "Herinnering"
    assert "Sanne de Vries" in sent["body"]
    assert [label for _key, label in sent["buttons"]] == ["Openen", "Over 1 uur", "Morgen 09:00", "Afvinken"]
    assert not tray.popup.isVisible()  # shown natively, not twice
    hub.shutdown()
    assert native.stopped


def test_a_summary_has_no_done_button_like_the_popup(qtbot, translator):
    from desktop import i18n

    i18n.set_language("en")
    assert [key for key, _label in buttons_for(several())] == ["open", "hour", "tomorrow"]
    assert [label for _key, label in buttons_for(one())] == ["Open", "In 1 hour", "Tomorrow 09:00", "Done"]


@pytest.mark.parametrize("action, expected", [
    ("hour", ("snooze", timedelta(hours=1))),
    ("tomorrow", ("snooze", "tomorrow")),
    ("done", ("done", None)),
    ("open", ("open_item", "a")),
])
def test_buttons_do_what_the_popup_buttons_do_on_the_gui_thread(qtbot, translator, action, expected):
    native = FakeNative()
    tray, hub = make(qtbot, native)
    qtbot.waitUntil(lambda: hub.state == "ready", timeout=2000)
    hub.show_announcement(one())
    qtbot.waitUntil(lambda: hub.last_backend == "native", timeout=2000)
    got = []
    gui_thread = threading.get_ident()
    # Direct: the slots run where the tray's signals are emitted, i.e. where the press is handled
    direct = Qt.DirectConnection
    tray.snooze_items.connect(lambda items, how: got.append(("snooze", how, items, threading.get_ident())), direct)
    tray.done_items.connect(lambda items: got.append(("done", None, items, threading.get_ident())), direct)
    tray.open_item.connect(lambda item: got.append(("open_item", item.key, [item], threading.get_ident())), direct)
    tray.open_today.connect(lambda: got.append(("open_today", None, [], threading.get_ident())), direct)
    native.press(action)  # from a worker thread, as desktop-notifier's loop thread does
    qtbot.waitUntil(lambda: bool(got), timeout=2000)
    kind, how, items, thread = got[0]
    assert (kind, how) == expected
    assert [i.key for i in items] == ["a"]
    assert thread == gui_thread  # the GUI thread stays the only one that acts (and writes)
    native.press(action)  # a second press on the same notification: nothing twice...
    qtbot.waitUntil(lambda: len(got) == 2, timeout=2000)
    assert got[1][0] == "open_today"  # ...but never nothing: today's list opens
    hub.shutdown()


def test_open_on_a_summary_opens_today(qtbot, translator):
    native = FakeNative()
    tray, hub = make(qtbot, native)
    qtbot.waitUntil(lambda: hub.state == "ready", timeout=2000)
    hub.show_announcement(several())
    qtbot.waitUntil(lambda: hub.last_backend == "native", timeout=2000)
    assert native.sent[0]["title"] == "3 herinneringen"
    with qtbot.waitSignal(tray.open_today, timeout=2000):
        native.press("open")
    hub.shutdown()


def test_no_service_with_buttons_falls_back_to_the_popup(qtbot, translator):
    native = FakeNative(usable=False)
    tray, hub = make(qtbot, native)
    qtbot.waitUntil(lambda: hub.state == "unavailable", timeout=2000)
    hub.show_announcement(one())
    assert native.sent == []
    assert hub.last_backend == "popup" and tray.popup.isVisible()
    assert "Sanne de Vries" in tray.popup.shown_text()
    hub.shutdown()


def test_with_a_tray_the_balloon_comes_before_the_popup(qtbot, translator):
    class BalloonIcon:
        def supportsMessages(self):
            return True

    class FakeTray:
        describe = staticmethod(describe)
        icon = BalloonIcon()

        def __init__(self):
            self.shown = []

        def show_announcement(self, announcement):
            self.shown.append(announcement)

    tray = FakeTray()
    hub = Notifications(tray, native=None)
    hub.start()
    hub.show_announcement(one())
    assert hub.last_backend == "balloon" and len(tray.shown) == 1


def test_a_refused_notification_is_shown_by_the_popup_and_logged(qtbot, translator, caplog):
    native = FakeNative(shows=False)
    tray, hub = make(qtbot, native)
    qtbot.waitUntil(lambda: hub.state == "ready", timeout=2000)
    with caplog.at_level(logging.WARNING, logger="desktop.notifications"):
        hub.show_announcement(one())
        qtbot.waitUntil(tray.popup.isVisible, timeout=2000)
    assert "did not show a reminder" in caplog.text and "refused" in caplog.text
    assert hub.state == "unavailable" and hub.last_backend == "popup"
    tray.popup.hide()
    hub.show_announcement(one("b"))  # the next one goes straight to the popup
    assert tray.popup.isVisible() and len(native.sent) == 1
    hub.shutdown()


def test_a_service_that_never_confirms_is_not_waited_for_long(qtbot, translator, caplog):
    native = FakeNative()
    tray, hub = make(qtbot, native, send_timeout=0.0)
    qtbot.waitUntil(lambda: hub.state == "ready", timeout=2000)
    native.answers = False  # the service hangs after answering the probe
    with caplog.at_level(logging.WARNING, logger="desktop.notifications"):
        hub.show_announcement(one())
        assert not tray.popup.isVisible()
        qtbot.waitUntil(tray.popup.isVisible, timeout=3000)  # the watchdog (send timeout + 1 s)
    assert "no answer in time" in caplog.text
    hub.shutdown()


def test_reminders_wait_for_the_probe_then_show(qtbot, translator):
    native = FakeNative(answers=False)
    tray, hub = make(qtbot, native)
    assert hub.state == "probing"
    hub.show_announcement(one())
    assert hub.pending and not tray.popup.isVisible()  # start-up was not blocked, nothing lost
    native.answers = True
    native._later(hub.bridge.probed.emit, True, "late but fine")
    qtbot.waitUntil(lambda: hub.last_backend == "native", timeout=2000)
    assert len(native.sent) == 1 and not hub.pending
    hub.shutdown()


def test_a_probe_without_answer_gives_up_and_shows_the_popup(qtbot, translator):
    native = FakeNative(answers=False)
    tray, hub = make(qtbot, native, probe_timeout=0.0)
    hub.show_announcement(several(2))
    qtbot.waitUntil(tray.popup.isVisible, timeout=3000)
    assert hub.state == "unavailable" and tray.popup.title.text() == "2 herinneringen"
    native._later(hub.bridge.probed.emit, True, "far too late")  # ignored: no double popup
    QApplication.processEvents()  # the queued answer is delivered
    assert hub.state == "unavailable"
    hub.shutdown()


def test_the_service_is_asked_again_later(qtbot, translator):
    native = FakeNative(usable=False)
    tray, hub = make(qtbot, native, reprobe_after_ms=0)
    qtbot.waitUntil(lambda: hub.state == "unavailable", timeout=2000)
    native.usable = True  # e.g. the desktop's notification service started after Afspraak
    hub.show_announcement(one())
    assert tray.popup.isVisible()  # this one is not held back...
    qtbot.waitUntil(lambda: hub.state == "ready", timeout=2000)
    hub.show_announcement(one("b"))  # ...the next one has buttons in the notification
    qtbot.waitUntil(lambda: hub.last_backend == "native", timeout=2000)
    assert native.probes == 2
    hub.shutdown()


def test_no_session_bus_means_no_native_attempt():
    assert not session_bus_possible({"DBUS_SESSION_BUS_ADDRESS": "disabled:"}, "linux")
    assert not session_bus_possible({}, "linux")
    assert session_bus_possible({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}, "linux")
    assert session_bus_possible({"DISPLAY": ":0"}, "linux")  # dbus finds the bus through X11
    assert session_bus_possible({}, "darwin") and session_bus_possible({}, "win32")


def test_threaded_notifier_without_a_bus_reports_no_service(qtbot):
    """The real desktop-notifier on its loop thread, with a bus address that cannot work:
    the answer comes back quickly through the bridge, on the GUI thread."""
    bridge = notifications.Bridge()
    answers = []
    bridge.probed.connect(lambda usable, details: answers.append((usable, details, threading.get_ident())))
    native = notifications.ThreadedNotifier(bridge, probe_timeout=2.0)
    try:
        native.probe()
        qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    finally:
        native.stop()
    usable, details, thread = answers[0]
    assert not usable and "no notification service" in details
    assert thread == threading.get_ident()


def test_the_app_sends_reminders_through_notifications(qtbot, database, translator, no_other_instance):
    """Start-up wiring: the scheduler's catch-up goes through Notifications; with no session
    bus (as in these tests) it ends in the popup, and the app stops the worker at shutdown."""
    from desktop import demo
    from desktop.clock import utcnow

    demo.fill(utcnow())
    application = start_app(qtbot, "nl", ready=True)
    try:
        hub = application.notifications
        assert hub is not None and hub.native is None  # DBUS_SESSION_BUS_ADDRESS=disabled:
        qtbot.waitUntil(lambda: hub.last_backend is not None)  # the first check runs after the first paint
        assert hub.last_backend == "popup" and application.tray.popup.isVisible()
    finally:
        stop_app(application, qtbot)


def test_typed_text_is_escaped_for_a_service_that_reads_markup():
    """Names and titles are shown as typed: escaped where the service reads the body as markup
    (it announces "body-markup"), sent unchanged where it shows plain text."""
    import asyncio

    class Service:
        def __init__(self):
            self.got = []

        async def send_notification(self, notification):
            self.got.append(notification)
            notification.on_dispatched()

    bridge = notifications.Bridge()
    answers = []
    bridge.sent.connect(lambda nid, shown, why: answers.append(shown))
    native = notifications.ThreadedNotifier(bridge)
    native.notifier = Service()
    body = "Anna & <b>Co</b>: reel"
    for markup in (True, False):
        native.body_markup = markup
        asyncio.run(native._send("id", "Herinnering", body, [("open", "Openen"), ("hour", "Over 1 uur")]))
    marked, plain = native.notifier.got
    assert marked.message == "Anna &amp; &lt;b&gt;Co&lt;/b&gt;: reel"
    assert plain.message == body
    assert [b.title for b in marked.buttons] == ["Openen", "Over 1 uur"]
    assert answers == [True, True]


def test_the_notification_icon_is_the_app_icon_as_png(qtbot, data_dir):
    from PySide6.QtGui import QImage

    path = notifications.icon_file()
    assert path == data_dir / "notification-icon.png"
    image = QImage(str(path))
    assert image.width() == 128 and not image.isNull()
    path.write_bytes(b"old")  # an older app's icon...
    os.utime(path, (0, 0))
    assert QImage(str(notifications.icon_file())).width() == 128  # ...is drawn again
