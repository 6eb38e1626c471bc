"""Writing the user's people to a CSV file for a spreadsheet (docs/PEOPLE_IMPORT.md,
"Export").

Everyone is written, archived people too, one row each, by id, with the columns of
`COLUMNS`: dates as YYYY-MM-DD (empty when there is none), `archived` as yes or empty,
e-mail addresses included (they are the user's own data). The file is UTF-8 with a byte
order mark, so spreadsheets read accents right, and every cell a spreadsheet would run
as a formula starts with an apostrophe (app/text/spreadsheet.py). The file is written
whole or not at all.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from app.errors import DigwellError
from app.i18n import _
from app.text.spreadsheet import safe_cell
from app.types import Person

COLUMNS = (
    "id",
    "name",
    "company",
    "role",
    "circle",
    "how_known",
    "linkedin",
    "x",
    "mastodon",
    "bluesky",
    "threads",
    "website",
    "email",
    "notes",
    "archived",
    "added_on",
    "last_touch",
    "next_due",
    "overdue_on",
    "gives",
    "asks",
)


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


def person_row(person: Person) -> list[str]:
    """One person's cells, in the order of COLUMNS, safe to open in a spreadsheet."""
    values: Sequence[object] = (
        person.id,
        person.name,
        person.company,
        person.role,
        person.circle,
        person.how_known,
        person.linkedin,
        person.x,
        person.mastodon,
        person.bluesky,
        person.threads,
        person.website,
        person.email,
        person.notes,
        "yes" if person.archived else "",
        _day(person.added_on),
        _day(person.last_touch),
        _day(person.due_on),
        _day(person.overdue_on),
        person.gives,
        person.asks,
    )
    return [safe_cell(v) for v in values]


def people_csv(people: Iterable[Person]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(person_row(p) for p in people)
    return out.getvalue()


def write_people_csv(path: Path, people: Sequence[Person]) -> int:
    """Write `people` to `path`; returns how many."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:  # never leave half a file behind
        partial.write_text(people_csv(people), encoding="utf-8-sig", newline="")
        os.replace(partial, path)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise DigwellError(
            _("The people could not be saved to {path} ({reason}).").format(
                path=path, reason=err.strerror or err
            ),
            _("Choose a folder you can write to."),
        ) from err
    return len(people)
