"""Correcting many posts at once (app/cadence/bulk_edit.py, through the posts log): one
transaction, all or none, announced once (docs/HISTORY.md, "Kinds and themes")."""

from datetime import timedelta

import pytest

from app.cadence.post_fields import PostInput
from app.cadence.posts_log import PostsLog
from app.errors import DigwellError
from app.store.themes import save_theme
from app.types import Changes, Theme
from tests.conftest import NOW


@pytest.fixture
def heard():
    return []


@pytest.fixture
def log(db, planner, heard) -> PostsLog:
    with db.transaction() as conn:
        save_theme(conn, Theme(0, "Platform engineering"), 0)
        save_theme(conn, Theme(0, "Hiring"), 1)
    log = PostsLog(db, planner.clock, heard.append)
    for day in range(5):
        when = NOW - timedelta(days=day + 1)
        log.add(PostInput(when, "linkedin", "share", None, f"https://example.org/{day}", ""))
    heard.clear()
    return log


def _theme(log: PostsLog, name: str) -> int:
    return next(t.id for t in log.themes() if t.name == name)


def _ids(log: PostsLog) -> list[int]:
    return sorted(p.id for p in log.list())


def test_set_kind_changes_every_selected_post_and_nothing_else(log, heard):
    ids = _ids(log)
    assert log.set_kind(ids[:3], "Original") == 3
    kinds = {p.id: p.kind for p in log.list()}
    assert [kinds[i] for i in ids] == ["original"] * 3 + ["share"] * 2
    assert heard == [Changes(posts=True)]  # once for the lot


def test_set_theme_sets_and_clears_a_theme(log, heard):
    ids = _ids(log)
    hiring = _theme(log, "Hiring")
    assert log.set_theme(ids[1:4], hiring) == 3
    themes = {p.id: p.theme_id for p in log.list()}
    assert [themes[i] for i in ids] == [None, hiring, hiring, hiring, None]
    assert log.set_theme(ids[2:], None) == 3
    themes = {p.id: p.theme_id for p in log.list()}
    assert [themes[i] for i in ids] == [None, hiring, None, None, None]
    assert heard == [Changes(posts=True)] * 2


def test_a_post_deleted_meanwhile_changes_nothing(log, heard):
    ids = _ids(log)
    log.delete(ids[-1])
    heard.clear()
    with pytest.raises(DigwellError) as caught:
        log.set_kind(ids, "credit")
    assert caught.value.message == f"There is no post {ids[-1]}."
    assert {p.kind for p in log.list()} == {"share"}  # the others were rolled back
    assert heard == []


def test_bad_input_is_refused_with_a_message_and_changes_nothing(log, db, heard):
    ids = _ids(log)
    with pytest.raises(DigwellError) as caught:
        log.set_kind(ids, "rant")
    assert caught.value.message == "'rant' is not a kind of post."
    with pytest.raises(DigwellError) as caught:
        log.set_kind([], "original")
    assert caught.value.message == "No posts are selected."
    gone = _theme(log, "Hiring")
    with db.transaction() as conn:
        conn.execute("DELETE FROM themes WHERE id = ?", (gone,))
    with pytest.raises(DigwellError) as caught:
        log.set_theme(ids, gone)
    assert caught.value.message == "That theme is no longer in your strategy."
    assert {(p.kind, p.theme_id) for p in log.list()} == {("share", None)}
    assert heard == []


def test_a_thousand_posts_change_in_one_go(log, planner):
    start = NOW - timedelta(days=400)
    for n in range(1000):
        when = start + timedelta(hours=n)
        log.add(PostInput(when, "x", "share", None, "", f"post {n}"))
    ids = _ids(log)
    assert log.set_kind(ids, "original") == 1005
    assert {p.kind for p in log.list()} == {"original"}
