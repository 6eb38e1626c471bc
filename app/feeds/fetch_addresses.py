"""A feed's address: refused before asking, its user:password@ moved into a header, kept
over a permanent redirect, and shown as its host only (URLs may carry credentials)."""

from __future__ import annotations

import base64
from urllib.parse import unquote, urlsplit, urlunsplit

from app.i18n import _


def redact_url(url: str) -> str:
    """The URL without any user:password@ part."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid address>"
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def refuse_address(url: str) -> str:
    """Why Digwell will not fetch this address, or "" when it will."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 -- raises ValueError on a malformed port
    except ValueError:
        return _("The feed address is not a valid web address.")
    if parts.scheme.lower() not in ("http", "https"):
        return _("Digwell only fetches http:// and https:// addresses; check the feed address.")
    if not parts.hostname:
        return _("The feed address has no server name; check it.")
    return ""


def split_userinfo(url: str) -> tuple[str, str]:
    """The URL without user:password@, and the Basic Authorization header it implied.

    Sent as a header so the password is never in a URL that httpx logs.
    """
    parts = urlsplit(url.strip())
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if not at:
        return url.strip(), ""
    user, _colon, password = userinfo.partition(":")
    token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode("ascii")
    return urlunsplit(parts._replace(netloc=hostport)), f"Basic {token}"


def restore_userinfo(new_url: str, requested: str) -> str:
    """Keep the subscription's credentials when a permanent redirect stays on the host."""
    old, new = urlsplit(requested.strip()), urlsplit(new_url)
    userinfo, at, _host = old.netloc.rpartition("@")
    if not at or old.hostname != new.hostname:
        return new_url
    return urlunsplit(new._replace(netloc=f"{userinfo}@{new.netloc}"))


def host_of(url: str) -> str:
    """host or host:port, never user:password; "the server" when it has none."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        host, port = None, None
    if not host:
        # Translators: stands for a server's name in messages such as "{host} refused the
        # connection", when the address has none.
        return _("the server")
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{port}" if port else host
