"""Setting up the log: the file, levels and process tags, debug, a folder that cannot
be written, and no secret in what is logged (app.logs)."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app import credentials, log_masking, logs
from app.credentials import FeedSecret
from app.feeds.fetch import FetchRequest, Timeouts
from app.feeds.fetch_pool import fetch_all_sync
from app.log_file import log_file
from tests.feed_server import FeedServer, rss
from tests.log_support import (
    LINE,
    SECRET,
    all_log_text,
    clean_logging,  # noqa: F401 - autouse: each test starts clean
    log,
    our_handlers,
    text,
)

# --- Set-up ---------------------------------------------------------------------------


def test_setup_creates_the_folder_and_writes_tagged_iso_lines(_sandboxed_home):
    path = logs.setup_logging(process="refresh")
    assert path == log_file() == Path(_sandboxed_home) / "log" / "Digwell" / "digwell.log"
    assert path.is_file()
    log("app.feeds.refresh").info("refreshed %d feeds", 3)
    lines = text().splitlines()
    assert "started: refresh process, debug off" in lines[0]
    last = LINE.match(lines[-1])
    assert last is not None, lines[-1]
    assert last["level"] == "INFO"
    assert last["tag"] == "refresh"
    assert int(last["pid"]) == os.getpid()
    assert last["name"] == "digwell.feeds.refresh"
    assert last["message"] == "refreshed 3 feeds"
    assert logs.logging_problem() is None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_log_is_private_to_the_user():
    path = logs.setup_logging()
    assert path.stat().st_mode & 0o077 == 0
    assert path.parent.stat().st_mode & 0o077 == 0


def test_setup_twice_adds_no_second_handler_and_updates_level_and_tag():
    logs.setup_logging(process="app")
    logs.setup_logging(process="worker", debug=True)
    assert len(our_handlers()) == 1
    assert len(our_handlers("httpx")) == 1
    log().debug("a debug line")
    logs.setup_logging(process="app")  # debug off again: libraries quiet, no debug lines
    log().debug("not written")
    assert our_handlers("httpx") == []
    content = text()
    assert content.count("started:") == 1
    assert re.search(r" DEBUG worker\[\d+\] digwell.tests: a debug line$", content, re.M)
    assert "not written" not in content


def test_digwell_loggers_only_libraries_stay_quiet():
    logs.setup_logging()
    logging.getLogger("somelibrary").warning("not ours")
    logging.getLogger("httpx").info("HTTP Request: not routed without debug")
    log().debug("debug is off")
    log().info("ours")
    content = text()
    assert "ours" in content
    assert "not ours" not in content
    assert "not routed" not in content
    assert "debug is off" not in content


def test_digwell_debug_in_the_environment_turns_debug_on(monkeypatch):
    monkeypatch.setenv(logs.DEBUG_ENV, "1")
    logs.setup_logging()
    log().debug("details")
    assert "details" in text()
    assert logging.getLogger("httpcore").isEnabledFor(logging.DEBUG)


def test_debug_is_passed_on_to_child_processes():
    logs.setup_logging(debug=True)
    assert os.environ[logs.DEBUG_ENV] == "1"
    code = "from app import logs; print(logs.debug_requested())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


@pytest.mark.parametrize("value", ["", "0", "false", "off", "no"])
def test_debug_off_values(monkeypatch, value):
    monkeypatch.setenv(logs.DEBUG_ENV, value)
    assert not logs.debug_requested()


def test_stop_logging_undoes_everything():
    logs.setup_logging(debug=True)
    logs.stop_logging()
    assert our_handlers() == our_handlers("httpx") == our_handlers("httpcore") == []
    assert logging.getLogger("httpx").level == logging.NOTSET
    assert logging.getLogger(logs.LOGGER_NAME).level == logging.NOTSET
    assert logs.logging_problem() is None


def test_a_new_log_folder_replaces_the_old_handler(tmp_path, monkeypatch):
    first = logs.setup_logging(debug=True)
    monkeypatch.setenv("DIGWELL_HOME", str(tmp_path / "elsewhere"))
    second = logs.setup_logging(debug=True)
    assert first != second
    assert len(our_handlers()) == 1
    assert len(our_handlers("httpx")) == 1
    log().info("goes to the new file")
    assert "goes to the new file" in second.read_text(encoding="utf-8")
    assert "goes to the new file" not in first.read_text(encoding="utf-8")


# --- Unwritable folder ----------------------------------------------------------------


def test_an_unwritable_log_folder_means_no_file_not_a_crash(_sandboxed_home, capsys):
    (Path(_sandboxed_home) / "log").write_text("a file where the folder should be")
    assert logs.setup_logging() is None
    problem = logs.logging_problem()
    assert problem is not None
    assert str(log_file()) in problem
    log().warning("nowhere to go, Authorization: Bearer %s", SECRET)
    assert capsys.readouterr() == ("", "")  # not even logging's last resort on stderr
    assert logs.setup_logging() is None  # tried again, still no file, still no error


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="POSIX permissions, not as root"
)
def test_a_read_only_log_folder_means_no_file(_sandboxed_home):
    folder = Path(_sandboxed_home) / "log"
    folder.mkdir(mode=0o500)
    try:
        assert logs.setup_logging() is None
        assert logs.logging_problem()
    finally:
        folder.chmod(0o700)


def test_logging_before_setup_prints_nothing(capsys):
    log().error("before set-up, token=%s", SECRET)
    assert capsys.readouterr() == ("", "")


# --- httpx at debug level, against a real local server --------------------------------


def test_debug_logging_of_real_requests_carries_no_secret():
    logs.setup_logging(debug=True, process="refresh")
    with FeedServer() as server:
        server.route(
            "/private",
            body=rss("private", 2),
            authorization=f"Bearer {SECRET}",
            headers={"Set-Cookie": f"session={SECRET}; HttpOnly", "X-Api-Key": SECRET},
        )
        server.route("/basic", status=401)
        # httpx directly: the secret in a header and in the query string.
        with httpx.Client() as client:
            response = client.get(
                server.url("/private") + f"?token={SECRET}&page=1",
                headers={"Authorization": f"Bearer {SECRET}"},
            )
        assert response.status_code == 200
        # Digwell's fetcher: a bearer header, and user:password in the URL (a 401).
        results = fetch_all_sync(
            [
                FetchRequest(
                    1,
                    server.url("/private"),
                    headers=(("Authorization", response.request.headers["Authorization"]),),
                ),
                FetchRequest(
                    2, f"http://reader:{SECRET}@127.0.0.1:{server.port}/basic?key={SECRET}"
                ),
            ],
            timeouts=Timeouts(connect=5, read=5, total=10),
        )
        assert [r.http_status for r in results] == [200, 401]
        assert server.headers_seen["/private"][0]["authorization"] == f"Bearer {SECRET}"
    content = all_log_text()
    assert SECRET not in content
    # The riskiest lines were written, masked.
    assert re.search(
        r"refresh\[\d+\] httpx: HTTP Request: GET .*/private\?token=\*\*\*&page=1", content
    )
    assert "httpcore" in content
    assert "(b'Set-Cookie', b'***')" in content
    assert "(b'X-Api-Key', b'***')" in content
    assert "/basic?key=***" in content


# --- Credentials ----------------------------------------------------------------------


def test_credentials_log_refs_and_register_what_they_handle(memory_keyring):
    logs.setup_logging(debug=True)
    credentials.save_secret("ref-basic", FeedSecret("basic", "reader", SECRET))
    credentials.save_secret("ref-header", FeedSecret("header", "X-Api-Key", SECRET + "-h"))
    log_masking.forget_secrets()  # a new process: only loading registers again
    assert credentials.load_secret("ref-basic") == FeedSecret("basic", "reader", SECRET)
    assert credentials.load_secret("missing") is None
    credentials.delete_secret("ref-header")
    basic = credentials.auth_headers(FeedSecret("basic", "reader", SECRET))["Authorization"]
    log().info("a stray quote: %s / %s", SECRET, basic.split()[1])
    content = text()
    assert SECRET not in content
    assert basic.split()[1] not in content
    assert "a stray quote: *** / ***" in content
    assert "saved the basic sign-in for feed ref ref-basic" in content
    assert "saved the header sign-in for feed ref ref-header" in content
    assert "read the basic sign-in for feed ref ref-basic" in content
    assert "no sign-in in the keyring for feed ref missing" in content
    assert "removed the sign-in for feed ref ref-header" in content


def test_a_refused_keyring_is_logged_without_the_secret():
    logs.setup_logging()
    with pytest.raises(credentials.CredentialsError):
        credentials.save_secret("ref-1", FeedSecret("bearer", "", SECRET))
    content = text()
    assert "The secret was NOT saved" in content
    assert SECRET not in content


# --- Start-up cost --------------------------------------------------------------------


def test_importing_the_module_imports_no_logging_and_setup_no_handlers_module():
    code = (
        "import sys\n"
        "import app.logs\n"
        "print('logging' in sys.modules)\n"
        "app.logs.setup_logging()\n"
        "app.logs.get_logger('app.x').info('hello')\n"
        "print('logging.handlers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
