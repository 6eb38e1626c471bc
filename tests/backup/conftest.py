"""A rich data folder to back up, and helpers to read and alter archives."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from app.paths import user_config_dir

# Known, distinctive: a backup must never hold it, in any form.
SECRET = "s3cr3t-T0KEN-never-in-a-backup-7c1f"
PRIVATE_FEED = "https://private.example/feed.xml"
# A note a spreadsheet would run: the backup's people.csv must show it as text.
FORMULA = '=HYPERLINK("https://evil.example","click")'
USER_TEMPLATES = {
    "my-share.j2": "{# name: My share\nkind: share #}\n{{ take }} {{ item.link }}\n",
    "partials/signature.j2": "— {{ profile.name }}\n",
}


@pytest.fixture
def rich_planner(demo_planner, memory_keyring):
    """The demo plus drafts in every state (one planned for a slot), a post marked from
    a draft, a private feed whose token is in the keyring, settings, people with their
    circles and touches (`add_people`), and templates in the user's (sandboxed)
    templates folder."""
    from app.credentials import FeedSecret

    planner = demo_planner
    items = planner.inbox.ids(limit=4)
    theme = planner.strategy.themes()[0]
    texts = ["A draft in progress.", "Planned for Tuesday.", "Archived one.", "Posted it."]
    drafts = [
        planner.drafting.new_draft(
            [item], "quick-share", "linkedin", take=f"take {n}", text=text
        ).id
        for n, (item, text) in enumerate(zip(items, texts, strict=True))
    ]
    original = planner.drafting.new_draft(
        [], "original-insight", "mastodon", text="My own idea.", theme_id=theme.id
    )
    planner.cadence.plan_draft(drafts[1], planner.clock.now() + timedelta(days=1))
    planner.cadence.plan_draft(original.id, None)
    planner.drafting.set_draft_state(drafts[2], "archived")
    planner.drafting.mark_posted(drafts[3], "linkedin", "https://www.linkedin.com/posts/alex-1")
    planner.feeds.subscribe(
        PRIVATE_FEED,
        themes=[theme.name],
        title="Team wiki",
        secret=FeedSecret("bearer", "", SECRET),
    )
    planner.drafting.platforms.set_counted(["linkedin", "x"])
    planner.drafting.platforms.set_mastodon("hachyderm.io", 500)
    posted = next(p for p in planner.cadence.posts() if p.draft_id == drafts[3])
    add_people(planner, posted.id)
    write_templates(user_config_dir() / "templates", USER_TEMPLATES)
    return planner


def add_people(planner, post_id: int) -> None:
    """People in every state (handles, an own interval, snoozed, archived), a circle
    added and one edited, touches of several kinds (one behind a post), a changed lift."""
    people = planner.people
    today = people.today()
    mentors = people.add_circle("Mentors", 60, 75)
    close = people.circle_named("Close")
    people.edit_circle(close.id, "Close", 21, 40)
    ines = people.add(
        "Ines Carvalho",
        circle=mentors.id,
        company="Acme",
        role="Staff engineer",
        how_known="KubeCon 2025",
        notes="Likes Rust.\nAsk about the talk.",
        linkedin="https://www.linkedin.com/in/ines-carvalho",
        x="@inesc",
        mastodon="@ines@fosstodon.org",
        bluesky="ines.bsky.social",
        threads="@ines.c",
        website="https://ines.example",
        email="ines@example.com",
    )
    rafael = people.add("Rafael Quintero", circle="Close", ideal_days=10, max_days=20)
    gone = people.add("Old Contact Zed", company="Initech", notes=FORMULA)
    people.touch(ines.id, "credited", note="shared her talk", post_id=post_id)
    people.touch(ines.id, "asked", on=today - timedelta(days=3))
    people.touch(rafael.id, "talked", on=today - timedelta(days=30))
    people.snooze(rafael.id, today + timedelta(days=7))
    people.touch(gone.id, "connected", on=today - timedelta(days=900))
    people.archive([gone.id])
    people.set_rank_boost(2.0)


def write_templates(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def read_templates(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def all_rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every table's rows (sqlite_master's tables, FTS shadow tables too), in order,
    plus the schema itself and its version."""
    conn = sqlite3.connect(db_path)
    try:
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [r[1] for r in schema if r[0] == "table"]
        rows = {
            name: conn.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in tables
        }
        rows["sqlite_master"] = schema
        rows["user_version"] = conn.execute("PRAGMA user_version").fetchall()
        return rows
    finally:
        conn.close()


def folder_listing(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes ({} when it does not exist)."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def rewrite(
    archive: Path,
    target: Path,
    *,
    replace: dict[str, bytes | None] | None = None,
    manifest: Callable[[dict], None] | None = None,
    fix_checksums: bool = True,
) -> Path:
    """Copy `archive` to `target` with members replaced (None: removed) or added, the
    manifest edited by `manifest(doc)`, and its checksums made to match (or not)."""
    replace = dict(replace or {})
    with zipfile.ZipFile(archive) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    doc = json.loads(members.pop("manifest.json"))
    for name, data in replace.items():
        if data is None:
            members.pop(name, None)
            doc["files"].pop(name, None)
        else:
            members[name] = data
            if fix_checksums:
                doc["files"][name] = {
                    "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
    if manifest is not None:
        manifest(doc)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr("manifest.json", json.dumps(doc))
    return target


def database_at_version(path: Path, version: int) -> bytes:
    """A database file built by the first `version` migrations, with a feed, items,
    a theme and a post in it; its bytes."""
    from app.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path)
    for n, script in enumerate(MIGRATIONS[:version], start=1):
        conn.executescript(f"{script}\nPRAGMA user_version = {n};")
    conn.execute(
        "INSERT INTO feeds (id, url, added_at) VALUES (1, 'https://x.example/f',"
        " '2026-01-01T00:00:00Z')"
    )
    for n in (1, 2):
        when = f"2026-11-2{n}T10:00:00Z"
        conn.execute(
            "INSERT INTO items (id, feed_id, key, title, sort_time, first_seen, updated_at,"
            " content_hash) VALUES (?, 1, ?, 'Kubernetes', ?, ?, ?, 'h')",
            (n, f"k{n}", when, when, when),
        )
    conn.execute("INSERT INTO themes (id, name, keywords) VALUES (1, 'Platform', '[\"k8s\"]')")
    conn.execute(
        "INSERT INTO posts (posted_at, platform, kind) VALUES ('2026-11-20T10:00:00Z',"
        " 'linkedin', 'share')"
    )
    conn.commit()
    conn.close()
    return path.read_bytes()
