"""Disk full, read-only folder, failing disk, a file another program is writing:
recognised and classified.

SQLite rolls the failed transaction back, so nothing already saved is lost; what the
user needs is a sentence that says what happened and what to do, not a traceback. This
module tells the kinds apart (``kind_of``, ``as_told``, ``is_damage``);
presentation/errors.py ``storage`` says them in the user's language.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

FULL, READ_ONLY, DISK = "full", "read-only", "disk"
# Another connection holds the write lock longer than busy_timeout (the window in the middle
# of a long write while a command runs, a database tool with a transaction open): SQLite
# refuses the write before anything is written.
BUSY = "busy"

_SQLITE_KINDS = {
    "SQLITE_FULL": FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_CANTOPEN": READ_ONLY,
    "SQLITE_PERM": READ_ONLY,
    "SQLITE_AUTH": READ_ONLY,
    "SQLITE_IOERR": DISK,
    "SQLITE_BUSY": BUSY,
    "SQLITE_LOCKED": BUSY,
}
_MESSAGES = {
    "database or disk is full": FULL,
    "attempt to write a readonly database": READ_ONLY,
    "unable to open database file": READ_ONLY,
    "disk i/o error": DISK,
    "database is locked": BUSY,
}
_ERRNOS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EIO: DISK,
}


class StorageProblem(Exception):
    """The data folder cannot be written (or read); ``kind`` is FULL, READ_ONLY or DISK."""

    def __init__(self, kind: str, folder: Path, detail: str = ""):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.folder = Path(folder)
        self.detail = detail


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        for arg in getattr(exc, "args", ())[:1]:
            if isinstance(arg, BaseException):
                yield arg
        exc = exc.__cause__ or exc.__context__


_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")  # SQLITE_CORRUPT_VTAB, _INDEX, _SEQUENCE too
_DAMAGE_TEXTS = ("malformed", "not a database")  # "database disk image is malformed", "file is not a database"


def is_damage(exc: BaseException) -> bool:
    """Does ``exc`` (or what caused it) say the database file itself is damaged?

    Peewee wraps SQLite's error (the original is its first argument), and PySide6 puts
    "Error calling Python override of ...: " before the text of an error raised in a view's
    event handler, so both the error code and the text are looked for along the chain."""
    for e in _chain(exc):
        name = getattr(e, "sqlite_errorname", "") or ""
        if name.startswith(_DAMAGE_CODES):
            return True
        if isinstance(e, (sqlite3.DatabaseError, _peewee_database_error())):
            text = str(e).lower()
            if any(fragment in text for fragment in _DAMAGE_TEXTS):
                return True
    return False


def _peewee_database_error() -> type:
    import peewee  # loaded long before any query; imported here so this module stays light

    return peewee.DatabaseError


def kind_of(exc: BaseException) -> str | None:
    """FULL, READ_ONLY, DISK or BUSY when ``exc`` (or what caused it) is a storage failure."""
    for e in _chain(exc):
        if isinstance(e, StorageProblem):
            return e.kind
        if isinstance(e, sqlite3.Error):
            name = getattr(e, "sqlite_errorname", "") or ""
            for prefix, kind in _SQLITE_KINDS.items():
                if name.startswith(prefix):
                    return kind
        if isinstance(e, OSError) and e.errno in _ERRNOS:
            return _ERRNOS[e.errno]
        text = str(e).lower()
        for fragment, kind in _MESSAGES.items():
            if fragment in text:
                return kind
    return None


def failed_file(exc: BaseException) -> Path | None:
    """The file a storage failure names (an OSError's ``filename`` along the chain, or a
    ``StorageProblem``'s folder), for the caller to say which folder refused: the backups
    folder, not the data folder, when only that one is read-only (review of data safety, 3)."""
    for e in _chain(exc):
        if isinstance(e, StorageProblem):
            return e.folder
        if isinstance(e, OSError) and e.filename:
            return Path(e.filename)
    return None


def _nearly_full(folder: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(folder).free < 1_000_000
    except OSError:
        return False


def as_told(kind: str, folder: Path) -> str:
    """The kind to tell the owner: SQLite reports some writes on a full disk as an I/O
    error, so DISK on a disk with (almost) no space left is FULL."""
    if kind == DISK and _nearly_full(folder):
        return FULL
    return kind
