"""The platforms a post can go to, their limits and compose pages."""

from typing import NamedTuple

from app.errors import DigwellError


class Platform(NamedTuple):
    """Where the user publishes by hand."""

    key: str
    name: str
    limit: int
    compose_url: str


PLATFORMS: dict[str, Platform] = {
    p.key: p
    for p in (
        Platform("linkedin", "LinkedIn", 3000, "https://www.linkedin.com/feed/?shareActive=true"),
        Platform("x", "X", 280, "https://x.com/compose/post"),
        Platform("mastodon", "Mastodon", 500, ""),
        Platform("bluesky", "Bluesky", 300, "https://bsky.app/intent/compose"),
        Platform("threads", "Threads", 500, "https://www.threads.net/intent/post"),
    )
}
DEFAULT_PLATFORM = "linkedin"


def platform(key: str) -> Platform:
    """The platform with this key; a clear ValueError if there is none."""
    try:
        return PLATFORMS[key]
    except KeyError:
        known = ", ".join(PLATFORMS)
        raise DigwellError(f"There is no platform '{key}'.", f"Choose one of {known}.") from None
