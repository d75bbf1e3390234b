"""Logging to a rotating file in the data dir, and the crash dialog hook.

The GUI sets the file up after its first window is painted (``logging.handlers`` brings
socket, pickle and queue along: 7 ms before the first window otherwise). Until then
``keep_early`` holds what is logged (warnings are also written to stderr at once), and
``setup`` writes it to the file first; a crash sets the file up itself before it is
logged.
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

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)
        if record.levelno >= logging.WARNING:  # as Python would without any handler
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
    except OSError:  # read-only or full disk: the app says so itself; log to stderr meanwhile
        if not root.handlers:
            root.addHandler(logging.StreamHandler())
        return None
    ours = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    if any(h.baseFilename == os.path.abspath(path) for h in ours):
        return path
    for handler in ours:  # a file in another data dir (tests, --data-dir): this one replaces it
        root.removeHandler(handler)
        handler.close()
    try:
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _write_early(root, handler)
    paths.make_private_file(path)
    return path


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
