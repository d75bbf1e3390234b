"""Files the owner hands in (a shop's export, a picture): read only when they are a plain
file, and only up to a size.

A named pipe opened to read waits for a writer that never comes, and a device never ends
(``/dev/zero``, ``/dev/urandom``): `afspraak import` on one hung, or filled the memory
until the system stopped it; in the window a dropped one hung the import's worker, and a
picture dropped as one hung the whole window. Both are refused before they are opened
(``NotAPlainFile``). A file larger than its reader takes (``TooLarge``) is refused before
it is read: a 200 MB export took a minute and 3 GB of memory to be parsed.

Both are OSErrors, so the callers that already say why a file cannot be read catch them;
presentation/errors.py ``unreadable`` words them.
"""

from __future__ import annotations

import errno
import os
import stat

# A shop's export of products or orders: the largest real ones seen are under 1 MB (1,600
# Etsy orders in 370 kB); 50 MB is tens of thousands of orders, and takes about 15 s and
# 800 MB of memory to read.
EXPORT_MAX_BYTES = 50 * 1024 * 1024


class NotAPlainFile(OSError):
    """``filename`` is a named pipe, a device or a socket: nothing to read whole, nor a place
    to put a file written (store/outgoing.py)."""

    def __init__(self, filename: str):
        super().__init__(None, "not a plain file", filename)


class TooLarge(OSError):
    """``filename`` holds more than ``limit`` bytes (``size`` of them)."""

    def __init__(self, filename: str, size: int, limit: int):
        super().__init__(errno.EFBIG, "file too large", filename)
        self.size = size
        self.limit = limit


def plain_file_size(path: str | os.PathLike) -> int:
    """The size of the plain file ``path`` (a link followed), without opening it. Raises
    the OSError of a file that is not there, IsADirectoryError for a folder and
    ``NotAPlainFile`` for a pipe, a device or a socket."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise NotAPlainFile(str(path))
    return info.st_size


def read_whole(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of the plain file ``path``, at most ``limit`` of them (``EXPORT_MAX_BYTES``
    when not given; ``TooLarge`` otherwise). Opened without waiting, so a pipe put in its
    place after the check does not hang either."""
    limit = EXPORT_MAX_BYTES if limit is None else limit
    size = plain_file_size(path)
    if size > limit:
        raise TooLarge(str(path), size, limit)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise NotAPlainFile(str(path))
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew while read
        raise TooLarge(str(path), len(data), limit)
    return data
