"""Where a preview link goes, and the note beside it."""

import pytest

from app.text.preview_links import link_target, target_note


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://x.org/a", "https://x.org/a"),
        (" https://x.org/\ta ", "https://x.org/a"),
        ("java\tscript:alert(1)", ""),
        ("https://x.org/\x01", ""),
        ("ftp://x.org/", ""),
        (None, ""),
    ],
)
def test_link_target(href, expected):
    assert link_target(href) == expected


def test_target_note():
    assert target_note("https://x.org/a", "Read this") == "x.org/a"
    assert target_note("https://x.org/", "Read this") == "x.org"
    assert target_note("https://x.org/a", "www.x.org/a/") == ""
    assert target_note("https://user@evil.example/", "bank.example") == "evil.example"
    assert target_note("https://аpple.com/", "apple") == "xn--pple-43d.com"
    long = target_note("https://x.org/" + "a" * 100, "go")
    assert len(long) == 60 and long.endswith("…")
