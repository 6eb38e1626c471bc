"""The tag-by-tag reader: where it differs from HTMLParser, it drops rather than shows."""

import pytest

from app.text.html_reader import read_html


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('a <a href="x>b', "a b"),  # unterminated: dropped up to the next ">"
        ('Read more <a href="http://ex', "Read more "),  # no ">" after it: to the end
        ("x<y and more", "x"),  # a "<" that starts a tag name: as in a browser
        ("x < y", "x < y"),
        ("a<a\x00>b", "a\x00>b"),  # HTMLParser gives up on this tag: its "<a" is dropped
        ("a<![bogus>b", "ab"),  # HTMLParser raises AssertionError
        ("a<!-- never closed <b>c</b>", "ac"),  # up to the next "<": no tag is swallowed
    ],
)
def test_broken_markup_is_dropped(markup, expected):
    assert read_html(markup) == expected


def test_script_and_style_run_to_their_end_tag():
    assert read_html("a<script>if (a<b) x='</p>'</script>b") == "ab"
    assert read_html("a<style>p{}</STYLE >b") == "ab"
    assert read_html("a<script>never closed <p>x") == "a"


def test_block_tags_show_their_line_breaks_and_entities_are_decoded():
    assert read_html("<p>a &amp; b</p><ul><li>c</li></ul>") == "\na & b\n\n\n• c\n\n"
