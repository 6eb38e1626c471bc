from urllib.parse import parse_qs, urlsplit

import pytest

from app.feeds.search_feeds import SearchFeed, search_feed_urls
from app.text.links import safe_link


def _urls(keywords, **kwargs) -> dict[str, list[str]]:
    by_service: dict[str, list[str]] = {}
    for feed in search_feed_urls(keywords, **kwargs):
        by_service.setdefault(feed.service, []).append(feed.url)
    return by_service


@pytest.mark.parametrize(
    ("keyword", "q", "dev", "medium"),
    [
        ("C#", "C%23", "csharp", "csharp"),
        ("AI & ethics", "%22AI+%26+ethics%22", "aiethics", "ai-ethics"),
        ("Müller", "M%C3%BCller", "muller", "muller"),
        ("platform engineering", "%22platform+engineering%22", "platformengineering",
         "platform-engineering"),
    ],
)  # fmt: skip
def test_exact_urls_for_tricky_keywords(keyword, q, dev, medium):
    assert _urls([keyword]) == {
        "Google News": [f"https://news.google.com/rss/search?q={q}&hl=en-US&gl=US&ceid=US:en"],
        "Hacker News": [f"https://hnrss.org/newest?q={q}"],
        "Reddit": [f"https://www.reddit.com/search.rss?q={q}&sort=new"],
        "DEV Community": [f"https://dev.to/feed/tag/{dev}"],
        "Medium": [f"https://medium.com/feed/tag/{medium}"],
    }


def test_several_keywords_are_one_or_query_and_one_tag_feed_each():
    feeds = search_feed_urls(["platform engineering", "Kubernetes", "C#"])
    assert [f.service for f in feeds] == (
        ["Google News", "Hacker News", "Reddit"] + ["DEV Community"] * 3 + ["Medium"] * 3
    )
    google = feeds[0]
    assert google == SearchFeed(
        service="Google News",
        label='Google News: "platform engineering" OR Kubernetes OR C#',
        url="https://news.google.com/rss/search?"
        "q=%22platform+engineering%22+OR+Kubernetes+OR+C%23&hl=en-US&gl=US&ceid=US:en",
        note=google.note,
    )
    assert google.note
    assert feeds[2].url == (
        "https://www.reddit.com/search.rss?"
        "q=%22platform+engineering%22+OR+Kubernetes+OR+C%23&sort=new"
    )
    assert [f.url for f in feeds[3:6]] == [
        "https://dev.to/feed/tag/platformengineering",
        "https://dev.to/feed/tag/kubernetes",
        "https://dev.to/feed/tag/csharp",
    ]
    assert feeds[6].label == "Medium: platform-engineering"


def test_queries_decode_back_to_what_the_user_typed():
    keywords = ["AI & ethics", "#hashtag", "50% off", "a+b", "naïve café", "日本語"]
    feed = search_feed_urls(keywords)[1]
    (q,) = parse_qs(urlsplit(feed.url).query)["q"]
    assert q == '"AI & ethics" OR #hashtag OR "50% off" OR a+b OR "naïve café" OR 日本語'


def test_every_url_is_plain_ascii_https():
    feeds = search_feed_urls(['He said "hi"', "Ærø & Straße", "C++", ".NET", "日本語", "OR"])
    for feed in feeds:
        assert safe_link(feed.url) == feed.url
        assert feed.url.startswith("https://")
        assert feed.url.isascii() and " " not in feed.url
    tags = [f.url.rsplit("/", 1)[1] for f in feeds if f.service == "Medium"]
    assert tags == ["he-said-hi", "aero-strasse", "cpp", "dotnet", "or"]  # 日本語 has no tag
    (q,) = parse_qs(urlsplit(feeds[0].url).query)["q"]
    assert q == '"He said hi" OR "Ærø & Straße" OR C++ OR .NET OR 日本語 OR "OR"'


def test_other_language_and_country():
    (google,) = [f for f in search_feed_urls(["Energiewende"], language="DE", country="de")
                 if f.service == "Google News"]  # fmt: skip
    assert google.url == (
        "https://news.google.com/rss/search?q=Energiewende&hl=de&gl=DE&ceid=DE:de"
    )
    gb = search_feed_urls(["x"], country="GB")[0]
    assert gb.url.endswith("&hl=en-GB&gl=GB&ceid=GB:en")


@pytest.mark.parametrize(("language", "country"), [("english", "US"), ("en", "USA"), ("e&", "US")])
def test_malformed_edition_is_refused(language, country):
    with pytest.raises(ValueError, match="language like 'en'"):
        search_feed_urls(["x"], language=language, country=country)


@pytest.mark.parametrize("keywords", [[], [""], ["   ", "\t\n"]])
def test_no_keywords_no_feeds(keywords):
    assert search_feed_urls(keywords) == []


def test_blank_and_repeated_keywords_are_ignored():
    feeds = search_feed_urls(["  Rust ", "", "rust", "Müller", "Muller", "MÜLLER"])
    assert feeds[0].label == "Google News: Rust OR Müller OR Muller"
    assert [f.url for f in feeds if f.service == "DEV Community"] == [
        "https://dev.to/feed/tag/rust",
        "https://dev.to/feed/tag/muller",
    ]
