"""One Afspraak per data dir: a second start asks the first to show itself, then exits.

A QLocalServer named after the data dir listens in the first instance; a second
instance connects, sends ``show`` and quits (on Linux and macOS before it loads Qt:
instance_link.py). One writer, no "database is locked".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.instance_link import SHOW, server_name

log = logging.getLogger(__name__)


def notify_running(message: bytes = SHOW, timeout_ms: int = 500) -> bool:
    """True when another instance answered (it was told to show itself). Through Qt: for
    Windows, where instance_link cannot ask without it."""
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
        if bytes(socket.readAll()).strip() == SHOW:
            self.activated.emit()
        socket.disconnectFromServer()
