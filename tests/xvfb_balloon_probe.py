"""Run under a real X server with an XEmbed tray host and no session bus (see
test_tray_xvfb.py): a reminder about "Anna & Bo <3" in Qt's own balloon; prints what its
labels show as JSON."""

import json
import sys
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

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

    tray = Tray(describe=lambda item: f"{item.person_name}: {item.title}")
    items = [Item("a", datetime(2026, 11, 23, 9), "Anna & Bo <3", "Ring <b>Maan</b>")]
    tray.set_items(items)
    facts = {"available": tray.icon is not None, "supports": bool(tray.icon and tray.icon.supportsMessages())}

    def report():
        tray.show_announcement(Announcement(items=items, summary=False))
        QTimer.singleShot(500, look)

    def look():
        facts["balloon"] = [label.text() for widget in app.topLevelWidgets()
                            if widget.isVisible() and widget.metaObject().className() == "QBalloonTip"
                            for label in widget.findChildren(QLabel) if label.text()]
        facts["popup_visible"] = tray.popup.isVisible()
        print(json.dumps(facts))
        app.quit()

    QTimer.singleShot(1500, report)
    app.exec()


if __name__ == "__main__":
    main()
