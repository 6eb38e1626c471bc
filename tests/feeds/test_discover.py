from pathlib import Path

import pytest

from app.errors import DigwellError, FeedError
from app.feeds.discover import (
    MAX_FALLBACK_HITS,
    MAX_PAGE_BYTES,
    DiscoveryError,
    FeedLink,
    candidate_paths,
    discover,
    find_feed_links,
    sniff_feed_kind,
)

SAMPLES = Path(__file__).parent / "samples"
DATA = Path(__file__).parent / "data"
RSS = (DATA / "minimal.rss.xml").read_bytes()  # titled "Golden & RSS"
ATOM = (DATA / "minimal.atom.xml").read_bytes()
JSON_FEED = (SAMPLES / "feed-1.1.json").read_bytes()
HTML = {"content-type": "text/html; charset=utf-8"}
XML = {"content-type": "application/rss+xml"}


def _page(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


class FakeWeb:
    """`get` for discover(): answers from a dict, 404 for everything else, logs every call."""

    def __init__(self, pages: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        self.pages = pages
        self.calls: list[str] = []

    def __call__(self, url: str) -> tuple[int, dict[str, str], bytes]:
        self.calls.append(url)
        answer = self.pages.get(url, (404, HTML, b"<html><body>Not found</body></html>"))
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_blog_page_with_rss_and_atom_links():
    links = find_feed_links(_page("blog-rss-atom.html"), "https://golden.example/")
    assert links == [
        FeedLink("https://golden.example/feed/", "Golden paths » Feed", "rss"),
        FeedLink("https://golden.example/comments/feed/", "Golden paths » Comments Feed", "rss"),
        FeedLink("https://golden.example/feed/atom/", "Golden paths (Atom)", "atom"),
    ]
    # Not offered: the stylesheet, the WordPress REST API and oEmbed links, the duplicate,
    # the javascript: trap, the translation, and links inside a script or a comment.


def test_relative_links_resolve_against_the_first_base():
    links = find_feed_links(_page("relative-base.html"), "https://www.example/some/page.html")
    assert links == [
        FeedLink("https://static.example/blog/feed.xml", "Posts", "rss"),
        FeedLink("https://static.example/atom.xml", "", "atom"),
        FeedLink("https://static.example/podcast/rss", "The podcast", "rss"),
        FeedLink("https://mirror.example/feed.xml", "Mirror", "rss"),
    ]  # and the data: link is dropped


def test_relative_links_without_base_resolve_against_the_page_url():
    page = b'<link rel="alternate" type="application/rss+xml" href="feed.xml">'
    assert find_feed_links(page, "https://site.example/blog/post.html") == [
        FeedLink("https://site.example/blog/feed.xml", "", "rss")
    ]


def test_a_hostile_base_is_ignored():
    page = (
        b'<base href="javascript:alert(1)//">'
        b'<link rel="alternate" type="application/rss+xml" href="/feed">'
    )
    assert find_feed_links(page, "https://site.example/") == [
        FeedLink("https://site.example/feed", "", "rss")
    ]


def test_json_feed_links():
    links = find_feed_links(_page("json-link.html"), "https://notes.example/")
    assert links == [
        FeedLink("https://notes.example/feed.json", "Notes (JSON Feed)", "json"),
        FeedLink("https://notes.example/feeds/notes.json", "Notes (JSON, old type)", "json"),
        FeedLink("https://notes.example/feed.xml", "Notes (RSS)", "rss"),
    ]


def test_pages_without_feed_links():
    assert find_feed_links(_page("no-links.html"), "https://jekyll.example/") == []
    assert find_feed_links(_page("nothing.html"), "https://landing.example/") == []
    assert find_feed_links(b"", "https://empty.example/") == []


def test_javascript_and_other_schemes_are_dropped():
    page = b"".join(
        b'<link rel="alternate" type="application/rss+xml" href="%s">' % href
        for href in (
            b"javascript:alert(1)",
            b" JavaScript:alert(1)",
            b"data:application/rss+xml,x",
            b"file:///etc/passwd",
            b"feed://site.example/rss",
            b"http://[::1",
            b"https://ok.example/rss",
        )
    )
    assert find_feed_links(page, "https://site.example/") == [
        FeedLink("https://ok.example/rss", "", "rss")
    ]


def test_broken_html_is_tolerated():
    page = (
        b"<html><head><title>Fine</title><div><p>Unclosed <b>tags<i>everywhere</p>"
        b"</span></head></html>"  # closed too early and too often
        b"<![bogus[ section ]]>"
        b"<LINK rel=ALTERNATE type=application/rss+xml href=/unquoted.xml title=Unquoted>"
        b"<link rel='me alternate' Type='application/atom+xml;charset=utf-8' HREF='/a.xml'/>"
        b"<link rel=alternate href=/no-type.xml>"
        b"<link rel=alternate type=application/rss+xml>"  # no href
        b"<link rel=alternate type=application/rss+xml href=/last.xml"  # cut off mid-tag
    )
    assert find_feed_links(page, "https://broken.example/") == [
        FeedLink("https://broken.example/unquoted.xml", "Unquoted", "rss"),
        FeedLink("https://broken.example/a.xml", "", "atom"),
    ]


def test_binary_garbage_is_tolerated():
    assert find_feed_links(bytes(range(256)) * 100, "https://x.example/") == []


def test_only_the_first_2_mb_are_read():
    link = b'<link rel="alternate" type="application/rss+xml" href="/late.xml">'
    early = b"<html><head>" + link.replace(b"late", b"early")
    padding = b"<!-- " + b"x" * MAX_PAGE_BYTES + b" -->"
    links = find_feed_links(early + padding + link, "https://big.example/")
    assert [link.url for link in links] == ["https://big.example/early.xml"]


def test_page_charset_is_honoured_for_titles():
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        '<link rel="alternate" type="application/rss+xml" title="Café – news" href="/f">'
    ).encode("cp1252")
    (link,) = find_feed_links(page, "https://cafe.example/")
    assert link.title == "Café – news"


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (RSS, "text/xml", "rss"),
        (RSS, "text/html", "rss"),  # mislabelled, still a feed
        (ATOM, "application/atom+xml", "atom"),
        (JSON_FEED, "application/json", "json"),
        (JSON_FEED, "", "json"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', "", "rss"),
        (b"\xef\xbb\xbf  <!-- c --><?xml-stylesheet href='s.xsl'?>\n<rss/>", "", "rss"),
        ('<?xml version="1.0" encoding="utf-16"?><feed/>'.encode("utf-16"), "", "atom"),
        ('<?xml version="1.0"?><feed/>'.encode("utf-16-le"), "", "atom"),
        (b'<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss version="0.91"/>', "", "rss"),
        (b"<!-- " + b"x" * 5000 + b" -->", "application/rss+xml; charset=utf-8", "rss"),
        (b"<!-- " + b"x" * 5000 + b" -->", "text/xml", None),
        (b"<!DOCTYPE html><html><head></head></html>", "application/rss+xml", None),
        (_page("blog-rss-atom.html"), "text/html", None),
        (b'{"data": []}', "application/json", None),
        (b"", "application/rss+xml", None),
        (b"Not found", "application/atom+xml", None),
    ],
)
def test_sniff_feed_kind(body, content_type, kind):
    assert sniff_feed_kind(body, content_type) == kind


def test_candidate_paths_for_a_site_root():
    paths = candidate_paths("https://site.example")
    assert paths[:8] == [
        "https://site.example/feed",
        "https://site.example/feed/",
        "https://site.example/rss",
        "https://site.example/rss.xml",
        "https://site.example/atom.xml",
        "https://site.example/feed.xml",
        "https://site.example/index.xml",
        "https://site.example/feed.json",
    ]
    assert "https://site.example/blog/feed" in paths
    assert len(paths) == len(set(paths))
    assert candidate_paths("https://site.example/?utm=x#top") == paths


def test_candidate_paths_under_a_section_come_first_without_duplicates():
    paths = candidate_paths("http://site.example:8080/blog/2026/post.html?x=1")
    assert paths[0] == "http://site.example:8080/blog/2026/feed"
    assert paths[-1] == "http://site.example:8080/feeds/posts/default"
    assert all(p.startswith("http://site.example:8080/") for p in paths)
    blog = candidate_paths("https://site.example/blog")
    assert blog[0] == "https://site.example/blog/feed"
    assert blog.count("https://site.example/blog/feed") == 1
    assert len(blog) == len(set(blog))


def test_discover_a_feed_address_returns_it_with_the_feeds_title():
    web = FakeWeb({"https://golden.example/feed/": (200, XML, RSS)})
    assert discover("https://golden.example/feed/", web) == [
        FeedLink("https://golden.example/feed/", "Golden & RSS", "rss")
    ]
    assert web.calls == ["https://golden.example/feed/"]


def test_discover_a_broken_feed_address_still_returns_it():
    broken = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti'
    web = FakeWeb({"https://golden.example/feed/": (200, XML, broken)})
    (link,) = discover("https://golden.example/feed/", web)
    assert link.kind == "rss"


@pytest.mark.parametrize(
    ("typed", "fetched"),
    [
        ("example.com", "https://example.com"),
        ("  example.com/blog ", "https://example.com/blog"),
        ("localhost:8080/x", "https://localhost:8080/x"),
        ("http://example.com", "http://example.com"),
    ],
)
def test_addresses_without_a_scheme_get_https(typed, fetched):
    web = FakeWeb({fetched: (200, XML, RSS)})
    assert discover(typed, web)[0].url == fetched


def test_discover_reads_the_page_links_without_fetching_them():
    web = FakeWeb({"https://golden.example/": (200, HTML, _page("blog-rss-atom.html"))})
    links = discover("golden.example/", web)
    assert [link.url for link in links] == [
        "https://golden.example/feed/",
        "https://golden.example/comments/feed/",
        "https://golden.example/feed/atom/",
    ]
    assert web.calls == ["https://golden.example/"]


def test_discover_json_feed_page():
    web = FakeWeb({"https://notes.example/": (200, HTML, _page("json-link.html"))})
    assert discover("https://notes.example/", web)[0] == FeedLink(
        "https://notes.example/feed.json", "Notes (JSON Feed)", "json"
    )


def test_discover_falls_back_to_the_usual_addresses():
    web = FakeWeb(
        {
            "https://jekyll.example/": (200, HTML, _page("no-links.html")),
            # An HTML page answering 200 at /feed is not a feed.
            "https://jekyll.example/feed": (200, HTML, _page("nothing.html")),
            "https://jekyll.example/feed.xml": (200, {"content-type": "text/xml"}, RSS),
        }
    )
    assert discover("https://jekyll.example/", web) == [
        FeedLink("https://jekyll.example/feed.xml", "Golden & RSS", "rss")
    ]
    assert web.calls[0] == "https://jekyll.example/"
    assert web.calls[1:] == candidate_paths("https://jekyll.example/")


def test_fallback_offers_each_document_once_and_stops_after_a_few_hits():
    same = (200, XML, RSS)
    other = ATOM.replace(b"urn:uuid:memo", b"urn:uuid:other")
    web = FakeWeb(
        {
            "https://many.example/feed": same,
            "https://many.example/feed/": same,  # the same document behind a redirect
            # Looks like a feed but parse_feed refuses it: not offered.
            "https://many.example/rss": (200, XML, b'<!DOCTYPE rss [<!ENTITY a "b">]><rss/>'),
            "https://many.example/rss.xml": (200, XML, ATOM),
            "https://many.example/atom.xml": (200, XML, other),
            "https://many.example/feed.xml": (200, XML, JSON_FEED),
            "https://many.example/index.xml": (200, XML, RSS.replace(b"Golden", b"Other")),
        }
    )
    links = discover("https://many.example/", web)
    assert [link.url for link in links] == [
        "https://many.example/feed",
        "https://many.example/rss.xml",
        "https://many.example/atom.xml",
    ]
    assert len(links) == MAX_FALLBACK_HITS
    assert web.calls[-1] == "https://many.example/atom.xml"


def test_fallback_skips_addresses_whose_fetch_fails():
    web = FakeWeb(
        {
            "https://flaky.example/": (200, HTML, _page("nothing.html")),
            "https://flaky.example/feed": FeedError("Timed out."),
            "https://flaky.example/feed/": (200, {}, JSON_FEED),
        }
    )
    assert discover("https://flaky.example/", web) == [
        FeedLink("https://flaky.example/feed/", "Renée's notes & links", "json")
    ]


def test_a_failure_on_the_address_itself_reaches_the_caller():
    web = FakeWeb({"https://down.example/": FeedError("Could not connect to down.example.")})
    with pytest.raises(FeedError, match="Could not connect"):
        discover("https://down.example/", web)
    assert web.calls == ["https://down.example/"]


def test_nothing_found():
    web = FakeWeb({"https://landing.example/": (200, HTML, _page("nothing.html"))})
    with pytest.raises(DiscoveryError) as caught:
        discover("https://landing.example/", web)
    assert caught.value.message == (
        "No feed found at landing.example: the page links to none and none of the usual "
        "feed addresses answered."
    )
    assert "add that instead" in caught.value.hint
    assert isinstance(caught.value, DigwellError)
    assert len(web.calls) == 1 + len(candidate_paths("https://landing.example/"))


def test_nothing_found_after_an_error_page_says_so():
    web = FakeWeb({})
    with pytest.raises(
        DiscoveryError, match=r"^No feed found at gone\.example: the page answered 404"
    ):
        discover("https://gone.example/blog", web)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "mailto:a@b.example", "file:///etc/passwd", "", "   "]
)
def test_only_web_addresses_are_followed(url):
    web = FakeWeb({})
    with pytest.raises(DiscoveryError, match="only web addresses"):
        discover(url, web)
    assert web.calls == []
