"""Logging to a rotating file in the data dir, and the crash dialog hook."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from desktop import paths

LOG_NAME = "afspraak.log"


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def setup(verbose: bool = False) -> Path:
    path = log_file()
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        paths.make_private_file(path)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path


def install_excepthook(show) -> None:
    """Log every uncaught exception and call ``show(log_path)`` so it never vanishes."""
    log = logging.getLogger("afspraak.crash")

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        try:
            show(log_file())
        except Exception:  # the dialog itself must not recurse
            log.exception("could not show the crash dialog")

    sys.excepthook = hook
