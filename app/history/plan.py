"""The plan of a history import, made before anything is written (docs/HISTORY.md):
which posts and engagement are new, what kind and theme each new post gets, what the
file's problems were, and the preview. Pure: the service reads what is logged already
and writes the plan (app/history/write.py).

A post of the file is left out ("skipped") when:

- a post with the same platform and id was imported before (a re-import adds nothing);
- a logged post has the same address (logged with Mark as posted, or from a CSV file):
  addresses are compared without case in the host, `www.`, a fragment or a trailing
  slash, and twitter.com is x.com;
- a logged post on the same platform shared the same link within 10 minutes of it;
- an earlier post of the same file has the same id or address.

A post or comment dated more than 5 minutes ahead of now is a problem, not history.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from app.history.preview import Preview, make_preview
from app.history.records import PLATFORM_SOURCES, Engagement, HistoryFile, HistoryPost, Problem
from app.i18n import _, formats

if TYPE_CHECKING:
    from app.cadence.breaks import BreakDays
    from app.people.import_plan import ImportPlan

LINK_WINDOW = timedelta(minutes=10)
FUTURE_SLACK = timedelta(minutes=5)  # as marking a draft posted allows
MAX_LISTED_ERRORS = 1000
_PROGRESS_EVERY = 5000
_HOST_ALIASES = {"twitter.com": "x.com", "mobile.twitter.com": "x.com"}
_HOST_PREFIXES = ("www.", "mobile.", "m.")

Progress = Callable[[int, int], None]  # (done, total)
Classify = Callable[[HistoryPost], tuple[str, "int | None"]]  # post -> (kind, theme id)


class NewPost(NamedTuple):
    post: HistoryPost
    kind: str
    theme_id: int | None


class Logged(NamedTuple):
    """What Digwell holds already, read once for the whole file."""

    external_ids: set[str]  # the file's platform's posts imported before
    engagement_ids: set[str]  # its comments and replies imported before
    urls: Iterable[str]  # the address of every logged post that has one
    links: Iterable[tuple[str, datetime]]  # (link, when) of the platform's posts
    post_times: Sequence[datetime]  # every logged post's time (for the preview)


class HistoryPlan(NamedTuple):
    """What an import will add (or added): nothing is written until it is applied."""

    platform: str
    source: str  # posts.source of the new posts, e.g. "x-archive"
    posts: list[NewPost]  # oldest first
    skipped: int  # posts of the file already in Digwell, or twice in it
    engagement: list[Engagement]
    problems: list[Problem]
    people: ImportPlan | None  # a LinkedIn export's connections
    first: date | None  # of the new posts, in the user's time zone
    last: date | None
    preview: Preview

    def summary(
        self,
        dry_run: bool = True,
        added: tuple[int, int, int] | None = None,
    ) -> dict[str, object]:
        """The JSON of `digwell import`; `added`: (posts, engagement, people) as written,
        else as planned."""
        people = len(self.people.added) if self.people is not None else 0
        posts, engagement, people = added or (len(self.posts), len(self.engagement), people)
        return {
            "platform": self.platform,
            "posts_added": posts,
            "posts_skipped": self.skipped + len(self.posts) - posts,
            "engagement_added": engagement,
            "people_added": people,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "errors": [
                {"where": p.where, "message": p.message} for p in self.problems[:MAX_LISTED_ERRORS]
            ],
            "preview": self.preview.to_json(),
            "dry_run": dry_run,
        }


def address_key(url: str) -> str:
    """A post's or link's address as compared (see above); "" for none."""
    text = url.strip()
    if not text:
        return ""
    _before, scheme, rest = text.partition("://")
    rest = (rest if scheme else text).split("#", 1)[0]
    host, _slash, path = rest.partition("/")
    host = host.lower()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
    host = _HOST_ALIASES.get(host, host)
    path, question, query = path.partition("?")
    return f"{host}/{path.rstrip('/')}{question}{query}"


class _Seen:
    """What the file's posts are compared with: ids, addresses and links, growing as
    the file's own posts are taken."""

    def __init__(self, logged: Logged) -> None:
        self.ids = set(logged.external_ids)
        self.urls = {address_key(url) for url in logged.urls}
        self.urls.discard("")
        links: dict[str, list[datetime]] = {}
        for link, when in logged.links:
            if key := address_key(link):
                links.setdefault(key, []).append(when)
        for times in links.values():
            times.sort()
        self.links = links

    def duplicate(self, post: HistoryPost) -> bool:
        if post.external_id in self.ids:
            return True
        url = address_key(post.url)
        if url and url in self.urls:
            return True
        times = self.links.get(address_key(post.link)) if post.link else None
        if times:
            at = bisect.bisect_left(times, post.posted_at - LINK_WINDOW)
            if at < len(times) and times[at] <= post.posted_at + LINK_WINDOW:
                return True
        self.ids.add(post.external_id)
        if url:
            self.urls.add(url)
        return False


def plan_history(
    found: HistoryFile,
    logged: Logged,
    classify: Classify,
    *,
    now: datetime,
    tz: tzinfo,
    target: int,
    breaks: BreakDays,
    people: ImportPlan | None = None,
    on_progress: Progress | None = None,
) -> HistoryPlan:
    """The plan for what a reader found, against what is logged already."""
    problems = list(found.problems)
    seen = _Seen(logged)
    latest = now + FUTURE_SLACK
    new: list[NewPost] = []
    skipped = 0
    total = len(found.posts)
    for done, post in enumerate(found.posts, 1):
        if on_progress is not None and done % _PROGRESS_EVERY == 0:
            on_progress(done, total)
        if post.posted_at > latest:
            problems.append(_future(_("post {id}").format(id=post.external_id), post.posted_at, tz))
        elif seen.duplicate(post):
            skipped += 1
        else:
            new.append(NewPost(post, *classify(post)))
    new.sort(key=lambda n: n.post.posted_at)
    engagement = _new_engagement(found.engagement, logged.engagement_ids, latest, tz, problems)
    if people is not None:
        problems += [
            Problem(_("{file} line {line}").format(file="Connections.csv", line=e.line), e.message)
            for e in people.errors
        ]
    days = [n.post.posted_at.astimezone(tz).date() for n in (new[:1] + new[-1:])]
    return HistoryPlan(
        platform=found.platform,
        source=PLATFORM_SOURCES.get(found.platform, found.platform),
        posts=new,
        skipped=skipped,
        engagement=engagement,
        problems=problems,
        people=people,
        first=days[0] if days else None,
        last=days[-1] if days else None,
        preview=make_preview(
            [(n.post.platform, n.kind, n.post.posted_at) for n in new],
            logged.post_times,
            now,
            tz,
            target,
            breaks,
        ),
    )


def _new_engagement(
    found: Iterable[Engagement],
    known: set[str],
    latest: datetime,
    tz: tzinfo,
    problems: list[Problem],
) -> list[Engagement]:
    seen = set(known)
    new: list[Engagement] = []
    for item in found:
        if item.at > latest:
            if item.kind == "comment":
                where = _("comment {id}").format(id=item.external_id)
            else:
                where = _("reply {id}").format(id=item.external_id)
            problems.append(_future(where, item.at, tz))
        elif item.external_id not in seen:
            seen.add(item.external_id)
            new.append(item)
    return new


def _future(where: str, when: datetime, tz: tzinfo) -> Problem:
    day = formats.day_month_year_time(when.astimezone(tz))
    return Problem(where, _("It is dated {time}, in the future; it was left out.").format(time=day))
