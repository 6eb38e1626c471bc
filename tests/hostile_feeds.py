"""Hostile feeds for tests/e2e/test_hostile_feeds.py: what each route serves, what Digwell
should make of it, and a watcher of a process tree's peak memory.

    with FeedServer() as server:
        cases = serve_all(server, secret_file)  # good feeds and hostile ones, one server
        ...  # subscribe to server.url(case.path) for each case, refresh once

A Case names what the feed's stored state must show afterwards: the words of its error
message, that it is paused, or how many items it stored.
"""

from __future__ import annotations

import html
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tests.feed_server import MIB, FeedServer, rss

GIB = 1024 * MIB
PIXEL_PATH = "/pixel.gif"  # what the hostile entries try to load; never fetched
XXE_PATH = "/xxe-secret"  # what the external-entity feed tries to load; never fetched
# The smallest transparent GIF: what a tracking pixel answers.
PIXEL_GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)


@dataclass(frozen=True)
class Case:
    """One subscribed feed: where it is served and what it must leave stored."""

    name: str
    path: str
    says: tuple[str, ...] = ()  # words its last_error holds; () when it must be read
    items: int | None = None  # items it must have stored (when read)
    paused: bool = False
    route: dict = field(default_factory=dict, compare=False, repr=False)  # but its body

    @property
    def good(self) -> bool:
        return not self.says


# ---------------------------------------------------------------------------
# Bodies


def atom(title: str, n: int) -> bytes:
    entries = "".join(
        f"<entry><title>{title} entry {i}</title><id>urn:{title}:{i}</id>"
        f'<link href="https://example.org/{title}/{i}"/><updated>2026-11-22T08:00:00Z</updated>'
        f"<summary>About {title} {i}</summary></entry>"
        for i in range(n)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:{title}</id><updated>2026-11-22T08:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def json_feed(title: str, items: list[dict]) -> bytes:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": f"https://example.org/{title}",
        "items": items,
    }
    return json.dumps(doc).encode()


def _json_items(title: str, n: int) -> list[dict]:
    return [
        {
            "id": f"{title}-{i}",
            "url": f"https://example.org/{title}/{i}",
            "title": f"{title} item {i}",
            "content_html": f"<p>About {title} {i}</p>",
            "date_published": "2026-11-22T08:00:00Z",
        }
        for i in range(n)
    ]


def _rss_items(title: str, entries: list[tuple[str, str, str]]) -> bytes:
    """RSS whose items are (guid, link, html) as given, the HTML escaped as RSS has it."""
    items = "".join(
        f"<item><title>{title} {guid}</title><guid isPermaLink='false'>{guid}</guid>"
        f"<link>{html.escape(link)}</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>"
        f"<description>{html.escape(markup)}</description></item>"
        for guid, link, markup in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}'
        f"</title><link>https://example.org/{title}</link>{items}</channel></rss>"
    ).encode()


def _with_doctype(subset: str, inside: str, padding: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{padding}<!DOCTYPE rss [{subset}]><rss version="2.0"><channel>'
        f"<title>entities</title><item><guid>e1</guid><title>{inside}</title>"
        f"<description>{inside}</description></item></channel></rss>"
    ).encode()


def billion_laughs(padding: str = "") -> bytes:
    """Ten levels of ten: a 1 KB document naming 10^9 "lol"s."""
    subset = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    return _with_doctype(subset, "&lol9;", padding)


def quadratic_blowup() -> bytes:
    """One 64 KB entity used 10,000 times in the title and again in the description:
    ~125 KB that would expand to 1.3 GB, with no nesting for a parser to notice."""
    return _with_doctype(f'<!ENTITY a "{"x" * 65536}">', "&a;" * 10_000)


def external_entities(base: str, secret_file: Path) -> bytes:
    subset = (
        f'<!ENTITY file SYSTEM "{secret_file.as_uri()}"><!ENTITY remote SYSTEM "{base}{XXE_PATH}">'
    )
    return _with_doctype(subset, "&file;&remote;")


def hostile_entries(base: str) -> list[tuple[str, str, str]]:
    """(guid, link, HTML) of entries that try to run code or load something from `base`."""
    pixel = base + PIXEL_PATH
    return [
        (
            "script",
            "https://example.org/script",
            f'<p>Script entry</p><script>new Image().src="{pixel}?script"</script>'
            f'<script src="{pixel}?src"></script><p>After the script</p>',
        ),
        (
            "js-link",
            "javascript:alert(document.cookie)",
            '<p>Links entry: read <a href="javascript:alert(1)">this</a>, '
            '<a href=" JaVaScRiPt:alert(2)">that</a>, '
            '<a href="java&#x09;script:alert(3)">tabbed</a>, '
            '<a href="data:text/html,%3Cscript%3Ealert(4)%3C/script%3E">data</a>, '
            '<a href="vbscript:msgbox(5)">vb</a> and '
            '<a href="https://example.org/fine">a fine one</a>.</p>',
        ),
        (
            "pixel",
            "https://example.org/pixel",
            f'<p>Tracked entry<img src="{pixel}?1x1" width="1" height="1" alt=""></p>'
            f'<p><img src="{pixel}?big" alt="A chart" srcset="{pixel}?srcset 2x"></p>'
            f'<picture><source srcset="{pixel}?source"><img src="{pixel}?picture"></picture>',
        ),
        (
            "handlers",
            "https://example.org/handlers",
            f'<p onclick="fetch(\'{pixel}?click\')" onmouseover="alert(1)">Handlers entry</p>'
            '<body onload="alert(2)"><svg onload="alert(3)"><circle r="1"/></svg>'
            f'<img src="x" onerror="this.src=\'{pixel}?onerror\'">'
            '<details open ontoggle="alert(4)"><summary>Open</summary>Details</details>',
        ),
        (
            "embeds",
            "https://example.org/embeds",
            f'<iframe src="{pixel}?iframe"></iframe><object data="{pixel}?object"></object>'
            f'<embed src="{pixel}?embed"><video poster="{pixel}?poster" src="{pixel}?video">'
            f'</video><audio src="{pixel}?audio"></audio><p>Embedded entry</p>',
        ),
        (
            "css",
            "https://example.org/css",
            f"<style>@import url({pixel}?import); p {{ background: url({pixel}?css) }}</style>"
            f'<link rel="stylesheet" href="{pixel}?link">'
            f'<p style="background-image: url({pixel}?inline)">Styled entry</p>'
            f'<div style="background: url(&quot;{pixel}?quoted&quot;)">Quoted url</div>',
        ),
        (
            "meta",
            "https://example.org/meta",
            f'<meta http-equiv="refresh" content="0;url={pixel}?refresh">'
            f'<base href="{pixel}?base"><form action="{pixel}?form">'
            f'<input type="image" src="{pixel}?input">'
            '<button formaction="javascript:alert(1)">Go</button></form><p>Meta entry</p>',
        ),
    ]


def _hostile_json_items(base: str) -> list[dict]:
    return [
        {"id": f"json-{guid}", "url": link, "title": f"json {guid}", "content_html": markup}
        for guid, link, markup in hostile_entries(base)
    ]


def _invalid_utf8() -> bytes:
    """Declared UTF-8, with bytes that are not: feedparser reads it as windows-1252."""
    return rss("latin", 3).replace(b"latin item 1", b"latin \xe9t\xe9 \xff item 1")


def _utf16_without_bom() -> bytes:
    doc = rss("utf16", 3).decode().replace('<?xml version="1.0"?>', "")
    doc = '<?xml version="1.0" encoding="utf-16"?>' + doc.replace("item 0", "café 0")
    return doc.encode("utf-16-le")  # no byte order mark: only the declaration tells


# ---------------------------------------------------------------------------
# Cases


MANY_ENTRIES = 25_000
# Set through DIGWELL_FETCH_TIMEOUTS for the refresh: connect, read, total. Read is
# above what a worker's event loop can stall for while it parses the 25,000 entries.
TIMEOUTS = (5.0, 3.0, 6.0)
HOSTILE_GUIDS = tuple(guid for guid, _, _ in hostile_entries(""))
_CONNECT, _READ, _TOTAL = TIMEOUTS

CASES = (
    # Good feeds, one per format, each read by its own parser.
    Case("good_rss", "/good.rss", items=5),
    Case("good_atom", "/good.atom", items=4, route={"content_type": "application/atom+xml"}),
    Case("good_json", "/good.json", items=3, route={"content_type": "application/feed+json"}),
    # Too much: cut at the cap while inflating, or refused from its Content-Length.
    Case(
        "gzip_bomb",
        "/bomb.xml",
        says=("The feed is over Digwell's 10 MB limit; it was not read.",),
        route={"bomb_bytes": GIB},
    ),
    Case(
        "fifty_mb",
        "/huge.xml",
        says=("The feed is 50 MB, over Digwell's 10 MB limit; it was not read.",),
    ),
    # Entities: all refused before any parser sees them.
    Case("quadratic_blowup", "/quadratic.xml", says=("declares XML entities",)),
    Case("billion_laughs", "/laughs.xml", says=("declares XML entities",)),
    Case("padded_billion_laughs", "/laughs-padded.xml", says=("declares XML entities",)),
    Case("external_entity", "/xxe.xml", says=("declares XML entities",)),
    # Many entries: every one stored (the 10 MB cap is what bounds a feed).
    Case("many_entries", "/many.xml", items=MANY_ENTRIES),
    # Slow: a byte a second stays under the read timeout; the total one stops it.
    Case(
        "drip",
        "/drip.xml",
        says=(f"took more than {_TOTAL:g} s to send the feed", "try again later"),
        route={"drip_s": 1.0},
    ),
    Case(
        "never_answers",
        "/silent.xml",
        says=(f"stopped sending for {_READ:g} s; Digwell gave up",),
        route={"latency_ms": 10 * 60 * 1000},
    ),
    Case(
        "redirect_loop",
        "/loop.xml",
        says=("redirected more than 5 times; Digwell stopped",),
        route={"status": 302, "redirect_to": "/loop.xml"},
    ),
    # HTTP answers.
    Case(
        "not_found",
        "/missing.xml",  # no route: the server's own 404
        says=("HTTP 404 (Not Found): the feed is not at this address",),
    ),
    Case(
        "gone",
        "/gone.xml",
        says=("The feed is gone (HTTP 410)", "Digwell paused it"),
        paused=True,
        route={"status": 410, "body": b"gone"},
    ),
    Case(
        "too_many_requests",
        "/busy.xml",
        says=("HTTP 429 Too Many Requests", "will wait at least 2 h before asking again"),
        route={"status": 429, "body": b"slow down", "headers": {"Retry-After": "7200"}},
    ),
    Case(
        "server_error",
        "/broken.xml",
        says=("HTTP 500 (Internal Server Error): a problem on the server",),
        route={"status": 500, "body": b"Traceback (most recent call last): ..."},
    ),
    # Not feeds.
    Case(
        "html_page",
        "/page.html",
        says=("This is not an RSS or Atom feed", "text/html"),
        route={
            "body": b"<!DOCTYPE html><html><head><title>Welcome</title></head>"
            b"<body><h1>Our blog</h1><p>Hello.</p></body></html>",
            "content_type": "text/html; charset=utf-8",
        },
    ),
    Case(
        "json_not_a_feed",
        "/api.json",
        says=("This JSON is not a JSON Feed",),
        route={"body": b'{"status": "ok", "data": [1, 2, 3]}', "content_type": "application/json"},
    ),
    Case("empty_body", "/empty.xml", says=("The feed is empty.",), route={"body": b""}),
    # Odd encodings that are still feeds: read, nothing lost.
    Case("invalid_utf8", "/latin.xml", items=3),
    Case("utf16_without_bom", "/utf16.xml", items=3, route={"content_type": "application/xml"}),
    # Entries that try to run or load something: stored, then shown safely.
    Case("hostile_entries_rss", "/scripts.xml", items=len(HOSTILE_GUIDS)),
    Case(
        "hostile_entries_json",
        "/scripts.json",
        items=len(HOSTILE_GUIDS),
        route={"content_type": "application/feed+json"},
    ),
)
BAD_CASES = tuple(case.name for case in CASES if not case.good)


def serve_all(server: FeedServer, secret_file: Path) -> list[Case]:
    """Route every case on `server` (and the pixel and entity targets no one may fetch)."""
    base = server.url("")
    bodies = {
        "/good.rss": rss("good-rss", 5),
        "/good.atom": atom("good-atom", 4),
        "/good.json": json_feed("good-json", _json_items("good-json", 3)),
        "/huge.xml": b"<rss><channel>".ljust(50 * MIB - 16) + b"</channel></rss>",  # 50 MB
        "/quadratic.xml": quadratic_blowup(),
        "/laughs.xml": billion_laughs(),
        # Past the first 64 KB, where Digwell's entity check once stopped looking.
        "/laughs-padded.xml": billion_laughs(padding="<!--" + "pad " * 250_000 + "-->"),
        "/xxe.xml": external_entities(base, secret_file),
        "/many.xml": rss("many", MANY_ENTRIES),
        "/drip.xml": rss("drip", 20),
        "/silent.xml": rss("silent", 1),
        "/latin.xml": _invalid_utf8(),
        "/utf16.xml": _utf16_without_bom(),
        "/scripts.xml": _rss_items("scripts", hostile_entries(base)),
        "/scripts.json": json_feed("scripts-json", _hostile_json_items(base)),
    }
    for case in CASES:
        if case.path == "/missing.xml":
            continue
        server.route(case.path, **{"body": bodies.get(case.path, b""), **case.route})
    server.route(PIXEL_PATH, body=PIXEL_GIF, content_type="image/gif")
    server.route(XXE_PATH, body=b"remote entity content", content_type="text/plain")
    return list(CASES)


# ---------------------------------------------------------------------------
# Peak memory of a process tree


class PeakMemory:
    """Polls /proc (Linux) for the memory of a process and every process under it while
    it runs: each one's own peak (VmHWM), and the highest simultaneous sums of their RSS
    and PSS, as bench/refresh.py measures a refresh.

    VmHWM is a process's high-water mark, so a poll misses nothing a process reached
    before it. The sums are sampled: a spike between two polls can escape them. Forked
    workers share pages with their parent, which RSS counts once per process and PSS
    splits between the sharers.
    """

    def __init__(self, pid: int, interval_s: float = 0.02) -> None:
        self.pid = pid
        self.interval_s = interval_s
        self.peaks: dict[int, int] = {}  # pid -> VmHWM, bytes
        self.peak_rss_sum = 0
        self.peak_pss_sum = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-memory", daemon=True)

    @staticmethod
    def available() -> bool:
        return Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()

    def start(self) -> PeakMemory:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def workers(self) -> dict[int, int]:
        """The peaks of every process but the first."""
        peaks = dict(self.peaks)  # a copy in one step: the polling thread may be adding
        return {pid: peak for pid, peak in peaks.items() if pid != self.pid}

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval_s):
                return

    def sample(self) -> None:
        rss_sum = pss_sum = 0
        for pid in self._tree():
            status = _status(pid)
            if "VmHWM" not in status:
                continue  # gone, or a zombie whose memory is freed
            self.peaks[pid] = max(self.peaks.get(pid, 0), status["VmHWM"])
            rss_sum += status["VmRSS"]
            pss_sum += _pss(pid)
        self.peak_rss_sum = max(self.peak_rss_sum, rss_sum)
        self.peak_pss_sum = max(self.peak_pss_sum, pss_sum)

    def _tree(self) -> list[int]:
        found, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(_children(pid))
        return found


def _children(pid: int) -> list[int]:
    children: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return children
    for task in tasks:
        try:
            children.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return children


def _status(pid: int) -> dict[str, int]:
    """VmHWM and VmRSS in bytes; {} when the process is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return {
        line.split(":")[0]: int(line.split()[1]) * 1024
        for line in lines
        if line.startswith(("VmHWM:", "VmRSS:"))
    }


def _pss(pid: int) -> int:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0
    return next((int(line.split()[1]) * 1024 for line in lines if line.startswith("Pss:")), 0)
