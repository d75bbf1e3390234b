"""Files Afspraak writes where the owner names them (a backup, a calendar, a privacy export):
only in the place of nothing or of an ordinary file, and whole or not at all.

Each is written to a temporary ``.part`` beside it and renamed into place, so a half
file is never left under its name. But a rename puts a new file in the place of whatever
stood there: `backup --out` on a named pipe turned the pipe into a file, on a device
replaced the device (run as root, ``--out /dev/null`` would have replaced the system's
own), and on a symbolic link replaced the link itself, not the file it points to (one
that pointed nowhere silently became a file). Those are refused before anything is
written (``existing``), and once more right before the rename (a pipe or a link put
there meanwhile is not replaced either): ``NotAPlainFile``, ``LinkInTheWay`` or
``IsADirectoryError``, all OSErrors that presentation/errors.py ``unwritable`` words.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from desktop.store.incoming import NotAPlainFile


class LinkInTheWay(OSError):
    """``filename`` is a symbolic link to ``target`` (the place it names, which may not
    exist): a file renamed into its place would replace the link, not what it points to."""

    def __init__(self, filename: str, target: str):
        super().__init__(None, "a symbolic link", filename)
        self.target = target


def link_target(path: str | os.PathLike) -> str:
    """The place the symbolic link ``path`` names, as a path from where the link stands."""
    target = os.readlink(path)
    return os.path.normpath(os.path.join(os.path.dirname(os.fspath(path)), target))


def existing(path: str | os.PathLike, links: bool = False) -> bool:
    """True when an ordinary file stands at ``path``, False when nothing does. Raises
    IsADirectoryError for a folder, ``NotAPlainFile`` for a named pipe, a device or a
    socket, ``LinkInTheWay`` for a symbolic link, and the OSError of a place that cannot
    be looked at (a name too long, a file where a folder is needed). ``links``: a link is
    followed instead, and judged by what it points to (the data folder's own files, which
    an owner may have linked elsewhere; never a place she names herself)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        if not links:
            raise LinkInTheWay(str(path), link_target(path))
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return False
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise NotAPlainFile(str(path))
    return True


def write_whole(path: str | os.PathLike, data: bytes, mode: int = 0o666, make_folder: bool = False) -> Path:
    """Write ``data`` to ``path`` through ``<path>.part`` (made anew with ``mode``, never
    opened through a link or a pipe that stands under that name), synced to the disk, then
    renamed into place; refused as ``existing`` says (a link too). A failure (a full disk)
    leaves no ``.part`` behind and the old file, if any, as it was. ``make_folder``: make the
    folders it goes in first."""
    path = Path(path)
    existing(path)
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)  # a leftover, or a pipe or a link under that name (never followed)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        existing(path)  # what stands there now: a pipe or a link put there meanwhile is not replaced
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
