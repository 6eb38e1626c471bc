"""The strategy file: a career strategy as JSON, to export, edit by hand and import.

Format (UTF-8 JSON; `digwell strategy export FILE` writes it, `import FILE` reads it)::

    {
      "format": "digwell-strategy",
      "version": 1,
      "profile": {"name": "Alex Morgan", "role": "Platform engineer",
                  "goal": "Lead a platform team in fintech within two years",
                  "audience": "Platform engineers and their managers"},
      "themes": [
        {"name": "Platform engineering",
         "keywords": ["kubernetes", "developer experience"],
         "excluded": ["sponsored"],
         "hashtags": ["#PlatformEngineering"],
         "color": "#2f80ed"}
      ],
      "weekly_target": 3,
      "content_mix": {"share": 50, "original": 30, "credit": 20},
      "freshness_half_life_days": 3
    }

- "format" and "version" are required; "themes" (1 to 8) is required, and each theme
  needs "name" (unique ignoring case, at most 60 characters) and "keywords" (at least one;
  an entry with a space is a phrase).
- Optional, with these defaults: "profile" and each of its fields (""; "goal" is one
  sentence, at most 200 characters), a theme's "excluded" and "hashtags" ([]) and
  "color" (one of Digwell's colours, "#rrggbb"), "weekly_target" (3 posts, 1 to 21),
  "content_mix" (all three parts, whole percentages summing to 100: sharing others' work,
  original thoughts, crediting or helping people), "freshness_half_life_days" (3; 0.25 to
  60: an item this many days old ranks half as high as a new one).
- Words are trimmed; blank and repeated entries (ignoring case) are dropped; hashtags
  are written "#Tag" ("platform engineering" becomes "#PlatformEngineering").
- Unknown keys are refused: they are most likely typos.
- Themes carry no ids. On import a theme takes the place of the existing theme with the
  same name (ignoring case), or else of an existing theme with exactly the same keywords
  (it was renamed), so the feeds filed under it stay; other existing themes are removed.
- Errors name the file, the place in it (themes counted from 0) and what is expected:
  `strategy.json: themes[2].color: '#12' is not a colour like #3a7bd5`.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from app.errors import DigwellError
from app.i18n import N_, _, pgettext
from app.strategy.strategy import (
    DEFAULT_HALF_LIFE,
    ContentMix,
    Strategy,
    StrategyError,
    default_color,
    normalized,
)
from app.types import Profile, Theme

FORMAT = "digwell-strategy"
VERSION = 1

_TOP_KEYS = (
    "format",
    "version",
    "profile",
    "themes",
    "weekly_target",
    "content_mix",
    "freshness_half_life_days",
)
_THEME_KEYS = ("name", "keywords", "excluded", "hashtags", "color")
_FIX_HINT = N_("Correct the file, then import it again.")


class ThemeChanges(NamedTuple):
    """What an import does to the stored themes, by name."""

    added: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()  # (old name, new name)
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()  # same theme, other keywords, hashtags or colour


# Writing ------------------------------------------------------------------------------


def strategy_to_json(strategy: Strategy) -> str:
    """The strategy file's text (theme ids left out)."""
    half_life = strategy.half_life_days
    document = {
        "format": FORMAT,
        "version": VERSION,
        "profile": strategy.profile._asdict(),
        "themes": [
            {
                "name": t.name,
                "keywords": list(t.keywords),
                "excluded": list(t.excluded),
                "hashtags": list(t.hashtags),
                "color": t.color,
            }
            for t in strategy.themes
        ],
        "weekly_target": strategy.weekly_target,
        "content_mix": strategy.mix._asdict(),
        # 3, not 3.0: the file is meant to be read and edited by people.
        "freshness_half_life_days": int(half_life) if half_life == int(half_life) else half_life,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# Reading ------------------------------------------------------------------------------


class _Reader:
    """Checks a decoded document's shape; errors name `source` and the path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, problem: str, hint: str | None = None) -> DigwellError:
        """`problem` and `hint` translated; no hint: "Correct the file…"."""
        hint = _(_FIX_HINT) if hint is None else hint
        return DigwellError(f"{self.source}: {path}: {problem}.", hint)

    def obj(self, value: object, path: str, allowed: tuple[str, ...]) -> dict[str, object]:
        if not isinstance(value, dict):
            # Translators: {kind} is what was found: "a list", "the number 3", "null"…
            problem = _("expected an object {{...}}, not {kind}").format(kind=_kind(value))
            raise self.fail(path, problem)
        for key in value:
            if key not in allowed:
                import difflib

                close = difflib.get_close_matches(key, allowed, n=1)
                if close:
                    # Translators: {key} and {suggestion} are keys of the strategy file.
                    problem = _("unknown key '{key}' (did you mean '{suggestion}'?)").format(
                        key=key, suggestion=close[0]
                    )
                else:
                    # Translators: {key} is a key of the strategy file.
                    problem = _("unknown key '{key}'").format(key=key)
                expected = ", ".join(allowed)
                # Translators: {keys} lists keys of the strategy file: "name, keywords".
                hint = _("The keys allowed here are {keys}.").format(keys=expected)
                raise self.fail(path, problem, hint)
        return value

    def text(self, value: object, path: str) -> str:
        if not isinstance(value, str):
            # Translators: {kind} is what was found: "a list", "the number 3", "null"…
            problem = _("expected text in quotes, not {kind}").format(kind=_kind(value))
            raise self.fail(path, problem)
        return value

    def words(self, value: object, path: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            # Translators: {kind} is what was found: "an object", "the number 3", "null"…
            problem = _('expected a list of words ["...", "..."], not {kind}')
            raise self.fail(path, problem.format(kind=_kind(value)))
        return tuple(self.text(w, f"{path}[{n}]") for n, w in enumerate(value))

    def whole(self, value: object, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            # Translators: {kind} is what was found: "a list", "the number 3.5", "null"…
            problem = _("expected a whole number, not {kind}").format(kind=_kind(value))
            raise self.fail(path, problem)
        return value

    def number(self, value: object, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            # Translators: {kind} is what was found: "a list", "the text 'three'", "null"…
            problem = _("expected a number, not {kind}").format(kind=_kind(value))
            raise self.fail(path, problem)
        return float(value)

    def required(self, data: dict[str, object], key: str, path: str) -> object:
        if key not in data:
            # Translators: {key} is a key of the strategy file, e.g. keywords.
            raise self.fail(path, _("'{key}' is missing").format(key=key))
        return data[key]


def strategy_from_json(text: str, source: str) -> Strategy:
    """Read a strategy file's text (`source` names it in errors). The result is validated
    and normalised; its themes all have id 0 (see `match_themes`)."""
    read = _Reader(source)
    data = _document(read, text, source)
    # Translators: where in the strategy file: outside every section.
    top = _("(top level)")
    read.obj(data, top, _TOP_KEYS)
    _check_version(read, read.whole(read.required(data, "version", top), "version"))

    raw_profile = read.obj(data.get("profile", {}), "profile", Profile._fields)
    profile = Profile(
        **{k: read.text(v, f"profile.{k}") for k, v in raw_profile.items()},
    )
    raw_themes = read.required(data, "themes", top)
    if not isinstance(raw_themes, list):
        # Translators: {kind} is what was found: "an object", "the number 3", "null"…
        problem = _("expected a list of themes [...], not {kind}").format(kind=_kind(raw_themes))
        raise read.fail("themes", problem)
    themes = tuple(_theme(read, raw, n) for n, raw in enumerate(raw_themes))

    defaults = Strategy._field_defaults
    target = read.whole(data.get("weekly_target", defaults["weekly_target"]), "weekly_target")
    mix = ContentMix()
    if "content_mix" in data:
        raw_mix = read.obj(data["content_mix"], "content_mix", ContentMix._fields)
        mix = ContentMix(
            **{
                k: read.whole(read.required(raw_mix, k, "content_mix"), f"content_mix.{k}")
                for k in ContentMix._fields
            }
        )
    half_life = read.number(
        data.get("freshness_half_life_days", DEFAULT_HALF_LIFE), "freshness_half_life_days"
    )
    try:
        return normalized(Strategy(profile, themes, target, mix, half_life))
    except StrategyError as err:
        raise read.fail(err.field, err.problem, err.hint or None) from err


def _document(read: _Reader, text: str, source: str) -> dict[str, object]:
    """The file's JSON object, once it is JSON and says it is a Digwell strategy file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DigwellError(
            # Translators: {file} is the file's name; {error} is Python's JSON error, in English.
            _("{file}: line {line}, column {column}: this is not valid JSON ({error}).").format(
                file=source, line=err.lineno, column=err.colno, error=err.msg
            ),
            _(_FIX_HINT),
        ) from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise read.fail(
            "format",
            # Translators: {format} is the file format's name, "digwell-strategy".
            _('expected "format": "{format}": this is not a Digwell strategy file').format(
                format=FORMAT
            ),
            _("Export one with `digwell strategy export FILE` to see the format."),
        )
    return data


def _check_version(read: _Reader, version: int) -> None:
    """Refuse a version of the file format this Digwell does not know."""
    if version != VERSION:
        if version > VERSION:
            # Translators: {version} and {known} are version numbers of the file format.
            problem = _(
                "version {version} is not known (written by a newer Digwell); "
                "this Digwell reads version {known}"
            )
        else:
            # Translators: {version} and {known} are version numbers of the file format.
            problem = _("version {version} is not known; this Digwell reads version {known}")
        raise read.fail(
            "version",
            problem.format(version=version, known=VERSION),
            _("Update Digwell, or export the strategy again from the Digwell that wrote it."),
        )


def _theme(read: _Reader, raw: object, n: int) -> Theme:
    path = f"themes[{n}]"
    data = read.obj(raw, path, _THEME_KEYS)
    return Theme(
        id=0,
        name=read.text(read.required(data, "name", path), f"{path}.name"),
        keywords=read.words(read.required(data, "keywords", path), f"{path}.keywords"),
        excluded=read.words(data.get("excluded", []), f"{path}.excluded"),
        hashtags=read.words(data.get("hashtags", []), f"{path}.hashtags"),
        color=read.text(data.get("color", default_color(n)), f"{path}.color"),
    )


def _kind(value: object) -> str:
    """What a JSON value is, for an error: "the number 3", "a list" (translated)."""
    if value is None:
        return "null"  # JSON's own words, as in the file
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # Translators: a value found in the strategy file: "expected a number, not the text 'x'".
        return (
            _("the text '{text}'").format(text=value)
            if len(value) <= 40
            else pgettext("a value in the strategy file", "text")
        )
    if isinstance(value, (int, float)):
        # Translators: a value found in the strategy file: "expected text, not the number 3".
        return _("the number {number}").format(number=value)
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("a list")
    return type(value).__name__


# Importing ----------------------------------------------------------------------------


def match_themes(imported: Strategy, current: Strategy) -> tuple[Strategy, ThemeChanges]:
    """Give imported themes the ids of the stored themes they stand for: the same name
    ignoring case, else exactly the same keywords ignoring case and order (a rename).
    Stored themes left unmatched are the ones the import removes."""
    unmatched = {t.id: t for t in current.themes}
    by_name = {t.name.casefold(): t for t in current.themes}
    ids: list[int] = []
    for theme in imported.themes:
        same = by_name.get(theme.name.casefold())
        ids.append(same.id if same is not None and same.id in unmatched else 0)
        if ids[-1]:
            del unmatched[ids[-1]]
    for n, theme in enumerate(imported.themes):
        if ids[n]:
            continue
        renamed = next(
            (t for t in unmatched.values() if _keyword_set(t) == _keyword_set(theme)), None
        )
        if renamed is not None:
            ids[n] = renamed.id
            del unmatched[renamed.id]

    old = {t.id: t for t in current.themes}
    themes = tuple(t._replace(id=i) for t, i in zip(imported.themes, ids, strict=True))
    changes = ThemeChanges(
        added=tuple(t.name for t in themes if not t.id),
        renamed=tuple(
            (old[t.id].name, t.name) for t in themes if t.id and old[t.id].name != t.name
        ),
        removed=tuple(t.name for t in unmatched.values()),
        changed=tuple(t.name for t in themes if t.id and _content(old[t.id]) != _content(t)),
    )
    return imported._replace(themes=themes), changes


def _keyword_set(theme: Theme) -> frozenset[str]:
    return frozenset(k.casefold() for k in theme.keywords)


def _content(theme: Theme) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]:
    return theme.keywords, theme.excluded, theme.hashtags, theme.color
