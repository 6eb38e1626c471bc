"""What a failed fetch says, in words a user can act on.

Built from the exception and the status only: str(exc) is inspected, never shown, as it
can hold the URL. Hosts come from fetch_addresses.host_of, never with user:password.
"""

from __future__ import annotations

import socket
import ssl

import httpx

from app.i18n import _


def _causes(exc: BaseException) -> list[BaseException]:
    """exc, its causes and contexts, and members of exception groups (anyio raises those)."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if any(current is e for e in seen):
            continue
        seen.append(current)
        todo.extend(getattr(current, "exceptions", ()))
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return seen


def network_message(exc: BaseException, host: str, connect_s: float, read_s: float) -> str:
    """Why the connection or transfer failed, from the exception and its causes."""
    # str(exc) is only inspected, never shown: it can contain the URL.
    # Translators (all messages here): {host} is a server's name, e.g. example.com.
    chain = _causes(exc)
    text = " ".join(str(e) for e in chain).lower()
    if isinstance(exc, httpx.ConnectTimeout):
        message = _("{host} did not accept a connection within {seconds} s; try again later.")
        return message.format(host=host, seconds=f"{connect_s:g}")
    if isinstance(exc, httpx.ReadTimeout):
        message = _("{host} stopped sending for {seconds} s; Digwell gave up.")
        return message.format(host=host, seconds=f"{read_s:g}")
    if isinstance(exc, httpx.TimeoutException):
        return _("{host} took too long to answer; Digwell gave up.").format(host=host)
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain) or (
        "certificate verify failed" in text
    ):
        return _(
            "The secure connection to {host} failed: its certificate is not trusted "
            "or not valid for this name."
        ).format(host=host)
    if any(isinstance(e, ssl.SSLError) for e in chain):
        return _("The secure connection to {host} failed (TLS handshake error).").format(host=host)
    if any(isinstance(e, socket.gaierror) for e in chain) or any(
        marker in text
        for marker in (
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo failed",
            "temporary failure in name resolution",
            "no address associated",
        )
    ):
        return _(
            "Digwell could not find the server {host}: the name does not resolve. "
            "Check the address and your internet connection."
        ).format(host=host)
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or ("connection refused" in text):
        message = _("{host} refused the connection: no web server is answering there.")
        return message.format(host=host)
    if isinstance(exc, httpx.ConnectError):
        message = _("Digwell could not connect to {host}; check your internet connection.")
        return message.format(host=host)
    if isinstance(exc, httpx.RemoteProtocolError):
        return _("{host} closed the connection or sent a malformed answer.").format(host=host)
    if isinstance(exc, httpx.LocalProtocolError):
        return _("The extra request headers for this feed are not valid; check them.")
    if isinstance(exc, (httpx.NetworkError, OSError)):
        message = _("The connection to {host} broke while fetching the feed; try again later.")
        return message.format(host=host)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL, ValueError)):
        return _("The feed address is not a valid web address.")
    # Translators: {error} is the name of a Python exception.
    message = _("Fetching the feed from {host} failed ({error}).")
    return message.format(host=host, error=type(exc).__name__)


def status_message(host: str, code: int, reason: str) -> str:
    """What an HTTP error status means for the feed; the server's reason only if unknown."""
    phrase = httpx.codes.get_reason_phrase(code)
    if not phrase:
        # The server's own words, trimmed: they are untrusted text.
        phrase = "".join(c for c in reason if c.isprintable())[:60].strip()
        # Translators: stands for the reason an HTTP server gives with an error status.
        phrase = phrase or _("no reason given")
    # Translators (all messages here): {host} is a server's name, {code} an HTTP status
    # code, {phrase} its reason in English ("Not Found").
    if code == 401:
        message = _("{host} answered HTTP {code} ({phrase}): the feed needs a login.")
    elif code == 403:
        message = _("{host} answered HTTP {code} ({phrase}): the server refuses Digwell access.")
    elif code == 404:
        message = _(
            "{host} answered HTTP {code} ({phrase}): the feed is not at this address; "
            "look for its new address on the site."
        )
    elif code >= 500:
        message = _(
            "{host} answered HTTP {code} ({phrase}): a problem on the server; "
            "Digwell will try again later."
        )
    else:
        message = _("{host} answered HTTP {code} ({phrase}).")
    return message.format(host=host, code=code, phrase=phrase)


def duration_words(seconds: float) -> str:
    """A wait as people say it: 45 s, 12 min, 3 h."""
    if seconds < 90:
        # Translators: a wait in seconds, abbreviated.
        return _("{count} s").format(count=f"{seconds:.0f}")
    if seconds < 90 * 60:
        # Translators: a wait in minutes, abbreviated.
        return _("{count} min").format(count=f"{seconds / 60:.0f}")
    # Translators: a wait in hours, abbreviated.
    return _("{count} h").format(count=f"{seconds / 3600:.0f}")
