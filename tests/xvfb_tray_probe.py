"""Run under a real X server with a tray host (see test_tray_xvfb.py): prints facts as JSON."""

import json
import sys
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop import i18n
from desktop.domain.notify import Announcement
from desktop.views import translator


@dataclass
class Item:
    key: str
    due: datetime
    person_name: str
    title: str


def main():
    app = QApplication(sys.argv)
    i18n.set_language("nl")
    translator.install(app)
    from desktop.tray import Tray

    facts = {"available": QSystemTrayIcon.isSystemTrayAvailable()}
    tray = Tray(describe=lambda item: f"{item.person_name}: {item.title}")
    shown = []
    if tray.icon is not None:
        original = tray.icon.showMessage
        tray.icon.showMessage = lambda *a: (shown.append(a[:2]), original(*a))
    items = [Item("a", datetime(2026, 11, 23, 9), "Sanne de Vries", "reel 2 dagen te laat"),
             Item("b", datetime(2026, 11, 23, 9), "Noor Bakker", "post 3 dagen te laat")]
    tray.set_items(items)

    def report():
        tray.show_announcement(Announcement(items=items, summary=True))
        facts["visible"] = bool(tray.icon and tray.icon.isVisible())
        facts["tooltip"] = tray.icon.toolTip() if tray.icon else ""
        facts["menu"] = [a.text() for a in tray.menu.actions()] if tray.menu else []
        facts["messages"] = [list(m) for m in shown]
        facts["popup_visible"] = tray.popup.isVisible()
        if len(sys.argv) > 1:
            tray.menu.popup(app.primaryScreen().geometry().center())
            QTimer.singleShot(600, lambda: (tray.menu.grab().save(sys.argv[1]), finish()))
        else:
            finish()

    def finish():
        print(json.dumps(facts))
        app.quit()

    QTimer.singleShot(1500, report)
    app.exec()


if __name__ == "__main__":
    main()
