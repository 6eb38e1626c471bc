"""Writing a history import's plan (app/history/plan.py) inside the caller's transaction,
in bulk: posts a few thousand to a statement, then the engagement, then a LinkedIn
export's connections by the people import's own writer (docs/HISTORY.md)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from itertools import islice
from typing import NamedTuple

from app.history.plan import HistoryPlan, NewPost, Progress
from app.store import history as history_q
from app.store.database import to_db_time

_CHUNK = 5000


class Written(NamedTuple):
    posts: int
    engagement: int
    people: int
    linked: int  # inbox items whose link to a person changed (new people)


def _post_rows(posts: Sequence[NewPost], source: str) -> Iterator[history_q.PostRow]:
    for new in posts:
        p = new.post
        yield (
            to_db_time(p.posted_at),
            p.platform,
            new.kind,
            p.url,
            p.text,
            p.link,
            new.theme_id,
            source,
            p.external_id,
        )


def write_plan(
    conn: sqlite3.Connection,
    plan: HistoryPlan,
    *,
    circle_id: int,
    today: date,
    now: datetime,
    on_progress: Progress | None = None,
) -> Written:
    """Add what `plan` says, new people in `circle_id` (the widest circle). Progress is
    told in posts; the engagement and people come at the end."""
    total = len(plan.posts) + 1
    rows = _post_rows(plan.posts, plan.source)
    posts = done = 0
    while chunk := list(islice(rows, _CHUNK)):
        posts += history_q.insert_posts(conn, chunk)
        done += len(chunk)
        if on_progress is not None:
            on_progress(done, total)
    engagement = history_q.insert_engagement(
        conn,
        (
            (e.platform, e.kind, to_db_time(e.at), e.url, e.external_id, plan.source)
            for e in plan.engagement
        ),
    )
    people = linked = 0
    if plan.people is not None and (plan.people.added or plan.people.updated):
        from app.people.import_write import write_plan as write_people

        linked = write_people(conn, plan.people, circle_id, today, now)
        people = len(plan.people.added)
    if on_progress is not None:
        on_progress(total, total)
    return Written(posts, engagement, people, linked)
