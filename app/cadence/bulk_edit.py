"""Correcting many logged posts at once: the posts log's "Set kind…" and "Set theme…".
An import from a platform export guesses each post's kind and theme (docs/HISTORY.md,
"Kinds and themes"); the user fixes a run of them in one go. All or nothing: one
transaction, so a post deleted meanwhile stops the change and nothing is changed."""

from __future__ import annotations

from collections.abc import Iterable

from app.cadence.post_fields import parse_kind
from app.errors import DigwellError
from app.i18n import _
from app.store import posts as posts_q
from app.store.database import Database
from app.types import Theme


def _ids(post_ids: Iterable[int]) -> list[int]:
    ids = sorted(set(post_ids))
    if not ids:
        raise DigwellError(_("No posts are selected."), _("Select the posts to change first."))
    return ids


def set_kind(db: Database, post_ids: Iterable[int], kind: str) -> int:
    """Give each post the kind `kind` (as typed: 'Original', 'share'…); how many."""
    ids, kind = _ids(post_ids), parse_kind(kind)
    with db.transaction() as conn:
        for post_id in ids:
            posts_q.update_post(conn, post_id, kind=kind)
    return len(ids)


def set_theme(
    db: Database, post_ids: Iterable[int], theme_id: int | None, themes: list[Theme]
) -> int:
    """Give each post the theme `theme_id` (None: no theme); how many. `themes` are the
    strategy's: a theme deleted meanwhile is refused with a message."""
    ids = _ids(post_ids)
    if theme_id is not None and all(t.id != theme_id for t in themes):
        raise DigwellError(
            _("That theme is no longer in your strategy."), _("Choose another, or no theme.")
        )
    with db.transaction() as conn:
        for post_id in ids:
            posts_q.update_post(conn, post_id, theme_id=theme_id)
    return len(ids)
