from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.errors import FeedError
from app.feeds.parse import MAX_FEED_BYTES, parse_feed

DATA = Path(__file__).parent / "data"


def test_rss_golden_file():
    feed = parse_feed((DATA / "minimal.rss.xml").read_bytes())
    assert feed.title == "Golden & RSS"
    assert feed.site_url == "https://golden.example/"
    first, link_only, bare, hostile = feed.entries
    assert first.key == "guid:golden-1"
    assert first.title == "Golden paths, not golden cages"
    assert first.author == "Ada Q. Writer"
    assert first.published == datetime(2026, 11, 22, 7, 30, tzinfo=timezone.utc)
    # summary_html is stored as the feed sent it (never rendered); the text has no script.
    assert "<script>alert(1)</script>" in first.summary_html
    assert "alert" not in first.summary_text
    assert first.summary_text == "First paragraph. Second sentence.\n\nSecond para."
    assert link_only.key == "link:https://golden.example/link-only"
    assert link_only.author == "Grace Editor"
    assert bare.key.startswith("title:")
    assert hostile.link == ""  # javascript: is dropped
    assert hostile.summary_text == "Tracked."


def test_atom_golden_file_prefers_content_and_reads_unicode():
    feed = parse_feed((DATA / "minimal.atom.xml").read_bytes())
    (entry,) = feed.entries
    assert entry.title == "Staff engineers & the art of the memo"
    assert entry.author == "Renée Müller"
    assert entry.key == "guid:urn:uuid:memo"
    assert entry.summary_text == "The full content wins over the summary."
    assert entry.published == datetime(2026, 11, 21, 14, 0, tzinfo=timezone.utc)


def test_title_and_date_key_is_stable_across_parses():
    a = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries[2].key
    b = parse_feed((DATA / "minimal.rss.xml").read_bytes()).entries[2].key
    assert a == b


def test_refuses_str_input():
    with pytest.raises(TypeError):
        parse_feed("/etc/passwd")  # type: ignore[arg-type]


def test_a_body_that_looks_like_a_path_is_not_read_as_a_file():
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(str(DATA / "minimal.rss.xml").encode())


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
def test_refuses_entity_declarations(codec):
    doc = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa">]>'
        "<rss version='2.0'><channel><title>&a;&a;</title></channel></rss>"
    )
    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(doc.encode(codec))


@pytest.mark.parametrize("padding", ["<!--" + "x" * 70_000 + "-->", " " * 70_000])
def test_refuses_entity_declarations_pushed_far_into_the_body(padding):
    # Past the first 64 KB, where the check used to stop: feedparser's loose parser then
    # took 6 s and 800 MB on a billion laughs behind 1 MB of padding.
    doc = (
        f'<?xml version="1.0"?>{padding}<!DOCTYPE r [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]>'
        "<rss version='2.0'><channel><title>&b;&b;</title></channel></rss>"
    )
    with pytest.raises(FeedError, match="declares XML entities"):
        parse_feed(doc.encode())


def test_refuses_oversized_body_before_parsing():
    with pytest.raises(FeedError, match="over Digwell's 10 MB limit"):
        parse_feed(b" " * (MAX_FEED_BYTES + 1))


@pytest.mark.parametrize("body", [b"", b"   \n"])
def test_empty_body(body):
    with pytest.raises(FeedError, match="The feed is empty"):
        parse_feed(body)


def test_html_page_is_not_a_feed():
    page = b"<!doctype html><html><head><title>Hi</title></head><body><p>x</p></body></html>"
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(page)


def test_a_title_that_is_text_keeps_its_angle_brackets():
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Why vector&lt;int&gt; beats x&lt;y</title><link>https://a.example/1</link>"
        b"</item><item><title>&lt;b&gt;Bold&lt;/b&gt; move</title><link>https://a.example/2</link>"
        b"</item></channel></rss>"
    )
    titles = [entry.title for entry in parse_feed(body).entries]
    assert titles == ["Why vector<int> beats x<y", "Bold move"]


def test_refusals_are_worded_as_users_see_them():
    refusals = {
        b" " * (MAX_FEED_BYTES + 1): (
            "The feed is 10 MB, over Digwell's 10 MB limit; it was not read.",
            "Ask the publisher for a smaller feed.",
        ),
        b" \n": ("The feed is empty.", "The server sent no content; try again later."),
        b'<!DOCTYPE r [<!ENTITY a "b">]><rss/>': (
            "The feed declares XML entities, which Digwell refuses for safety.",
            "Ask the publisher to remove the DOCTYPE entity declarations.",
        ),
    }
    for body, words in refusals.items():
        with pytest.raises(FeedError) as caught:
            parse_feed(body)
        assert (caught.value.message, caught.value.hint) == words


def test_a_byte_order_mark_alone_is_not_called_empty():
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"\xef\xbb\xbf")
