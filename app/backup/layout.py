"""What a backup archive holds: its member names, its manifest and the limits a restore
trusts. One zip file (deflated)::

    manifest.json        format, version, app and schema versions, when, counts, and the
                         size and sha256 of every other member
    digwell.sqlite3      the database, a consistent snapshot (everything, settings too)
    subscriptions.opml   the feeds, themes as folders (never a password or token)
    strategy.json        the career strategy, as `digwell strategy export` writes it
    drafts.json          the drafts, readable: state, text, theme, items, ISO times
    posts.json           the posts log, readable: as `digwell posts list --json`
    people.csv           the people, archived too: as `digwell people export` writes it
    templates/...        the user's own draft templates, if any

Only the database is read back by a restore; the other files are there for people and
other tools. No member ever holds a secret: private feeds keep theirs in the keyring.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import NamedTuple, TypeGuard

from app.errors import DigwellError
from app.i18n import N_, _, formats, ngettext
from app.paths import DB_FILENAME, user_templates_dir

FORMAT = "digwell-backup"
VERSION = 1

MANIFEST = "manifest.json"
DATABASE = DB_FILENAME
SUBSCRIPTIONS = "subscriptions.opml"
STRATEGY = "strategy.json"
DRAFTS = "drafts.json"
POSTS = "posts.json"
PEOPLE = "people.csv"
TEMPLATES = "templates/"

# What a restore will inflate: the whole archive, and each member but the database.
# Checked against the sizes the archive declares, which zipfile then enforces (a
# member that inflates to more than it declared fails its CRC); a backup is refused
# when made if it would not pass them.
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_MEMBER_BYTES = 64 * 1024**2
MAX_MANIFEST_BYTES = 1024**2
MAX_MEMBERS = 10_000

COUNT_KEYS = ("feeds", "themes", "items", "drafts", "posts", "people", "templates")

# Translators: "Back up now…" is a menu entry of the window; `digwell backup` a command.
NOT_OURS_HINT = N_("Choose a file that `digwell backup` or Digwell's Back up now… wrote.")


class Member(NamedTuple):
    """A member as the manifest lists it."""

    size: int
    sha256: str


class Manifest(NamedTuple):
    """What a backup says about itself."""

    app_version: str
    schema_version: int
    created_at: datetime
    counts: dict[str, int]
    files: dict[str, Member]  # every member but the manifest

    def to_json(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "counts": self.counts,
            "files": {name: {"size": m.size, "sha256": m.sha256} for name, m in self.files.items()},
        }
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def templates_folder(config_dir: Path | None = None) -> Path:
    """The user's own templates folder (where planner.drafting.templates looks first)."""
    return user_templates_dir(config_dir)


def safe_member(name: str) -> bool:
    """Whether a member name stays inside the folder it is extracted to, on every OS:
    relative, '/'-separated, no '..' or '.', no drive, no backslash, no control
    characters."""
    if not name or name.startswith("/") or "\\" in name or ":" in name:
        return False
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        return False
    parts = PurePosixPath(name).parts
    return all(p not in ("", ".", "..") for p in parts) and "/".join(parts) == name


def template_member(relative: PurePosixPath) -> str:
    return TEMPLATES + relative.as_posix()


def read_manifest(data: bytes, source: str) -> Manifest:
    """Read and check a manifest; a DigwellError names `source` and what is wrong."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        doc = None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DigwellError(
            _("{name} is not a Digwell backup.").format(name=source), _(NOT_OURS_HINT)
        )
    version = doc.get("version")
    if not _whole(version):
        raise damaged(source, _("its manifest has no version"))
    if version > VERSION:
        raise DigwellError(
            # Translators: {version} is a Digwell version number such as 1.4.0.
            _(
                "{name} was made by a newer Digwell ({version}, backup format {format}; "
                "this one reads format {latest}). Nothing was restored."
            ).format(
                name=source, version=doc.get("app_version", "?"), format=version, latest=VERSION
            ),
            _("Install the newer Digwell, then restore it."),
        )
    try:
        created = datetime.fromisoformat(doc["created_at"])
        files = {
            str(name): Member(_size(entry["size"]), _digest(entry["sha256"]))
            for name, entry in doc["files"].items()
        }
        counts = {str(k): int(v) for k, v in dict(doc.get("counts", {})).items()}
        schema = doc["schema_version"]
        app_version = str(doc.get("app_version", ""))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise damaged(source, _("its manifest is incomplete")) from None
    if not _whole(schema) or created.tzinfo is None:
        raise damaged(source, _("its manifest is incomplete"))
    return Manifest(app_version, schema, created, counts, files)


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _size(value: object) -> int:
    if not _whole(value):
        raise ValueError(value)
    return int(value)


def _digest(value: object) -> str:
    if not isinstance(value, str) or len(value) != 64:
        raise ValueError(value)
    int(value, 16)
    return value.lower()


def damaged(source: str, problem: str) -> DigwellError:
    """The error for an archive that is not as Digwell wrote it; `problem` says what
    (translated: "its manifest is incomplete")."""
    return DigwellError(
        # Translators: {problem} says what is wrong, e.g. "its manifest is incomplete".
        _("{name} is damaged or was altered: {problem}. Nothing was restored.").format(
            name=source, problem=problem
        ),
        _("Use another backup; only an intact copy of a Digwell backup restores."),
    )


# Sizes from a thousand bytes up, in SI units (1 kB = 1000 bytes).
_SIZE_UNITS = (
    # Translators: a size in kilobytes, {size} is a number like "12.3".
    N_("{size} kB"),
    # Translators: a size in megabytes, {size} is a number like "12.3".
    N_("{size} MB"),
    # Translators: a size in gigabytes, {size} is a number like "12.3".
    N_("{size} GB"),
    # Translators: a size in terabytes, {size} is a number like "12.3".
    N_("{size} TB"),
)


def human_size(size: int) -> str:
    """'12.3 MB', for messages (in the user's locale: '12,3 MB')."""
    if size < 1000:
        return ngettext("{count} byte", "{count} bytes", size).format(count=formats.number(size))
    scaled: float = size
    for unit in _SIZE_UNITS:
        scaled /= 1000
        if scaled < 1000 or unit == _SIZE_UNITS[-1]:
            return _(unit).format(size=formats.number(scaled, 1))
    raise AssertionError("unreachable")
