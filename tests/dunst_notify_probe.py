"""Run inside ``dbus-run-session`` with an X display (see test_notifications_dunst.py).

Starts Debian's ``dunst -print`` on the private session bus, lets Afspraak's Notifications
choose its way and send two reminders, presses a button and the notification itself through
``dunstctl`` (its context menu answered by a tiny dmenu script), and prints what the app saw
as one line of JSON. What dunst received is in WORKDIR/dunst.out.
"""

import asyncio
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt
from PySide6.QtWidgets import QApplication

WORK = Path(sys.argv[1])
NAME = "org.freedesktop.Notifications"


@dataclass
class Item:
    key: str
    due: datetime
    person_name: str
    title: str

    @property
    def parts(self) -> tuple:  # a ladder item's parts, each with its own moment: one, at ``due``
        return (self,)


async def name_has_owner() -> bool:
    from dbus_fast import Message
    from dbus_fast.aio import MessageBus

    bus = await MessageBus().connect()
    try:
        reply = await bus.call(Message(destination="org.freedesktop.DBus", path="/org/freedesktop/DBus",
                                       interface="org.freedesktop.DBus", member="NameHasOwner",
                                       signature="s", body=[NAME]))
        return bool(reply.body and reply.body[0])
    finally:
        bus.disconnect()


def start_dunst() -> subprocess.Popen:
    dmenu = WORK / "dmenu.sh"
    # dunst's context menu lists "#<button> (<summary>) [<id>,<action>]"; choose "hour"
    dmenu.write_text(f"#!/bin/sh\ntee {WORK / 'menu.txt'} | grep ',hour\\]$' | head -n 1\n")
    dmenu.chmod(0o755)
    config = WORK / "dunstrc"
    config.write_text(f"[global]\n    dmenu = {dmenu}\n")
    dunst = subprocess.Popen(["dunst", "-print", "-config", str(config)],
                             stdout=open(WORK / "dunst.out", "w"), stderr=open(WORK / "dunst.err", "w"))
    # wait until dunst owns the name (asking NameHasOwner never starts a second one by activation)
    for _ in range(100):
        if asyncio.run(name_has_owner()):
            return dunst
        if dunst.poll() is not None:
            break
        asyncio.run(asyncio.sleep(0.05))
    sys.exit(f"dunst did not start: {(WORK / 'dunst.err').read_text()}")


def spin_until(condition, ms=8000) -> bool:
    timer = QElapsedTimer()
    timer.start()
    while not condition() and timer.elapsed() < ms:
        QCoreApplication.processEvents()
        threading.Event().wait(0.01)
    return condition()


def main():
    dunst = start_dunst()
    facts = {}
    try:
        app = QApplication([])
        from desktop import i18n
        from desktop.domain.notify import Announcement
        from desktop.notifications import Notifications
        from desktop.tray import Tray
        from desktop.views import translator

        # A fixed Monday morning in the shop's zone, as the suite's NOW: the buttons offered
        # ("Over 1 uur" only where it does not mean tomorrow morning, "Morgen 09:00" named for
        # the day) do not depend on the day or hour of the run.
        from zoneinfo import ZoneInfo

        from desktop import clock

        clock.freeze(datetime(2026, 11, 23, 9, 30))
        clock.pin_system_zone(ZoneInfo("Europe/Amsterdam"))
        i18n.set_language("nl")
        translator.install(app)
        tray = Tray(available=False, describe=lambda item: f"{item.person_name}: {item.title}")
        hub = Notifications(tray, native="auto")
        gui = threading.get_ident()
        got = []
        direct = Qt.DirectConnection  # record the thread that handles the press
        tray.snooze_items.connect(lambda items, how: got.append(["snooze", str(how), [i.key for i in items],
                                                                 threading.get_ident() == gui]), direct)
        tray.done_items.connect(lambda items: got.append(["done", "", [i.key for i in items],
                                                          threading.get_ident() == gui]), direct)
        tray.open_item.connect(lambda item: got.append(["open_item", "", [item.key], threading.get_ident() == gui]),
                               direct)
        tray.open_today.connect(lambda: got.append(["open_today", "", [], threading.get_ident() == gui]), direct)

        hub.start()
        spin_until(lambda: hub.state != "probing")
        facts["state"] = hub.state

        moment = datetime(2026, 11, 23, 9)
        hub.show_announcement(Announcement(
            items=[Item("a", moment, "Anna & <b>Co</b>", "reel 2 dagen te laat")], summary=False))
        spin_until(lambda: hub.last_backend is not None)
        facts["backend"] = hub.last_backend
        facts["popup_visible"] = tray.popup.isVisible()

        # the "Over 1 uur" button, pressed through dunst's context menu
        menu = subprocess.Popen(["dunstctl", "context"])
        spin_until(lambda: bool(got))
        menu.wait(10)
        facts["first"] = got[:]

        # a summary of three; a click on the notification itself opens today's list
        items = [Item(k, moment, name, "post te laat") for k, name in
                 (("b", "Noor Bakker"), ("c", "Lotte Janssens"), ("d", "Sanne de Vries"))]
        subprocess.run(["dunstctl", "close-all"], timeout=10)  # dunst keeps it shown after the menu
        before = len(got)
        hub.show_announcement(Announcement(items=items, summary=True))
        spin_until(lambda: len(hub.shown) == 1 and not hub.waiting)
        subprocess.run(["dunstctl", "action", "0"], timeout=10)
        spin_until(lambda: len(got) > before)
        facts["second"] = got[before:]
        facts["popup_visible_after"] = tray.popup.isVisible()
        hub.shutdown()
    finally:
        dunst.terminate()
        dunst.wait(5)
    print(json.dumps(facts), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
