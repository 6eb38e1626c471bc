"""Seed a data folder with the bundled demo strategy and feeds, offline."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

from app.clock import Clock
from app.demo_people import load_demo_people
from app.demo_posts import demo_posts
from app.feeds.parse import parse_feed
from app.i18n import N_, _
from app.paths import resource_path
from app.store import Database
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import posts as posts_q
from app.store import settings as settings_q
from app.store import themes as themes_q
from app.store.item_people import relink_people
from app.strategy.rescore import rescore
from app.strategy.scoring import current_scorer
from app.strategy.stored import VERSION_KEY as STRATEGY_VERSION_KEY
from app.types import ParsedEntry, ParsedFeed, Theme

DEMO_MANIFEST = "demo.json"
# Stored as the feed's pause reason, in the language of the one who opened the demo.
DEMO_PAUSED = N_("Demo feed: a bundled sample, never fetched.")


class DemoReport(NamedTuple):
    feeds: int
    items: int
    posts: int = 0


def load_demo(db: Database, clock: Clock) -> DemoReport:
    """Store the demo profile, themes and feeds; entries go through the real parser.

    Dates are shifted by whole days so the newest demo item is from today: the demo
    should look like a live inbox whenever it is opened.
    """
    folder = resource_path("demo")
    manifest = json.loads((folder / DEMO_MANIFEST).read_text(encoding="utf-8"))
    now = clock.now()
    parsed = {f["file"]: parse_feed((folder / f["file"]).read_bytes()) for f in manifest["feeds"]}
    shift = _shift_to_today(parsed.values(), now)

    total = 0
    with db.transaction() as conn:
        settings_q.set_setting(conn, "profile", manifest["profile"])
        settings_q.set_setting(conn, "weekly_target", int(manifest.get("weekly_target", 3)))
        settings_q.set_setting(conn, STRATEGY_VERSION_KEY, 1)  # a strategy, saved once
        theme_ids = {}
        for position, t in enumerate(manifest["themes"]):
            theme = Theme(
                id=0,
                name=t["name"],
                keywords=tuple(t.get("keywords", ())),
                excluded=tuple(t.get("excluded", ())),
                hashtags=tuple(t.get("hashtags", ())),
                color=t.get("color", "#607d8b"),
            )
            theme_ids[theme.name] = themes_q.save_theme(conn, theme, position)
        for f in manifest["feeds"]:
            feed = parsed[f["file"]]
            feed_id = feeds_q.add_feed(conn, f["url"], f.get("title") or feed.title, now)
            feeds_q.set_feed_themes(conn, feed_id, [theme_ids[n] for n in f.get("themes", ())])
            entries = [_shifted(e, shift) for e in feed.entries]
            items_q.upsert_entries(conn, feed_id, entries, now, current_scorer(conn))
            feeds_q.record_success(conn, feed_id, f.get("title") or feed.title, feed.site_url, now)
            # The demo's addresses are made up (.example): refreshing them could only fail.
            feeds_q.set_paused(conn, feed_id, True, _(DEMO_PAUSED))
            total += len(entries)
        posts = demo_posts(now, clock.tz(), len(theme_ids))
        ids = list(theme_ids.values())
        for p in posts:
            posts_q.add_post(
                conn,
                posted_at=p.posted_at,
                platform=p.platform,
                kind=p.kind,
                url=p.url,
                text=p.text,
                theme_id=ids[p.theme_index] if ids else None,
            )
        load_demo_people(conn, now.astimezone(clock.tz()).date(), now)
        relink_people(conn, None)  # the demo's authors among them
    rescore(db, now)  # ranked by the demo's themes
    return DemoReport(feeds=len(manifest["feeds"]), items=total, posts=len(posts))


def _shift_to_today(feeds: Iterable[ParsedFeed], now: datetime) -> timedelta:
    newest = max((e.published for feed in feeds for e in feed.entries if e.published), default=None)
    if newest is None:
        return timedelta(0)
    return timedelta(days=(now - newest).days)


def _shifted(entry: ParsedEntry, shift: timedelta) -> ParsedEntry:
    if entry.published is None or not shift:
        return entry
    return entry._replace(published=entry.published + shift)
