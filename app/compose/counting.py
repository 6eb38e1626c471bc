"""How long a post is, counted the way each platform counts it (docs/PLATFORMS.md).

`count_text(text, platform_key)` gives a `Count` (app.compose.count_record): the number
the platform computes, its limit, where the text stops fitting and what is wrong, in
words. The composer calls it as the user types, and `digwell count` prints the same
numbers.

Each platform's counter, and the sources it follows, is in its own module:
- LinkedIn, Threads (characters) and Bluesky (graphemes and bytes): count_characters.
- X (twitter-text v3 weights): count_x.
- Mastodon (the server's StatusLengthValidator): count_mastodon.
What they take from twitter-text and `regex` is loaded when first needed
(count_patterns); QTextCursor's UTF-16 positions convert with app.compose.utf16.

An empty text counts 0 and is `ok`: there is nothing over any limit, and whether
a post has anything to say is the composer's business, not the counter's (twitter-
text calls an empty tweet invalid; `parse_tweet("").valid` is False).
"""

from __future__ import annotations

from collections.abc import Callable

from app.compose.count_characters import count_bluesky, count_linkedin, count_threads
from app.compose.count_mastodon import count_mastodon
from app.compose.count_record import Count
from app.compose.count_x import count_x
from app.compose.platforms import platform

_COUNTERS: dict[str, Callable[[str, int], Count]] = {
    "linkedin": count_linkedin,
    "x": count_x,
    "mastodon": count_mastodon,
    "bluesky": count_bluesky,
    "threads": count_threads,
}


def count_text(text: str, platform_key: str, *, limit: int | None = None) -> Count:
    """Count `text` as the platform does, against its limit or `limit` (a Mastodon
    instance's own, say). An unknown platform raises DigwellError."""
    target = platform(platform_key)
    limit = target.limit if limit is None else limit
    if limit < 1:
        raise ValueError(f"a limit must be at least 1, not {limit}")
    return _COUNTERS[target.key](text, limit)
