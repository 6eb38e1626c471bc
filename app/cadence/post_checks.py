"""Checking posts as typed, by hand or in the rows of a CSV file (app.cadence.posts_csv):
every problem of a post is found, so an import can list them all, and no post is logged
in the future. The posts log (app.cadence.posts_log) checks what it adds with these.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING

from app.cadence.post_fields import (
    DEFAULT_TIME,
    PostInput,
    parse_date,
    parse_kind,
    parse_platform,
    parse_theme,
    parse_time,
    parse_url,
)
from app.cadence.posts_csv import CsvRows, PostsImportError, line_problem
from app.errors import DigwellError
from app.i18n import _, ngettext
from app.types import Theme

if TYPE_CHECKING:
    from typing import ParamSpec, TypeVar

    P = ParamSpec("P")
    T = TypeVar("T")


def parse_post(
    date_text: str,
    time_text: str | None,
    platform_text: str,
    kind_text: str,
    theme_text: str | None,
    url_text: str,
    text: str,
    themes: list[Theme],
    now: datetime,
    tz: tzinfo,
) -> tuple[PostInput | None, list[DigwellError]]:
    """Every problem of one post, so an import can list them all."""
    problems: list[DigwellError] = []

    def attempt(parse: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        try:
            return parse(*args, **kwargs)
        except DigwellError as err:
            problems.append(err)
            return None

    day = attempt(parse_date, date_text)
    time_given = bool((time_text or "").strip())
    clock_time = attempt(parse_time, time_text or "") if time_given else None
    key = attempt(parse_platform, platform_text)
    kind = attempt(parse_kind, kind_text)
    theme_id = attempt(parse_theme, theme_text, themes)
    url = attempt(parse_url, url_text)
    when = None
    if day is not None and (clock_time is not None or not time_given):
        when = attempt(_when, day, clock_time, now, tz)
    if problems:
        return None, problems
    # Each parse that gave None added a problem, so none did here.
    assert when is not None and key is not None and kind is not None and url is not None
    return PostInput(when, key, kind, theme_id, url, (text or "").strip()), []


def _when(day: date, clock_time: time | None, now: datetime, tz: tzinfo) -> datetime:
    when = datetime.combine(day, clock_time or DEFAULT_TIME, tzinfo=tz)
    if clock_time is None and day == now.astimezone(tz).date() and when > now:
        # Today's post is already out: its time is now, not a noon still to come.
        when = now.astimezone(tz).replace(second=0, microsecond=0)
    check_not_future(when, now)
    return when


def check_not_future(when: datetime, now: datetime) -> None:
    if when > now:
        raise DigwellError(
            _("{when} is in the future.").format(when=f"{when:%Y-%m-%d %H:%M}"),
            _("Log a post once it is out; to plan one, plan a draft instead."),
        )


def checked_rows(
    read: CsvRows, name: str, themes: list[Theme], now: datetime, tz: tzinfo
) -> list[PostInput]:
    """The posts of a CSV file's rows (`name` is the file's), all checked. A bad row is a
    PostsImportError listing every bad row; a file of no rows is a DigwellError."""
    inputs: list[PostInput] = []
    errors = list(read.errors)
    for line, values in read.rows:
        parsed, problems = parse_post(
            values.get("date", ""),
            values.get("time", ""),
            values.get("platform", ""),
            values.get("kind", ""),
            values.get("theme", ""),
            values.get("url", ""),
            values.get("text", ""),
            themes,
            now,
            tz,
        )
        if problems:
            reasons = "; ".join(err.message.rstrip(".") for err in problems)
            errors.append((line, line_problem(line, reasons)))
        elif parsed is not None:
            inputs.append(parsed)
    if errors:
        errors.sort(key=lambda e: e[0])
        count = len(errors)
        raise PostsImportError(
            ngettext(
                "Nothing was imported from {name}: {count} row has a problem.",
                "Nothing was imported from {name}: {count} rows have problems.",
                count,
            ).format(name=name, count=count),
            ngettext(
                "Fix it, then import the file again.",
                "Fix them, then import the file again.",
                count,
            ),
            (text for __, text in errors),
        )
    if not inputs:
        raise DigwellError(
            _("{name} has a header row (line {line}) but no posts.").format(
                name=name, line=read.header_line
            ),
            _("Add one row per post below it."),
        )
    return inputs
