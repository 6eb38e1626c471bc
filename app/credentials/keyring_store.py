"""Where the secrets of private feeds are kept: the OS keyring, and nowhere else.

This package is the only code that handles a private feed's password, token or header value.
The database keeps an opaque reference (`new_ref()`), never the secret; the log lines
written here name the reference only, and no error message or repr ever contains a
secret. Each secret saved or loaded is also given to `app.log_masking.register_secret`, so
the log masks it even if something else ever quotes it.

Only real OS keyrings are trusted: the Secret Service (GNOME Keyring, KWallet 5.97+
and friends), KWallet over DBus, the macOS Keychain and Windows Credential Manager,
also when keyring reaches them through its ChainerBackend. Everything else is refused
with a `CredentialsError` saying the secret was NOT saved: keyring's "fail" and "null"
backends, anything from keyrings.alt (which stores secrets in plain files) and any
third-party backend. There is no plaintext fallback.

keyring (~150 ms to import), json, base64, uuid and logging are imported where used, so
importing this module costs the start-up path nothing.

Tests install a trusted in-memory backend with `use_backend(backend)` and go back to
normal discovery with `use_backend(None)`; production code never calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.credentials.secret import CredentialsError, FeedSecret, auth_headers, has_control
from app.i18n import N_, _

if TYPE_CHECKING:
    import logging
    from collections.abc import Callable
    from typing import TypeVar

    from keyring.backend import KeyringBackend
    from keyring.backends.chainer import ChainerBackend

    _T = TypeVar("_T")

SERVICE = "Digwell"

# Modules of the keyring backends Digwell trusts, and how the UI names them (in English:
# `_` translates a label where it is shown).
TRUSTED_BACKENDS = {
    # Translators: completes "Secrets for private feeds are kept in {keyring}."
    "keyring.backends.SecretService": N_("the system keyring (Secret Service)"),
    "keyring.backends.kwallet": "KWallet",
    # Translators: completes "Secrets for private feeds are kept in {keyring}."
    "keyring.backends.macOS": N_("the macOS Keychain"),
    # Translators: completes "Secrets for private feeds are kept in {keyring}."
    "keyring.backends.Windows": N_("Windows Credential Manager"),
}

_INSTALL_HINT = N_(
    "Install and unlock GNOME Keyring or KWallet (on macOS and Windows the system "
    "keychain is used), then enter the secret again."
)
_CONFIG_HINT = N_(
    "Remove the PYTHON_KEYRING_BACKEND setting or keyringrc.cfg entry that selects it "
    "so the system keyring is used, then enter the secret again."
)
# What failed, in English; `_failed` translates it and says why.
_NOT_SAVED = N_("The secret was NOT saved")
_NOT_READ = N_("The feed's secret could not be read")
_NOT_DELETED = N_("The feed's secret could not be removed from the keyring")


def _failed(action: str, reason: str) -> str:
    """ "The secret was NOT saved: the keyring is locked…": `action` one of the constants
    above (translated here), `reason` already translated."""
    # Translators: {action} says what failed ("The secret was NOT saved"), {reason} why
    # (a sentence starting in lower case: "the keyring is locked …").
    return _("{action}: {reason}").format(action=_(action), reason=reason)


# Backend policy ------------------------------------------------------------------------


class _Refused(Exception):
    """Internal: no trusted keyring; `reason` completes a sentence, `hint` says what to do
    (both translated)."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


_installed: KeyringBackend | None = None
# (what keyring.get_keyring() returned, the trusted backend picked from it, its label):
# resolving a ChainerBackend asks each backend for its priority, which can mean DBus calls.
_resolved: tuple[object, KeyringBackend, str] | None = None


def use_backend(backend: KeyringBackend | None) -> None:
    """Use and trust `backend` for every secret from now on; None restores discovery.

    For tests (an in-memory backend): production code never calls this, because a
    backend installed here bypasses the policy that refuses non-OS keyrings.
    """
    global _installed, _resolved
    _installed = backend
    _resolved = None


def _class_name(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _trusted_label(backend: object) -> str | None:
    return TRUSTED_BACKENDS.get(type(backend).__module__)


def _shown(label: str) -> str:
    """A label of TRUSTED_BACKENDS in the user's language ("" stays "": gettext would
    give the catalogue's header)."""
    return _(label) if label else ""


def _resolve() -> tuple[KeyringBackend, str]:
    """The backend to use and a label for the UI (translated), or `_Refused`."""
    global _resolved
    if _installed is not None:
        # Translators: {backend} is the class name of a keyring backend installed by a test;
        # completes "Secrets for private feeds are kept in {keyring}."
        installed = _("the {backend} backend (installed by use_backend)")
        return _installed, installed.format(backend=type(_installed).__name__)
    current = _configured()
    from keyring.backends import chainer, fail, null  # imported by _configured already

    cached = _resolved
    if cached is not None and cached[0] is current:
        return cached[1], _shown(cached[2])

    module = type(current).__module__
    label = _trusted_label(current)
    if label is not None:
        chosen = current
    elif isinstance(current, chainer.ChainerBackend):
        chosen, label = _trusted_in_chain(current)
    elif isinstance(current, fail.Keyring) or module == "keyring.backends.fail":
        raise _Refused(_no_keyring_reason(), _(_INSTALL_HINT))
    elif isinstance(current, null.Keyring) or module == "keyring.backends.null":
        raise _Refused(
            _("the keyring is switched off (keyring's null backend is configured)."),
            _(_CONFIG_HINT),
        )
    elif module == "keyrings.alt" or module.startswith("keyrings.alt."):
        raise _Refused(
            # Translators: {backend} is a Python class name (keyrings.alt.file.PlaintextKeyring).
            _(
                "the configured keyring ({backend}) comes from keyrings.alt, "
                "which keeps secrets in a file on disk."
            ).format(backend=_class_name(current)),
            _(_CONFIG_HINT),
        )
    else:
        raise _Refused(
            # Translators: {backend} is a Python class name of a keyring backend.
            _("the configured keyring ({backend}) is not a system keyring Digwell trusts.").format(
                backend=_class_name(current)
            ),
            _(_CONFIG_HINT),
        )
    _resolved = (current, chosen, label)
    return chosen, _shown(label)


def _configured() -> KeyringBackend:
    """What keyring.get_keyring() returns, or `_Refused` if keyring cannot be set up."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null  # noqa: F401 -- _resolve's, checked here

        return keyring.get_keyring()
    except Exception as exc:
        failure = type(exc).__name__
    # Raised here, not in `except`, so keyring's exception is not chained.
    raise _Refused(
        # Translators: {error} is the name of a Python exception.
        _("the keyring could not be set up ({error}).").format(error=failure),
        _(_INSTALL_HINT),
    )


def _trusted_in_chain(chain: ChainerBackend) -> tuple[KeyringBackend, str]:
    """The first trusted backend a ChainerBackend wraps and its label (in English), or
    `_Refused`."""
    wrapped: list[KeyringBackend] = []
    failure = ""
    try:
        wrapped = list(chain.backends)
    except Exception as exc:
        failure = type(exc).__name__
    if failure:  # raised here, not in `except`, so the backend's exception is not chained
        raise _Refused(
            # Translators: {error} is the name of a Python exception.
            _("the keyrings could not be listed ({error}).").format(error=failure),
            _(_INSTALL_HINT),
        )
    trusted = [b for b in wrapped if _trusted_label(b) is not None]
    if not trusted:
        if not wrapped:
            raise _Refused(_no_keyring_reason(), _(_INSTALL_HINT))
        names = ", ".join(_class_name(b) for b in wrapped)
        raise _Refused(
            # Translators: {backends} lists Python class names of keyring backends.
            _(
                "none of the available keyrings ({backends}) is a system keyring Digwell trusts."
            ).format(backends=names),
            _(_INSTALL_HINT),
        )
    chosen = trusted[0]
    return chosen, _trusted_label(chosen) or ""


def _no_keyring_reason() -> str:
    return _(
        "no system keyring was found (GNOME Keyring, KWallet, the macOS Keychain or "
        "Windows Credential Manager)."
    )


def _backend(action: str) -> KeyringBackend:
    try:
        return _resolve()[0]
    except _Refused as refused:
        reason, hint = refused.reason, refused.hint
    error = CredentialsError(_failed(action, reason), hint)
    _log().warning("%s", error)
    raise error


def keyring_status() -> tuple[bool, str]:
    """Whether secrets can be saved, and a sentence saying so for the UI.

    Says which keyring is used; whether it is unlocked shows only when it is used.
    """
    try:
        label = _resolve()[1]
    except _Refused as refused:
        # Translators: {reason} says why, in lower case: "no system keyring was found …".
        message = _("Secrets for private feeds cannot be saved: {reason}")
        return False, message.format(reason=refused.reason)
    # Translators: {keyring} names where: "the system keyring (Secret Service)", "KWallet".
    return True, _("Secrets for private feeds are kept in {keyring}.").format(keyring=label)


# ---------------------------------------------------------------------------------------
# Keyring operations


def _username(ref: str) -> str:
    if not isinstance(ref, str) or not ref.strip() or has_control(ref):
        raise CredentialsError(
            _("Invalid reference to a feed secret."),
            _("This is a bug in Digwell; please report it."),
        )
    return f"feed:{ref}"


def _backend_failure(action: str, exc: BaseException) -> CredentialsError:
    """A CredentialsError for a backend exception, quoting only its type.

    Backend messages are not quoted (they could contain what was being stored), and
    the caller raises the result outside its `except` block so the original exception
    is not chained to it either.
    """
    from keyring import errors

    kind = type(exc).__name__
    if isinstance(exc, errors.KeyringLocked):
        return CredentialsError(
            _failed(action, _("the keyring is locked, or unlocking it was cancelled.")),
            _("Unlock your keyring and try again."),
        )
    if isinstance(exc, errors.NoKeyringError):
        return CredentialsError(_failed(action, _no_keyring_reason()), _(_INSTALL_HINT))
    if isinstance(exc, errors.InitError):
        return CredentialsError(
            # Translators: {error} is the name of a Python exception.
            _failed(action, _("the keyring could not be opened ({error}).").format(error=kind)),
            _(
                "Check that your keyring (GNOME Keyring, KWallet…) is running and unlocked, "
                "then try again."
            ),
        )
    if isinstance(exc, errors.PasswordDeleteError):
        return CredentialsError(
            # Translators: {error} is the name of a Python exception.
            _failed(action, _("the keyring refused to remove it ({error}).").format(error=kind)),
            _("Unlock your keyring and try again."),
        )
    if isinstance(exc, errors.PasswordSetError):
        return CredentialsError(
            # Translators: {error} is the name of a Python exception.
            _failed(action, _("the keyring refused to store it ({error}).").format(error=kind)),
            _("Unlock your keyring and enter the secret again."),
        )
    return CredentialsError(
        # Translators: {error} is the name of a Python exception.
        _failed(action, _("the keyring reported an error ({error}).").format(error=kind)),
        _("Check that your keyring is running and unlocked, then try again."),
    )


def _call(action: str, operation: Callable[..., _T], *args: str) -> _T:
    try:
        return operation(*args)
    except Exception as exc:
        error = _backend_failure(action, exc)
    _log().warning("%s", error)
    raise error


def _log() -> logging.Logger:
    """This module's logger; logging is imported by then anyway (keyring uses it)."""
    from app.logs import get_logger

    return get_logger(__name__)


def _remember(secret: FeedSecret) -> None:
    """Have the log mask the secret, and the Basic credentials that encode it, everywhere."""
    from app.log_masking import register_secret

    register_secret(secret.value)
    if secret.kind == "basic":
        register_secret(auth_headers(secret)["Authorization"].partition(" ")[2])


def save_secret(ref: str, secret: FeedSecret) -> None:
    """Store the feed's secret in the OS keyring under (SERVICE, "feed:<ref>").

    Raises CredentialsError, saying the secret was NOT saved, when no trusted keyring is
    available or the keyring fails; nothing is ever written anywhere else.
    """
    if not isinstance(secret, FeedSecret):
        raise CredentialsError(_failed(_NOT_SAVED, _("it is not a feed secret.")))
    username = _username(ref)
    import json

    payload = json.dumps(
        {"v": 1, "kind": secret.kind, "name": secret.name, "value": secret.value},
        separators=(",", ":"),
    )
    _remember(secret)  # first: nothing the keyring might say can carry it into the log
    backend = _backend(_NOT_SAVED)
    _call(_NOT_SAVED, backend.set_password, SERVICE, username, payload)
    _log().info("saved the %s sign-in for feed ref %s", secret.kind, ref)


def load_secret(ref: str) -> FeedSecret | None:
    """The feed's secret, or None if the keyring holds none for `ref`."""
    username = _username(ref)
    backend = _backend(_NOT_READ)
    raw = _call(_NOT_READ, backend.get_password, SERVICE, username)
    if raw is None:
        _log().info("no sign-in in the keyring for feed ref %s", ref)
        return None
    import json

    try:
        data = json.loads(raw)
        secret = FeedSecret(data["kind"], data["name"], data["value"])
    except (ValueError, LookupError, TypeError, CredentialsError):
        secret = None  # the error (and any quote of the stored text) stays here
    if secret is None:
        _log().warning("the keyring entry for feed ref %s is not in Digwell's format", ref)
        raise CredentialsError(
            _failed(_NOT_READ, _("the keyring entry is not in Digwell's format.")),
            _("Enter the secret again in the feed's settings."),
        )
    _remember(secret)
    _log().debug("read the %s sign-in for feed ref %s", secret.kind, ref)
    return secret


def delete_secret(ref: str) -> None:
    """Forget the feed's secret; fine if there is none."""
    username = _username(ref)
    backend = _backend(_NOT_DELETED)
    from keyring.errors import PasswordDeleteError

    try:
        backend.delete_password(SERVICE, username)
    except PasswordDeleteError:
        # Backends say "not found" this way, but also "cancelled by the user".
        missing = _call(_NOT_DELETED, backend.get_password, SERVICE, username) is None
        error = None if missing else _backend_failure(_NOT_DELETED, PasswordDeleteError())
    except Exception as exc:
        error = _backend_failure(_NOT_DELETED, exc)
    else:
        error = None
    if error is not None:
        _log().warning("%s", error)
        raise error
    _log().info("removed the sign-in for feed ref %s", ref)
