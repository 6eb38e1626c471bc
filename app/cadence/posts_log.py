"""The posts log: every post the user made, marked posted in Digwell or made elsewhere.

Posts can be added, edited, deleted (and put back) one by one, or imported from a CSV
file with a header row. Its columns, in any order, names in any case:

    date      required, YYYY-MM-DD, the day in your time zone
    time      HH:MM, 24-hour; 12:00 when empty
    platform  required: linkedin, x (or twitter), mastodon, bluesky, threads or other
    kind      share (the default), original, credit or help
    theme     the name of one of your themes; empty for none
    url       the post's web address (http or https); may be empty
    text      what the post said; may be empty

Columns with an empty header are ignored; any other column is an error. An import is
all or nothing: one bad row and nothing is added. Rows already in the log (same time,
platform and URL) are skipped, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import builtins
import csv
import io
import re
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import NamedTuple

from app.clock import Clock
from app.compose.platforms import PLATFORMS
from app.errors import DigwellError
from app.feeds.links import safe_link
from app.store import posts as posts_q
from app.store import themes as themes_q
from app.store.database import Database, to_db_time
from app.store.posts import POST_KINDS
from app.types import Post, Theme

OTHER_PLATFORM = "other"
PLATFORM_KEYS = (*PLATFORMS, OTHER_PLATFORM)
# What people call a platform besides its key and its name.
_PLATFORM_ALIASES = {"twitter": "x", "x.com": "x", "twitter.com": "x", "bsky": "bluesky"}
KIND_LABELS = {
    "share": "Shared someone's work",
    "original": "Original thought",
    "credit": "Credited someone",
    "help": "Helped someone",
}
DEFAULT_KIND = "share"
# A post known only by its date is logged at noon: twelve hours from either midnight,
# so it never slips into the neighbouring day (or week) when read in another time zone
# or across a daylight-saving change.
DEFAULT_TIME = time(12, 0)

CSV_COLUMNS = ("date", "time", "platform", "kind", "theme", "url", "text")
CSV_REQUIRED = ("date", "platform")
MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_CSV_ROWS = 20_000
MAX_LISTED_ERRORS = 20
_CSV_HEADER_EXAMPLE = ",".join(CSV_COLUMNS)

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


class ImportReport(NamedTuple):
    """What a CSV import did."""

    added: int
    skipped: int  # already in the log
    errors: tuple[str, ...] = ()


class PostsImportError(DigwellError):
    """A CSV file with bad rows: nothing was imported. `errors` holds every row's problem,
    "line 4: …"; the message lists the first MAX_LISTED_ERRORS of them."""

    def __init__(self, headline: str, hint: str, errors: Iterable[str]) -> None:
        self.errors = tuple(errors)
        self.headline = headline
        listed = list(self.errors[:MAX_LISTED_ERRORS])
        if len(self.errors) > MAX_LISTED_ERRORS:
            listed.append(f"and {len(self.errors) - MAX_LISTED_ERRORS} more")
        self.listed = tuple(listed)
        super().__init__("\n".join((headline, *listed)), hint)

    def __str__(self) -> str:
        # The hint goes with the headline, not after the last listed row.
        return "\n".join((f"{self.headline} {self.hint}".strip(), *(f"  {e}" for e in self.listed)))


def platform_name(key: str) -> str:
    """'linkedin' -> 'LinkedIn'; 'other' -> 'Other'."""
    found = PLATFORMS.get(key)
    return found.name if found else key.capitalize()


def _shown(text: str) -> str:
    """User input quoted in a message: on one line, not too long."""
    flat = " ".join(text.split())
    return f"'{flat[:40]}…'" if len(flat) > 41 else f"'{flat}'"


def parse_date(text: str) -> date:
    """'2026-11-20' -> date; a DigwellError for anything else."""
    text = text.strip()
    if not text:
        raise DigwellError("The date is missing.", "Give it as YYYY-MM-DD, e.g. 2026-11-20.")
    try:
        if _DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise DigwellError(f"{_shown(text)} is not a date (YYYY-MM-DD).", "For example 2026-11-20.")


def parse_time(text: str) -> time:
    """'09:30' -> time; a DigwellError for anything else (12-hour times included)."""
    text = text.strip()
    found = _TIME.fullmatch(text)
    if not found:
        raise DigwellError(
            f"{_shown(text)} is not a time (HH:MM, 24-hour).", "For example 09:30 or 17:05."
        )
    return time(int(found[1]), int(found[2]))


def parse_platform(text: str) -> str:
    """A platform's key from its key, name or a common alias, in any case."""
    wanted = text.strip().casefold()
    if not wanted:
        raise DigwellError("The platform is missing.", f"Choose one of {_platform_choices()}.")
    for key, known in PLATFORMS.items():
        if wanted in (key, known.name.casefold()):
            return key
    if wanted in _PLATFORM_ALIASES:
        return _PLATFORM_ALIASES[wanted]
    if wanted == OTHER_PLATFORM:
        return OTHER_PLATFORM
    raise DigwellError(
        f"{_shown(text)} is not a platform Digwell knows.",
        f"Choose one of {_platform_choices()}.",
    )


def _platform_choices() -> str:
    return ", ".join(PLATFORMS) + f" or {OTHER_PLATFORM}"


def parse_kind(text: str) -> str:
    """One of POST_KINDS, in any case; empty means the default, share."""
    wanted = text.strip().casefold()
    if not wanted:
        return DEFAULT_KIND
    if wanted in POST_KINDS:
        return wanted
    raise DigwellError(
        f"{_shown(text)} is not a kind of post.",
        f"Choose {', '.join(POST_KINDS[:-1])} or {POST_KINDS[-1]}.",
    )


def parse_url(text: str) -> str:
    """An http(s) address, or '' for none; anything else (javascript:, file:) is refused."""
    text = text.strip()
    if not text:
        return ""
    url = safe_link(text)
    if not url:
        raise DigwellError(
            f"{_shown(text)} is not a web address.",
            "Give the post's link, starting with https://, or leave it empty.",
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
        hint = f"Your themes: {', '.join(t.name for t in themes)}. Or leave the theme empty."
    else:
        hint = "You have no themes yet: leave the theme empty, or add themes to your strategy."
    raise DigwellError(f"There is no theme named {_shown(text or '')}.", hint)


class PostsLog:
    """Adds, edits, deletes, lists and imports logged posts; knows no Qt."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # -- reading

    def list(self, limit: int | None = None) -> builtins.list[Post]:
        """Every post (or the newest `limit`), newest first."""
        if limit is not None:
            return posts_q.recent_posts(self.db, limit)
        return posts_q.list_posts(self.db)

    def get(self, post_id: int) -> Post:
        return posts_q.get_post(self.db, post_id)

    def count(self) -> int:
        return posts_q.post_count(self.db)

    def themes(self) -> builtins.list[Theme]:
        return themes_q.list_themes(self.db)

    def theme_name(self, theme_id: int | None) -> str:
        """The theme's name; '' for none or a theme since deleted."""
        if theme_id is None:
            return ""
        rows = self.db.read("SELECT name FROM themes WHERE id = ?", (theme_id,))
        return str(rows[0][0]) if rows else ""

    def describe(self, post: Post) -> str:
        """'2026-11-20 12:00, LinkedIn, share (Platform engineering)'."""
        local = post.posted_at.astimezone(self.clock.tz())
        text = f"{local:%Y-%m-%d %H:%M}, {platform_name(post.platform)}, {post.kind}"
        theme = self.theme_name(post.theme_id)
        return f"{text} ({theme})" if theme else text

    def to_json(self, post: Post) -> dict:
        """The post as the CLI prints it: local date and time, the theme by name."""
        local = post.posted_at.astimezone(self.clock.tz())
        return {
            "id": post.id,
            "date": f"{local:%Y-%m-%d}",
            "time": f"{local:%H:%M}",
            "posted_at": local.isoformat(timespec="seconds"),
            "platform": post.platform,
            "kind": post.kind,
            "theme": self.theme_name(post.theme_id),
            "url": post.url,
            "text": post.text,
            "draft_id": post.draft_id,
        }

    # -- checking what the user typed

    def parse_input(
        self,
        date: str,
        time: str | None,
        platform: str,
        kind: str,
        theme: str | None,
        url: str,
        text: str,
    ) -> PostInput:
        """Check a post as typed; the first problem is a DigwellError saying what to fix."""
        parsed, problems = self._parse(
            date, time, platform, kind, theme, url, text, self.themes(), self.clock.now()
        )
        if problems:
            raise problems[0]
        assert parsed is not None
        return parsed

    def parse_changes(
        self,
        post: Post,
        *,
        date: str | None = None,
        time: str | None = None,
        platform: str | None = None,
        kind: str | None = None,
        theme: str | None = None,
        url: str | None = None,
        text: str | None = None,
    ) -> dict:
        """The `edit` changes for the given fields (None = unchanged). A new date keeps the
        post's time of day; a new time keeps its date."""
        changes: dict = {}
        if date is not None or time is not None:
            tz = self.clock.tz()
            local = post.posted_at.astimezone(tz)
            day = parse_date(date) if date is not None else local.date()
            clock_time = parse_time(time) if time is not None else local.time()
            when = datetime.combine(day, clock_time.replace(second=0, microsecond=0), tzinfo=tz)
            self._check_not_future(when, self.clock.now())
            changes["posted_at"] = when
        if platform is not None:
            changes["platform"] = parse_platform(platform)
        if kind is not None:
            changes["kind"] = parse_kind(kind)
        if theme is not None:
            changes["theme_id"] = parse_theme(theme, self.themes())
        if url is not None:
            changes["url"] = parse_url(url)
        if text is not None:
            changes["text"] = text.strip()
        return changes

    def _parse(
        self,
        date_text: str,
        time_text: str | None,
        platform_text: str,
        kind_text: str,
        theme_text: str | None,
        url_text: str,
        text: str,
        themes: builtins.list[Theme],
        now: datetime,
    ) -> tuple[PostInput | None, builtins.list[DigwellError]]:
        """Every problem of one post, so an import can list them all."""
        problems: builtins.list[DigwellError] = []

        def attempt(parse, *args):
            try:
                return parse(*args)
            except DigwellError as err:
                problems.append(err)
                return None

        day = attempt(parse_date, date_text)
        time_given = bool((time_text or "").strip())
        clock_time = attempt(parse_time, time_text) if time_given else None
        key = attempt(parse_platform, platform_text)
        kind = attempt(parse_kind, kind_text)
        theme_id = attempt(parse_theme, theme_text, themes)
        url = attempt(parse_url, url_text)
        when = None
        if day is not None and (clock_time is not None or not time_given):
            when = attempt(self._when, day, clock_time, now)
        if problems:
            return None, problems
        return PostInput(when, key, kind, theme_id, url, (text or "").strip()), []

    def _when(self, day: date, clock_time: time | None, now: datetime) -> datetime:
        tz = self.clock.tz()
        when = datetime.combine(day, clock_time or DEFAULT_TIME, tzinfo=tz)
        if clock_time is None and day == now.astimezone(tz).date() and when > now:
            # Today's post is already out: its time is now, not a noon still to come.
            when = now.astimezone(tz).replace(second=0, microsecond=0)
        self._check_not_future(when, now)
        return when

    @staticmethod
    def _check_not_future(when: datetime, now: datetime) -> None:
        if when > now:
            raise DigwellError(
                f"{when:%Y-%m-%d %H:%M} is in the future.",
                "Log a post once it is out; to plan one, plan a draft instead.",
            )

    def _checked(self, changes: dict) -> dict:
        """Typed changes (as `edit` takes them), checked and normalised as parsing would."""
        unknown = set(changes) - set(PostInput._fields)
        if unknown:
            raise ValueError(f"posts cannot change {', '.join(sorted(unknown))}")
        changes = dict(changes)
        if "posted_at" in changes:
            when = changes["posted_at"]
            if when.tzinfo is None:
                raise ValueError("posted_at must be timezone-aware")
            self._check_not_future(when, self.clock.now())
        if "platform" in changes:
            changes["platform"] = parse_platform(changes["platform"])
        if "kind" in changes:
            changes["kind"] = parse_kind(changes["kind"])
        if "url" in changes:
            changes["url"] = parse_url(changes["url"])
        if "text" in changes:
            changes["text"] = changes["text"].strip()
        theme_id = changes.get("theme_id")
        if theme_id is not None and all(t.id != theme_id for t in self.themes()):
            raise DigwellError(
                f"There is no theme {theme_id}.", "It may have been deleted; choose another."
            )
        return changes

    # -- changing the log

    def add(self, p: PostInput) -> Post:
        """Log a post made by hand."""
        p = PostInput(**self._checked(p._asdict()))
        with self.db.transaction() as conn:
            post_id = posts_q.add_post(
                conn,
                posted_at=p.posted_at,
                platform=p.platform,
                kind=p.kind,
                url=p.url,
                text=p.text,
                theme_id=p.theme_id,
            )
        return self.get(post_id)

    def edit(self, post_id: int, **changes: object) -> Post:
        """Change only the given fields (those of PostInput) of a logged post."""
        changes = self._checked(changes)
        with self.db.transaction() as conn:
            posts_q.update_post(conn, post_id, **changes)
        return self.get(post_id)

    def delete(self, post_id: int) -> Post:
        """Take a post out of the log; returns it, so it can be put back (`restore`)."""
        with self.db.transaction() as conn:
            post = posts_q.get_post_in(conn, post_id)
            posts_q.delete_post(conn, post_id)
        return post

    def restore(self, post: Post) -> Post:
        """Put a deleted post back, under its old id when that is free."""
        with self.db.transaction() as conn:
            post_id = posts_q.restore_post(conn, post)
        return self.get(post_id)

    # -- CSV

    def import_csv(self, path: Path) -> ImportReport:
        """Add the posts of a CSV file (see the module's docstring) in one transaction.
        A bad row is a PostsImportError listing every bad row; nothing is added then."""
        text = _read_csv_text(path)
        name = path.name
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        themes = self.themes()
        now = self.clock.now()
        columns: builtins.list[str] | None = None
        header_line = 0
        inputs: builtins.list[PostInput] = []
        errors: builtins.list[str] = []
        rows = 0
        while True:
            line = reader.line_num + 1  # where the next row starts, however many lines it spans
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                # The reader cannot go on past broken quoting.
                errors.append(f"line {line}: the quotes do not match ({err})")
                break
            if not any(field.strip() for field in row):
                continue
            if columns is None:
                columns = _columns(row, name)
                header_line = line
                continue
            rows += 1
            if rows > MAX_CSV_ROWS:
                raise DigwellError(
                    f"{name} has more than {MAX_CSV_ROWS:,} posts.",
                    "Split it into smaller files and import each.",
                )
            if len(row) > len(columns):
                errors.append(
                    f"line {line}: {len(row)} values for {len(columns)} columns"
                    " (put text with commas in double quotes)"
                )
                continue
            values = dict(zip(columns, row, strict=False))  # short rows: the rest is empty
            parsed, problems = self._parse(
                values.get("date", ""),
                values.get("time", ""),
                values.get("platform", ""),
                values.get("kind", ""),
                values.get("theme", ""),
                values.get("url", ""),
                values.get("text", ""),
                themes,
                now,
            )
            if problems:
                reasons = "; ".join(err.message.rstrip(".") for err in problems)
                errors.append(f"line {line}: {reasons}")
            elif parsed is not None:
                inputs.append(parsed)
        if columns is None:
            raise _empty_file(name)
        if errors:
            count = len(errors)
            raise PostsImportError(
                f"Nothing was imported from {name}: {count} "
                f"{'row has a problem' if count == 1 else 'rows have problems'}.",
                f"Fix {'it' if count == 1 else 'them'}, then import the file again.",
                errors,
            )
        if not inputs:
            raise DigwellError(
                f"{name} has a header row (line {header_line}) but no posts.",
                "Add one row per post below it.",
            )
        return self._add_new(inputs)

    def _add_new(self, inputs: builtins.list[PostInput]) -> ImportReport:
        added = skipped = 0
        with self.db.transaction() as conn:
            # Each logged post answers for one identical row, so a file holding the same
            # post twice adds both the first time and neither the second.
            logged = posts_q.post_keys(conn)
            for p in inputs:
                key = (to_db_time(p.posted_at), p.platform, p.url)
                if logged[key] > 0:
                    logged[key] -= 1
                    skipped += 1
                    continue
                posts_q.add_post(
                    conn,
                    posted_at=p.posted_at,
                    platform=p.platform,
                    kind=p.kind,
                    url=p.url,
                    text=p.text,
                    theme_id=p.theme_id,
                )
                added += 1
        return ImportReport(added, skipped, ())


def _read_csv_text(path: Path) -> str:
    """The file's text (UTF-8, with or without a byte order mark), or a clear error."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DigwellError(f"There is no file {path}.", "Check its name and folder.") from None
    except OSError as err:
        raise DigwellError(f"{path} cannot be read ({err.strerror}).", "") from None
    if path.is_dir():
        raise DigwellError(f"{path} is a folder, not a CSV file.", "Choose the file itself.")
    if size > MAX_CSV_BYTES:
        raise DigwellError(
            f"{name} is {size / 1024 / 1024:.1f} MB; Digwell imports CSV files of up to "
            f"{MAX_CSV_BYTES // 1024 // 1024} MB.",
            "Split it into smaller files and import each.",
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DigwellError(f"{path} cannot be read ({err.strerror}).", "") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DigwellError(
            f"{name} is not UTF-8 text (byte {err.start + 1} is not).",
            "Save it as “CSV UTF-8” and import it again.",
        ) from None
    if not text.strip():
        raise _empty_file(name)
    return text


def _empty_file(name: str) -> DigwellError:
    return DigwellError(
        f"{name} is empty.",
        f"A posts file starts with a header row, e.g. {_CSV_HEADER_EXAMPLE}, "
        "then one row per post.",
    )


def _columns(header: list[str], name: str) -> list[str]:
    """The header's column names, lower-cased; '' for a column with no name (ignored)."""
    columns = [field.strip().casefold() for field in header]
    named = [c for c in columns if c]
    unknown = [c for c in named if c not in CSV_COLUMNS]
    if unknown and len(unknown) == len(named):
        raise DigwellError(
            f"The first line of {name} is not a header row.",
            f"Start the file with the column names, e.g. {_CSV_HEADER_EXAMPLE}.",
        )
    if unknown:
        listed = ", ".join(f"'{c}'" for c in unknown)
        raise DigwellError(
            f"{name} has {'a column' if len(unknown) == 1 else 'columns'} Digwell does not "
            f"know: {listed}.",
            f"The columns are {', '.join(CSV_COLUMNS)}; date and platform are required.",
        )
    repeated = sorted({c for c in named if named.count(c) > 1})
    if repeated:
        raise DigwellError(
            f"{name} has the column '{repeated[0]}' twice.", "Keep one of them and import again."
        )
    missing = [c for c in CSV_REQUIRED if c not in named]
    if missing:
        raise DigwellError(
            f"{name} has no '{missing[0]}' column.",
            f"Add it: every post needs a {' and a '.join(CSV_REQUIRED)}.",
        )
    return columns
