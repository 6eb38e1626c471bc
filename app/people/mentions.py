"""How to mention a person on each platform (docs/PEOPLE.md, "Mentions"): `@handle` on
X, Bluesky and Threads, `@user@server` on Mastodon, the name on LinkedIn (whose mentions
are picked in its own composer). Without a handle for the platform, the name."""

from __future__ import annotations

from app.types import Person


def mention(person: Person, platform: str) -> str:
    if platform == "x" and person.x:
        return person.x
    if platform == "mastodon" and person.mastodon:
        return person.mastodon
    if platform == "bluesky" and person.bluesky:
        return "@" + person.bluesky
    if platform == "threads" and person.threads:
        return person.threads
    return person.name


def mentions(person: Person) -> dict[str, str]:
    """platform -> mention, for templates (`{{ person.mention.x }}`)."""
    return {p: mention(person, p) for p in ("linkedin", "x", "mastodon", "bluesky", "threads")}
