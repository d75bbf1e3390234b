"""Take the first-run screenshots at 1366×768, in Dutch and English: Vandaag on an empty
database, half done (names given, products imported), and with the example shop loaded;
and the language question of the very first start.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_first_run_screenshots.py [--out FOLDER]

Writes docs/screenshots/first-run-{empty,half,example}-{nl,en}.png and first-run-language.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE = (1366, 768)


def shoot(app, out: Path, language: str) -> None:
    from desktop import demo, i18n, paths
    from desktop.clock import utcnow
    from desktop.store import catalogue, first_run
    from desktop.store.db import close_database
    from desktop.store.opening import open_database
    from desktop.views.main_window import MainWindow

    paths.set_data_dir(tempfile.mkdtemp(prefix="afspraak-first-run-"))
    open_database()
    i18n.set_language(language)
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.show_view("today")

    def grab(name: str) -> None:
        for _round in range(3):  # the layouts settle in a few turns of the event loop
            app.processEvents()
        path = out / f"first-run-{name}-{language}.png"
        window.grab().save(str(path))
        print(path)

    grab("empty")
    first_run.save_names("Zilverwerk Anna", "Anna")
    from desktop.domain.importers import parse_export

    parsed = parse_export((ROOT / "tests" / "data" / "shop" / "woo_variations.csv").read_bytes())
    catalogue.apply_import(parsed, utcnow())
    window.refresh_all()
    window.shipping.refresh()
    grab("half")
    window.close()
    close_database()

    paths.set_data_dir(tempfile.mkdtemp(prefix="afspraak-first-run-"))
    open_database()
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    window.show_view("today")
    demo.fill(utcnow())
    window.refresh_all()
    window.shipping.refresh()
    grab("example")
    window.close()
    close_database()


def shoot_language_question(app, out: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop.views import dialogs

    def take():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QDialog) and w.objectName() == "languageQuestion" and w.isVisible())
        app.processEvents()
        dialog.grab().save(str(out / "first-run-language.png"))
        print(out / "first-run-language.png")
        dialog.accept()

    QTimer.singleShot(100, take)
    dialogs.ask_language(None)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication
    from screenshot_time import fix_time

    from desktop.presentation import event_texts  # noqa: F401 - hands the store how events read
    from desktop.views import translator

    fix_time()  # a working hour on a fixed day, whenever the script runs
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    translator.install(app)
    for language in ("nl", "en"):
        shoot(app, out, language)
    shoot_language_question(app, out)


if __name__ == "__main__":
    main()
