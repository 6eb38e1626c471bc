import socket
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from app.running_instance import server_name_for, socket_path
from app.ui.single_instance import SingleInstance


@pytest.fixture
def key():
    return f"digwell-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def instances(qapp, key):
    """`instances()`: a new SingleInstance on this test's key; all released at the end."""
    made = []

    def make():
        made.append(SingleInstance(key))
        return made[-1]

    yield make
    for instance in made:
        instance.release()


def test_server_name_is_stable_short_and_per_folder(tmp_path):
    name = server_name_for(tmp_path / "data")
    assert name == server_name_for(tmp_path / "other" / ".." / "data")
    assert name != server_name_for(tmp_path / "demo")
    assert name.startswith("digwell-") and len(name) == 24


def test_the_second_instance_asks_the_first_to_raise(qtbot, instances):
    first, second = instances(), instances()
    assert first.claim() is True
    assert first.is_listening()
    with qtbot.waitSignal(first.raise_requested, timeout=2000):
        assert second.claim() is False
    assert not second.is_listening()


def test_every_later_start_raises_again(qtbot, instances):
    first = instances()
    first.claim()
    for _ in range(2):
        with qtbot.waitSignal(first.raise_requested, timeout=2000):
            assert instances().claim() is False


def test_other_bytes_do_not_raise(qtbot, instances, key):
    first = instances()
    first.claim()
    client = QLocalSocket()
    client.connectToServer(socket_path(key))
    assert client.waitForConnected(1000)
    with qtbot.assertNotEmitted(first.raise_requested, wait=200):
        client.write(b"hello\n")
        client.waitForBytesWritten(1000)
    client.disconnectFromServer()


def test_release_lets_a_new_instance_claim(instances):
    first = instances()
    assert first.claim()
    first.release()
    assert instances().claim() is True


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_stale_socket_file_is_recovered(qtbot, instances, key):
    # A crashed instance leaves its socket file behind; nothing listens on it.
    path = Path(socket_path(key))
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()
    assert path.exists()
    first = instances()
    assert first.claim() is True
    assert first.is_listening()
    with qtbot.waitSignal(first.raise_requested, timeout=2000):
        assert instances().claim() is False
