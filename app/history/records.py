"""What a platform export holds, as the readers hand it to the import (docs/HISTORY.md):
the user's own posts, their engagement with others (comments, replies), and problems
found on the way, each named by where it was found. Plain records, no storage."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

PLATFORM_SOURCES = {
    "linkedin": "linkedin-export",
    "x": "x-archive",
    "mastodon": "mastodon-archive",
    "bluesky": "bluesky-repo",
}


class HistoryPost(NamedTuple):
    """One post of the user's, as the export has it."""

    platform: str  # linkedin, x, mastodon, bluesky
    external_id: str  # the platform's own id (a re-import matches on it)
    posted_at: datetime  # aware, UTC
    text: str  # plain text (HTML already reduced to text)
    url: str = ""  # the post's own address, when known
    link: str = ""  # the first link it shares (another's article), "" if none
    repost: bool = False  # a bare repost, retweet or boost: a share without words


class Engagement(NamedTuple):
    """A comment on or reply to someone else's post: counted, not a post."""

    platform: str
    kind: str  # "comment" or "reply"
    external_id: str
    at: datetime  # aware, UTC
    url: str = ""


class Problem(NamedTuple):
    """Something the reader left out: `where` is a file and line, or a record's id."""

    where: str
    message: str


class HistoryFile(NamedTuple):
    """Everything one export file gave: posts oldest first, engagement, problems, and
    for a LinkedIn export the bytes of its Connections.csv (for the people import)."""

    platform: str
    posts: list[HistoryPost]
    engagement: list[Engagement]
    problems: list[Problem]
    connections_csv: bytes | None = None
