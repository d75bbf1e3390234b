"""Where the running Afspraak listens for a later start, and asking it to show itself
before this process loads Qt at all.

After its first start the app usually runs on in the tray: closing the window keeps it
there (the default, where the desktop has a tray), and a start at login starts it there.
A click on its icon then starts a second process whose only job is to bring that window
to the front: it connects to the first one's QLocalServer (single_instance.py), sends
``show`` and exits. Done through Qt, that second process loaded PySide6 and made a
QApplication first, about as long as the window it asks for takes to appear; on Linux
and macOS the server is a Unix socket, which Python reaches with nothing but ``socket``
(docs/PERFORMANCE.md, fix 44).
Windows names a pipe instead: there the check goes through Qt as before. Everywhere, a
start that finds nobody here asks once more through Qt right before it listens itself
(app.py): a start that came up meanwhile is found then.
"""

from __future__ import annotations

import os
import socket

from desktop import paths

SHOW = b"show"


def _digest(text: str) -> str:
    try:
        from _sha1 import sha1  # CPython's own SHA-1: hashlib would load OpenSSL first (~3 ms)
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import sha1
    return sha1(text.encode("utf-8")).hexdigest()[:12]


def server_name() -> str:
    """The name the first instance listens on, one per data folder: a socket file's full
    path on Linux and macOS (both Qt and Python reach it there), a pipe's name on Windows."""
    # The data folder's path, not created here: a folder that cannot be made is told about
    # by the start that follows (app.py), not as a traceback from this question.
    name = f"afspraak-{_digest(str(paths.configured_data_dir()))}"
    if os.name != "posix":
        return name
    return os.path.join(os.path.abspath(os.environ.get("TMPDIR") or "/tmp"), name)


def ask_running_to_show(timeout: float = 0.5) -> bool | None:
    """True when an Afspraak runs for this data folder and was asked to show its window;
    False when none listens; None when this platform cannot tell without Qt (Windows)."""
    if os.name != "posix" or not hasattr(socket, "AF_UNIX"):
        return None
    return reaches(server_name(), SHOW, timeout)


def is_running(timeout: float = 0.5) -> bool | None:
    """True when an Afspraak runs for this data folder (asked without a word: its window
    stays where it is); False when none listens; None when this platform cannot tell
    without Qt (Windows: ``single_instance.notify_running(b"")``)."""
    if os.name != "posix" or not hasattr(socket, "AF_UNIX"):
        return None
    return reaches(server_name(), b"", timeout)


def reaches(path: str, message: bytes, timeout: float = 0.5) -> bool:
    """Does an Afspraak listen on the socket file ``path``? It is sent ``message`` (``SHOW``;
    nothing: connected and left, the listener lets the link go without a word)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as link:
            link.settimeout(timeout)
            link.connect(path)
            if message:
                link.sendall(message)
    except OSError:  # no such file, nobody listening (a socket left by a crash), no answer
        return False
    return True
