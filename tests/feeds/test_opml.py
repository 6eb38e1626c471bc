from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.errors import DigwellError
from app.feeds import opml
from app.feeds.opml import (
    MAX_OPML_BYTES,
    OpmlError,
    OpmlFeed,
    OpmlImport,
    export_opml,
    parse_opml,
    strip_secrets,
)

SAMPLES = Path(__file__).parent / "samples"
CREATED = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def _opml(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n'
        f"<head><title>t</title></head>\n<body>\n{body}\n</body>\n</opml>\n"
    ).encode()


def test_sample_export_from_a_reader():
    result = parse_opml((SAMPLES / "subscriptions.opml").read_bytes())
    assert isinstance(result, OpmlImport)
    assert result.feeds == [
        OpmlFeed(
            "https://kubernetes.io/feed.xml",
            "Kubernetes Blog",
            "https://kubernetes.io/",
            ("Team Topologies",),
        ),
        OpmlFeed(
            "https://martinfowler.com/feed.atom",
            "Martin Fowler",
            "https://martinfowler.com",
            ("Platform engineering", "Écrire & publier"),
        ),
        OpmlFeed(
            "https://itrevolution.com/feed/",
            "IT Revolution",
            "https://itrevolution.com/",
            ("Team Topologies",),
        ),
        OpmlFeed(
            "https://renee.example/index.xml?lang=de&format=rss",
            "Renée Müller — Notizen",
            "https://renee.example/",
            ("Écrire & publier",),
        ),
    ]
    assert [name for name, _ in result.skipped] == ["Old intranet feed", "Podcast"]
    assert "file:///srv/share/news.xml is not http or https" in result.skipped[0][1]


def test_nested_folders_file_feeds_under_the_innermost_named_folder():
    doc = _opml(
        '<outline text="Outer"><outline text="Inner">'
        '<outline type="rss" text="Deep" xmlUrl="https://deep.example/feed"/></outline>'
        '<outline title="">'  # a nameless folder keeps the enclosing name
        '<outline type="rss" text="Nameless" xmlUrl="https://nameless.example/feed"/></outline>'
        '<outline type="rss" text="Shallow" xmlUrl="https://shallow.example/feed"/></outline>'
        '<outline type="rss" text="Top" xmlUrl="https://top.example/feed"/>'
    )
    themes = {f.title: f.themes for f in parse_opml(doc).feeds}
    assert themes == {
        "Deep": ("Inner",),
        "Nameless": ("Outer",),
        "Shallow": ("Outer",),
        "Top": (),
    }


def test_same_url_in_several_folders_is_one_feed_with_all_themes():
    doc = _opml(
        '<outline text="A"><outline text="F" xmlUrl="https://f.example/rss"/></outline>'
        '<outline text="B"><outline text="F again" xmlUrl="https://f.example/rss"'
        ' htmlUrl="https://f.example/"/></outline>'
        '<outline text="A"><outline text="F" xmlUrl="https://f.example/rss"/></outline>'
        '<outline text="F top" xmlUrl="https://f.example/rss"/>'
    )
    (feed,) = parse_opml(doc).feeds
    assert feed == OpmlFeed("https://f.example/rss", "F", "https://f.example/", ("A", "B"))


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "feed://x.example/rss", "/relative.xml"]
)
def test_non_http_feeds_are_skipped_with_a_reason(url):
    doc = _opml(
        f'<outline text="Bad" xmlUrl="{url}"/><outline text="Good" xmlUrl="https://ok.example/"/>'
    )
    result = parse_opml(doc)
    assert [f.url for f in result.feeds] == ["https://ok.example/"]
    assert result.skipped == [
        ("Bad", f"its address {url} is not http or https, which Digwell won't follow")
    ]


def test_feed_outline_without_address_is_reported_but_empty_folders_are_not():
    doc = _opml(
        '<outline text="Broken" type="rss" htmlUrl="https://site.example/"/>'
        '<outline text="Empty folder"/>'
    )
    result = parse_opml(doc)
    assert result.feeds == []
    assert result.skipped == [("Broken", "it has no feed address (xmlUrl)")]


def test_attribute_names_in_any_case_and_whitespace_tidied():
    doc = _opml('<outline TEXT="  Spaced \n title " XMLURL=" https://case.example/feed "/>')
    assert parse_opml(doc).feeds == [OpmlFeed("https://case.example/feed", "Spaced title", "", ())]


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">]>',
        '<!DOCTYPE opml SYSTEM "http://evil.example/opml.dtd">',
        "<!doctype opml>",
    ],
)
def test_refuses_doctype_and_entities(codec, prolog):
    doc = f'<?xml version="1.0"?>{prolog}<opml version="2.0"><body/></opml>'
    with pytest.raises(OpmlError, match="DOCTYPE or entity declaration"):
        parse_opml(doc.encode(codec))


def test_doctype_padded_far_into_the_document_is_refused():
    doc = "<?xml version='1.0'?>" + "<!-- pad -->" * 20000 + "<!DOCTYPE opml><opml/>"
    with pytest.raises(OpmlError, match="DOCTYPE"):
        parse_opml(doc.encode())


def test_the_parser_refuses_a_doctype_the_byte_scan_missed(monkeypatch):
    monkeypatch.setattr(opml, "_GUARD", opml._GUARD._replace(markers=()))
    with pytest.raises(OpmlError, match="DOCTYPE or entity declaration"):
        parse_opml(b'<!DOCTYPE opml [<!ENTITY a "b">]><opml><body/></opml>')


def test_malformed_xml_names_the_line():
    doc = b'<?xml version="1.0"?>\n<opml>\n<body>\n<outline text="x">\n</body>\n</opml>'
    with pytest.raises(OpmlError) as caught:
        parse_opml(doc)
    assert caught.value.message == "The OPML file is not well-formed XML at line 5: mismatched tag."
    assert "export it again" in caught.value.hint
    assert isinstance(caught.value, DigwellError)


def test_not_xml_at_all():
    with pytest.raises(OpmlError, match="not well-formed XML at line 1: syntax error"):
        parse_opml(b"Name,URL\nBlog,https://blog.example/feed\n")


def test_an_rss_feed_is_not_opml():
    with pytest.raises(OpmlError) as caught:
        parse_opml(b'<rss version="2.0"><channel><title>x</title></channel></rss>')
    assert caught.value.message == (
        "This file is not an OPML subscription list: it is a <rss> document, not <opml>."
    )
    assert "add its address as a feed" in caught.value.hint


def test_other_xml_is_not_opml():
    with pytest.raises(OpmlError, match=r"it is a <html> document, not <opml>\. Export"):
        parse_opml(b"<html><body><p>hi</p></body></html>")


def test_opml_without_body():
    with pytest.raises(OpmlError, match="has no <body>"):
        parse_opml(b'<opml version="2.0"><head/></opml>')


def test_refuses_oversized_and_empty_and_str():
    with pytest.raises(OpmlError, match="over Digwell's 5 MB limit"):
        parse_opml(b" " * (MAX_OPML_BYTES + 1))
    with pytest.raises(OpmlError, match="The OPML file is empty"):
        parse_opml(b"  \n")
    with pytest.raises(TypeError):
        parse_opml("/etc/passwd")  # type: ignore[arg-type]


def test_deep_nesting_does_not_exhaust_the_stack():
    depth = 5000
    doc = _opml(
        '<outline text="f">' * depth
        + '<outline text="Deep" xmlUrl="https://deep.example/"/>'
        + "</outline>" * depth
    )
    assert parse_opml(doc).feeds == [OpmlFeed("https://deep.example/", "Deep", "", ("f",))]


def test_round_trip_keeps_feeds_and_themes():
    fowler = OpmlFeed(
        "https://martinfowler.com/feed.atom", "Martin Fowler", "https://martinfowler.com"
    )
    k8s = OpmlFeed("https://kubernetes.io/feed.xml", "Kubernetes Blog", "https://kubernetes.io/")
    renee = OpmlFeed(
        "https://renee.example/index.xml?lang=de&format=rss", "Renée Müller — «Notizen»"
    )
    loose = OpmlFeed("http://loose.example/rss", "Loose <b>&</b> unfiled")
    untitled = OpmlFeed("https://untitled.example/feed", "")
    data = export_opml(
        [("Platform engineering", [fowler, k8s]), ("Écrire & publier", [renee, fowler])],
        [loose, untitled],
        title="Digwell subscriptions",
        created=CREATED,
    )
    assert parse_opml(data) == OpmlImport(
        feeds=[
            fowler._replace(themes=("Platform engineering", "Écrire & publier")),
            k8s._replace(themes=("Platform engineering",)),
            renee._replace(themes=("Écrire & publier",)),
            loose,
            untitled,
        ],
        skipped=[],
    )


def test_export_document_shape():
    data = export_opml(
        [("Platform", [OpmlFeed("https://a.example/feed", "A", "https://a.example/")])],
        [OpmlFeed("https://b.example/feed", "", "")],
        title="Digwell — Ada's feeds",
        created=datetime(2026, 11, 23, 10, 0, tzinfo=timezone(timedelta(hours=1))),
    )
    assert data.decode("utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<opml version="2.0">\n'
        "  <head>\n"
        "    <title>Digwell — Ada's feeds</title>\n"
        "    <dateCreated>Mon, 23 Nov 2026 09:00:00 GMT</dateCreated>\n"
        "  </head>\n"
        "  <body>\n"
        '    <outline text="Platform" title="Platform">\n'
        '      <outline type="rss" text="A" title="A" xmlUrl="https://a.example/feed"'
        ' htmlUrl="https://a.example/" />\n'
        "    </outline>\n"
        '    <outline type="rss" text="https://b.example/feed" title="https://b.example/feed"'
        ' xmlUrl="https://b.example/feed" />\n'
        "  </body>\n"
        "</opml>\n"
    )


def test_export_takes_a_naive_date_as_utc():
    data = export_opml([], [], title="t", created=datetime(2026, 1, 2, 3, 4, 5))
    assert b"<dateCreated>Fri, 02 Jan 2026 03:04:05 GMT</dateCreated>" in data


def test_export_never_writes_a_secret():
    feed = OpmlFeed(
        "https://ada:hunter2@private.example/feed.xml?token=T1&page=2&API_KEY=K2&Access-Token=A3"
        "&x-api-key=K4&auth=A5&password=P6&secret=S7&apikey=K8&key=K9&private_token=T10&q=a%20b",
        "Private",
        "https://ada:hunter2@private.example/?session_secret=S11",
    )
    data = export_opml([("Work", [feed])], [feed], title="t", created=CREATED)
    text = data.decode()
    for secret in ("ada", "hunter2", "T1", "K2", "A3", "K4", "A5", "P6", "S7", "K8", "K9", "T10"):
        assert f"{secret}&" not in text and f"={secret}" not in text and f"{secret}@" not in text
    assert "S11" not in text
    (parsed,) = parse_opml(data).feeds
    assert parsed.url == "https://private.example/feed.xml?page=2&q=a%20b"
    assert parsed.site_url == "https://private.example/"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/feed", "https://example.com/feed"),
        ("https://u@example.com:8443/f?monkey=1", "https://example.com:8443/f?monkey=1"),
        ("https://example.com/f?Token=x#frag", "https://example.com/f#frag"),
        ("https://example.com/f?a=1&&b=2&apikey", "https://example.com/f?a=1&b=2"),
        ("https://example.com/f?keys=1&keyword=2", "https://example.com/f?keys=1&keyword=2"),
        ("", ""),
    ],
)
def test_strip_secrets(url, expected):
    assert strip_secrets(url) == expected


def test_export_drops_characters_xml_cannot_hold():
    feed = OpmlFeed("https://c.example/feed", "Bell\x07 and NUL\x00 title")
    data = export_opml([("Th\x01eme", [feed])], [], title="x\x1b", created=CREATED)
    (parsed,) = parse_opml(data).feeds
    assert parsed.title == "Bell and NUL title"
    assert parsed.themes == ("Theme",)


def test_non_ascii_in_utf16_document():
    doc = (
        '<?xml version="1.0" encoding="UTF-16"?><opml version="2.0"><body>'
        '<outline text="日本語のテーマ"><outline text="Ünïcødé ✓" xmlUrl="https://u.example/ф"/>'
        "</outline></body></opml>"
    )
    (feed,) = parse_opml(doc.encode("utf-16")).feeds
    assert feed == OpmlFeed("https://u.example/ф", "Ünïcødé ✓", "", ("日本語のテーマ",))


def test_refusals_are_worded_as_users_see_them():
    refusals = {
        b" " * (MAX_OPML_BYTES + 1): (
            "The OPML file is 5 MB, over Digwell's 5 MB limit; it was not read.",
            "A subscription list is usually a few kilobytes: check that this is the right file.",
        ),
        b" \n": ("The OPML file is empty.", "Export your subscriptions again and retry."),
        b"<!DOCTYPE opml><opml/>": (
            "The OPML file contains a DOCTYPE or entity declaration, which Digwell refuses "
            "for safety.",
            "Remove the <!DOCTYPE ...> line from the file, or export it again, then retry.",
        ),
    }
    for body, words in refusals.items():
        with pytest.raises(OpmlError) as caught:
            parse_opml(body)
        assert (caught.value.message, caught.value.hint) == words
