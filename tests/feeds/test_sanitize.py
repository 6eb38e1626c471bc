import pytest

from app.feeds.links import safe_link
from app.feeds.sanitize import first_sentence, html_to_text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x?y=1", "https://a.example/x?y=1"),
        ("  http://a.example/  ", "http://a.example/"),
        ("javascript:alert(1)", ""),
        ("JavaScript:alert(1)", ""),
        ("data:text/html,<script>", ""),
        ("file:///etc/passwd", ""),
        ("https://", ""),
        ("/relative/path", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_link(url, expected):
    assert safe_link(url) == expected


def test_html_to_text_drops_scripts_and_styles_keeps_paragraphs_and_lists():
    markup = (
        "<p>Hello&nbsp;<b>world</b>.</p><script>evil()</script><style>p{}</style>"
        "<ul><li>one</li><li>two</li></ul>"
    )
    assert html_to_text(markup) == "Hello world.\n\n• one\n\n• two"


def test_html_to_text_unescapes_plain_text():
    assert html_to_text("Fish &amp; chips") == "Fish & chips"


def test_first_sentence():
    assert first_sentence("One thing. Another thing.") == "One thing."
    assert first_sentence("No full stop here") == "No full stop here"
    long = "word " * 100
    cut = first_sentence(long, limit=20)
    assert cut.endswith("…") and len(cut) <= 21
