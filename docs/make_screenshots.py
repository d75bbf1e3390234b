"""Take the README screenshots: every main view filled with the demo shop, in Dutch.

    make screenshots        (or: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--lang en])
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desktop import demo, i18n, paths
    from desktop.clock import utcnow
    from desktop.store.db import open_database
    from desktop.views import translator

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    paths.set_data_dir(tempfile.mkdtemp(prefix="afspraak-shots-"))
    app = QApplication.instance() or QApplication([])
    open_database()
    demo.fill(utcnow())
    i18n.set_language(args.lang)
    translator.install(app)
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    suffix = "" if args.lang == "nl" else f"-{args.lang}"
    for view in window.views:
        window.show_view(view.key)
        app.processEvents()
        window.grab().save(str(out / f"{view.key}{suffix}.png"))
        print(out / f"{view.key}{suffix}.png")
    privacy_erase_dialog(app, window, out / f"privacy-erase{suffix}.png")


def privacy_erase_dialog(app, window, path) -> None:
    """The "wis persoon" confirmation for the customer selected under Maatwerk (not executed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QMessageBox

    from desktop.domain.privacy import describe_erasure
    from desktop.i18n import _, ngettext
    from desktop.store import privacy
    from desktop.store.db import db
    from desktop.store.models import Person
    from desktop.views import privacy_actions

    window.show_view("orders")
    person = Person.get_by_id(privacy_actions.selected_person_id(window.current_view()))
    holding = privacy.collect(db.connection(), person.id)
    box = QMessageBox(QMessageBox.Warning, _("Erase {name}").format(name=person.name),
                      describe_erasure(person.name, holding.counts(), holding.mentions),
                      QMessageBox.Yes | QMessageBox.No, window)
    box.setTextFormat(Qt.PlainText)
    box.button(QMessageBox.Yes).setText(_("Erase"))
    box.setCheckBox(QCheckBox(ngettext(
        "Erase them from the backup copies too (otherwise they stay there for up to {n} day)",
        "Erase them from the backup copies too (otherwise they stay there for up to {n} days)", 14).format(n=14), box))
    box.show()
    app.processEvents()
    box.grab().save(str(path))
    box.close()
    print(path)


if __name__ == "__main__":
    main()
