"""A few saved settings read before the database is opened, for the first window.

The app shows its window before it opens (checks, migrates, backs up) the database, so
the window can appear at once. That first window should already be in the owner's
language, size and view: this reads those settings straight from the file, read-only
and without the ORM (no Peewee import on the way to the first paint).

Anything unexpected (no file yet, not ours, damaged, locked, an older schema without the
table, a value that is not JSON) gives an empty answer: the app then opens the database
as usual and takes the settings from there. Nothing here changes the database (SQLite
may create its usual ``-wal``/``-shm`` side files, as the opening after it would).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path, PurePath
from urllib.parse import quote

# What the first window needs: its language, size and position, and the view it shows.
SHELL_SETTINGS = ("language", "window_geometry", "last_view")


def read_only_uri(path: PurePath) -> str:
    """A SQLite URI that opens ``path`` read-only: no host part (SQLite refuses one, and
    ``Path.as_uri`` gives ``file://server/...`` for a Windows share), every character
    that means something in a URI escaped (``?``, ``#``, ``%``, spaces)."""
    path = path if path.is_absolute() else Path(path).absolute()
    posix = path.as_posix()  # /home/..., C:/Users/..., //server/share/...
    return "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:") + "?mode=ro"


def saved_settings(path: Path, keys=SHELL_SETTINGS) -> dict:
    """The stored text values of ``keys`` (JSON-decoded); keys without a stored text value
    are left out (all three shell settings are text)."""
    keys = tuple(keys)
    path = Path(path)
    try:
        if not keys or not path.is_file():
            return {}
    except OSError:  # a name too long for the system, a folder she may not enter: nothing read
        return {}
    try:
        # mode=ro never creates the file; a short timeout: a writer holding a lock is not waited for.
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.2)
    except (sqlite3.Error, OSError, ValueError):
        return {}
    try:
        marks = ",".join("?" * len(keys))
        rows = connection.execute(f"SELECT key, value FROM setting WHERE key IN ({marks})", keys).fetchall()
    except sqlite3.Error:
        return {}
    finally:
        connection.close()
    found = {}
    for key, value in rows:
        try:
            decoded = json.loads(value) if isinstance(value, str) else None
        except ValueError:
            continue
        if isinstance(key, str) and isinstance(decoded, str):
            found[key] = decoded
    return found
