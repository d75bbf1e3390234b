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


def test_what_is_logged_before_the_log_file_lands_in_it(data_dir, capsys):
    """The GUI sets the file up after its first window; a warning before it (say, the
    instance server could not listen) is written to stderr at once and to the file later."""
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logs.keep_early()
        logging.getLogger("desktop.single_instance").warning("could not listen: %s", "busy")
        logging.getLogger("desktop.app").info("an early note")
        assert "could not listen: busy" in capsys.readouterr().err
        path = logs.setup()
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "could not listen: busy" in text and "an early note" in text
        assert not any(type(h).__name__ == "_Early" for h in root.handlers)
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
