"""Finding a Digwell already running on a data folder, and asking it to come to the front.

The running one listens on a local socket (app.ui.single_instance); a later start
connects, says "raise" and quits. Plain Python, no Qt: a start that finds no other
instance has paid only for the attempt, and the command line imports it before Qt
(modules imported after PySide6 cost more to import).
"""

from __future__ import annotations

import binascii
import os
import sys
from pathlib import Path

CONNECT_S = 0.5
RAISE = b"raise"
# What the desktop's menu entry actions ask of a running instance (docs/DESKTOP.md).
REFRESH = b"refresh"
NEW_POST = b"new-post"
REQUESTS = (RAISE, REFRESH, NEW_POST)


def server_name_for(data_dir: Path) -> str:
    """The socket name for this user and data folder: stable, and short enough for a path.
    (crc32s rather than hashlib: importing hashlib costs start-up, and this needs no
    secrecy, only distinct names.)"""
    user = os.environ.get("USERNAME", "") if sys.platform == "win32" else str(os.getuid())
    key = f"{user}|{Path(data_dir).resolve()}".encode()
    return f"digwell-{binascii.crc32(key):08x}{binascii.crc32(key[::-1]):08x}"


def socket_path(name: str) -> str:
    """Where the socket is: Qt's own place for a bare name (a file in the temporary folder
    on Unix, a named pipe on Windows), given in full so plain Python finds it too."""
    if sys.platform == "win32":
        return rf"\\.\pipe\{name}"
    return os.path.join(os.environ.get("TMPDIR", "").rstrip("/") or "/tmp", name)


def ask_running(name: str, timeout: float = CONNECT_S, request: bytes = RAISE) -> bool:
    """Ask a running instance to raise its window (or another of REQUESTS); False when
    none answers. Plain Python, so a start-up that finds none has not paid for importing
    QtNetwork."""
    path = socket_path(name)
    if sys.platform == "win32":
        try:
            with open(path, "r+b", buffering=0) as pipe:
                pipe.write(request + b"\n")
        except OSError:
            return False
        return True
    # _socket, not socket: socket imports selectors and more, ~2.5 ms of start-up.
    import _socket

    client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    client.settimeout(timeout)
    try:
        client.connect(path)
        client.sendall(request + b"\n")
    except OSError:  # no file, or a crashed instance's file nobody listens on
        return False
    finally:
        client.close()
    return True
