"""What a failed fetch says, in words a user can act on.

Built from the exception and the status only: str(exc) is inspected, never shown, as it
can hold the URL. Hosts come from fetch_addresses.host_of, never with user:password.
"""

from __future__ import annotations

import socket
import ssl

import httpx


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
    chain = _causes(exc)
    text = " ".join(str(e) for e in chain).lower()
    if isinstance(exc, httpx.ConnectTimeout):
        return f"{host} did not accept a connection within {connect_s:g} s; try again later."
    if isinstance(exc, httpx.ReadTimeout):
        return f"{host} stopped sending for {read_s:g} s; Digwell gave up."
    if isinstance(exc, httpx.TimeoutException):
        return f"{host} took too long to answer; Digwell gave up."
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain) or (
        "certificate verify failed" in text
    ):
        return (
            f"The secure connection to {host} failed: its certificate is not trusted "
            "or not valid for this name."
        )
    if any(isinstance(e, ssl.SSLError) for e in chain):
        return f"The secure connection to {host} failed (TLS handshake error)."
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
        return (
            f"Digwell could not find the server {host}: the name does not resolve. "
            "Check the address and your internet connection."
        )
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or ("connection refused" in text):
        return f"{host} refused the connection: no web server is answering there."
    if isinstance(exc, httpx.ConnectError):
        return f"Digwell could not connect to {host}; check your internet connection."
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} closed the connection or sent a malformed answer."
    if isinstance(exc, httpx.LocalProtocolError):
        return "The extra request headers for this feed are not valid; check them."
    if isinstance(exc, (httpx.NetworkError, OSError)):
        return f"The connection to {host} broke while fetching the feed; try again later."
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL, ValueError)):
        return "The feed address is not a valid web address."
    return f"Fetching the feed from {host} failed ({type(exc).__name__})."


def status_message(host: str, code: int, reason: str) -> str:
    """What an HTTP error status means for the feed; the server's reason only if unknown."""
    phrase = httpx.codes.get_reason_phrase(code)
    if not phrase:
        # The server's own words, trimmed: they are untrusted text.
        phrase = "".join(c for c in reason if c.isprintable())[:60].strip() or "no reason given"
    message = f"{host} answered HTTP {code} ({phrase})"
    hints = {
        401: "the feed needs a login",
        403: "the server refuses Digwell access",
        404: "the feed is not at this address; look for its new address on the site",
    }
    if code in hints:
        return f"{message}: {hints[code]}."
    if code >= 500:
        return f"{message}: a problem on the server; Digwell will try again later."
    return f"{message}."


def duration_words(seconds: float) -> str:
    """A wait as people say it: 45 s, 12 min, 3 h."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.0f} h"
