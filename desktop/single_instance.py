"""One Afspraak per data dir: a second start asks the first to show itself, then exits.

The first instance listens on a name made from the data dir; a second instance
connects, sends ``show`` and quits (on Linux and macOS before it loads Qt:
instance_link.py). One writer, no "database is locked".

On Linux and macOS the listener is a Unix socket file made with Python's ``socket`` and
watched by a ``QSocketNotifier`` on Qt's event loop: QtNetwork's QLocalServer did the
same through a module that cost ~7 ms of every start (docs/PERFORMANCE.md, fix 67). On
Windows the name is a pipe, which only Qt reaches: QLocalServer and QLocalSocket there.
"""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from desktop.instance_link import SHOW, ask_running_to_show, reaches, server_name

log = logging.getLogger(__name__)

# Through a Unix socket file where Python's socket reaches one (Linux, macOS).
UNIX_SOCKET = os.name == "posix" and hasattr(socket, "AF_UNIX")


def notify_running(message: bytes = SHOW, timeout_ms: int = 500) -> bool:
    """True when another instance answered (it was told to show itself)."""
    if UNIX_SOCKET and message == SHOW:
        return bool(ask_running_to_show(timeout_ms / 1000))
    from PySide6.QtNetwork import QLocalSocket

    link = QLocalSocket()
    link.connectToServer(server_name())
    if not link.waitForConnected(timeout_ms):
        return False
    link.write(message)
    link.flush()
    link.waitForBytesWritten(timeout_ms)
    link.disconnectFromServer()
    return True


START_LOCK = "afspraak-start.lock"  # in the data folder: held while a start takes the socket file


class AlreadyRunning(Exception):
    """Another Afspraak for this data folder started listening first (two starts at once)."""


class InstanceServer(QObject):
    """Listens for later starts; emits ``activated`` when one asks us to show."""

    activated = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Listening until ``close``, which the app calls as its very last step (app.run):
        # a start while it still writes (the clean exit's marks) is shown this window, not
        # made a second writer.
        self.server = _UnixServer(self) if UNIX_SOCKET else _QtServer(self)

    @property
    def listening(self) -> bool:
        return self.server.listening

    def close(self) -> None:
        """Stop listening (the socket file goes with it); a later start becomes the instance."""
        self.server.close()


class _UnixServer:
    """A Unix socket file only its owner may connect to, read on Qt's event loop."""

    READ_AT_MOST = 64
    PAUSE_MS = 1000  # after a failed accept

    def __init__(self, owner: InstanceServer):
        self.owner = owner
        self.path = server_name()
        self.listener: socket.socket | None = None
        self.notifier: QSocketNotifier | None = None
        self._links: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}
        self._file_id: tuple[int, int] | None = None
        try:
            self.listener = self._listen()
        except AlreadyRunning:
            raise
        except OSError as exc:
            log.warning("single-instance server could not listen: %s", exc)
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, owner)
        self.notifier.activated.connect(lambda *_signal: self._accept())

    @property
    def listening(self) -> bool:
        return self.listener is not None

    def _listen(self) -> socket.socket:
        """Listen on the socket file; raises ``AlreadyRunning`` when another start got there
        first. Two starts at once (a double-click) both found nobody listening; the second
        took the first one's file away and both ran on the same data, one undoing the other's
        restore at its quit (review 26, data 4). Taking the file is one step under a lock
        (``_Held``): a file that answers is a running Afspraak, one that does not is a crashed
        run's, and is replaced."""
        # The lock file in the data folder (which the start makes next anyway), not beside the
        # socket: a file left in the temporary folder would outlive every run.
        from desktop import paths

        with _Held(str(paths.data_dir() / START_LOCK)):
            return self._bind()

    def _bind(self) -> socket.socket:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            try:
                listener.bind(self.path)
            except OSError:
                if reaches(self.path, b""):
                    raise AlreadyRunning(self.path) from None
                os.unlink(self.path)  # a socket file left by a crashed run: nobody answers there
                listener.bind(self.path)
            # Only the owner may connect (what QLocalServer.UserAccessOption did); with the
            # usual umask nobody else could write to it before this either.
            os.chmod(self.path, 0o600)
            listener.listen(8)
            listener.setblocking(False)
            status = os.stat(self.path)
            self._file_id = (status.st_dev, status.st_ino)
        except BaseException:  # OSError, AlreadyRunning
            listener.close()
            raise
        return listener

    def _accept(self) -> None:
        while self.listener is not None:
            try:
                link, _address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # out of file handles, say: the start waits in the queue
                log.warning("single-instance server: %s", exc)
                self._pause()
                return
            link.setblocking(False)
            fd = link.fileno()
            notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self.owner)
            self._links[fd] = (link, notifier, bytearray())
            notifier.activated.connect(lambda *_signal, fd=fd: self._read(fd))

    def _pause(self) -> None:
        """Stop watching a while: the waiting start stays queued, and a notifier left on
        would fire again at once, round and round (QLocalServer's accept error stops it too)."""
        self.notifier.setEnabled(False)
        QTimer.singleShot(self.PAUSE_MS, self._resume)

    def _resume(self) -> None:
        if self.listener is not None:
            self.notifier.setEnabled(True)

    def _read(self, fd: int) -> None:
        entry = self._links.get(fd)
        if entry is None:
            return
        link, _notifier, received = entry
        try:
            chunk = link.recv(self.READ_AT_MOST)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        received += chunk
        if chunk and len(received) < self.READ_AT_MOST and received.strip() != SHOW:
            return  # more to come
        self._drop(fd)
        if received.strip() == SHOW:
            self.owner.activated.emit()

    def _drop(self, fd: int) -> None:
        link, notifier, _received = self._links.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        link.close()

    def close(self) -> None:
        for fd in list(self._links):
            self._drop(fd)
        if self.listener is None:
            return
        self.notifier.setEnabled(False)
        self.listener.close()
        self.listener = None
        try:  # the file, unless a later start has put its own there since
            status = os.stat(self.path)
            if (status.st_dev, status.st_ino) == self._file_id:
                os.unlink(self.path)
        except OSError:
            pass


class _Held:
    """An exclusive lock on ``path`` while the socket file is taken (``fcntl.flock``: the
    system lets it go when the process ends, so a crash leaves none held)."""

    def __init__(self, path: str):
        self.path = path
        self.fd: int | None = None

    def __enter__(self):
        import fcntl

        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *_exc) -> None:
        os.close(self.fd)  # closing lets the lock go


class _QtServer:
    """QLocalServer (Windows: a named pipe)."""

    def __init__(self, owner: InstanceServer):
        from PySide6.QtNetwork import QLocalServer

        self.owner = owner
        self.server = QLocalServer(owner)
        self.server.setSocketOptions(QLocalServer.UserAccessOption)
        name = server_name()
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # stale socket from a crashed run
            if not self.server.listen(name):
                log.warning("single-instance server could not listen: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_connection)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            link = self.server.nextPendingConnection()
            link.readyRead.connect(lambda s=link: self._read(s))

    def _read(self, link) -> None:
        if bytes(link.readAll()).strip() == SHOW:
            self.owner.activated.emit()
        link.disconnectFromServer()

    def close(self) -> None:
        self.server.close()
