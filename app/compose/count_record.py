"""What every counter returns (app.compose.counting): a post's length as one platform
measures it, its limit, where the text stops fitting and what is wrong, in words.

`over_at` is an index into the text as given (a Python str index): the first
character that does not fit, or that breaks a rule (X's refused characters,
Threads' sixth link, Bluesky's byte limit). What the platform counts as one unit
is never split: a URL on X or Mastodon, a grapheme cluster on Bluesky and
Mastodon, an emoji sequence on X. On X, where normalisation changed the text,
`over_at` is the start of the grapheme cluster that holds it (normalisation never
reaches across clusters). `over_at` is None exactly when `ok`.

QTextCursor positions are UTF-16 code units, not str indices: convert with
app.compose.utf16.
"""

from __future__ import annotations

from typing import NamedTuple


class Count(NamedTuple):
    """A post's length as one platform measures it."""

    platform: str  # the platform's key
    # What the platform computes (X: weighted length; Bluesky: graphemes). The field
    # hides tuple.count, which nothing calls on a Count: the name is the API.
    count: int  # type: ignore[assignment]
    limit: int
    over_at: int | None = None  # index into the text of the first character that does not fit
    problems: tuple[str, ...] = ()  # what stops the post, as sentences; empty when ok

    @property
    def ok(self) -> bool:
        """The platform would take the text as it is."""
        return not self.problems

    @property
    def remaining(self) -> int:
        """How many more the limit allows; negative when over."""
        return self.limit - self.count


def over_the_limit(count: int, limit: int) -> str:
    """The problem a count over its limit gives, as a sentence."""
    from app.i18n import _, formats

    # Translators: a post too long for its platform: "12 over the limit of 300."
    return _("{over} over the limit of {limit}.").format(
        over=formats.number(count - limit), limit=formats.number(limit)
    )
