"""Loading Qt Designer forms from ui/ (never hand-edited generated code)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from desktop import paths

_loader: QUiLoader | None = None


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Load ``ui/<name>`` and return its top widget; strings are translated on load."""
    global _loader
    if _loader is None:
        _loader = QUiLoader()
    path = paths.ui_file(name)
    f = QFile(str(path))
    if not f.open(QIODevice.ReadOnly):
        raise FileNotFoundError(str(path))
    try:
        widget = _loader.load(f, parent)
    finally:
        f.close()
    if widget is None:
        raise RuntimeError(f"could not load {path}: {_loader.errorString()}")
    return widget
