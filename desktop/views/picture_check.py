"""Whether a picture the owner adds can be shown whole: every pixel decoded by Qt.

The store reads the file once and checks that all its bytes are there
(``store/pictures.read_picture``); ``decodes`` is the check it is handed from the window
(``check=``), so the bytes Qt decoded here are the very bytes it then writes.

Qt alone is not enough, and not to be trusted alone either: for a JPEG cut off half-way,
or with bytes changed in the middle, ``QImageReader.read()`` returns a picture, grey or
smeared below the damage, reports no error, and only logs libjpeg's warning ("Corrupt
JPEG data: premature end of data segment"). So those warnings are listened for while it
reads. A PNG missing only its last bytes reads without a word as well: the store's check
finds that one.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, qInstallMessageHandler
from PySide6.QtGui import QImageReader

from desktop.store import pictures

# libjpeg's warnings that part of the picture could not be decoded (its jerror.h: the
# decoder filled the rest with grey). "N extraneous bytes before marker" is not among
# them: every block of the picture was decoded (phones and cameras pad their files so).
_DAMAGE_WARNINGS = ("corrupt jpeg data: premature end of data segment", "corrupt jpeg data: bad huffman code",
                    "corrupt jpeg data: found marker", "premature end of jpeg file")


def refusal(path: Path, kinds: tuple[str, ...] = pictures.KINDS) -> pictures.NotAPicture | None:
    """Why the file ``path`` cannot be added as a picture (read, checked whole, decoded),
    or None. Asked when it is dropped or chosen, so the owner hears at once."""
    try:
        pictures.read_picture(path, kinds, decodes)
    except pictures.NotAPicture as exc:
        return exc
    return None


def refusals(files: list[Path], kinds: tuple[str, ...] = pictures.KINDS) -> list[pictures.NotAPicture]:
    """Every file of ``files`` that cannot be added, with its reason (all of them named)."""
    return [found for found in (refusal(Path(f), kinds) for f in files) if found is not None]


def decodes(data: bytes, name: str) -> pictures.NotAPicture | None:
    """``store.pictures.Check``: None when Qt decodes every pixel of ``data`` without a
    warning of damage, else the refusal of the file ``name``."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()  # from the header, before the reading moves on
    with _imageio_warnings() as warnings:
        image = reader.read()
    if image.isNull():
        limit = QImageReader.allocationLimit() * 2**20
        if size.isValid() and limit and size.width() * size.height() * 4 > limit:
            return pictures.NotAPicture(pictures.TOO_MANY_PIXELS, name, size=(size.width(), size.height()))
        return pictures.NotAPicture(pictures.DAMAGED, name)
    if any(text.lower().startswith(_DAMAGE_WARNINGS) for text in warnings):
        return pictures.NotAPicture(pictures.DAMAGED, name)
    return None


@contextmanager
def _imageio_warnings():
    """The warnings Qt's image readers log meanwhile (category ``qt.gui.imageio...``);
    every other message goes on to the handler that was there."""
    said: list[str] = []

    def listen(mode, context, message):
        if (getattr(context, "category", "") or "").startswith("qt.gui.imageio"):
            said.append(message)
        elif previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(listen)
    try:
        yield said
    finally:
        qInstallMessageHandler(previous)
