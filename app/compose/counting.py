"""How long a post is, counted the way each platform counts it (PRODUCT.md's table).

`count_text(text, platform_key)` gives a `Count`: the number the platform computes,
its limit, where the text stops fitting and what is wrong, in words. The composer
calls it as the user types, and `digwell count` prints the same numbers.

How each platform counts, and the sources followed:
- LinkedIn, Threads: characters (Python code points). Threads also takes at most
  5 links (found as X finds them, bare domains like "example.com" included).
- X: twitter-text v3 through the `twitter_text` package: NFC-normalised, weights 1
  or 2 per code point, an emoji sequence 2, a URL 23; U+FFFE, U+FEFF and U+FFFF
  are refused. `count` equals `parse_tweet(text).weightedLength` (tests check it
  against parse_tweet and the twitter-text conformance cases).
- Mastodon: what the server's StatusLengthValidator counts: grapheme clusters of
  the text in which each http(s) URL (found with twitter-text's extractor, without
  bare domains) becomes 23 characters and a remote mention "@user@domain" becomes
  "@user"; a text of only whitespace counts 0.
- Bluesky: grapheme clusters (`regex`'s \\X), and at most 3,000 UTF-8 bytes.

`over_at` is an index into the text as given (a Python str index): the first
character that does not fit, or that breaks a rule (X's refused characters,
Threads' sixth link, Bluesky's byte limit). What the platform counts as one unit
is never split: a URL on X or Mastodon, a grapheme cluster on Bluesky and
Mastodon, an emoji sequence on X. On X, where normalisation changed the text,
`over_at` is the start of the grapheme cluster that holds it (normalisation never
reaches across clusters). `over_at` is None exactly when `ok`.

An empty text counts 0 and is `ok`: there is nothing over any limit, and whether
a post has anything to say is the composer's business, not the counter's (twitter-
text calls an empty tweet invalid; `parse_tweet("").valid` is False).

QTextCursor positions are UTF-16 code units, not str indices: convert with
`utf16_offset` and `index_from_utf16`.
"""

from __future__ import annotations

import re
import sys
import threading
import types
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from app.compose.platforms import platform

BLUESKY_MAX_BYTES = 3000
THREADS_MAX_LINKS = 5
MASTODON_URL_LENGTH = 23  # Mastodon's URL_PLACEHOLDER: every link counts 23


class Count(NamedTuple):
    """A post's length as one platform measures it."""

    platform: str  # the platform's key
    count: int  # what the platform computes (X: weighted length; Bluesky: graphemes)
    limit: int
    over_at: int | None = None  # index into the text of the first character that does not fit
    problems: tuple[str, ...] = ()  # what stops the post, as sentences; empty when ok

    @property
    def ok(self) -> bool:
        """The platform would take the text as it is."""
        return not self.problems

    @property
    def remaining(self) -> int:
        """How many more the limit allows; negative when over."""
        return self.limit - self.count


def count_text(text: str, platform_key: str, *, limit: int | None = None) -> Count:
    """Count `text` as the platform does, against its limit or `limit` (a Mastodon
    instance's own, say). An unknown platform raises DigwellError."""
    target = platform(platform_key)
    limit = target.limit if limit is None else limit
    if limit < 1:
        raise ValueError(f"a limit must be at least 1, not {limit}")
    return _COUNTERS[target.key](text, limit)


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 position (QTextCursor's unit) of the str index `index` in `text`."""
    if not 0 <= index <= len(text):
        raise IndexError(f"index {index} is outside a text of {len(text)} characters")
    head = text[:index]
    if head.isascii():
        return index
    return len(head.encode("utf-16-le", "surrogatepass")) // 2


def index_from_utf16(text: str, offset: int) -> int:
    """The str index in `text` at UTF-16 position `offset`; inside a surrogate pair,
    the index of that character."""
    if offset < 0:
        raise IndexError(f"UTF-16 offset {offset} is negative")
    if text.isascii():
        if offset > len(text):
            raise IndexError(f"UTF-16 offset {offset} is past the end of the text")
        return offset
    units = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if offset < units + width:
            return index
        units += width
    if offset == units:
        return len(text)
    raise IndexError(f"UTF-16 offset {offset} is past the end of the text")


def _over(count: int, limit: int) -> str:
    return f"{count - limit:,} over the limit of {limit:,}."


# LinkedIn and Threads: code points ------------------------------------------


def _count_linkedin(text: str, limit: int) -> Count:
    count = len(text)
    if count <= limit:
        return Count("linkedin", count, limit)
    return Count("linkedin", count, limit, limit, (_over(count, limit),))


def _count_threads(text: str, limit: int) -> Count:
    count = len(text)
    stops: list[int] = []
    problems: list[str] = []
    if count > limit:
        stops.append(limit)
        problems.append(_over(count, limit))
    links = _twitter_text().extract_urls_with_indices(text) if "." in text else []
    if len(links) > THREADS_MAX_LINKS:
        stops.append(links[THREADS_MAX_LINKS]["indices"][0])
        problems.append(f"{len(links)} links: Threads allows at most {THREADS_MAX_LINKS}.")
    return Count("threads", count, limit, min(stops, default=None), tuple(problems))


# Bluesky: grapheme clusters and UTF-8 bytes ------------------------------------


def _count_bluesky(text: str, limit: int) -> Count:
    clusters = _graphemes()
    count = len(clusters.findall(text))
    size = len(text.encode("utf-8", "surrogatepass"))
    if count <= limit and size <= BLUESKY_MAX_BYTES:
        return Count("bluesky", count, limit)
    problems = []
    if count > limit:
        problems.append(_over(count, limit))
    if size > BLUESKY_MAX_BYTES:
        problems.append(f"Over Bluesky's {BLUESKY_MAX_BYTES:,}-byte limit ({size:,} bytes).")
    over_at, used_bytes = None, 0
    for number, cluster in enumerate(clusters.finditer(text), 1):
        used_bytes += len(cluster.group().encode("utf-8", "surrogatepass"))
        if number > limit or used_bytes > BLUESKY_MAX_BYTES:
            over_at = cluster.start()
            break
    return Count("bluesky", count, limit, over_at, tuple(problems))


# Mastodon: graphemes, URLs as 23, remote mentions as @user ----------------------

# Account::MENTION_RE and Extractor.extract_mentions_or_lists_with_indices in
# Mastodon; [[:word:]] is Unicode there, as `regex`'s \w is.
_MENTION = r"(?<![=/\w])@((?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@(\w+(?:[.-]+\w+)*))?)"
_MAX_DOMAIN_LENGTH = 253


def _count_mastodon(text: str, limit: int) -> Count:
    if not text or text.isspace():  # Ruby's `str.blank?`: the validator counts ''
        return Count("mastodon", 0, limit)
    tt = _twitter_text()
    # (start, end, how many characters of it count as written, or None for a URL)
    entities: list[tuple[int, int, int | None]] = []
    if ":" in text:
        for url in tt.extract_urls_with_indices(text, extract_urls_without_protocol=False):
            entities.append((url["indices"][0], url["indices"][1], None))
    if "@" in text or "＠" in text:
        for m in _mastodon_mentions().finditer(text):
            if tt.end_mention.match(text, m.end()):
                continue
            domain = m.group(2)
            if domain and len(domain) > _MAX_DOMAIN_LENGTH:
                continue
            kept = m.end() - m.start() - (len(domain) + 1 if domain else 0)
            entities.append((m.start(), m.end(), kept))
    # Written text and placeholders, each piece as (start in the countable text,
    # start in `text`, whether it is one unit), as Mastodon's rewrite_entities does.
    pieces: list[tuple[int, int, bool]] = []
    parts: list[str] = []
    at = length = 0
    for start, end, kept in _without_overlaps(entities):
        if start > at:
            pieces.append((length, at, False))
            parts.append(text[at:start])
            length += start - at
        pieces.append((length, start, kept is None))
        parts.append("x" * MASTODON_URL_LENGTH if kept is None else text[start : start + kept])
        length += MASTODON_URL_LENGTH if kept is None else kept
        at = end
    if at < len(text):
        pieces.append((length, at, False))
        parts.append(text[at:])
    countable = "".join(parts)
    clusters = _graphemes()
    count = len(clusters.findall(countable))
    if count <= limit:
        return Count("mastodon", count, limit)
    for number, cluster in enumerate(clusters.finditer(countable), 1):
        if number > limit:
            position = cluster.start()
            break
    piece_start, text_start, whole = max(p for p in pieces if p[0] <= position)
    over_at = text_start if whole else text_start + position - piece_start
    return Count("mastodon", count, limit, over_at, (_over(count, limit),))


def _without_overlaps(entities: list[tuple[int, int, int | None]]):
    """twitter-text's remove_overlapping_entities: by start, dropping any that overlaps
    the one kept before it."""
    end = 0
    for entity in sorted(entities, key=lambda e: e[0]):
        if entity[0] >= end:
            end = entity[1]
            yield entity


# X: twitter-text v3 ------------------------------------------------------------


def _count_x(text: str, limit: int) -> Count:
    tt = _twitter_text()
    normalized = tt.normalize(text)
    weighted, over, refused = _x_walk(normalized, limit, tt)
    count = weighted // tt.scale
    if over is None:
        return Count("x", count, limit)
    problems = []
    if count > limit:
        problems.append(_over(count, limit))
    if refused is not None:
        problems.append(
            f"Contains U+{ord(normalized[refused]):04X}, an invisible character X refuses: "
            "delete it."
        )
    if normalized != text:
        over = _index_before_normalizing(text, normalized, over, tt.normalize)
    return Count("x", count, limit, over, tuple(problems))


def _x_walk(text: str, limit: int, tt: types.SimpleNamespace) -> tuple[int, int | None, int | None]:
    """parse_tweet's loop, a stretch of plain characters at a time: the weighted length
    (scaled), the index of the first unit that does not fit or is refused, and the
    index of the first refused character (None, None when all fit)."""
    urls = {u["indices"][0]: len(u["url"]) for u in tt.extract_urls_with_indices(text)}
    emojis = {start: end - start for start, end in _find_emojis(text, tt)}
    most = limit * tt.scale
    weighted = 0
    over = refused = None
    at = 0
    for start in sorted(urls.keys() | emojis.keys()):
        if start < at:  # inside a URL or emoji already counted, as in parse_tweet
            continue
        if start > at:
            weighted, over, refused = _x_plain(text, at, start, weighted, most, over, refused, tt)
        if start in urls:
            weighted += tt.url_weight
            at = start + urls[start]
        else:
            weighted += tt.default_weight
            at = start + emojis[start]
        if refused is None and tt.refused.match(text, at - 1):  # parse_tweet checks the last
            refused = at - 1
        if over is None and (refused is not None or weighted > most):
            over = start
    if at < len(text):
        weighted, over, refused = _x_plain(text, at, len(text), weighted, most, over, refused, tt)
    return weighted, over, refused


def _x_plain(
    text: str,
    start: int,
    end: int,
    weighted: int,
    most: int,
    over: int | None,
    refused: int | None,
    tt: types.SimpleNamespace,
) -> tuple[int, int | None, int | None]:
    """Add the plain characters text[start:end] to the walk's state."""
    heavy = len(tt.heavy.findall(text, start, end))
    total = weighted + tt.light_weight * (end - start) + tt.heavy_extra * heavy
    if refused is None and (m := tt.refused.search(text, start, end)):
        refused = m.start()
    if over is None and (refused is not None or total > most):
        for index in range(start, end):  # once per text: find the character
            weighted += tt.weight(text[index])
            if index == refused or weighted > most:
                over = index
                break
    return total, over, refused


def _find_emojis(text: str, tt: types.SimpleNamespace) -> list[tuple[int, int]]:
    """The spans twitter_text's emoji regex finds, found faster: its ~2,500-way
    alternation is tried only where an emoji can start, with only the alternatives
    that start with that character (the others cannot match there, so the first
    that matches is the same)."""
    found = []
    at = 0
    while m := tt.emoji_start.search(text, at):
        start = m.start()
        hit = tt.emoji_at(text[start]).match(text, start)
        if hit:
            found.append((start, hit.end()))
            at = hit.end()
        else:
            at = start + 1
    return found


def _index_before_normalizing(
    text: str, normalized: str, index: int, normalize: Callable[[str], str]
) -> int:
    """Where `normalized[index]` came from in `text`. Normalising each grapheme cluster
    alone gives the same text (composition and reordering stay inside clusters, and
    CR LF is one); an index inside a cluster that changed maps to its start. Should
    that ever not hold (a Unicode version skew between `regex` and unicodedata),
    the text is cut before ASCII characters instead, which is always safe."""
    ascii_starts = (i for i in range(1, len(text)) if text[i].isascii())
    boundaries = (
        [m.start() for m in _graphemes().finditer(text)],
        [0, *(i for i in ascii_starts if text[i - 1 : i + 1] != "\r\n")],
    )
    for starts in boundaries:
        spans = list(zip(starts, [*starts[1:], len(text)], strict=True))
        pieces = [normalize(text[a:b]) for a, b in spans]
        if "".join(pieces) != normalized:
            continue
        at = 0
        for (a, b), piece in zip(spans, pieces, strict=True):
            if index < at + len(piece):
                return a + (index - at if piece == text[a:b] else 0)
            at += len(piece)
        return len(text)
    return 0


# Lazy imports: twitter_text takes ~0.1 s to import, regex ~15 ms ----------------

_lock = threading.Lock()
_cache: dict[str, Any] = {}


def preload() -> None:
    """Import what the counters need now (~0.1 s), e.g. off the UI thread before the
    composer opens, rather than on the first keystroke that needs it."""
    _twitter_text()
    _graphemes()
    _mastodon_mentions()


def _graphemes() -> Any:  # a regex.Pattern
    pattern = _cache.get("graphemes")
    if pattern is None:
        import regex

        pattern = _cache["graphemes"] = regex.compile(r"\X")
    return pattern


def _mastodon_mentions() -> Any:  # a regex.Pattern
    pattern = _cache.get("mentions")
    if pattern is None:
        import regex

        pattern = _cache["mentions"] = regex.compile(_MENTION)
    return pattern


def _twitter_text() -> types.SimpleNamespace:
    """twitter_text's pieces that the counters use, imported once."""
    tt = _cache.get("twitter_text")
    if tt is None:
        with _lock:
            tt = _cache.get("twitter_text") or _load_twitter_text()
            _cache["twitter_text"] = tt
    return tt


def _load_twitter_text() -> types.SimpleNamespace:
    with _without_pkg_resources():
        from twitter_text import extract_urls_with_indices, parse_tweet
        from twitter_text.config import config
        from twitter_text.parse_tweet import convert_line_ending
        from twitter_text.regexp import emoji as emoji_module
        from twitter_text.regexp.invalid_chars import invalid_chars
        from twitter_text.regexp.latin_accent_chars import latin_accent_chars

    options = config["defaults"]
    weights = {r["weight"] for r in options["ranges"]}
    if len(weights) != 1:  # v3 has one weight for all its ranges; _x_plain's sums rely on it
        raise RuntimeError("twitter_text's weights changed: update app/compose/counting.py")
    (light,) = weights
    light_chars = "".join(
        f"{re.escape(chr(r['start']))}-{re.escape(chr(r['end']))}" for r in options["ranges"]
    )
    light_char = re.compile(f"[{light_chars}]")

    def weight(char: str) -> int:
        return light if light_char.match(char) else options["default_weight"]

    return types.SimpleNamespace(
        parse_tweet=parse_tweet,
        options=options,
        extract_urls_with_indices=extract_urls_with_indices,
        normalize=lambda text: convert_line_ending(unicodedata.normalize("NFC", text)),
        scale=options["scale"],
        url_weight=options["transformed_url_length"] * options["scale"],
        default_weight=options["default_weight"],
        light_weight=light,
        heavy_extra=options["default_weight"] - light,
        heavy=re.compile(f"[^{light_chars}]"),
        weight=weight,
        refused=invalid_chars,
        end_mention=re.compile(rf"[@＠{latin_accent_chars.pattern}]|://"),
        **_emoji_matchers(emoji_module),
    )


def _emoji_matchers(emoji_module) -> dict[str, object]:
    """emoji_start finds where an emoji can start; emoji_at(char) is the emoji regex
    cut down to what can match at that character. Falls back to the whole regex if
    the package builds it differently from twitter-text-parser 3.0."""
    pattern = emoji_module.emoji
    multi = emoji_module.multi_codepoint_emoji_joined.split("|")
    single = f"[{emoji_module.single_codepoint_emoji_raw}]"
    escape = re.compile(r"(?:\\U[0-9A-Fa-f]{8})+")
    if pattern.pattern != "|".join([*multi, single]) or not all(map(escape.fullmatch, multi)):
        return {"emoji_start": re.compile(r"(?s)."), "emoji_at": lambda char: pattern}
    by_first: dict[str, list[str]] = {}
    for alternative in multi:  # each is \UXXXXXXXX\UXXXXXXXX...: the first 10 characters
        by_first.setdefault(chr(int(alternative[2:10], 16)), []).append(alternative)
    firsts = "".join(re.escape(char) for char in by_first)
    single_only = re.compile(single, pattern.flags)
    cut: dict[str, re.Pattern[str]] = {}

    def emoji_at(char: str) -> re.Pattern[str]:
        if char not in by_first:
            return single_only
        if char not in cut:
            cut[char] = re.compile("|".join([*by_first[char], single]), pattern.flags)
        return cut[char]

    return {
        "emoji_start": re.compile(f"[{emoji_module.single_codepoint_emoji_raw}{firsts}]"),
        "emoji_at": emoji_at,
    }


@contextmanager
def _without_pkg_resources() -> Iterator[None]:
    """twitter-text-parser 3.0 reads its emoji list with pkg_resources, which recent
    setuptools deprecates (a warning: an error under our pytest settings) and which
    Python 3.12+ virtual environments lack. While it is imported, it gets the one
    function it calls, reading the file with importlib.resources instead."""

    def resource_string(module_name: str, resource: str) -> bytes:
        from importlib.resources import files

        spec = sys.modules[module_name].__spec__
        return files(spec.parent or module_name).joinpath(resource).read_bytes()

    shim = types.ModuleType("pkg_resources")
    shim.resource_string = resource_string  # type: ignore[attr-defined]
    missing = object()
    saved = sys.modules.get("pkg_resources", missing)
    sys.modules["pkg_resources"] = shim
    try:
        yield
    finally:
        if saved is missing:
            del sys.modules["pkg_resources"]
        else:
            sys.modules["pkg_resources"] = saved


_COUNTERS: dict[str, Callable[[str, int], Count]] = {
    "linkedin": _count_linkedin,
    "x": _count_x,
    "mastodon": _count_mastodon,
    "bluesky": _count_bluesky,
    "threads": _count_threads,
}
