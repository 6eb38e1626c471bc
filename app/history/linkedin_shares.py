"""LinkedIn's data export (docs/HISTORY.md): `Shares.csv` (or `Shares_<n>.csv`, some
exports split it) holds the user's posts, `Comments.csv` their comments on others'
posts, `Connections.csv` their connections (handed on whole, for the people import).

    Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility
    2024-03-05 14:02:11,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A71...,"Text
    over ""several"" lines",https://example.com/article,,MEMBER_NETWORK

Dates are UTC. A post with a SharedUrl is a share (its link), one without an original;
an empty commentary is a bare repost (the SharedUrl is what was reposted). The columns
may come in any order; a column LinkedIn does not write means the file is not theirs,
and it is refused whole. A row with a problem is named by the line it starts on, and
the other rows are still read.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import unquote

from app.archives import MB, ZipArchive, check_file, read_file
from app.errors import DigwellError
from app.history.reading import Progress, in_order, linkedin_date, reporter
from app.history.records import Engagement, HistoryFile, HistoryPost, Problem
from app.i18n import N_, _, ngettext
from app.text.links import safe_link

SHARES = ("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility")
COMMENTS = ("Date", "Link", "Message")
_SHARES_NEEDED = {"date", "sharelink", "sharecommentary"}
_COMMENTS_NEEDED = {"date", "link"}
SHARES_FILE = re.compile(r"^shares(_\d+)?\.csv$")
COMMENTS_FILE = "comments.csv"
CONNECTIONS_FILE = "connections.csv"
MEMBER_LIMIT = 200 * MB  # ten years of daily posts is a few MB
CONNECTIONS_LIMIT = 20 * MB  # as the people import (app/people/import_file.py)
HINT = N_("Import the .zip LinkedIn sent you as it is, or the Shares.csv inside it.")
_URN = re.compile(r"urn:li:(?:share|activity|ugcPost):\d+")


def read_linkedin_zip(archive: ZipArchive, on_progress: Progress | None = None) -> HistoryFile:
    """Posts, comments and the connections' bytes of LinkedIn's export .zip."""
    shares = archive.find(lambda name: bool(SHARES_FILE.match(name)))
    comments = archive.find(lambda name: name == COMMENTS_FILE)
    connections = archive.find(lambda name: name == CONNECTIONS_FILE)
    if not (shares or comments or connections):
        raise DigwellError(
            _("{file} holds no Shares.csv, Comments.csv or Connections.csv.").format(
                file=archive.name
            ),
            _(
                "Ask LinkedIn for your data with “Shares” and “Comments” ticked (Settings, "
                "Data privacy, Get a copy of your data), and import the .zip it sends."
            ),
        )
    total = sum(i.file_size for i in (*shares, *comments))
    report = reporter(on_progress, total)
    done = 0
    posts: list[HistoryPost] = []
    engagement: list[Engagement] = []
    problems: list[Problem] = []

    def read(member: zipfile.ZipInfo, reader: Callable[[IO[bytes], str], Iterator[object]]) -> None:
        nonlocal done
        at = done
        seen = None if report is None else (lambda n: report(at + n))
        with archive.open(member, MEMBER_LIMIT, progress=seen) as stream:
            _collect(
                reader(stream, member.filename.rsplit("/", 1)[-1]), posts, engagement, problems
            )
        done += member.file_size

    for member in shares:
        read(member, read_shares)
    for member in comments[:1]:
        read(member, read_comments)
    people = archive.read(connections[0], CONNECTIONS_LIMIT) if connections else None
    if on_progress:
        on_progress(total, total)
    return HistoryFile("linkedin", in_order(posts), in_order(engagement), problems, people)


def read_linkedin_csv(path: Path, kind: str, on_progress: Progress | None = None) -> HistoryFile:
    """A Shares.csv, Comments.csv or Connections.csv on its own (`kind` says which)."""
    accepted = _("LinkedIn's Shares.csv, or the export's .zip")
    size = check_file(path, accepted)
    posts: list[HistoryPost] = []
    engagement: list[Engagement] = []
    problems: list[Problem] = []
    people = None
    if kind == "connections":
        people = read_file(path, CONNECTIONS_LIMIT, accepted)
    else:
        reader = read_shares if kind == "shares" else read_comments
        try:
            with path.open("rb") as stream:
                _collect(reader(stream, path.name), posts, engagement, problems)
        except OSError as err:
            raise DigwellError(
                _("{path} cannot be read ({reason}).").format(path=path, reason=err.strerror)
            ) from None
    if on_progress:
        on_progress(size, size)
    return HistoryFile("linkedin", in_order(posts), in_order(engagement), problems, people)


def csv_kind(head: str) -> str:
    """Which LinkedIn file a CSV's first line says it is: shares, comments,
    connections or ""."""
    first = head.lstrip("\ufeff").split("\n", 1)[0].casefold()
    if "sharecommentary" in first or "sharelink" in first:
        return "shares"
    if "first name" in head.casefold() and "last name" in head.casefold():
        return "connections"
    names = {c.strip() for c in first.split(",")}
    return "comments" if {"date", "link", "message"} <= names else ""


def _collect(
    found: Iterator[object],
    posts: list[HistoryPost],
    engagement: list[Engagement],
    problems: list[Problem],
) -> None:
    for record in found:
        if isinstance(record, HistoryPost):
            posts.append(record)
        elif isinstance(record, Engagement):
            engagement.append(record)
        elif isinstance(record, Problem):
            problems.append(record)


def read_shares(stream: IO[bytes], where: str) -> Iterator[HistoryPost | Problem]:
    """The posts of a Shares.csv, and a Problem for each row that cannot be one."""
    for line, row in _rows(stream, where, SHARES, _SHARES_NEEDED):
        if isinstance(row, Problem):
            yield row
            continue
        try:
            yield _share(row)
        except ValueError as err:
            yield Problem(_at_line(where, line), str(err))


def _at_line(where: str, line: int) -> str:
    """Where a problem is: "Shares.csv line 12"."""
    # Translators: {file} is a file's name, Shares.csv.
    return _("{file} line {line}").format(file=where, line=line)


def _share(row: dict[str, str]) -> HistoryPost:
    at = linkedin_date(row.get("date", ""))
    text = row.get("sharecommentary", "").replace("\r\n", "\n").replace("\r", "\n").strip()
    share_link = safe_link(row.get("sharelink", ""))
    shared = safe_link(row.get("sharedurl", ""))
    urn = _URN.search(unquote(share_link))
    if urn:
        external_id = urn.group(0)
    elif share_link:
        external_id = share_link
    else:  # no link to the post: its time and words name it
        digest = hashlib.sha1(f"{at.isoformat()}\n{text}".encode()).hexdigest()[:16]
        external_id = f"{at.isoformat()} {digest}"
    return HistoryPost("linkedin", external_id, at, text, share_link, shared, repost=not text)


def read_comments(stream: IO[bytes], where: str) -> Iterator[Engagement | Problem]:
    """The comments of a Comments.csv, as engagement."""
    for line, row in _rows(stream, where, COMMENTS, _COMMENTS_NEEDED):
        if isinstance(row, Problem):
            yield row
            continue
        try:
            at = linkedin_date(row.get("date", ""))
        except ValueError as err:
            yield Problem(_at_line(where, line), str(err))
            continue
        link = safe_link(row.get("link", ""))
        # LinkedIn gives a comment no id of its own: the post and the time name it.
        yield Engagement("linkedin", "comment", f"{at.isoformat()} {link}", at, link)


def _rows(
    stream: IO[bytes], where: str, known: tuple[str, ...], needed: set[str]
) -> Iterator[tuple[int, dict[str, str] | Problem]]:
    """(line the row starts on, its cells by folded column name, or a Problem)."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)
    try:
        columns = _header(reader, where, known, needed)
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:  # the reader cannot go on past broken quoting
                message = _(
                    "the quotes do not match ({error}); the rest of the file was not read."
                ).format(error=err)
                yield line, Problem(_at_line(where, line), message)
                return
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                message = _("{values} values for {columns} columns.").format(
                    values=len(row), columns=len(columns)
                )
                yield line, Problem(_at_line(where, line), message)
                continue
            yield line, dict(zip(columns, row, strict=True))
    except UnicodeDecodeError as err:
        raise DigwellError(
            _("{file} is not UTF-8 text (byte {byte} of a block is not).").format(
                file=where, byte=err.start + 1
            ),
            _("Import the file as LinkedIn wrote it."),
        ) from None
    finally:
        text.detach()  # the caller closes the stream


def _header(
    reader: Iterator[list[str]], where: str, known: tuple[str, ...], needed: set[str]
) -> list[str]:
    expected = ",".join(known)
    hint = _("LinkedIn writes {columns}: import the file as LinkedIn wrote it.").format(
        columns=expected
    )
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        header = []
    columns = [c.strip().casefold() for c in header]
    names = {k.casefold(): k for k in known}
    unknown = [c for c, folded in zip(header, columns, strict=True) if folded not in names]
    if unknown:
        listed = ", ".join(f"“{c[:40]}”" for c in unknown[:5])
        raise DigwellError(
            _(
                "{file} has columns LinkedIn does not write ({columns}); Digwell does not read it."
            ).format(file=where, columns=listed),
            hint,
        )
    missing = [names[m] for m in sorted(needed - set(columns))]
    if missing:
        raise DigwellError(
            ngettext(
                "{file} has no column {columns}.", "{file} has no columns {columns}.", len(missing)
            ).format(file=where, columns=", ".join(missing)),
            hint,
        )
    return columns
