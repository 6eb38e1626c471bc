"""One exception tree; every message says what happened and what to do."""

from __future__ import annotations


class DigwellError(Exception):
    """Base for errors a user can act on: `str(err)` is shown as is."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class StorageError(DigwellError):
    """The database cannot be opened, read or written."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer Digwell."""


class FeedError(DigwellError):
    """A feed could not be read or parsed."""


class TemplateError(DigwellError):
    """A draft template is missing or broken."""


class NotFoundError(DigwellError):
    """A feed, item or draft the caller named does not exist."""
