"""Evidence pictures in the influencer pane: thumbnails (a click opens the picture), the
"Add evidence…" button, and image files dropped from the file manager onto a content
record.

The drop target is ONE event filter on the pane's viewport (``EvidenceDrops``): it asks
which content record lies under the cursor (a widget carrying the ``CONTENT_PROPERTY``)
and outlines it. Product drags pass through it untouched to the person's own drop target.
The files are checked and copied by ``store/evidence.py``; nothing here writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QGridLayout, QToolButton, QWidget

from desktop.i18n import _
from desktop.store import evidence as store
from desktop.views.dropping import DropTarget, local_files
from desktop.views.rows import plain_tooltip

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import ContentEvidence

CONTENT_PROPERTY = "evidenceContentId"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
THUMB = 72
PER_ROW = 4
FILE_FILTER_SUFFIXES = " ".join("*" + s for s in IMAGE_SUFFIXES)


def dropped_files(mime) -> list[Path]:
    """Every file of a drag that holds a picture: a CSV dragged along is not left out
    unsaid but refuses the drop (``not_pictures``). A drag without any picture (a shop
    export) is not evidence: it goes on to the window, which imports it."""
    files = local_files(mime)
    return files if any(p.suffix.lower() in IMAGE_SUFFIXES for p in files) else []


def not_pictures(files: list[Path]) -> str | None:
    """Why a drop of these files is refused as a whole, or None."""
    others = [p.name for p in files if p.suffix.lower() not in IMAGE_SUFFIXES]
    if not others:
        return None
    return _("Evidence can only be pictures (PNG, JPEG, GIF or WebP), and you also dropped {files}. Nothing was "
             "added: drop the pictures on their own.").format(files=", ".join(others))


def open_file(path: Path) -> bool:
    """Open a picture in the system's viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def file_filter() -> str:
    return _("Pictures ({patterns})").format(patterns=FILE_FILTER_SUFFIXES)


def _thumbnail(path: Path | None) -> QPixmap | None:
    if path is None:
        return None
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > THUMB * 2 or size.height() > THUMB * 2):
        reader.setScaledSize(size.scaled(QSize(THUMB * 2, THUMB * 2), Qt.KeepAspectRatio))  # fast for big photos
    image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(image).scaled(THUMB, THUMB, Qt.KeepAspectRatio, Qt.SmoothTransformation)


def thumbnail_icon(row: ContentEvidence) -> QIcon:
    """The picture as an icon (empty when the file is gone)."""
    pixmap = _thumbnail(store.file_of(row))
    return QIcon(pixmap) if pixmap is not None else QIcon()


def thumbnail_button(row: ContentEvidence, parent: QWidget | None = None) -> QToolButton:
    """A thumbnail that opens the picture; the name it was added with is the tooltip."""
    button = QToolButton(parent)
    button.setObjectName(f"evidence{row.id}")
    button.setAutoRaise(True)
    path = store.file_of(row)
    pixmap = _thumbnail(path)
    if pixmap is not None:
        button.setIcon(QIcon(pixmap))
        button.setIconSize(QSize(THUMB, THUMB))
        # TRANSLATORS: tooltip of an evidence thumbnail; {name} is the file name it was added with.
        button.setToolTip(plain_tooltip(_("{name} · click to open").format(name=row.original_name or _("picture"))))
        button.clicked.connect(lambda _checked=False, p=path: open_file(p))
    else:
        button.setText(_("(picture missing)"))
        button.setToolTip(plain_tooltip(row.original_name))
        button.setEnabled(False)
    button.setAccessibleName(_("Evidence: {name}").format(name=row.original_name or _("picture")))
    return button


def thumbnails(rows: list[ContentEvidence], name: str) -> QWidget:
    """Thumbnails in lines of ``PER_ROW``, so the pane never scrolls sideways."""
    strip = QWidget()
    strip.setObjectName(name)
    grid = QGridLayout(strip)
    grid.setContentsMargins(18, 0, 0, 0)
    grid.setHorizontalSpacing(6)
    for i, row in enumerate(rows):
        grid.addWidget(thumbnail_button(row, strip), i // PER_ROW, i % PER_ROW, Qt.AlignLeft)
    grid.setColumnStretch(PER_ROW, 1)
    return strip


class EvidenceDrops(DropTarget):
    """Picture files dropped on a content record in the pane (any widget with CONTENT_PROPERTY)."""

    def __init__(self, viewport: QWidget, on_drop: Callable[[int, list[Path]], None]):
        self.viewport = viewport
        super().__init__(viewport, dropped_files, self._content_at, on_drop, area=self._area,
                         refuse_items=not_pictures, on_refused=self._refused)

    def _refused(self, reason: str) -> None:
        from desktop.views import dialogs

        dialogs.warn(self.viewport, _("No evidence added"), reason)

    def record_at(self, pos: QPoint) -> QWidget | None:
        widget = self.viewport.childAt(pos)
        while widget is not None and widget is not self.viewport:
            if widget.property(CONTENT_PROPERTY) is not None:
                return widget
            widget = widget.parentWidget()
        return None

    def _content_at(self, pos: QPoint) -> int | None:
        record = self.record_at(pos)
        return int(record.property(CONTENT_PROPERTY)) if record is not None else None

    def _area(self, _content_id: int, pos: QPoint) -> QRect:
        record = self.record_at(pos)
        if record is None:
            return QRect()
        return QRect(record.mapTo(self.viewport, QPoint(0, 0)), record.size())
