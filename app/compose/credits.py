"""Who a draft credits (docs/PEOPLE.md, "Touches that come by themselves"): the linked
author of any of its items, and anyone of the user's people its text names or
@mentions. Marking the draft posted logs a touch for each of them: `thanked` when its
template says so (`touch: thanked` in the header, as "Thank a colleague" does), else
`credited`. Archived people are never credited."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from app.compose import mentioning
from app.store import item_people, person_lookup
from app.store import people as people_q
from app.store import touches as touches_q
from app.store.database import Database
from app.types import Person, Touch

CREDITED, THANKED = "credited", "thanked"


class Credit(NamedTuple):
    """One person a post credits, and the kind of touch it logs for them."""

    person_id: int
    name: str
    kind: str  # "credited" or "thanked"


def touch_kind(template_touch: str) -> str:
    """The touch a template's posts log: its header's `touch`, if `thanked`."""
    return THANKED if template_touch.strip().lower() == THANKED else CREDITED


def item_authors(db: Database, item_ids: Sequence[int]) -> dict[int, Person]:
    """item id -> the person who wrote it, for the items linked to one of the user's
    people (app/store/item_people.py)."""
    linked = item_people.authors_of(db, item_ids)
    people = {p.id: p for p in people_q.people_by_id(db, [v[0] for v in linked.values()])}
    return {
        item_id: people[person_id]
        for item_id, (person_id, _, _) in linked.items()
        if person_id in people and not people[person_id].archived
    }


def named_in(db: Database, text: str, platform: str) -> list[Person]:
    """The people the text names or @mentions, in order of appearance."""
    holders = person_lookup.holders(db, mentioning.lookup_keys(text))
    hits = mentioning.matches(text, set(holders))
    wanted = sorted({i for key in hits for i in holders[key]})
    people = {p.id: p for p in people_q.people_by_id(db, wanted) if not p.archived}
    found: list[Person] = []
    for key in hits:
        person = mentioning.owner(key, [people[i] for i in holders[key] if i in people], platform)
        if person is not None and person not in found:
            found.append(person)
    return found


def draft_credits(
    db: Database, item_ids: Sequence[int], text: str, platform: str, kind: str
) -> list[Credit]:
    """Who a draft of these items with this text credits on `platform`: its items'
    authors first, then the people its text names, each once."""
    authors = item_authors(db, item_ids)
    people = [authors[i] for i in item_ids if i in authors]
    people += named_in(db, text, platform)
    credits: list[Credit] = []
    for person in people:
        if all(c.person_id != person.id for c in credits):
            credits.append(Credit(person.id, person.name, kind))
    return credits


def log_touches(
    conn: sqlite3.Connection, credits: Sequence[Credit], post_id: int, on: date, now: datetime
) -> None:
    """Log each credit as a touch of the post, by itself (`auto`, so taking the post
    back takes it too), and restart those people's intervals. The caller's transaction."""
    for credit in credits:
        touches_q.add_touch(
            conn, credit.person_id, credit.kind, on, post_id=post_id, auto=True, now=now
        )
    if credits:
        people_q.refresh_people(conn, [c.person_id for c in credits])


def take_touches(conn: sqlite3.Connection, post_ids: Sequence[int]) -> list[Touch]:
    """Delete the touches these posts logged by themselves (before the posts go: their
    link to a post would be cleared), and recount those people; returns the touches."""
    taken = touches_q.take_auto_touches(conn, post_ids)
    if taken:
        people_q.refresh_people(conn, sorted({t.person_id for t in taken}))
    return taken


def put_back(
    conn: sqlite3.Connection, touches: Sequence[Touch], post_id: int, now: datetime
) -> bool:
    """Log again the touches `take_touches` took, for the post put back as `post_id`
    (people deleted meanwhile left out); whether any were."""
    alive = person_lookup.existing(conn, {t.person_id for t in touches})
    kept = [t for t in touches if t.person_id in alive]
    for t in kept:
        touches_q.add_touch(
            conn, t.person_id, t.kind, t.on, note=t.note, post_id=post_id, auto=True, now=now
        )
    if kept:
        people_q.refresh_people(conn, sorted({t.person_id for t in kept}))
    return bool(kept)


def posted_credits(db: Database, post_id: int) -> list[Credit]:
    """The touches a post logged by itself, as credits (what the composer shows of a
    posted draft)."""
    touches = [t for t in touches_q.touches_of_post(db, post_id) if t.auto]
    names = {p.id: p.name for p in people_q.people_by_id(db, [t.person_id for t in touches])}
    return [
        Credit(t.person_id, names[t.person_id], t.kind) for t in touches if t.person_id in names
    ]
