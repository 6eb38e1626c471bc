"""The career strategy as one record: who the user is, their themes and their targets,
with the rules a valid one keeps. Plain data: app.strategy.stored reads and writes it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, TypeGuard

from app.errors import DigwellError
from app.i18n import N_, _, ngettext
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


# In English: `_(MIX_LABELS[part])` where one is shown.
MIX_LABELS = {
    "share": N_("sharing others' work"),
    "original": N_("original thoughts"),
    "credit": N_("crediting or helping people"),
}
PROFILE_LABELS = {
    "name": N_("Name"),
    "role": N_("Role"),
    "goal": N_("Career goal"),
    "audience": N_("Audience"),
}


class StrategyError(DigwellError):
    """A strategy field is wrong. `field` is its path as in the strategy file
    ("themes[2].color", themes counted from 0); the message names it for people.
    `label` and `problem` come translated."""

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
            _(PROFILE_LABELS["goal"]),
            ngettext(
                "{count} character is too long (at most {limit})",
                "{count} characters is too long (at most {limit})",
                len(profile.goal),
            ).format(count=len(profile.goal), limit=MAX_GOAL),
            _("Say it in one sentence."),
        )
    themes = _themes(strategy.themes)
    low, high = WEEKLY_TARGET_RANGE
    if not is_int(strategy.weekly_target) or not low <= strategy.weekly_target <= high:
        raise StrategyError(
            "weekly_target",
            _("Weekly target"),
            # Translators: {value} is what was given, as written in the strategy file.
            _("{value} is not a whole number of posts from {low} to {high}").format(
                value=repr(strategy.weekly_target), low=low, high=high
            ),
        )
    _check_mix(strategy.mix)
    low_h, high_h = HALF_LIFE_RANGE
    half_life = strategy.half_life_days
    if not is_number(half_life) or not low_h <= half_life <= high_h:
        raise StrategyError(
            "freshness_half_life_days",
            _("Freshness half-life"),
            # Translators: {value} is what was given, as written in the strategy file.
            _("{value} is not a number of days from {low} to {high}").format(
                value=repr(half_life), low=f"{low_h:g}", high=f"{high_h:g}"
            ),
        )
    return Strategy(
        profile, themes, strategy.weekly_target, ContentMix(*strategy.mix), float(half_life)
    )


def _themes(themes: tuple[Theme, ...]) -> tuple[Theme, ...]:
    if not themes:
        raise StrategyError(
            "themes", _("Themes"), _("there are none"), _("Add at least one theme.")
        )
    if len(themes) > MAX_THEMES:
        raise StrategyError(
            "themes",
            _("Themes"),
            _("{count} is too many (at most {limit})").format(count=len(themes), limit=MAX_THEMES),
            _("Focus on fewer: merge or remove some."),
        )
    seen: dict[str, int] = {}
    result = []
    for n, theme in enumerate(themes):
        path = f"themes[{n}]"
        name = _theme_name(theme.name, n, seen)
        seen[name.casefold()] = n
        keywords = _words(theme.keywords)
        if not keywords:
            raise StrategyError(
                f"{path}.keywords",
                _theme_label(n, name),
                _("it has no keywords"),
                _("Add at least one word or phrase that items on this theme contain."),
            )
        color = str(theme.color).strip().lower()
        if not _COLOR.fullmatch(color):
            raise StrategyError(
                f"{path}.color",
                _theme_label(n, name),
                _("'{color}' is not a colour like #3a7bd5").format(color=theme.color),
            )
        result.append(
            Theme(
                id=theme.id,
                name=name,
                keywords=keywords,
                excluded=_words(theme.excluded),
                hashtags=_hashtags(theme.hashtags, f"{path}.hashtags", n, name),
                color=color,
            )
        )
    return tuple(result)


def _theme_name(text: str, n: int, seen: dict[str, int]) -> str:
    """The name of the theme at index `n`, trimmed, once it is neither empty, too long nor
    the name of a theme before it (`seen`: their names, casefolded, and indexes)."""
    name = _one_line(text)
    if not name:
        raise StrategyError(f"themes[{n}].name", _theme_label(n, name), _("the name is empty"))
    if len(name) > MAX_THEME_NAME:
        raise StrategyError(
            f"themes[{n}].name",
            _theme_label(n, name),
            ngettext(
                "the name is {count} character long (at most {limit})",
                "the name is {count} characters long (at most {limit})",
                len(name),
            ).format(count=len(name), limit=MAX_THEME_NAME),
        )
    if name.casefold() in seen:
        raise StrategyError(
            f"themes[{n}].name",
            _theme_label(n, name),
            # Translators: {number} is the other theme's place in the list (1, 2…).
            _("the name is already used by theme {number}").format(
                number=seen[name.casefold()] + 1
            ),
            _("Give each theme its own name."),
        )
    return name


def _theme_label(n: int, name: str) -> str:
    """How an error names the theme at index `n`: "Theme 2 (“Leadership”)"; worked out
    only when there is an error to show."""
    if name:
        # Translators: {number} is the theme's place in the list (1, 2…), {name} its name.
        return _("Theme {number} (“{name}”)").format(number=n + 1, name=name)
    # Translators: {number} is the theme's place in the list (1, 2…).
    return _("Theme {number}").format(number=n + 1)


def _check_mix(mix: ContentMix) -> None:
    for key, value in zip(ContentMix._fields, mix, strict=True):
        if not is_int(value) or not 0 <= value <= 100:
            raise StrategyError(
                f"content_mix.{key}",
                # Translators: {part} is a part of the mix: "sharing others' work".
                _("Content mix ({part})").format(part=_(MIX_LABELS[key])),
                # Translators: {value} is what was given, as written in the strategy file.
                _("{value} is not a whole percentage from 0 to 100").format(value=repr(value)),
            )
    if sum(mix) != 100:
        raise StrategyError(
            "content_mix",
            _("Content mix"),
            _("the parts sum to {total}%, not 100%").format(total=sum(mix)),
            _("Adjust them so they add up to 100."),
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


def _hashtags(tags: Iterable[str], path: str, theme: int, name: str) -> tuple[str, ...]:
    """The theme's hashtags as saved; `theme` and `name` (its index and name) name it in
    an error."""
    result = []
    for n, raw in enumerate(tags):
        tag = hashtag(raw)
        if tag and not _HASHTAG.fullmatch(tag):
            raise StrategyError(
                f"{path}[{n}]",
                _theme_label(theme, name),
                _("'{tag}' is not a hashtag: use letters, digits and _ only").format(tag=raw),
            )
        result.append(tag)
    return _words(result)


def is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
