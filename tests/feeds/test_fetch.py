"""The feed fetcher against a real local server (tests/feed_server.py) and, for what a
local server cannot do (DNS, TLS, a stalled transfer), httpx's MockTransport.

No assertion on timing: only outcomes, counters and messages.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import logging
import socket
import ssl
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from app.feeds.fetch import (
    USER_AGENT,
    FetchRequest,
    FetchResult,
    Timeouts,
    retry_delay_s,
    timeouts_from_env,
)
from app.feeds.fetch_pool import fetch_all_sync
from app.feeds.parse import MAX_FEED_BYTES
from tests.feed_server import FeedServer, bomb_size

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
QUICK = Timeouts(connect=5, read=5, total=10)
SECRET = "s3cret-token-value"


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


def fetch(url: str, **options) -> FetchResult:
    fields = ("etag", "last_modified", "headers")
    request_options = {k: options.pop(k) for k in fields if k in options}
    options.setdefault("timeouts", QUICK)
    (result,) = fetch_all_sync([FetchRequest(1, url, **request_options)], **options)
    return result


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_etag_then_not_modified(server):
    server.route("/feed", body=RSS, etag='"v1"', headers={"Cache-Control": "max-age=900"})
    first = fetch(server.url("/feed"))
    assert first.status == "ok"
    assert first.http_status == 200
    assert first.body == RSS
    assert first.bytes_received == len(RSS)
    assert first.etag == '"v1"'
    assert first.headers["content-type"].startswith("application/rss+xml")
    assert first.retry_after_s == 900.0  # max-age: do not ask again sooner
    assert first.error == ""

    again = fetch(server.url("/feed"), etag=first.etag)
    assert again.status == "not_modified"
    assert again.http_status == 304
    assert again.body is None
    assert again.etag == '"v1"'
    assert server.headers_seen["/feed"][1]["if-none-match"] == '"v1"'
    assert server.hits["/feed"] == 2


def test_last_modified_then_not_modified(server):
    stamp = "Sun, 22 Nov 2026 07:30:00 GMT"
    server.route("/feed", body=RSS, last_modified=stamp)
    first = fetch(server.url("/feed"))
    assert (first.status, first.last_modified, first.etag) == ("ok", stamp, None)

    again = fetch(server.url("/feed"), last_modified=first.last_modified)
    assert again.status == "not_modified"
    assert again.last_modified == stamp
    assert server.headers_seen["/feed"][1]["if-modified-since"] == stamp

    server.route("/feed", body=RSS, last_modified="Mon, 23 Nov 2026 08:00:00 GMT")
    changed = fetch(server.url("/feed"), last_modified=stamp)
    assert changed.status == "ok"
    assert changed.last_modified == "Mon, 23 Nov 2026 08:00:00 GMT"


def test_sends_user_agent_accept_and_gzip_support(server):
    server.route("/feed", body=RSS * 50, gzip=True)
    result = fetch(server.url("/feed"))
    assert result.status == "ok"
    assert result.body == RSS * 50  # decoded
    assert result.headers["content-encoding"] == "gzip"
    seen = server.headers_seen["/feed"][0]
    assert seen["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("Digwell/")
    assert "application/rss+xml" in seen["accept"]
    assert "application/atom+xml" in seen["accept"]
    assert "gzip" in seen["accept-encoding"]
    assert "if-none-match" not in seen
    assert "if-modified-since" not in seen


@pytest.mark.parametrize(
    ("chain", "moved"),
    [
        ([301], True),
        ([308], True),
        ([301, 308], True),
        ([302], False),
        ([307], False),
        ([301, 302], False),
        ([302, 301], False),
    ],
)
def test_new_url_only_when_every_hop_is_permanent(server, chain, moved):
    server.route("/final", body=RSS)
    paths = [f"/hop{i}" for i in range(len(chain))] + ["/final"]
    for path, status, target in zip(paths, chain, paths[1:], strict=False):
        server.route(path, status=status, redirect_to=target)
    result = fetch(server.url("/hop0"))
    assert result.status == "ok"
    assert result.body == RSS
    assert result.url == server.url("/hop0")  # as requested
    assert result.new_url == (server.url("/final") if moved else None)
    assert all(server.hits[path] == 1 for path in paths)


def test_redirect_loop_stops_after_five_hops(server):
    server.route("/loop", status=301, redirect_to="/loop")
    result = fetch(server.url("/loop"))
    assert result.status == "error"
    assert "redirected more than 5 times" in result.error
    assert result.new_url is None
    assert server.hits["/loop"] == 6


def test_redirect_to_another_scheme_is_not_followed(server):
    server.route("/away", status=302, redirect_to="ftp://files.invalid/feed.xml")
    result = fetch(server.url("/away"))
    assert result.status == "error"
    assert "not http or https" in result.error


def test_gone(server):
    server.route("/feed", status=410, body=b"gone")
    result = fetch(server.url("/feed"))
    assert result.status == "gone"
    assert result.http_status == 410
    assert result.error == (
        "The feed is gone (HTTP 410): the publisher removed it. Digwell paused it."
    )


def test_too_many_requests_with_retry_after_seconds(server):
    server.route("/feed", status=429, headers={"Retry-After": "120"})
    result = fetch(server.url("/feed"))
    assert result.status == "error"
    assert result.http_status == 429
    assert result.retry_after_s == 120.0
    assert "HTTP 429" in result.error
    assert "2 min" in result.error


def test_unavailable_with_http_date_retry_after(server):
    later = datetime.now(timezone.utc) + timedelta(hours=1)
    server.route("/feed", status=503, headers={"Retry-After": format_datetime(later, usegmt=True)})
    result = fetch(server.url("/feed"))
    assert result.status == "error"
    assert result.http_status == 503
    assert 3000 < result.retry_after_s <= 3600
    assert "HTTP 503" in result.error


def test_server_error_names_status_and_reason(server):
    server.route("/feed", status=500, body=b"boom")
    result = fetch(server.url("/feed"))
    assert result.status == "error"
    assert result.http_status == 500
    assert result.body is None
    assert result.error.startswith(f"127.0.0.1:{server.port} answered HTTP 500")
    assert "Internal Server Error" in result.error
    assert result.retry_after_s is None


def test_not_found_says_what_to_do(server):
    result = fetch(server.url("/nowhere"))
    assert result.status == "error"
    assert "HTTP 404 (Not Found)" in result.error
    assert "address" in result.error


def test_connection_refused():
    port = closed_port()
    result = fetch(f"http://127.0.0.1:{port}/feed.xml")
    assert result.status == "error"
    assert result.http_status is None
    assert result.error == (
        f"127.0.0.1:{port} refused the connection: no web server is answering there."
    )


def test_read_timeout(server):
    server.route("/slow", body=RSS, latency_ms=2000)
    result = fetch(server.url("/slow"), timeouts=Timeouts(connect=5, read=0.3, total=10))
    assert result.status == "error"
    assert result.error == f"127.0.0.1:{server.port} stopped sending for 0.3 s; Digwell gave up."


def test_total_timeout_bounds_a_trickling_server():
    async def stall(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(30)
        return httpx.Response(200)

    result = fetch(
        "https://slow.invalid/feed",
        timeouts=Timeouts(connect=5, read=5, total=0.2),
        transport=httpx.MockTransport(stall),
    )
    assert result.status == "error"
    assert result.error.startswith("slow.invalid took more than 0.2 s")


class _Streamed(httpx.AsyncByteStream):
    """A body httpx has not read yet, as from a real connection."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self):
        yield self.data


def _raises(exc: BaseException, cause: BaseException):
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc from cause

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("exc", "cause", "expected"),
    [
        (
            httpx.ConnectError("[Errno -2] Name or service not known"),
            socket.gaierror(-2, "Name or service not known"),
            "Digwell could not find the server feeds.invalid: the name does not resolve.",
        ),
        (
            httpx.ConnectError("certificate verify failed"),
            ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED]"),
            "The secure connection to feeds.invalid failed: its certificate is not trusted",
        ),
        (
            httpx.ConnectError("handshake failure"),
            ssl.SSLError(1, "[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE]"),
            "The secure connection to feeds.invalid failed (TLS handshake error).",
        ),
        (
            httpx.ConnectTimeout("timed out"),
            TimeoutError(),
            "feeds.invalid did not accept a connection within 5 s",
        ),
        (
            httpx.RemoteProtocolError("illegal status line"),
            ValueError("x"),
            "feeds.invalid closed the connection or sent a malformed answer.",
        ),
    ],
)
def test_network_failures_name_the_host_only(exc, cause, expected):
    url = f"https://reader:{SECRET}@feeds.invalid/private/feed.xml?key={SECRET}"
    result = fetch(url, transport=_raises(exc, cause))
    assert result.status == "error"
    assert result.error.startswith(expected)
    assert SECRET not in result.error
    assert "/private" not in result.error
    assert SECRET not in repr(result).replace(f"key={SECRET}", "")


def test_gzip_bomb_is_cut_at_the_cap(server):
    inflated = 2 * 1024**3  # 2 GiB of zeros in ~2 MB of gzip
    server.route("/bomb", bomb_bytes=inflated)
    result = fetch(server.url("/bomb"))
    assert result.status == "error"
    assert result.error == "The feed is over Digwell's 10 MB limit; it was not read."
    assert result.body is None
    assert MAX_FEED_BYTES < result.bytes_received <= MAX_FEED_BYTES + 64 * 1024
    assert server.wait_idle()
    # The server could not finish: the client hung up after a small part of the stream.
    assert server.completed["/bomb"] == 0
    assert server.sent_bytes["/bomb"] < bomb_size(inflated) / 2
    assert server.sent_bytes["/bomb"] < inflated / 1000


def test_gzip_over_the_cap_once_inflated(server):
    server.route("/feed", body=bytes(50_000), gzip=True)  # ~100 bytes on the wire
    result = fetch(server.url("/feed"), max_bytes=10_000)
    assert result.status == "error"
    assert result.error == "The feed is over Digwell's 9.8 KB limit; it was not read."
    assert result.bytes_received == 10_001


def test_content_length_over_the_cap_is_refused_before_reading(server):
    server.route("/big", body=b"x" * 5000)
    result = fetch(server.url("/big"), max_bytes=1000)
    assert result.status == "error"
    assert result.http_status == 200
    assert result.error == "The feed is 4.9 KB, over Digwell's 1000 bytes limit; it was not read."
    assert result.bytes_received == 0


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),
        ("identity", bytes),
        ("", bytes),
    ],
)
def test_content_encodings(encoding, encode):
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Encoding": encoding}
        return httpx.Response(200, headers=headers, stream=_Streamed(encode(RSS)))

    result = fetch("https://feeds.invalid/feed", transport=httpx.MockTransport(handler))
    assert (result.status, result.body) == ("ok", RSS)


@pytest.mark.parametrize(
    ("encoding", "content", "expected"),
    [
        ("br", b"\x1b\x00", "The server sent the feed in an encoding Digwell cannot read (br)."),
        ("gzip", b"\x1f\x8b\x08garbage", "The server sent a damaged compressed feed"),
    ],
)
def test_unreadable_encodings(encoding, content, expected):
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Encoding": encoding}
        return httpx.Response(200, headers=headers, stream=_Streamed(content))

    result = fetch("https://feeds.invalid/feed", transport=httpx.MockTransport(handler))
    assert result.status == "error"
    assert result.error.startswith(expected)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://feeds.example/feed.xml",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "feed.example/rss",
        "https://",
        "http://[::1/feed",
        "http://feeds.example:99999/feed",
    ],
)
def test_only_http_and_https_are_fetched(url):
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, content=RSS)

    result = fetch(url, transport=httpx.MockTransport(handler))
    assert result.status == "error"
    assert result.error
    assert result.http_status is None
    assert calls == []


def test_authorization_header_is_sent_but_never_shown(server, caplog):
    caplog.set_level(logging.DEBUG)
    server.route("/private", status=500)
    headers = (("Authorization", f"Bearer {SECRET}"),)
    request = FetchRequest(7, server.url("/private"), headers=headers)
    refused = FetchRequest(8, f"http://127.0.0.1:{closed_port()}/private", headers=headers)
    results = fetch_all_sync([request, refused], timeouts=QUICK)
    assert server.headers_seen["/private"][0]["authorization"] == f"Bearer {SECRET}"
    assert [r.status for r in results] == ["error", "error"]
    for shown in (*[r.error for r in results], *map(repr, results), repr(request), str(request)):
        assert SECRET not in shown
    assert "Authorization" in repr(request)  # the name, not the value
    assert SECRET not in caplog.text


def test_credentials_in_the_url_become_basic_auth_and_stay_hidden(server, caplog):
    caplog.set_level(logging.DEBUG)
    server.route("/private", status=403)
    url = f"http://reader:{SECRET}@127.0.0.1:{server.port}/private"
    result = fetch(url)
    expected = base64.b64encode(f"reader:{SECRET}".encode()).decode()
    assert server.headers_seen["/private"][0]["authorization"] == f"Basic {expected}"
    assert result.url == url  # as requested
    assert result.error.startswith(f"127.0.0.1:{server.port} answered HTTP 403 (Forbidden)")
    assert SECRET not in result.error
    assert SECRET not in repr(result)
    assert SECRET not in repr(FetchRequest(1, url))
    assert SECRET not in caplog.text


@pytest.mark.parametrize(
    "header", [("X-Key", "caf\u00e9"), ("X-Key", "a\r\nInjected: 1"), ("Bad Name", "v"), ("", "v")]
)
def test_invalid_caller_headers_are_refused_without_a_request(header):
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, content=RSS)

    transport = httpx.MockTransport(handler)
    result = fetch("https://feeds.invalid/", headers=(header,), transport=transport)
    assert result.status == "error"
    assert result.error == "The extra request headers for this feed are not valid; check them."
    assert calls == []


def test_caller_headers_do_not_follow_a_redirect_to_another_host():
    seen: dict[str, httpx.Headers] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[request.url.host] = request.headers
        if request.url.host == "old.invalid":
            return httpx.Response(301, headers={"Location": "https://new.invalid/feed"})
        return httpx.Response(200, content=RSS)

    headers = (("Authorization", f"Bearer {SECRET}"), ("X-Api-Key", SECRET))
    result = fetch(
        "https://old.invalid/feed", headers=headers, transport=httpx.MockTransport(handler)
    )
    assert result.status == "ok"
    assert result.new_url == "https://new.invalid/feed"
    assert seen["old.invalid"]["x-api-key"] == SECRET
    assert "authorization" not in seen["new.invalid"]
    assert "x-api-key" not in seen["new.invalid"]


@pytest.mark.parametrize(
    ("failures", "retry_after", "expected"),
    [
        (0, None, 0),
        (1, None, 5 * 60),
        (2, None, 10 * 60),
        (3, None, 20 * 60),
        (9, None, 5 * 60 * 256),
        (10, None, 24 * 3600),
        (10_000, None, 24 * 3600),
        (1, 3600.0, 3600),
        (4, 60.0, 40 * 60),
        (30, 2 * 86400.0, 2 * 86400),
    ],
)
def test_retry_delay(failures, retry_after, expected):
    assert retry_delay_s(failures, retry_after) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, Timeouts()),
        ("", Timeouts()),
        ("2,3,4.5", Timeouts(connect=2, read=3, total=4.5)),
        (" 1, 1, 2 ", Timeouts(connect=1, read=1, total=2)),
    ],
)
def test_timeouts_from_the_environment(value, expected):
    environ = {} if value is None else {"DIGWELL_FETCH_TIMEOUTS": value}
    assert timeouts_from_env(environ) == expected


@pytest.mark.parametrize("value", ["5", "1,2", "1,2,3,4", "a,b,c", "0,1,2", "1,-1,2", "1,2,inf"])
def test_timeouts_from_the_environment_refuses_what_is_not_three_limits(value):
    from app.errors import DigwellError

    with pytest.raises(DigwellError, match=r"DIGWELL_FETCH_TIMEOUTS=.* is not three time limits"):
        timeouts_from_env({"DIGWELL_FETCH_TIMEOUTS": value})
