"""Secrets for private feeds: a record (app.credentials.secret) kept in the OS keyring
and nowhere else (app.credentials.keyring_store). Importing this package imports
neither keyring nor json: both are imported where used."""

from app.credentials.keyring_store import (
    SERVICE,
    TRUSTED_BACKENDS,
    delete_secret,
    keyring_status,
    load_secret,
    save_secret,
    use_backend,
)
from app.credentials.secret import KINDS, CredentialsError, FeedSecret, auth_headers, new_ref

__all__ = [
    "KINDS",
    "SERVICE",
    "TRUSTED_BACKENDS",
    "CredentialsError",
    "FeedSecret",
    "auth_headers",
    "delete_secret",
    "keyring_status",
    "load_secret",
    "new_ref",
    "save_secret",
    "use_backend",
]
