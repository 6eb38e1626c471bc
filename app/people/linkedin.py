"""Reading LinkedIn's export of one's connections (docs/PEOPLE_IMPORT.md): the file
`Connections.csv`, alone or inside the export's .zip.

LinkedIn writes a few lines of notes first, then the header

    First Name,Last Name,URL,Email Address,Company,Position,Connected On

then one row per connection: quoted fields where they hold commas, empty e-mail
addresses for most people, dates like `24 Aug 2023`, maybe a byte order mark and blank
rows. The header is looked for, not assumed at a line; its columns may come in any
order (First Name and Last Name are required, others LinkedIn may add are ignored).
Position becomes the role, URL the LinkedIn profile, Connected On a `connected` touch;
the e-mail address is kept only when asked. A bad row is named by the line it starts
on, and the others are still read.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from app.archives import ZipArchive, safe_member_name
from app.errors import DigwellError
from app.i18n import _
from app.people.import_plan import Contact, Contacts, RowError, contact_from

__all__ = ["HEADER", "connections_in_zip", "parse_day", "read_connections", "safe_member_name"]

MEMBER = "connections.csv"  # the zip member's name, in any folder and any case
HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
_FIELDS = {  # column -> person field
    "url": "linkedin",
    "email address": "email",
    "company": "company",
    "position": "role",
}
_HEADER_WITHIN = 100  # lines of notes before the header at most
_MONTHS = {
    m: n
    for n, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_connections(text: str, file_name: str, keep_emails: bool = False) -> Contacts:
    """The connections of a Connections.csv file's text; a file without the header is
    refused as a whole."""
    lines = io.StringIO(text, newline="").readlines()
    header_at, columns = _find_header(lines, file_name)
    reader = csv.reader(lines[header_at + 1 :], strict=True)
    contacts: list[Contact] = []
    errors: list[RowError] = []
    while True:
        line = header_at + reader.line_num + 2  # where the next row starts (1-based)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:  # the reader cannot go on past broken quoting
            message = _(
                "the quotes do not match ({error}); the rest of the file was not read."
            ).format(error=err)
            errors.append(RowError(line, message))
            break
        if not any(field.strip() for field in row):
            continue
        if len(row) != len(columns):  # LinkedIn writes every column, empty or not
            errors.append(
                RowError(
                    line,
                    _("{values} values for {columns} columns.").format(
                        values=len(row), columns=len(columns)
                    ),
                )
            )
            continue
        try:
            contacts.append(_contact(line, dict(zip(columns, row, strict=False)), keep_emails))
        except DigwellError as err:
            errors.append(RowError(line, str(err)))
    return Contacts("linkedin", contacts, errors)


def _find_header(lines: list[str], file_name: str) -> tuple[int, list[str]]:
    """(index of the header line, its column names folded)."""
    for at, line in enumerate(lines[:_HEADER_WITHIN]):
        if "name" not in line.casefold():
            continue
        try:
            columns = [c.strip().casefold() for c in next(csv.reader([line]))]
        except (csv.Error, StopIteration):
            continue
        if "first name" in columns and "last name" in columns:
            return at, columns
    raise DigwellError(
        _("{file} is not LinkedIn's list of connections: it has no header line.").format(
            file=file_name
        ),
        _(
            "Import the Connections.csv of LinkedIn's export (it starts with a few notes, "
            "then {header}), or the export's .zip."
        ).format(header=",".join(HEADER)),
    )


def _contact(line: int, row: dict[str, str], keep_emails: bool) -> Contact:
    name = " ".join((row.get("first name", "").strip(), row.get("last name", "").strip()))
    if not name.strip():
        raise DigwellError(_("This connection has no first or last name."))
    raw = {"name": name}
    for column, field in _FIELDS.items():
        if field != "email" or keep_emails:
            raw[field] = row.get(column, "")
    return contact_from(line, raw, parse_day(row.get("connected on", "")))


def parse_day(text: str) -> date | None:
    """LinkedIn's `24 Aug 2023` (or `24 August 2023`, or 2023-08-24); None if empty.
    Month names are read as English whatever the system's language."""
    text = text.strip()
    if not text:
        return None
    found = _DAY.match(text)
    month = _MONTHS.get(found.group(2)[:3].casefold()) if found else None
    try:
        if found and month:
            return date(int(found.group(3)), month, int(found.group(1)))
        if _ISO_DAY.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise DigwellError(
        _("“{text}” under Connected On is not a date like 24 Aug 2023.").format(text=text[:40])
    )


# --- the export's .zip -------------------------------------------------------------


def connections_in_zip(path: Path, limit: int) -> bytes:
    """The bytes of the Connections.csv inside LinkedIn's export .zip, read without
    unpacking anything to disk (app/archives.py). Refused: a file that is not a zip, a
    member name that could point outside a folder, no Connections.csv, or one larger than
    `limit` bytes (by its header or as it expands: the header is not trusted)."""
    with ZipArchive(
        path, _("Import the .zip LinkedIn sent you as it is, or the Connections.csv inside it.")
    ) as archive:
        found = archive.find(lambda name: name == MEMBER)
        if not found:
            raise DigwellError(
                _("{file} holds no Connections.csv.").format(file=path.name),
                _(
                    "Ask LinkedIn for your data with “Connections” ticked, and import the .zip "
                    "it sends or the Connections.csv inside it."
                ),
            )
        return archive.read(
            found[0],
            limit,
            _("A LinkedIn export of 30,000 connections is about 3 MB: check the file."),
        )
