"""Counting for LinkedIn and Threads (characters: Python code points; Threads also
takes at most 5 links, found as X finds them, bare domains like "example.com"
included) and for Bluesky (grapheme clusters, `regex`'s \\X, and at most 3,000 UTF-8
bytes).
"""

from __future__ import annotations

from app.compose.count_patterns import graphemes, twitter_text
from app.compose.count_record import Count, over_the_limit
from app.i18n import _, formats

BLUESKY_MAX_BYTES = 3000
THREADS_MAX_LINKS = 5


def count_linkedin(text: str, limit: int) -> Count:
    """Count `text` as LinkedIn does: in code points."""
    count = len(text)
    if count <= limit:
        return Count("linkedin", count, limit)
    return Count("linkedin", count, limit, limit, (over_the_limit(count, limit),))


def count_threads(text: str, limit: int) -> Count:
    """Count `text` as Threads does: code points, and at most 5 links."""
    count = len(text)
    stops: list[int] = []
    problems: list[str] = []
    if count > limit:
        stops.append(limit)
        problems.append(over_the_limit(count, limit))
    links = twitter_text().extract_urls_with_indices(text) if "." in text else []
    if len(links) > THREADS_MAX_LINKS:
        stops.append(links[THREADS_MAX_LINKS]["indices"][0])
        problems.append(
            _("{count} links: Threads allows at most {limit}.").format(
                count=len(links), limit=THREADS_MAX_LINKS
            )
        )
    return Count("threads", count, limit, min(stops, default=None), tuple(problems))


def count_bluesky(text: str, limit: int) -> Count:
    """Count `text` as Bluesky does: grapheme clusters, and at most 3,000 bytes."""
    clusters = graphemes()
    count = len(clusters.findall(text))
    size = len(text.encode("utf-8", "surrogatepass"))
    if count <= limit and size <= BLUESKY_MAX_BYTES:
        return Count("bluesky", count, limit)
    problems = []
    if count > limit:
        problems.append(over_the_limit(count, limit))
    if size > BLUESKY_MAX_BYTES:
        problems.append(
            _("Over Bluesky's {limit}-byte limit ({size} bytes).").format(
                limit=formats.number(BLUESKY_MAX_BYTES), size=formats.number(size)
            )
        )
    over_at, used_bytes = None, 0
    for number, cluster in enumerate(clusters.finditer(text), 1):
        used_bytes += len(cluster.group().encode("utf-8", "surrogatepass"))
        if number > limit or used_bytes > BLUESKY_MAX_BYTES:
            over_at = cluster.start()
            break
    return Count("bluesky", count, limit, over_at, tuple(problems))
