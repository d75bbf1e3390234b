"""One Afspraak per data dir: a second start asks the first to show itself, then exits.

A QLocalServer named after the data dir listens in the first instance; a second
instance connects, sends ``show`` and quits. One writer, no "database is locked".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCryptographicHash, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop import paths

log = logging.getLogger(__name__)


def server_name() -> str:
    # Qt's SHA-1 (the same digest as hashlib's) spares loading OpenSSL before the first window.
    sha1 = QCryptographicHash.hash(str(paths.data_dir()).encode("utf-8"), QCryptographicHash.Algorithm.Sha1)
    digest = bytes(sha1.toHex()).decode("ascii")[:12]
    return f"afspraak-{digest}"


def notify_running(message: bytes = b"show", timeout_ms: int = 500) -> bool:
    """True when another instance answered (it was told to show itself)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(message)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; emits ``activated`` when one asks us to show."""

    activated = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.UserAccessOption)
        name = server_name()
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # stale socket from a crashed run
            if not self.server.listen(name):
                log.warning("single-instance server could not listen: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll()).strip() == b"show":
            self.activated.emit()
        socket.disconnectFromServer()
