"""Counting for Mastodon, as the server's StatusLengthValidator does."""

import pytest

from app.compose.count_record import Count
from app.compose.counting import count_text

FAMILY = "👨‍👩‍👧‍👦"  # one grapheme
FLAG = "🇫🇷"  # two regional indicators
E_ACUTE = "e\u0301"  # e + combining acute


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
