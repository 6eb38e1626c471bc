"""Counting as each platform does: twitter-text's conformance cases for X, and cases
worked out by hand for every platform."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from app.compose import counting
from app.compose.counting import (
    Count,
    count_text,
    index_from_utf16,
    utf16_offset,
)
from app.errors import DigwellError

DATA = Path(__file__).parent / "data" / "twitter-text-validate.yml"
SHARED = Path(__file__).parents[3] / "shared" / "conformance" / "twitter-text-validate.yml"
CONFORMANCE = SHARED if SHARED.exists() else DATA
SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")


def _cases():
    tests = yaml.safe_load(CONFORMANCE.read_text(encoding="utf-8"))["tests"]
    return [
        pytest.param(case["text"], case["expected"], id=f"{section}: {case['description']}")
        for section in SECTIONS
        for case in tests[section]
    ]


CASES = _cases()

FAMILY = "👨‍👩‍👧‍👦"  # 7 code points, 11 UTF-16 units, 25 UTF-8 bytes, one grapheme
FLAG = "🇫🇷"  # two regional indicators
E_ACUTE = "e\u0301"  # e + combining acute: NFC makes it é


def test_the_conformance_sections_are_all_there():
    assert len(CASES) == 24


@pytest.mark.skipif(not SHARED.exists(), reason="no shared/ beside the repository")
def test_the_copy_in_tests_matches_the_shared_conformance_file():
    assert DATA.read_bytes() == SHARED.read_bytes()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_x_passes_twitter_text_conformance(text, expected):
    counted = count_text(text, "x")
    assert counted.count == expected["weightedLength"]
    # twitter-text calls an empty tweet invalid; Digwell's counter flags nothing there.
    assert (counted.ok and counted.count > 0) == expected["valid"]
    # validRangeEnd is the last UTF-16 index that fits; over_at the first str index that
    # does not.
    end = len(text) if counted.over_at is None else counted.over_at
    assert utf16_offset(text, end) - 1 == expected["validRangeEnd"]


# LinkedIn ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("hello", 5), (FAMILY, 7), (FLAG, 2), (E_ACUTE, 2), ("é", 1), ("日本語", 3)],
)
def test_linkedin_counts_code_points(text, count):
    assert count_text(text, "linkedin") == Count("linkedin", count, 3000)


def test_linkedin_over_the_limit():
    counted = count_text("a" * 3001, "linkedin")
    assert counted == Count("linkedin", 3001, 3000, 3000, ("1 over the limit of 3,000.",))
    assert not counted.ok
    assert counted.remaining == -1
    assert count_text("a" * 3000, "linkedin").ok


# X -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("hello", 5),
        ("日本語", 6),  # CJK weighs 2
        (FAMILY, 2),  # an emoji sequence weighs 2, however many code points
        (FLAG, 2),
        ("🙋🏽", 2),  # with a skin tone
        ("1\ufe0f\u20e3", 2),  # keycap
        (E_ACUTE, 1),  # NFC: é
        ("é", 1),
        ("Read https://example.com/a/very/long/path/that/goes/on", 5 + 23),
        ("example.com", 23),  # twitter-text finds bare domains too
        ("a\r\nb", 3),  # CR LF is one line break
        ("\u2014 \u2019", 3),  # general punctuation weighs 1
    ],
)
def test_x_weighs_as_twitter_text(text, count):
    counted = count_text(text, "x")
    assert counted == Count("x", count, 280)
    assert counted.count == counting._twitter_text().parse_tweet(text).weightedLength


def test_x_a_url_that_crosses_the_limit_stops_at_its_start():
    text = "x" * 270 + " https://example.com"
    assert count_text(text, "x") == Count("x", 294, 280, 271, ("14 over the limit of 280.",))


def test_x_an_emoji_that_crosses_the_limit_stops_at_its_start():
    assert count_text("a" * 279 + "😷", "x").over_at == 279
    assert count_text("a" * 278 + "😷", "x").ok


def test_x_cjk_over_the_limit():
    counted = count_text("日" * 141, "x")
    assert (counted.count, counted.over_at) == (282, 140)


def test_x_over_at_is_an_index_into_the_text_as_given_not_the_normalised_one():
    text = E_ACUTE * 281  # 562 code points, 281 after NFC
    counted = count_text(text, "x")
    assert (counted.count, counted.over_at) == (281, 560)
    assert count_text(text[: counted.over_at], "x").ok


def test_x_over_at_after_a_line_ending_change():
    text = "\r\n" * 10 + "a" * 271  # the CR LFs count 10
    assert count_text(text, "x").over_at == 20 + 270


def test_x_refuses_invisible_characters_even_under_the_limit():
    counted = count_text("hi\ufeffthere", "x")
    assert counted.count == 9  # U+FEFF weighs 2
    assert counted.over_at == 2
    assert counted.problems == ("Contains U+FEFF, an invisible character X refuses: delete it.",)
    assert not counted.ok


def test_x_with_another_limit():
    assert count_text("a" * 30, "x", limit=25).over_at == 25


def test_emoji_found_faster_are_those_twitter_text_finds():
    tt = counting._twitter_text()  # imports twitter_text without pkg_resources
    from twitter_text import extract_emojis_with_indices
    from twitter_text.regexp.emoji import emoji_list

    every = [entry.emoji for entry in emoji_list]
    text = " ".join(every) + "".join(every) + "#1*9©a" + "".join(reversed(every))
    expected = [tuple(e["indices"]) for e in extract_emojis_with_indices(text)]
    assert counting._find_emojis(text, tt) == expected
    assert len(expected) > 3 * len(every) // 2  # most were found at all


# Mastodon ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("   \n", 0),  # blank: the server counts nothing
        ("hello", 5),
        ("Read https://example.com/some/really/long/path/to/an/article", 5 + 23),
        ("http://a.co", 23),  # short URLs count 23 too
        ("example.com", 11),  # without http(s):// it is text
        ("@ada@mastodon.social hi", 7),  # a remote mention counts "@ada"
        ("@ada hi", 7),
        ("write to ada@example.com", 24),  # an address is no mention
        (FAMILY, 1),  # grapheme clusters
        (FLAG, 1),
        (E_ACUTE, 1),
        ("日本語", 3),
    ],
)
def test_mastodon_counts_as_the_server_does(text, count):
    assert count_text(text, "mastodon") == Count("mastodon", count, 500)


def test_mastodon_a_url_that_crosses_the_limit_stops_at_its_start():
    text = "a" * 490 + " https://example.com/x"
    assert count_text(text, "mastodon") == Count(
        "mastodon", 514, 500, 491, ("14 over the limit of 500.",)
    )


def test_mastodon_over_the_limit_inside_a_remote_mention():
    text = "a" * 498 + " @ada@example.social"  # counts 498 + 1 + len("@ada")
    assert count_text(text, "mastodon") == Count(
        "mastodon", 503, 500, 500, ("3 over the limit of 500.",)
    )


def test_mastodon_after_a_url_positions_are_the_texts_own():
    text = "https://example.com/" + "a" * 600 + " " + "b" * 500
    counted = count_text(text, "mastodon")
    assert counted.count == 23 + 1 + 500
    assert counted.over_at == len(text) - 24


def test_mastodon_instance_limit():
    assert count_text("a" * 600, "mastodon", limit=1000) == Count("mastodon", 600, 1000)


# Bluesky -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("hello", 5), (FAMILY, 1), (FLAG + "🇩🇪", 2), (E_ACUTE, 1), ("日本語", 3)],
)
def test_bluesky_counts_graphemes(text, count):
    assert count_text(text, "bluesky") == Count("bluesky", count, 300)


def test_bluesky_over_on_a_grapheme_boundary():
    assert count_text("a" * 299 + E_ACUTE, "bluesky").ok
    counted = count_text("a" * 300 + E_ACUTE, "bluesky")
    assert counted == Count("bluesky", 301, 300, 300, ("1 over the limit of 300.",))


def test_bluesky_bytes():
    assert count_text(FAMILY * 120, "bluesky").ok  # 3,000 bytes exactly
    counted = count_text(FAMILY * 121, "bluesky")
    assert counted == Count(
        "bluesky", 121, 300, 120 * 7, ("Over Bluesky's 3,000-byte limit (3,025 bytes).",)
    )


def test_bluesky_over_both_limits():
    counted = count_text("日" * 1001, "bluesky")  # 3 bytes each
    assert counted.over_at == 300
    assert counted.problems == (
        "701 over the limit of 300.",
        "Over Bluesky's 3,000-byte limit (3,003 bytes).",
    )


# Threads -----------------------------------------------------------------------


def test_threads_counts_code_points():
    assert count_text(FAMILY, "threads") == Count("threads", 7, 500)
    assert count_text("a" * 501, "threads").over_at == 500


def test_threads_at_most_five_links():
    link = "https://example.com/1 "
    assert count_text(link * 5, "threads").ok
    assert count_text(link * 6, "threads") == Count(
        "threads", 132, 500, 110, ("6 links: Threads allows at most 5.",)
    )


def test_threads_over_in_two_ways_stops_at_the_first():
    text = "see example.com " * 6 + "a" * 500
    counted = count_text(text, "threads")
    assert counted.over_at == 5 * 16 + 4
    assert counted.problems == ("96 over the limit of 500.", "6 links: Threads allows at most 5.")


# The API -----------------------------------------------------------------------


def test_unknown_platform():
    with pytest.raises(DigwellError, match="no platform 'myspace'"):
        count_text("hi", "myspace")


def test_a_limit_below_one_is_a_mistake():
    with pytest.raises(ValueError, match="at least 1"):
        count_text("hi", "x", limit=0)


@pytest.mark.parametrize("key", ["linkedin", "x", "mastodon", "bluesky", "threads"])
def test_empty_text_counts_zero_and_is_not_flagged(key):
    counted = count_text("", key)
    assert (counted.count, counted.over_at, counted.problems, counted.ok) == (0, None, (), True)


def test_utf16_offsets_for_qt():
    text = "a😷b" + FAMILY
    assert [utf16_offset(text, i) for i in range(len(text) + 1)] == [
        0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15,
    ]  # fmt: skip
    assert [index_from_utf16(text, u) for u in range(16)] == [
        0, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 7, 8, 9, 9, 10,
    ]  # fmt: skip
    assert utf16_offset("abc", 2) == 2
    with pytest.raises(IndexError):
        utf16_offset(text, len(text) + 1)
    with pytest.raises(IndexError):
        index_from_utf16(text, 16)
    with pytest.raises(IndexError):
        index_from_utf16("abc", 4)


def test_over_at_in_utf16_for_astral_text():
    counted = count_text("😷" * 141, "x")
    assert counted.over_at == 140
    assert utf16_offset("😷" * 141, counted.over_at) == 280


def test_emoji_search_falls_back_to_the_whole_regex_if_the_package_changes():
    import re
    import types

    changed = types.SimpleNamespace(
        emoji=re.compile("ab|c"), multi_codepoint_emoji_joined="ab", single_codepoint_emoji_raw="d"
    )
    tt = types.SimpleNamespace(**counting._emoji_matchers(changed))
    assert counting._find_emojis("xabcabx", tt) == [(1, 3), (3, 4), (4, 6)]


def test_preload_makes_the_first_count_quick():
    counting.preload()
    assert {"twitter_text", "graphemes", "mentions"} <= set(counting._cache)


def test_normalised_positions_fall_back_to_ascii_boundaries():
    """Were a normalisation to join two clusters, indexes still land in the text."""

    def joins(text):
        return text.replace("日本", "J")

    # ASCII characters start pieces; what follows one may still join it ("e" + U+0301).
    starts = [counting._index_before_normalizing("ab日本cd", "abJcd", i, joins) for i in range(5)]
    assert starts == [0, 1, 1, 4, 5]


def test_twitter_text_loads_without_pkg_resources_and_without_warnings():
    """twitter-text-parser imports pkg_resources, which new setuptools deprecates and
    Python 3.12+ virtual environments lack; the counters never need it."""
    code = (
        "import sys\n"
        "sys.modules['pkg_resources'] = None  # as if setuptools were not installed\n"
        "from app.compose.counting import count_text\n"
        "assert count_text('hi 😷 https://example.com', 'x').count == 29\n"
        "print(sys.modules['pkg_resources'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "None"
