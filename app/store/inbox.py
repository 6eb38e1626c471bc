"""The ranked inbox: pages of item ids for a filter, counts, and full-text search.

Every view is one range of the ranks table's index (theme, dismissed, rank): the first
page of 100,000 items is read as fast as that of 100.
"""

from __future__ import annotations

import re

from app.store.database import Database
from app.types import InboxFilter

SHOWS = ("inbox", "unread", "read", "starred", "dismissed")
_SHOW_WHERE = {  # {t} is the ranks table's alias, if any
    "inbox": "{t}dismissed = 0",
    "unread": "{t}dismissed = 0 AND {t}read = 0",
    "read": "{t}dismissed = 0 AND {t}read = 1",
    "starred": "{t}starred = 1",
    "dismissed": "{t}dismissed = 1",
}
# Search results listed at most (best first): enough to scroll, cheap to rank.
SEARCH_LIMIT = 500
# Title words weigh more than body words in search ranking (bm25 column weights).
_TITLE_WEIGHT, _TEXT_WEIGHT = 4.0, 1.0
# Above this many matches, search results follow the inbox's rank (see search).
_BM25_MAX = 2000
_WORD = re.compile(r"\w", re.UNICODE)


def _where(inbox: InboxFilter, alias: str = "") -> str:
    try:
        return _SHOW_WHERE[inbox.show].format(t=f"{alias}." if alias else "")
    except KeyError:
        raise ValueError(f"unknown inbox view {inbox.show!r}") from None


def page(
    db: Database, inbox: InboxFilter, limit: int, after: tuple[float, int] | None = None
) -> list[tuple[int, float]]:
    """(item id, rank key) of the next `limit` items in rank order after `after` (the
    last row of the page before, as (rank key, id)). Not for searches: see `search`."""
    sql = f"SELECT item_id, rank_key FROM ranks WHERE theme_id = ? AND {_where(inbox)}"
    params: list[float] = [inbox.theme_id]
    if after is not None:
        sql += " AND (rank_key < ? OR (rank_key = ? AND item_id < ?))"
        params += [after[0], after[0], after[1]]
    sql += " ORDER BY rank_key DESC, item_id DESC LIMIT ?"
    params.append(limit)
    return [(r[0], r[1]) for r in db.read(sql, tuple(params))]


def count(db: Database, inbox: InboxFilter) -> int:
    """How many items the filter lists (searches: see `search`)."""
    sql = f"SELECT count(*) FROM ranks WHERE theme_id = ? AND {_where(inbox)}"
    return int(db.read(sql, (inbox.theme_id,))[0][0])


def unread_counts(db: Database) -> dict[int, int]:
    """Unread, undismissed items per theme id (0: all themes); themes with none are left
    out. Kept up to date by triggers (see migrations.UNREAD_COUNT_TRIGGERS)."""
    rows = db.read("SELECT theme_id, unread FROM unread_counts WHERE unread > 0")
    return {r[0]: r[1] for r in rows}


def fts_query(text: str) -> str:
    """User words as an FTS5 query that matches them all, in any order, the last one as
    a prefix while it is being typed; "" if there is nothing to search. Every word is
    quoted, so quotes, operators (AND, NEAR, -, *, ^, :) and parentheses are just text."""
    words = [w for w in text.split() if _WORD.search(w)]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if not text[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


def search(db: Database, inbox: InboxFilter, limit: int = SEARCH_LIMIT) -> list[int]:
    """Item ids matching `inbox.search` within the filter, best first. Only items already
    in the full-text index are found: call items.index_pending first.

    Best first is by text relevance (bm25, title words weighing more) when at most
    _BM25_MAX items match; beyond that, by the inbox's own rank. Scoring every match of a
    common word took ~55 ms at 33,000 matches, where walking the rank index until enough
    matches turn up takes a few."""
    query = fts_query(inbox.search)
    if not query:
        return []
    matches = db.read("SELECT count(*) FROM items_fts WHERE items_fts MATCH ?", (query,))[0][0]
    if matches > _BM25_MAX:
        return db.column(
            f"SELECT item_id FROM ranks WHERE theme_id = ? AND {_where(inbox)}"
            " AND item_id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"
            " ORDER BY rank_key DESC, item_id DESC LIMIT ?",
            (inbox.theme_id, query, limit),
        )
    return db.column(
        "SELECT r.item_id FROM items_fts f JOIN ranks r ON r.item_id = f.rowid"
        f" WHERE items_fts MATCH ? AND r.theme_id = ? AND {_where(inbox, 'r')}"
        f" ORDER BY bm25(items_fts, {_TITLE_WEIGHT}, {_TEXT_WEIGHT}), r.rank_key DESC LIMIT ?",
        (query, inbox.theme_id, limit),
    )
