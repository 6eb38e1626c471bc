"""Where the strategy is kept: the profile and targets as settings, the themes as rows
of `themes` (their ids are what feeds link to). Every save bumps the setting
"strategy_version", so rankings can tell which strategy they scored."""

from __future__ import annotations

import sqlite3

from app.store import settings as settings_q
from app.store import themes as themes_q
from app.store.database import Database
from app.strategy.strategy import (
    DEFAULT_HALF_LIFE,
    ContentMix,
    Strategy,
    is_int,
    is_number,
    normalized,
)
from app.types import Profile

PROFILE_KEY = "profile"
WEEKLY_TARGET_KEY = "weekly_target"
MIX_KEY = "content_mix"
HALF_LIFE_KEY = "freshness_half_life_days"
VERSION_KEY = "strategy_version"


def load_profile(db: Database) -> Profile:
    """Who the user is, as templates greet and sign with it; empty fields when unset."""
    raw = settings_q.get_setting(db, PROFILE_KEY, {})
    if not isinstance(raw, dict):
        return Profile()
    return Profile(**{k: str(v) for k, v in raw.items() if k in Profile._fields})


def load_strategy(db: Database) -> Strategy:
    """The stored strategy; missing or damaged settings read as their defaults. Not
    validated: themes made elsewhere (e.g. from OPML folders) may still lack keywords."""
    profile = load_profile(db)
    target = settings_q.get_setting(
        db, WEEKLY_TARGET_KEY, Strategy._field_defaults["weekly_target"]
    )
    raw_mix = settings_q.get_setting(db, MIX_KEY, {})
    mix = ContentMix()
    if isinstance(raw_mix, dict) and all(is_int(raw_mix.get(k)) for k in ContentMix._fields):
        mix = ContentMix(**{k: raw_mix[k] for k in ContentMix._fields})
    half_life = settings_q.get_setting(db, HALF_LIFE_KEY, DEFAULT_HALF_LIFE)
    return Strategy(
        profile=profile,
        themes=tuple(themes_q.list_themes(db)),
        weekly_target=target if is_int(target) else Strategy._field_defaults["weekly_target"],
        mix=mix,
        half_life_days=float(half_life) if is_number(half_life) else DEFAULT_HALF_LIFE,
    )


def load_weekly_target(db: Database) -> int:
    """The weekly target alone: read at start-up, where the whole strategy is not needed."""
    default: int = Strategy._field_defaults["weekly_target"]
    target = settings_q.get_setting(db, WEEKLY_TARGET_KEY, default)
    return target if is_int(target) else default


def save_strategy(conn: sqlite3.Connection, strategy: Strategy) -> int:
    """Validate, then store the strategy; returns the new version. The caller owns the
    transaction. A theme with an id keeps its row (and so its feeds) even when renamed;
    id 0 (or an id no longer stored) is a new theme; stored themes not listed are deleted."""
    import json

    strategy = normalized(strategy)
    settings_q.set_setting(conn, PROFILE_KEY, strategy.profile._asdict())
    settings_q.set_setting(conn, WEEKLY_TARGET_KEY, strategy.weekly_target)
    settings_q.set_setting(conn, MIX_KEY, strategy.mix._asdict())
    settings_q.set_setting(conn, HALF_LIFE_KEY, strategy.half_life_days)

    stored = {row[0] for row in conn.execute("SELECT id FROM themes")}
    kept = [t.id for t in strategy.themes if t.id in stored]
    marks = ",".join("?" * len(kept))
    conn.execute(f"DELETE FROM themes WHERE id NOT IN ({marks})", kept)
    # Names are unique: park kept themes under names no user can type, so that swapping
    # two names (or renaming "AI" to "ai") never collides halfway.
    conn.executemany("UPDATE themes SET name = char(1) || id WHERE id = ?", [(i,) for i in kept])
    for position, theme in enumerate(strategy.themes):
        values = (
            theme.name,
            json.dumps(list(theme.keywords), ensure_ascii=False),
            json.dumps(list(theme.excluded), ensure_ascii=False),
            json.dumps(list(theme.hashtags), ensure_ascii=False),
            theme.color,
            position,
        )
        if theme.id in stored:
            conn.execute(
                "UPDATE themes SET name = ?, keywords = ?, excluded = ?, hashtags = ?,"
                " color = ?, position = ? WHERE id = ?",
                (*values, theme.id),
            )
        else:
            conn.execute(
                "INSERT INTO themes (name, keywords, excluded, hashtags, color, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                values,
            )
    version = strategy_version(conn) + 1
    settings_q.set_setting(conn, VERSION_KEY, version)
    return version


def strategy_version(conn_or_db: sqlite3.Connection | Database) -> int:
    """How many times the strategy was saved; 0 when never."""
    if isinstance(conn_or_db, Database):
        value = settings_q.get_setting(conn_or_db, VERSION_KEY, 0)
    else:
        row = conn_or_db.execute(
            "SELECT json_extract(value, '$') FROM settings WHERE key = ?", (VERSION_KEY,)
        ).fetchone()
        value = row[0] if row else 0
    return int(value) if is_int(value) else 0
