"""Ready-made feeds that search the web for a theme's keywords.

A theme starts with no subscriptions; these give it content on day one. Every URL is
built with urllib.parse, so "C#", "AI & ethics" or "Müller" reach the service intact.
"""

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import quote, urlencode

from app.i18n import _


class SearchFeed(NamedTuple):
    """A feed the user may subscribe to: which service, what to call it, where, and a caveat."""

    service: str
    label: str
    url: str
    note: str


# Tags that slug rules would get wrong ("C#" would become "c", the C language).
_TAG_ALIASES = {"c#": "csharp", "f#": "fsharp", "c++": "cpp", ".net": "dotnet"}
# Letters NFKD leaves alone but that have a usual ASCII spelling.
_ASCII_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d"})
# Words the search services read as operators when they stand alone in capitals.
_OPERATORS = frozenset({"OR", "AND", "NOT"})


def search_feed_urls(
    keywords: list[str], *, language: str = "en", country: str = "US"
) -> list[SearchFeed]:
    """Search feeds for the keywords on Google News, Hacker News, Reddit, DEV and Medium.

    The three search services get one feed for all keywords: multi-word keywords become
    quoted phrases, joined with OR. DEV and Medium only have tag feeds, so each keyword
    gives one tag feed there. Blank keywords are ignored; none at all gives [].
    `language` (ISO 639, e.g. "de") and `country` (ISO 3166, e.g. "DE") pick the Google
    News edition; a malformed one raises ValueError.
    """
    terms = _clean(keywords)
    if not terms:
        return []
    lang, region = _locale(language, country)
    query = " OR ".join(_term(term) for term in terms)
    return _search_feeds(query, lang, region) + _tag_feeds(terms)


def _search_feeds(query: str, lang: str, region: str) -> list[SearchFeed]:
    """One feed per search service for the whole query."""
    # Google News's own URLs spell the edition "hl=en-US" for English and the bare
    # language otherwise ("hl=de&gl=DE&ceid=DE:de").
    edition = {
        "q": query,
        "hl": f"{lang}-{region}" if lang == "en" else lang,
        "gl": region,
        "ceid": f"{region}:{lang}",
    }
    return [
        SearchFeed(
            service="Google News",
            label=f"Google News: {query}",
            url="https://news.google.com/rss/search?" + urlencode(edition, safe=":"),
            note=_("News articles matching the keywords; links go through news.google.com."),
        ),
        SearchFeed(
            service="Hacker News",
            label=f"Hacker News: {query}",
            url="https://hnrss.org/newest?" + urlencode({"q": query}),
            note=_("New Hacker News posts matching the keywords, via hnrss.org."),
        ),
        SearchFeed(
            service="Reddit",
            label=f"Reddit: {query}",
            url="https://www.reddit.com/search.rss?" + urlencode({"q": query, "sort": "new"}),
            note=_(
                "New posts from all of Reddit: can be noisy, and Reddit may refuse "
                "frequent polling."
            ),
        ),
    ]


def _tag_feeds(terms: list[str]) -> list[SearchFeed]:
    """One tag feed per keyword on DEV, then on Medium (they have no search feeds)."""
    dev_note = _("Posts with this tag on dev.to; DEV tags are single words, so check it exists.")
    medium_note = _("Stories with this tag on Medium; the feed gives excerpts, some paywalled.")
    feeds = [
        SearchFeed(
            service="DEV Community",
            label=f"DEV Community: #{tag}",
            url="https://dev.to/feed/tag/" + quote(tag),
            note=dev_note,
        )
        for tag in _unique(_slug(term, "") for term in terms)
    ]
    feeds.extend(
        SearchFeed(
            service="Medium",
            label=f"Medium: {tag}",
            url="https://medium.com/feed/tag/" + quote(tag),
            note=medium_note,
        )
        for tag in _unique(_slug(term, "-") for term in terms)
    )
    return feeds


def _clean(keywords: list[str]) -> list[str]:
    """Keywords with whitespace collapsed, blanks dropped, each once (ignoring case)."""
    terms: list[str] = []
    seen: set[str] = set()
    for keyword in keywords:
        term = " ".join(str(keyword or "").split())
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def _term(keyword: str) -> str:
    # A double quote inside would end the phrase early; phrases keep their words together.
    keyword = " ".join(keyword.replace('"', " ").split())
    if " " in keyword or keyword in _OPERATORS:
        return f'"{keyword}"'
    return keyword


def _locale(language: str, country: str) -> tuple[str, str]:
    lang, region = language.strip().lower(), country.strip().upper()
    if not re.fullmatch(r"[a-z]{2,3}", lang) or not re.fullmatch(r"[A-Z]{2}", region):
        raise ValueError(
            f"Expected a language like 'en' and a country like 'US', got {language!r}, {country!r}"
        )
    return lang, region


def _slug(keyword: str, separator: str) -> str:
    """An ASCII tag: "Platform engineering" -> "platform-engineering" (or "platformengineering")."""
    alias = _TAG_ALIASES.get(keyword.lower())
    if alias:
        return alias
    folded = unicodedata.normalize("NFKD", keyword.lower().translate(_ASCII_LETTERS))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return separator.join(re.findall(r"[a-z0-9]+", ascii_only))


def _unique(tags: Iterable[str]) -> list[str]:
    out: list[str] = []
    for tag in tags:
        if tag and tag not in out:
            out.append(tag)
    return out
