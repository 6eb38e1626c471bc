import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.errors import FeedError
from app.feeds.jsonfeed import looks_like_json_feed, parse_json_feed
from app.feeds.parse import MAX_FEED_BYTES
from app.types import ParsedFeed

SAMPLES = Path(__file__).parent / "samples"
V11 = "https://jsonfeed.org/version/1.1"


def _feed(items: list, **top) -> bytes:
    return json.dumps({"version": V11, "title": "T", "items": items, **top}).encode()


def _one(item: dict, **top):
    (entry,) = parse_json_feed(_feed([item], **top)).entries
    return entry


def test_json_feed_1_1_sample():
    feed = parse_json_feed((SAMPLES / "feed-1.1.json").read_bytes())
    assert isinstance(feed, ParsedFeed)
    assert feed.title == "Renée's notes & links"
    assert feed.site_url == "https://notes.example/"
    assert feed.warning == (
        "The feed has errors but was read: skipped 1 item that is not an object."
    )
    first, hostile, link_blog, bare = feed.entries

    assert first.key == "guid:https://notes.example/2026/11/golden-paths"
    assert first.guid == "https://notes.example/2026/11/golden-paths"
    assert first.title == "Golden paths, not golden cages"
    assert first.link == "https://notes.example/2026/11/golden-paths"
    assert first.author == "Ada Q. Writer, Grace Editor"  # 1.1 authors; the nameless one left out
    assert first.published == datetime(2026, 11, 22, 7, 30, tzinfo=timezone.utc)
    # content_html wins over summary, and nothing in it can run.
    assert first.summary_html == (
        '<p>First paragraph. <a href="https://notes.example/about">About</a></p>'
        '<p>Second <b>para</b>.</p><img alt="x">'
    )
    for banned in ("script", "alert", "onclick", "javascript", "style", "iframe", "evil"):
        assert banned not in first.summary_html
    assert first.summary_text == "First paragraph. About\n\nSecond para."

    assert hostile.link == ""  # javascript: url dropped
    assert hostile.key == "guid:42"  # a numeric id read as a string, as the spec says
    assert hostile.author == "Renée Müller"  # no item authors: the feed's
    assert hostile.published is None
    assert hostile.summary_html == (
        "<p>Plain text content.</p><p>With a second paragraph &amp; an ampersand.</p>"
    )
    assert hostile.summary_text == "Plain text content.\n\nWith a second paragraph & an ampersand."

    assert link_blog.link == "https://elsewhere.example/article"  # external_url as fallback
    assert link_blog.title == "A link-blog post about someone else's article, with no title."
    assert link_blog.published == datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)

    assert bare.key.startswith("title:")
    assert bare.published is None
    assert bare.title == "No id, no url, no date: only text."


def test_json_feed_1_0_sample_with_single_author_objects():
    feed = parse_json_feed((SAMPLES / "feed-1.0.json").read_bytes())
    assert feed.title == "Old-style JSON Feed"
    assert feed.warning == ""
    own, inherited = feed.entries
    assert own.author == "Ada Q. Writer"
    assert inherited.author == "Grace Editor"  # "email (Name)" read as parse.py does
    assert own.published == datetime(2026, 11, 21, 19, 0, tzinfo=timezone.utc)
    assert inherited.published == datetime(2026, 11, 21, tzinfo=timezone.utc)
    assert inherited.link == "https://old.example/posts/two"  # relative to home_page_url
    assert inherited.summary_text == "Only a summary."


def test_keys_follow_the_rss_rule_guid_then_link_then_title_and_date():
    assert _one({"id": "a", "url": "https://x.example/1"}).key == "guid:a"
    assert _one({"url": "https://x.example/1"}).key == "link:https://x.example/1"
    first = _one({"title": "Same", "date_published": "2026-01-01T00:00:00Z"}).key
    again = _one({"title": "Same", "date_published": "2026-01-01T00:00:00Z"}).key
    other = _one({"title": "Same", "date_published": "2026-01-02T00:00:00Z"}).key
    assert first == again != other
    assert _one({"id": True, "url": "https://x.example/b"}).key == "link:https://x.example/b"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-22T08:30:00Z", datetime(2026, 11, 22, 8, 30, tzinfo=timezone.utc)),
        ("2026-11-22T08:30:00.999+01:00", datetime(2026, 11, 22, 7, 30, tzinfo=timezone.utc)),
        ("2026-11-22t08:30:00-0530", datetime(2026, 11, 22, 14, 0, tzinfo=timezone.utc)),
        ("2026-11-22 08:30:00", datetime(2026, 11, 22, 8, 30, tzinfo=timezone.utc)),
        ("2026-11-22T08:30", datetime(2026, 11, 22, 8, 30, tzinfo=timezone.utc)),
        ("2026-12-31T23:59:60Z", datetime(2026, 12, 31, 23, 59, 59, tzinfo=timezone.utc)),
        ("2026-02-30T00:00:00Z", None),
        ("0001-01-01T00:00:00+01:00", None),
        ("Sun, 22 Nov 2026 08:30:00 GMT", None),
        ("", None),
        (1700000000, None),
        (None, None),
    ],
)
def test_dates_are_aware_utc(value, expected):
    assert _one({"id": "x", "date_published": value}).published == expected


def test_date_modified_stands_in_for_a_missing_date_published():
    entry = _one({"id": "x", "date_published": "garbage", "date_modified": "2026-01-01T00:00:00Z"})
    assert entry.published == datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_sanitizer_keeps_structure_and_drops_the_rest():
    html = (
        '<div><h2 class="x">Title</h2><ul><li>one<li>two</ul>'
        "<p>Unclosed <em>emphasis<p>next</p>"
        '<a href="https://ok.example/" title="t" target="_blank">ok</a>'
        '<a href="data:text/html,x">data</a><a>bare</a>'
        '<img src="/img.png" onerror="x()" width="10"><br/><hr>'
        "<noscript><p>hidden</p></noscript><style>p{}</style><svg><script>x</script></svg>"
        "<embed src=x><form><input value=1>field</form><!-- comment -->"
        "&lt;script&gt; stays text &amp; &#x263A;"
        "</div></span></b>"
    )
    entry = _one({"id": "x", "url": "https://site.example/post/", "content_html": html})
    assert entry.summary_html == (
        "<div><h2>Title</h2><ul><li>one<li>two</li></li></ul>"
        "<p>Unclosed <em>emphasis<p>next</p>"
        '<a href="https://ok.example/" title="t">ok</a><a>data</a><a>bare</a>'
        '<img src="https://site.example/img.png" width="10"><br><hr>'
        "field&lt;script&gt; stays text &amp; ☺</em></p></div>"
    )


def test_content_text_and_summary_are_escaped_not_interpreted():
    entry = _one({"id": "x", "content_text": "a <b>bold</b> claim\nnext line"})
    assert entry.summary_html == "<p>a &lt;b&gt;bold&lt;/b&gt; claim<br>next line</p>"
    assert entry.summary_text == "a <b>bold</b> claim\nnext line"
    assert _one({"id": "x", "summary": "Just <i>this</i>"}).summary_text == "Just <i>this</i>"
    assert _one({"id": "x"}).summary_html == ""
    assert _one({"id": "x"}).title == "(untitled)"


def test_titles_and_authors_are_single_clean_lines():
    entry = _one(
        {
            "id": "x",
            "title": "  <b>Bold</b>\n title &amp; more ",
            "authors": [{"name": " Ada "}, {"name": "Ada"}, "not an object", {"name": 7}],
        }
    )
    assert entry.title == "Bold title & more"
    assert entry.author == "Ada, 7"


def test_lone_surrogates_do_not_reach_the_store():
    body = _feed([{"id": "x", "title": "a\ud800b"}])  # json.dumps escapes it, as a publisher may
    (entry,) = parse_json_feed(body).entries
    entry.title.encode("utf-8")  # would raise on a lone surrogate
    assert entry.title == "a?b"


def test_reads_a_byte_order_mark_and_php_escaped_slashes():
    body = b'\xef\xbb\xbf{"version":"https:\\/\\/jsonfeed.org\\/version\\/1","items":[]}'
    assert parse_json_feed(body).entries == ()
    assert looks_like_json_feed(body, "text/html")


def test_expired_feed_is_read_with_a_warning():
    feed = parse_json_feed(_feed([], expired=True))
    assert feed.warning == "The publisher marked this feed as expired: it will not be updated."


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<!doctype html><html><body>Hi</body></html>", r"not valid JSON \(line 1, column 1"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [}', "not valid JSON"),
        (b"\xff\xfe\x00\x00garbage", "not a JSON Feed"),
        (b"[1, 2, 3]", "does not declare a jsonfeed.org version"),
        (b'{"items": []}', "does not declare a jsonfeed.org version"),
        (b'{"version": "1.1", "items": []}', "does not declare a jsonfeed.org version"),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "has no list of items"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": {}}', "has no list of items"),
        (b"[" * 100_000 + b"]" * 100_000, "could not be read as JSON"),
    ],
)
def test_refuses_what_is_not_a_json_feed(body, message):
    with pytest.raises(FeedError, match=message):
        parse_json_feed(body)


def test_html_gets_a_hint_about_web_pages():
    with pytest.raises(FeedError) as caught:
        parse_json_feed(b"  <html></html>")
    assert "web page or an RSS feed" in caught.value.hint


def test_refuses_oversized_empty_and_str():
    with pytest.raises(FeedError, match="over Digwell's 10 MB limit"):
        parse_json_feed(b" " * (MAX_FEED_BYTES + 1))
    with pytest.raises(FeedError, match="The feed is empty"):
        parse_json_feed(b"\xef\xbb\xbf \n")
    with pytest.raises(TypeError):
        parse_json_feed("{}")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "application/json", True),
        (b'  {"version": "https://jsonfeed.org/version/1"}', "", True),
        (b'{"version": "https://jsonfeed.org/version/1.1"}', "text/plain; charset=utf-8", True),
        (b'{"title": "x", "items": []}', "application/feed+json; charset=utf-8", True),
        (b'{"title": "x", "items": []}', "application/json", False),
        (b"<rss/>", "application/feed+json", False),
        (b"[]", "application/json", False),
        (b"", "application/feed+json", False),
    ],
)
def test_looks_like_json_feed(body, content_type, expected):
    assert looks_like_json_feed(body, content_type) is expected


def test_refusals_are_worded_as_users_see_them():
    refusals = {
        b" " * (MAX_FEED_BYTES + 1): (
            "The feed is 10 MB, over Digwell's 10 MB limit; it was not read.",
            "Ask the publisher for a smaller feed.",
        ),
        b"\xef\xbb\xbf": ("The feed is empty.", "The server sent no content; try again later."),
    }
    for body, words in refusals.items():
        with pytest.raises(FeedError) as caught:
            parse_json_feed(body)
        assert (caught.value.message, caught.value.hint) == words


def test_an_entity_marker_in_a_json_string_is_just_text():
    feed = parse_json_feed(_feed([{"id": "1", "title": "<!ENTITY x>"}]))
    assert feed.entries[0].title == "<!ENTITY x>"
