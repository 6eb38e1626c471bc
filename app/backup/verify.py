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
from app.i18n import _, formats, ngettext
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
        raise DigwellError(
            _("There is no file {path}.").format(path=archive), _("Check the name and folder.")
        ) from err
    except IsADirectoryError as err:
        raise DigwellError(
            _("{path} is a folder.").format(path=archive), _("Choose the backup's .zip file.")
        ) from err
    except OSError as err:
        raise DigwellError(
            _("{path} cannot be read ({error}).").format(path=archive, error=err.strerror or err),
            _("Check the file's permissions."),
        ) from err
    except (zipfile.BadZipFile, ValueError) as err:
        raise DigwellError(
            _("{name} is not a Digwell backup: it is not a zip archive.").format(name=archive.name),
            _(layout.NOT_OURS_HINT),
        ) from err
    try:
        with zf:
            yield zf
    except (zipfile.BadZipFile, EOFError, zlib.error) as err:
        # A member's data is damaged: its CRC, or a truncated stream.
        problem = _("a member cannot be read ({error})").format(error=err)
        raise layout.damaged(archive.name, problem) from err


def checked_listing(
    zf: zipfile.ZipFile, name: str
) -> tuple[layout.Manifest, dict[str, zipfile.ZipInfo]]:
    """The manifest and the members (but the manifest) by name, once their names, sizes
    and listing are found sound; nothing is inflated but the manifest."""
    infos = zf.infolist()
    if len(infos) > layout.MAX_MEMBERS:
        count = len(infos)
        problem = ngettext("it holds {count} file", "it holds {count} files", count)
        raise layout.damaged(name, problem.format(count=formats.number(count)))
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if not layout.safe_member(info.filename):
            raise DigwellError(
                _(
                    "{name} holds a file that would be written outside its folder "
                    "('{member}'); nothing was restored."
                ).format(name=name, member=info.filename),
                _("This is not a backup Digwell wrote: do not use it."),
            )
        if info.flag_bits & 0x1 or info.compress_type not in _COMPRESSIONS:
            problem = _("{member} is encrypted or compressed unusually")
            raise layout.damaged(name, problem.format(member=info.filename))
        if info.filename in by_name:
            problem = _("it holds {member} twice")
            raise layout.damaged(name, problem.format(member=info.filename))
        by_name[info.filename] = info
    manifest_info = by_name.pop(layout.MANIFEST, None)
    if manifest_info is None:
        raise DigwellError(
            _("{name} is not a Digwell backup (it has no {member}).").format(
                name=name, member=layout.MANIFEST
            ),
            _(layout.NOT_OURS_HINT),
        )
    check_size(manifest_info, layout.MAX_MANIFEST_BYTES, name)
    manifest = layout.read_manifest(zf.read(manifest_info), name)
    total = 0
    for member, info in by_name.items():
        if member not in manifest.files:
            raise layout.damaged(name, _("{member} is not in its manifest").format(member=member))
        if member != layout.DATABASE:
            check_size(info, layout.MAX_MEMBER_BYTES, name)
        if info.file_size != manifest.files[member].size:
            problem = _("{member} is not the size its manifest says").format(member=member)
            raise layout.damaged(name, problem)
        total += info.file_size
    missing = sorted(set(manifest.files) - set(by_name))
    if missing:
        raise layout.damaged(name, _("{member} is missing").format(member=missing[0]))
    if layout.DATABASE not in by_name:
        raise layout.damaged(name, _("it has no {member}").format(member=layout.DATABASE))
    if total > layout.MAX_TOTAL_BYTES:
        # Translators: what is too large to restore: all the files of a backup.
        raise too_large(name, _("its files"), total, layout.MAX_TOTAL_BYTES)
    return manifest, by_name


def check_size(info: zipfile.ZipInfo, limit: int, name: str) -> None:
    if info.file_size > limit:
        raise too_large(name, info.filename, info.file_size, limit)


def too_large(name: str, what: str, size: int, limit: int) -> DigwellError:
    return DigwellError(
        # Translators: {what} is a file's name, or "its files".
        _(
            "{name} is too large to restore: {what} would take {size} "
            "(the limit is {limit}); nothing was restored."
        ).format(
            name=name,
            what=what,
            size=layout.human_size(size),
            limit=layout.human_size(limit),
        ),
        _("This is not a backup Digwell wrote, or it was altered: use another one."),
    )


def check_schema(zf: zipfile.ZipFile, manifest: layout.Manifest, name: str) -> int:
    """The backup database's schema version, refused when newer than this Digwell's."""
    with zf.open(layout.DATABASE) as member:
        version = schema_version_in_header(member.read(100))
    if version is None:
        problem = _("its {member} is not an SQLite database").format(member=layout.DATABASE)
        raise layout.damaged(name, problem)
    if version != manifest.schema_version:
        raise layout.damaged(name, _("its database's schema is not the one its manifest says"))
    if version > LATEST_VERSION:
        raise DigwellError(
            # Translators: {version} is a Digwell version number such as 1.4.0.
            _(
                "{name} was made by a newer Digwell ({version}, database schema {schema}; "
                "this one knows schema {latest}). Nothing was restored."
            ).format(
                name=name,
                version=manifest.app_version or "?",
                schema=version,
                latest=LATEST_VERSION,
            ),
            _("Install that Digwell or a newer one, then restore the backup with it."),
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
    return layout.damaged(name, _("{member} does not match its checksum").format(member=member))
