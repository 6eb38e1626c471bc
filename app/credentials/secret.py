"""A private feed's secret as a record: its kind, name and value, checked on
construction, never shown (its repr hides the value), and the HTTP headers it makes.
Where it is kept is app.credentials.keyring_store's business."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from app.errors import DigwellError
from app.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterable

KINDS = ("basic", "bearer", "header")

# Managed by the HTTP connection itself (RFC 9110 §7.6.1 plus Host and Content-Length):
# a feed secret may not set them.
REFUSED_HEADERS = frozenset(
    {
        "connection",
        "content-length",
        "host",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
_TCHAR = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class CredentialsError(DigwellError):
    """A feed secret is invalid, or the keyring refused or failed to keep it.

    The message never contains the secret.
    """


class _FeedSecretFields(NamedTuple):
    kind: str
    name: str
    value: str


class FeedSecret(_FeedSecretFields):
    """How to authenticate to one private feed.

    kind: "basic" (name is the user name, value the password), "bearer" (name is '',
    value the token) or "header" (name is the header name, value the header value).
    Validated on construction (also through `_make` and `_replace`); the repr hides
    the value.
    """

    __slots__ = ()

    def __new__(cls, kind: str, name: str, value: str) -> FeedSecret:
        _validate(kind, name, value)
        return super().__new__(cls, kind, name, value)

    # NamedTuple's own _make skips __new__ (and so the checks). mypy cannot match a
    # classmethod of this class with the tuple-generic _make it overrides.
    @classmethod
    def _make(cls, iterable: Iterable[Any]) -> FeedSecret:  # type: ignore[override]
        return cls(*iterable)

    def __repr__(self) -> str:
        return f"FeedSecret(kind={self.kind!r}, name={self.name!r}, value=<hidden>)"

    __str__ = __repr__


def has_control(text: str) -> bool:
    return any(ord(c) < 0x20 or ord(c) == 0x7F for c in text)


def _header_safe(text: str) -> bool:
    """Visible ASCII, spaces and tabs: what an HTTP client sends as is."""
    return all(c == "\t" or 0x20 <= ord(c) <= 0x7E for c in text)


def _validate(kind: object, name: object, value: object) -> None:
    # Nothing the caller passed is echoed back (a misplaced token could be in any field),
    # except a header name from REFUSED_HEADERS.
    if not isinstance(kind, str) or kind not in KINDS:
        raise CredentialsError(
            _("Unknown kind of feed secret."),
            _("Choose Basic (user name and password), Bearer (token) or a custom header."),
        )
    if not isinstance(name, str) or not isinstance(value, str):
        raise CredentialsError(_("A feed secret's name and value must be text."))
    if kind == "basic":
        if ":" in name or has_control(name):
            raise CredentialsError(
                _("The user name for Basic authentication cannot contain ':' or line breaks."),
                _("Check the user name and enter it again."),
            )
        if not name and not value:
            raise CredentialsError(_("Enter a user name or a password for Basic authentication."))
    elif kind == "bearer":
        if name:
            raise CredentialsError(_("A bearer token has no name; leave the name empty."))
        if not value:
            raise CredentialsError(_("Enter the bearer token."))
        if not _header_safe(value):
            raise CredentialsError(
                _(
                    "The bearer token contains line breaks or characters that cannot be sent "
                    "in an HTTP header."
                ),
                _("Paste the token again without extra lines or spaces."),
            )
    else:
        if not name or not set(name) <= _TCHAR:
            raise CredentialsError(
                _("The header name is not a valid HTTP header name."),
                _("Use letters, digits and '-' only, e.g. X-API-Key."),
            )
        if name.lower() in REFUSED_HEADERS:
            raise CredentialsError(
                # Translators: {name} is an HTTP header name such as "Host" or "Connection".
                _(
                    "Digwell cannot send a custom {name} header: the HTTP connection manages it."
                ).format(name=name),
                _("Use the header name your feed's provider documents, e.g. X-API-Key."),
            )
        if not value:
            raise CredentialsError(_("Enter a value for the custom header."))
        if not _header_safe(value):
            raise CredentialsError(
                _(
                    "The custom header's value contains line breaks or characters that cannot "
                    "be sent in an HTTP header."
                ),
                _("Paste the value again without extra lines."),
            )


def auth_headers(secret: FeedSecret) -> dict[str, str]:
    """The HTTP headers that authenticate a request for the feed."""
    if secret.kind == "basic":
        import base64

        pair = f"{secret.name}:{secret.value}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    if secret.kind == "bearer":
        return {"Authorization": f"Bearer {secret.value}"}
    return {secret.name: secret.value}


def new_ref() -> str:
    """A fresh opaque reference to store with a feed in place of its secret."""
    import uuid

    return uuid.uuid4().hex
