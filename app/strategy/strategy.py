"""The career strategy as one record: who the user is, their themes and their targets,
with the rules a valid one keeps. Plain data: app.strategy.stored reads and writes it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, TypeGuard

from app.errors import DigwellError
from app.types import Profile, Theme

MAX_THEMES = 8
MAX_THEME_NAME = 60
MAX_GOAL = 200
WEEKLY_TARGET_RANGE = (1, 21)
HALF_LIFE_RANGE = (0.25, 60.0)
DEFAULT_HALF_LIFE = 3.0

# New themes take these in turn: distinct on light and dark backgrounds.
THEME_COLORS = (
    "#2f80ed",
    "#e07a3f",
    "#27a27b",
    "#9b51e0",
    "#d64550",
    "#c9a227",
    "#2bb3c0",
    "#607d8b",
)

_COLOR = re.compile(r"#[0-9a-f]{6}")
_HASHTAG = re.compile(r"#\w+")
_SPACES = re.compile(r"\s+")


class ContentMix(NamedTuple):
    """Target share of posts, in percent, summing to 100."""

    share: int = 50  # sharing others' work
    original: int = 30  # original thoughts
    credit: int = 20  # crediting or helping people


class Strategy(NamedTuple):
    profile: Profile
    themes: tuple[Theme, ...]
    weekly_target: int = 3
    mix: ContentMix = ContentMix()
    half_life_days: float = DEFAULT_HALF_LIFE


MIX_LABELS = {
    "share": "sharing others' work",
    "original": "original thoughts",
    "credit": "crediting or helping people",
}
PROFILE_LABELS = {"name": "Name", "role": "Role", "goal": "Career goal", "audience": "Audience"}


class StrategyError(DigwellError):
    """A strategy field is wrong. `field` is its path as in the strategy file
    ("themes[2].color", themes counted from 0); the message names it for people."""

    def __init__(self, field: str, label: str, problem: str, hint: str = "") -> None:
        super().__init__(f"{label}: {problem}.", hint)
        self.field = field
        self.label = label
        self.problem = problem


def default_color(position: int) -> str:
    return THEME_COLORS[position % len(THEME_COLORS)]


# Validation ---------------------------------------------------------------------------


def validate(strategy: Strategy) -> None:
    """Raise StrategyError naming the first wrong field; blanks and duplicates in the
    word lists are not errors (they are dropped on save)."""
    normalized(strategy)


def normalized(strategy: Strategy) -> Strategy:
    """The strategy as it is saved: text trimmed, blank and duplicate words dropped,
    hashtags as "#Tag", colours lower case. Raises StrategyError when a field is wrong."""
    profile = Profile(*(_one_line(v) for v in strategy.profile))
    if len(profile.goal) > MAX_GOAL:
        raise StrategyError(
            "profile.goal",
            PROFILE_LABELS["goal"],
            f"{len(profile.goal)} characters is too long (at most {MAX_GOAL})",
            "Say it in one sentence.",
        )
    themes = _themes(strategy.themes)
    low, high = WEEKLY_TARGET_RANGE
    if not is_int(strategy.weekly_target) or not low <= strategy.weekly_target <= high:
        raise StrategyError(
            "weekly_target",
            "Weekly target",
            f"{strategy.weekly_target!r} is not a whole number of posts from {low} to {high}",
        )
    _check_mix(strategy.mix)
    low_h, high_h = HALF_LIFE_RANGE
    half_life = strategy.half_life_days
    if not is_number(half_life) or not low_h <= half_life <= high_h:
        raise StrategyError(
            "freshness_half_life_days",
            "Freshness half-life",
            f"{half_life!r} is not a number of days from {low_h:g} to {high_h:g}",
        )
    return Strategy(
        profile, themes, strategy.weekly_target, ContentMix(*strategy.mix), float(half_life)
    )


def _themes(themes: tuple[Theme, ...]) -> tuple[Theme, ...]:
    if not themes:
        raise StrategyError("themes", "Themes", "there are none", "Add at least one theme.")
    if len(themes) > MAX_THEMES:
        raise StrategyError(
            "themes",
            "Themes",
            f"{len(themes)} is too many (at most {MAX_THEMES})",
            "Focus on fewer: merge or remove some.",
        )
    seen: dict[str, int] = {}
    result = []
    for n, theme in enumerate(themes):
        path = f"themes[{n}]"
        name = _one_line(theme.name)
        label = f"Theme {n + 1} (“{name}”)" if name else f"Theme {n + 1}"
        if not name:
            raise StrategyError(f"{path}.name", f"Theme {n + 1}", "the name is empty")
        if len(name) > MAX_THEME_NAME:
            raise StrategyError(
                f"{path}.name",
                label,
                f"the name is {len(name)} characters long (at most {MAX_THEME_NAME})",
            )
        if name.casefold() in seen:
            raise StrategyError(
                f"{path}.name",
                label,
                f"the name is already used by theme {seen[name.casefold()] + 1}",
                "Give each theme its own name.",
            )
        seen[name.casefold()] = n
        keywords = _words(theme.keywords)
        if not keywords:
            raise StrategyError(
                f"{path}.keywords",
                label,
                "it has no keywords",
                "Add at least one word or phrase that items on this theme contain.",
            )
        color = str(theme.color).strip().lower()
        if not _COLOR.fullmatch(color):
            raise StrategyError(
                f"{path}.color", label, f"'{theme.color}' is not a colour like #3a7bd5"
            )
        result.append(
            Theme(
                id=theme.id,
                name=name,
                keywords=keywords,
                excluded=_words(theme.excluded),
                hashtags=_hashtags(theme.hashtags, f"{path}.hashtags", label),
                color=color,
            )
        )
    return tuple(result)


def _check_mix(mix: ContentMix) -> None:
    for key, value in zip(ContentMix._fields, mix, strict=True):
        if not is_int(value) or not 0 <= value <= 100:
            raise StrategyError(
                f"content_mix.{key}",
                f"Content mix ({MIX_LABELS[key]})",
                f"{value!r} is not a whole percentage from 0 to 100",
            )
    if sum(mix) != 100:
        raise StrategyError(
            "content_mix",
            "Content mix",
            f"the parts sum to {sum(mix)}%, not 100%",
            "Adjust them so they add up to 100.",
        )


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", str(text)).strip()


def _words(words: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, blanks and duplicates (ignoring case) dropped, first spelling kept."""
    seen: set[str] = set()
    result = []
    for word in words:
        word = _one_line(word)
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            result.append(word)
    return tuple(result)


def hashtag(text: str) -> str:
    """A hashtag as saved: "tag" and "#tag" give "#tag"; "platform engineering" gives
    "#PlatformEngineering" (each word capitalised, so people and screen readers can read
    it); a blank gives ""."""
    words = _one_line(text).lstrip("#").split()
    if len(words) > 1:
        words = [w[:1].upper() + w[1:] for w in words]
    joined = "".join(words)
    return f"#{joined}" if joined else ""


def _hashtags(tags: Iterable[str], path: str, label: str) -> tuple[str, ...]:
    result = []
    for n, raw in enumerate(tags):
        tag = hashtag(raw)
        if tag and not _HASHTAG.fullmatch(tag):
            raise StrategyError(
                f"{path}[{n}]",
                label,
                f"'{raw}' is not a hashtag: use letters, digits and _ only",
            )
        result.append(tag)
    return _words(result)


def is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
