"""Reading vCard files (.vcf, versions 3 and 4) from phone and mail address books
(docs/PEOPLE_IMPORT.md), with the `vobject` library.

A file holds any number of cards. Each is cut out by its BEGIN:VCARD and END:VCARD
lines and read on its own, so a malformed card is named by its line and the others are
still read. What a card gives a person:

    FN (else N)             the name
    ORG                     the company (its first part)
    TITLE (else ROLE)       the role
    EMAIL                   the first address, only when asked
    URL                     a LinkedIn, X, Bluesky, Threads or Mastodon profile goes to
                            that handle; the first other address is the website
    X-SOCIALPROFILE, IMPP,  handles, by their TYPE (twitter, x, mastodon, bluesky,
    X-TWITTER, X-MASTODON…  threads, linkedin) or by the address they hold
    NOTE                    the notes

A handle that cannot be read is left out (it is a guess at best); a card without any
name is an error.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from app.errors import DigwellError
from app.i18n import _
from app.people.handles import NORMALISERS, urlsplit
from app.people.import_plan import Contact, Contacts, RowError, contact_from

_PROFILE_TYPES = {
    "twitter": "x",
    "x": "x",
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "threads": "threads",
    "linkedin": "linkedin",
}
_HANDLE_PROPERTIES = ("x-socialprofile", "impp", "x-twitter", "x-mastodon", "x-bluesky")
_HOSTS = {
    "x.com": "x",
    "twitter.com": "x",
    "bsky.app": "bluesky",
    "threads.net": "threads",
    "threads.com": "threads",
}
_MASTODON_URL = re.compile(r"^https?://[^/\s]+/@[^/\s]+/?$", re.IGNORECASE)
_MASTODON_HANDLE = re.compile(r"^@[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_PARSE_LINE = "Failed to parse line: "


def read_vcards(text: str, keep_emails: bool = False) -> Contacts:
    """The contacts of a vCard file's text, each card on its own."""
    import vobject  # only an import of a .vcf needs it

    contacts: list[Contact] = []
    errors: list[RowError] = []
    for line, lines in split_cards(text):
        if lines is None:
            errors.append(RowError(line, _("This card has no END:VCARD line.")))
            continue
        try:
            card = vobject.readOne("".join(lines))
        except Exception as err:  # vobject raises many kinds on malformed text
            errors.append(_card_error(line, lines, err))
            continue
        try:
            contacts.append(_contact(line, card.contents, keep_emails))
        except DigwellError as err:
            errors.append(RowError(line, str(err)))
    return Contacts("vcard", contacts, errors)


def split_cards(text: str) -> Iterator[tuple[int, list[str] | None]]:
    """(the line a card starts on, its lines) for each card; None for a card that never
    ends. Text between cards is ignored."""
    start, card, depth = 0, [], 0
    for number, line in enumerate(io.StringIO(text, newline=""), 1):
        word = line.rstrip().casefold()  # a folded line starts with a space
        if depth == 0:
            if word == "begin:vcard":
                start, card, depth = number, [line], 1
            continue
        card.append(line)
        if word == "begin:vcard":  # a card inside a card (vCard 2.1's AGENT)
            depth += 1
        elif word == "end:vcard":
            depth -= 1
            if depth == 0:
                yield start, card
    if depth:
        yield start, None


def _card_error(start: int, lines: list[str], err: Exception) -> RowError:
    """The error of a card vobject could not read, at the line it names if found."""
    message = str(err).split(": ", 1)[-1] if str(err).startswith("At line") else str(err)
    line = start
    if message.startswith(_PARSE_LINE):
        bad = message[len(_PARSE_LINE) :]
        line = next((start + n for n, text in enumerate(lines) if text.startswith(bad)), start)
    if message:
        # Translators: {error} is the vCard reader's own (English) description.
        text = _("This card cannot be read ({error}).").format(error=message[:120])
    else:
        text = _("This card cannot be read.")
    return RowError(line, text)


def _contact(line: int, props: dict[str, list[Any]], keep_emails: bool) -> Contact:
    name = _text(_first(props, "fn")) or _name_of(_first(props, "n"))
    if not name:
        raise DigwellError(_("This card has no name (FN or N)."))
    raw = {
        "name": name,
        "company": _org(_first(props, "org")),
        "role": _text(_first(props, "title")) or _text(_first(props, "role")),
        "notes": _text(_first(props, "note")),
    }
    if keep_emails:
        raw["email"] = _text(_first(props, "email"))
    for item in props.get("url", []):
        url = _text(item.value)
        field = _profile_field(url, "")
        # A profile goes to its handle (a company's page on LinkedIn to nothing).
        field = field or "website"
        if not raw.get(field):
            raw[field] = _normal(field, url)
    for prop in _HANDLE_PROPERTIES:
        for item in props.get(prop, []):
            for field, handle in _handles(prop, item):
                if not raw.get(field):
                    raw[field] = handle
    return contact_from(line, raw)


def _first(props: dict[str, list[Any]], name: str) -> Any:
    items = props.get(name)
    return items[0].value if items else None


def _text(value: object) -> str:
    if isinstance(value, list):  # a property repeated with commas
        value = ", ".join(str(v) for v in value if v)
    return value.strip() if isinstance(value, str) else ""


def _name_of(value: Any) -> str:
    """A structured name (N): prefix, given, additional, family, suffix."""
    if value is None or isinstance(value, str):
        return _text(value)
    parts = (value.prefix, value.given, value.additional, value.family, value.suffix)
    return " ".join(" ".join(p) if isinstance(p, list) else str(p) for p in parts if p).strip()


def _org(value: Any) -> str:
    if isinstance(value, list):
        return next((str(v).strip() for v in value if str(v).strip()), "")
    return _text(value)


def _handles(prop: str, item: Any) -> Iterator[tuple[str, str]]:
    """The handles one property may hold: by the address in its value or its x-user
    parameter, and by its TYPE (X-TWITTER is a handle on X)."""
    types = [t.casefold() for t in item.params.get("TYPE", [])]
    if prop != "impp" and prop != "x-socialprofile":
        types.append(prop.removeprefix("x-"))
    hint = next((_PROFILE_TYPES[t] for t in types if t in _PROFILE_TYPES), "")
    values = [_text(item.value), *(_text(u) for u in item.params.get("X-USER", []))]
    for value in values:
        scheme, _sep, rest = value.partition(":")
        if scheme.casefold() in _PROFILE_TYPES and not rest.startswith("//"):
            hint, value = hint or _PROFILE_TYPES[scheme.casefold()], rest  # IMPP twitter:priya
        found = _profile(value, hint)
        if found is not None:
            yield found


def _profile(value: str, hint: str) -> tuple[str, str] | None:
    """(field, handle) for a profile address or handle, if it reads as one."""
    field = _profile_field(value, hint)
    handle = _normal(field, value) if field else ""
    return (field, handle) if handle else None


def _profile_field(value: str, hint: str) -> str:
    """Which handle a value is for, by its address or, for a bare handle, by `hint`;
    "" if none."""
    if not value:
        return ""
    host = (urlsplit(value if "://" in value else "https://" + value).hostname or "").lower()
    host = host.removeprefix("www.").removeprefix("mobile.")
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        return "linkedin"
    if host in _HOSTS:
        return _HOSTS[host]
    if _MASTODON_URL.match(value) or _MASTODON_HANDLE.match(value):
        return "mastodon"
    return hint if "://" not in value else ""


def _normal(field: str, value: str) -> str:
    try:
        return NORMALISERS[field](value)
    except DigwellError:
        return ""
