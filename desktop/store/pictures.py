"""Pictures the owner adds (order references, content evidence, a product's picture):
copied into the data dir under made-up names, whole or not at all.

The name of a dropped or chosen file is never used as a path: the copy gets a random
name and an extension that follows from the file's own first bytes (PNG, JPEG, GIF,
WebP; a product's picture may be a BMP too). The file is read once, whole; those bytes
are checked from the first to the last (``domain/picture_bytes``: a copy that broke off,
or a file that only starts like a picture, is ``DAMAGED``), handed to the caller's
``check`` (the window has Qt decode every pixel: ``views/picture_check.py``), and then
exactly those bytes are written. Anything refused is ``NotAPicture`` (the reason and the
file's name, worded by presentation/errors.py), and nothing is copied; a write that fails
half-way (a full disk) leaves no half file behind.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Callable

from desktop import paths
from desktop.domain import picture_bytes
from desktop.store import incoming

FOLDER = "pictures/orders"
EVIDENCE_FOLDER = "pictures/evidence"
FOLDERS = (FOLDER, EVIDENCE_FOLDER)
MAX_BYTES = 30 * 1024 * 1024

# The formats an order's or a content record's picture may have; a product's may be a BMP too.
KINDS = (picture_bytes.PNG, picture_bytes.JPEG, picture_bytes.GIF, picture_bytes.WEBP)
PRODUCT_KINDS = KINDS + (picture_bytes.BMP,)


# Why a file was refused (``NotAPicture.reason``).
UNREADABLE, NOT_A_FILE, NOT_A_PICTURE, TOO_LARGE, NONE_GIVEN = (
    "unreadable", "not_a_file", "not_a_picture", "too_large", "none_given")
# EMPTY: 0 bytes (a download that never started); DAMAGED: it starts as a picture but is not
# one whole (cut off, bytes changed), or cannot be decoded; TOO_MANY_PIXELS: more than the
# window can hold decoded (``size``: its width and height).
EMPTY, DAMAGED, TOO_MANY_PIXELS = "empty", "damaged", "too_many_pixels"


class NotAPicture(ValueError):
    """A file refused as a picture: ``reason`` (one of the codes above), the ``file``'s
    name, and for UNREADABLE the system's ``errno`` (worded by presentation/errors.py) and
    its own ``error`` text (English: the last resort), for TOO_LARGE the ``limit`` in bytes,
    for TOO_MANY_PIXELS the picture's ``size`` (width, height)."""

    def __init__(self, reason: str, file: str = "", error: str = "", limit: int = MAX_BYTES,
                 errno: int | None = None, size: tuple[int, int] | None = None):
        super().__init__(f"{reason}: {file}" + (f" ({error})" if error else ""))
        self.reason = reason
        self.file = file
        self.error = error
        self.limit = limit
        self.errno = errno
        self.size = size


# A further check of a picture's bytes (the file's name given for the refusal): None when it
# is fine, else why not. The window decodes it with Qt (views/picture_check.py).
Check = Callable[[bytes, str], "NotAPicture | None"]

_EXTENSIONS = {picture_bytes.JPEG: ".jpg"}


def read_picture(source: str | os.PathLike, kinds: tuple[str, ...] = KINDS,
                 check: Check | None = None) -> tuple[bytes, str]:
    """The bytes of the picture file ``source``, read once and whole, and its format (one of
    ``kinds``, from the bytes, never the name). Raises ``NotAPicture``: not a plain file,
    unreadable, empty, not a picture, too large, not whole (``DAMAGED``), or refused by
    ``check``."""
    source = Path(source)
    try:
        # Before open(), which says only "Is a directory" of a folder, and waits for ever on
        # a named pipe: a dropped one hung the window.
        size = incoming.plain_file_size(source)
        if size > MAX_BYTES:  # what it is first: a film is "not a picture", not "too large"
            with open(source, "rb") as fh:
                head = fh.read(16)
            if picture_bytes.kind(head) not in kinds:
                raise NotAPicture(NOT_A_PICTURE, source.name)
            raise NotAPicture(TOO_LARGE, source.name)
        data = incoming.read_whole(source, MAX_BYTES)
    except (IsADirectoryError, incoming.NotAPlainFile) as exc:
        raise NotAPicture(NOT_A_FILE, source.name) from exc
    except incoming.TooLarge as exc:  # it grew while read
        raise NotAPicture(TOO_LARGE, source.name) from exc
    except OSError as exc:
        raise NotAPicture(UNREADABLE, source.name, error=exc.strerror or str(exc), errno=exc.errno) from exc
    if not data:
        raise NotAPicture(EMPTY, source.name)
    found = picture_bytes.kind(data)
    if found not in kinds:
        raise NotAPicture(NOT_A_PICTURE, source.name)
    if not picture_bytes.complete(data):
        raise NotAPicture(DAMAGED, source.name)
    refused = check(data, source.name) if check is not None else None
    if refused is not None:
        raise refused
    return data, found


def extension(kind: str) -> str:
    """The extension a stored picture of format ``kind`` gets (".jpg" for a JPEG)."""
    return _EXTENSIONS.get(kind, f".{kind}")


def write_new(target: Path, data: bytes) -> None:
    """Write ``data`` as the new file ``target`` (never over one that is there), only the
    owner may read it, on the disk before this returns. When writing fails (a full disk),
    the part written is removed again and the OSError raised."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        paths.make_private_file(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def import_picture(source: str | os.PathLike, folder_name: str = FOLDER, check: Check | None = None) -> str:
    """Copy a picture into ``folder_name`` of the data dir; returns its path relative to the
    data dir. Raises ``NotAPicture`` (``check``'s refusal among them) or the OSError of a
    copy that could not be written; either way nothing is left behind."""
    if folder_name not in FOLDERS:
        raise ValueError(folder_name)
    data, kind = read_picture(source, check=check)
    folder = paths.ensure_private_dir(paths.data_dir() / folder_name)
    target = folder / (secrets.token_hex(12) + extension(kind))
    write_new(target, data)
    return f"{folder_name}/{target.name}"


def absolute(relative: str) -> Path:
    """The file of a stored picture path; refuses anything outside the pictures folders."""
    path = (paths.data_dir() / relative).resolve()
    for folder_name in FOLDERS:
        if (paths.data_dir() / folder_name).resolve() in path.parents:
            return path
    raise ValueError(relative)


def remove_file(relative: str) -> None:
    try:
        absolute(relative).unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
