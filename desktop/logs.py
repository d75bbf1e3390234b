"""Logging to a rotating file in the data dir, and the crash dialog hook.

The GUI sets the file up after its first window is painted (``logging.handlers`` brings
socket, pickle and queue along: 7 ms before the first window otherwise). Until then
``keep_early`` holds what is logged (warnings are also written to stderr at once), and
``setup`` writes it to the file first; a crash sets the file up itself before it is
logged.

The log is the developer's: English, no names, in its file. It never goes to the owner's
console (review of damaged databases, 3: "could not note the database check in …" stood
among a command's Dutch words). When the file cannot be opened (a read-only folder, a
folder in its place), what is logged is kept for a later ``setup`` instead; when it cannot
be written (a full disk), the record is lost rather than printed with a traceback. What the
owner must know of such a disk, the app and the commands say in her language.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from desktop import paths

LOG_NAME = "afspraak.log"


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


class _Early(logging.Handler):
    """What is logged before the log file is set up (the first few hundred records)."""

    LIMIT = 500

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self.echo = True  # until setup finds the file cannot be opened (_keep_quietly)

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)
        if self.echo and record.levelno >= logging.WARNING:  # as Python would without any handler
            sys.stderr.write(record.getMessage() + "\n")


def keep_early() -> None:
    """Hold log records until :func:`setup` can write them to the file."""
    root = logging.getLogger()
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    if not any(isinstance(h, _Early) for h in root.handlers):
        root.addHandler(_Early())


def _write_early(root: logging.Logger, handler: logging.Handler) -> None:
    for early in [h for h in root.handlers if isinstance(h, _Early)]:
        root.removeHandler(early)
        for record in early.records:
            if record.levelno >= handler.level:
                handler.handle(record)


def setup(verbose: bool = False) -> Path | None:
    """Log to the rotating file in the data dir (later calls keep it, or move it to
    another data dir's file)."""
    import logging.handlers

    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        path = log_file()
    except OSError:  # read-only or full disk: the app says so itself, in her language
        _keep_quietly(root)
        return None
    ours = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    if any(h.baseFilename == os.path.abspath(path) for h in ours):
        return path
    for handler in ours:  # a file in another data dir (tests, --data-dir): this one replaces it
        root.removeHandler(handler)
        handler.close()
    try:
        handler = _QuietFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        _keep_quietly(root)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _write_early(root, handler)
    paths.make_private_file(path)
    return path


def _keep_quietly(root: logging.Logger) -> None:
    """The log file cannot be opened: keep what is logged for a later :func:`setup` (the
    next opening of the data, the crash hook), and write none of it on the console: not
    the early handler's warnings, not Python's last-resort handler (a command has no
    handler of its own), not a stream handler on stderr."""
    early = [h for h in root.handlers if isinstance(h, _Early)]
    if not early:
        early = [_Early()]
        root.addHandler(early[0])
    for handler in early:
        handler.echo = False


class _QuietFile:
    """The rotating log file; a record it cannot write (a full disk) is lost, not printed on
    the console as "--- Logging error ---" with a traceback. Made on first use:
    ``logging.handlers`` is not imported before the first window (see the module doc)."""

    _class = None

    def __new__(cls, *args, **kwargs):
        if cls._class is None:
            import logging.handlers

            class QuietRotatingFile(logging.handlers.RotatingFileHandler):
                def handleError(self, record: logging.LogRecord) -> None:
                    if isinstance(sys.exc_info()[1], OSError):
                        return
                    super().handleError(record)  # a mistake in a log call still shows

            cls._class = QuietRotatingFile
        return cls._class(*args, **kwargs)


def install_excepthook(show, show_storage=None, on_damage=None) -> None:
    """Log every uncaught exception and call ``show(log_path)`` so it never vanishes.

    A full disk, a read-only folder or a failing disk is not a bug: with ``show_storage``
    given, it gets ``show_storage(message)`` with a message that says what to do.
    A damaged database file ("database disk image is malformed", "file is not a
    database") is not a bug either: with ``on_damage`` given, it gets ``on_damage(exc)``
    (the app recovers from the newest good backup), never the crash dialog.
    """
    log = logging.getLogger("afspraak.crash")

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            setup()  # a crash before the file was set up still lands in it
        except Exception:  # never let the hook itself fail
            pass
        try:
            from desktop.store import storage_errors

            if on_damage is not None and exc is not None and storage_errors.is_damage(exc):
                # As text: a record holding the traceback would keep the window it came
                # from alive, and the app is about to replace that window.
                log.error("the database reported damage:\n%s",
                          "".join(traceback.format_exception(exc_type, exc, tb)).rstrip())
                on_damage(exc)
                return
        except Exception:  # recovering must not hide the error: the crash dialog then
            log.exception("could not recover from the damaged database")
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        try:
            from desktop.store import storage_errors

            kind = storage_errors.kind_of(exc) if exc is not None else None
            if kind and show_storage is not None:
                from desktop.presentation import errors

                show_storage(errors.storage(kind, paths.configured_data_dir()))
                return
            show(log_file())
        except Exception:  # the dialog itself must not recurse
            log.exception("could not show the crash dialog")

    sys.excepthook = hook
