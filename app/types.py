"""Plain, immutable records passed between the core, the CLI and the UI.

NamedTuples rather than frozen dataclasses: importing and building dataclasses cost
~14 ms of every start-up (measured), NamedTuples ~1 ms.
"""

# No `from __future__ import annotations` here: NamedTuple would turn every string
# annotation into a compiled ForwardRef (~3 ms at start-up).
from datetime import date, datetime
from typing import NamedTuple

# What a post was: sharing others' work, an original thought, crediting or helping people.
POST_KINDS = ("share", "original", "credit", "help")
# The theme id of an item's row ranking it in the whole inbox (under its best theme).
ALL_THEMES = 0


class Theme(NamedTuple):
    """A career theme: what the user wants to be known for."""

    id: int
    name: str
    keywords: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    color: str = "#607d8b"


class Profile(NamedTuple):
    """Who the user is, as templates greet and sign with it."""

    name: str = ""
    role: str = ""
    goal: str = ""
    audience: str = ""


class Feed(NamedTuple):
    """A subscription."""

    id: int
    url: str
    title: str
    site_url: str = ""
    last_success: datetime | None = None
    last_error: str = ""
    themes: tuple[str, ...] = ()
    item_count: int = 0
    paused: bool = False
    paused_reason: str = ""
    failures: int = 0
    last_attempt: datetime | None = None
    next_fetch_at: datetime | None = None
    auth_kind: str = ""


class ParsedEntry(NamedTuple):
    """One feed entry as parsed, before it is stored."""

    key: str
    title: str
    link: str
    author: str
    summary_html: str
    summary_text: str
    published: datetime | None
    guid: str = ""


class ParsedFeed(NamedTuple):
    """A parsed feed document: its own metadata and its entries."""

    title: str
    site_url: str
    entries: tuple[ParsedEntry, ...]
    warning: str = ""


class ItemRow(NamedTuple):
    """What the inbox list shows of an item."""

    id: int
    title: str
    source: str
    published: datetime | None
    has_draft: bool = False
    read: bool = False
    starred: bool = False
    theme: str = ""  # the theme it ranks under in the list shown, "" if none matched
    color: str = ""  # that theme's colour
    reason: str = ""  # "Platform engineering: kubernetes (title), ..." (built by the inbox)
    shared_at: datetime | None = None  # when its link was last posted, if ever
    relevance: float = 0.0  # 0-1, to the theme it ranks under, before freshness
    sort_time: datetime | None = None  # its date as ranked (published, or first seen)
    link: str = ""
    matched: tuple[tuple[str, str], ...] = ()  # (keyword, "title" or "summary") for `theme`


class Item(NamedTuple):
    """A stored feed item, in full."""

    id: int
    feed_id: int
    title: str
    link: str
    author: str
    source: str
    summary_html: str
    summary_text: str
    published: datetime | None
    themes: tuple[str, ...] = ()  # of its feed
    read: bool = False
    starred: bool = False
    dismissed: bool = False
    reason: str = ""  # why it ranks where it does (built by the inbox from `matched`)
    terms: tuple[str, ...] = ()  # the matched keywords, to highlight
    relevance: float = 0.0
    shared: tuple[tuple[datetime, str], ...] = ()  # (when, platform) its link was posted
    best_theme: str = ""  # the theme it ranks best under, "" if none matched
    matched: tuple[tuple[str, str], ...] = ()  # (keyword, "title" or "summary") for it


class Draft(NamedTuple):
    """A post being written, with where it came from."""

    id: int
    text: str
    template: str
    platform: str
    state: str
    created: datetime
    updated: datetime
    item_ids: tuple[int, ...] = ()
    title: str = ""
    take: str = ""  # the user's own words the template was filled with
    theme_id: int | None = None
    theme: str = ""  # that theme's name, "" if none
    planned_for: datetime | None = None  # the slot it is planned for, if any


class Post(NamedTuple):
    """A post the user published by hand and marked as posted."""

    id: int
    posted_at: datetime
    platform: str
    kind: str = "share"
    url: str = ""
    text: str = ""
    draft_id: int | None = None
    item_id: int | None = None
    link: str = ""  # the shared item's link
    theme_id: int | None = None


class WeekProgress(NamedTuple):
    """Posts in the current calendar week against the weekly target."""

    posts: int
    target: int
    week_start: datetime

    @property
    def met(self) -> bool:
        return self.posts >= self.target


class InboxFilter(NamedTuple):
    """Which items the inbox lists: a theme (0: all), a state, and search words."""

    theme_id: int = ALL_THEMES
    show: str = "inbox"  # inbox (all but dismissed), unread, read, starred or dismissed
    search: str = ""


# How the user touched a person (docs/PEOPLE.md). Gives come before asks.
TOUCH_KINDS = (
    "credited",
    "thanked",
    "helped",
    "commented",
    "talked",
    "message",
    "asked",
    "connected",
)
GIVE_KINDS = ("credited", "thanked", "helped", "commented")
ASK_KINDS = ("asked",)
# Where a person has a profile: the columns of their handles, in the order forms show them.
HANDLE_FIELDS = ("linkedin", "x", "mastodon", "bluesky", "threads", "website")


class Circle(NamedTuple):
    """A circle of people kept warm at one interval: due after `ideal_days` without a
    touch, overdue after `max_days`."""

    id: int
    name: str
    ideal_days: int
    max_days: int


class Person(NamedTuple):
    """Someone the user keeps in touch with, and where their keep-warm interval stands."""

    id: int
    name: str
    company: str = ""
    role: str = ""
    how_known: str = ""
    notes: str = ""
    circle_id: int = 0
    circle: str = ""  # the circle's name
    linkedin: str = ""  # https://www.linkedin.com/in/slug
    x: str = ""  # @handle
    mastodon: str = ""  # @user@server
    bluesky: str = ""  # handle.bsky.social (mentioned with an @)
    threads: str = ""  # @handle
    website: str = ""  # a site or feed URL
    email: str = ""
    ideal_days: int | None = None  # the person's own interval, overriding the circle's
    max_days: int | None = None
    added_on: date | None = None
    archived: bool = False
    snoozed_until: date | None = None
    last_touch: date | None = None
    due_on: date | None = None  # past the ideal interval from this day on
    overdue_on: date | None = None  # past the maximum from this day on
    gives: int = 0
    asks: int = 0


class Touch(NamedTuple):
    """One contact with a person: a credit, a thanks, a talk, an ask…"""

    id: int
    person_id: int
    kind: str
    on: date
    note: str = ""
    post_id: int | None = None  # the user's post it was part of, if any
    auto: bool = False  # logged by marking a draft posted (undone with it)
    post_url: str = ""  # that post's link and start, for the person's timeline
    post_text: str = ""
    post_platform: str = ""


class Break(NamedTuple):
    """A planned break, first to last day included (docs/CADENCE.md, "Planned breaks"):
    the presence score is frozen, streaks skip it, reminders are silent."""

    id: int
    starts_on: date
    ends_on: date
    note: str = ""


class Changes(NamedTuple):
    """What one operation changed, announced once by the service that made it (see
    docs/ARCHITECTURE.md, "Changes"); every page decides what to reload from it."""

    items: bool = False  # items stored, removed or ranked anew
    item_ids: tuple[int, ...] = ()  # only these items changed (read, starred, drafted)
    drafts: bool = False  # a draft made, edited, planned, posted, archived or deleted
    posts: bool = False  # the posts log
    strategy: bool = False  # the profile, themes or targets
    feeds: bool = False  # subscriptions and their state
    schedule: bool = False  # posting days and time, reminders, tray preferences
    settings: bool = False  # any other preference (e.g. the Mastodon server)
    people: bool = False  # people, their touches and circles
    breaks: bool = False  # planned breaks (the cadence's figures change with them)

    def __or__(self, other: "Changes") -> "Changes":
        merged = [a or b for a, b in zip(self, other, strict=True)]
        merged[1] = tuple(dict.fromkeys(self.item_ids + other.item_ids))  # item_ids
        return Changes._make(merged)

    def __bool__(self) -> bool:
        return any(self)
