"""Single instance, crash dialog and log file."""

import logging
import sys

from desktop import logs, single_instance


def test_second_start_activates_the_first(qtbot, data_dir):
    server = single_instance.InstanceServer()
    with qtbot.waitSignal(server.activated, timeout=3000):
        assert single_instance.notify_running() is True
    server.server.close()


def test_no_instance_running(qtbot, data_dir):
    assert single_instance.notify_running(timeout_ms=200) is False


def test_uncaught_exception_is_logged_and_shown(data_dir, monkeypatch):
    shown = []
    path = logs.setup()
    old = sys.excepthook
    try:
        logs.install_excepthook(shown.append)
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert shown == [path]
    assert "ValueError: boom" in path.read_text(encoding="utf-8")
    assert path.parent.parent == data_dir
