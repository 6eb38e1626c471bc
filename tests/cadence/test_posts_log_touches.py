"""The posts log and the touches a post logged by itself (docs/PEOPLE.md): deleting the
post takes them, restoring it puts them back, whoever holds them."""

from __future__ import annotations

from datetime import date

from app.types import Changes


def _posted_crediting(planner, name: str):
    person = planner.people.add(name, x="@" + name.split()[0].lower())
    draft = planner.drafting.new_draft(
        [], "original-insight", "x", text=f"Thanks @{name.split()[0].lower()}."
    )
    return person, planner.drafting.mark_posted(draft.id, "x")


def test_touches_given_back_explicitly_go_to_the_restored_post(planner):
    lin, post = _posted_crediting(planner, "Lin Chen")
    log = planner.cadence.log
    deleted = log.delete(post.id)
    taken = log.taken_touches(post.id)
    assert [(t.person_id, t.kind, t.on) for t in taken] == [
        (lin.id, "credited", date(2026, 11, 23))
    ]
    # Another log (a command, say) that never deleted it can still put them back.
    from app.cadence.posts_log import PostsLog

    other = PostsLog(log.db, log.clock)
    restored = other.restore(deleted, taken)
    (touch,) = planner.people.touches(lin.id)
    assert touch.post_id == restored.id and touch.auto
    assert planner.people.get(lin.id).gives == 1


def test_a_post_logged_by_hand_touches_nobody(planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    lin, post = _posted_crediting(planner, "Lin Chen")
    log = planner.cadence.log
    hand = log.add(log.parse_input("2026-11-20", "09:00", "x", "share", None, "", "Thanks @lin."))
    assert not seen[-1].people
    log.delete(hand.id)
    assert not seen[-1].people and log.taken_touches(hand.id) == []
    assert [t.post_id for t in planner.people.touches(lin.id)] == [post.id]
