"""What a failed fetch says: the host and what to do, never the URL."""

import httpx
import pytest

from app.feeds.fetch_messages import duration_words, network_message, status_message


@pytest.mark.parametrize(
    ("seconds", "words"), [(45, "45 s"), (89, "89 s"), (600, "10 min"), (3 * 3600, "3 h")]
)
def test_duration_words(seconds, words):
    assert duration_words(seconds) == words


def test_status_message_gives_a_hint_for_common_codes():
    assert status_message("h", 404, "Not Found").endswith("look for its new address on the site.")
    assert status_message("h", 502, "") == (
        "h answered HTTP 502 (Bad Gateway): a problem on the server; Digwell will try again later."
    )
    # An unknown code: the server's words, trimmed and printable only.
    message = status_message("h", 499, "Odd\x00 " + "x" * 100)
    assert message == f"h answered HTTP 499 (Odd {'x' * 56})."


def test_network_message_never_shows_what_the_exception_says():
    exc = httpx.ConnectError("connect to https://user:secret@h.example/feed?key=abc failed")
    message = network_message(exc, "h.example", 10, 20)
    assert message == "Digwell could not connect to h.example; check your internet connection."


def test_network_message_names_the_time_limits():
    assert "within 3 s" in network_message(httpx.ConnectTimeout("x"), "h", 3, 7)
    assert "for 7 s" in network_message(httpx.ReadTimeout("x"), "h", 3, 7)
