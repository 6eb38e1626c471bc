"""Subscribing: add (with autodiscovery), theme, rename, pause, remove, OPML in and out.

The CLI and the GUI both call these; fetching goes through app.feeds.fetch.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from app.errors import DigwellError
from app.feeds.links import safe_link
from app.planner import Planner
from app.store import feeds as feeds_q
from app.store import themes as themes_q
from app.types import Feed, Theme

# (url) -> (status, lower-cased headers, body); injectable for tests.
Getter = Callable[[str], tuple[int, dict[str, str], bytes]]


class FeedChoice(NamedTuple):
    url: str
    title: str
    kind: str


class OpmlReport(NamedTuple):
    added: list[str]
    skipped: list[tuple[str, str]]  # (url or name, why)
    themes_created: list[str]


def http_get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One polite GET through the fetcher (same caps, same User-Agent)."""
    from app.feeds.fetch import FetchRequest, fetch_all_sync

    request = FetchRequest(0, url, headers=tuple((headers or {}).items()))
    (result,) = fetch_all_sync([request])
    if result.status == "error" and result.http_status is None:
        raise DigwellError(result.error, "Check the address and your connection.")
    return result.http_status or 0, result.headers, result.body or b""


def find_feeds(url: str, get: Getter | None = None, *, secret=None) -> list[FeedChoice]:
    """The feed at `url`, or the feeds a web page links to (autodiscovery). A private
    feed's `secret` signs the requests in. "example.com/blog" means https://."""
    from app.feeds.discover import discover

    if get is None:
        headers = None
        if secret is not None:
            from app.credentials import auth_headers

            headers = auth_headers(secret)
        get = functools.partial(http_get, headers=headers)
    return [FeedChoice(f.url, f.title, f.kind) for f in discover(url, get)]


def theme_ids(planner: Planner, names: list[str], conn) -> tuple[list[int], list[str]]:
    """Ids for theme names, creating themes that do not exist yet (returned second)."""
    existing = {t.name.casefold(): t.id for t in themes_q.list_themes(planner.db)}
    ids, created = [], []
    for name in (n.strip() for n in names):
        if not name:
            continue
        if name.casefold() in existing:
            if existing[name.casefold()] not in ids:  # "AI" and "ai" are one theme
                ids.append(existing[name.casefold()])
            continue
        new_id = themes_q.save_theme(conn, Theme(id=0, name=name), position=len(existing))
        existing[name.casefold()] = new_id
        ids.append(new_id)
        created.append(name)
    return ids, created


def subscribe(
    planner: Planner,
    url: str,
    *,
    themes: list[str] = (),
    title: str = "",
    secret=None,
) -> Feed:
    """Add a feed URL (already known to be a feed) under `themes`; a private feed's
    secret goes to the keyring first, so nothing is stored if it cannot be kept."""
    target = safe_link(url)
    if not target:
        raise DigwellError(f"{url!r} is not an http(s) address.", "Check the feed address.")
    ref = _keep_secret(secret)  # raises with a clear message when there is no keyring
    old_ref = None
    with planner.db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, target, title, planner.clock.now())
        ids, _ = theme_ids(planner, list(themes), conn)
        if ids:  # adding an existing feed under another theme keeps its other themes
            current = conn.execute(
                "SELECT theme_id FROM feed_themes WHERE feed_id = ?", (feed_id,)
            ).fetchall()
            feeds_q.set_feed_themes(conn, feed_id, sorted({r[0] for r in current} | set(ids)))
        if secret is not None:
            old_ref = feeds_q.secret_ref(planner.db, feed_id)
            feeds_q.set_secret_ref(conn, feed_id, ref, secret.kind)
    _forget_secret(old_ref)
    feed = feeds_q.find_feed(planner.db, str(feed_id))
    assert feed is not None
    return feed


def set_credentials(planner: Planner, url_or_id: str, secret=None) -> Feed:
    """Give a feed a new secret (kept in the keyring), or none; the next refresh
    fetches it at once. The old secret is deleted from the keyring."""
    feed = require_feed(planner, url_or_id)
    ref = _keep_secret(secret)
    old_ref = feeds_q.secret_ref(planner.db, feed.id)
    with planner.db.transaction() as conn:
        feeds_q.set_secret_ref(conn, feed.id, ref, secret.kind if secret is not None else "")
        feeds_q.make_due(conn, feed.id)
    _forget_secret(old_ref)
    return require_feed(planner, str(feed.id))


def _keep_secret(secret) -> str | None:
    """Save a secret under a new keyring reference; None when there is no secret."""
    if secret is None:
        return None
    from app.credentials import new_ref, save_secret

    ref = new_ref()
    save_secret(ref, secret)
    return ref


def _forget_secret(ref: str | None) -> None:
    if not ref:
        return
    from app.credentials import delete_secret

    # The database no longer points at it; a stale entry would hold only the secret.
    with contextlib.suppress(DigwellError):
        delete_secret(ref)


def require_feed(planner: Planner, url_or_id: str) -> Feed:
    feed = feeds_q.find_feed(planner.db, url_or_id)
    if feed is None:
        raise DigwellError(
            f"No subscription matches {url_or_id!r}.",
            "`digwell feeds list` shows the feeds and their ids.",
        )
    return feed


def unsubscribe(planner: Planner, url_or_id: str) -> int:
    """Remove a feed and its keyring secret; returns how many items were kept."""
    feed = require_feed(planner, url_or_id)
    ref = feeds_q.secret_ref(planner.db, feed.id)
    with planner.db.transaction() as conn:
        kept = feeds_q.remove_feed(conn, feed.id, planner.clock.now())
    _forget_secret(ref)
    return kept


def set_paused(planner: Planner, url_or_id: str, paused: bool) -> Feed:
    feed = require_feed(planner, url_or_id)
    with planner.db.transaction() as conn:
        feeds_q.set_paused(conn, feed.id, paused, "Paused by you." if paused else "")
    return require_feed(planner, str(feed.id))


def rename(planner: Planner, url_or_id: str, title: str) -> Feed:
    feed = require_feed(planner, url_or_id)
    with planner.db.transaction() as conn:
        feeds_q.rename_feed(conn, feed.id, title.strip())
    return require_feed(planner, str(feed.id))


def move(planner: Planner, url_or_id: str, themes: list[str]) -> Feed:
    """Put a feed under exactly these themes."""
    feed = require_feed(planner, url_or_id)
    with planner.db.transaction() as conn:
        ids, _ = theme_ids(planner, themes, conn)
        feeds_q.set_feed_themes(conn, feed.id, ids)
    return require_feed(planner, str(feed.id))


def import_opml(planner: Planner, path: Path) -> OpmlReport:
    """Subscribe to every feed in an OPML file; folders become themes; duplicates skipped."""
    from app.feeds.opml import parse_opml

    try:
        data = path.read_bytes()
    except OSError as err:
        raise DigwellError(
            f"The file {path} cannot be read ({err.strerror}).", "Check the path."
        ) from err
    parsed = parse_opml(data)
    known = {f.url for f in feeds_q.list_feeds(planner.db)}
    added: list[str] = []
    skipped = list(parsed.skipped)
    created: list[str] = []
    with planner.db.transaction() as conn:
        for feed in parsed.feeds:
            if feed.url in known:
                skipped.append((feed.url, "already subscribed"))
                continue
            feed_id = feeds_q.add_feed(conn, feed.url, feed.title, planner.clock.now())
            ids, new = theme_ids(planner, list(feed.themes), conn)
            created += new
            feeds_q.set_feed_themes(conn, feed_id, ids)
            known.add(feed.url)
            added.append(feed.url)
    return OpmlReport(added, skipped, created)


def export_opml(planner: Planner, path: Path) -> int:
    """Write every subscription to `path` as OPML 2.0 (themes as folders, never a
    secret); returns the number of feeds written."""
    from app.feeds.opml import OpmlFeed
    from app.feeds.opml import export_opml as render

    feeds = feeds_q.list_feeds(planner.db)
    by_theme: dict[str, list] = {t.name: [] for t in themes_q.list_themes(planner.db)}
    unthemed = []
    for f in feeds:
        entry = OpmlFeed(url=f.url, title=f.title, site_url=f.site_url, themes=f.themes)
        for name in f.themes:
            by_theme.setdefault(name, []).append(entry)
        if not f.themes:
            unthemed.append(entry)
    data = render(
        [(name, items) for name, items in by_theme.items() if items],
        unthemed,
        title="Digwell subscriptions",
        created=planner.clock.now(),
    )
    try:
        path.write_bytes(data)
    except OSError as err:
        raise DigwellError(
            f"The file {path} cannot be written ({err.strerror}).", "Choose another path."
        ) from err
    return len(feeds)
