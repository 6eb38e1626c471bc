"""A database from every earlier schema version migrates to the latest with all its data.

tests/store/schemas/vN.sql is a database as schema version N left it, with data in every
table (paused, private and removed feeds; read, starred, dismissed items, some waiting
for the full-text index; drafts in every state; posts of every kind; settings; ranks),
frozen as text when N was current. The fixtures never change, migrations may: that is
what they check. When a release adds schema version N + 1, freeze version N first:

    python -m tests.store.test_schema_history N

(made by applying MIGRATIONS[:N] to an empty database, inserting the rows below that
fit version N's columns, and dumping it with `iterdump()`).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from app.planner import Planner
from app.store import Database
from app.store.migrations import LATEST_VERSION, MIGRATIONS
from app.types import InboxFilter

SCHEMAS = Path(__file__).parent / "schemas"
EARLIER = range(1, LATEST_VERSION)
# A fixture's first line, before its dump (iterdump leaves user_version out).
HEADER = "-- Digwell database at schema version {version}: tests/store/test_schema_history.py"

# --- the data every fixture holds (each version keeps the columns it has) ---------

THEMES = [
    {
        "id": 1,
        "name": "Platform engineering",
        "keywords": '["kubernetes", "golden path"]',
        "excluded": '["sponsored"]',
        "hashtags": '["#PlatformEngineering"]',
        "color": "#2f80ed",
        "position": 0,
    },
    {
        "id": 2,
        "name": "Engineering leadership",
        "keywords": '["leadership", "one-on-one"]',
        "excluded": "[]",
        "hashtags": '["#Leadership"]',
        "color": "#9b51e0",
        "position": 1,
    },
    {
        "id": 3,
        "name": "AI governance",
        "keywords": '["ai act", "model risk"]',
        "excluded": "[]",
        "hashtags": '["#AIGovernance", "#ResponsibleAI"]',
        "color": "#27ae60",
        "position": 2,
    },
]
_FETCHED = {
    "added_at": "2026-01-05T09:00:00Z",
    "last_success": "2026-11-22T07:00:00Z",
    "last_attempt": "2026-11-22T07:00:00Z",
    "next_fetch_at": "2026-11-22T08:00:00Z",
}
FEEDS = [
    {
        "id": 1,
        "url": "https://platform.example.org/feed.xml",
        "title": "Platform Weekly",
        "site_url": "https://platform.example.org/",
        "etag": '"p-41"',
        "last_modified": "Sun, 22 Nov 2026 06:00:00 GMT",
        **_FETCHED,
    },
    {
        "id": 2,
        "url": "https://lead.example.org/atom",
        "title": "Lead Notes",
        "site_url": "https://lead.example.org/",
        **_FETCHED,
        "paused": 1,
        "paused_reason": "Paused by you.",
        "next_fetch_at": None,
    },
    {
        "id": 3,
        "url": "https://intranet.example.com/digest.rss",
        "title": "Team Digest",
        **_FETCHED,
        "secret_ref": "feed-7c1e2a90",
        "auth_kind": "basic",
    },
    {
        "id": 4,
        "url": "https://flaky.example.net/rss",
        "title": "",
        "added_at": "2026-03-01T10:00:00Z",
        "last_error": "The server answered 503 (Service Unavailable); Digwell tries again later.",
        "failures": 3,
        "last_attempt": "2026-11-22T07:00:00Z",
        "next_fetch_at": "2026-11-22T09:00:00Z",
    },
    {
        "id": 5,
        "url": "https://gone.example.com/feed",
        "title": "Gone Blog",
        "added_at": "2026-02-01T10:00:00Z",
        "last_success": "2026-09-30T07:00:00Z",
        "removed_at": "2026-10-01T12:00:00Z",
    },
]
FEED_THEMES = [(1, 1), (2, 2), (3, 1), (3, 3), (4, 3)]  # removing feed 5 dropped its themes


def _item(item_id: int, feed_id: int, title: str, text: str, when: str | None, **flags) -> dict:
    seen = when or "2026-11-21T12:00:00Z"
    return {
        "id": item_id,
        "feed_id": feed_id,
        "key": f"urn:item:{item_id}",
        "guid": f"urn:item:{item_id}",
        "title": title,
        "link": f"https://example.org/posts/{item_id}",
        "author": "Sam Rivera" if item_id % 2 else "",
        "summary_html": f"<p>{text}</p>",
        "summary_text": text,
        "published": when,
        "sort_time": seen,
        "first_seen": seen,
        "updated_at": seen,
        "content_hash": f"{item_id:040x}",
        **flags,
    }


ITEMS = [
    _item(
        1,
        1,
        "Golden paths with Kubernetes at scale",
        "How a paved road made Kubernetes boring, in a good way.",
        "2026-11-20T10:00:00Z",
        starred=1,
    ),
    _item(
        2,
        1,
        "Kubernetes upgrades without drama",
        "Blue-green clusters and a calendar.",
        "2026-11-18T10:00:00Z",
        read=1,
    ),
    _item(
        3,
        1,
        "Observability budgets for small teams",
        "Spend on what pages you at night.",
        "2026-11-22T06:00:00Z",
    ),
    _item(
        4,
        2,
        "Leadership is a one-on-one habit",
        "Weekly, short, about them.",
        "2026-11-16T10:00:00Z",
        read=1,
    ),
    _item(
        5,
        3,
        "Model risk under the AI Act, explained",
        "What changes for teams shipping models.",
        "2026-11-19T10:00:00Z",
        dismissed=1,
    ),
    _item(
        6,
        3,
        "Résumé-driven development considered harmful",
        "Pick the boring tool.",
        "2026-11-17T10:00:00Z",
    ),
    _item(7, 4, "AI Act timelines for engineering teams", "Dates to plan for.", None),
    _item(
        8,
        1,
        "Sponsored: the only platform you need",
        "Sponsored content about Kubernetes.",
        "2026-11-21T10:00:00Z",
    ),
    _item(
        9,
        5,
        "A farewell post about golden paths",
        "Thanks for reading.",
        "2026-09-29T10:00:00Z",
        starred=1,
    ),
    _item(
        10,
        1,
        "Café chats: mentoring on platform teams",
        "Mentoring newcomers over coffee.",
        "2026-11-22T05:00:00Z",
    ),
]
# From schema 3 on, new items wait for the full-text index: these still do.
WAITING = (3, 7, 10)
DRAFTS = [
    {
        "id": 1,
        "text": "Golden paths make Kubernetes boring. Boring is a feature.\n\n#PlatformEngineering",
        "take": "Boring is a feature.",
        "template": "quick-share",
        "platform": "linkedin",
        "state": "draft",
        "theme_id": 1,
        "created_at": "2026-11-21T08:00:00Z",
        "updated_at": "2026-11-21T08:05:00Z",
    },
    {
        "id": 2,
        "text": "This week's reads:\n1. Kubernetes upgrades\n2. Golden paths",
        "template": "weekly-roundup",
        "platform": "x",
        "state": "planned",
        "theme_id": 1,
        "created_at": "2026-11-20T08:00:00Z",
        "updated_at": "2026-11-20T09:00:00Z",
    },
    {
        "id": 3,
        "text": "One-on-ones are the job. Credit to Lead Notes.",
        "take": "They are the job.",
        "template": "credit-the-author",
        "platform": "mastodon",
        "state": "posted",
        "theme_id": 2,
        "created_at": "2026-11-09T08:00:00Z",
        "updated_at": "2026-11-10T08:00:00Z",
    },
    {
        "id": 4,
        "text": "AI governance is a platform problem.",
        "template": "original-insight",
        "platform": "bluesky",
        "state": "archived",
        "theme_id": 3,
        "created_at": "2026-10-01T08:00:00Z",
        "updated_at": "2026-10-02T08:00:00Z",
    },
    {
        "id": 5,
        "text": "A farewell worth reading.",
        "template": "quick-share",
        "platform": "threads",
        "state": "draft",
        "theme_id": None,
        "created_at": "2026-10-02T08:00:00Z",
        "updated_at": "2026-10-02T08:00:00Z",
    },
]
DRAFT_ITEMS = [(1, 1, 0), (2, 2, 0), (2, 1, 1), (3, 4, 0), (5, 9, 0)]


def _post(post_id: int, when: str, platform: str, kind: str, theme_id: int | None, **more):
    return {
        "id": post_id,
        "posted_at": when,
        "platform": platform,
        "kind": kind,
        "url": f"https://social.example/{platform}/{post_id}",
        "text": f"Post {post_id}, {kind}",
        "theme_id": theme_id,
        **more,
    }


POSTS = [
    _post(1, "2026-09-01T08:00:00Z", "linkedin", "share", 1, link=ITEMS[0]["link"], item_id=1),
    _post(2, "2026-09-15T17:30:00Z", "x", "original", 3),
    _post(3, "2026-10-06T08:00:00Z", "mastodon", "credit", 2),
    _post(4, "2026-10-20T12:00:00Z", "linkedin", "help", None),
    _post(5, "2026-11-03T08:00:00Z", "bluesky", "share", 1, link=ITEMS[1]["link"], item_id=2),
    _post(
        6,
        "2026-11-10T08:00:00Z",
        "mastodon",
        "credit",
        2,
        link=ITEMS[3]["link"],
        item_id=4,
        draft_id=3,
    ),
    _post(7, "2026-11-17T08:00:00Z", "x", "original", 1),
    _post(8, "2026-11-19T08:00:00Z", "threads", "credit", 3),
]
SETTINGS = {
    "profile": '{"name": "Alex Morgan", "role": "Platform engineer", '
    '"goal": "Lead a platform team in fintech within two years", '
    '"audience": "Platform engineers and their managers"}',
    "weekly_target": "3",
    "content_mix": '{"share": 50, "original": 30, "credit": 20}',
    "freshness_half_life_days": "3.0",
    "strategy_version": "1",
    "last_platform": '"linkedin"',
    "last_refresh_at": '"2026-11-22T07:00:00Z"',
    "refresh_minutes": "60",
    "mastodon_instance": '"hachyderm.io"',
    "mastodon_limit": "500",
    "composer_platforms": '["linkedin", "x"]',
}

# Schema 7: people, their touches (one logged by a post), matching keys and items.
PEOPLE = [
    {
        "id": 1,
        "name": "Sam Rivera",
        "company": "Example Platforms",
        "circle_id": 1,
        "x": "@samr",
        "search_key": "sam rivera example platforms samr",
        "added_on": "2026-09-01",
        "last_touch": "2026-11-19",
        "due_on": "2026-12-19",
        "overdue_on": "2027-01-03",
        "gives": 1,
    },
    {
        "id": 2,
        "name": "Noor Haddad",
        "circle_id": 3,
        "search_key": "noor haddad",
        "added_on": "2026-09-01",
        "archived_at": "2026-11-01",
        "due_on": "2027-02-28",
        "overdue_on": "2027-09-01",
    },
]
TOUCHES = [
    {
        "id": 1,
        "person_id": 1,
        "kind": "credited",
        "touched_on": "2026-11-19",
        "post_id": 8,
        "auto": 1,
        "created_at": "2026-11-19T08:00:00Z",
    },
    {
        "id": 2,
        "person_id": 2,
        "kind": "connected",
        "touched_on": "2024-03-02",
        "note": "LinkedIn",
        "created_at": "2026-09-01T08:00:00Z",
    },
]
PERSON_KEYS = [{"key": k, "person_id": 1} for k in ("n:sam rivera", "@samr")]
# Schema 8: a post imported from an export, engagement, a planned break.
IMPORTED_POST = {
    "id": 9,
    "posted_at": "2019-05-02T07:30:00Z",
    "platform": "x",
    "kind": "original",
    "url": "https://x.com/alexm/status/1124",
    "text": "Ten years of platform work in one thread.",
    "source": "x-archive",
    "external_id": "1124",
}
ENGAGEMENT = [
    {
        "id": 1,
        "platform": "linkedin",
        "kind": "comment",
        "at": "2026-10-01T12:00:00Z",
        "url": "https://www.linkedin.com/feed/update/urn:li:activity:1",
        "external_id": "urn:li:comment:1",
        "source": "linkedin-export",
    }
]
BREAKS = [{"id": 1, "starts_on": "2026-08-03", "ends_on": "2026-08-23", "note": "Summer"}]


# --- making a fixture (run once per version, when it stops being the latest) ------


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    """Insert rows, keeping the columns `table` has at this version."""
    have = set(_columns(conn, table))
    for row in rows:
        kept = {k: v for k, v in row.items() if k in have}
        marks = ", ".join("?" * len(kept))
        conn.execute(
            f"INSERT INTO {table} ({', '.join(kept)}) VALUES ({marks})", tuple(kept.values())
        )


def make_fixture(version: int) -> str:
    """The SQL text of a database at schema `version` with the data above."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for number, script in enumerate(MIGRATIONS[:version], start=1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", SETTINGS.items())
    _insert(conn, "themes", THEMES)
    _insert(conn, "feeds", FEEDS)
    _insert(conn, "feed_themes", [{"feed_id": f, "theme_id": t} for f, t in FEED_THEMES])
    _insert(conn, "items", ITEMS)
    if version >= 3:  # index what a refresh's catching up would have; some still wait
        marks = ",".join("?" * len(WAITING))
        conn.execute(
            "INSERT INTO items_fts(rowid, title, summary_text) SELECT id, title, summary_text"
            f" FROM items WHERE id NOT IN ({marks})",
            WAITING,
        )
        conn.execute(f"DELETE FROM items_fts_pending WHERE item_id NOT IN ({marks})", WAITING)
    _insert(conn, "drafts", DRAFTS)
    _insert(
        conn,
        "draft_items",
        [{"draft_id": d, "item_id": i, "position": p} for d, i, p in DRAFT_ITEMS],
    )
    _insert(conn, "posts", POSTS)
    if version >= 5:
        _rank(conn)
    if version >= 7:
        _insert(conn, "people", PEOPLE)
        _insert(conn, "touches", TOUCHES)
        _insert(conn, "person_keys", PERSON_KEYS)
        _insert(conn, "item_people", [{"item_id": i["id"], "person_id": 1} for i in ITEMS[::2]])
    if version >= 8:
        _insert(conn, "posts", [IMPORTED_POST])
        _insert(conn, "engagement", ENGAGEMENT)
        _insert(conn, "breaks", BREAKS)
    conn.execute("COMMIT")
    lines = [HEADER.format(version=version), f"PRAGMA user_version = {version};", *_dump(conn)]
    conn.close()
    return "\n".join(lines) + "\n"


def _dump(conn: sqlite3.Connection) -> list[str]:
    """iterdump's rows in a script any SQLite loads as is: iterdump itself writes the
    full-text table into sqlite_master by hand (writable_schema), which a trigger made
    later in the same script cannot see. So: the tables as created (a virtual table
    makes its own storage tables), then every row (the index's storage replacing what
    its creation wrote), then indexes and triggers, which must not fire on the rows."""
    objects = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    virtual = [name for kind, name, sql in objects if sql.startswith("CREATE VIRTUAL")]
    shadows = ("data", "idx", "content", "docsize", "config")  # FTS5's storage tables
    storage = {f"{v}_{shadow}" for v in virtual for shadow in shadows} & {
        name for kind, name, _ in objects if kind == "table"
    }
    tables = [sql for kind, name, sql in objects if kind == "table" and name not in storage]
    # Not a virtual table's own rows: an external-content index reads them from items.
    skip = tuple(f'INSERT INTO "{name}" ' for name in virtual)
    rows = [
        line
        for line in conn.iterdump()
        if line.startswith('INSERT INTO "') and not line.startswith(skip)
    ]
    later = [sql for kind, _, sql in objects if kind in ("index", "trigger", "view")]
    cleared = [f'DELETE FROM "{name}";' for name in sorted(storage)]
    made = [f"{sql};" for sql in tables]
    return ["BEGIN;", *made, *cleared, *rows, *(f"{sql};" for sql in later), "COMMIT;"]


def _rank(conn: sqlite3.Connection) -> None:
    """Scores as a schema-5 Digwell stored them, with the scorer's snapshot."""
    import json
    from datetime import datetime

    from app.strategy.matching import ThemeTerms
    from app.strategy.scoring import Scorer

    themes = [
        ThemeTerms(t["id"], tuple(json.loads(t["keywords"])), tuple(json.loads(t["excluded"])))
        for t in THEMES
    ]
    scorer = Scorer(themes, 3.0, 1)
    conn.execute(
        "UPDATE settings SET value = ? WHERE key = 'scoring'", (json.dumps(scorer.snapshot()),)
    )
    for item in ITEMS:
        when = datetime.fromisoformat(item["sort_time"].replace("Z", "+00:00"))
        flags = (item.get("read", 0), item.get("dismissed", 0), item.get("starred", 0))
        conn.executemany(
            "INSERT INTO ranks (item_id, theme_id, rank_key, relevance, best, terms, read,"
            " dismissed, starred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (item["id"], *rank, *flags)
                for rank in scorer.rank_rows(item["title"], item["summary_text"], when)
            ],
        )


# --- the tests --------------------------------------------------------------------


def _load(version: int, path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((SCHEMAS / f"v{version}.sql").read_text(encoding="utf-8"))
    conn.close()


def _tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables: not SQLite's own, nor the full-text index's storage (searches
    check that)."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    index = {"items_fts", "items_fts_data", "items_fts_idx", "items_fts_docsize"}
    return sorted(
        n for n in names if not n.startswith("sqlite_") and n not in index | {"items_fts_config"}
    )


def _rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> list[tuple]:
    names = ", ".join(columns)
    return [tuple(r) for r in conn.execute(f"SELECT {names} FROM {table} ORDER BY {names}")]


def test_every_earlier_schema_version_has_a_frozen_fixture():
    assert sorted(p.name for p in SCHEMAS.glob("v*.sql")) == sorted(f"v{v}.sql" for v in EARLIER)
    for version in EARLIER:
        text = (SCHEMAS / f"v{version}.sql").read_text(encoding="utf-8")
        assert text.startswith(HEADER.format(version=version))


@pytest.fixture(params=EARLIER, ids=lambda v: f"v{v}")
def migrated(request, tmp_path):
    """(version, the fixture as loaded, its migrated copy opened by the app)."""
    version = request.param
    before, after = tmp_path / "before.sqlite3", tmp_path / "data" / "digwell.sqlite3"
    _load(version, before)
    after.parent.mkdir()
    _load(version, after)
    old = sqlite3.connect(before)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    db = Database(after)
    yield version, old, db
    db.close()
    old.close()


def test_migration_keeps_every_row_and_value(migrated):
    version, old, db = migrated
    assert db.schema_version == LATEST_VERSION
    assert db.read("PRAGMA integrity_check")[0][0] == "ok"
    assert not db.read("PRAGMA foreign_key_check")
    new = db.conn
    for table in _tables(old):
        columns = _columns(old, table)
        assert set(columns) <= set(_columns(new, table)), table
        kept, now = _rows(old, table, columns), _rows(new, table, columns)
        if table == "settings" and version < 5:  # schema 5 adds the scores' snapshot
            now = [row for row in now if row[0] != "scoring"]
        assert now == kept, table
    assert len(_rows(old, "items", ["id"])) == len(ITEMS)


def test_the_app_reads_a_migrated_database(migrated, clock):
    version, _, db = migrated
    planner = Planner(db, clock)
    live = {1, 2, 3, 4} if version >= 2 else {1, 2, 3, 4, 5}
    feeds = {f.id: f for f in planner.feeds.list_feeds()}
    assert set(feeds) == live
    assert feeds[1].title == "Platform Weekly" and feeds[1].themes == ("Platform engineering",)
    assert feeds[4].failures == (3 if version >= 2 else 0) and feeds[4].last_error
    if version >= 2:
        assert feeds[2].paused and feeds[2].paused_reason == "Paused by you."
        assert feeds[3].auth_kind == "basic"
        assert planner.inbox.item(9).source == "Gone Blog"  # starred: outlived its feed

    dismissed = {5} if version >= 5 else set()
    assert set(planner.inbox.ids()) == {i["id"] for i in ITEMS} - dismissed
    starred = {1, 9} if version >= 2 else set()
    assert set(planner.inbox.ids(inbox=InboxFilter(show="starred"))) == starred
    unread = {
        i["id"] for i in ITEMS if not (version >= 5 and (i.get("read") or i.get("dismissed")))
    }
    assert planner.inbox.unread_counts()[0] == len(unread)

    # Full-text search finds indexed items and those still waiting (indexed first).
    assert set(planner.inbox.search(InboxFilter(search="kubernetes"))) == {1, 2, 8}
    assert planner.inbox.search(InboxFilter(search="resume driven")) == [6]
    assert planner.inbox.search(InboxFilter(search="cafe mentoring")) == [10]
    assert planner.inbox.search(InboxFilter(search="observability")) == [3]
    db.conn.execute("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)")

    drafts = {d.id: d for d in planner.drafting.drafts()}
    assert {i: d.state for i, d in drafts.items()} == {d["id"]: d["state"] for d in DRAFTS}
    assert drafts[2].item_ids == (2, 1) and drafts[2].planned_for is None  # planned, "soon"
    assert drafts[1].take == "Boring is a feature." and drafts[1].theme == "Platform engineering"
    assert planner.drafting.draft_count() == 3
    posts = planner.cadence.posts()
    assert [p.id for p in posts] == [p["id"] for p in reversed(POSTS)]
    assert planner.drafting.post_of_draft(3).id == 6

    report = planner.cadence.report()
    assert report.total_posts == len(POSTS) and sum(report.day_counts.values()) == len(POSTS)
    assert (
        planner.strategy.profile().name == "Alex Morgan" and planner.strategy.weekly_target() == 3
    )

    # Scores: a schema-5 database kept its own; older ones rank by date until re-scored.
    assert planner.inbox.scores_current() == (version >= 5)
    planner.inbox.rescore()
    assert planner.inbox.scores_current()
    assert set(planner.inbox.ids(inbox=InboxFilter(theme_id=1))) == {1, 2, 9}
    assert (
        planner.inbox.item(1).reason.split(" · by ")[0]
        == "Platform engineering: golden path (title), kubernetes (title)"
    )

    # People (schema 7): the default circles; the items of a person added later are theirs.
    people = planner.people
    assert [c.name for c in people.circles()][:3] == ["Close", "Colleagues", "Wider"]
    sam = people.find("Sam Rivera") if version >= 7 else people.add("Sam Rivera")
    assert set(people.items_by(sam.id)) == {i["id"] for i in ITEMS if i["id"] % 2}


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        number = int(arg)
        if not 1 <= number <= LATEST_VERSION:
            sys.exit(f"schema versions go from 1 to {LATEST_VERSION}")
        target = SCHEMAS / f"v{number}.sql"
        target.write_text(make_fixture(number), encoding="utf-8")
        print(f"wrote {target}")
