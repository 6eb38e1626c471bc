"""The rules of a draft's life (docs/ARCHITECTURE.md, "A draft's life"): which states it
may move to, what must be true before it is marked posted, and where the user's take
stands in a text rendered from a template. Plain functions over records."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.compose.context import is_take_placeholder, placeholders
from app.errors import DigwellError
from app.i18n import _
from app.text.links import safe_link
from app.types import Draft

DEFAULT_TEMPLATE = "quick-share"
# The states a user may set; "posted" only comes from marking the draft posted.
SETTABLE_STATES = ("draft", "planned", "archived")
EDITABLE_STATES = ("draft", "planned")
# A post marked this far ahead of the clock is refused (clocks differ by a little).
FUTURE_SLACK = timedelta(minutes=5)
# Marks the take while a template is rendered to find it again (see take_in_text).
TAKE_MARKER = "\u2063take\u2063"


def take_in_text(text: str, frame: str, marker: str, fallback: str) -> str:
    """The user's take in `text`: what stands where `marker` stands in `frame` (the
    template rendered with the marker as take); `fallback` when the text was reworked."""
    prefix, sep, suffix = frame.partition(marker)
    fits = sep and len(prefix) + len(suffix) <= len(text)
    if fits and text.startswith(prefix) and text.endswith(suffix):
        take = text[len(prefix) : len(text) - len(suffix)].strip()
        return "" if is_take_placeholder(take) else take
    return fallback


def _state_sentence(state: str) -> str:
    """'This draft is archived.' for a draft no longer editable."""
    if state == "posted":
        return _("This draft is posted.")
    if state == "archived":
        return _("This draft is archived.")
    # Translators: {state} is a draft's state as stored (draft, planned…).
    return _("This draft is {state}.").format(state=state)


def check_editable(draft: Draft) -> None:
    """Raise unless the draft may still be edited or re-drafted."""
    if draft.state not in EDITABLE_STATES:
        raise DigwellError(
            _state_sentence(draft.state),
            _("Bring it back to the drafts first, or draft a new post from its item."),
        )


def check_new_state(draft: Draft, state: str) -> None:
    """Raise unless the user may move the draft to `state`."""
    if state not in SETTABLE_STATES:
        raise DigwellError(
            # Translators: {state} is what the user typed.
            _("A draft cannot be set to '{state}'.").format(state=state),
            # Translators: draft, planned and archived are the states to type: keep them.
            _("Use draft, planned or archived; mark it posted to log a post."),
        )
    if draft.state == "posted":
        raise DigwellError(
            _("This draft was posted; its post is in your log."),
            _("Undo the post first, or draft a new post from the item."),
        )


def post_url(url: str) -> str:
    """The link to the user's post, trimmed; "" when none. Raises when it is no web link."""
    url = url.strip()
    if url and not safe_link(url):
        raise DigwellError(
            _("“{url}” is not a web address.").format(url=url),
            _("Paste the link of your post (starting with https://), or leave it empty."),
        )
    return url


def check_postable(draft: Draft, when: datetime, now: datetime) -> None:
    """Raise unless the draft may be marked posted at `when`: not in the future, not
    already posted or archived, and no placeholder left for the user to fill."""
    if when.tzinfo is None:
        raise ValueError("posted_at must be timezone-aware")
    if when > now + FUTURE_SLACK:
        raise DigwellError(
            _("That time is in the future."),
            _("Mark a post when it is out; to schedule one, plan the draft instead."),
        )
    if draft.state not in EDITABLE_STATES:
        raise DigwellError(
            _("This draft was already marked as posted.")
            if draft.state == "posted"
            else _state_sentence(draft.state),
            _("To share the item again, draft a new post from it."),
        )
    left = placeholders(draft.text)
    if any(is_take_placeholder(p) for p in left):
        raise DigwellError(
            _("This draft still has the placeholder for your take."),
            _("Replace it with what you think (or delete it), then mark the post again."),
        )
    if left:
        raise DigwellError(
            # Translators: {placeholder} is the placeholder as it stands in the text.
            _("This draft still has a placeholder to fill: {placeholder}").format(
                placeholder=left[0]
            ),
            _("Replace it with your words (or delete it), then mark the post again."),
        )
