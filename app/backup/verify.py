"""Checking a backup archive before anything is restored from it: a zip of a Digwell
backup format and schema this Digwell reads, member names that stay inside their
folder, sizes within the limits, and every member matching its checksum."""

from __future__ import annotations

import contextlib
import hashlib
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from app.backup import layout
from app.backup.snapshot import schema_version_in_header
from app.errors import DigwellError
from app.store.migrations import LATEST_VERSION

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import BinaryIO

CHUNK = 1024 * 1024
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


@contextlib.contextmanager
def open_zip(archive: Path) -> Iterator[zipfile.ZipFile]:
    try:
        zf = zipfile.ZipFile(archive)
    except FileNotFoundError as err:
        raise DigwellError(f"There is no file {archive}.", "Check the name and folder.") from err
    except IsADirectoryError as err:
        raise DigwellError(f"{archive} is a folder.", "Choose the backup's .zip file.") from err
    except OSError as err:
        raise DigwellError(
            f"{archive} cannot be read ({err.strerror or err}).", "Check the file's permissions."
        ) from err
    except (zipfile.BadZipFile, ValueError) as err:
        raise DigwellError(
            f"{archive.name} is not a Digwell backup: it is not a zip archive.",
            "Choose a file that `digwell backup` or Digwell's Back up now… wrote.",
        ) from err
    try:
        with zf:
            yield zf
    except (zipfile.BadZipFile, EOFError, zlib.error) as err:
        # A member's data is damaged: its CRC, or a truncated stream.
        raise layout.damaged(archive.name, f"a member cannot be read ({err})") from err


def checked_listing(
    zf: zipfile.ZipFile, name: str
) -> tuple[layout.Manifest, dict[str, zipfile.ZipInfo]]:
    """The manifest and the members (but the manifest) by name, once their names, sizes
    and listing are found sound; nothing is inflated but the manifest."""
    infos = zf.infolist()
    if len(infos) > layout.MAX_MEMBERS:
        raise layout.damaged(name, f"it holds {len(infos)} files")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not layout.safe_member(info.filename):
            raise DigwellError(
                f"{name} holds a file that would be written outside its folder "
                f"({info.filename!r}); nothing was restored.",
                "This is not a backup Digwell wrote: do not use it.",
            )
        if info.flag_bits & 0x1 or info.compress_type not in _COMPRESSIONS:
            raise layout.damaged(name, f"{info.filename} is encrypted or compressed unusually")
        if info.filename in by_name:
            raise layout.damaged(name, f"it holds {info.filename} twice")
        by_name[info.filename] = info
    manifest_info = by_name.pop(layout.MANIFEST, None)
    if manifest_info is None:
        raise DigwellError(
            f"{name} is not a Digwell backup (it has no {layout.MANIFEST}).",
            "Choose a file that `digwell backup` or Digwell's Back up now… wrote.",
        )
    check_size(manifest_info, layout.MAX_MANIFEST_BYTES, name)
    manifest = layout.read_manifest(zf.read(manifest_info), name)
    total = 0
    for member, info in by_name.items():
        if member not in manifest.files:
            raise layout.damaged(name, f"{member} is not in its manifest")
        if member != layout.DATABASE:
            check_size(info, layout.MAX_MEMBER_BYTES, name)
        if info.file_size != manifest.files[member].size:
            raise layout.damaged(name, f"{member} is not the size its manifest says")
        total += info.file_size
    missing = sorted(set(manifest.files) - set(by_name))
    if missing:
        raise layout.damaged(name, f"{missing[0]} is missing")
    if layout.DATABASE not in by_name:
        raise layout.damaged(name, f"it has no {layout.DATABASE}")
    if total > layout.MAX_TOTAL_BYTES:
        raise too_large(name, "its files", total, layout.MAX_TOTAL_BYTES)
    return manifest, by_name


def check_size(info: zipfile.ZipInfo, limit: int, name: str) -> None:
    if info.file_size > limit:
        raise too_large(name, info.filename, info.file_size, limit)


def too_large(name: str, what: str, size: int, limit: int) -> DigwellError:
    return DigwellError(
        f"{name} is too large to restore: {what} would take {layout.human_size(size)} "
        f"(the limit is {layout.human_size(limit)}); nothing was restored.",
        "This is not a backup Digwell wrote, or it was altered: use another one.",
    )


def check_schema(zf: zipfile.ZipFile, manifest: layout.Manifest, name: str) -> int:
    """The backup database's schema version, refused when newer than this Digwell's."""
    with zf.open(layout.DATABASE) as member:
        version = schema_version_in_header(member.read(100))
    if version is None:
        raise layout.damaged(name, f"its {layout.DATABASE} is not an SQLite database")
    if version != manifest.schema_version:
        raise layout.damaged(name, "its database's schema is not the one its manifest says")
    if version > LATEST_VERSION:
        raise DigwellError(
            f"{name} was made by a newer Digwell ({manifest.app_version or '?'}, database "
            f"schema {version}; this one knows schema {LATEST_VERSION}). Nothing was restored.",
            "Install that Digwell or a newer one, then restore the backup with it.",
        )
    return version


def read_checked(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, expected: layout.Member, name: str
) -> bytes:
    data = zf.read(info)
    if hashlib.sha256(data).hexdigest() != expected.sha256:
        raise mismatch(name, info.filename)
    return data


def extract_checked(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, expected: layout.Member, out: BinaryIO, name: str
) -> None:
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > expected.size:
                raise mismatch(name, info.filename)
            digest.update(chunk)
            out.write(chunk)
    if size != expected.size or digest.hexdigest() != expected.sha256:
        raise mismatch(name, info.filename)


def mismatch(name: str, member: str) -> DigwellError:
    return layout.damaged(name, f"{member} does not match its checksum")
