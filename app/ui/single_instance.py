"""One Digwell per user and data folder: a second start raises the first window instead.

The first instance listens on a local socket (a Unix socket file, or a named pipe on
Windows); a later one connects, says "raise" and quits. A socket file left by a crashed
instance refuses connections, so it is removed and listened on again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.running_instance import RAISE, REQUESTS, ask_running, socket_path

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# A client that never finishes its line is not waited on forever.
_MAX_LINE = 64


class SingleInstance(QObject):
    """claim() finds whether another instance runs (and asks it to come to the front);
    listen() makes this one the instance later starts find; `raise_requested` fires
    when one of them asks."""

    raise_requested = Signal()
    # Another of REQUESTS ("refresh", "new-post": the menu entry's actions), by name.
    requested = Signal(str)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def claim(self) -> bool:
        """True if no other instance runs and this one now listens; False if the running
        one was asked to raise its window."""
        return not ask_running(self.key) and self.listen()

    def listen(self) -> bool:
        """Listen for later starts; False if another instance began listening first
        (two starts at once: this one then runs without the guard)."""
        if self._server is not None:
            return True
        if ask_running(self.key):
            return False
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        # Only this user may connect: nobody else can poke our window.
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        path = socket_path(self.key)
        QLocalServer.removeServer(path)  # a crashed instance's socket file
        if not server.listen(path):
            server.deleteLater()
            return False
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

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)
            self._read_from(socket)  # bytes may have arrived with the connection

    def _read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)

    def _read_from(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        lines = data.split(b"\n")
        self._buffers[socket] = lines.pop()[-_MAX_LINE:]
        for line in lines:
            self._answer(line)

    def _answer(self, line: bytes) -> None:
        word = line.strip()
        if word == RAISE:
            self.raise_requested.emit()
        elif word in REQUESTS:
            self.requested.emit(word.decode("ascii"))

    def _drop(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read_from(socket)
            self._answer(self._buffers.pop(socket, b""))  # a last line without "\n"
            socket.deleteLater()
