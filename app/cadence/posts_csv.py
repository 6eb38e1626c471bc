"""Reading a CSV file of posts. A header row comes first; its columns, in any order,
names in any case:

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

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from app.errors import DigwellError
from app.i18n import _, formats, ngettext

CSV_COLUMNS = ("date", "time", "platform", "kind", "theme", "url", "text")
CSV_REQUIRED = ("date", "platform")
MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_CSV_ROWS = 20_000
MAX_LISTED_ERRORS = 20
_CSV_HEADER_EXAMPLE = ",".join(CSV_COLUMNS)


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
            more = len(self.errors) - MAX_LISTED_ERRORS
            # Translators: after the first rows' problems: {count} more rows have problems.
            listed.append(ngettext("and {count} more", "and {count} more", more).format(count=more))
        self.listed = tuple(listed)
        super().__init__("\n".join((headline, *listed)), hint)

    def __str__(self) -> str:
        # The hint goes with the headline, not after the last listed row.
        return "\n".join((f"{self.headline} {self.hint}".strip(), *(f"  {e}" for e in self.listed)))


class CsvRows(NamedTuple):
    """A file's rows, each with the line it starts on, and the rows that could not be read
    (line, "line 4: …")."""

    rows: list[tuple[int, dict[str, str]]]
    errors: list[tuple[int, str]]
    header_line: int


def csv_rows(path: Path) -> CsvRows:
    """The rows of a posts CSV file as {column: value}; file-level problems (not UTF-8,
    no header, too many rows) raise a DigwellError, row-level ones are listed."""
    text = read_csv_text(path)
    name = path.name
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    columns: list[str] | None = None
    header_line = 0
    rows: list[tuple[int, dict[str, str]]] = []
    errors: list[tuple[int, str]] = []
    while True:
        line = reader.line_num + 1  # where the next row starts, however many lines it spans
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            # The reader cannot go on past broken quoting.
            problem = _("the quotes do not match ({error})").format(error=err)
            errors.append((line, line_problem(line, problem)))
            break
        if not any(field.strip() for field in row):
            continue
        if columns is None:
            columns = header_columns(row, name)
            header_line = line
            continue
        if len(rows) + len(errors) >= MAX_CSV_ROWS:
            raise DigwellError(
                _("{name} has more than {count} posts.").format(
                    name=name, count=formats.number(MAX_CSV_ROWS)
                ),
                _("Split it into smaller files and import each."),
            )
        if len(row) > len(columns):
            # Translators: a CSV row with more values than the header has columns.
            problem = _(
                "{values} values for {columns} columns (put text with commas in double quotes)"
            ).format(values=len(row), columns=len(columns))
            errors.append((line, line_problem(line, problem)))
            continue
        rows.append((line, dict(zip(columns, row, strict=False))))  # short rows: rest empty
    if columns is None:
        raise empty_file(name)
    return CsvRows(rows, errors, header_line)


def line_problem(line: int, problem: str) -> str:
    """'line 4: the date is missing': one row's problem in a list of them."""
    # Translators: {line} is a line number in a CSV file; {problem} says what is wrong there.
    return _("line {line}: {problem}").format(line=line, problem=problem)


def read_csv_text(path: Path) -> str:
    """The file's text (UTF-8, with or without a byte order mark), or a clear error."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DigwellError(
            _("There is no file {path}.").format(path=path), _("Check its name and folder.")
        ) from None
    except OSError as err:
        raise DigwellError(
            _("{path} cannot be read ({error}).").format(path=path, error=err.strerror), ""
        ) from None
    if path.is_dir():
        raise DigwellError(
            _("{path} is a folder, not a CSV file.").format(path=path), _("Choose the file itself.")
        )
    if size > MAX_CSV_BYTES:
        raise DigwellError(
            _("{name} is {size} MB; Digwell imports CSV files of up to {limit} MB.").format(
                name=name,
                size=formats.number(size / 1024 / 1024, 1),
                limit=MAX_CSV_BYTES // 1024 // 1024,
            ),
            _("Split it into smaller files and import each."),
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DigwellError(
            _("{path} cannot be read ({error}).").format(path=path, error=err.strerror), ""
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DigwellError(
            _("{name} is not UTF-8 text (byte {byte} is not).").format(
                name=name, byte=err.start + 1
            ),
            # Translators: “CSV UTF-8” is the name of a file type in spreadsheet programs.
            _("Save it as “CSV UTF-8” and import it again."),
        ) from None
    if not text.strip():
        raise empty_file(name)
    return text


def empty_file(name: str) -> DigwellError:
    return DigwellError(
        _("{name} is empty.").format(name=name),
        # Translators: {header} is the CSV header row to write (column names): keep it.
        _("A posts file starts with a header row, e.g. {header}, then one row per post.").format(
            header=_CSV_HEADER_EXAMPLE
        ),
    )


def header_columns(header: list[str], name: str) -> list[str]:
    """The header's column names, lower-cased; '' for a column with no name (ignored)."""
    columns = [field.strip().casefold() for field in header]
    named = [c for c in columns if c]
    unknown = [c for c in named if c not in CSV_COLUMNS]
    if unknown and len(unknown) == len(named):
        raise DigwellError(
            _("The first line of {name} is not a header row.").format(name=name),
            _("Start the file with the column names, e.g. {header}.").format(
                header=_CSV_HEADER_EXAMPLE
            ),
        )
    if unknown:
        listed = ", ".join(f"'{c}'" for c in unknown)
        raise DigwellError(
            ngettext(
                "{name} has a column Digwell does not know: {columns}.",
                "{name} has columns Digwell does not know: {columns}.",
                len(unknown),
            ).format(name=name, columns=listed),
            # Translators: {columns} are the CSV column names; keep them, and "date" and
            # "platform", in English: they are what the file must hold.
            _("The columns are {columns}; date and platform are required.").format(
                columns=", ".join(CSV_COLUMNS)
            ),
        )
    repeated = sorted({c for c in named if named.count(c) > 1})
    if repeated:
        raise DigwellError(
            _("{name} has the column '{column}' twice.").format(name=name, column=repeated[0]),
            _("Keep one of them and import again."),
        )
    missing = [c for c in CSV_REQUIRED if c not in named]
    if missing:
        raise DigwellError(
            _("{name} has no '{column}' column.").format(name=name, column=missing[0]),
            # Translators: "date" and "platform" are CSV column names: keep them.
            _("Add it: every post needs a date and a platform."),
        )
    return columns
