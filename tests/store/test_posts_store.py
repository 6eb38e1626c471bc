"""Queries on the posts log: updating, restoring, and what an import compares."""

from datetime import datetime, timedelta, timezone

import pytest

from app.errors import NotFoundError
from app.store import posts as posts_q
from app.store.themes import save_theme
from app.types import Theme
from tests.conftest import NOW


def _add(db, planner, **fields) -> int:
    values = {"posted_at": NOW - timedelta(days=1), "platform": "linkedin", **fields}
    with db.transaction() as conn:
        return posts_q.add_post(conn, **values)


def test_update_post_changes_only_the_given_fields(db, planner):
    post_id = _add(db, planner, url="https://example.org/a", text="Hello")
    later = NOW - timedelta(hours=2)
    with db.transaction() as conn:
        posts_q.update_post(conn, post_id, posted_at=later, kind="original")
    post = posts_q.get_post(db, post_id)
    assert post.posted_at == later and post.kind == "original"
    assert post.url == "https://example.org/a" and post.text == "Hello"
    assert post.platform == "linkedin"


def test_update_post_refuses_unknown_fields_kinds_and_missing_posts(db, planner):
    post_id = _add(db, planner)
    with db.transaction() as conn:
        with pytest.raises(ValueError, match="no editable field id"):
            posts_q.update_post(conn, post_id, id=99)
        with pytest.raises(ValueError, match="unknown post kind"):
            posts_q.update_post(conn, post_id, kind="rant")
        with pytest.raises(NotFoundError, match="no post 999"):
            posts_q.update_post(conn, 999, text="x")
        with pytest.raises(NotFoundError):
            posts_q.update_post(conn, 999)


def test_restore_post_keeps_its_id_and_drops_a_vanished_theme(db, planner):
    with db.transaction() as conn:
        theme_id = save_theme(conn, Theme(0, "Hiring"))
    post_id = _add(db, planner, theme_id=theme_id, text="On hiring")
    post = posts_q.get_post(db, post_id)
    with db.transaction() as conn:
        posts_q.delete_post(conn, post_id)
        conn.execute("DELETE FROM themes WHERE id = ?", (theme_id,))
    with db.transaction() as conn:
        restored_id = posts_q.restore_post(conn, post)
    assert restored_id == post_id
    assert posts_q.get_post(db, post_id) == post._replace(theme_id=None)


def test_restore_post_takes_a_new_id_when_the_old_one_is_used(db, planner):
    post_id = _add(db, planner)
    post = posts_q.get_post(db, post_id)
    with db.transaction() as conn:
        new_id = posts_q.restore_post(conn, post)
    assert new_id != post_id and posts_q.post_count(db) == 2


def test_post_exists_and_post_keys_compare_time_platform_and_url(db, planner):
    when = datetime(2026, 11, 20, 11, 0, tzinfo=timezone.utc)
    _add(db, planner, posted_at=when, url="https://example.org/p")
    _add(db, planner, posted_at=when, url="https://example.org/p")
    assert posts_q.post_exists(db, when, "linkedin", "https://example.org/p")
    assert not posts_q.post_exists(db, when, "x", "https://example.org/p")
    assert not posts_q.post_exists(db, when, "linkedin", "")
    assert not posts_q.post_exists(
        db, when + timedelta(minutes=1), "linkedin", "https://example.org/p"
    )
    keys = posts_q.post_keys(db.conn)
    assert keys == {("2026-11-20T11:00:00Z", "linkedin", "https://example.org/p"): 2}
    assert posts_q.post_count(db) == 2
