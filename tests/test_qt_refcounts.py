"""Guard against a Qt binding that loses references to None (PySide6 6.12.0 does, in
QComboBox): on Python 3.11 that ends in a fatal "none_dealloc" crash after enough list
refreshes, so such a release must not be installed (see pyproject.toml)."""

import sys

from PySide6.QtWidgets import QComboBox


def test_combo_boxes_keep_none_alive(qapp):
    box = QComboBox()
    before = sys.getrefcount(None)
    for i in range(200):
        box.addItem("", None)
        box.addItem(str(i), i)
        box.setCurrentIndex(0)
        box.currentData()
        box.findData(None)
        box.clear()
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"the Qt binding lost {lost} references to None in 200 rounds"
