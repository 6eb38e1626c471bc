"""Which kind of file an import is, read safely (docs/PEOPLE_IMPORT.md): LinkedIn's
Connections.csv, LinkedIn's export .zip, or a vCard file. Anything else, a file over
20 MB, a file that is not text, or one in which no contact could be read is refused as
a whole: nothing is imported from it.
"""

from __future__ import annotations

from pathlib import Path

from app.archives import check_file
from app.errors import DigwellError
from app.i18n import N_, _
from app.people.import_plan import Contacts

MAX_FILE_BYTES = 20 * 1024 * 1024
# What an import reads, as the object of "Choose …" (translated where shown).
ACCEPTED = N_("LinkedIn's Connections.csv, the .zip of LinkedIn's export, or a vCard file (.vcf)")
_SUFFIXES = {".csv": "csv", ".zip": "zip", ".vcf": "vcard", ".vcard": "vcard"}
_LISTED_ERRORS = 3


def read_contacts(path: Path, keep_emails: bool = False) -> Contacts:
    """The contacts of an import file; a DigwellError when the file is refused."""
    path = Path(path)
    check_file(path, _(ACCEPTED), MAX_FILE_BYTES)
    kind = _SUFFIXES.get(path.suffix.casefold(), "")
    if kind == "zip":
        from app.people.linkedin import connections_in_zip

        name = _("The Connections.csv in {file}").format(file=path.name)
        text, kind = _decode(connections_in_zip(path, MAX_FILE_BYTES), name), "csv"
    else:
        name = path.name
        text = _decode(_read(path), name)
        kind = kind or _sniff(text, name)
    found = _from_text(text, kind, name, keep_emails)
    if found.errors and not found.contacts:
        listed = "; ".join(
            _("line {line}: {message}").format(line=e.line, message=e.message)
            for e in found.errors[:_LISTED_ERRORS]
        )
        more = len(found.errors) - _LISTED_ERRORS
        if more > 0:
            # Translators: {errors} lists the first problems, "line 3: …; line 5: …".
            message = _("No contact in {file} could be read ({errors}; and {count} more).").format(
                file=path.name, errors=listed, count=more
            )
        else:
            message = _("No contact in {file} could be read ({errors}).").format(
                file=path.name, errors=listed
            )
        raise DigwellError(message, _("Nothing was imported."))
    return found


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]  # it may have grown
    except OSError as err:
        raise DigwellError(
            _("{path} cannot be read ({reason}).").format(path=path, reason=err.strerror)
        ) from None


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without a byte order mark), or UTF-16 with one (some address
    books write it); anything else is refused."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DigwellError(
            _("{file} is not UTF-8 text (byte {byte} is not).").format(
                file=name, byte=err.start + 1
            ),
            _("Digwell imports {accepted}, as the site or app saved it.").format(
                accepted=_(ACCEPTED)
            ),
        ) from None


def _sniff(text: str, name: str) -> str:
    """The kind of a file whose name does not say: by what it starts with."""
    head = text.lstrip()[:4000].casefold()
    if head.startswith("begin:vcard"):
        return "vcard"
    if "first name" in head and "last name" in head:
        return "csv"
    raise DigwellError(
        _("Digwell cannot import {file}.").format(file=name),
        _("It imports {accepted}.").format(accepted=_(ACCEPTED)),
    )


def _from_text(text: str, kind: str, name: str, keep_emails: bool = False) -> Contacts:
    if not text.strip():
        raise DigwellError(
            _("{file} is empty.").format(file=name),
            _("Choose {accepted}.").format(accepted=_(ACCEPTED)),
        )
    if kind == "vcard":
        from app.people.vcard import read_vcards

        found = read_vcards(text, keep_emails)
        if not found.contacts and not found.errors:
            raise DigwellError(
                _("{file} holds no vCard.").format(file=name),
                _("A vCard starts with BEGIN:VCARD."),
            )
        return found
    from app.people.linkedin import read_connections

    return read_connections(text, name, keep_emails)
