"""Counting for X: twitter-text v3, through the `twitter_text` package.

The text is NFC-normalised; each code point weighs 1 or 2, an emoji sequence 2 and
a URL 23 (bare domains like "example.com" included); U+FFFE, U+FEFF and U+FFFF are
refused. `count` equals `parse_tweet(text).weightedLength` (tests check it against
parse_tweet and the twitter-text conformance cases), computed a stretch of plain
characters at a time rather than character by character.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.compose.count_patterns import graphemes, twitter_text
from app.compose.count_record import Count, over_the_limit
from app.i18n import _

if TYPE_CHECKING:
    from app.compose.count_patterns import TwitterText


def count_x(text: str, limit: int) -> Count:
    """Count `text` as X does, against `limit`."""
    tt = twitter_text()
    normalized = tt.normalize(text)
    weighted, over, refused = _x_walk(normalized, limit, tt)
    count = weighted // tt.scale
    if over is None:
        return Count("x", count, limit)
    problems = []
    if count > limit:
        problems.append(over_the_limit(count, limit))
    if refused is not None:
        # Translators: {code} is a Unicode code point such as U+FEFF.
        problems.append(
            _("Contains {code}, an invisible character X refuses: delete it.").format(
                code=f"U+{ord(normalized[refused]):04X}"
            )
        )
    if normalized != text:
        over = _index_before_normalizing(text, normalized, over, tt.normalize)
    return Count("x", count, limit, over, tuple(problems))


def _x_walk(text: str, limit: int, tt: TwitterText) -> tuple[int, int | None, int | None]:
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
    tt: TwitterText,
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


def _find_emojis(text: str, tt: TwitterText) -> list[tuple[int, int]]:
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
        [m.start() for m in graphemes().finditer(text)],
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
