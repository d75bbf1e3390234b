"""Single instance, crash dialog and log file."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import instance_link, logs, single_instance


def test_second_start_activates_the_first(qtbot, data_dir):
    server = single_instance.InstanceServer()
    with qtbot.waitSignal(server.activated, timeout=3000):
        assert single_instance.notify_running() is True
    server.close()


def test_no_instance_running(qtbot, data_dir):
    assert single_instance.notify_running(timeout_ms=200) is False


@pytest.mark.skipif(os.name != "posix", reason="Windows asks through Qt (a named pipe)")
def test_a_later_start_reaches_the_running_one_without_qt(qtbot, data_dir, tmp_path, monkeypatch):
    """instance_link finds the Qt server of the running instance (a socket file in TMPDIR)
    and asks it to show; with nobody listening, or only a file left by a crash, it says so."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert instance_link.server_name().startswith(str(tmp_path))
    assert instance_link.ask_running_to_show() is False
    server = single_instance.InstanceServer()
    try:
        with qtbot.waitSignal(server.activated, timeout=3000):
            assert instance_link.ask_running_to_show() is True
    finally:
        server.close()
    left = Path(instance_link.server_name())
    left.touch()  # a crashed instance's socket file: nobody answers there
    assert instance_link.ask_running_to_show() is False
    server = single_instance.InstanceServer()  # and a new start takes its place
    try:
        with qtbot.waitSignal(server.activated, timeout=3000):
            assert instance_link.ask_running_to_show() is True
    finally:
        server.close()


@pytest.mark.skipif(os.name != "posix", reason="Windows asks through Qt (a named pipe)")
def test_afspraak_started_again_shows_the_running_window_without_loading_qt(qtbot, data_dir, tmp_path,
                                                                            monkeypatch):
    """`afspraak` started while it runs: the running one is asked to show itself, the new
    process says so and ends at once, without having loaded PySide6 (fix 44)."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where this server listens and the child looks
    env = dict(os.environ, AFSPRAAK_DATA_DIR=str(data_dir))
    probe = ("import sys; from desktop.cli import main; code = main(['--lang', 'en', 'gui']); "
             "print('qt loaded' if 'PySide6' in sys.modules else 'qt not loaded'); sys.exit(code)")
    server = single_instance.InstanceServer()
    try:
        with qtbot.waitSignal(server.activated, timeout=10000):
            result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,
                                    timeout=60)
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    assert "already running" in result.stdout
    assert "qt not loaded" in result.stdout


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


@pytest.mark.skipif(os.name != "posix", reason="Windows asks through Qt (a named pipe)")
def test_two_starts_close_together_make_one_instance(qtbot, data_dir, tmp_path, monkeypatch):
    """`afspraak gui` asked before loading Qt and nobody answered; another start came up
    before this one listens: the app asks once more right before listening, so the other
    one is shown and this start ends, instead of taking over its socket (two instances
    writing one database)."""
    from desktop import app as app_module
    from desktop import cli

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(instance_link, "ask_running_to_show", lambda: False)  # nobody, a moment ago
    became = []
    monkeypatch.setattr(app_module.Application, "exec", lambda self: became.append(self) or 99)
    other = single_instance.InstanceServer()  # the start that came up meanwhile
    try:
        with qtbot.waitSignal(other.activated, timeout=5000):
            assert cli.main(["--lang", "en", "gui"]) == 0
    finally:
        other.close()
    assert not became, "this start became a second instance"


def test_asking_for_a_running_one_creates_no_data_folder(tmp_path, monkeypatch):
    """The question comes before anything else; a data folder that cannot be made (a
    read-only parent, an unplugged drive) is told about by the start that follows, with its
    dialog, not met here as a traceback: the question does not create the folder."""
    folder = tmp_path / "not-yet" / "afspraak"
    monkeypatch.setenv("AFSPRAAK_DATA_DIR", str(folder))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert instance_link.ask_running_to_show() in (False, None)
    assert not folder.exists() and not folder.parent.exists()


@pytest.mark.skipif(not single_instance.UNIX_SOCKET, reason="Windows listens on a pipe, through Qt")
def test_the_unix_listener_is_the_owners_and_goes_with_the_app(qtbot, data_dir, tmp_path, monkeypatch):
    """The socket file only its owner may reach; what is not "show" (a stranger, a word cut
    in two) is read whole or ignored; closing takes the file away unless a later start has
    put its own there."""
    import socket
    import stat

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    server = single_instance.InstanceServer()
    path = Path(instance_link.server_name())
    try:
        assert server.listening
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        heard = []
        server.activated.connect(lambda: heard.append(True))
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as link:
            link.connect(str(path))
            link.sendall(b"hello")
        qtbot.wait(200)
        assert heard == []
        with qtbot.waitSignal(server.activated, timeout=3000):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as link:
                link.connect(str(path))
                link.sendall(b"sh")
                qtbot.wait(100)
                link.sendall(b"ow")
        assert heard == [True]
    finally:
        server.close()
    assert not path.exists()
    assert instance_link.ask_running_to_show() is False

    first = single_instance.InstanceServer()
    path.unlink()  # replaced under it by a later start...
    second = single_instance.InstanceServer()
    try:
        first.close()  # ...which keeps its file
        assert path.exists()
        with qtbot.waitSignal(second.activated, timeout=3000):
            assert single_instance.notify_running() is True
    finally:
        second.close()
    assert not path.exists()


@pytest.mark.skipif(not single_instance.UNIX_SOCKET, reason="Windows listens on a pipe, through Qt")
def test_a_failed_accept_pauses_the_listener_instead_of_spinning(qtbot, data_dir, tmp_path, monkeypatch, caplog):
    """Out of file handles, accept fails and the waiting start stays queued: the notifier
    would fire again at once, round and round, logging each time. It rests a moment."""
    import errno

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(single_instance._UnixServer, "PAUSE_MS", 50)
    server = single_instance.InstanceServer()
    unix = server.server
    real = unix.listener

    class Exhausted:
        def accept(self):
            raise OSError(errno.EMFILE, "Too many open files")

    try:
        unix.listener = Exhausted()
        unix._accept()
        assert not unix.notifier.isEnabled()
        assert caplog.text.count("Too many open files") == 1
        unix.listener = real
        qtbot.waitUntil(unix.notifier.isEnabled, timeout=2000)
        with qtbot.waitSignal(server.activated, timeout=3000):
            assert instance_link.ask_running_to_show() is True
    finally:
        unix.listener = real
        server.close()


@pytest.mark.skipif(os.name != "posix", reason="Windows asks through Qt (a named pipe)")
def test_a_start_finding_a_running_one_listening_does_not_take_its_place(qtbot, data_dir, tmp_path, monkeypatch):
    """The second of two starts at once found nobody a moment ago; its listener must not take
    the first one's socket file away (both ran on the same data: review 26, data 4)."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    first = single_instance.InstanceServer()
    try:
        with pytest.raises(single_instance.AlreadyRunning):
            single_instance.InstanceServer()
        with qtbot.waitSignal(first.activated, timeout=3000):  # the first still answers
            assert instance_link.ask_running_to_show() is True
    finally:
        first.close()


_RACER = """
import os, sys, time
from PySide6.QtCore import QCoreApplication
from desktop import single_instance
app = QCoreApplication([])
go = sys.argv[1]
open(go + "." + str(os.getpid()), "w").close()  # ready
while not os.path.exists(go):  # a file both wait for, not a clock: faketime gives each child its own
    pass
try:
    server = single_instance.InstanceServer()
except single_instance.AlreadyRunning:
    print("second", flush=True)
    sys.exit(0)
print("listening" if server.listening else "not listening", flush=True)
time.sleep(0.3)
server.close()
"""


@pytest.mark.skipif(os.name != "posix", reason="Windows asks through Qt (a named pipe)")
def test_two_starts_at_the_same_moment_make_one_instance(data_dir, tmp_path):
    """A double-click: two processes take the socket file at the same moment, six times over;
    each time exactly one listens and the other knows it is the second."""
    import time

    env = dict(os.environ, TMPDIR=str(tmp_path), AFSPRAAK_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    for n in range(6):
        go = tmp_path / f"go{n}"
        racers = [subprocess.Popen([sys.executable, "-c", _RACER, str(go)], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True) for _ in range(2)]
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob(f"go{n}.*"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)  # both ready, then both let go at once
        go.touch()
        said = sorted(r.communicate(timeout=60)[0].strip() for r in racers)
        assert said == ["listening", "second"], said
