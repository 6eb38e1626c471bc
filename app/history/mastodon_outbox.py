"""Mastodon's archive (docs/HISTORY.md): `outbox.json`, alone or in the archive's .zip,
an ActivityStreams OrderedCollection whose `orderedItems` are

- `Create` of a `Note` (or a poll, `Question`): HTML `content`, `published`, `url`,
  `inReplyTo`. A reply to someone else is engagement; a reply to one's own post
  continues a thread and is not counted again (the thread's first post is the post).
- `Announce`: a boost, a share without words; its `object` is the boosted post's URL.

A direct message (addressed neither to the public nor to one's followers) is neither a
post nor engagement: it is left out. The file is streamed (ijson): an outbox of years
is tens of MB. A file that is not an outbox, or whose JSON is cut short, is refused.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import IO, Any, NamedTuple

import ijson

from app.archives import MB, Prefixed, ZipArchive, check_file
from app.errors import DigwellError
from app.history.reading import Progress, cut_short, in_order, iso_date, reporter
from app.history.records import Engagement, HistoryFile, HistoryPost, Problem
from app.i18n import N_, _
from app.text.links import safe_link
from app.text.sanitize import html_to_text

OUTBOX_FILE = "outbox.json"
MEMBER_LIMIT = 400 * MB
# Translated where shown.
HINT = N_("Import the .zip Mastodon made (Preferences, Import and export, Request your archive).")
_HEAD = 1 * MB  # the collection's type comes after its @context (a few KB)
_OUTBOX_MARK = re.compile(rb'"(?:OrderedCollection|orderedItems)"')
_NOTES = ("Note", "Question", "Article")
_ANCHOR = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(href|class|rel)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


class _Toot(NamedTuple):
    """What is kept of one outbox item while the rest is read."""

    id: str
    at: str
    text: str
    url: str
    link: str
    reply_to: str
    boost: bool


def read_mastodon_zip(archive: ZipArchive, on_progress: Progress | None = None) -> HistoryFile:
    """The posts and replies of Mastodon's archive .zip."""
    found = archive.find(lambda name: name == OUTBOX_FILE)
    if not found:
        raise DigwellError(_("{file} holds no outbox.json.").format(file=archive.name), _(HINT))
    member = found[0]
    report = reporter(on_progress, member.file_size)
    with archive.open(member, MEMBER_LIMIT, _(HINT), progress=report) as stream:
        history = read_outbox(stream, member.filename)
    if on_progress:
        on_progress(member.file_size, member.file_size)
    return history


def read_outbox_file(path: Path, on_progress: Progress | None = None) -> HistoryFile:
    """An outbox.json on its own."""
    size = check_file(path, _("Mastodon's outbox.json, or the archive's .zip"))
    try:
        with path.open("rb") as stream:
            found = read_outbox(stream, path.name)
    except OSError as err:
        raise DigwellError(
            _("{path} cannot be read ({reason}).").format(path=path, reason=err.strerror)
        ) from None
    if on_progress:
        on_progress(size, size)
    return found


def read_outbox(stream: IO[bytes], where: str) -> HistoryFile:
    """An outbox's posts, replies and problems; DigwellError when it is not one."""
    head = stream.read(_HEAD)
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") or not _OUTBOX_MARK.search(head):
        raise DigwellError(
            _("{file} is not Mastodon's outbox: it is not an ActivityStreams collection.").format(
                file=where
            ),
            _(HINT),
        )
    toots: list[_Toot] = []
    problems: list[Problem] = []
    actors: set[str] = set()
    try:
        items = ijson.items(Prefixed(head, stream), "orderedItems.item", use_float=True)
        for number, item in enumerate(items, 1):
            _keep(item, number, where, toots, actors, problems)
    except ijson.JSONError as err:
        raise cut_short(where, err) from None
    return _history(toots, actors, problems)


def _keep(
    item: Any,
    number: int,
    where: str,
    toots: list[_Toot],
    actors: set[str],
    problems: list[Problem],
) -> None:
    """Adds what one outbox item holds; a Problem when it cannot be read."""
    kind = item.get("type") if isinstance(item, dict) else None
    if kind not in ("Create", "Announce"):
        return  # likes, follows, deletes: not posts
    activity = item if isinstance(item, dict) else {}
    actor = activity.get("actor")
    if isinstance(actor, str) and actor:
        actors.add(actor.rstrip("/"))
    if not _addressed_widely(activity):
        return  # a direct message
    if kind == "Announce":
        boosted = activity.get("object")
        link = boosted.get("id", "") if isinstance(boosted, dict) else boosted
        toots.append(
            _Toot(_text(activity.get("id")), _text(activity.get("published")), "", "",
                  safe_link(_text(link)), "", True)
        )  # fmt: skip
        return
    note = activity.get("object")
    if not isinstance(note, dict) or note.get("type") not in _NOTES:
        problems.append(
            Problem(
                # Translators: {file} is a file's name, outbox.json; {number} counts its items.
                _("{file} item {number}").format(file=where, number=number),
                _("its object is not a post (Note)."),
            )
        )
        return
    content = _text(note.get("content"))
    toots.append(
        _Toot(
            _text(note.get("id")) or _text(activity.get("id")),
            _text(note.get("published")) or _text(activity.get("published")),
            html_to_text(content),
            safe_link(_text(note.get("url"))) or safe_link(_text(note.get("id"))),
            _first_link(content),
            _text(note.get("inReplyTo")),
            False,
        )
    )


def _history(toots: list[_Toot], actors: set[str], problems: list[Problem]) -> HistoryFile:
    own = {t.id for t in toots}
    posts: list[HistoryPost] = []
    engagement: list[Engagement] = []
    for toot in toots:
        if not toot.id:
            problems.append(
                Problem(_("post at {time}").format(time=toot.at or "?"), _("it has no id."))
            )
            continue
        try:
            at = iso_date(toot.at)
        except ValueError as err:
            problems.append(Problem(toot.id, str(err)))
            continue
        if toot.boost:
            posts.append(HistoryPost("mastodon", toot.id, at, "", "", toot.link, repost=True))
        elif toot.reply_to:
            if toot.reply_to in own or _by(toot.reply_to, actors):
                continue  # a thread of one's own counts once, by its first post
            engagement.append(Engagement("mastodon", "reply", toot.id, at, toot.url))
        else:
            posts.append(HistoryPost("mastodon", toot.id, at, toot.text, toot.url, toot.link))
    return HistoryFile("mastodon", in_order(posts), in_order(engagement), problems)


def _by(uri: str, actors: set[str]) -> bool:
    """Whether a post's URI is one of the account's (under its actor's URI)."""
    return any(uri.startswith(actor + "/") for actor in actors)


def _addressed_widely(activity: dict[str, Any]) -> bool:
    """Public, unlisted or followers-only; False for a direct message. An activity
    without addressing is taken as public (older exports)."""
    audience = [a for key in ("to", "cc") for a in _list(activity.get(key))]
    if not audience:
        return True
    return any(
        a in ("Public", "as:Public") or a.endswith(("#Public", "/followers")) for a in audience
    )


def _first_link(content: str) -> str:
    """The first link in a post's HTML that is not a mention or a hashtag."""
    for anchor in _ANCHOR.findall(content):
        attributes = {
            m.group(1).lower(): m.group(2) or m.group(3) or "" for m in _ATTRIBUTE.finditer(anchor)
        }
        classes = attributes.get("class", "").split()
        if (
            "mention" in classes
            or "hashtag" in classes
            or "tag" in attributes.get("rel", "").split()
        ):
            continue
        link = safe_link(unescape(attributes.get("href", "")))
        if link:
            return link
    return ""


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
