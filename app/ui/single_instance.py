"""One Digwell per user and data folder: a second start raises the first window instead.

The first instance listens on a local socket (a Unix socket file, or a named pipe on
Windows); a later one connects, says "raise" and quits. A socket file left by a crashed
instance refuses connections, so it is removed and listened on again.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500
RAISE = b"raise"
# A client that never finishes its line is not waited on forever.
_MAX_LINE = 64


def server_name_for(data_dir: Path) -> str:
    """The socket name for this user and data folder: stable, and short enough for a path."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (e.g. a container without passwd entry)
        user = ""
    digest = hashlib.sha256(f"{user}|{data_dir.resolve()}".encode()).hexdigest()
    return f"digwell-{digest[:16]}"


class SingleInstance(QObject):
    """claim() makes this process the running instance, or asks the running one to come
    to the front; `raise_requested` fires when a later instance asks this one."""

    raise_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def claim(self) -> bool:
        """True if this is now the running instance; False if another one was asked to raise."""
        if self._ask_running():
            return False
        server = QLocalServer(self)
        # Only this user may connect: nobody else can poke our window.
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        QLocalServer.removeServer(self.key)  # a crashed instance's socket file
        if not server.listen(self.key):
            server.deleteLater()
            # Lost a race with an instance starting at the same moment; else run unguarded
            # rather than refuse to start.
            return not self._ask_running()
        self._server = server
        return True

    def release(self) -> None:
        """Stop listening (and remove the socket file), e.g. before quitting."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def is_listening(self) -> bool:
        """Whether this object is the running instance."""
        return self._server is not None and self._server.isListening()

    def _ask_running(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(RAISE + b"\n")
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_MS)
        return True

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)
            self._read_from(socket)  # bytes may have arrived with the connection

    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)

    def _read_from(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        lines = data.split(b"\n")
        self._buffers[socket] = lines.pop()[-_MAX_LINE:]
        if any(line.strip() == RAISE for line in lines):
            self.raise_requested.emit()

    def _drop(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)
            if self._buffers.pop(socket, b"").strip() == RAISE:  # a last line without "\n"
                self.raise_requested.emit()
            socket.deleteLater()
