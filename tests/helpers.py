"""Small things several test modules share: real drag events and fake due items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication


_open_drags: list = []  # widgets that got an enter but no drop or leave yet


def drag(widget, pos: QPoint, mime: QMimeData, drop: bool = True):
    """Send enter, move (and drop) to ``widget`` as Qt does during a drag; returns the move
    event. Keep a reference to ``mime`` for the whole test (TESTING.md).

    Without ``drop`` the drag stays open, as Qt's drag manager sees it: the fixture that
    made the window must call ``end_drags()`` before the window goes (Qt keeps a plain
    pointer to the widget that accepted the enter, and the next test's drag would follow
    it into freed memory)."""
    enter = QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, move)
    if drop:
        QApplication.sendEvent(widget, QDropEvent(QPointF(pos), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    else:
        _open_drags.append(widget)
    return move


def end_drags() -> None:
    """Leave every drag still open (a leave or a drop clears Qt's current drop target)."""
    from shiboken6 import isValid

    while _open_drags:
        widget = _open_drags.pop()
        if isValid(widget):
            QApplication.sendEvent(widget, QDragLeaveEvent())


def files_mime(files: list[Path]) -> QMimeData:
    """What a file manager puts on the clipboard when files are dragged."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    return mime


@dataclass
class Item:
    """A stand-in for a ladder DueItem: what the tray, popups and notifications read."""

    key: str
    due: datetime
    person_name: str = "Sanne de Vries"
    title: str = "Reel is 2 dagen te laat"
    parts: tuple = ()  # a ladder item's parts, each with its own moment: by default one, at ``due``

    def __post_init__(self):
        if not self.parts:
            self.parts = (Part(self.key, self.due),)


@dataclass(frozen=True)
class Part:
    """A stand-in for a ladder DuePart: its key and moment (what a snooze's rule reads)."""

    key: str
    due: datetime


def describe(item) -> str:
    return f"{item.person_name}: {item.title}"


def collaboration_values(collab) -> dict:
    """The values save_collaboration takes, as they are stored (a change of nothing)."""
    from desktop.domain import collaborations as rules

    keys = list(rules.COLUMN_TERMS) + ["product_cost_cents", "shipping_cents"]
    values = {k: getattr(collab, k) for k in keys}
    values.update(status=collab.status, agreed_on=None, requested_by="shop", change_reason="", confirmed=True)
    return values


def make_window(qtbot, language: str = "nl", view: str | None = None, size: tuple[int, int] | None = None):
    """The main window on the open database, in ``language``, shown (at ``size``), on
    ``view`` when given."""
    from desktop import i18n
    from desktop.views.main_window import MainWindow

    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    if view is not None:
        window.show_view(view)
    return window


def start_app(qtbot, language: str | None = None, minimised: bool = False, ready: bool = False):
    """The app started as ``afspraak gui`` starts it: its first window shown, and with
    ``ready`` the data opened and the window completed (use the no_other_instance fixture)."""
    from desktop import app as app_module

    application = app_module.Application([], cli_language=language, minimised=minimised)
    assert application.start() is None
    qtbot.addWidget(application.window)
    if ready:  # the data opens after the first paint; the day's check may run beside it
        qtbot.waitUntil(lambda: application.ready and not application.checking_beside())
    return application


def stop_app(application, qtbot) -> None:
    qtbot.addWidget(application.window)  # a rebuilt window is closed at the end too
    application.shutdown()
    application.instance_server.server.close()


def ci_tool(name: str):
    """A script of .ci/ (``forms``, ``sql_shapes``) as a module, for a test to call."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / ".ci" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"ci_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(f"ci_{name}", module)
    spec.loader.exec_module(module)
    return module


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A whole PNG (grey pixels), written by hand: for store tests that start no Qt."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = (b"\x00" + b"\x80" * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def screenshot_like(path: Path, fmt: str = "PNG", size: tuple[int, int] = (320, 200), text: str = "Story van Yara") -> Path:
    """A picture as real ones look (a gradient, lines, words), saved by Qt as ``fmt`` (PNG,
    JPEG, WEBP, BMP) at ``path``. Needs the QApplication (pytest-qt's ``qapp``)."""
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    image = QImage(*size, QImage.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, size[0], size[1])
    gradient.setColorAt(0, QColor("#5b3a8c"))
    gradient.setColorAt(1, QColor("#f2c14e"))
    painter.fillRect(image.rect(), gradient)
    painter.setPen(QColor("#a01c1c"))
    for i in range(0, size[0], 16):
        painter.drawLine(i, 0, size[0] - i, size[1])
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPointSize(20)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignCenter, text)
    painter.end()
    assert image.save(str(path), fmt), fmt
    return path


def press_in_window(qtbot, window, widget, key, modifier=None) -> None:
    """A key pressed on ``widget`` with ``window`` the active window, as on her screen. A window
    shortcut (Ctrl+N) fires only for the active window: in a long run, a popup another test
    left open (an always-on-top reminder popup) could be the active one and take it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    QApplication.setActiveWindow(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(widget, key, modifier if modifier is not None else Qt.NoModifier)
