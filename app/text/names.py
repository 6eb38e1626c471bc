"""Keys that match a feed item's author to a person (docs/PEOPLE.md, "Who wrote it").

Three kinds, each a short text: `n:priya raman` (a name without case, accents or
punctuation), `@priya@hachyderm.io` (a handle as written after its @), and
`u:hachyderm.io/@priya` (a profile or site address without scheme, `www.` or trailing
slash). A person has the keys of their name, handles and addresses; an item the keys of
its author field and of its feed's addresses; `e:` keys an e-mail address. Plain
functions: the store keeps the people's keys, the refresh computes the items'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.types import Person

# "priya@example.com (Priya Raman)", as RSS 2.0's <author> puts it.
_EMAIL_NAME = re.compile(r"^\s*([^\s()<>@]+@[^\s()<>@]+)\s*\(([^()]*)\)\s*$")
# "Priya Raman <priya@example.com>", "Priya Raman (priya@example.com)".
_NAME_EMAIL = re.compile(r"^\s*([^<>]*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$")
_NAME_PAREN = re.compile(r"^\s*([^()]*?)\s*\(([^\s()<>@]+@[^\s()<>@]+)\)\s*$")
_BARE_EMAIL = re.compile(r"^\s*()([^\s()<>@,;]+@[^\s()<>@,;]+\.[^\s()<>@,;]+)\s*$")
# Lower case only: "Priya Y. Raman" is one name, "Ana y Luis" two.
_SEPARATORS = re.compile(r"\s*(?:;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")
_HANDLE = re.compile(r"^@[\w.-]+(?:@[\w.-]+\.[a-z]{2,})?$", re.IGNORECASE)
_HOST_ALIASES = {"twitter.com": "x.com", "threads.com": "threads.net"}
_HOST_PREFIXES = ("www.", "mobile.", "m.")
# What a feed address adds to its site's: matching a person's site, not their feed file.
_FEED_SUFFIXES = (
    "/feed.xml",
    "/rss.xml",
    "/atom.xml",
    "/index.xml",
    "/feed",
    "/rss",
    "/atom",
    ".rss",
    ".atom",
    ".xml",
)
_MAX_AUTHOR = 300  # an author field longer than this is not a name


def name_key(name: str) -> str:
    """A name as compared: no case, accents, punctuation or extra spaces ("" if none)."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(kept.split())


def url_key(url: str) -> str:
    """An address as compared: `u:host/path` in lower case, without scheme, `www.`,
    query or trailing slash ("" if it has no host)."""
    text = url.strip().lower()
    if "://" in text:
        text = text.split("://", 1)[1]
    text = text.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    host, _, path = text.partition("/")
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
    host = _HOST_ALIASES.get(host, host)
    if "." not in host:
        return ""
    return f"u:{host}/{path}" if path else f"u:{host}"


def feed_url_keys(url: str) -> list[str]:
    """A feed's address keys: itself, and without a feed file's name (`/feed.xml`,
    `.rss`…), so a person's site or profile matches their feed."""
    key = url_key(url)
    if not key:
        return []
    keys = [key]
    for suffix in _FEED_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            keys.append(key[: -len(suffix)].rstrip("/"))
            break
    return keys


def handle_key(handle: str) -> str:
    """`@priya`, `@priya@hachyderm.io` or `@priya.bsky.social` in lower case ("" if
    it is not a handle)."""
    text = handle.strip().lower()
    if not text:
        return ""
    if not text.startswith("@"):
        text = "@" + text
    return text if _HANDLE.match(text) else ""


def author_keys(author: str) -> list[str]:
    """The keys of a feed item's author field: each name in it (several authors are
    split on `;`, `&` and `and`), an e-mail's name, a handle."""
    text = author.strip()
    if not text or len(text) > _MAX_AUTHOR:
        return []
    keys: list[str] = []
    for part in _names(text):
        if part.startswith("e:"):
            keys.append(part)
            continue
        if part.startswith("@"):
            key = handle_key(part)
            if key:
                keys.append(key)
            continue
        key = name_key(part)
        if key:
            keys.append("n:" + key)
    return list(dict.fromkeys(keys))


def person_keys(person: Person) -> list[str]:
    """Every key an item's author or feed may match the person by: their name, their
    handles (stored normalised, app/people/handles.py) and their addresses."""
    keys = ["n:" + name_key(person.name)] if name_key(person.name) else []
    if person.email:
        keys.append("e:" + person.email.strip().lower())
    for handle in (person.x, person.threads, person.mastodon):
        if handle_key(handle):
            keys.append(handle_key(handle))
    if person.bluesky and handle_key(person.bluesky):
        keys.append(handle_key(person.bluesky))
    profiles = [person.linkedin]
    if person.x:
        profiles.append("x.com/" + person.x.lstrip("@"))
    if person.threads:
        profiles.append("threads.net/@" + person.threads.lstrip("@"))
    if person.mastodon.count("@") == 2:
        user, server = person.mastodon.lstrip("@").split("@")
        profiles.append(f"{server}/@{user}")
    if person.bluesky:
        profiles.append("bsky.app/profile/" + person.bluesky.lstrip("@"))
    keys += [url_key(p) for p in profiles if p and url_key(p)]
    keys += feed_url_keys(person.website) if person.website else []
    return list(dict.fromkeys(keys))


def _names(text: str) -> Iterable[str]:
    """The names (and e-mail keys) an author field holds."""
    forms = ((_EMAIL_NAME, 2), (_NAME_EMAIL, 1), (_NAME_PAREN, 1), (_BARE_EMAIL, 1))
    for pattern, name_group in forms:
        found = pattern.match(text)
        if found:
            yield "e:" + found.group(3 - name_group).lower()
            text = found.group(name_group)
            break
    for part in _SEPARATORS.split(text):
        part = part.strip(" ,")
        if not part:
            continue
        # "Priya Raman, Sam Lee": two names; "Raman, Priya": one, turned round.
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) > 1 and all(" " in p for p in pieces):
            yield from pieces
        elif len(pieces) == 2:
            yield f"{pieces[1]} {pieces[0]}"
        else:
            yield part
