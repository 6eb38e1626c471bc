"""Counting for LinkedIn and Threads (code points) and Bluesky (graphemes and bytes)."""

import pytest

from app.compose.count_record import Count
from app.compose.counting import count_text

FAMILY = "👨‍👩‍👧‍👦"  # 7 code points, 25 UTF-8 bytes, one grapheme
FLAG = "🇫🇷"  # two regional indicators
E_ACUTE = "e\u0301"  # e + combining acute


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
