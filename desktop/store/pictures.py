"""Pictures the owner adds (order references, content evidence): copied into the data
dir under made-up names.

The name of a dropped or chosen file is never used as a path: the copy gets a random
name and an extension that follows from the file's own first bytes (PNG, JPEG, GIF,
WebP). Anything else is refused (``NotAPicture``: the reason and the file's name, worded
by presentation/errors.py), and nothing is copied.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

from desktop import paths
from desktop.store import incoming

FOLDER = "pictures/orders"
EVIDENCE_FOLDER = "pictures/evidence"
FOLDERS = (FOLDER, EVIDENCE_FOLDER)
MAX_BYTES = 30 * 1024 * 1024

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)


# Why a file was refused (``NotAPicture.reason``).
UNREADABLE, NOT_A_FILE, NOT_A_PICTURE, TOO_LARGE, NONE_GIVEN = (
    "unreadable", "not_a_file", "not_a_picture", "too_large", "none_given")


class NotAPicture(ValueError):
    """A file refused as a picture: ``reason`` (one of the codes above), the ``file``'s
    name, and for UNREADABLE the system's ``errno`` (worded by presentation/errors.py) and
    its own ``error`` text (English: the last resort), for TOO_LARGE the ``limit`` in bytes."""

    def __init__(self, reason: str, file: str = "", error: str = "", limit: int = MAX_BYTES,
                 errno: int | None = None):
        super().__init__(f"{reason}: {file}" + (f" ({error})" if error else ""))
        self.reason = reason
        self.file = file
        self.error = error
        self.limit = limit
        self.errno = errno


def picture_type(head: bytes) -> str | None:
    """The extension for a file that starts with ``head``, or None."""
    for signature, ext in _SIGNATURES:
        if head.startswith(signature):
            return ext
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return None


def import_picture(source: str | os.PathLike, folder_name: str = FOLDER) -> str:
    """Copy a picture into ``folder_name`` of the data dir; returns its path relative to the data dir."""
    source = Path(source)
    try:
        # Before open(), which says only "Is a directory" of a folder, and waits for ever on
        # a named pipe: a dropped one hung the window.
        size = incoming.plain_file_size(source)
        with open(source, "rb") as fh:
            head = fh.read(16)
    except (IsADirectoryError, incoming.NotAPlainFile) as exc:
        raise NotAPicture(NOT_A_FILE, source.name) from exc
    except OSError as exc:
        raise NotAPicture(UNREADABLE, source.name, error=exc.strerror or str(exc), errno=exc.errno) from exc
    ext = picture_type(head)
    if ext is None:
        raise NotAPicture(NOT_A_PICTURE, source.name)
    if size > MAX_BYTES:
        raise NotAPicture(TOO_LARGE, source.name)
    if folder_name not in FOLDERS:
        raise ValueError(folder_name)
    folder = paths.ensure_private_dir(paths.data_dir() / folder_name)
    target = folder / (secrets.token_hex(12) + ext)
    shutil.copyfile(source, target)
    paths.make_private_file(target)
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
