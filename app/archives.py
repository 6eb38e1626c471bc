"""Reading the files a platform's export gives, safely and in bounded memory: the file
is checked before it is opened (at most 500 MB), a zip is read member by member as a
stream, and nothing is ever extracted to disk (docs/HISTORY.md, docs/PEOPLE_IMPORT.md).

Refused, each with one clear DigwellError: a file that is not a zip; a zip whose
central directory is too large to hold in memory (read from its end record before
zipfile parses it); a member name that could point outside a folder (absolute, `..`, a
drive letter, a backslash, NUL); a declared total size no real export has; an encrypted
member; a member declared larger than the caller's limit or inflating past it (the
bytes read are counted, the header is not trusted); a member compressed more than
`MAX_RATIO` times (a zip bomb's mark: text compresses 5 to 20 times).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, TYPE_CHECKING

from app.errors import DigwellError
from app.i18n import N_, _, formats

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

MB = 1024 * 1024
MAX_FILE_BYTES = 500 * MB  # any file, zip or not, before it is opened
MAX_MEMBERS = 200_000  # an X archive with its media holds a few tens of thousands
MAX_DIRECTORY_BYTES = 64 * MB  # the central directory zipfile would parse into memory
MAX_TOTAL_BYTES = 16 * 1024 * MB  # all members' declared sizes together
MAX_READ_BYTES = 2 * 1024 * MB  # what one archive may hand out, all members together
MAX_RATIO = 100  # uncompressed / compressed, for members over RATIO_FROM
RATIO_FROM = 1 * MB
_PROGRESS_EVERY = 1 * MB
_DRIVE = re.compile(r"^[A-Za-z]:")
# What reading a damaged member, or one compressed in a way Python does not read, raises.
_UNREADABLE = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError, EOFError)
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_EXPORT_ZIP = N_("the export's .zip")


def check_file(path: Path, accepted: str, limit: int = MAX_FILE_BYTES) -> int:
    """The size of a file that may be read: refused when missing, a folder, empty or
    over `limit` bytes. `accepted` names what the caller reads, for the hints."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DigwellError(
            _("There is no file {path}.").format(path=path), _("Check its name and folder.")
        ) from None
    except OSError as err:
        raise _cannot_read(path, err) from None
    if path.is_dir():
        raise DigwellError(
            _("{path} is a folder.").format(path=path),
            _("Choose a file: {accepted}.").format(accepted=accepted),
        )
    if size > limit:
        raise DigwellError(
            _(
                "{file} is over {limit} MB ({size} bytes); Digwell does not read files that large."
            ).format(file=path.name, limit=limit // MB, size=formats.number(size)),
            _("Choose {accepted}; leave media out of the export if the platform offers it.").format(
                accepted=accepted
            ),
        )
    if size == 0:
        raise DigwellError(
            _("{file} is empty.").format(file=path.name),
            _("Choose {accepted}.").format(accepted=accepted),
        )
    return size


def looks_like_zip(path: Path) -> bool:
    """Whether a file starts as a zip does (a local header, or an empty zip's end)."""
    try:
        with path.open("rb") as stream:
            return stream.read(4) in (b"PK\x03\x04", _EOCD)
    except OSError:
        return False


def read_file(path: Path, limit: int, accepted: str) -> bytes:
    """A whole (non-zip) file's bytes, refused over `limit`."""
    size = check_file(path, accepted)
    if size > limit:
        raise _too_large(path, limit, accepted)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # it may have grown since
    except OSError as err:
        raise _cannot_read(path, err) from None
    if len(data) > limit:
        raise _too_large(path, limit, accepted)
    return data


def _cannot_read(path: Path, err: OSError) -> DigwellError:
    return DigwellError(
        _("{path} cannot be read ({reason}).").format(path=path, reason=err.strerror)
    )


def _too_large(path: Path, limit: int, accepted: str) -> DigwellError:
    return DigwellError(
        _("{file} is larger than {limit} MB; Digwell does not read it.").format(
            file=path.name, limit=limit // MB
        ),
        _("Choose {accepted}.").format(accepted=accepted),
    )


def safe_member_name(name: str) -> bool:
    """Whether a zip member's name stays inside its folder: not absolute, no `..`, no
    drive letter, no backslash, no NUL."""
    if not name or "\0" in name or "\\" in name or name.startswith("/") or _DRIVE.match(name):
        return False
    return ".." not in name.split("/")


def basename(name: str) -> str:
    """A member's file name without its folders, case folded."""
    return PurePosixPath(name).name.casefold()


class ZipArchive:
    """A zip opened for reading its members as streams. Use as a context manager."""

    def __init__(self, path: Path, hint: str, accepted: str = "") -> None:
        """`hint` and `accepted` (what the caller reads, "the export's .zip" when not
        given) are translated by the caller."""
        check_file(path, accepted or _(_EXPORT_ZIP))
        self.name = path.name
        self._hint = hint
        self._read = 0
        _check_directory(path, hint)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
            raise DigwellError(
                _("{file} is not a zip file ({error}).").format(file=path.name, error=err), hint
            ) from None
        try:
            self._check_members()
        except DigwellError:
            self._zip.close()
            raise

    def _check_members(self) -> None:
        infos = self._zip.infolist()
        unsafe = next((i.filename for i in infos if not safe_member_name(i.filename)), None)
        if unsafe is not None:
            raise DigwellError(
                _(
                    "{file} holds a file named “{member}”, which could point outside its "
                    "folder; Digwell does not read such zips."
                ).format(file=self.name, member=unsafe[:80]),
                self._hint,
            )
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise DigwellError(
                _("{file} claims to unpack to over {limit} GB; Digwell does not read it.").format(
                    file=self.name, limit=MAX_TOTAL_BYTES // 1024 // MB
                ),
                self._hint,
            )
        self.members = [i for i in infos if not i.is_dir()]

    def __enter__(self) -> ZipArchive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def find(self, test: Callable[[str], bool]) -> list[zipfile.ZipInfo]:
        """The file members whose base name (case folded) passes `test`, shallowest and
        then by name first."""
        found = [i for i in self.members if test(basename(i.filename))]
        return sorted(found, key=lambda i: (i.filename.count("/"), i.filename))

    def open(
        self,
        member: zipfile.ZipInfo,
        limit: int,
        hint: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> io.BufferedReader:
        """A stream of a member's bytes; reading past `limit` (or past what the header
        declares) raises DigwellError. `progress(bytes read)` is called every MB."""
        hint = self._hint if hint is None else hint
        self._check_member(member, limit, hint)
        try:
            inner = self._zip.open(member)
        except _UNREADABLE as err:
            raise self.unreadable(member, err, hint) from None
        return io.BufferedReader(_Capped(self, inner, member, limit, hint, progress), 256 * 1024)

    def read(self, member: zipfile.ZipInfo, limit: int, hint: str | None = None) -> bytes:
        """A member's bytes, as `open` reads them."""
        with self.open(member, limit, hint) as stream:
            return stream.read()

    def _check_member(self, member: zipfile.ZipInfo, limit: int, hint: str) -> None:
        if member.file_size > limit:
            raise self.too_big(member, limit, hint)
        if member.flag_bits & 0x1:
            raise DigwellError(
                _("The {member} in {file} is encrypted.").format(
                    member=member.filename, file=self.name
                ),
                hint,
            )
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * packed:
            raise DigwellError(
                _(
                    "The {member} in {file} claims to unpack to {ratio} times its packed "
                    "size, as a zip bomb does; Digwell does not read it."
                ).format(
                    member=member.filename,
                    file=self.name,
                    ratio=formats.number(member.file_size // packed),
                ),
                hint,
            )

    def too_big(self, member: zipfile.ZipInfo, limit: int, hint: str) -> DigwellError:
        return DigwellError(
            _("The {member} in {file} is larger than {limit} MB; Digwell does not read it.").format(
                member=member.filename, file=self.name, limit=limit // MB
            ),
            hint,
        )

    def unreadable(self, member: zipfile.ZipInfo, err: BaseException, hint: str) -> DigwellError:
        return DigwellError(
            _("The {member} in {file} cannot be read ({error}).").format(
                member=member.filename, file=self.name, error=err
            ),
            hint,
        )

    def count(self, member: zipfile.ZipInfo, n: int, hint: str) -> None:
        """Counts bytes handed out by the whole archive against MAX_READ_BYTES."""
        self._read += n
        if self._read > MAX_READ_BYTES:
            raise DigwellError(
                _(
                    "{file} unpacks to over {limit} MB of what Digwell reads (at {member}); "
                    "it stopped there."
                ).format(file=self.name, limit=MAX_READ_BYTES // MB, member=member.filename),
                hint,
            )


class _Capped(io.RawIOBase):
    """A member's stream that counts what it hands out and stops at the limit; the
    errors of a damaged member become DigwellError."""

    def __init__(
        self,
        archive: ZipArchive,
        inner: IO[bytes],
        member: zipfile.ZipInfo,
        limit: int,
        hint: str,
        progress: Callable[[int], None] | None,
    ) -> None:
        super().__init__()
        self._archive, self._inner, self._member = archive, inner, member
        self._limit = limit
        self._hint, self._progress = hint, progress
        self._done = self._reported = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer)
        try:
            data = self._inner.read(len(view))
        except _UNREADABLE as err:
            raise self._archive.unreadable(self._member, err, self._hint) from None
        self._done += len(data)
        if self._done > self._limit:
            raise self._archive.too_big(self._member, self._limit, self._hint)
        if self._done > self._member.file_size:  # zipfile stops there; never trust it alone
            raise self._archive.unreadable(
                self._member,
                ValueError(_("it unpacks to more than its header says")),
                self._hint,
            )
        self._archive.count(self._member, len(data), self._hint)
        if self._progress and self._done - self._reported >= _PROGRESS_EVERY:
            self._reported = self._done
            self._progress(self._done)
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._inner.close()
        super().close()


class Prefixed(io.RawIOBase):
    """`head` then the rest of `stream`: what is left after a reader looked at the start
    (a JavaScript assignment before its JSON)."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        super().__init__()
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer)
        if self._head:
            n = min(len(view), len(self._head))
            view[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)


def _check_directory(path: Path, hint: str) -> None:
    """Refuse a zip whose central directory (what zipfile reads into memory before
    anything else) is oversized, from its end record; a zip without one is not a zip."""
    try:
        with path.open("rb") as stream:
            size = stream.seek(0, io.SEEK_END)
            stream.seek(max(0, size - (22 + 0xFFFF + 20)))  # the end record, comment, zip64
            tail = stream.read()
            at = tail.rfind(_EOCD)
            if at < 0 or len(tail) - at < 22:
                raise DigwellError(
                    _("{file} is not a zip file (it has no end record).").format(file=path.name),
                    hint,
                )
            entries, directory = struct.unpack_from("<HI", tail, at + 10)
            if entries == 0xFFFF or directory == 0xFFFFFFFF:
                entries, directory = _zip64_counts(stream, tail, at) or (entries, directory)
    except OSError as err:
        raise _cannot_read(path, err) from None
    if entries > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
        raise DigwellError(
            _(
                "{file} lists {count} files ({size} bytes of names); Digwell reads zips of up "
                "to {limit} files."
            ).format(
                file=path.name,
                count=formats.number(entries),
                size=formats.number(directory),
                limit=formats.number(MAX_MEMBERS),
            ),
            hint,
        )


def _zip64_counts(stream: IO[bytes], tail: bytes, at: int) -> tuple[int, int] | None:
    """(entries, directory size) from a zip64 end record, found by its locator just
    before the end record at `at` in `tail`."""
    locator = at - 20
    if locator < 0 or tail[locator : locator + 4] != _EOCD64_LOCATOR:
        return None
    stream.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
    record = stream.read(56)
    if record[:4] != _EOCD64 or len(record) != 56:
        return None
    entries, directory = struct.unpack_from("<QQ", record, 32)
    return int(entries), int(directory)
