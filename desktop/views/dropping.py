"""Drag and drop, as event filters that any view can be given with a couple of lines.

- ``products_mime`` / ``product_ids``: what a drag from the catalogue carries.
- ``DropTarget``: an event filter for a widget that takes a drop; it asks ``resolve`` what
  lies under the cursor, ``refusal`` whether that target may take it (a blocked
  influencer may not: the cursor shows "forbidden" and the target is outlined in red),
  highlights the target while the drag hovers, and calls ``on_drop`` after the event
  (a dialog never opens inside Qt's drop handling). ``refuse_items`` says why a drop
  cannot be taken as a whole (a CSV among the screenshots, two pictures for one
  product): the target is outlined in red and the drop, when it comes, is refused whole
  through ``on_refused`` with that reason, so no file is ever left out without a word.
- ``install_person_target`` / ``install_order_target``: the two lines a list view needs (an
  order already sent, delivered or cancelled is refused with its reason when dropped on).
- ``FileDrop``: shop CSV files dropped anywhere on the main window (every file of the drop
  is handed on, so the import's summary names the ones it does not take).

Nothing here writes to the database: the callbacks do (views/shipping.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QFrame, QScrollArea, QWidget

from desktop.views.rows import plain_tooltip


PRODUCTS_MIME = "application/x-afspraak-products"



def products_mime(ids: list[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(PRODUCTS_MIME, QByteArray(json.dumps([int(i) for i in ids]).encode("ascii")))
    return mime


def product_ids(mime: QMimeData | None) -> list[int]:
    if mime is None or not mime.hasFormat(PRODUCTS_MIME):
        return []
    try:
        ids = json.loads(bytes(mime.data(PRODUCTS_MIME)).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [int(i) for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def local_files(mime: QMimeData | None) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class Highlight(QFrame):
    """An outline over the drop target, transparent for the mouse."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setObjectName("dropHighlight")
        self.refused = False
        self.hide()

    def show_at(self, rect: QRect, refused: bool) -> None:
        self.refused = refused
        from PySide6.QtGui import QColor

        from desktop.views import theme

        colour = theme.status_colour("red") if refused else theme.accent()
        fill = QColor(colour)
        fill.setAlpha(45)
        self.setStyleSheet("QFrame#dropHighlight {{ border: 2px solid {line}; background: {fill}; border-radius: 3px; }}".format(
            line=theme.css(colour), fill=theme.css(fill)))
        self.setGeometry(rect)
        self.show()
        self.raise_()


class DropTarget(QObject):
    """Event filter for one widget that accepts a payload (product ids, files...)."""

    def __init__(self, widget: QWidget,
                 payload: Callable[[QMimeData], list],
                 resolve: Callable[[QPoint], int | None],
                 on_drop: Callable[[int, list], None],
                 refusal: Callable[[int], str | None] = lambda _t: None,
                 area: Callable[[int, QPoint], QRect] | None = None,
                 refuse_items: Callable[[list], str | None] = lambda _items: None,
                 on_refused: Callable[[str], None] = lambda _reason: None):
        super().__init__(widget)
        self.widget = widget
        self.payload = payload
        self.resolve = resolve
        self.on_drop = on_drop
        self.refusal = refusal
        self.refuse_items = refuse_items
        # A target that cannot take it, said when dropped (a sent order's product): outlined
        # in red like ``refuse_items``, the drop taken to tell why (``on_refused``).
        self.refuse_target: Callable[[int], str | None] = lambda _t: None
        self.on_refused = on_refused
        self.area = area or (lambda _t, _p: widget.rect())
        self.highlight = Highlight(widget)
        self.hover: int | None = None
        self.refused_reason: str | None = None
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop):
            items = self.payload(event.mimeData())
            if not items:
                self._clear()
                event.ignore()
                return False  # not ours: let the widget (or its parents) decide
            pos = event.position().toPoint()
            target = self.resolve(pos)
            reason = self.refusal(target) if target is not None else None
            # Not these files as a whole: the drop is taken, to say why nothing was added.
            unfit = (self.refuse_target(target) or self.refuse_items(items)) if target is not None and not reason else None
            if kind == QEvent.Drop:
                self._clear()
                if target is None or reason:
                    event.ignore()
                    return True
                event.acceptProposedAction()
                if unfit:
                    QTimer.singleShot(0, self, lambda: self.on_refused(unfit))
                else:
                    QTimer.singleShot(0, self, lambda: self.on_drop(target, items))
                return True
            # Accept the enter always (or Qt sends no moves); refuse per position on moves.
            if kind == QEvent.DragEnter:
                event.acceptProposedAction()
            if target is None:
                self._clear()
                if kind == QEvent.DragMove:
                    event.ignore()
                return True
            self.hover, self.refused_reason = target, reason or unfit
            self.highlight.show_at(self.area(target, pos), bool(reason or unfit))
            shown = reason or unfit
            self.widget.setToolTip(plain_tooltip(shown) if shown else "")  # names the person: user text
            if reason:
                event.ignore()  # the cursor shows "forbidden"
            else:
                event.acceptProposedAction()
            return True
        if kind == QEvent.DragLeave:
            self._clear()
            return False  # other targets on the same widget clear their highlight too
        return False

    def _clear(self) -> None:
        self.hover = None
        self.refused_reason = None
        self.highlight.hide()
        self.widget.setToolTip("")


def _row_rect(view: QAbstractItemView, row: int) -> QRect:
    index = view.model().index(row, 0)
    rect = view.visualRect(index)
    return QRect(0, rect.top(), view.viewport().width(), rect.height())


def install_on_list(view, payload, on_drop, refusal=lambda _t: None, with_detail: bool = True) -> list[DropTarget]:
    """Make a ListView's rows (and its detail pane) drop targets for ``payload``."""
    table: QAbstractItemView = view.table

    def row_id(pos: QPoint) -> int | None:
        index = table.indexAt(pos)
        row = view.model.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def row_area(target: int, pos: QPoint) -> QRect:
        return _row_rect(table, table.indexAt(pos).row())

    targets = [DropTarget(table.viewport(), payload, row_id, on_drop, refusal, row_area)]
    if with_detail:
        scroll = view.detail.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        pane = scroll.viewport() if scroll is not None else view.detail
        targets.append(DropTarget(pane, payload, lambda _pos: view.current_id, on_drop, refusal))
    return targets


def install_person_target(view, on_drop: Callable[[int, list[int]], None],
                          refusal: Callable[[int], str | None]) -> list[DropTarget]:
    """Products dropped on a person's row or on her detail pane."""
    return install_on_list(view, product_ids, on_drop, refusal)


def install_order_target(view, on_drop: Callable[[int, list[int]], None],
                         refusal: Callable[[int], str | None] = lambda _t: None,
                         on_refused: Callable[[str], None] = lambda _reason: None) -> list[DropTarget]:
    """A product dropped on a custom order's row or its detail pane. An order that takes no
    product any more (sent, delivered, cancelled: ``refusal`` says why) is outlined in red,
    and a drop on it is told (``on_refused``) rather than passed by without a word."""
    targets = install_on_list(view, product_ids, on_drop)
    for target in targets:
        target.refuse_target = refusal
        target.on_refused = on_refused
    return targets


# The names a shop export is read under: a CSV file, as text, or tab-separated (an Etsy
# download re-saved by a spreadsheet). What is in it is checked when it is read.
EXPORT_SUFFIXES = (".csv", ".txt", ".tsv")


def csv_files(mime: QMimeData | None) -> list[Path]:
    return [p for p in local_files(mime) if p.suffix.lower() in EXPORT_SUFFIXES]


class FileDrop(QObject):
    """Shop exports dropped anywhere on the main window (where nothing else takes them)."""

    def __init__(self, window: QWidget, on_files: Callable[[list[Path]], None]):
        super().__init__(window)
        self.on_files = on_files
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.active = False

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if csv_files(event.mimeData()):
                self.active = True
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.DragLeave:
            self.active = False
            return True
        if kind == QEvent.Drop:
            self.active = False
            if not csv_files(event.mimeData()):
                event.ignore()
                return True
            files = local_files(event.mimeData())
            event.acceptProposedAction()
            QTimer.singleShot(0, self, lambda: self.on_files(files))
            return True
        return False
