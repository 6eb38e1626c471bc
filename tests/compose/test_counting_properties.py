"""Properties of the counters on generated texts: X against twitter-text's own
parse_tweet, and what must hold for every platform."""

import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from app.compose import count_x
from app.compose.count_characters import BLUESKY_MAX_BYTES
from app.compose.count_mastodon import MASTODON_URL_LENGTH
from app.compose.count_patterns import twitter_text
from app.compose.counting import count_text
from app.compose.utf16 import index_from_utf16, utf16_offset

PLATFORMS = ["linkedin", "x", "mastodon", "bluesky", "threads"]

# Pieces that stress the counters: URLs, mentions, emoji sequences, CJK, combining
# marks, line endings, characters NFC changes, characters X refuses.
PIECES = [
    "a", "Z", " ", "  ", "\n", "\r", "\r\n", ".", "/", ":", "-", "@", "＠", "#", "*", "1",
    "é", "e\u0301", "\u0301", "\u0323", "A\u030a", "\u212b", "\u0958", "\u1100\u1161\u11a8",
    "각", "日", "本語", "，", "😷", "👨\u200d👩\u200d👧\u200d👦", "🇫🇷", "🏽", "\u200d", "\ufe0f",
    "1\ufe0f\u20e3", "#\u20e3", "©", "\ufeff", "\uffff", "\u2000", "\u202a", "\u2014",
    "https://", "http://", "example.com", "t.co/abc123", "www.", ".jp", "/path?q=1",
    "@ada", "@ada@example.social", "ada@example.com", "xxxxxxxxxx",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)
limits = st.integers(min_value=1, max_value=60)
platforms = st.sampled_from(PLATFORMS)
FAST = settings(max_examples=150, deadline=None)
GRAPHEME = regex.compile(r"\X")


@FAST
@given(texts, platforms, limits)
def test_every_count_is_consistent(text, key, limit):
    counted = count_text(text, key, limit=limit)
    assert counted.platform == key
    assert counted.limit == limit
    assert counted.count >= 0
    assert counted.ok == (counted.over_at is None) == (not counted.problems)
    if counted.count > limit:
        assert not counted.ok
    if counted.over_at is not None:
        assert 0 <= counted.over_at < len(text)


@FAST
@given(texts, st.sampled_from(["linkedin", "threads"]))
def test_linkedin_and_threads_count_code_points(text, key):
    assert count_text(text, key).count == len(text)


@FAST
@given(texts)
def test_bluesky_counts_graphemes_no_more_than_code_points(text):
    counted = count_text(text, "bluesky")
    assert counted.count == len(GRAPHEME.findall(text)) <= len(text)


@FAST
@given(texts, texts, st.sampled_from(["linkedin", "bluesky", "threads"]))
def test_appending_never_lowers_the_count(text, more, key):
    assert count_text(text + more, key).count >= count_text(text, key).count


@FAST
@given(texts, st.sampled_from(["linkedin", "bluesky", "threads"]), limits)
def test_what_comes_before_over_at_fits(text, key, limit):
    counted = count_text(text, key, limit=limit)
    if counted.over_at is not None:
        assert count_text(text[: counted.over_at], key, limit=limit).count <= limit
        if key == "bluesky":
            assert len(text[: counted.over_at].encode()) <= BLUESKY_MAX_BYTES


@FAST
@given(texts, limits)
def test_bluesky_over_at_is_on_a_grapheme_boundary(text, limit):
    over_at = count_text(text, "bluesky", limit=limit).over_at
    if over_at is not None:
        assert over_at in {m.start() for m in GRAPHEME.finditer(text)}


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=1, max_value=80))
def test_x_agrees_with_parse_tweet(text, limit):
    tt = twitter_text()
    options = {**tt.options, "max_weighted_tweet_length": limit}
    parsed = tt.parse_tweet(text, options)
    counted = count_text(text, "x", limit=limit)
    assert counted.count == parsed.weightedLength
    if text:
        assert counted.ok == parsed.valid
    normalized = tt.normalize(text)
    if counted.over_at is None:
        assert parsed.validRangeEnd == utf16_offset(text, len(text)) - 1
    elif normalized == text and counted.over_at > 0:
        # parse_tweet's valid range ends on the last UTF-16 unit that fits
        assert parsed.validRangeEnd == utf16_offset(text, counted.over_at) - 1


@FAST
@given(texts)
def test_emoji_found_faster_are_those_twitter_text_finds(text):
    from twitter_text import extract_emojis_with_indices

    tt = twitter_text()
    normalized = tt.normalize(text)
    expected = [tuple(e["indices"]) for e in extract_emojis_with_indices(normalized)]
    assert count_x._find_emojis(normalized, tt) == expected


@FAST
@given(texts, limits)
def test_x_over_at_never_splits_what_normalisation_joined(text, limit):
    """Cut at over_at, the text normalises to a prefix of the normalised whole."""
    tt = twitter_text()
    over_at = count_text(text, "x", limit=limit).over_at
    if over_at is not None:
        assert tt.normalize(text).startswith(tt.normalize(text[:over_at]))


@FAST
@given(st.text(alphabet="abcXYZ ,;!?'()-_\n\t\r", max_size=400))
def test_x_plain_latin_without_urls_weighs_one_a_character(text):
    assert count_text(text, "x").count == len(text.replace("\r\n", "\n"))


@FAST
@given(st.text(alphabet="日本語中文かなカナ한국어", max_size=200))
def test_x_cjk_weighs_two_a_character(text):
    assert count_text(text, "x").count == 2 * len(unicodedata.normalize("NFC", text))


@FAST
@given(texts.filter(lambda t: ":" not in t and "@" not in t and "＠" not in t))
def test_mastodon_without_urls_or_mentions_counts_graphemes(text):
    expected = 0 if text.isspace() else len(GRAPHEME.findall(text))
    assert count_text(text, "mastodon").count == expected


@FAST
@given(texts)
def test_mastodon_counts_no_more_than_graphemes_with_urls_at_23(text):
    """A URL counts 23, a remote mention less than itself: a text full of short URLs
    counts more than its graphemes, but never more than that."""
    urls = twitter_text().extract_urls_with_indices(text, extract_urls_without_protocol=False)
    bound = len(GRAPHEME.findall(text)) + MASTODON_URL_LENGTH * len(urls)
    assert count_text(text, "mastodon").count <= bound


@FAST
@given(texts)
def test_utf16_positions_round_trip(text):
    for index in range(len(text) + 1):
        offset = utf16_offset(text, index)
        assert offset == len(text[:index].encode("utf-16-le")) // 2
        assert index_from_utf16(text, offset) == index
