"""Which links Digwell keeps: http(s) with a host, and the fast path agrees with urlsplit."""

import pytest

from app.text.links import safe_link


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


def _safe_link_by_urlsplit(url):
    from urllib.parse import urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def test_safe_link_fast_path_agrees_with_urlsplit():
    import random

    rng = random.Random(7)
    pieces = [
        "http://",
        "https://",
        "HTTP://",
        "h",
        "ttp",
        ":",
        "//",
        "/",
        "?",
        "#",
        "@",
        "[",
        "]",
        "::1",
        "a.example",
        "é",
        "\t",
        "\n",
        "\r",
        " ",
        "\x00",
        "\x7f",
        "%2F",
        "x",
        "8080",
        "user:pw",
        "\u3000",
        "javascript:",
        ".",
        "-",
    ]
    urls = [
        "http://[::1]:80/x",
        "http://[::1/x",
        "https://ex\tample.com/",
        "http:///path",
        "http://\n/path",
        "https://é.example/",
        "https://a.example/é?q=é#é",
        "http://a b/",
        "http://a.example:99999/",
        "https://user:pw@a.example/",
        "http://#frag",
        "http://?q",
    ]
    urls += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    for url in urls:
        assert safe_link(url) == _safe_link_by_urlsplit(url), repr(url)


def test_the_fast_paths_host_class_is_printable_ascii_but_the_url_delimiters():
    import re

    from app.text import links

    host = links._PLAIN_URL.pattern.split("//", 1)[1].split("]+", 1)[0] + "]"
    spelled_out, excluded = re.compile(host), re.compile(r"[^/?#\[\]\x00-\x20\x7f-\U0010ffff]")
    differ = [
        c
        for c in range(0x110000)
        if bool(spelled_out.match(chr(c))) != bool(excluded.match(chr(c)))
    ]
    assert differ == []
