"""The floor of issue 20's start figure: the bare window (bare_window.py) with a list of 30
rows and 4 columns filled and painted, then quit. Timed the same way, in turns with the bare
window: what PySide itself needs to show a filled list (docs/PERFORMANCE.md, round 11)."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem

app = QApplication(sys.argv)
window = QMainWindow()
table = QTableWidget(30, 4)
for row in range(30):
    for column in range(4):
        table.setItem(row, column, QTableWidgetItem(f"rij {row + 1}, kolom {column + 1}"))
window.setCentralWidget(table)
window.resize(1100, 700)
window.show()


def done():
    window.repaint()
    print("list-window: ok", flush=True)
    app.exit(0)


QTimer.singleShot(0, done)
sys.exit(app.exec())
