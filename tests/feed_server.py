"""A local feed server for tests and benchmarks: 127.0.0.1 only, a route table, counters.

    with FeedServer() as server:
        server.route("/feed.xml", body=b"<rss .../>", etag='"v1"', latency_ms=50)
        fetch(server.url("/feed.xml"))
        assert server.hits["/feed.xml"] == 1

Each route can set status, content type, extra headers, an ETag and Last-Modified (with
304 answers to If-None-Match / If-Modified-Since), latency, a redirect, gzip, a
streaming gzip bomb, or a body dripped one byte at a time. The server counts requests
per path, keeps the request headers seen, the most requests in flight at once, and the
body bytes each path managed to send.
HTTP/1.1 keep-alive; handler threads are daemons, so closing never waits for a client.
"""

from __future__ import annotations

import gzip
import socket
import struct
import sys
import threading
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

MIB = 1024 * 1024
BOMB_BLOCKS_PER_WRITE = 8  # ~8 KB on the wire, 8 MiB inflated


@dataclass(frozen=True)
class Route:
    """How the server answers GET for one path."""

    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None  # an HTTP-date
    latency_ms: int = 0  # before the status line is sent
    redirect_to: str | None = None  # a path on this server or an absolute URL; status 3xx
    gzip: bool = False  # when the client accepts it
    bomb_bytes: int = 0  # > 0: stream chunked gzip that inflates to this many zero bytes
    drip_s: float = 0  # > 0: send the body one byte at a time, this many seconds apart
    authorization: str | None = None  # when set, other Authorization headers get 401


def rss(title: str, n: int, start: int = 0) -> bytes:
    """An RSS 2.0 feed titled `title` with items start..start+n-1."""
    items = "".join(
        f"<item><title>{title} item {i}</title><link>https://example.org/{title}/{i}</link>"
        f"<guid>{title}-{i}</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>"
        f"<description>About {title} {i}</description></item>"
        for i in range(start, start + n)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://example.org/{title}</link>{items}</channel></rss>"
    ).encode()


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 and a free port; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.headers_seen: defaultdict[str, list[dict[str, str]]] = defaultdict(list)
        self.sent_bytes: Counter[str] = Counter()  # body bytes written, per path
        self.completed: Counter[str] = Counter()  # responses written in full, per path
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Condition()
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.feed_server = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, **options) -> Route:
        """Set (or replace) the route for `path`; options are Route's fields."""
        self.routes[path] = Route(**options)
        return self.routes[path]

    def reset_counters(self) -> None:
        with self._lock:
            self.hits.clear()
            self.headers_seen.clear()
            self.sent_bytes.clear()
            self.completed.clear()
            self.max_in_flight = self.in_flight

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no request is being handled (e.g. a bomb noticed its client left)."""
        with self._lock:
            return self._lock.wait_for(lambda: self.in_flight == 0, timeout)

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stopping.set()  # wakes handlers sleeping out a latency
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.close()

    # Called from handler threads.

    def _enter(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.headers_seen[path].append(headers)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1
            self._lock.notify_all()

    def _sent(self, path: str, n: int, *, done: bool = False) -> None:
        with self._lock:
            self.sent_bytes[path] += n
            if done:
                self.completed[path] += 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # A refresh opens dozens of connections at once; the default backlog of 5 drops
    # some, which then retry a second later.
    request_queue_size = 64
    feed_server: FeedServer

    def handle_error(self, request, client_address) -> None:
        # A client hanging up mid-answer is what several tests do on purpose.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "DigwellTestServer/1"
    timeout = 5  # idle keep-alive connections close on their own
    server: _Server

    def log_message(self, format: str, *args) -> None:
        pass

    def do_GET(self) -> None:
        owner = self.server.feed_server
        path = urlsplit(self.path).path
        owner._enter(path, {k.lower(): v for k, v in self.headers.items()})
        try:
            route = owner.routes.get(path)
            if route is None:
                self._send(404, {"Content-Type": "text/plain"}, b"no such route\n", path)
                return
            if route.latency_ms and owner._stopping.wait(route.latency_ms / 1000):
                return
            self._answer(owner, route, path)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        finally:
            owner._leave()

    def _answer(self, owner: FeedServer, route: Route, path: str) -> None:
        if route.authorization and self.headers.get("Authorization") != route.authorization:
            self._send(401, {"WWW-Authenticate": 'Basic realm="feed"'}, b"sign in\n", path)
            return
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        if route.redirect_to is not None:
            target = route.redirect_to
            headers["Location"] = target if "://" in target else owner.url(target)
            status = route.status if 300 <= route.status < 400 else 301
            self._send(status, headers, b"", path)
            return
        if self._not_modified(route):
            self._send(304, headers, b"", path)
            return
        headers.setdefault("Content-Type", route.content_type)
        if route.bomb_bytes:
            self._send_bomb(route.bomb_bytes, headers, path)
            return
        if route.drip_s:
            self._send_drip(route, headers, path)
            return
        body = route.body
        if route.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            headers["Content-Encoding"] = "gzip"
        self._send(route.status, headers, body, path)

    def _not_modified(self, route: Route) -> bool:
        if route.status != 200:
            return False
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            # If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2).
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return bool(route.etag) and ("*" in tags or route.etag.removeprefix("W/") in tags)
        since = self.headers.get("If-Modified-Since")
        if since and route.last_modified:
            try:
                return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, status: int, headers: dict[str, str], body: bytes, path: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)
        self.server.feed_server._sent(path, len(body), done=True)

    def _send_drip(self, route: Route, headers: dict[str, str], path: str) -> None:
        """The whole Content-Length promised, then a byte at a time: each read comes
        soon enough for a read timeout, so only a limit on the whole fetch stops it."""
        self.send_response(route.status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.flush()
        owner = self.server.feed_server
        for index in range(len(route.body)):
            if owner._stopping.wait(route.drip_s):
                return
            self.wfile.write(route.body[index : index + 1])
            owner._sent(path, 1)
        owner._sent(path, 0, done=True)

    def _send_bomb(self, inflated: int, headers: dict[str, str], path: str) -> None:
        """Chunked, no Content-Length, so only the client's own cap can stop it."""
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        # A small send buffer, so the count below is near what the client took.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 16 * 1024)
        owner = self.server.feed_server
        for piece in _bomb_pieces(inflated):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            owner._sent(path, len(piece))
        self.wfile.write(b"0\r\n\r\n")
        owner._sent(path, 0, done=True)


def bomb_size(inflated: int) -> int:
    """Bytes on the wire (before chunking) of a bomb inflating to `inflated` bytes."""
    return sum(len(piece) for piece in _bomb_pieces(inflated, with_trailer=False)) + 8


def _bomb_pieces(inflated: int, *, with_trailer: bool = True):
    """A gzip stream of `inflated` zero bytes, yielded in pieces of a few KB.

    Deflate output after a full flush repeats exactly, so one compressed MiB of zeros
    is built once and repeated: no compressing gigabytes per request.
    """
    block, finish = _zero_block()
    whole, rest = divmod(inflated, MIB)
    yield b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip header, mtime 0
    for start in range(0, whole, BOMB_BLOCKS_PER_WRITE):
        yield block * min(BOMB_BLOCKS_PER_WRITE, whole - start)
    if rest:
        tail = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        yield tail.compress(bytes(rest)) + tail.flush()
    else:
        yield finish
    if with_trailer:
        yield struct.pack("<II", _zeros_crc(whole, rest), inflated & 0xFFFFFFFF)


@lru_cache(maxsize=1)
def _zero_block() -> tuple[bytes, bytes]:
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflate.compress(bytes(MIB)) + deflate.flush(zlib.Z_FULL_FLUSH)
    return block, deflate.flush(zlib.Z_FINISH)


@lru_cache(maxsize=8)
def _zeros_crc(whole_mib: int, rest: int) -> int:
    # Only reached when a client read the whole bomb, i.e. a test is failing anyway.
    zeros, crc = bytes(MIB), 0
    for _ in range(whole_mib):
        crc = zlib.crc32(zeros, crc)
    return zlib.crc32(bytes(rest), crc)
