"""The people and touches queries (app/store/people.py, app/store/touches.py): the kept
columns (last touch, gives, asks, due days, keys) follow every write; bulk inserts for
an import; touches behind posts taken back with Undo posted (docs/PEOPLE.md)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from app.errors import NotFoundError
from app.store import people as people_q
from app.store import posts as posts_q
from app.store import touches as touches_q
from app.types import Person

DAY = date(2026, 11, 23)
WIDER = 3


def _add(db, name: str, added: date = DAY, **fields) -> int:
    with db.transaction() as conn:
        return people_q.insert_person(conn, {"name": name, "circle_id": WIDER, **fields}, added)


def _touch(db, person_id: int, kind: str, on: date, now, **extra) -> int:
    with db.transaction() as conn:
        touch_id = touches_q.add_touch(conn, person_id, kind, on, now=now, **extra)
        people_q.refresh_people(conn, [person_id])
    return touch_id


def test_a_person_row_carries_their_interval_and_keys(db):
    person_id = _add(db, "Priya Raman", company="Acme", x="@priyar", website="https://priya.dev")
    priya = people_q.get_person(db, person_id)
    assert (priya.circle, priya.due_on, priya.overdue_on) == (
        "Wider",
        DAY + timedelta(180),
        DAY + timedelta(365),
    )
    keys = {r[0] for r in db.read("SELECT key FROM person_keys WHERE person_id = ?", (person_id,))}
    assert keys == {"n:priya raman", "@priyar", "u:x.com/priyar", "u:priya.dev"}
    assert db.read("SELECT search_key FROM people")[0][0] == "priya raman acme priyar"
    with pytest.raises(NotFoundError):
        people_q.get_person(db, 99)


def test_the_kept_columns_follow_touches(db, clock):
    person_id = _add(db, "Priya Raman")
    now = clock.now()
    _touch(db, person_id, "credited", DAY - timedelta(10), now)
    _touch(db, person_id, "asked", DAY - timedelta(3), now)
    _touch(db, person_id, "talked", DAY - timedelta(20), now)
    priya = people_q.get_person(db, person_id)
    assert (priya.last_touch, priya.gives, priya.asks) == (DAY - timedelta(3), 1, 1)
    assert priya.due_on == DAY - timedelta(3) + timedelta(180)
    with pytest.raises(ValueError, match="unknown touch kind"), db.transaction() as conn:
        touches_q.add_touch(conn, person_id, "poked", DAY, now=now)
    # The schema refuses it too, whoever writes.
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(
            "INSERT INTO touches (person_id, kind, touched_on, created_at)"
            " VALUES (?, 'poked', '2026-11-23', '2026-11-23T09:00:00Z')",
            (person_id,),
        )


def test_a_bulk_import_is_refreshed_once_for_everyone(db, clock):
    rows = [{"name": f"Person {n}", "circle_id": WIDER, "company": "Acme"} for n in range(1200)]
    with db.transaction() as conn:
        ids = people_q.insert_people(conn, rows, DAY)
        touches_q.add_touches(
            conn, [(i, "connected", DAY - timedelta(400), "") for i in ids], clock.now()
        )
        people_q.refresh_people(conn, None)
    assert len(ids) == 1200 and people_q.people_count(db) == 1200
    assert touches_q.touch_count(db) == 1200
    # More than one chunk of ids, in the order asked for.
    picked = ids[::-1][:700]
    assert [p.id for p in people_q.people_by_id(db, picked)] == picked
    assert people_q.due_counts(db, DAY) == (1200, 1200)
    assert len(people_q.due_people(db, DAY, limit=20)) == 20
    assert db.read("SELECT count(*) FROM person_keys")[0][0] == 1200
    # All of them untouched for over a year, none given anything.
    assert len(people_q.prune_candidates(db, DAY - timedelta(365))) == 1200


def test_the_due_list_order_breaks_ties_by_due_day_then_id(db):
    a = _add(db, "A", DAY - timedelta(400))  # wider: overdue since 35 days
    b = _add(db, "B", DAY - timedelta(400))
    c = _add(db, "C", DAY - timedelta(50), circle_id=1)  # close: overdue since 5 days
    d = _add(db, "D", DAY - timedelta(100), ideal_days=50, max_days=365)  # due only
    _add(db, "E", DAY)
    assert [p.id for p in people_q.due_people(db, DAY)] == [a, b, c, d]
    assert people_q.due_counts(db, DAY) == (4, 3)
    assert [p.id for p in people_q.overdue_between(db, DAY - timedelta(10), DAY)] == [c]


def test_searches_fold_punctuation_away_so_nothing_is_a_wildcard(db):
    percent = _add(db, "Sam Lee", company="100% Remote")
    _add(db, "Sam Lee", company="Remote 200")
    underscored = _add(db, "Ana Souza", x="@ana_souza")
    assert people_q.person_ids(db, "100% remote") == [percent]  # every word, "%" dropped
    assert people_q.person_ids(db, "ana_s") == [underscored]  # "ana" and "s"
    assert people_q.person_ids(db, "%") == [underscored, percent, percent + 1]
    assert people_q.people_named(db, "%") == []
    assert len(people_q.people_named(db, "Sam_Lee")) == 2  # punctuation is a space
    assert len(people_q.people_named(db, "sam-lee")) == 2


def test_archived_people_keep_their_row_but_no_matching_keys(db):
    person_id = _add(db, "Priya Raman")
    with db.transaction() as conn:
        people_q.set_archived(conn, [person_id], DAY)
        people_q.refresh_people(conn, [person_id])
    assert db.read("SELECT count(*) FROM person_keys")[0][0] == 0
    assert people_q.person_ids(db) == [] and people_q.people_count(db) == 0
    assert people_q.person_ids(db, archived=True) == [person_id]
    assert people_q.people_count(db, archived=True) == 1
    assert people_q.people_named(db, "priya raman") == []
    assert [p.id for p in people_q.people_named(db, "priya raman", archived=True)] == [person_id]
    assert [p.archived for p in people_q.all_people(db)] == [True]


def test_touches_behind_a_post_are_taken_back_with_it(db, clock):
    now = clock.now()
    priya, sam = _add(db, "Priya Raman"), _add(db, "Sam Lee")
    with db.transaction() as conn:
        post = posts_q.add_post(
            conn, posted_at=now, platform="x", url="https://x.com/me/1", text="Thanks @priyar"
        )
        other = posts_q.add_post(conn, posted_at=now, platform="linkedin")
    auto = _touch(db, priya, "credited", DAY, now, post_id=post, auto=True)
    _touch(db, sam, "thanked", DAY, now, post_id=post, auto=True)
    by_hand = _touch(db, priya, "talked", DAY, now, post_id=post, note="after the post")
    _touch(db, sam, "credited", DAY, now, post_id=other, auto=True)
    shown = touches_q.get_touch(db, auto)
    assert (shown.post_url, shown.post_text, shown.post_platform, shown.auto) == (
        "https://x.com/me/1",
        "Thanks @priyar",
        "x",
        True,
    )
    assert [t.id for t in touches_q.touches_of_post(db, post)] == [auto, auto + 1, by_hand]
    with db.transaction() as conn:
        taken = touches_q.take_auto_touches(conn, [post])
        people_q.refresh_people(conn, [priya, sam])
    assert [(t.person_id, t.kind) for t in taken] == [(priya, "credited"), (sam, "thanked")]
    assert [t.id for t in touches_q.touches_of(db, priya)] == [by_hand]  # by hand: kept
    assert people_q.get_person(db, priya).gives == 0
    assert people_q.get_person(db, sam).gives == 1  # the other post's
    # A post deleted for good leaves the touch, without its link.
    with db.transaction() as conn:
        conn.execute("DELETE FROM posts WHERE id = ?", (post,))
    assert touches_q.get_touch(db, by_hand).post_id is None


def test_gives_are_read_by_day(db, clock):
    now = clock.now()
    priya = _add(db, "Priya Raman")
    _touch(db, priya, "helped", DAY - timedelta(30), now)
    _touch(db, priya, "asked", DAY - timedelta(1), now)
    assert touches_q.gave_since(db, priya, DAY - timedelta(30))
    assert not touches_q.gave_since(db, priya, DAY - timedelta(29))
    assert touches_q.gives_between(db, DAY - timedelta(30), DAY) == [
        ("Priya Raman", "helped", DAY - timedelta(30))
    ]
    assert touches_q.gives_between(db, DAY - timedelta(29), DAY) == []
    assert touches_q.totals(db) == (1, 1)


def test_moving_touches_and_deleting_a_person(db, clock):
    now = clock.now()
    priya, other = _add(db, "Priya Raman"), _add(db, "Priya R.")
    _touch(db, other, "thanked", DAY, now)
    with db.transaction() as conn:
        touches_q.move_touches(conn, other, priya)
        people_q.delete_person(conn, other)
        people_q.refresh_people(conn, [priya])
    assert people_q.get_person(db, priya).gives == 1
    assert [p.id for p in people_q.all_people(db)] == [priya]
    with db.transaction() as conn:
        people_q.delete_person(conn, priya)
    assert touches_q.touch_count(db) == 0


def test_circles_are_kept_in_order_and_their_people_follow_them(db):
    person_id = _add(db, "Ana Souza", circle_id=2)
    with db.transaction() as conn:
        mentors = people_q.add_circle(conn, "Mentors", 60, 75)
        people_q.update_circle(conn, 2, "Team", 10, 20)
    assert [c.name for c in people_q.circles(db)] == ["Close", "Team", "Wider", "Mentors"]
    assert people_q.get_person(db, person_id).due_on == DAY + timedelta(10)
    with db.transaction() as conn:
        people_q.delete_circle(conn, 2, mentors)
    moved = people_q.get_person(db, person_id)
    assert (moved.circle, moved.due_on) == ("Mentors", DAY + timedelta(60))


def test_search_text_folds_names_and_handles():
    person = Person(
        1, "José Núñez", company="Ñandú Ltd", x="@jose_n", mastodon="@jn@social.example"
    )
    assert people_q.search_text(person) == "jose nunez nandu ltd jose n jn social example"
