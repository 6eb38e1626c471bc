"""The readable members of a backup, made from its database snapshot (so they agree
with it): subscriptions as OPML, the strategy file, drafts and posts as JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from app.backup import layout
from app.cadence.posts_log import PostsLog
from app.clock import Clock
from app.errors import NotFoundError
from app.planner import Planner
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store.database import Database
from app.types import Draft


def readable_members(snapshot: Path, clock: Clock) -> tuple[dict[str, bytes], dict[str, int]]:
    """(member name -> bytes, counts) for the snapshot at `snapshot`, which is left a
    single file as it was (opening it switches it to WAL; closing switches it back)."""
    planner = Planner(Database(snapshot), clock)
    try:
        from app.strategy.document import strategy_to_json

        members = {
            layout.SUBSCRIPTIONS: _opml(planner, snapshot.parent),
            layout.STRATEGY: strategy_to_json(planner.strategy()).encode("utf-8"),
            layout.DRAFTS: _json([draft_json(planner, d) for d in _by_id(planner.drafts())]),
            layout.POSTS: _json(posts_json(planner)),
        }
        counts = {
            "feeds": feeds_q.feed_count(planner.db),
            "themes": len(planner.themes()),
            "items": planner.item_count(),
            "drafts": len(planner.drafts()),
            "posts": len(planner.posts()),
        }
        return members, counts
    finally:
        planner.db.conn.execute("PRAGMA journal_mode = DELETE")
        planner.close()


def draft_json(planner: Planner, draft: Draft) -> dict:
    """A draft for people and other tools: times in the user's zone, the theme by name,
    the items it came from with their titles and links."""
    tz = planner.clock.tz()
    items = []
    for item_id in draft.item_ids:
        try:
            item = items_q.get_item(planner.db, item_id)
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


def posts_json(planner: Planner) -> list[dict]:
    """Every post, oldest first, as `digwell posts list --json` prints one, with the
    link it shared."""
    log = PostsLog(planner.db, planner.clock)
    return [{**log.to_json(p), "link": p.link, "item_id": p.item_id} for p in reversed(log.list())]


def _opml(planner: Planner, folder: Path) -> bytes:
    from app.feeds.subscriptions import export_opml

    path = folder / layout.SUBSCRIPTIONS  # export_opml writes a file: read it back
    export_opml(planner, path)
    return path.read_bytes()


def _by_id(drafts: list[Draft]) -> list[Draft]:
    return sorted(drafts, key=lambda d: d.id)


def _iso(when: datetime, tz) -> str:
    return when.astimezone(tz).isoformat(timespec="seconds")


def _json(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
