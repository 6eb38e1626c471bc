"""Filters templates can use: plain Python, linear in their input, safe with "".

Every filter accepts None or a non-string where text is expected (it becomes "" or its
str()), so a template never prints "None".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

ELLIPSIS = "…"
# Dropped from the end of a cut text before the ellipsis: space, sentence punctuation,
# dashes and anything that opens (a bracket, a quote) and would be left dangling.
_TRAILING = " ,;:.!?-–—/&+([{“‘«…"
_TERMINAL = (".", "!", "?", "…", "。", "！", "？")
_CLOSERS = "\"'”’)]}»"
# Hashtags per post: a few on LinkedIn and Mastodon (where they help discovery),
# fewer where characters are scarce (X, Bluesky) or only one topic counts (Threads).
HASHTAG_LIMITS = {"linkedin": 3, "mastodon": 3, "bluesky": 2, "x": 2, "threads": 1}
# The words of a byline, by language (a translated template passes its own,
# `item | byline("de")`): for author and source, author, source, the link's host.
BYLINES = {
    "en": ("by {author}, in {source}", "by {author}", "in {source}", "on {host}"),
    "de": ("von {author}, in {source}", "von {author}", "in {source}", "auf {host}"),
}
# Quotation marks by language (`title | quoted("de")`): the pair around the text, and
# the quotation marks inside it with what each becomes.
QUOTES = {
    "en": ('"', '"', '"“”', "'‘’"),
    "de": ("„", "“", '"„“”', "'‚‘’"),
}
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}://")
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _field(obj: Any, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def plain(text: Any) -> str:
    """Text on one line: runs of whitespace (newlines too) become one space, ends trimmed."""
    return " ".join(_text(text).split())


def shorten(text: Any, n: int = 100) -> str:
    """At most `n` characters of `plain(text)`, cut at a word boundary and ended with "…".

    Text that fits is returned whole. A word is cut only when it alone does not fit
    (a long first word, or one after leading punctuation). Punctuation and spaces
    before the "…" are dropped; "" if nothing but them fits, or `n` is below 2.
    """
    s = plain(text)
    if len(s) <= n:
        return s
    if n < 2:
        return ""
    head = s[: n - 1]  # one character left for the ellipsis
    if s[n - 1] == " ":
        cut = head
    else:
        space = head.rfind(" ")
        cut = head[:space] if space > 0 else head
    # Only punctuation before the first space ("— Supercalifragilistic…"): the word
    # after it does not fit, so it is cut.
    cut = cut.rstrip(_TRAILING) or head.rstrip(_TRAILING)
    return cut + ELLIPSIS if cut else ""


def sentence(text: Any) -> str:
    """`plain(text)` ending with terminal punctuation: a trailing , ; : or dash becomes "."."""
    s = plain(text)
    if s.rstrip(_CLOSERS).endswith(_TERMINAL):
        return s
    s = s.rstrip(" ,;:-–—")
    return f"{s}." if s else ""


def quoted(text: Any, lang: Any = "en") -> str:
    """`plain(text)` in double quotes, its own double quotes made single; "" stays "".
    `lang`: whose quotation marks, see QUOTES ("de": „…“); English for any other."""
    opening, closing, inner, single = QUOTES.get(_text(lang), QUOTES["en"])
    s = plain(text).translate(str.maketrans(inner, single))
    return f"{opening}{s}{closing}" if s else ""


def _hashtag_limit(n: Any) -> int:
    if isinstance(n, bool):
        return 0
    if isinstance(n, int):
        return n
    key = n if isinstance(n, str) else _field(n, "key")
    return HASHTAG_LIMITS.get(_text(key).strip().lower(), 3)


def _raw_tags(value: Any) -> Iterable[Any]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Mapping) or hasattr(value, "hashtags"):
        return _raw_tags(_field(value, "hashtags"))
    if isinstance(value, Iterable):
        return value
    return (value,)


def _normalise_tag(piece: str) -> str:
    words = piece.split()
    if len(words) > 1:  # "platform engineering" reads as #PlatformEngineering
        words = [w if any(c.isupper() for c in w) else w[:1].upper() + w[1:] for w in words]
    joined = "".join(words)
    tag = "".join(c for c in joined if c.isalnum() or c == "_")
    return tag if any(c.isalpha() for c in tag) else ""


def hashtags(value: Any, n: Any = 3) -> str:
    """Up to `n` hashtags as "#A #B": from a theme (its `hashtags`), a list or a string.

    `n` is a number or a platform (a dict with `key`, or its key): see HASHTAG_LIMITS.
    Each tag gets one "#", loses spaces (later words capitalised) and punctuation;
    repeats are dropped ignoring case; a string is split on commas and "#".
    """
    limit = _hashtag_limit(n)
    if limit <= 0:
        return ""
    seen: set[str] = set()
    tags: list[str] = []
    for raw in _raw_tags(value):
        for piece in re.split(r"[#,\n]", _text(raw)):
            tag = _normalise_tag(piece)
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(f"#{tag}")
                if len(tags) == limit:
                    return " ".join(tags)
    return " ".join(tags)


def domain(url: Any) -> str:
    """The host of a web address without "www.", e.g. "golden.example"; "" if none."""
    s = _text(url).strip()
    scheme = _SCHEME.match(s)
    if scheme:
        s = s[scheme.end() :]
    for sep in "/?#":
        s = s.partition(sep)[0]
    host = s.rpartition("@")[2].partition(":")[0].lower().removeprefix("www.")
    return host if _HOST.fullmatch(host) else ""


_GENERIC_AUTHORS = {
    "admin",
    "administrator",
    "anonymous",
    "editor",
    "editorial",
    "editors",
    "guest",
    "staff",
    "team",
    "unknown",
    "webmaster",
}


def author_name(author: Any) -> str:
    """A person's name from a feed's author field: "ada@x.org (Ada Writer)" gives
    "Ada Writer"; a bare e-mail address or a placeholder such as "admin" gives ""."""
    s = plain(author)
    if "@" in s:
        open_at, close_at = s.find("("), s.rfind(")")
        inside = s[open_at + 1 : close_at] if 0 <= open_at < close_at else s
        outside = s[:open_at] + s[close_at + 1 :] if 0 <= open_at < close_at else ""
        names = [p.strip() for p in (inside, outside) if p.strip() and "@" not in p]
        s = names[0] if names else ""
    return "" if s.casefold() in _GENERIC_AUTHORS else s


def _author_source(item: Any) -> tuple[str, str]:
    """(how to credit the author: their mention on the draft's platform when they are
    one of the user's people, else their name; the source, unless it is the author's)."""
    author = plain(_field(item, "author"))
    source = plain(_field(item, "source"))
    if author and source:
        a, s = author.casefold(), source.casefold()
        if a in s or s in a:  # "Ada Writer" writing on "Ada Writer's blog"
            source = ""
    return (plain(_field(item, "mention")) or author) if author else "", source


def credit_name(item: Any) -> str:
    """Who to credit for an item: its author, else its source, else its link's host."""
    author, source = _author_source(item)
    return author or source or domain(_field(item, "link"))


def attribution(item: Any) -> str:
    """ "Author, Source", or whichever of the two there is, else the link's host."""
    author, source = _author_source(item)
    if author or source:
        return ", ".join(p for p in (author, source) if p)
    return domain(_field(item, "link"))


def byline(item: Any, lang: Any = "en") -> str:
    """ "by Author, in Source", "by Author", "in Source", "on host" or "".
    `lang`: in whose words, see BYLINES ("de": "von Author, in Source"); else English."""
    both, by, within, on = BYLINES.get(_text(lang), BYLINES["en"])
    author, source = _author_source(item)
    if author and source:
        return both.format(author=author, source=source)
    if author:
        return by.format(author=author)
    if source:
        return within.format(source=source)
    host = domain(_field(item, "link"))
    return on.format(host=host) if host else ""


def _length(text: str, key: str) -> int:
    """The text's length as the platform counts it (the composer's counter)."""
    from app.compose.counting import count_text
    from app.compose.platforms import PLATFORMS

    return count_text(text, key).count if key in PLATFORMS else len(text)


def room(platform: Any, *parts: Any) -> int:
    """Characters left on `platform` (a dict with `key` and `limit`) once `parts` are in,
    each as its own paragraph, counted as the platform counts."""
    key = _text(_field(platform, "key")).lower()
    try:
        limit = int(_field(platform, "limit") or 0)
    except (TypeError, ValueError):
        limit = 0
    texts = [_text(p) for p in parts if p]
    used = _length("\n\n".join(texts), key) + 2 if texts else 0
    return max(0, limit - used)


def fit(text: Any, platform: Any, *parts: Any, cut: bool = True, least: int = 40) -> str:
    """`plain(text)` if it fits in the `room` the other `parts` leave on `platform`;
    else shortened to fit when that leaves at least `least` characters and `cut` is
    true; else ""."""
    s = plain(text)
    key = _text(_field(platform, "key")).lower()
    space = room(platform, *parts) - 2  # its own paragraph break
    if _length(s, key) <= space:
        return s
    if not cut or space < least:
        return ""
    short = shorten(s, space - 1)  # "…" counts 2 on X
    while short and _length(short, key) > space:  # wide characters, links
        short = shorten(short, len(short) - max(1, _length(short, key) - space))
    return short


FILTERS: dict[str, Callable[..., Any]] = {
    "attribution": attribution,
    "author_name": author_name,
    "byline": byline,
    "credit_name": credit_name,
    "domain": domain,
    "fit": fit,
    "hashtags": hashtags,
    "plain": plain,
    "quoted": quoted,
    "room": room,
    "sentence": sentence,
    "shorten": shorten,
}
