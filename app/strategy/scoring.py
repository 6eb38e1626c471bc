"""Scores for stored items, from one strategy: the one every stored score reflects.

That strategy is kept as a snapshot (the setting "scoring"), apart from the strategy the
user edits: after an edit the inbox keeps ranking by the snapshot, all of it old, until a
re-score (app/strategy/rescore.py) replaces every score and the snapshot in one
transaction. Items stored meanwhile are scored by the snapshot too, so the inbox never
mixes scores of two strategies.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from app.store.items import RankRow
from app.strategy.matching import Match, Matcher, ThemeTerms
from app.strategy.ranking import rank_key
from app.types import ALL_THEMES

SCORING_KEY = "scoring"
STRATEGY_VERSION_KEY = "strategy_version"
HALF_LIFE_KEY = "freshness_half_life_days"  # as app/strategy/strategy.py keeps it
DEFAULT_HALF_LIFE_DAYS = 3.0


class Scorer:
    """Ranks items against themes; `version` is the strategy version they come from."""

    def __init__(self, themes: Sequence[ThemeTerms], half_life_days: float, version: int) -> None:
        self.themes = tuple(themes)
        self.half_life_days = float(half_life_days)
        self.version = int(version)
        self._matcher = Matcher(self.themes)
        self._json: dict[tuple[tuple[str, str], ...], str] = {}

    def matches(self, title: str, text: str) -> tuple[Match, ...]:
        return self._matcher.match(title, text)

    def rank_rows(self, title: str, text: str, sort_time: datetime) -> list[RankRow]:
        """The item's rows for the ranks table: theme 0 first, then one per theme matched."""
        half_life = self.half_life_days
        matches = self._matcher.match(title, text)
        if not matches:
            return [(ALL_THEMES, rank_key(0.0, sort_time, half_life), 0.0, None, "[]")]
        rows: list[RankRow] = [
            (
                m.theme_id,
                rank_key(m.relevance, sort_time, half_life),
                m.relevance,
                m.theme_id,
                self._terms_json(m.terms),
            )
            for m in matches
        ]
        return [(ALL_THEMES, *rows[0][1:]), *rows]

    def _terms_json(self, terms: tuple[tuple[str, str], ...]) -> str:
        # The same few combinations of terms recur item after item.
        text = self._json.get(terms)
        if text is None:
            text = json.dumps(terms)
            if len(self._json) < 10_000:
                self._json[terms] = text
        return text

    def snapshot(self) -> dict[str, object]:
        return {
            "version": self.version,
            "half_life_days": self.half_life_days,
            "themes": [[t.theme_id, list(t.keywords), list(t.excluded)] for t in self.themes],
        }

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Scorer:
        """`data`: a snapshot as JSON gave it back (its theme triples are lists)."""
        themes = [ThemeTerms(int(i), tuple(k), tuple(x)) for i, k, x in data["themes"]]
        return cls(themes, data["half_life_days"], data["version"])


# What migration 5 ranked existing items by: no theme, their date alone.
_UNRANKED = '{"version": -1, "half_life_days": 3.0, "themes": []}'
_BY_SNAPSHOT: dict[str, Scorer] = {}  # a refresh asks once per feed: build the matcher once


def current_scorer(conn: sqlite3.Connection) -> Scorer:
    """The scorer every stored score reflects (schema 5 starts with one of no themes)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SCORING_KEY,)).fetchone()
    text = row[0] if row else _UNRANKED
    scorer = _BY_SNAPSHOT.get(text)
    if scorer is None:
        scorer = Scorer.from_snapshot(json.loads(text))
        if len(_BY_SNAPSHOT) > 8:
            _BY_SNAPSHOT.clear()
        _BY_SNAPSHOT[text] = scorer
    return scorer


def keep_snapshot(conn: sqlite3.Connection, scorer: Scorer) -> None:
    """Record `scorer` as the one every stored score reflects; the caller's transaction."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (SCORING_KEY, json.dumps(scorer.snapshot())),
    )


def saved_scorer(conn: sqlite3.Connection) -> Scorer:
    """A scorer for the strategy as last saved (the one a re-score moves to)."""
    themes = [
        ThemeTerms(r[0], tuple(json.loads(r[1])), tuple(json.loads(r[2])))
        for r in conn.execute("SELECT id, keywords, excluded FROM themes ORDER BY position, id")
    ]
    settings = dict(
        conn.execute(
            "SELECT key, json_extract(value, '$') FROM settings WHERE key IN (?, ?)",
            (HALF_LIFE_KEY, STRATEGY_VERSION_KEY),
        ).fetchall()
    )
    half_life = float(settings.get(HALF_LIFE_KEY) or DEFAULT_HALF_LIFE_DAYS)
    return Scorer(themes, half_life, int(settings.get(STRATEGY_VERSION_KEY) or 0))


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether the stored scores reflect the strategy as last saved: the same themes'
    terms and half-life (a save that changed neither needs no re-scoring)."""
    current, saved = current_scorer(conn).snapshot(), saved_scorer(conn).snapshot()
    return all(current[key] == saved[key] for key in ("themes", "half_life_days"))
