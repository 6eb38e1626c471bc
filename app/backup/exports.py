"""The readable members of a backup, made from its database snapshot (so they agree
with it): subscriptions as OPML, the strategy file, drafts and posts as JSON, the people
as CSV (cells a spreadsheet would run as formulas neutralised, app/people/people_csv.py)."""

from __future__ import annotations

import json
from datetime import datetime, tzinfo
from pathlib import Path

from app.backup import layout
from app.cadence.posts_log import PostsLog
from app.clock import Clock
from app.errors import NotFoundError
from app.feeds.opml import subscriptions_opml
from app.people.people_csv import people_csv
from app.store import drafts as drafts_q
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import people as people_q
from app.store import posts as posts_q
from app.store import themes as themes_q
from app.store.database import Database
from app.types import Draft


def readable_members(snapshot: Path, clock: Clock) -> tuple[dict[str, bytes], dict[str, int]]:
    """(member name -> bytes, counts) for the snapshot at `snapshot`, which is left a
    single file as it was (opening it switches it to WAL; closing switches it back)."""
    db = Database(snapshot)
    try:
        from app.strategy.document import strategy_to_json
        from app.strategy.stored import load_strategy

        strategy = load_strategy(db)
        drafts = drafts_q.list_drafts(db)
        feeds = feeds_q.list_feeds(db)
        themes = themes_q.list_themes(db)
        opml = subscriptions_opml(feeds, [t.name for t in themes], clock.now())
        members = {
            layout.SUBSCRIPTIONS: opml,
            layout.STRATEGY: strategy_to_json(strategy).encode("utf-8"),
            layout.DRAFTS: _json([draft_json(db, clock, d) for d in _by_id(drafts)]),
            layout.POSTS: _json(posts_json(db, clock)),
            # With a byte order mark, as the export writes it: spreadsheets read accents.
            layout.PEOPLE: people_csv(people_q.all_people(db)).encode("utf-8-sig"),
        }
        counts = {
            "feeds": len(feeds),
            "themes": len(themes),
            "items": items_q.item_count(db),
            "drafts": len(drafts),
            "posts": posts_q.post_count(db),
            "people": people_q.people_count(db),
        }
        return members, counts
    finally:
        db.conn.execute("PRAGMA journal_mode = DELETE")
        db.close()


def draft_json(db: Database, clock: Clock, draft: Draft) -> dict[str, object]:
    """A draft for people and other tools: times in the user's zone, the theme by name,
    the items it came from with their titles and links."""
    tz = clock.tz()
    items = []
    for item_id in draft.item_ids:
        try:
            item = items_q.get_item(db, item_id)
        except NotFoundError:
            continue
        items.append({"id": item.id, "title": item.title, "link": item.link})
    return {
        "id": draft.id,
        "state": draft.state,
        "platform": draft.platform,
        "template": draft.template,
        "theme": draft.theme,
        "text": draft.text,
        "take": draft.take,
        "items": items,
        "created_at": _iso(draft.created, tz),
        "updated_at": _iso(draft.updated, tz),
        "planned_for": _iso(draft.planned_for, tz) if draft.planned_for else None,
    }


def posts_json(db: Database, clock: Clock) -> list[dict[str, object]]:
    """Every post, oldest first, as `digwell posts list --json` prints one, with the
    link it shared."""
    log = PostsLog(db, clock)
    return [{**log.to_json(p), "link": p.link, "item_id": p.item_id} for p in reversed(log.list())]


def _by_id(drafts: list[Draft]) -> list[Draft]:
    return sorted(drafts, key=lambda d: d.id)


def _iso(when: datetime, tz: tzinfo) -> str:
    return when.astimezone(tz).isoformat(timespec="seconds")


def _json(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
