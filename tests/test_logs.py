"""The log file: set-up, rotation, fallback, and secrets kept out of it (app.logs)."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, quote_plus

import httpx
import pytest

from app import credentials, log_masking, logs
from app.credentials import FeedSecret
from app.feeds.fetch import FetchRequest, Timeouts, fetch_all_sync
from tests.feed_server import FeedServer, rss

SECRET = "s3cr3t-Tok3n-7f2c9a"  # never written anywhere, by any rule
LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (?P<level>[A-Z]+) "
    r"(?P<tag>\w+)\[(?P<pid>\d+)\] (?P<name>[\w.]+): (?P<message>.*)$"
)


@pytest.fixture(autouse=True)
def _clean_logging(monkeypatch: pytest.MonkeyPatch):
    """No DIGWELL_DEBUG from outside; afterwards no handler, level or secret is left."""
    monkeypatch.setenv(logs.DEBUG_ENV, "")  # restored (removed) at teardown
    yield
    logs.stop_logging()
    log_masking.forget_secrets()


def log(name: str = "app.tests") -> logging.Logger:
    return logs.get_logger(name)


def text() -> str:
    return logs.log_file().read_text(encoding="utf-8")


def all_log_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in logs.log_file().parent.iterdir())


def our_handlers(name: str = logs.LOGGER_NAME) -> list[logging.Handler]:
    return [h for h in logging.getLogger(name).handlers if logs._is_ours(h)]


# --- Set-up ---------------------------------------------------------------------------


def test_setup_creates_the_folder_and_writes_tagged_iso_lines(_sandboxed_home):
    path = logs.setup_logging(process="refresh")
    assert path == logs.log_file() == Path(_sandboxed_home) / "log" / "Digwell" / "digwell.log"
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


# --- Rotation -------------------------------------------------------------------------


def test_the_file_rotates_and_keeps_a_bounded_number_of_old_files(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    monkeypatch.setattr(logs, "BACKUP_COUNT", 3)
    path = logs.setup_logging()
    for n in range(200):
        log().info("line %03d %s", n, "x" * 50)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["digwell.log", "digwell.log.1", "digwell.log.2", "digwell.log.3"]
    for p in path.parent.iterdir():
        assert p.stat().st_size <= 2000
    assert "line 199" in text()
    assert "line 198" in all_log_text()
    assert "line 000" not in all_log_text()  # rotated out


def test_a_file_rotated_by_another_process_is_followed(monkeypatch):
    path = logs.setup_logging()
    log().info("before")
    path.rename(path.with_name("digwell.log.1"))  # what another Digwell process does
    log().info("after")
    assert "after" in text()
    assert "after" not in path.with_name("digwell.log.1").read_text(encoding="utf-8")


def test_a_failed_rotation_keeps_appending(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 500)
    path = logs.setup_logging()

    def refuse(src, dst):
        raise PermissionError(13, "in use by another process")  # as on Windows

    monkeypatch.setattr(os, "replace", refuse)
    for n in range(30):
        log().info("line %02d %s", n, "y" * 40)
    assert "line 29" in text()
    assert path.stat().st_size > 500
    assert logs.logging_problem() is None


# --- Unwritable folder ----------------------------------------------------------------


def test_an_unwritable_log_folder_means_no_file_not_a_crash(_sandboxed_home, capsys):
    (Path(_sandboxed_home) / "log").write_text("a file where the folder should be")
    assert logs.setup_logging() is None
    problem = logs.logging_problem()
    assert problem is not None
    assert str(logs.log_file()) in problem
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


def test_a_write_failure_later_is_silent_and_reported(capsys):
    logs.setup_logging()
    handler = our_handlers()[0]
    stream = handler.stream

    class DiskFull:
        def fileno(self) -> int:
            return stream.fileno()

        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

    handler.stream = DiskFull()
    try:
        log().error("cannot be written")
    finally:
        handler.stream = stream
    assert "No space left on device" in logs.logging_problem()
    assert capsys.readouterr() == ("", "")
    log().info("written again")
    assert logs.logging_problem() is None
    assert "written again" in text()


def test_logging_before_setup_prints_nothing(capsys):
    log().error("before set-up, token=%s", SECRET)
    assert capsys.readouterr() == ("", "")


# --- Redaction rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # header lines
        (f"Authorization: Bearer {SECRET}", "Authorization: ***"),
        (f"authorization:Basic {SECRET}", "authorization:***"),
        (f"Proxy-Authorization: Digest {SECRET}", "Proxy-Authorization: ***"),
        (f"Cookie: sid={SECRET}; theme=dark", "Cookie: ***"),
        (f"Set-Cookie: session={SECRET}; Path=/", "Set-Cookie: ***"),
        (f"X-Api-Key: {SECRET}", "X-Api-Key: ***"),
        (f"X-Auth-Token: {SECRET}", "X-Auth-Token: ***"),
        (f"Private-Token: {SECRET}\nnext line", "Private-Token: ***\nnext line"),
        (f"X-Client-Secret: {SECRET}", "X-Client-Secret: ***"),
        # dict items, JSON, keyword arguments, httpcore's header tuples
        (
            f"{{'Authorization': 'Bearer {SECRET}', 'Accept': 'text/xml'}}",
            "{'Authorization': '***', 'Accept': 'text/xml'}",
        ),
        (f'{{"api_key": "{SECRET}", "n": 1}}', '{"api_key": "***", "n": 1}'),
        ("{'token': 12345678, 'n': 1}", "{'token': ***, 'n': 1}"),
        (
            f"[(b'Set-Cookie', b'sid={SECRET}'), (b'Content-Length', b'10')]",
            "[(b'Set-Cookie', b'***'), (b'Content-Length', b'10')]",
        ),
        (f"{{'password': 'it\\'s {SECRET}'}}", "{'password': '***'}"),
        (f"Secret(token='{SECRET}')", "Secret(token=***)"),
        # URLs
        (
            f"https://reader:{SECRET}@example.org/feed",
            "https://***@example.org/feed",
        ),
        (
            f"http://reader:p@{SECRET}@example.org:8080/feed?x=1",
            "http://***@example.org:8080/feed?x=1",
        ),
        (
            f"https://e.org/f?page=2&token={SECRET}&lang=en",
            "https://e.org/f?page=2&token=***&lang=en",
        ),
        (f"https://e.org/f?key={SECRET}", "https://e.org/f?key=***"),
        (f"https://e.org/f?secret={SECRET}", "https://e.org/f?secret=***"),
        (f"https://e.org/f?password={SECRET}", "https://e.org/f?password=***"),
        (f"https://e.org/f?apikey={SECRET}", "https://e.org/f?apikey=***"),
        (f"https://e.org/f?ACCESS_TOKEN={SECRET}#top", "https://e.org/f?ACCESS_TOKEN=***#top"),
        (f"https://e.org/f?se=2026&sig={SECRET}", "https://e.org/f?se=2026&sig=***"),
        (f'"GET /f?api_key={SECRET} HTTP/1.1"', '"GET /f?api_key=*** HTTP/1.1"'),
        # schemes without their header
        (f"sent Bearer {SECRET} again", "sent Bearer *** again"),
        ("sent Basic cmVhZGVyOnNlY3JldA== again", "sent Basic *** again"),
    ],
)
def test_credential_like_values_are_masked(raw, expected):
    assert log_masking.redact(raw) == expected
    assert log_masking.redact(expected) == expected  # idempotent


@pytest.mark.parametrize(
    "plain",
    [
        "refreshed 12 feeds in 3.2 s",
        "https://example.org/feed.xml?page=2&lang=en",
        "author: Alex Morgan",
        "keywords: kubernetes, platform",
        "Secrets are kept in the system keyring: Secret Service",
        "KeyError: 'feed_id'",
        "app.credentials.CredentialsError: The secret was NOT saved: the keyring is locked.",
        "uses Basic authentication",
        "mailto me at alex@example.org",
        "",
    ],
)
def test_ordinary_text_is_left_alone(plain):
    assert log_masking.redact(plain) == plain


def test_registered_secrets_are_masked_wherever_they_appear():
    secret = "plain words with 'quotes' & spaces/é"
    log_masking.register_secret(secret)
    for shown in (
        f"the value is {secret}.",
        repr({"x": secret}),
        f"?q={quote(secret, safe='')}",
        f"?q={quote_plus(secret)}",
        json.dumps({"x": secret}),
        json.dumps({"x": secret}, ensure_ascii=False),
        f"line one\n  File x, line 2\nValueError: {secret}",
    ):
        redacted = log_masking.redact(shown)
        assert secret not in redacted
        assert "***" in redacted


def test_short_and_non_text_secrets_are_not_registered():
    log_masking.register_secret("abc")
    log_masking.register_secret(None)  # type: ignore[arg-type]
    assert log_masking.redact("abc and abcd") == "abc and abcd"


def test_registering_from_many_threads_is_safe():
    import threading

    def register(n):
        for i in range(50):
            log_masking.register_secret(f"thread-{n}-secret-{i}")
            log_masking.redact("nothing")

    threads = [threading.Thread(target=register, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert log_masking.redact("thread-3-secret-49 x") == "*** x"


# --- Redaction in the file ------------------------------------------------------------


def test_args_dicts_exceptions_and_stacks_are_masked_in_the_file():
    log_masking.register_secret(SECRET)
    logs.setup_logging(debug=True)

    class Leaky:
        def __repr__(self) -> str:
            return f"Leaky({SECRET})"

    log().info("headers %s", {"Authorization": f"Bearer {SECRET}"})
    log().info("%(token)s mapping args", {"token": SECRET})
    log().info("object %r", Leaky())
    log().debug("with stack", stack_info=True, extra={"unused": SECRET})
    try:
        raise ValueError(f"could not fetch https://u:{SECRET}@example.org/?token={SECRET}")
    except ValueError:
        log().exception("fetch failed")
    try:
        leaked = {"X-Api-Key": SECRET}
        raise KeyError(leaked)
    except KeyError:
        log().warning("lookup failed", exc_info=True)
    content = text()
    assert SECRET not in content
    assert "Traceback (most recent call last)" in content
    assert "ValueError: could not fetch https://***@example.org/?token=***" in content
    assert "fetch failed" in content
    assert "*** mapping args" in content
    assert "Leaky(***)" in content
    assert "Stack (most recent call last)" in content


def test_other_handlers_see_the_record_masked_too(caplog):
    logs.setup_logging()
    caplog.set_level(logging.INFO)
    log().info("Cookie: sid=%s", SECRET)
    assert SECRET not in caplog.text
    assert "Cookie: ***" in caplog.text


def test_a_log_call_with_wrong_arguments_is_written_without_them(capsys, caplog):
    logs.setup_logging()
    log().info("%d things and a %s", "not a number", SECRET)
    assert "%d things and a %s (the log call's arguments did not fit its message)" in text()
    assert SECRET not in text()
    assert SECRET not in caplog.text  # later handlers get the fixed record too
    assert capsys.readouterr().err == ""


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


# --- Report a problem -----------------------------------------------------------------


def test_recent_log_text_is_the_redacted_tail_in_whole_lines(monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 3000)
    path = logs.setup_logging()
    for n in range(100):
        log().info("entry %03d", n)
    tail = logs.recent_log_text(max_bytes=1000)
    assert len(tail.encode()) <= 1000
    assert tail.endswith("entry 099\n")
    assert all(LINE.match(line) for line in tail.splitlines())
    # Spans the previous file when the current one is short.
    assert path.with_name("digwell.log.1").exists()
    everything = logs.recent_log_text(max_bytes=10_000)
    assert "entry 060" in everything
    assert everything.index("entry 060") < everything.index("entry 099")
    # Lines written by older versions or other tools are masked again when shown.
    log_masking.register_secret(SECRET)
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"old line with {SECRET} and Authorization: Bearer abc\n")
    shown = logs.recent_log_text()
    assert SECRET not in shown
    assert shown.endswith("old line with *** and Authorization: ***\n")


def test_recent_log_text_without_a_log_is_empty():
    assert logs.recent_log_text() == ""


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


def test_the_spelled_out_regex_flags_are_re_s():
    assert (log_masking._IGNORECASE, log_masking._MULTILINE) == (re.IGNORECASE, re.MULTILINE)
