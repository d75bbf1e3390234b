"""The log is the developer's, in English, in its file: never on the owner's console.

Review of damaged databases, 3: "could not note the database check in …" (store/recovery.py,
the check stamp that cannot be written) stood in English among the Dutch messages of a
command, and so did "--- Logging error ---" with a traceback: when the log file itself
could not be opened, Python's last-resort handler (the command) or the early handler (the
window) wrote every warning to stderr, and on a full disk the file handler printed its own
failure there. The line is a note for the developer (the check simply runs again next time;
what the owner must know, a full disk, is said in her language), so it stays in the log."""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
from pathlib import Path

from desktop import logs
from desktop.store.db import close_database
from desktop.store.opening import open_database

ROOT = Path(__file__).resolve().parent.parent


def test_a_command_whose_log_and_check_stamp_cannot_be_written_prints_no_english_line(data_dir):
    open_database()
    close_database()
    (data_dir / "afspraak.checked").mkdir()  # the check stamp cannot be written…
    (data_dir / "logs").mkdir(exist_ok=True)
    (data_dir / "logs" / "afspraak.log").mkdir()  # …and neither can the log
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "desktop", "--lang", "nl", "due", "--at", "2026-11-23T10:00"],
                            env=env, capture_output=True, text=True, timeout=60, cwd=str(ROOT))
    assert result.returncode == 0, result.stderr
    assert "could not note" not in result.stderr and result.stderr == ""
    assert "niets aan de beurt" in result.stdout  # the command itself did its work, in Dutch


def _our_handlers(before):
    root = logging.getLogger()
    return [h for h in root.handlers if h not in before]


def _remove(handlers) -> None:
    root = logging.getLogger()
    for handler in handlers:
        root.removeHandler(handler)
        handler.close()


def test_the_window_keeps_what_it_cannot_log_off_her_console_and_writes_it_later(data_dir, capsys, monkeypatch):
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logs.keep_early()
        with monkeypatch.context() as patched:
            def no_log_folder():
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))

            patched.setattr(logs, "log_file", no_log_folder)
            assert logs.setup() is None
        capsys.readouterr()
        logging.getLogger("desktop.store.recovery").warning("could not note the database check in %s", "here")
        assert "could not note" not in capsys.readouterr().err
        path = logs.setup()  # the folder can be written again (the next opening, the crash hook)
        for handler in root.handlers:
            handler.flush()
        assert "could not note the database check in here" in path.read_text(encoding="utf-8")
    finally:
        _remove(_our_handlers(before))


def test_a_log_file_on_a_full_disk_prints_no_logging_error(data_dir, capsys):
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logs.setup()
        (handler,) = [h for h in _our_handlers(before) if isinstance(h, logging.FileHandler)]

        class FullDisk:  # a file on a disk with no room left: SQLite's and the OS's ENOSPC
            def seek(self, offset, whence=0):
                return 0

            def tell(self):
                return 0

            def write(self, text):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            def flush(self):
                pass

            def close(self):
                pass

        real, handler.stream = handler.stream, FullDisk()
        try:
            logging.getLogger("desktop.store.recovery").warning("could not note the database check in %s", "x")
        finally:
            handler.stream = real
        err = capsys.readouterr().err
        assert "Logging error" not in err and "could not note" not in err
    finally:
        _remove(_our_handlers(before))
