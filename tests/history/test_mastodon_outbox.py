"""Mastodon's outbox.json (app/history/mastodon_outbox.py, docs/HISTORY.md): posts as
plain text with their first link, boosts as reposts, replies to others as engagement,
threads of one's own counted once, direct messages left out; files that are not an
outbox, or cut short, refused whole."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone

import pytest

from app.archives import ZipArchive
from app.errors import DigwellError
from app.history.mastodon_outbox import read_mastodon_zip, read_outbox, read_outbox_file
from app.history.records import Engagement, HistoryPost, Problem
from tests.history.export_files import (
    MASTODON_ACTOR,
    boost,
    mastodon_zip,
    note,
    outbox_json,
    status_uri,
    write_zip,
)

LINKED = (
    '<p>New post on caching. <a href="https://social.example/tags/caching" class="mention '
    'hashtag" rel="tag">#<span>caching</span></a> with <span class="h-card"><a href="https'
    '://other.example/@bo" class="u-url mention">@<span>bo</span></a></span> <a href="https'
    '://example.com/caching?a=1&amp;b=2" target="_blank" rel="nofollow noopener noreferrer">'
    '<span class="invisible">https://</span><span class="">example.com/caching</span></a></p>'
)
ITEMS = [
    note(1, LINKED, "2023-04-01T12:34:56Z"),
    note(2, "<p>First of a thread</p><p>&quot;quoted&quot; &amp; more</p>", "2023-04-02T08:00:00Z"),
    note(3, "<p>Second of it</p>", "2023-04-02T08:01:00Z", reply_to=status_uri(2)),
    note(
        4,
        "<p>@bo yes!</p>",
        "2023-04-03T09:00:00.500Z",
        reply_to="https://other.example/users/bo/statuses/77",
    ),
    boost(5, "2023-04-04T10:00:00Z", "https://other.example/users/bo/statuses/78"),
    note(6, "<p>secret</p>", "2023-04-05T10:00:00Z", to=["https://other.example/users/bo"]),
    {"id": "x", "type": "Like", "actor": MASTODON_ACTOR, "object": "https://o.example/1"},
]


def _outbox(items):
    return read_outbox(io.BytesIO(outbox_json(items).encode()), "outbox.json")


def test_posts_boosts_and_replies_from_the_archive(tmp_path):
    with ZipArchive(mastodon_zip(tmp_path / "archive.zip", ITEMS), "hint") as archive:
        found = read_mastodon_zip(archive)
    assert found.platform == "mastodon" and found.problems == []
    linked, thread, boosted = found.posts
    assert linked == HistoryPost(
        "mastodon",
        status_uri(1),
        datetime(2023, 4, 1, 12, 34, 56, tzinfo=timezone.utc),
        "New post on caching. #caching with @bo https://example.com/caching",
        "https://social.example/@ada/110000000000000001",
        "https://example.com/caching?a=1&b=2",  # not the hashtag's or the mention's link
        False,
    )
    assert thread.text == 'First of a thread\n\n"quoted" & more'
    assert (boosted.repost, boosted.text, boosted.url) == (True, "", "")
    assert boosted.link == "https://other.example/users/bo/statuses/78"
    assert boosted.external_id == status_uri(5) + "/activity"
    # The reply to someone else only; the thread's second post and the DM are left out.
    assert found.engagement == [
        Engagement(
            "mastodon",
            "reply",
            status_uri(4),
            datetime(2023, 4, 3, 9, 0, 0, 500000, tzinfo=timezone.utc),
            "https://social.example/@ada/110000000000000004",
        )
    ]


def test_a_reply_to_an_own_post_not_in_the_archive_is_still_a_thread():
    reply = note(7, "<p>more</p>", "2023-05-01T00:00:00Z", reply_to=f"{MASTODON_ACTOR}/statuses/1")
    found = _outbox([reply])
    assert found.posts == [] and found.engagement == []


def test_a_boost_of_an_embedded_object_links_to_its_id():
    found = _outbox([boost(8, "2023-05-01T00:00:00Z", {"id": "https://o.example/s/1"})])
    assert found.posts[0].link == "https://o.example/s/1"


def test_items_with_problems_are_named():
    no_note = note(9, "<p>x</p>", "2023-05-01T00:00:00Z")
    no_note["object"] = "https://social.example/users/ada/statuses/9"
    bad_date = note(10, "<p>x</p>", "last week")
    found = _outbox([no_note, bad_date, ITEMS[0]])
    assert len(found.posts) == 1
    assert found.problems == [
        Problem("outbox.json item 1", "its object is not a post (Note)."),
        Problem(status_uri(10), "“last week” is not a date like 2023-04-01T12:34:56Z."),
    ]


@pytest.mark.parametrize(
    "text",
    ["[1, 2, 3]", '{"type": "Person", "name": "Ada"}', "<html></html>", ""],
)
def test_a_file_that_is_not_an_outbox_is_refused(text):
    with pytest.raises(DigwellError, match="is not Mastodon's outbox"):
        read_outbox(io.BytesIO(text.encode()), "outbox.json")


def test_truncated_json_is_refused_and_nothing_is_kept():
    whole = outbox_json(ITEMS)
    with pytest.raises(DigwellError, match=r"outbox\.json is not whole JSON"):
        read_outbox(io.BytesIO(whole[: len(whole) - 40].encode()), "outbox.json")


def test_an_outbox_after_a_long_context_is_still_known():
    outbox = json.loads(outbox_json(ITEMS[:1]))
    outbox["@context"].append({f"term{n}": f"https://ns.example/{n}" for n in range(3000)})
    text = json.dumps(outbox)
    assert text.index('"OrderedCollection"') > 64 * 1024
    assert len(read_outbox(io.BytesIO(text.encode()), "outbox.json").posts) == 1


def test_a_zip_without_an_outbox_is_refused(tmp_path):
    path = write_zip(tmp_path / "archive.zip", {"actor.json": "{}"})
    with ZipArchive(path, "hint") as archive, pytest.raises(DigwellError, match=r"no outbox\.json"):
        read_mastodon_zip(archive)


def test_a_lone_outbox_json(tmp_path):
    path = tmp_path / "outbox.json"
    path.write_text(outbox_json(ITEMS), encoding="utf-8")
    seen = []
    found = read_outbox_file(path, lambda done, total: seen.append((done, total)))
    assert len(found.posts) == 3 and seen == [(path.stat().st_size,) * 2]
