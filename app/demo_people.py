"""Made-up people for the demo, so its People page tells a story at a glance: a close
colleague gone overdue, authors of the demo's feeds credited now and then, an old
LinkedIn connection never spoken to since (the network review offers them), and a few
kept warm. Touch days count back from the demo's today."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from typing import NamedTuple

from app.store import people as people_q
from app.store import touches as touches_q


class DemoPerson(NamedTuple):
    name: str
    company: str
    role: str
    circle: int  # 1 Close, 2 Colleagues, 3 Wider (migration 7's circles)
    how_known: str
    handles: dict[str, str]
    touches: tuple[tuple[str, int], ...]  # (kind, days ago)


PEOPLE = (
    DemoPerson(
        "Priya Raman",
        "Platform Weekly",
        "Editor",
        2,
        "Her newsletter; met at PlatformCon",
        {
            "x": "@priyaraman",
            "mastodon": "@priya@hachyderm.io",
            "linkedin": "https://www.linkedin.com/in/priya-raman-demo",
        },
        (("connected", 900), ("credited", 160), ("commented", 150)),
    ),
    DemoPerson(
        "Kwame Mensah",
        "Ledgerline",
        "Staff engineer",
        1,
        "Worked together on the payments platform",
        {"bluesky": "kwame.bsky.social", "threads": "@kwame.builds"},
        (("talked", 75), ("helped", 62)),
    ),
    DemoPerson(
        "Amara Nwosu",
        "Model Risk Review",
        "Researcher",
        2,
        "Reads and writes on AI governance",
        {"linkedin": "https://www.linkedin.com/in/amara-nwosu-demo"},
        (("credited", 30), ("thanked", 12)),
    ),
    DemoPerson(
        "Tomasz Nowak",
        "Platform Weekly",
        "Contributor",
        3,
        "",
        {"x": "@tnowak"},
        (("credited", 200),),
    ),
    DemoPerson(
        "Dana Whitfield",
        "Northwind Bank",
        "Head of platform",
        1,
        "Former manager",
        {"linkedin": "https://www.linkedin.com/in/dana-whitfield-demo"},
        (("message", 20), ("asked", 19)),
    ),
    DemoPerson(
        "Felix Hartmann",
        "Model Risk Review",
        "Editor",
        3,
        "",
        {"mastodon": "@felix@mastodon.social"},
        (("connected", 500),),
    ),
    DemoPerson(
        "Lena Okafor",
        "",
        "Engineering manager",
        2,
        "Mentoring circle",
        {},
        (("connected", 1400),),
    ),
    DemoPerson(
        "Sofia Marchetti",
        "Model Risk Review",
        "Analyst",
        3,
        "",
        {"bluesky": "sofia.bsky.social"},
        (("commented", 40),),
    ),
)


def load_demo_people(conn: sqlite3.Connection, today: date, now: datetime) -> int:
    """Add the demo's people and touches in the caller's transaction; how many."""
    ids = []
    for person in PEOPLE:
        fields: dict[str, object] = {
            "name": person.name,
            "company": person.company,
            "role": person.role,
            "circle_id": person.circle,
            "how_known": person.how_known,
            **person.handles,
        }
        added = today - timedelta(days=max(days for _, days in person.touches) + 1)
        ids.append(people_q.insert_people(conn, [fields], added)[0])
    touches_q.add_touches(
        conn,
        [
            (
                person_id,
                kind,
                today - timedelta(days=days),
                "LinkedIn" if kind == "connected" else "",
            )
            for person_id, person in zip(ids, PEOPLE, strict=True)
            for kind, days in person.touches
        ],
        now,
    )
    people_q.refresh_people(conn, ids)
    return len(ids)
