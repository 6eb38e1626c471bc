"""Which themes the posts covered lately, and the content mix against its target."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from app.i18n import N_
from app.strategy.strategy import MIX_LABELS, ContentMix
from app.types import Post, Theme

NO_THEME = N_("No theme")  # shown translated; report_json keeps it English
NO_THEME_COLOR = "#9e9e9e"
# A part this far (or further) below its target share is worth a word.
MIX_GAP = 0.15
# Kinds of post counted under each part of the mix; helping someone is crediting them.
MIX_KINDS = {"share": ("share",), "original": ("original",), "credit": ("credit", "help")}


class ThemeCoverage(NamedTuple):
    """One theme's posts: when last, and how many in the last 30 and 90 days."""

    theme_id: int | None  # None for posts with no (or a deleted) theme
    name: str
    color: str
    last_post: datetime | None
    weeks_quiet: int | None  # whole weeks since the last post; None if never posted
    posts_30: int
    posts_90: int
    share_30: float  # of all posts in the last 30 days; 0.0 when there were none
    share_90: float


class MixPart(NamedTuple):
    """One part of the content mix: its actual and target share of the posts."""

    kind: str  # "share" | "original" | "credit"
    label: str
    posts: int
    actual: float
    target: float


def _within(post: Post, now: datetime, days: int) -> bool:
    return now - timedelta(days=days) <= post.posted_at <= now


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def theme_coverage(
    posts: Sequence[Post],
    themes: Sequence[Theme],
    now: datetime,
    last_posts: Mapping[int | None, datetime] | None = None,
) -> list[ThemeCoverage]:
    """One entry per theme in order, then "No theme" if unthemed posts are within 90 days.
    `last_posts` (theme id as stored -> its last post up to now) spares passing every
    post: then `posts` need only hold the last 90 days'."""
    # Posts after `now` are ignored; a theme no longer listed counts as no theme.
    known = {theme.id for theme in themes}
    by_theme: dict[int | None, list[Post]] = {}
    for post in posts:
        if post.posted_at <= now:
            key = post.theme_id if post.theme_id in known else None
            by_theme.setdefault(key, []).append(post)
    total_30 = sum(1 for group in by_theme.values() for p in group if _within(p, now, 30))
    total_90 = sum(1 for group in by_theme.values() for p in group if _within(p, now, 90))
    last_of: dict[int | None, datetime] = {}
    if last_posts is not None:
        for theme_id, when in last_posts.items():
            key = theme_id if theme_id in known else None
            if when <= now and (key not in last_of or when > last_of[key]):
                last_of[key] = when

    def entry(theme_id: int | None, name: str, color: str) -> ThemeCoverage:
        group = by_theme.get(theme_id, [])
        if last_posts is None:
            last = max((p.posted_at for p in group), default=None)
        else:
            last = last_of.get(theme_id)
        in_30 = sum(1 for p in group if _within(p, now, 30))
        in_90 = sum(1 for p in group if _within(p, now, 90))
        return ThemeCoverage(
            theme_id=theme_id,
            name=name,
            color=color,
            last_post=last,
            weeks_quiet=(now - last).days // 7 if last is not None else None,
            posts_30=in_30,
            posts_90=in_90,
            share_30=_share(in_30, total_30),
            share_90=_share(in_90, total_90),
        )

    result = [entry(theme.id, theme.name, theme.color) for theme in themes]
    unthemed = entry(None, NO_THEME, NO_THEME_COLOR)
    if unthemed.posts_90:
        result.append(unthemed)
    return result


def content_mix(
    posts: Sequence[Post], target: ContentMix, now: datetime, days: int = 90
) -> list[MixPart]:
    """Share, original and credit posts of the last `days` days against the target mix."""
    # Kinds outside the mix (none today) are left out of the total, so the parts sum to 1.
    counts = dict.fromkeys(MIX_KINDS, 0)
    part_of = {kind: part for part, kinds in MIX_KINDS.items() for kind in kinds}
    for post in posts:
        if post.kind in part_of and _within(post, now, days):
            counts[part_of[post.kind]] += 1
    total = sum(counts.values())
    return [
        MixPart(
            kind=part,
            label=MIX_LABELS[part],
            posts=counts[part],
            actual=_share(counts[part], total),
            target=getattr(target, part) / 100,
        )
        for part in MIX_KINDS
    ]


def mix_gap(parts: Sequence[MixPart]) -> MixPart | None:
    """The part furthest below its target by at least 15 points (ties: the first), or None."""
    # With no posts in the window every part is "below", but there is nothing to correct yet.
    if not any(part.posts for part in parts):
        return None
    # Rounded, so that 0.35 - 0.2 (0.1499999…) is a gap of 15 points and ties stay ties.
    gaps = [part for part in parts if round(part.target - part.actual, 9) >= MIX_GAP]
    return max(gaps, key=lambda part: round(part.target - part.actual, 9), default=None)
