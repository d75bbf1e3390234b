"""How a reminder reaches the owner: the best way this desktop offers, chosen at start.

1. **Native notification with buttons** (Openen, Over 1 uur, Morgen 09:00, Afvinken) through
   ``desktop-notifier``: the freedesktop notification service on Linux (over D-Bus with
   dbus-fast), the Notification Center on macOS (in the app bundle only), toasts on Windows.
   Used only when the service answers within a few seconds AND says it can show buttons.
2. **The tray balloon** (``QSystemTrayIcon.showMessage``: no buttons; a click opens Vandaag).
3. **The in-app popup** (``tray.ReminderPopup``: always on top, with the same buttons).

The scheduler decides WHEN (one popup a minute, a summary for several, none in quiet hours);
this module only decides HOW. Nothing here blocks the GUI thread: desktop-notifier is
asyncio-based, so it runs on its own event loop in a worker thread, and every answer (the
probe's result, "sent" or "failed", a button press) comes back to the GUI thread as a queued
Qt signal. The worker never touches the database: a button press only emits the tray's own
signals (``open_item``, ``open_today``, ``snooze_items``, ``done_items``), exactly as the popup's
buttons do, and the app acts on them on the GUI thread, the only writer.

Never a silent no-op: while the service is being asked, reminders wait (at most a few
seconds) and are then shown one way or the other; a notification the service refuses or
does not confirm in time is shown by the next way, and the failure is logged.
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
import sys
import threading
import uuid
from collections import OrderedDict
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from desktop import APP_NAME, paths
from desktop.i18n import _
from desktop.tray import announcement_texts, done_label, snooze_morning_label, snoozes_offered

log = logging.getLogger(__name__)

# Seconds a notification service gets to answer "what can you do?" at start, and "shown?".
PROBE_TIMEOUT = 3.0
SEND_TIMEOUT = 5.0
# After the native way failed, ask the service again at most this often (it may have been
# started later than Afspraak, e.g. when Afspraak starts at login).
REPROBE_AFTER_MS = 10 * 60 * 1000
# Button presses are accepted for this many of the latest notifications (older ones may
# still sit in the desktop's notification centre).
REMEMBERED = 50

OPEN, HOUR, TOMORROW, DONE = "open", "hour", "tomorrow", "done"

NATIVE, BALLOON, POPUP = "native", "balloon", "popup"


def buttons_for(announcement) -> list[tuple[str, str]]:
    """(action, label) pairs, as on the popup: no "done" for a summary of several, nor for
    a decision (``Announcement.can_be_done``); only the snoozes that move its reminders, and
    no "In 1 hour" that comes back when the morning one does (``tray.snoozes_offered``: at
    20:30 "Over 1 uur" meant tomorrow at 09:00, beside "Morgen 09:00")."""
    hour, morning = snoozes_offered(announcement.items)
    buttons = [(OPEN, _("Open"))]
    if hour:
        buttons.append((HOUR, _("In 1 hour")))
    if morning:
        buttons.append((TOMORROW, snooze_morning_label()))
    if announcement.can_be_done:
        buttons.append((DONE, done_label()))
    return buttons


def session_bus_possible(env=None, platform: str | None = None) -> bool:
    """False when a D-Bus session bus certainly cannot be reached (Linux only), so the
    notification service is not even asked: ``DBUS_SESSION_BUS_ADDRESS=disabled:`` (tests,
    some sandboxes) or neither an address nor an X display to find one by."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return True
    address = env.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address.startswith("disabled:"):
        return False
    return bool(address or env.get("DISPLAY"))


def icon_file() -> Path | None:
    """The app icon as a PNG in the data dir (notification services want a file, and
    Windows toasts cannot show SVG). Drawn again only when the SVG is newer; None if it
    cannot be written."""
    from PySide6.QtGui import QIcon

    path = paths.data_dir() / "notification-icon.png"
    svg = paths.resource("afspraak.svg")
    try:
        if path.exists() and path.stat().st_mtime >= svg.stat().st_mtime:
            return path
        paths.ensure_private_dir(path.parent)
        if QIcon(str(svg)).pixmap(128, 128).save(str(path), "PNG"):
            return path
    except OSError:
        log.warning("could not write the notification icon", exc_info=True)
    return None


class Bridge(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    probed = Signal(bool, str)       # usable (service answered and shows buttons), details
    sent = Signal(str, bool, str)    # notification id, shown, why not
    action = Signal(str, str)        # notification id, OPEN / HOUR / TOMORROW / DONE


class ThreadedNotifier:
    """desktop-notifier on its own asyncio loop in a daemon thread.

    ``probe()`` and ``send()`` return at once; the answers arrive through the bridge.
    """

    def __init__(self, bridge: Bridge, icon: Path | None = None, app_name: str = APP_NAME,
                 probe_timeout: float = PROBE_TIMEOUT, send_timeout: float = SEND_TIMEOUT):
        self.bridge = bridge
        self.icon = icon
        self.app_name = app_name
        self.probe_timeout = probe_timeout
        self.send_timeout = send_timeout
        self.notifier = None
        self.body_markup = True
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread: threading.Thread | None = None

    # --- the worker thread --------------------------------------------------------
    def _submit(self, coroutine) -> None:
        if self.thread is None:
            self.loop = asyncio.new_event_loop()
            self.thread = threading.Thread(target=self._run, name="afspraak-notifications", daemon=True)
            self.thread.start()
        asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            self.loop.close()

    def stop(self) -> None:
        if self.thread is None:
            return
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(2.0)
        self.thread = None

    # --- asking the service -------------------------------------------------------
    def probe(self) -> None:
        self._submit(self._probe())

    async def _probe(self) -> None:
        try:
            from desktop_notifier import Capability, DesktopNotifier, Icon

            await self._forget_notifier()
            self.notifier = DesktopNotifier(
                app_name=self.app_name, app_icon=Icon(path=self.icon) if self.icon else None)
            capabilities = await asyncio.wait_for(self.notifier.get_capabilities(), self.probe_timeout)
            if Capability.BUTTONS not in capabilities:
                names = ", ".join(sorted(c.name for c in capabilities)) or "none"
                self.bridge.probed.emit(False, f"the notification service shows no buttons ({names})")
                return
            # macOS asks the owner once; elsewhere this answers at once
            if not await asyncio.wait_for(self.notifier.request_authorisation(), self.probe_timeout):
                self.bridge.probed.emit(False, "notifications are not allowed for Afspraak")
                return
            self.body_markup = await self._has_body_markup()
            names = ", ".join(sorted(c.name for c in capabilities))
            self.bridge.probed.emit(True, f"{type(self.notifier._backend).__name__}: {names}")
        except Exception as exc:  # no bus, no service, a timeout, a missing module...
            self.bridge.probed.emit(False, f"no notification service: {exc!r}")

    async def _has_body_markup(self) -> bool:
        """Does the freedesktop service read the body as markup? Then names like "A & B"
        must be escaped to show as typed. Unsure: escape (plain text shown safely)."""
        interface = getattr(self.notifier._backend, "interface", None)
        if interface is None or not hasattr(interface, "call_get_capabilities"):
            return sys.platform.startswith("linux")
        try:
            return "body-markup" in await asyncio.wait_for(interface.call_get_capabilities(), self.probe_timeout)
        except Exception:
            return True

    async def _forget_notifier(self) -> None:
        bus = getattr(getattr(self.notifier, "_backend", None), "bus", None)
        self.notifier = None
        if bus is not None:
            try:
                bus.disconnect()
            except Exception:
                log.debug("closing the old session bus connection failed", exc_info=True)

    # --- showing ------------------------------------------------------------------
    def send(self, nid: str, title: str, body: str, buttons: list[tuple[str, str]]) -> None:
        self._submit(self._send(nid, title, body, buttons))

    async def _send(self, nid: str, title: str, body: str, buttons: list[tuple[str, str]]) -> None:
        try:
            from desktop_notifier import Button, Notification

            emit = self.bridge.action.emit
            dispatched = []
            notification = Notification(
                title=title,
                message=html.escape(body, quote=False) if self.body_markup else body,
                buttons=tuple(Button(title=label, identifier=key, on_pressed=lambda key=key: emit(nid, key))
                              for key, label in buttons),
                on_clicked=lambda: emit(nid, OPEN),
                on_dispatched=lambda: dispatched.append(True),
            )
            # desktop-notifier logs a failure instead of raising; on_dispatched says it was shown
            await asyncio.wait_for(self.notifier.send_notification(notification), self.send_timeout)
        except Exception as exc:
            self.bridge.sent.emit(nid, False, repr(exc))
            return
        self.bridge.sent.emit(nid, bool(dispatched), "" if dispatched else "the notification service refused it")


class Notifications(QObject):
    """Shows the scheduler's announcements the best available way (see the module doc)."""

    backend_changed = Signal(str)  # NATIVE / BALLOON / POPUP, for the log and tests

    def __init__(self, tray, native=None, parent=None, probe_timeout: float = PROBE_TIMEOUT,
                 send_timeout: float = SEND_TIMEOUT, reprobe_after_ms: int = REPROBE_AFTER_MS):
        """``native``: an object with ``probe()``, ``send(...)`` and ``stop()`` answering
        through ``self.bridge`` (a ``ThreadedNotifier`` by default; None when no session bus
        can exist; tests pass fakes)."""
        super().__init__(parent)
        self.tray = tray
        self.bridge = Bridge(self)
        self.bridge.probed.connect(self._on_probed, Qt.QueuedConnection)
        self.bridge.sent.connect(self._on_sent, Qt.QueuedConnection)
        self.bridge.action.connect(self._on_action, Qt.QueuedConnection)
        if native == "auto":
            native = ThreadedNotifier(self.bridge, icon_file()) if session_bus_possible() else None
        self.native = native
        self.probe_timeout = probe_timeout
        self.send_timeout = send_timeout
        self.reprobe_after_ms = reprobe_after_ms
        self.state = "unavailable"  # "probing" / "ready" / "unavailable"
        self.pending: list = []     # announcements waiting for the probe's answer
        self.waiting: dict[str, object] = {}  # sent natively, not yet confirmed
        self.shown: OrderedDict[str, list] = OrderedDict()  # id -> items, for button presses
        self.last_backend: str | None = None
        self._since_probe = QElapsedTimer()
        self._probe_watchdog = QTimer(self, singleShot=True)
        self._probe_watchdog.timeout.connect(lambda: self._on_probed(False, "no answer in time"))

    # --- choosing -----------------------------------------------------------------
    def start(self) -> None:
        """Ask the notification service (in the background) what it can do."""
        if self.native is None:
            log.info("reminders: no session bus, so the tray or the popup shows them")
            return
        self._probe()

    def _probe(self) -> None:
        self.state = "probing"
        self._since_probe.start()
        self._probe_watchdog.start(int((self.probe_timeout + 1.0) * 1000))
        self.native.probe()

    def _on_probed(self, usable: bool, details: str) -> None:
        if self.state != "probing":
            return  # a late answer after the watchdog gave up
        self._probe_watchdog.stop()
        self.state = "ready" if usable else "unavailable"
        if usable:
            log.info("reminders: native notifications with buttons (%s)", details)
        else:
            log.info("reminders: no native notifications with buttons (%s); using the %s",
                     details, self._fallback_name())
        pending, self.pending = self.pending, []
        for announcement in pending:
            self.show_announcement(announcement)

    def _fallback_name(self) -> str:
        icon = getattr(self.tray, "icon", None)
        return BALLOON if icon is not None and icon.supportsMessages() else POPUP

    # --- showing ------------------------------------------------------------------
    def show_announcement(self, announcement) -> None:
        if self.state == "probing":
            self.pending.append(announcement)
            return
        if self.state == "ready":
            self._send_native(announcement)
            return
        self._show_fallback(announcement)
        if (self.native is not None and self._since_probe.isValid()
                and self._since_probe.elapsed() >= self.reprobe_after_ms):
            self._probe()  # for the next reminder: the service may be there by now

    def _send_native(self, announcement) -> None:
        title, body = announcement_texts(announcement, self.tray.describe)
        nid = uuid.uuid4().hex
        watchdog = QTimer(self, singleShot=True)
        watchdog.timeout.connect(lambda: self._on_sent(nid, False, "no answer in time"))
        self.waiting[nid] = (announcement, watchdog)
        watchdog.start(int((self.send_timeout + 1.0) * 1000))
        self.native.send(nid, title, body, buttons_for(announcement))

    def _on_sent(self, nid: str, shown: bool, why: str) -> None:
        entry = self.waiting.pop(nid, None)
        if entry is None:
            return  # already fallen back (watchdog) or answered
        announcement, watchdog = entry
        watchdog.stop()
        watchdog.deleteLater()
        if shown:
            self.shown[nid] = list(announcement.items)
            while len(self.shown) > REMEMBERED:
                self.shown.popitem(last=False)
            self._used(NATIVE)
            return
        self.state = "unavailable"
        log.warning("reminders: the notification service did not show a reminder (%s); "
                    "showing it with the %s instead", why, self._fallback_name())
        self._show_fallback(announcement)

    def _show_fallback(self, announcement) -> None:
        name = self._fallback_name()
        self.tray.show_announcement(announcement)  # balloon with a tray, else the popup
        self._used(name)

    def _used(self, backend: str) -> None:
        if backend != self.last_backend:
            self.last_backend = backend
            self.backend_changed.emit(backend)

    # --- buttons ------------------------------------------------------------------
    def _on_action(self, nid: str, action: str) -> None:
        """A button or the notification itself was clicked (GUI thread): the popup's actions."""
        items = self.shown.pop(nid, None)
        if items is None:
            log.info("reminders: %s on a notification that is no longer known; opening today's list", action)
            self.tray.open_today.emit()
            return
        if action == OPEN:
            if len(items) == 1:
                self.tray.open_item.emit(items[0])
            else:
                self.tray.open_today.emit()
        elif action == HOUR:
            self.tray.snooze_items.emit(items, timedelta(hours=1))
        elif action == TOMORROW:
            self.tray.snooze_items.emit(items, "tomorrow")
        elif action == DONE:
            self.tray.done_items.emit(items)
        else:
            log.warning("reminders: unknown notification action %r", action)
            self.tray.open_today.emit()

    def shutdown(self) -> None:
        for _announcement, watchdog in self.waiting.values():
            watchdog.stop()
        self.waiting.clear()
        self._probe_watchdog.stop()
        if self.native is not None:
            self.native.stop()
