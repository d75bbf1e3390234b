"""The baseline: a bare PySide6 window, shown and painted once, then quit.

It follows the same path as ``afspraak gui --smoke-test`` (show, then on the first turn
of the event loop repaint and print a line), so the two are timed the same way.

With ``--list`` the window holds a list of 30 rows and 4 columns, filled: the floor of
issue 20's start figure, what PySide itself needs to show a filled list
(docs/PERFORMANCE.md, round 11).
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
if "--list" in sys.argv:
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    table = QTableWidget(30, 4)
    for row in range(30):
        for column in range(4):
            table.setItem(row, column, QTableWidgetItem(f"rij {row + 1}, kolom {column + 1}"))
    window.setCentralWidget(table)
else:
    window.setCentralWidget(QLabel("Afspraak"))
window.resize(1100, 700)
window.show()


def done():
    window.repaint()
    print("bare-window: ok", flush=True)
    app.exit(0)


QTimer.singleShot(0, done)
sys.exit(app.exec())
