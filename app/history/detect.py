"""Which platform's export a file is, told by what it holds, and read with that
platform's reader (docs/HISTORY.md):

- a .zip with Shares.csv / Shares_<n>.csv / Comments.csv / Connections.csv: LinkedIn;
  a .zip with data/tweets.js (or tweet.js): X; a .zip with outbox.json: Mastodon;
- a lone Shares.csv or Comments.csv (or Connections.csv): LinkedIn; a lone tweets.js:
  X; a lone outbox.json: Mastodon; a .car: Bluesky.

Anything else, and any file over 500 MB, is refused before it is read, naming what is
accepted; a file refused half-way gives nothing, never half of what it holds. A platform
named by the caller must match what the file holds.
"""

from __future__ import annotations

from pathlib import Path

from app.archives import ZipArchive, check_file, looks_like_zip
from app.errors import DigwellError
from app.history.reading import Progress
from app.history.records import HistoryFile
from app.i18n import N_, _

PLATFORMS = ("auto", "linkedin", "x", "mastodon", "bluesky")
NAMES = {"linkedin": "LinkedIn", "x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}
# What an import reads, as the object of "Choose …" (translated where shown).
ACCEPTED = N_(
    "LinkedIn's data export (.zip, or its Shares.csv), X's archive (.zip), Mastodon's "
    "archive (.zip, or its outbox.json) or Bluesky's repository export (.car)"
)
# What an export .zip holds: X's, Mastodon's, LinkedIn's.
_MARKS_LISTED = N_("data/tweets.js, outbox.json, Shares.csv, Comments.csv or Connections.csv")
_CAR_HEAD = (b"roots", b"version")
_HEAD = 4096


def read_history(
    path: Path, platform: str = "auto", on_progress: Progress | None = None
) -> HistoryFile:
    """Everything an export file holds; a DigwellError (with a hint) when it is refused.
    `on_progress(done, total)` counts the bytes read."""
    path = Path(path)
    if platform not in PLATFORMS:
        raise DigwellError(
            _("“{platform}” is not a platform Digwell imports.").format(platform=platform),
            _("Choose auto, linkedin, x, mastodon or bluesky."),
        )
    check_file(path, _(ACCEPTED))
    if path.suffix.casefold() == ".zip" or looks_like_zip(path):
        with ZipArchive(path, _imports_hint(), _(ACCEPTED)) as archive:
            return _read_zip(archive, platform, on_progress)
    found = _file_platform(path)
    _check_platform(path.name, platform, found[0])
    kind, detail = found
    if kind == "bluesky":
        from app.history.bluesky_car import read_car

        return read_car(path, on_progress)
    if kind == "mastodon":
        from app.history.mastodon_outbox import read_outbox_file

        return read_outbox_file(path, on_progress)
    if kind == "x":
        from app.history.x_archive import read_x_js

        return read_x_js(path, on_progress)
    from app.history.linkedin_shares import read_linkedin_csv

    return read_linkedin_csv(path, detail, on_progress)


def _read_zip(archive: ZipArchive, platform: str, on_progress: Progress | None) -> HistoryFile:
    from app.history.linkedin_shares import (
        COMMENTS_FILE,
        CONNECTIONS_FILE,
        SHARES_FILE,
        read_linkedin_zip,
    )
    from app.history.mastodon_outbox import OUTBOX_FILE, read_mastodon_zip
    from app.history.x_archive import is_tweets_member, read_x_zip

    held = set()
    if any(is_tweets_member(i.filename) for i in archive.members):
        held.add("x")
    if archive.find(lambda name: name == OUTBOX_FILE):
        held.add("mastodon")
    linkedin = (COMMENTS_FILE, CONNECTIONS_FILE)
    if archive.find(lambda name: bool(SHARES_FILE.match(name)) or name in linkedin):
        held.add("linkedin")
    if platform == "auto":
        found = next((p for p in ("x", "mastodon", "linkedin") if p in held), "")
    else:
        found = platform if platform in held else next(iter(sorted(held)), "")
    _check_platform(archive.name, platform, found)
    if found == "x":
        return read_x_zip(archive, on_progress)
    if found == "mastodon":
        return read_mastodon_zip(archive, on_progress)
    return read_linkedin_zip(archive, on_progress)


def _check_platform(name: str, asked: str, found: str) -> None:
    """Refuse a file no reader knows, or one of another platform than the one asked."""
    if not found:
        if asked == "auto":
            message = _(
                "Digwell cannot read {file} as a platform's export: it holds none of "
                "{files}, and it is not a .car."
            ).format(file=name, files=_(_MARKS_LISTED))
        else:
            # Translators: {platform} is LinkedIn, X, Mastodon or Bluesky.
            message = _(
                "Digwell cannot read {file} as {platform}'s export: it holds none of "
                "{files}, and it is not a .car."
            ).format(file=name, platform=NAMES[asked], files=_(_MARKS_LISTED))
        raise DigwellError(message, _imports_hint())
    if asked not in ("auto", found):
        raise DigwellError(
            _("{file} is {found}'s export, not {asked}'s.").format(
                file=name, found=NAMES[found], asked=NAMES[asked]
            ),
            # Translators: {platform} is the option's value: linkedin, x, mastodon, bluesky.
            _("Import it with the platform {platform}, or choose auto.").format(platform=found),
        )


def _imports_hint() -> str:
    return _("Digwell imports {accepted}, as the platform sent it.").format(accepted=_(ACCEPTED))


def _file_platform(path: Path) -> tuple[str, str]:
    """(platform, what the file is) of a file that is not a zip; ("", "") if unknown."""
    from app.history.linkedin_shares import csv_kind

    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
    except OSError as err:
        raise DigwellError(
            _("{path} cannot be read ({reason}).").format(path=path, reason=err.strerror)
        ) from None
    suffix = path.suffix.casefold()
    if suffix == ".car" or all(mark in head[:200] for mark in _CAR_HEAD):
        return "bluesky", "car"
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith("window.YTD."):
        return "x", "js"
    if text.startswith("{") and ('"orderedItems"' in text or '"OrderedCollection"' in text):
        return "mastodon", "outbox"
    if suffix == ".json":
        return "mastodon", "outbox"  # read_outbox says what is wrong with it
    kind = csv_kind(text)
    return ("linkedin", kind) if kind else ("", "")
