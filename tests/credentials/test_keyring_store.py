"""Feed secrets go to a trusted OS keyring or nowhere (app.credentials.keyring_store); no
test touches the real keyring.

Trusted backends come from the `memory_keyring` fixture (installed through
`credentials.use_backend`) or are fakes from `make_keyring` handed to keyring itself with
`current_keyring`, so that the backend policy is what decides.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app import credentials
from app.credentials import SERVICE, CredentialsError, FeedSecret

TOKEN = "s3cr3t-T0ken"
SECRETS = [
    FeedSecret("basic", "alex", TOKEN),
    FeedSecret("bearer", "", TOKEN),
    FeedSecret("header", "X-API-Key", TOKEN),
]


@pytest.fixture
def current_keyring(monkeypatch: pytest.MonkeyPatch):
    """`current_keyring(backend)`: what keyring.get_keyring() returns, for this test only."""
    import keyring.core

    def install(backend) -> None:
        monkeypatch.setattr(keyring.core, "_keyring_backend", backend)

    return install


def _chainer(monkeypatch: pytest.MonkeyPatch, wrapped: list):
    from keyring.backends.chainer import ChainerBackend

    monkeypatch.setattr(ChainerBackend, "backends", wrapped)
    return ChainerBackend()


def _assert_secret_free(err: BaseException) -> None:
    text = f"{err} {err.args} {getattr(err, 'hint', '')}"
    assert TOKEN not in text
    # Nothing chained either: a logged traceback shows the causes too.
    assert err.__cause__ is None
    assert err.__context__ is None or TOKEN not in str(err.__context__)


# --- Storage through a trusted backend --------------------------------------------------------


@pytest.mark.parametrize("secret", SECRETS, ids=lambda s: s.kind)
def test_round_trip(memory_keyring, secret: FeedSecret):
    ref = credentials.new_ref()
    credentials.save_secret(ref, secret)
    loaded = credentials.load_secret(ref)
    assert loaded == secret
    assert type(loaded) is FeedSecret


def test_stored_as_json_under_the_service_and_feed_ref(memory_keyring):
    credentials.save_secret("abc123", FeedSecret("basic", "alex", TOKEN))
    assert list(memory_keyring.store) == [(SERVICE, "feed:abc123")]
    assert SERVICE == "Digwell"
    stored = json.loads(memory_keyring.store[(SERVICE, "feed:abc123")])
    assert stored["kind"] == "basic"
    assert stored["name"] == "alex"
    assert stored["value"] == TOKEN


def test_saving_again_replaces_the_secret(memory_keyring):
    credentials.save_secret("r", SECRETS[0])
    credentials.save_secret("r", SECRETS[1])
    assert credentials.load_secret("r") == SECRETS[1]
    assert len(memory_keyring.store) == 1


def test_missing_secret_loads_as_none(memory_keyring):
    assert credentials.load_secret("nothing-here") is None


def test_delete(memory_keyring):
    credentials.save_secret("r1", SECRETS[0])
    credentials.save_secret("r2", SECRETS[1])
    credentials.delete_secret("r1")
    assert credentials.load_secret("r1") is None
    assert credentials.load_secret("r2") == SECRETS[1]
    credentials.delete_secret("r1")  # already gone: fine
    credentials.delete_secret("never-stored")
    assert list(memory_keyring.store) == [(SERVICE, "feed:r2")]


def test_an_entry_not_in_digwells_format_is_an_error_that_quotes_nothing(memory_keyring):
    for raw in (TOKEN, json.dumps({"kind": "bearer", "value": TOKEN}), json.dumps([TOKEN])):
        memory_keyring.store[(SERVICE, "feed:r")] = raw
        with pytest.raises(CredentialsError) as caught:
            credentials.load_secret("r")
        assert "could not be read" in caught.value.message
        assert caught.value.hint
        _assert_secret_free(caught.value)


@pytest.mark.parametrize("ref", ["", "  ", "a\nb", None])
def test_invalid_refs_are_refused(memory_keyring, ref):
    with pytest.raises(CredentialsError):
        credentials.save_secret(ref, SECRETS[0])
    assert memory_keyring.store == {}


def test_status_with_a_trusted_backend(memory_keyring):
    ok, sentence = credentials.keyring_status()
    assert ok
    assert sentence.endswith(".")


def test_use_backend_none_restores_discovery(memory_keyring, current_keyring):
    from keyring.backends import fail

    current_keyring(fail.Keyring())
    credentials.use_backend(None)
    with pytest.raises(CredentialsError, match="NOT saved"):
        credentials.save_secret("r", SECRETS[0])
    assert memory_keyring.store == {}


# --- Backend policy ---------------------------------------------------------------------------


def test_the_test_suite_itself_gets_keyrings_fail_backend(current_keyring):
    """conftest's guarantee: discovery in tests ends at the fail backend, never the OS."""
    current_keyring(None)  # forget any backend keyring chose earlier: discover again
    with pytest.raises(CredentialsError) as caught:
        credentials.save_secret("r", SECRETS[0])
    assert "no system keyring was found" in caught.value.message
    import keyring

    assert type(keyring.get_keyring()).__module__ == "keyring.backends.fail"


def _refused_backend(which: str, make_keyring, monkeypatch):
    from keyring.backends import fail, null

    alt = make_keyring("keyrings.alt.file", "PlaintextKeyring")
    if which == "fail":
        return fail.Keyring(), "no system keyring"
    if which == "null":
        return null.Keyring(), "switched off"
    if which == "keyrings.alt":
        return alt, "keyrings.alt"
    if which == "third-party":
        return make_keyring("someone.keyring", "CloudKeyring"), "not a system keyring"
    if which == "chainer of refused":
        wrapped = [alt, make_keyring("keyring.backends.fake"), null.Keyring(), fail.Keyring()]
        return _chainer(monkeypatch, wrapped), "none of the available keyrings"
    assert which == "empty chainer"
    return _chainer(monkeypatch, []), "no system keyring"


REFUSED = ["fail", "null", "keyrings.alt", "third-party", "chainer of refused", "empty chainer"]


@pytest.mark.parametrize("which", REFUSED)
def test_untrusted_backends_are_refused_and_nothing_is_stored(
    which, make_keyring, current_keyring, monkeypatch
):
    backend, why = _refused_backend(which, make_keyring, monkeypatch)
    current_keyring(backend)

    with pytest.raises(CredentialsError) as caught:
        credentials.save_secret("r", FeedSecret("bearer", "", TOKEN))
    err = caught.value
    assert err.message.startswith("The secret was NOT saved: ")
    assert why in err.message
    assert err.hint
    _assert_secret_free(err)
    for store in _stores(backend):
        assert store == {}

    ok, sentence = credentials.keyring_status()
    assert not ok
    assert why in sentence

    with pytest.raises(CredentialsError, match="could not be read"):
        credentials.load_secret("r")
    with pytest.raises(CredentialsError, match="could not be removed"):
        credentials.delete_secret("r")


def _stores(backend) -> list[dict]:
    wrapped = getattr(backend, "backends", [backend])
    return [b.store for b in wrapped if hasattr(b, "store")]


def test_keyrings_alt_refusal_names_the_plaintext_file_problem(make_keyring, current_keyring):
    current_keyring(make_keyring("keyrings.alt.file", "PlaintextKeyring"))
    with pytest.raises(CredentialsError) as caught:
        credentials.save_secret("r", SECRETS[0])
    assert "keyrings.alt.file.PlaintextKeyring" in caught.value.message
    assert "file on disk" in caught.value.message
    assert "PYTHON_KEYRING_BACKEND" in caught.value.hint


def test_a_chainer_wrapping_a_system_keyring_uses_it_directly(
    make_keyring, current_keyring, monkeypatch
):
    alt = make_keyring("keyrings.alt.file", "PlaintextKeyring")
    secret_service = make_keyring("keyring.backends.SecretService")
    current_keyring(_chainer(monkeypatch, [alt, secret_service]))

    credentials.save_secret("r", SECRETS[2])
    assert list(secret_service.store) == [(SERVICE, "feed:r")]
    assert alt.store == {}
    assert credentials.load_secret("r") == SECRETS[2]
    ok, sentence = credentials.keyring_status()
    assert ok
    assert "Secret Service" in sentence
    credentials.delete_secret("r")
    assert secret_service.store == {}


@pytest.mark.parametrize(
    ("module", "label"),
    [
        ("keyring.backends.SecretService", "Secret Service"),
        ("keyring.backends.kwallet", "KWallet"),
        ("keyring.backends.macOS", "macOS Keychain"),
        ("keyring.backends.Windows", "Windows Credential Manager"),
    ],
)
def test_system_keyrings_are_trusted(module, label, make_keyring, current_keyring):
    backend = make_keyring(module)
    current_keyring(backend)
    assert credentials.keyring_status() == (
        True,
        f"Secrets for private feeds are kept in {credentials.TRUSTED_BACKENDS[module]}.",
    )
    assert label in credentials.keyring_status()[1]
    credentials.save_secret("r", SECRETS[0])
    assert (SERVICE, "feed:r") in backend.store


# --- Backend failures ---------------------------------------------------------------------


def _failures():
    from keyring import errors

    return [
        (errors.KeyringLocked(f"Failed to unlock, was storing {TOKEN}"), "locked"),
        (errors.PasswordSetError(f"cannot store {TOKEN}"), "refused"),
        (errors.InitError(f"Failed to create the collection: {TOKEN}"), "could not be opened"),
        (errors.NoKeyringError(TOKEN), "no system keyring"),
        (RuntimeError(f"org.freedesktop.DBus.Error.ServiceUnknown {TOKEN}"), "reported an error"),
        (OSError(f"[Errno 5] {TOKEN}"), "reported an error"),
    ]


@pytest.mark.parametrize("index", range(6))
def test_backend_errors_on_save_become_credentials_errors(index, memory_keyring, monkeypatch):
    exc, why = _failures()[index]

    def broken(service, username, password):
        raise exc

    monkeypatch.setattr(memory_keyring, "set_password", broken)
    with pytest.raises(CredentialsError) as caught:
        credentials.save_secret("r", FeedSecret("header", "X-API-Key", TOKEN))
    assert caught.value.message.startswith("The secret was NOT saved: ")
    assert why in caught.value.message
    assert caught.value.hint
    _assert_secret_free(caught.value)
    assert caught.value.__context__ is None


@pytest.mark.parametrize("index", range(6))
def test_backend_errors_on_load_become_credentials_errors(index, memory_keyring, monkeypatch):
    exc, why = _failures()[index]

    def broken(service, username):
        raise exc

    monkeypatch.setattr(memory_keyring, "get_password", broken)
    with pytest.raises(CredentialsError) as caught:
        credentials.load_secret("r")
    assert caught.value.message.startswith("The feed's secret could not be read: ")
    assert why in caught.value.message
    _assert_secret_free(caught.value)


def test_a_delete_the_keyring_refuses_is_an_error(memory_keyring, monkeypatch):
    from keyring.errors import PasswordDeleteError

    credentials.save_secret("r", SECRETS[0])

    def cancelled(service, username):
        raise PasswordDeleteError("Cancelled by user")

    monkeypatch.setattr(memory_keyring, "delete_password", cancelled)
    with pytest.raises(CredentialsError, match="could not be removed"):
        credentials.delete_secret("r")


def test_a_locked_keyring_on_delete_is_an_error(memory_keyring, monkeypatch):
    from keyring.errors import KeyringLocked

    def locked(service, username):
        raise KeyringLocked("Failed to unlock the keyring!")

    monkeypatch.setattr(memory_keyring, "delete_password", locked)
    with pytest.raises(CredentialsError, match="locked"):
        credentials.delete_secret("r")


# --- Start-up cost ------------------------------------------------------------------------


def test_importing_the_module_imports_neither_keyring_nor_json():
    code = (
        "import sys\n"
        "import app.credentials\n"
        "print(sorted(m for m in ('keyring', 'json', 'uuid', 'base64') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
