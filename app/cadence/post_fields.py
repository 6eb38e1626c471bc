"""One logged post's fields as the user typed them (the dialog, the CLI, a CSV row),
checked, with messages that say what to type instead."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import NamedTuple

from app.compose.platforms import PLATFORMS
from app.errors import DigwellError
from app.i18n import N_, _
from app.text.links import safe_link
from app.types import POST_KINDS, Theme

OTHER_PLATFORM = "other"
PLATFORM_KEYS = (*PLATFORMS, OTHER_PLATFORM)
# What people call a platform besides its key and its name.
_PLATFORM_ALIASES = {"twitter": "x", "x.com": "x", "twitter.com": "x", "bsky": "bluesky"}
# Marked only: show them translated, _(KIND_LABELS[kind]).
KIND_LABELS = {
    "share": N_("Shared someone's work"),
    "original": N_("Original thought"),
    "credit": N_("Credited someone"),
    "help": N_("Helped someone"),
}
DEFAULT_KIND = "share"
# A post known only by its date is logged at noon: twelve hours from either midnight,
# so it never slips into the neighbouring day (or week) when read in another time zone
# or across a daylight-saving change.
DEFAULT_TIME = time(12, 0)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


class PostInput(NamedTuple):
    """A post as the user described it, checked and ready to log."""

    posted_at: datetime  # aware, in the user's time zone
    platform: str  # a key of PLATFORMS, or "other"
    kind: str  # one of POST_KINDS
    theme_id: int | None
    url: str
    text: str


def platform_name(key: str) -> str:
    """'linkedin' -> 'LinkedIn'; 'other' -> 'Other'."""
    found = PLATFORMS.get(key)
    if found:
        return found.name
    return _("Other") if key == OTHER_PLATFORM else key.capitalize()


def _shown(text: str) -> str:
    """User input for a message (which quotes it): on one line, not too long."""
    flat = " ".join(text.split())
    return f"{flat[:40]}…" if len(flat) > 41 else flat


def parse_date(text: str) -> date:
    """'2026-11-20' -> date; a DigwellError for anything else."""
    text = text.strip()
    if not text:
        raise DigwellError(_("The date is missing."), _("Give it as YYYY-MM-DD, e.g. 2026-11-20."))
    try:
        if _DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise DigwellError(
        # Translators: {text} is what the user typed.
        _("'{text}' is not a date (YYYY-MM-DD).").format(text=_shown(text)),
        _("For example 2026-11-20."),
    )


def parse_time(text: str) -> time:
    """'09:30' -> time; a DigwellError for anything else (12-hour times included)."""
    text = text.strip()
    found = _TIME.fullmatch(text)
    if not found:
        raise DigwellError(
            _("'{text}' is not a time (HH:MM, 24-hour).").format(text=_shown(text)),
            _("For example 09:30 or 17:05."),
        )
    return time(int(found[1]), int(found[2]))


def parse_platform(text: str) -> str:
    """A platform's key from its key, name or a common alias, in any case."""
    wanted = text.strip().casefold()
    if not wanted:
        raise DigwellError(
            _("The platform is missing."),
            _("Choose one of {choices}.").format(choices=_platform_choices()),
        )
    for key, known in PLATFORMS.items():
        if wanted in (key, known.name.casefold()):
            return key
    if wanted in _PLATFORM_ALIASES:
        return _PLATFORM_ALIASES[wanted]
    if wanted == OTHER_PLATFORM:
        return OTHER_PLATFORM
    raise DigwellError(
        _("'{text}' is not a platform Digwell knows.").format(text=_shown(text)),
        _("Choose one of {choices}.").format(choices=_platform_choices()),
    )


def _platform_choices() -> str:
    # Translators: {keys} lists platform keys ("linkedin, x"); {last} is "other". Keep them.
    return _("{keys} or {last}").format(keys=", ".join(PLATFORMS), last=OTHER_PLATFORM)


def parse_kind(text: str) -> str:
    """One of POST_KINDS, in any case; empty means the default, share."""
    wanted = text.strip().casefold()
    if not wanted:
        return DEFAULT_KIND
    if wanted in POST_KINDS:
        return wanted
    raise DigwellError(
        _("'{text}' is not a kind of post.").format(text=_shown(text)),
        # Translators: {kinds} and {last} are the kinds to type (share, original…). Keep them.
        _("Choose {kinds} or {last}.").format(
            kinds=", ".join(POST_KINDS[:-1]), last=POST_KINDS[-1]
        ),
    )


def parse_url(text: str) -> str:
    """An http(s) address, or '' for none; anything else (javascript:, file:) is refused."""
    text = text.strip()
    if not text:
        return ""
    url = safe_link(text)
    if not url:
        raise DigwellError(
            _("'{text}' is not a web address.").format(text=_shown(text)),
            _("Give the post's link, starting with https://, or leave it empty."),
        )
    return url


def parse_theme(text: str | None, themes: list[Theme]) -> int | None:
    """The id of the theme named `text` (any case); None for no theme."""
    wanted = (text or "").strip().casefold()
    if not wanted:
        return None
    for theme in themes:
        if theme.name.casefold() == wanted:
            return theme.id
    if themes:
        hint = _("Your themes: {themes}. Or leave the theme empty.").format(
            themes=", ".join(t.name for t in themes)
        )
    else:
        hint = _("You have no themes yet: leave the theme empty, or add themes to your strategy.")
    raise DigwellError(_("There is no theme named '{text}'.").format(text=_shown(text or "")), hint)
