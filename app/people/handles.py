"""A person's profile handles, read the many ways people paste them and kept in one form.

    linkedin   https://www.linkedin.com/in/slug     from a profile URL (any country host)
    x          @handle                              from @handle, handle or an x.com URL
    mastodon   @user@server                         from @user@server or https://server/@user
    bluesky    handle.bsky.social                   from @handle, handle or a bsky.app URL
    threads    @handle                              from @handle, handle or a threads URL
    website    https://…                            a site or feed address

Each `normal_*` function returns the kept form, "" for an empty value, and raises a
DigwellError that says what a good value looks like.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import SplitResult, unquote
from urllib.parse import urlsplit as _urlsplit

from app.errors import DigwellError
from app.i18n import _

_X = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_THREADS = re.compile(r"^[A-Za-z0-9._]{1,30}$")
_MASTODON_USER = re.compile(r"^[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*$")
_DOMAIN = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_LINKEDIN_SLUG = re.compile(r"^[^/?#\s]{2,100}$")
_MAX_URL = 2000


def urlsplit(text: str) -> SplitResult:
    """urllib's urlsplit, with an address it cannot split (`https://[x`) read as empty,
    which each normaliser then refuses in its own words."""
    try:
        return _urlsplit(text)
    except ValueError:
        return _urlsplit("")


def _error(message: str, text: str, example: str) -> DigwellError:
    """`message` is translated and names the pasted text as {text}."""
    shown = text if len(text) <= 60 else text[:57] + "…"
    return DigwellError(
        message.format(text=shown), _("For example {example}.").format(example=example)
    )


def _path_after(text: str, hosts: tuple[str, ...]) -> str | None:
    """The path of a URL on one of `hosts` (with or without a scheme or `www.`)."""
    candidate = text if "://" in text else "https://" + text
    parts = urlsplit(candidate)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("mobile.")
    if host not in hosts:
        return None
    return unquote(parts.path).strip("/")


def normal_linkedin(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    parts = urlsplit(text if "://" in text else "https://" + text)
    host = (parts.hostname or "").lower()
    if host == "linkedin.com" or host.endswith(".linkedin.com"):  # www., de., uk.…
        pieces = unquote(parts.path).strip("/").split("/")
        if len(pieces) >= 2 and pieces[0] in ("in", "pub") and _LINKEDIN_SLUG.match(pieces[1]):
            return f"https://www.linkedin.com/in/{pieces[1]}"
    raise _error(
        _("“{text}” is not a LinkedIn profile address."),
        text,
        "https://www.linkedin.com/in/priya-raman",
    )


def normal_x(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    path = _path_after(text, ("x.com", "twitter.com")) if "/" in text else None
    handle = (path.split("/")[0] if path is not None else text).lstrip("@")
    if not _X.match(handle):
        raise _error(
            _("“{text}” is not a handle on X."),
            text,
            _("@priyaraman (letters, digits and _, up to 15)"),
        )
    return "@" + handle


def normal_threads(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    path = _path_after(text, ("threads.net", "threads.com")) if "/" in text else None
    handle = (path.split("/")[0] if path is not None else text).lstrip("@")
    if not _THREADS.match(handle):
        raise _error(_("“{text}” is not a handle on Threads."), text, "@priya.raman")
    return "@" + handle


def normal_mastodon(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    example = _("@priya@hachyderm.io or https://hachyderm.io/@priya")
    if "/" in text:
        candidate = text if "://" in text else "https://" + text
        parts = urlsplit(candidate)
        pieces = unquote(parts.path).strip("/").split("/")
        server = (parts.hostname or "").lower()
        # https://server/@user, a post's /@user/123, or ActivityPub's /users/user
        if pieces[0].startswith("@"):
            user = pieces[0][1:]
        elif pieces[0] == "users" and len(pieces) == 2:
            user = pieces[1]
        else:
            raise _error(_("“{text}” is not a Mastodon address."), text, example)
    else:
        pieces = text.lstrip("@").split("@")
        if len(pieces) != 2:
            raise _error(_("“{text}” is not a Mastodon address."), text, example)
        user, server = pieces[0], pieces[1].lower()
    if not _MASTODON_USER.match(user) or not _DOMAIN.match(server):
        raise _error(_("“{text}” is not a Mastodon address."), text, example)
    return f"@{user}@{server}"


def normal_bluesky(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    path = _path_after(text, ("bsky.app",)) if "/" in text else None
    handle = text.lstrip("@").lower()
    if path is not None:
        parts = path.split("/")
        handle = parts[1].lower() if len(parts) >= 2 and parts[0] == "profile" else ""
    if not _DOMAIN.match(handle):
        raise _error(_("“{text}” is not a Bluesky handle."), text, "priya.bsky.social")
    return handle


def normal_website(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    candidate = text if "://" in text else "https://" + text
    parts = urlsplit(candidate)
    if (
        parts.scheme not in ("http", "https")
        or not _DOMAIN.match((parts.hostname or "").lower())
        or len(candidate) > _MAX_URL
    ):
        raise _error(
            _("“{text}” is not a web address."),
            text,
            _("https://priya.dev or https://priya.dev/feed.xml"),
        )
    return candidate


NORMALISERS: dict[str, Callable[[str], str]] = {
    "linkedin": normal_linkedin,
    "x": normal_x,
    "mastodon": normal_mastodon,
    "bluesky": normal_bluesky,
    "threads": normal_threads,
    "website": normal_website,
}
