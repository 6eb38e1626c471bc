"""The fast path must give exactly what feedparser gives, or step aside.

The core is differential: every document is read twice, through parse_feed as it runs
(fast path first) and through parse_feed with the fast path switched off (feedparser), and
the two ParsedFeeds must be equal, field for field. Documents the fast path is built for
must actually take it, or the optimisation is silently lost; documents it must not read
must fall back, and still parse through feedparser.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import FeedError
from app.feeds import fastparse
from app.feeds.parse import parse_feed

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
RSS_HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}
ATOM_HEADERS = {"content-type": "application/atom+xml; charset=utf-8"}


def _outcome(body: bytes, headers):
    try:
        return parse_feed(body, headers)
    except FeedError as err:
        return ("FeedError", err.message)


def _both(body: bytes, headers, monkeypatch):
    """(fast path's answer or None, parse_feed as it runs, parse_feed through feedparser)."""
    fast = fastparse.parse_simple(body, headers)
    public = _outcome(body, headers)
    with monkeypatch.context() as patch:
        patch.setattr(fastparse, "parse_simple", lambda body, headers=None: None)
        slow = _outcome(body, headers)
    return fast, public, slow


def _assert_same(fast, slow) -> None:
    # Field by field first, so that a failure names the field.
    assert (fast.title, fast.site_url, fast.warning) == (slow.title, slow.site_url, slow.warning)
    assert len(fast.entries) == len(slow.entries)
    for mine, theirs in zip(fast.entries, slow.entries, strict=True):
        assert mine._asdict() == theirs._asdict()
    assert fast == slow


def _bench_feeds(count: int):
    spec = importlib.util.spec_from_file_location("bench_refresh", ROOT / "bench" / "refresh.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [module.make_feed(i) for i in range(count)]


# ---------------------------------------------------------------------------
# Documents the fast path is for: it must take them and agree with feedparser

REAL_FILES = sorted((HERE / "data").glob("*.xml")) + sorted((ROOT / "resources/demo").glob("*.xml"))


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("headers", [None, RSS_HEADERS], ids=["no-headers", "http"])
def test_sample_and_demo_feeds_take_the_fast_path_and_agree(path, headers, monkeypatch):
    fast, public, slow = _both(path.read_bytes(), headers, monkeypatch)
    assert fast is not None, "the fast path must read this feed"
    _assert_same(fast, slow)
    assert public == fast


BENCH = _bench_feeds(30)


@pytest.mark.parametrize("feed", BENCH, ids=lambda f: f.path.rsplit("/", 1)[-1])
def test_bench_feeds_take_the_fast_path_and_agree(feed, monkeypatch):
    headers = {"content-type": feed.content_type, "content-encoding": "gzip", "etag": feed.etag}
    fast, public, slow = _both(feed.body, headers, monkeypatch)
    assert fast is not None, "the fast path must read this feed"
    assert len(fast.entries) == 50
    _assert_same(fast, slow)
    assert public == fast


RSS_NAMESPACES = (
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:media="http://search.yahoo.com/mrss/" '
    'xmlns:slash="http://purl.org/rss/1.0/modules/slash/" '
    'xmlns:wfw="http://wellformedweb.org/commentAPI/"'
)
CHANNEL = "<title>Tricky</title><link>https://tricky.example/</link><description>d</description>"


def rss(items: str, channel: str = CHANNEL, declaration: str = "", extra_ns: str = "") -> bytes:
    declaration = declaration or '<?xml version="1.0" encoding="UTF-8"?>\n'
    return (
        f'{declaration}<rss version="2.0" {RSS_NAMESPACES} {extra_ns}>\n'
        f"<channel>\n{channel}\n{items}\n</channel>\n</rss>\n"
    ).encode()


ATOM_HEAD = (
    '<title>Tricky Atom</title><link href="https://atom.example/"/>'
    "<id>urn:uuid:feed</id><updated>2026-11-22T10:00:00Z</updated>"
)


def atom(entries: str, head: str = ATOM_HEAD, extra_ns: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" {extra_ns}>\n{head}\n{entries}\n</feed>\n'
    ).encode()


def item(*parts: str) -> str:
    return "<item>" + "".join(parts) + "</item>"


def entry(*parts: str) -> str:
    return "<entry>" + "".join(parts) + "</entry>"


T = "<title>A title</title>"
L = "<link>https://tricky.example/a</link>"
D = "<pubDate>Sun, 22 Nov 2026 08:30:00 +0100</pubDate>"
AID = "<id>urn:uuid:1</id>"
AL = '<link href="https://atom.example/1"/>'
AU = "<updated>2026-11-22T10:00:00Z</updated>"

FAST_CASES = {
    # links and guids
    "guid-as-link": rss(item(T, "<guid>https://tricky.example/g</guid>", D)),
    "guid-permalink-true": rss(item(T, '<guid isPermaLink="true">https://t.example/g</guid>')),
    "guid-permalink-false": rss(item(T, '<guid isPermaLink="false">https://t.example/g</guid>')),
    "guid-permalink-False": rss(item(T, '<guid isPermaLink="False">https://t.example/g</guid>')),
    "guid-permalink-TRUE": rss(item(T, '<guid isPermaLink="TRUE">https://t.example/g</guid>')),
    "attribute-name-case": rss(item(T, '<guid ISPERMALINK="false">https://t.example/g</guid>')),
    "guid-before-link": rss(item(T, "<guid>https://t.example/g</guid>", L)),
    "link-before-guid": rss(item(T, L, "<guid>https://t.example/g</guid>")),
    "empty-link-then-guid": rss(item(T, "<link></link>", "<guid>https://t.example/g</guid>")),
    "guid-then-empty-link": rss(item(T, "<guid>https://t.example/g</guid>", "<link/>")),
    "empty-guid": rss(item(T, "<guid></guid>", D)),
    "relative-links": rss(item(T, "<link>/2026/11/post</link>", "<guid>post-1</guid>")),
    "extra-slashes": rss(item(T, "<link>https:////tricky.example//a</link>")),
    "javascript-link": rss(item(T, "<link>javascript:alert(1)</link>")),
    "query-ampersands": rss(
        item(T, "<link>https://t.example/?a=1&amp;b=2&amp;amp;c=3&amp;copy;d</link>")
    ),
    "feed-link-ampersands": rss(
        item(T, L), channel="<title>x</title><link>https://t.example/?a=1&amp;amp;b&amp;c;</link>"
    ),
    "atom-link-in-rss-item": rss(
        item(T, L, '<atom:link rel="alternate" type="text/html" href="https://t.example/alt"/>')
    ),
    "atom-self-link-in-rss": rss(
        item(T, L),
        channel=CHANNEL
        + '<atom:link href="https://tricky.example/feed" rel="self" type="application/rss+xml"/>'
        '<atom:link rel="hub" href="https://hub.example/"/>',
    ),
    "atom-alternate-in-channel": rss(
        item(T, L), channel=CHANNEL + '<atom:link href="https://t.example/other"/>'
    ),
    "non-ascii-link": rss(item(T, "<link>https://tricky.example/café/ü</link>")),
    # titles
    "missing-title": rss(
        item(L, "<description>&lt;p&gt;Only a body here.&lt;/p&gt;</description>")
    ),
    "empty-title": rss(item("<title></title>", L, "<description>Body text.</description>")),
    "blank-title": rss(item("<title>  \n\t </title>", L, "<description>Body.</description>")),
    "long-body-as-title": rss(item(L, "<description>" + "word " * 80 + "</description>")),
    "no-title-no-body": rss(item(L)),
    "html-in-title": rss(item("<title>&lt;b&gt;Bold&lt;/b&gt; move &amp; more</title>", L)),
    "lt-in-text-title": rss(item("<title>vector&lt;int&gt; and x&lt;y</title>", L)),
    "cdata-title": rss(item("<title><![CDATA[<em>Emph</em> & <b>bold</b>]]></title>", L)),
    "entities": rss(
        item("<title>Fish &amp;amp; chips &#8217;n&#x2014; &lt;tag&gt; &quot;q&quot;</title>", L)
    ),
    "comment-in-title": rss(item("<title>Half<!-- hidden -->way<?pi x?> there</title>", L)),
    "uppercase-element-names": rss(
        item("<Title>Shouting</Title>", "<LINK>https://t.example/u</LINK>")
    ),
    "title-type-html": rss(item('<title type="html">&lt;i&gt;x&lt;/i&gt;</title>', L)),
    "whitespace-padded": rss(
        item(
            "<title>\n   Padded   title \n</title>",
            "<link>\n  https://tricky.example/padded  \n</link>",
            "<guid>\n padded-guid \n</guid>",
            "<author>\n ada@example.com (Ada)  \n</author>",
            "<pubDate>\n  Sun, 22 Nov 2026 08:30:00 GMT \n</pubDate>",
            "<description>\n  &lt;p&gt; body &lt;/p&gt;  \n</description>",
        ),
        channel="<title>\n  Spaced  \n</title><link>\n https://tricky.example/ \n</link>",
    ),
    "nbsp-and-unicode-spaces": rss(item("<title>&#160;Non\u2003breaking&#160;</title>", L)),
    "crlf-body": rss(item(T, L, "<description>line one\r\nline two\r\n\r\npara</description>")),
    # text encodings of the characters themselves
    "non-ascii": rss(
        item("<title>Renée Müller — 日本語 😀</title>", L, "<dc:creator>Zoë</dc:creator>")
    ),
    "mojibake-repaired": rss(item("<title>CafÃ© crÃ¨me</title>", L, "<author>RenÃ©e</author>")),
    "c1-controls": rss(
        item("<title>Quote &#147;this&#148; &#150; done&#133; now&#133;</title>", L)
    ),
    # authors
    "dc-creator": rss(item(T, L, "<dc:creator>Ada Lovelace</dc:creator>")),
    "author-email-name": rss(item(T, L, "<author>ada@example.com (Ada Lovelace)</author>")),
    "author-long-tld": rss(item(T, L, "<author>ada@example.engineering (Ada L.)</author>")),
    "author-name-email": rss(item(T, L, "<author>Ada Lovelace &lt;ada@example.com&gt;</author>")),
    "author-email-only": rss(item(T, L, "<author>ada@example.com</author>")),
    "author-html": rss(item(T, L, "<author>&lt;b&gt;Ada&lt;/b&gt; &amp; Co</author>")),
    # bodies
    "content-encoded-preferred": rss(
        item(T, L, "<description>Short.</description>", "<content:encoded>Long.</content:encoded>")
    ),
    "content-encoded-first": rss(
        item(T, L, "<content:encoded>Long.</content:encoded>", "<description>Short.</description>")
    ),
    "content-encoded-empty": rss(
        item(T, L, "<description>Short.</description>", "<content:encoded></content:encoded>")
    ),
    "content-encoded-only": rss(
        item(T, L, "<content:encoded><![CDATA[<p>Hi</p>]]></content:encoded>")
    ),
    "content-encoded-empty-only": rss(item(T, L, "<content:encoded/>")),
    "empty-description": rss(item(T, L, "<description/>")),
    "script-in-body": rss(
        item(
            T, L, "<description>&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description>"
        )
    ),
    # dates
    "dc-date-only": rss(item(T, L, "<dc:date>2026-11-21T09:00:00-05:00</dc:date>")),
    "dc-date-day-only": rss(item(T, L, "<dc:date>2026-11-21</dc:date>")),
    "pubdate-and-dc-date": rss(item(T, L, D, "<dc:date>2020-01-01T00:00:00Z</dc:date>")),
    "empty-pubdate-and-dc-date": rss(
        item(T, L, "<pubDate></pubDate>", "<dc:date>2020-01-01T00:00:00Z</dc:date>")
    ),
    "empty-pubdate": rss(item(T, L, "<pubDate> </pubDate>")),
    "future-date": rss(item(T, L, "<pubDate>Fri, 31 Dec 2099 23:59:59 -1200</pubDate>")),
    "named-zones": rss(
        "".join(
            item(f"<title>{zone}</title>", f"<pubDate>Tue, 03 Mar 2026 10:00:00 {zone}</pubDate>")
            for zone in ("EST", "EDT", "PST", "pdt", "UT", "UTC", "Z", "GMT", "CET", "MEST", "Y")
        )
    ),
    "odd-rfc822-forms": rss(
        "".join(
            item(f"<title>{i}</title>", f"<pubDate>{d}</pubDate>")
            for i, d in enumerate(
                (
                    "3 Mar 2026 10:00 +0530",
                    "Tuesday, 3 March 2026 10:00:00 +05:30",
                    "tue, 03 mar 2026 23:59:59 -0000",
                    "Sat, 29 Feb 2028 12:00:00 GMT",
                    "Mon  9   Feb   2026   9:05:00   GMT",
                )
            )
        )
    ),
    "iso-pubdate": rss(item(T, L, "<pubDate>2026-11-21T09:00:00.123+05:30</pubDate>")),
    "timezone-crosses-midnight": rss(
        item(T, L, "<pubDate>Thu, 01 Jan 2026 00:30:00 +0100</pubDate>")
    ),
    # other elements, harmless or vetted
    "categories-enclosure-source": rss(
        item(
            T,
            L,
            '<category domain="https://t.example/tags">one</category><category>two</category>',
            '<enclosure url="https://t.example/a.mp3" length="1" type="audio/mpeg"/>',
            '<source url="https://other.example/feed">Other</source>',
            "<comments>https://t.example/a#comments</comments>",
            "<slash:comments>3</slash:comments><wfw:commentRss>https://t.example/c</wfw:commentRss>",
            '<media:content url="https://t.example/i.jpg" medium="image"/>',
            '<media:thumbnail url="https://t.example/t.jpg"/>',
        )
    ),
    "unknown-namespaces": rss(
        item(
            T,
            L,
            '<post-id xmlns="com-wordpress:feed-additions:1">123</post-id>',
            '<foo:extra xmlns:foo="urn:example:foo" a="1"><foo:deeper>x</foo:deeper></foo:extra>',
        ),
        extra_ns='xmlns:yt="http://www.youtube.com/xml/schemas/2015"',
    ),
    "known-namespace-other-prefix": rss(
        item(T, L, "<d:creator>Prefixed</d:creator>", "<d:date>2026-01-02</d:date>"),
        extra_ns='xmlns:d="http://purl.org/dc/elements/1.1/"',
    ),
    "image-textinput-before-title": rss(
        item(T, L),
        channel=(
            "<image><title>Logo</title><url>https://t.example/l.png</url>"
            "<link>https://t.example/from-image</link><width>10</width></image>"
            "<textInput><title>Search</title><description>d</description><name>q</name>"
            "<link>https://t.example/search</link></textInput>"
            "<title>Channel after image</title><link>https://tricky.example/</link>"
        ),
    ),
    "channel-title-after-items": rss(
        item(T, L), channel="<link>https://tricky.example/</link>"
    ).replace(b"</channel>", b"<title>Late title</title></channel>"),
    "channel-extras": rss(
        item(T, L),
        channel=CHANNEL + "<language>en</language><copyright>c</copyright><ttl>60</ttl>"
        "<managingEditor>ed@t.example (Ed)</managingEditor><webMaster>w@t.example</webMaster>"
        "<generator>gen</generator><docs>https://t.example/docs</docs>"
        "<lastBuildDate>Sun, 22 Nov 2026 08:30:00 GMT</lastBuildDate>"
        "<pubDate>Sun, 22 Nov 2026 08:30:00 GMT</pubDate><category>c</category>"
        '<cloud domain="x" port="80" path="/" registerProcedure="p" protocol="soap"/>'
        "<skipHours><hour>1</hour></skipHours><dc:language>en</dc:language>",
    ),
    "empty-items": rss(item() + "<item>  </item>" + item(T)),
    "deeply-nested-unknown": rss(item(T, L, "<x>" * 5000 + "deep" + "</x>" * 5000)),
    "no-items": rss(""),
    "no-channel-title-or-link": rss(item(T, L), channel=""),
    "item-xml-lang": rss('<item xml:lang="fr">' + T + L + "</item>"),
    # Atom
    "atom-title-html": atom(
        entry('<title type="html">A &amp;amp; B &lt;i&gt;c&lt;/i&gt;</title>', AID, AL)
    ),
    "atom-title-text": atom(entry('<title type="text">A &lt; B &amp; C</title>', AID, AL)),
    "atom-title-type-case": atom(entry('<title type="HTML">&lt;b&gt;x&lt;/b&gt;</title>', AID)),
    "atom-summary-html": atom(
        entry(AID, AL, '<summary type="html">&lt;p&gt;S&lt;/p&gt;</summary>')
    ),
    "atom-summary-text": atom(entry(AID, AL, "<summary>Plain &lt;not a tag&gt;</summary>")),
    "atom-content-text": atom(entry(AID, AL, '<content type="text">Text content</content>')),
    "atom-content-before-summary": atom(
        entry(AID, '<content type="html">Full</content>', '<summary type="html">Sum</summary>')
    ),
    "atom-empty-content-and-summary": atom(entry(AID, "<summary>Sum</summary>", "<content/>")),
    "atom-content-only-empty": atom(entry(AID, "<content></content>")),
    "atom-links": atom(
        entry(
            AID,
            '<link rel="enclosure" href="https://atom.example/a.mp3"/>',
            '<link rel="self" href="https://atom.example/self"/>',
            '<link rel="alternate" type="text/html" href="https://atom.example/alt"/>',
            '<link rel="related" href="https://atom.example/rel"/>',
            '<link rel="alternate" type="application/pdf" href="https://atom.example/pdf"/>',
        )
    ),
    "atom-id-is-link": atom(entry("<id>https://atom.example/from-id</id>", "<title>x</title>")),
    "atom-id-before-link": atom(entry("<id>https://atom.example/id</id>", AL)),
    "atom-link-before-id": atom(entry(AL, "<id>https://atom.example/id</id>")),
    "atom-only-self-link": atom(
        entry("<id>https://atom.example/id</id>", '<link rel="self" href="https://a.example/s"/>')
    ),
    "atom-link-type-html": atom(entry(AID, '<link type="html" href="https://atom.example/h"/>')),
    "atom-link-empty-href": atom(entry(AID, '<link href=""/>')),
    "atom-relative-link": atom(entry(AID, '<link href="/relative/1"/>')),
    "atom-xlink-href": atom(
        entry(AID, '<link xlink:href="https://atom.example/x"/>'),
        extra_ns='xmlns:xlink="http://www.w3.org/1999/xlink"',
    ),
    "atom-author-name-email": atom(
        entry(AID, "<author><name>Ada</name><email>ada@example.com</email></author>")
    ),
    "atom-author-email-first": atom(
        entry(AID, "<author><email>ada@example.com</email><name>Ada</name></author>")
    ),
    "atom-author-name-only": atom(entry(AID, "<author>\n <name> Renée </name>\n</author>")),
    "atom-author-email-only": atom(entry(AID, "<author><email>a@example.com</email></author>")),
    "atom-author-uri-only": atom(entry(AID, "<author><uri>https://ada.example/</uri></author>")),
    "atom-author-empty-name": atom(entry(AID, "<author><name></name></author>")),
    "atom-author-mojibake-kept": atom(entry(AID, "<author><name>RenÃ©e</name></author>")),
    "atom-contributor": atom(entry(AID, "<contributor><name>Helper</name></contributor>")),
    "atom-published-and-updated": atom(
        entry(AID, "<published>2026-11-21T09:00:00-05:00</published>", AU)
    ),
    "atom-updated-only": atom(entry(AID, "<updated>2026-11-21t09:00z</updated>")),
    "atom-feed-links": atom(
        entry(AID),
        head='<title>F</title><link rel="self" href="https://a.example/feed"/>'
        '<link rel="alternate" type="text/html" href="https://a.example/"/>'
        '<link href="https://a.example/last"/><id>urn:f</id>',
    ),
    "atom-feed-id-as-link": atom(entry(AID), head="<title>F</title><id>https://a.example/id</id>"),
    "atom-feed-extras": atom(
        entry(AID, '<category term="t" scheme="s"/>'),
        head=ATOM_HEAD + '<subtitle type="html">&lt;i&gt;s&lt;/i&gt;</subtitle>'
        '<rights>r</rights><generator uri="https://g.example/" version="1">G</generator>'
        "<icon>/i.png</icon><logo>/l.png</logo><author><name>Feed author</name></author>",
    ),
    "atom-xml-lang": atom(
        '<entry xml:lang="de"><title xml:lang="de">Titel</title>' + AID + "</entry>"
    ).replace(b"<feed ", b'<feed xml:lang="en" '),
    "atom-no-entries": atom(""),
    "atom-elements-in-rss-item": rss(
        item("<atom:title>From Atom</atom:title>", "<atom:id>https://t.example/id</atom:id>")
    ),
    "comments-between-elements": rss(item("<!-- a -->", T, "<!-- b -->", L, "<?pi x?>")),
    # bytes and headers
    "xml-stylesheet": rss(
        item(T, L),
        declaration='<?xml version="1.0" encoding="UTF-8"?>\n'
        '<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>\n',
    ),
    "utf8-bom": b"\xef\xbb\xbf" + rss(item(T, L)),
    "no-declaration": rss(item(T, L), declaration="\n").lstrip(),
    "us-ascii-declaration": rss(
        item(T, L), declaration="<?xml version='1.0' encoding='us-ascii'?>"
    ),
    "utf8-lowercase-declaration": rss(
        item(T, L), declaration='<?xml version="1.0" encoding="utf-8"?>'
    ),
}

FAST_HEADERS = {
    "headers-application-xml": {"content-type": "application/xml"},
    "headers-text-xml-utf8": {"content-type": "text/xml; charset=UTF-8"},
    "headers-quoted-charset": {"content-type": 'application/rss+xml; charset="utf-8"'},
    "headers-atom-no-charset": {"content-type": "application/atom+xml"},
    "headers-lowercased-by-fetch": {"content-type": "application/rss+xml", "etag": 'W/"x"'},
}


@pytest.mark.parametrize("name", sorted(FAST_CASES))
@pytest.mark.parametrize("headers", [None, RSS_HEADERS], ids=["no-headers", "http"])
def test_tricky_documents_take_the_fast_path_and_agree(name, headers, monkeypatch):
    fast, public, slow = _both(FAST_CASES[name], headers, monkeypatch)
    assert fast is not None, "the fast path must read this document"
    _assert_same(fast, slow)
    assert public == fast


@pytest.mark.parametrize("name", sorted(FAST_HEADERS))
def test_xml_content_types_take_the_fast_path(name, monkeypatch):
    fast, public, slow = _both(FAST_CASES["non-ascii"], FAST_HEADERS[name], monkeypatch)
    assert fast is not None
    _assert_same(fast, slow)
    assert public == fast


def test_inline_cases_exercise_what_they_claim():
    # A few spot checks that the documents above test what their names say.
    read = {name: fastparse.parse_simple(FAST_CASES[name]) for name in FAST_CASES}
    assert read["guid-as-link"].entries[0].link == "https://tricky.example/g"
    assert read["guid-permalink-false"].entries[0].link == ""
    assert read["empty-link-then-guid"].entries[0].link == ""
    assert read["mojibake-repaired"].entries[0].title == "Café crème"
    assert read["atom-author-mojibake-kept"].entries[0].author == "RenÃ©e"
    assert read["atom-author-name-email"].entries[0].author == "Ada (ada@example.com)"
    assert read["atom-id-is-link"].entries[0].link == "https://atom.example/from-id"
    assert read["atom-feed-id-as-link"].site_url == "https://a.example/id"
    assert read["extra-slashes"].entries[0].link == "https://tricky.example//a"
    assert read["query-ampersands"].entries[0].link == "https://t.example/?a=1&b=2&c=3&copyd"
    # U+0085 is whitespace to str.strip(), so the last one goes before the cp1252 map.
    assert read["c1-controls"].entries[0].title == "Quote “this” – done… now"
    assert read["dc-date-only"].entries[0].published.isoformat() == "2026-11-21T14:00:00+00:00"
    assert read["missing-title"].entries[0].title == "Only a body here."
    assert read["channel-title-after-items"].title == "Late title"


# ---------------------------------------------------------------------------
# Random documents: wherever the fast path reads one, feedparser must agree

PIECES = {
    "text": [
        "Plain", "  padded \n", "", "A &amp;amp; B", "&lt;b&gt;bold&lt;/b&gt;",
        "<![CDATA[<i>c</i> & d]]>", "Renée 日本 😀", "CafÃ© crÃ¨me", "&#150;dash&#133;x",
        "ada@example.com (Ada)", "x<!-- c -->y", "word " * 30,
    ],
    "url": [
        "https://e.example/a", " https://e.example/p ", "/rel/1", "https:////e.example/x", "",
        "javascript:x()", "https://e.example/?a=1&amp;b=2&amp;amp;c", "urn:uuid:1",
        "https://é.example/ü",
    ],
    "date": [
        "Sun, 22 Nov 2026 08:30:00 +0100", "22 Nov 2026 08:30 GMT", "2026-11-21T09:00:00Z",
        "Tue, 03 Mar 2026 10:00:00 EST", "2026-11-21T09:00:00.5-05:00", "2026-11-21", "",
        "yesterday",
    ],
    "type": ["", ' type="html"', ' type="text"', ' type="HTML"', ' type="xhtml"'],
    "rel": ["", ' rel="alternate"', ' rel="self"', ' rel="enclosure"', ' rel=""'],
    "link_type": ["", ' type="text/html"', ' type="application/pdf"', ' type="html"'],
    "permalink": ["", ' isPermaLink="false"', ' isPermaLink="true"', ' isPermaLink="False"'],
}  # fmt: skip


def _random_child(pick, atom_feed: bool) -> str:
    text, url, date = pick("text"), pick("url"), pick("date")
    link = f'<link{pick("rel")}{pick("link_type")} href="{url}"/>'
    author = (
        f"<author>{pick(['', 'own'])}<name>{text}</name>"
        f"{pick(['', '<email>a@b.example</email>'])}</author>"
    )
    common = [
        f"<title{pick('type')}>{text}</title>",
        f"<dc:creator>{text}</dc:creator>",
        f"<dc:date>{date}</dc:date>",
        '<category term="t">c</category>',
        '<foo:bar xmlns:foo="urn:foo">x</foo:bar>',
    ]
    if atom_feed:
        return pick(
            [
                *common,
                link,
                author,
                f"<id>{url}</id>",
                f"<link>{url}</link>",
                f"<summary{pick('type')}>{text}</summary>",
                f"<content{pick('type')}>{text}</content>",
                f"<published>{date}</published>",
                f"<updated>{date}</updated>",
            ]
        )
    return pick(
        [
            *common,
            link.replace("<link", "<atom:link"),
            f"<link>{url}</link>",
            f"<guid{pick('permalink')}>{url}</guid>",
            f"<description>{text}</description>",
            f"<content:encoded>{text}</content:encoded>",
            f"<author>{text}</author>",
            f"<pubDate>{date}</pubDate>",
        ]
    )


def _random_document(rng) -> bytes:
    def pick(options):
        return rng.choice(PIECES[options] if isinstance(options, str) else options)

    atom_feed = rng.random() < 0.4
    entries = "".join(
        ("<entry>" if atom_feed else "<item>")
        + "".join(_random_child(pick, atom_feed) for _ in range(rng.randint(0, 6)))
        + ("</entry>" if atom_feed else "</item>")
        for _ in range(rng.randint(0, 3))
    )
    namespaces = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    if atom_feed:
        head = f'<title>{pick("text")}</title><link href="{pick("url")}"/>'
        return atom(head + entries, head="", extra_ns=namespaces)
    return rss(entries, channel=f"<title>{pick('text')}</title><link>{pick('url')}</link>")


def test_random_documents_agree_wherever_the_fast_path_reads_them(monkeypatch):
    import random

    rng = random.Random(20261122)
    fast_count = 0
    for _ in range(400):
        body = _random_document(rng)
        fast, public, slow = _both(body, RSS_HEADERS, monkeypatch)
        if fast is not None:
            fast_count += 1
            assert fast == slow, body.decode()
        assert public == slow, body.decode()
    assert fast_count >= 100


# ---------------------------------------------------------------------------
# Documents the fast path must leave to feedparser

FALLBACK_CASES = {
    # bytes
    "utf16-bom": ("\ufeff" + rss(item(T, L)).decode()).encode("utf-16-le"),
    "utf16-no-bom": rss(item(T, L)).decode().encode("utf-16-be"),
    "latin1-declared": rss(
        item("<title>Caf\xe9</title>", L), declaration='<?xml version="1.0" encoding="ISO-8859-1"?>'
    )
    .decode()
    .encode("latin-1"),
    "windows1252-declared": rss(
        item(T, L), declaration='<?xml version="1.0" encoding="windows-1252"?>'
    ),
    "declaration-over-two-lines": rss(
        item(T, L), declaration='<?xml version="1.0"\n encoding="utf-8"?>'
    ),
    "invalid-utf8": rss(item(T, L)).replace(b"A title", b"A \xff title"),
    "ascii-declared-not-ascii": rss(
        item("<title>Café</title>"), declaration='<?xml version="1.0" encoding="us-ascii"?>'
    ),
    "doctype": rss(item(T, L), declaration='<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "x.dtd">'),
    "netscape-091": (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>N</title><item><title>i</title></item></channel></rss>"
    ),
    "not-well-formed": rss(item(T, L)).replace(b"</channel>", b""),
    "bare-ampersand": rss(item("<title>Fish & chips</title>", L)),
    "undeclared-prefix": rss(item(T, L, "<itunes:author>x</itunes:author>")),
    # base URIs
    "xml-base": rss('<item xml:base="https://base.example/">' + T + "<link>/a</link></item>"),
    "bare-base-attribute": rss(item(T, L, '<foo base="https://base.example/"/>', "<link>b</link>")),
    "atom-xml-base": atom(entry(AID, '<link href="x"/>')).replace(
        b"<feed ", b'<feed xml:base="https://base.example/" '
    ),
    # not RSS 2.0 or Atom 1.0
    "rss-1.0-rdf": (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://r.example/"><title>R</title>'
        b'<link>https://r.example/</link></channel><item rdf:about="https://r.example/1">'
        b"<title>One</title><link>https://r.example/1</link></item></rdf:RDF>"
    ),
    "rss-0.92": rss(item(T, L)).replace(b'version="2.0"', b'version="0.92"'),
    "rss-no-version": rss(item(T, L)).replace(b'version="2.0"', b""),
    "atom-0.3": b'<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title></feed>',
    "html-page": b"<html><head><title>Hi</title></head><body><p>x</p></body></html>",
    "two-channels": rss(item(T, L)).replace(
        b"</rss>", b"<channel><title>2</title></channel></rss>"
    ),
    "item-outside-channel": rss(item(T, L)).replace(b"</rss>", item(T, L).encode() + b"</rss>"),
    "channel-attribute": rss(item(T, L)).replace(
        b"<channel>", b'<channel href="https://h.example/">'
    ),
    # Atom text constructs feedparser reads as markup or base64
    "atom-title-xhtml": atom(
        entry('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">x</div></title>', AID)
    ),
    "atom-summary-xhtml": atom(
        entry(
            AID, '<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">s</div></summary>'
        )
    ),
    "atom-content-xhtml": atom(
        entry(
            AID, '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">c</div></content>'
        )
    ),
    "atom-content-src": atom(entry(AID, '<content src="https://atom.example/c"/>')),
    "atom-content-base64": atom(
        entry(AID, '<content type="application/octet-stream">SGk=</content>')
    ),
    "atom-content-mode": atom(entry(AID, '<content type="text" mode="base64">SGk=</content>')),
    "atom-content-xml": atom(entry(AID, '<content type="text/xml">x</content>')),
    "description-with-markup": rss(item(T, L, "<description><p>Unescaped</p></description>")),
    "title-with-markup": rss(item("<title>A <b>bold</b> one</title>", L)),
    # dates the fast path does not read
    "date-words": rss(item(T, L, "<pubDate>yesterday</pubDate>")),
    "date-bad-month": rss(item(T, L, "<dc:date>2026-13-45T00:00:00Z</dc:date>")),
    "date-feb-31": rss(item(T, L, "<pubDate>Sun, 31 Feb 2026 08:30:00 GMT</pubDate>")),
    "date-two-digit-year": rss(item(T, L, "<pubDate>Sun, 22 Nov 26 08:30:00 GMT</pubDate>")),
    "date-before-1970": rss(item(T, L, "<pubDate>Sat, 01 Jan 1966 00:00:00 GMT</pubDate>")),
    "date-year-3000": rss(item(T, L, "<pubDate>Wed, 01 Jan 3000 00:00:00 GMT</pubDate>")),
    "date-trailing-comment": rss(
        item(T, L, "<pubDate>Sun, 22 Nov 2026 08:30:00 +0000 (UTC)</pubDate>")
    ),
    "date-asctime": rss(item(T, L, "<pubDate>Sun Nov 22 08:30:00 2026</pubDate>")),
    "feed-date-unreadable": rss(
        item(T, L), channel=CHANNEL + "<lastBuildDate>soon</lastBuildDate>"
    ),
    # a field twice
    "two-titles": rss(item(T, "<title>Second</title>", L)),
    "two-guids": rss(item(T, "<guid>a</guid><guid>b</guid>")),
    "two-descriptions": rss(item(T, "<description>a</description><description>b</description>")),
    "description-and-summary": rss(
        item(T, "<description>a</description><atom:summary>b</atom:summary>")
    ),
    "two-contents": rss(
        item(T, "<content:encoded>a</content:encoded><atom:content>b</atom:content>")
    ),
    "author-and-creator": rss(
        item(T, "<author>a@x.example (A)</author><dc:creator>B</dc:creator>")
    ),
    "two-pubdates": rss(item(T, D, D)),
    "two-feed-titles": rss(item(T, L), channel="<title>a</title><title>b</title>"),
    "two-atom-authors": atom(entry(AID, "<author><name>A</name></author>" * 2)),
    "atom-author-two-names": atom(entry(AID, "<author><name>A</name><name>B</name></author>")),
    "atom-author-other-child": atom(entry(AID, "<author><name>A</name><x>y</x></author>")),
    # elements feedparser acts on that the fast path has not vetted
    "item-attributes": rss('<item href="https://h.example/">' + T + "</item>"),
    "itunes-author": rss(
        item(T, L, "<itunes:author>x</itunes:author>"),
        extra_ns='xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
    ),
    "media-title": rss(item(T, L, "<media:title>Other title</media:title>")),
    "media-group": rss(item(T, L, "<media:group><media:title>x</media:title></media:group>")),
    "dc-title": rss(item(T, L, "<dc:title>x</dc:title>")),
    "image-in-item": rss(item(T, L, "<image><title>x</title></image>")),
    "atom-source": atom(entry(AID, "<source><title>Elsewhere</title><id>urn:s</id></source>")),
    "category-with-child": rss(item(T, L, "<category><title>x</title></category>")),
    "enclosure-with-child": rss(item(T, L, "<enclosure><title>x</title></enclosure>")),
    "unknown-element-holding-title": rss(item(T, L, "<extra><title>x</title></extra>")),
    "image-odd-child": rss(
        item(T, L), channel="<image><title>x</title><foo/><link>https://i.example/</link></image>"
    ),
    "link-with-child": rss(item(T, "<link>https://x.example/<b/></link>")),
    "unknown-ns-with-handler-name": rss(
        item(T, L, '<foo:title xmlns:foo="urn:example:foo">x</foo:title>')
    ),
    "canonical-prefix-other-uri": rss(
        item(T, L, "<dcx:creator>x</dcx:creator>").replace("dcx:", "content:"),
        extra_ns="",
    ).replace(b"http://purl.org/rss/1.0/modules/content/", b"urn:not-content"),
    "clashing-unknown-element": rss(item(T, L, "<updated_parsed>x</updated_parsed>")),
}

FALLBACK_HEADERS = {
    "text-html": {"content-type": "text/html; charset=utf-8"},
    "text-plain": {"content-type": "text/plain"},
    "no-content-type": {"etag": 'W/"x"'},
    "capitalised-key": {"Content-Type": "application/rss+xml"},
    "charset-latin1": {"content-type": "application/rss+xml; charset=iso-8859-1"},
    "charset-utf16": {"content-type": "application/xml; charset=utf-16"},
    "text-xml-no-charset-not-ascii": {"content-type": "text/xml"},
    "content-location": {
        "content-type": "application/rss+xml",
        "content-location": "https://base.example/feed",
    },
}


@pytest.mark.parametrize("name", sorted(FALLBACK_CASES))
def test_unusual_documents_fall_back_to_feedparser(name, monkeypatch):
    fast, public, slow = _both(FALLBACK_CASES[name], None, monkeypatch)
    assert fast is None
    assert public == slow  # still read, or refused, exactly as feedparser does


@pytest.mark.parametrize("name", sorted(FALLBACK_HEADERS))
def test_content_types_feedparser_would_flag_fall_back(name, monkeypatch):
    fast, public, slow = _both(FAST_CASES["non-ascii"], FALLBACK_HEADERS[name], monkeypatch)
    assert fast is None
    assert public == slow


def test_fall_backs_still_parse():
    assert parse_feed(FALLBACK_CASES["rss-1.0-rdf"]).entries[0].link == "https://r.example/1"
    assert parse_feed(FALLBACK_CASES["latin1-declared"]).entries[0].title == "Café"
    assert parse_feed(FALLBACK_CASES["xml-base"]).entries[0].link == "https://base.example/a"
    warned = parse_feed(FAST_CASES["guid-as-link"], FALLBACK_HEADERS["text-html"])
    assert warned.warning.startswith("The feed has errors but was read")
    assert warned.entries[0].link == "https://tricky.example/g"


@pytest.mark.parametrize("path", sorted((HERE / "samples").iterdir()), ids=lambda p: p.name)
def test_non_feed_samples_fall_back(path, monkeypatch):
    fast, public, slow = _both(path.read_bytes(), None, monkeypatch)
    assert fast is None
    assert public == slow


def test_fastparse_does_not_import_feedparser():
    code = "import sys, app.feeds.fastparse; print('feedparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr
