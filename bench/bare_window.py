"""The baseline: a bare PySide6 window, shown and painted once, then quit.

It follows the same path as ``afspraak gui --smoke-test`` (show, then on the first turn
of the event loop repaint and print a line), so the two are timed the same way.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Afspraak"))
window.resize(1100, 700)
window.show()


def done():
    window.repaint()
    print("bare-window: ok", flush=True)
    app.exit(0)


QTimer.singleShot(0, done)
sys.exit(app.exec())
