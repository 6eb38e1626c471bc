"""Writing an import's plan (app/people/import_plan.py) inside the caller's transaction,
in bulk: 30,000 people and their `connected` touches take a few statements each, their
due days and matching keys are worked out once for all of them, and the inbox's links
to people are made again once (docs/PEOPLE_IMPORT.md)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from app.people.import_plan import ImportPlan, Progress
from app.store import item_people
from app.store import people as people_q
from app.store import touches as touches_q

TOUCH_NOTE = "LinkedIn"  # the note of a `connected` touch from "Connected On"
_STEPS = 4


def write_plan(
    conn: sqlite3.Connection,
    plan: ImportPlan,
    circle_id: int,
    today: date,
    now: datetime,
    on_progress: Progress | None = None,
) -> int:
    """Add, update and touch as `plan` says, new people in `circle_id`; returns how
    many inbox items' links to people changed. Progress is told in the plan's rows."""

    def step(done: int) -> None:
        if on_progress is not None:
            on_progress(plan.rows * done // _STEPS, plan.rows)

    new_ids = people_q.insert_people(
        conn, [{**p.fields, "circle_id": circle_id} for p in plan.added], today
    )
    people_q.update_people(conn, [(u.person_id, u.fields) for u in plan.updated if u.fields])
    step(1)
    touches = [
        (person_id, "connected", day, TOUCH_NOTE)
        for person_id, days in (
            *zip(new_ids, (p.connected for p in plan.added), strict=True),
            *((u.person_id, u.connected) for u in plan.updated),
        )
        for day in days
    ]
    touches_q.add_touches(conn, touches, now)
    step(2)
    changed = [*new_ids, *(u.person_id for u in plan.updated)]
    if not changed:
        return 0
    people_q.refresh_people(conn, changed)
    step(3)
    linked = item_people.relink_people(conn, changed)
    step(4)
    return linked
