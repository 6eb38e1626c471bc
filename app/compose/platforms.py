"""The platforms a post can go to, their limits and compose pages."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import quote

from app.errors import DigwellError
from app.i18n import _


class Platform(NamedTuple):
    """Where the user publishes by hand."""

    key: str
    name: str
    limit: int
    # The compose page; "{text}" is the post, URL-encoded, where the page takes one.
    compose_url: str


PLATFORMS: dict[str, Platform] = {
    p.key: p
    for p in (
        Platform(
            "linkedin",
            "LinkedIn",
            3000,
            "https://www.linkedin.com/feed/?shareActive=true&text={text}",
        ),
        Platform("x", "X", 280, "https://x.com/intent/post?text={text}"),
        Platform("mastodon", "Mastodon", 500, "https://{instance}/share?text={text}"),
        Platform("bluesky", "Bluesky", 300, "https://bsky.app/intent/compose?text={text}"),
        Platform("threads", "Threads", 500, "https://www.threads.net/intent/post?text={text}"),
    )
}
DEFAULT_PLATFORM = "linkedin"
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?")


def platform(key: str) -> Platform:
    """The platform with this key; a clear DigwellError if there is none."""
    try:
        return PLATFORMS[key]
    except KeyError:
        known = ", ".join(PLATFORMS)
        raise DigwellError(
            _("There is no platform '{key}'.").format(key=key),
            _("Choose one of {choices}.").format(choices=known),
        ) from None


def normalise_instance(text: str) -> str:
    """'https://Mastodon.Social/@me' -> 'mastodon.social'; a clear error if not a host."""
    host = text.strip().lower()
    host = re.sub(r"^[a-z]+://", "", host).split("/", 1)[0].lstrip("@")
    if "@" in host:  # "me@mastodon.social", as people write their handle
        host = host.rsplit("@", 1)[1]
    if not _HOST.fullmatch(host):
        raise DigwellError(
            _("“{text}” is not a Mastodon server name.").format(text=text.strip()),
            _("Give your server's address, such as mastodon.social."),
        )
    return host


def compose_link(platform_key: str, text: str, instance: str = "") -> str:
    """The compose page with `text` filled in. Mastodon needs the user's server."""
    target = platform(platform_key)
    if "{instance}" in target.compose_url:
        if not instance:
            raise DigwellError(
                # Translators: {platform} is a platform's name (Mastodon).
                _("Digwell does not know your {platform} server yet.").format(platform=target.name),
                # Translators: the menu and its entry, as the window names them.
                _("Set it under Draft › Mastodon server…"),
            )
        instance = normalise_instance(instance)
    return target.compose_url.format(text=quote(text, safe=""), instance=instance)
