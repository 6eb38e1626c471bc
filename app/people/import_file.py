"""Which kind of file an import is, read safely (docs/PEOPLE_IMPORT.md): LinkedIn's
Connections.csv, LinkedIn's export .zip, or a vCard file. Anything else, a file over
20 MB, a file that is not text, or one in which no contact could be read is refused as
a whole: nothing is imported from it.
"""

from __future__ import annotations

from pathlib import Path

from app.archives import check_file
from app.errors import DigwellError
from app.people.import_plan import Contacts

MAX_FILE_BYTES = 20 * 1024 * 1024
ACCEPTED = "LinkedIn's Connections.csv, the .zip of LinkedIn's export, or a vCard file (.vcf)"
_SUFFIXES = {".csv": "csv", ".zip": "zip", ".vcf": "vcard", ".vcard": "vcard"}
_LISTED_ERRORS = 3


def read_contacts(path: Path, keep_emails: bool = False) -> Contacts:
    """The contacts of an import file; a DigwellError when the file is refused."""
    path = Path(path)
    check_file(path, ACCEPTED, MAX_FILE_BYTES)
    kind = _SUFFIXES.get(path.suffix.casefold(), "")
    if kind == "zip":
        from app.people.linkedin import connections_in_zip

        name = f"The Connections.csv in {path.name}"
        text, kind = _decode(connections_in_zip(path, MAX_FILE_BYTES), name), "csv"
    else:
        name = path.name
        text = _decode(_read(path), name)
        kind = kind or _sniff(text, name)
    found = _from_text(text, kind, name, keep_emails)
    if found.errors and not found.contacts:
        listed = "; ".join(f"line {e.line}: {e.message}" for e in found.errors[:_LISTED_ERRORS])
        more = len(found.errors) - _LISTED_ERRORS
        raise DigwellError(
            f"No contact in {path.name} could be read ({listed}"
            + (f"; and {more} more)." if more > 0 else ")."),
            "Nothing was imported.",
        )
    return found


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]  # it may have grown
    except OSError as err:
        raise DigwellError(f"{path} cannot be read ({err.strerror}).") from None


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a byte order mark), or UTF-16 with one (some address
    books write it); anything else is refused."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DigwellError(
            f"{name} is not UTF-8 text (byte {err.start + 1} is not).",
            f"Digwell imports {ACCEPTED}, as the site or app saved it.",
        ) from None


def _sniff(text: str, name: str) -> str:
    """The kind of a file whose name does not say: by what it starts with."""
    head = text.lstrip()[:4000].casefold()
    if head.startswith("begin:vcard"):
        return "vcard"
    if "first name" in head and "last name" in head:
        return "csv"
    raise DigwellError(f"Digwell cannot import {name}.", f"It imports {ACCEPTED}.")


def _from_text(text: str, kind: str, name: str, keep_emails: bool = False) -> Contacts:
    if not text.strip():
        raise DigwellError(f"{name} is empty.", f"Choose {ACCEPTED}.")
    if kind == "vcard":
        from app.people.vcard import read_vcards

        found = read_vcards(text, keep_emails)
        if not found.contacts and not found.errors:
            raise DigwellError(f"{name} holds no vCard.", "A vCard starts with BEGIN:VCARD.")
        return found
    from app.people.linkedin import read_connections

    return read_connections(text, name, keep_emails)
