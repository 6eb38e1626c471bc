"""Refresh speed: Digwell vs lemon24/reader vs a naive feedparser loop, on one local server.

A server subprocess on 127.0.0.1 serves N generated feeds (deterministic, seeded): 3 in 4
are RSS 2.0, 1 in 4 Atom, each with 50 items (title, link, guid, date, author, categories,
an HTML body of a few paragraphs), ~80 KB per feed. Every answer waits --latency-ms first
(a sleep in its own thread, so waits overlap), 304s included. Each feed has its own weak
ETag and Last-Modified; If-None-Match (else If-Modified-Since) gets a 304. Bodies are
gzipped, as most real servers do, when the client accepts it (all three do); they are
compressed once at start-up, so the server spends no CPU on it. Byte figures are body
bytes on the wire (Digwell's own bytes_received counts them inflated). The server counts
requests, statuses and bytes; counters are reset before each timed run, and each system
gets its own fresh data.

Timed runs, each a fresh process, timed from just before it starts to its exit:

- Digwell cold, then warm: `python -m app refresh --json-progress --data-dir DIR` as the
  GUI runs it, `--all` for the warm one (a feed is not due again for 5 minutes). The
  feeds are subscribed first, untimed, with `feeds import-opml`. The "done" event's
  figures, and when the "start" and "done" lines arrived, are printed too.
- Digwell's search index catching up after the cold refresh, in a fresh process
  (planner.inbox.index_for_search, which the window runs in the background once a refresh
  ends): a refresh leaves new items for it, as reader's update_feeds leaves them for its
  update_search, so neither cold figure includes indexing. Printed as digwell_index_s.
- reader cold, then warm: `update_feeds(workers=8)` on its own database, then
  `update_feeds(workers=8, scheduled=False)` (its counterpart of `--all`: after an
  update reader schedules a feed an hour later). Feeds are added in an untimed process
  beforehand. reader runs from a venv the bench makes once in bench/.cache/ with `pip
  install reader`, with READER_NO_VENDORED_FEEDPARSER=1 (the same feedparser as
  Digwell); the app venv never gets it. Its in-process update_feeds time is printed too.
- naive: `for url in urls: feedparser.parse(url)`, sequential, cold only.

With each run come the server's counts and its own CPU time (to show it is not the
bottleneck), the CPU time (user + system) of the run's process tree, which timing noise
does not inflate, and the load average just before it, which tells when the machine was
busy with something else.

refresh_peak_rss_mb: the highest sum of RSS over Digwell's refresh process and all its
descendants (the worker processes), sampled from /proc every 20 ms over a second cold and
warm run on the same subscriptions: sampling slows what it samples, so the timed runs
are never sampled. Forked workers share pages with their parent, which RSS counts once per
process; the sum of PSS (shared pages split between sharers) is printed beside it.

The app package is byte-compiled first, and the modules each system imports are read
once beforehand, so cold runs measure a cold refresh rather than a cold disk cache.

    python bench/refresh.py [--feeds 500] [--latency-ms 100] [--skip-reader] [--skip-naive]

Last line: RESULT {"digwell_cold_s": ..., "digwell_warm_s": ..., "reader_cold_s": ...,
"reader_warm_s": ..., "naive_cold_s": ..., "digwell_index_s": ..., "warm_304_fraction": ...,
"warm_bytes_fraction": ..., "refresh_peak_rss_mb": ...}
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

CACHE = Path(__file__).resolve().parent / ".cache"
READER_VENV = CACHE / "reader-venv"
ITEMS_PER_FEED = 50
READER_WORKERS = 8
BASE_TIME = datetime(2026, 1, 15, 12, 0, tzinfo=timezone.utc)

# ---------------------------------------------------------------------------
# Generated feeds

_VOCABULARY = """
a about after again against all also always an and another any architecture are around
as at away back backlog be because been before being best better between beyond both
build builds but by cache can capacity career change changes cloud code codebase come
community compiler concurrency conference container could craft data database day
debugging decision deploy design developer developers did different distributed do
docs does done down during each early edge engineer engineering enough even every
everything experiment failure fast feature feedback few first for from function get
give go good great had has have he her here his how idea if in incident
infrastructure into is it its just keep kernel know language latency later lead
leadership learn least less like little long look made make many matter may me
meeting memory mentor metrics might migration more most much must my need network
never new next no not now observability of off often old on once one only open or
other our out over own part people performance pipeline platform practice problem
process product production program project queue quite rather read real release
reliability review right roadmap rust same say scale schema security see service
should show simple since small so software some something staff start still storage
system take team teams test than that the their them then there these they thing
think this those through time to too tool tooling trade-off two under until up us
use user very want was way we well were what when where which while who why will
with without work would write year years you your
"""
WORDS = _VOCABULARY.split()


class Feed(NamedTuple):
    path: str
    body: bytes
    gzipped: bytes
    content_type: str
    etag: str
    last_modified: str


def feed_path(index: int) -> str:
    return f"/feeds/{index:04d}" + (".atom" if index % 4 == 3 else ".xml")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, site: str) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 4))]
    pick = rng.randrange(len(sentences))
    words = sentences[pick].split(" ")
    at = rng.randrange(1, len(words))
    slug = "-".join(rng.choices(WORDS, k=3))
    mark = rng.choice(("em", "strong", "code"))
    words[at] = (
        f'<a href="https://{site}/notes/{slug}">{words[at]}</a>'
        if rng.random() < 0.6
        else f"<{mark}>{words[at]}</{mark}>"
    )
    sentences[pick] = " ".join(words)
    return "<p>" + " ".join(sentences) + "</p>"


def _body_html(rng: random.Random, site: str) -> str:
    parts = [_paragraph(rng, site) for _ in range(rng.randint(3, 4))]
    if rng.random() < 0.3:
        items = "".join(f"<li>{_sentence(rng)}</li>" for _ in range(3))
        parts.insert(1, f"<ul>{items}</ul>")
    if rng.random() < 0.2:
        parts.insert(0, f'<img src="https://{site}/img/{rng.getrandbits(32):08x}.jpg" alt="">')
    return "\n".join(parts)


def make_feed(index: int) -> Feed:
    """Feed number `index`, the same bytes on every run."""
    rng = random.Random(f"digwell-bench-{index}")
    site = f"blog{index:04d}.example.org"
    atom = index % 4 == 3
    title = " ".join(rng.choices(WORDS, k=3)).title() + " Blog"
    when = BASE_TIME - timedelta(minutes=rng.randrange(3 * 24 * 60))
    entries = []
    for n in range(ITEMS_PER_FEED):
        item_title = " ".join(rng.choices(WORDS, k=rng.randint(4, 10))).capitalize()
        slug = "-".join(item_title.lower().split()[:6])
        link = f"https://{site}/{when:%Y/%m}/{slug}-{n}"
        guid = link if index % 2 else f"urn:uuid:{rng.getrandbits(128):032x}"
        author = rng.choice(("Ada", "Grace", "Linus", "Barbara", "Ken", "Radia"))
        categories = rng.sample(WORDS, rng.randint(1, 3))
        entries.append((item_title, link, guid, when, author, categories, _body_html(rng, site)))
        when -= timedelta(minutes=rng.randint(60, 48 * 60))
    newest = entries[0][3]
    if atom:
        text = _atom(title, site, newest, entries)
        content_type = "application/atom+xml; charset=utf-8"
    else:
        text = _rss(title, site, newest, entries)
        content_type = "application/rss+xml; charset=utf-8"
    body = text.encode("utf-8")
    return Feed(
        path=feed_path(index),
        body=body,
        gzipped=gzip.compress(body, compresslevel=6, mtime=0),
        content_type=content_type,
        etag=f'W/"{hashlib.sha1(body).hexdigest()[:20]}"',
        last_modified=format_datetime(newest, usegmt=True),
    )


def _rss(title: str, site: str, newest: datetime, entries: list) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{escape(title)}</title>\n<link>https://{site}/</link>\n"
        f"<description>Notes from {site}</description>\n<language>en</language>\n"
        f"<lastBuildDate>{format_datetime(newest, usegmt=True)}</lastBuildDate>\n"
    ]
    for item_title, link, guid, when, author, categories, body in entries:
        permalink = "true" if guid == link else "false"
        cats = "".join(f"<category>{escape(c)}</category>" for c in categories)
        out.append(
            f"<item>\n<title>{escape(item_title)}</title>\n<link>{escape(link)}</link>\n"
            f'<guid isPermaLink="{permalink}">{escape(guid)}</guid>\n'
            f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate>\n"
            f"<dc:creator>{author}</dc:creator>\n{cats}\n"
            f"<description>{escape(body)}</description>\n</item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def _atom(title: str, site: str, newest: datetime, entries: list) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
        f"<title>{escape(title)}</title>\n<id>https://{site}/</id>\n"
        f'<link rel="alternate" href="https://{site}/"/>\n'
        f"<updated>{newest.isoformat()}</updated>\n"
    ]
    for item_title, link, guid, when, author, categories, body in entries:
        cats = "".join(f"<category term={quoteattr(c)}/>" for c in categories)
        out.append(
            f"<entry>\n<title>{escape(item_title)}</title>\n"
            f'<link rel="alternate" href={quoteattr(link)}/>\n<id>{escape(guid)}</id>\n'
            f"<published>{when.isoformat()}</published>\n<updated>{when.isoformat()}</updated>\n"
            f"<author><name>{author}</name></author>\n{cats}\n"
            f'<content type="html">{escape(body)}</content>\n</entry>\n'
        )
    out.append("</feed>\n")
    return "".join(out)


# ---------------------------------------------------------------------------
# The server (runs in its own process: `refresh.py --serve`)


class _Counters:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = 0
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.requests = 0
            self.statuses: dict[str, int] = {}
            self.body_bytes = 0
            self.conditional = 0
            self.max_in_flight = self.in_flight
            self.cpu_at_reset = _cpu_s()

    def snapshot(self) -> dict:
        with self.lock:
            return {
                "requests": self.requests,
                "statuses": dict(self.statuses),
                "body_bytes": self.body_bytes,
                "conditional": self.conditional,
                "max_in_flight": self.max_in_flight,
                "cpu_s": round(_cpu_s() - self.cpu_at_reset, 3),
            }


def _cpu_s() -> float:
    t = os.times()
    return t.user + t.system


# Not tests/feed_server.py: it gzips each answer anew (~4 ms of CPU per feed, on a machine
# the clients need), keeps the default listen backlog of 5, and does not count statuses.
class _BenchServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a burst of connects must not overflow the accept queue
    feeds: dict[str, Feed]
    latency_s: float
    counters: _Counters


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "DigwellBench/1"
    disable_nagle_algorithm = True  # headers and body are two writes
    timeout = 30
    server: _BenchServer

    def log_message(self, format: str, *args) -> None:
        pass

    def do_GET(self) -> None:
        counters = self.server.counters
        with counters.lock:
            counters.requests += 1
            counters.in_flight += 1
            counters.max_in_flight = max(counters.max_in_flight, counters.in_flight)
        try:
            time.sleep(self.server.latency_s)  # releases the GIL: waits overlap
            self._answer(counters)
        finally:
            with counters.lock:
                counters.in_flight -= 1

    def _answer(self, counters: _Counters) -> None:
        feed = self.server.feeds.get(self.path.split("?", 1)[0])
        if feed is None:
            self._send(counters, 404, {"Content-Type": "text/plain"}, b"not found\n")
            return
        headers = {"ETag": feed.etag, "Last-Modified": feed.last_modified}
        match = self.headers.get("If-None-Match")
        since = self.headers.get("If-Modified-Since")
        if match is not None or since is not None:
            with counters.lock:
                counters.conditional += 1
        if _not_modified(feed, match, since):
            self._send(counters, 304, headers, b"")
            return
        headers["Content-Type"] = feed.content_type
        headers["Vary"] = "Accept-Encoding"
        body = feed.body
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            body = feed.gzipped
            headers["Content-Encoding"] = "gzip"
        self._send(counters, 200, headers, body)

    def _send(self, counters: _Counters, status: int, headers: dict, body: bytes) -> None:
        with counters.lock:
            key = str(status)
            counters.statuses[key] = counters.statuses.get(key, 0) + 1
            counters.body_bytes += len(body)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


def _not_modified(feed: Feed, match: str | None, since: str | None) -> bool:
    if match is not None:  # wins over If-Modified-Since (RFC 9110, 13.2.2)
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or feed.etag.removeprefix("W/") in tags
    if since:
        try:
            return parsedate_to_datetime(feed.last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def serve(count: int, latency_ms: int) -> None:
    """Generate the feeds, serve them, and answer `reset` / `stats` lines on stdin."""
    started = time.perf_counter()
    feeds = {f.path: f for f in (make_feed(i) for i in range(count))}
    server = _BenchServer(("127.0.0.1", 0), _Handler)
    server.feeds = feeds
    server.latency_s = latency_ms / 1000
    server.counters = _Counters()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ready = {
        "port": server.server_address[1],
        "generate_s": round(time.perf_counter() - started, 2),
        "bytes": sum(len(f.body) for f in feeds.values()),
        "gzipped_bytes": sum(len(f.gzipped) for f in feeds.values()),
        "atom": sum(f.path.endswith(".atom") for f in feeds.values()),
    }
    print(json.dumps(ready), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "reset":
            server.counters.reset()
            print("{}", flush=True)
        elif command == "stats":
            print(json.dumps(server.counters.snapshot()), flush=True)
    server.shutdown()


class ServerProcess:
    """The feed server in its own process, so it never competes for the bench's GIL."""

    def __init__(self, count: int, latency_ms: int) -> None:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--serve", "--feeds", str(count)]
        cmd += ["--latency-ms", str(latency_ms)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.info = self._read()
        self.port = self.info["port"]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"the feed server stopped (exit code {self.proc.wait()})")
        return json.loads(line)

    def ask(self, command: str) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ---------------------------------------------------------------------------
# Measuring


class TreeMemory(threading.Thread):
    """Peak RSS and PSS, summed over a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_rss = self.peak_pss = 0  # bytes
        self.most_processes = 0
        self._stop_event = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    def sample(self) -> None:
        pids = self._tree()
        rss = pss = 0
        for pid in pids:
            try:
                rss += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self._page
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                        break
            except (OSError, ValueError, IndexError):
                pass  # the process ended between the listing and the read
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.most_processes = max(self.most_processes, len(pids))

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            # The command name may hold spaces or parentheses: split after the last ")".
            ppid = int(stat.rpartition(")")[2].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(children.get(pid, ()))
        return tree


class Run(NamedTuple):
    wall_s: float
    stdout: list[tuple[float, str]]  # (seconds since start, line)
    stats: dict  # the server's counters for this run
    cpu_s: float  # user + system, the process and its descendants
    load: float  # the 1-minute load average just before the run
    peak_rss: int = 0
    peak_pss: int = 0
    processes: int = 0


def timed(
    cmd: list[str], server: ServerProcess, env: dict[str, str], *, memory: bool = False, cwd=None
) -> Run:
    """Run `cmd` from fresh server counters; time it from just before start to exit."""
    server.ask("reset")
    lines: list[tuple[float, str]] = []
    load = os.getloadavg()[0]
    # Covers every child this process has reaped: the command and, through it, its workers.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd
    )
    sampler = TreeMemory(proc.pid) if memory else None
    if sampler:
        sampler.start()
    stderr: list[str] = []
    drain = threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True)
    drain.start()
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append((time.perf_counter() - start, line.rstrip("\n")))
    code = proc.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if sampler:
        sampler.stop()
    drain.join()
    if code != 0:
        tail = "".join(stderr[-20:])
        raise SystemExit(f"{' '.join(cmd[:4])}... exited with {code}:\n{tail}")
    stats = server.ask("stats")
    if sampler:
        peaks = (sampler.peak_rss, sampler.peak_pss, sampler.most_processes)
        return Run(wall, lines, stats, cpu, load, *peaks)
    return Run(wall, lines, stats, cpu, load)


def describe(run: Run) -> str:
    stats = run.stats
    statuses = ", ".join(f"{n} x {code}" for code, n in sorted(stats["statuses"].items()))
    return (
        f"server: {stats['requests']} requests ({statuses or 'none'}), "
        f"{stats['conditional']} conditional, {stats['body_bytes'] / 1e6:.2f} MB of bodies, "
        f"at most {stats['max_in_flight']} in flight, server CPU {stats['cpu_s']:.2f} s\n"
        f"  CPU of the process tree {run.cpu_s:.2f} s (user + system); "
        f"load average before the run {run.load:.2f} on {os.cpu_count()} cores"
    )


def last_json(run: Run) -> dict:
    for _, line in reversed(run.stdout):
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit("no JSON line in the output")


# ---------------------------------------------------------------------------
# The systems


def write_opml(path: Path, urls: list[str]) -> None:
    outlines = "\n".join(
        f'      <outline type="rss" text="Bench feed {n}" xmlUrl={quoteattr(url)}/>'
        for n, url in enumerate(urls)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n'
        "  <head><title>Refresh bench</title></head>\n  <body>\n"
        f'    <outline text="Bench" title="Bench">\n{outlines}\n    </outline>\n'
        "  </body>\n</opml>\n",
        encoding="utf-8",
    )


def run_digwell(
    server: ServerProcess, urls: list[str], tmp: Path, env: dict
) -> tuple[Run, Run, Run]:
    data = tmp / "digwell-data"
    opml = tmp / "feeds.opml"
    write_opml(opml, urls)
    app = [sys.executable, "-m", "app"]
    subprocess.run(
        [*app, "feeds", "import-opml", str(opml), "--data-dir", str(data)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    pristine = tmp / "digwell-subscribed"
    shutil.copytree(data, pristine)
    refresh = [*app, "refresh", "--json-progress", "--data-dir", str(data)]
    cold = timed(refresh, server, env)
    report("digwell cold", cold)
    # A refresh leaves new items for the full-text index to catch up with, as reader's
    # update_feeds leaves them for its update_search; timed apart, so it is not hidden.
    index = timed([*app[:1], "-c", _INDEX_FOR_SEARCH, str(data)], server, env)
    print(
        f"digwell search index catch-up after the cold refresh (the window runs it in the "
        f"background once a refresh ends): {index.wall_s:.2f} s for "
        f"{index.stdout[-1][1]} items, CPU {index.cpu_s:.2f} s",
        flush=True,
    )
    warm = timed([*refresh, "--all"], server, env)
    report("digwell warm", warm)
    # Memory from a second pair of runs on the same subscriptions: sampling /proc every
    # 20 ms costs CPU and takes the sampled processes' memory locks, so it would slow
    # the timed runs (and only Digwell's).
    shutil.rmtree(data)
    shutil.copytree(pristine, data)
    cold_memory = timed(refresh, server, env, memory=True)
    warm_memory = timed([*refresh, "--all"], server, env, memory=True)
    for name, run in (("cold", cold_memory), ("warm", warm_memory)):
        print(
            f"digwell {name} again, for memory: {run.wall_s:.2f} s; peak of the process tree "
            f"({run.processes} processes at most): RSS {run.peak_rss / 2**20:.0f} MB, "
            f"PSS {run.peak_pss / 2**20:.0f} MB",
            flush=True,
        )
    return (
        cold._replace(peak_rss=cold_memory.peak_rss),
        warm._replace(peak_rss=warm_memory.peak_rss),
        index,
    )


_INDEX_FOR_SEARCH = (
    "import sys; from app.planner import Planner; "
    "print(Planner.open(sys.argv[1]).inbox.index_for_search())"
)


def report(name: str, run: Run) -> None:
    events = {}
    for at, line in run.stdout:
        if line.startswith("{"):
            event = json.loads(line)
            if event["event"] in ("start", "done"):
                events[event["event"]] = (at, event)
    if "done" not in events:
        raise SystemExit(f"{name}: no 'done' event")
    start_at = events["start"][0]
    done_at, done = events["done"]
    figures = ", ".join(f"{k}={v}" for k, v in done.items() if k != "event")
    print(f"{name}: {run.wall_s:.2f} s from process start to exit")
    print(
        f"  'start' line at {start_at:.2f} s, 'done' at {done_at:.2f} s, "
        f"exit {run.wall_s - done_at:.2f} s later"
    )
    print(f"  done: {figures}")
    print(f"  {describe(run)}", flush=True)


READER_SCRIPT = """
import json, sys, time
started = time.perf_counter()
from reader import make_reader
mode, db, urls = sys.argv[1:4]
reader = make_reader(db)
if mode == "add":
    for url in open(urls).read().split():
        reader.add_feed(url)
else:
    begun = time.perf_counter()
    if mode == "cold":
        reader.update_feeds(workers=WORKERS)
    else:
        reader.update_feeds(workers=WORKERS, scheduled=False)
    done = time.perf_counter()
    feeds = reader.get_feed_counts()
    print(json.dumps({
        "before_update_s": round(begun - started, 3),
        "update_feeds_s": round(done - begun, 3),
        "feeds": feeds.total, "broken": feeds.broken,
        "entries": reader.get_entry_counts().total,
    }))
reader.close()
""".replace("WORKERS", str(READER_WORKERS))


def reader_python() -> Path | None:
    """The bench's own venv with reader, made on first use; None if pip cannot install it."""
    python = READER_VENV / "bin" / "python"
    if python.exists() and _quiet_ok([str(python), "-c", "import reader"]):
        return python
    print(f"making {READER_VENV} with `pip install reader` (once)...", flush=True)
    CACHE.mkdir(exist_ok=True)
    if not _quiet_ok([sys.executable, "-m", "venv", "--clear", str(READER_VENV)]):
        print("could not create the venv for reader: its figures are null")
        return None
    if not _quiet_ok([str(python), "-m", "pip", "install", "--quiet", "reader"], show=True):
        print("pip could not install reader: its figures are null")
        return None
    return python


def _quiet_ok(cmd: list[str], show: bool = False) -> bool:
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0 and show:
        print(out.stderr[-2000:])
    return out.returncode == 0


def run_reader(
    python: Path, server: ServerProcess, urls: list[str], tmp: Path, env: dict
) -> tuple[Run, Run]:
    db = tmp / "reader.sqlite"
    urls_file = tmp / "urls.txt"
    urls_file.write_text("\n".join(urls))
    env = dict(env, READER_NO_VENDORED_FEEDPARSER="1")

    def cmd(mode: str) -> list[str]:
        return [str(python), "-c", READER_SCRIPT, mode, str(db), str(urls_file)]

    subprocess.run(cmd("add"), check=True, env=env, cwd=tmp)
    runs = []
    for mode in ("cold", "warm"):
        run = timed(cmd(mode), server, env, cwd=tmp)
        figures = last_json(run)
        print(f"reader {mode}: {run.wall_s:.2f} s from process start to exit")
        print(
            f"  import and open {figures['before_update_s']:.2f} s, update_feeds "
            f"{figures['update_feeds_s']:.2f} s; {figures['feeds']} feeds "
            f"({figures['broken']} broken), {figures['entries']} entries"
        )
        print(f"  {describe(run)}", flush=True)
        runs.append(run)
    return runs[0], runs[1]


NAIVE_SCRIPT = """
import json, sys
import feedparser
urls = open(sys.argv[1]).read().split()
entries = bozo = 0
for url in urls:
    d = feedparser.parse(url)
    entries += len(d.entries)
    bozo += bool(d.bozo)
print(json.dumps({"feeds": len(urls), "entries": entries, "bozo": bozo}))
"""


def run_naive(server: ServerProcess, urls: list[str], tmp: Path, env: dict) -> Run:
    urls_file = tmp / "urls.txt"
    urls_file.write_text("\n".join(urls))
    run = timed([sys.executable, "-c", NAIVE_SCRIPT, str(urls_file)], server, env, cwd=tmp)
    figures = last_json(run)
    print(f"naive feedparser loop: {run.wall_s:.2f} s from process start to exit")
    print(f"  {figures['feeds']} feeds, {figures['entries']} entries, {figures['bozo']} bozo")
    print(f"  {describe(run)}", flush=True)
    return run


def warm_file_cache(reader: Path | None, env: dict) -> None:
    """Read each system's modules once, so no cold run pays for a cold disk cache."""
    imports = "import app.cli, app.feeds.refresh, app.feeds.parse, feedparser, httpx, sqlite3"
    subprocess.run([sys.executable, "-c", imports], check=True, env=env)
    if reader is not None:
        subprocess.run([str(reader), "-c", "import reader, feedparser"], check=True, env=env)


# ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=500, help="number of feeds (500)")
    parser.add_argument("--latency-ms", type=int, default=100, help="server latency (100)")
    parser.add_argument("--skip-reader", action="store_true", help="leave reader out")
    parser.add_argument("--skip-naive", action="store_true", help="leave the naive loop out")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.feeds, args.latency_ms)
        return

    import app

    compileall.compile_dir(Path(app.__file__).parent, quiet=1)
    reader = None if args.skip_reader else reader_python()
    if reader is not None:
        version = subprocess.run(
            [
                str(reader),
                "-c",
                "import reader, feedparser; print(reader.__version__, feedparser.__version__)",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        print(f"reader {version[0]} (feedparser {version[1]}, not its vendored copy)")

    # Never through a proxy, whatever the environment says.
    env = dict(os.environ, NO_PROXY="127.0.0.1", no_proxy="127.0.0.1")
    server = ServerProcess(args.feeds, args.latency_ms)
    info = server.info
    print(
        f"server: {args.feeds} feeds ({info['atom']} Atom), {ITEMS_PER_FEED} items each, "
        f"{info['bytes'] / args.feeds / 1024:.0f} KB per feed, "
        f"{info['gzipped_bytes'] / args.feeds / 1024:.0f} KB gzipped; "
        f"latency {args.latency_ms} ms; generated in {info['generate_s']:.1f} s",
        flush=True,
    )
    urls = [server.url(feed_path(i)) for i in range(args.feeds)]
    results: dict[str, float | None] = dict.fromkeys(
        ["digwell_cold_s", "digwell_warm_s", "reader_cold_s", "reader_warm_s", "naive_cold_s"]
    )
    results["digwell_index_s"] = None
    try:
        with tempfile.TemporaryDirectory(prefix="digwell-bench-") as tmp_name:
            tmp = Path(tmp_name)
            env["DIGWELL_HOME"] = str(tmp / "home")
            warm_file_cache(reader, env)
            for name in ("digwell", "reader", "naive"):
                (tmp / name).mkdir()
            cold, warm, index = run_digwell(server, urls, tmp / "digwell", env)
            results["digwell_cold_s"] = cold.wall_s
            results["digwell_warm_s"] = warm.wall_s
            results["digwell_index_s"] = index.wall_s
            if reader is not None:
                r_cold, r_warm = run_reader(reader, server, urls, tmp / "reader", env)
                results["reader_cold_s"] = r_cold.wall_s
                results["reader_warm_s"] = r_warm.wall_s
            if not args.skip_naive:
                results["naive_cold_s"] = run_naive(server, urls, tmp / "naive", env).wall_s
    finally:
        server.close()

    warm_requests = warm.stats["requests"]
    fraction_304 = warm.stats["statuses"].get("304", 0) / warm_requests if warm_requests else 0
    cold_bytes = cold.stats["body_bytes"]
    bytes_fraction = warm.stats["body_bytes"] / cold_bytes if cold_bytes else 0
    peak_rss = max(cold.peak_rss, warm.peak_rss) / 2**20
    print_targets(results, fraction_304)
    result = {key: None if value is None else round(value, 3) for key, value in results.items()}
    result["warm_304_fraction"] = round(fraction_304, 4)
    result["warm_bytes_fraction"] = round(bytes_fraction, 4)
    result["refresh_peak_rss_mb"] = round(peak_rss, 1)
    print("RESULT " + json.dumps(result))


def print_targets(results: dict[str, float | None], fraction_304: float) -> None:
    cold, warm = results["digwell_cold_s"], results["digwell_warm_s"]
    r_cold, r_warm, naive = (
        results["reader_cold_s"],
        results["reader_warm_s"],
        results["naive_cold_s"],
    )
    assert cold is not None and warm is not None

    def verdict(met: bool | None) -> str:
        return "not run" if met is None else ("met" if met else "NOT met")

    print("targets:")
    ratio = f"{cold / r_cold:.2f} x reader: " if r_cold else ""
    print(f"  cold <= 0.5 x reader cold: {ratio}{verdict(r_cold and cold <= 0.5 * r_cold)}")
    ratio = f"{warm / r_warm:.2f} x reader: " if r_warm else ""
    print(f"  warm <= 0.5 x reader warm: {ratio}{verdict(r_warm and warm <= 0.5 * r_warm)}")
    speedup = f"{naive / cold:.1f} x faster: " if naive else ""
    print(f"  cold >= 20 x faster than naive: {speedup}{verdict(naive and naive / cold >= 20)}")
    print(f"  >= 95% of warm requests 304: {fraction_304:.1%}: {verdict(fraction_304 >= 0.95)}")


if __name__ == "__main__":
    main()
