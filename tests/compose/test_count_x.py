"""Counting for X: twitter-text's conformance cases, and cases worked out by hand."""

from pathlib import Path

import pytest
import yaml

from app.compose import count_x
from app.compose.count_patterns import twitter_text
from app.compose.count_record import Count
from app.compose.counting import count_text
from app.compose.utf16 import utf16_offset

CONFORMANCE = Path(__file__).parent / "data" / "twitter-text-validate.yml"
# The verbatim copy described in tests/compose/data/README.md: an edit shows here.
CONFORMANCE_SHA256 = "29fa1be663676f3d0bb0a67f393b32c15d92c5dd10db9be401bf7708d7c5b703"
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


def test_the_conformance_file_is_the_verbatim_copy():
    import hashlib

    assert hashlib.sha256(CONFORMANCE.read_bytes()).hexdigest() == CONFORMANCE_SHA256


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
    assert counted.count == twitter_text().parse_tweet(text).weightedLength


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


def test_over_at_in_utf16_for_astral_text():
    counted = count_text("😷" * 141, "x")
    assert counted.over_at == 140
    assert utf16_offset("😷" * 141, counted.over_at) == 280


def test_emoji_found_faster_are_those_twitter_text_finds():
    tt = twitter_text()  # imports twitter_text without pkg_resources
    from twitter_text import extract_emojis_with_indices
    from twitter_text.regexp.emoji import emoji_list

    every = [entry.emoji for entry in emoji_list]
    text = " ".join(every) + "".join(every) + "#1*9©a" + "".join(reversed(every))
    expected = [tuple(e["indices"]) for e in extract_emojis_with_indices(text)]
    assert count_x._find_emojis(text, tt) == expected
    assert len(expected) > 3 * len(every) // 2  # most were found at all


def test_normalised_positions_fall_back_to_ascii_boundaries():
    """Were a normalisation to join two clusters, indexes still land in the text."""

    def joins(text):
        return text.replace("日本", "J")

    # ASCII characters start pieces; what follows one may still join it ("e" + U+0301).
    starts = [count_x._index_before_normalizing("ab日本cd", "abJcd", i, joins) for i in range(5)]
    assert starts == [0, 1, 1, 4, 5]
