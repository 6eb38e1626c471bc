"""What a template sees: items, theme, profile, the user's take, the platform.

Every value is a str, int, bool, list or dict, never None: an empty field is "" or [].

- `items`: the draft's items, each a dict:
  - `id` (int), `link` (the item's web address, or "")
  - `title`: one line, never empty (falls back to the summary's start, then the host)
  - `author`: a person's name, or "" (e-mail addresses and "admin"-like names dropped);
    when the item is linked to one of the user's people, their name
  - `mention`: how to mention the author on the draft's platform: the linked person's
    `@handle` (X, Bluesky, Threads), `@user@server` (Mastodon) or name (LinkedIn, or
    no handle there); else the same as `author` (docs/PEOPLE.md, "Mentions")
  - `person`: True when the author is one of the user's people
  - `source`: the feed's name, or ""
  - `date`: published, e.g. "22 Nov 2026", or ""
  - `summary`: plain text on one line, feed boilerplate ("[…]", "Continue reading",
    "The post … appeared first on …") removed, or ""
  - `first_sentence`: the summary's first sentence (at most ~280 characters), or "" if
    there is none or it only repeats the title
- `item`: the first of `items`; None when there are none (a template that uses it then
  fails with an error naming its line)
- `author`: the first item's author: `name`, `mention` and `person` as above (all
  "" / False when there are no items)
- `theme`: `name` ("" if none) and `hashtags` (a list of str, as the user typed them)
- `profile`: `name`, `role`, `goal` (each "" if not set)
- `take`: the user's take, or `take_placeholder()` for them to type over
- `platform`: `key` ("linkedin", "x", …), `name`, `limit` (int) and `short` (True where
  posts are 300 characters or fewer: X, Bluesky)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.compose.platforms import Platform
from app.i18n import N_, _
from app.people.mentions import mention
from app.types import Item, Person, Profile, Theme

# In English; a draft gets `take_placeholder()`, in the user's language.
# Translators: stands in a new draft where the user's take goes, for them to type over.
# It must start with your translation of "[Your " (the next message).
TAKE_PLACEHOLDER = N_("[Your take: what struck you, and who should read it?]")
# Every placeholder a bundled template leaves for the user starts like this, in English
# or in the language of the templates in resources/templates/<language>/.
# Translators: how every placeholder for the user to fill starts ("[Your take: …]",
# "[Your first lesson …]"); the German templates' placeholders start with "[Ihre ".
PLACEHOLDER_PREFIX = N_("[Your ")
SHORT_PLATFORM_LIMIT = 300

_BOILERPLATE_ENDINGS = (
    "[…]",
    "[...]",
    "[&#8230;]",
    "Continue reading →",
    "Continue reading",
    "Read more →",
    "Read more",
    "Read more...",
    "Read more…",
)


def take_placeholder() -> str:
    """The placeholder for the user's take, in the user's language."""
    return _(TAKE_PLACEHOLDER)


def is_take_placeholder(text: str) -> bool:
    """Whether `text` is the placeholder for the take, in English or in the user's
    language (a draft made before the language changed keeps its English one)."""
    return text in (TAKE_PLACEHOLDER, take_placeholder())


def _first_prefix(text: str, prefixes: tuple[str, ...], start: int) -> int:
    found = [at for at in (text.find(p, start) for p in prefixes) if at >= 0]
    return min(found, default=-1)


def placeholders(text: str) -> list[str]:
    """The "[Your …]" placeholders still in a draft, in order: in English or in the
    user's language."""
    prefixes = tuple({PLACEHOLDER_PREFIX, _(PLACEHOLDER_PREFIX)})
    found: list[str] = []
    start = _first_prefix(text, prefixes, 0)
    while start >= 0:
        end = text.find("]", start)
        if end < 0:
            break
        found.append(text[start : end + 1])
        start = _first_prefix(text, prefixes, end)
    return found


def first_placeholder(text: str) -> str:
    """The placeholder to fill first: the take's if it is still there, else the first
    of `placeholders`; "" when none is left."""
    left = placeholders(text)
    return next((p for p in left if is_take_placeholder(p)), left[0] if left else "")


def _clean_summary(text: str) -> str:
    from app.compose.filters import plain

    s = plain(text)
    # WordPress and friends end summaries with a link line: "The post X appeared first on Y."
    tail = s.rfind("The post ")
    if tail >= 0 and " appeared first on " in s[tail:]:
        s = s[:tail].rstrip()
    for _pass in range(3):  # "Lorem ipsum […] Continue reading →"
        for ending in _BOILERPLATE_ENDINGS:
            if s.endswith(ending):
                s = s.removesuffix(ending).rstrip()
    return s


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return "".join(c for c in s.casefold() if c.isalnum())

    return key(a) == key(b)


def _names_person(author: str, person: Person) -> bool:
    """Whether an item's author field names this person (their name or a handle)."""
    from app.text.names import author_keys, person_keys

    return not set(author_keys(author)).isdisjoint(person_keys(person))


def item_context(
    item: Item, person: Person | None = None, platform_key: str = "linkedin"
) -> dict[str, Any]:
    """An item as templates see it: plain text only, nothing None. `person`: the one
    of the user's people who wrote it, if linked."""
    from app.compose.filters import author_name, domain, plain, shorten
    from app.text.sanitize import first_sentence  # html.parser: not needed at start-up

    link = (item.link or "").strip()
    summary = _clean_summary(item.summary_text or "")
    title = plain(item.title)
    first = first_sentence(summary) if summary else ""
    if title and _same_text(first, title):
        first = ""
    if not title:
        title = shorten(first, 80) or domain(link) or "Untitled"
    author = author_name(item.author)
    if person is not None and author and not _names_person(item.author, person):
        person = None  # linked by its feed (their blog), but someone else wrote it
    author = author or (plain(person.name) if person else "")
    return {
        "id": item.id,
        "title": title,
        "link": link,
        "author": author,
        "mention": plain(mention(person, platform_key)) if person else author,
        "person": person is not None,
        "source": plain(item.source),
        "date": f"{item.published.day} {item.published:%b %Y}" if item.published else "",
        "summary": summary,
        "first_sentence": first,
    }


def build_context(
    items: list[Item],
    *,
    theme: Theme | None,
    profile: Profile,
    take: str,
    platform: Platform,
    authors: Mapping[int, Person] | None = None,
) -> dict[str, Any]:
    """The full template context; `item` is the first of `items`, or None if none.
    `authors`: item id -> the person who wrote it, for items linked to one."""
    from app.compose.filters import plain

    known = authors or {}
    item_dicts = [item_context(i, known.get(i.id), platform.key) for i in items]
    first = item_dicts[0] if item_dicts else None
    return {
        "item": first,
        "items": item_dicts,
        "author": {
            "name": first["author"] if first else "",
            "mention": first["mention"] if first else "",
            "person": bool(first and first["person"]),
        },
        "theme": {
            "name": plain(theme.name) if theme else "",
            "hashtags": [t.strip() for t in theme.hashtags if t and t.strip()] if theme else [],
        },
        "profile": {
            "name": plain(profile.name),
            "role": plain(profile.role),
            "goal": plain(profile.goal),
        },
        "take": (take or "").strip() or take_placeholder(),
        "platform": {
            "key": platform.key,
            "name": platform.name,
            "limit": platform.limit,
            "short": platform.limit <= SHORT_PLATFORM_LIMIT,
        },
    }
