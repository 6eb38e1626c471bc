"""Counting for Mastodon: what the server's StatusLengthValidator counts.

Grapheme clusters of the text in which each http(s) URL (found with twitter-text's
extractor, without bare domains) becomes 23 characters and a remote mention
"@user@domain" becomes "@user"; a text of only whitespace counts 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.compose.count_patterns import graphemes, mastodon_mentions, twitter_text
from app.compose.count_record import Count, over_the_limit

if TYPE_CHECKING:
    from collections.abc import Iterator

MASTODON_URL_LENGTH = 23  # Mastodon's URL_PLACEHOLDER: every link counts 23
_MAX_DOMAIN_LENGTH = 253


def count_mastodon(text: str, limit: int) -> Count:
    """Count `text` as a Mastodon server does, against `limit` (an instance's own)."""
    if not text or text.isspace():  # Ruby's `str.blank?`: the validator counts ''
        return Count("mastodon", 0, limit)
    # Written text and placeholders, each piece as (start in the countable text,
    # start in `text`, whether it is one unit), as Mastodon's rewrite_entities does.
    pieces: list[tuple[int, int, bool]] = []
    parts: list[str] = []
    at = length = 0
    for start, end, kept in _without_overlaps(_entities(text)):
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
    clusters = graphemes()
    count = len(clusters.findall(countable))
    if count <= limit:
        return Count("mastodon", count, limit)
    position = len(countable)  # count > limit: the loop finds the first cluster over it
    for number, cluster in enumerate(clusters.finditer(countable), 1):
        if number > limit:
            position = cluster.start()
            break
    piece_start, text_start, whole = max(p for p in pieces if p[0] <= position)
    over_at = text_start if whole else text_start + position - piece_start
    return Count("mastodon", count, limit, over_at, (over_the_limit(count, limit),))


def _entities(text: str) -> list[tuple[int, int, int | None]]:
    """The URLs and mentions in `text`, as (start, end, how many characters of it count
    as written, or None for a URL), overlaps included."""
    tt = twitter_text()
    entities: list[tuple[int, int, int | None]] = []
    if ":" in text:
        for url in tt.extract_urls_with_indices(text, extract_urls_without_protocol=False):
            entities.append((url["indices"][0], url["indices"][1], None))
    if "@" in text or "＠" in text:
        for m in mastodon_mentions().finditer(text):
            if tt.end_mention.match(text, m.end()):
                continue
            domain = m.group(2)
            if domain and len(domain) > _MAX_DOMAIN_LENGTH:
                continue
            kept = m.end() - m.start() - (len(domain) + 1 if domain else 0)
            entities.append((m.start(), m.end(), kept))
    return entities


def _without_overlaps(
    entities: list[tuple[int, int, int | None]],
) -> Iterator[tuple[int, int, int | None]]:
    """twitter-text's remove_overlapping_entities: by start, dropping any that overlaps
    the one kept before it."""
    end = 0
    for entity in sorted(entities, key=lambda e: e[0]):
        if entity[0] >= end:
            end = entity[1]
            yield entity
