"""How the composer (app/ui/views/composer.py) and the drafts list word a draft: its
state, where it came from, the status line under the text, and what copying it says."""

from __future__ import annotations

from app.compose.context import placeholders
from app.compose.platforms import platform
from app.i18n import _, ngettext, pgettext
from app.types import Draft


def state_label(state: str) -> str:
    """A draft's state (stored as its key) as the composer and the drafts list name it:
    'Planned' for "planned", in the user's language."""
    labels = {
        "draft": pgettext("draft state", "Draft"),
        "planned": _("Planned"),
        "posted": _("Posted"),
        "archived": _("Archived"),
    }
    return labels.get(state) or state.capitalize()


def origin_text(draft: Draft | None) -> str:
    """The line above the draft: the items it was made from, its theme and its state."""
    if draft is None:
        return _("No draft selected. Pick an item in the inbox and choose “Draft a post”.")
    more = len(draft.item_ids) - 1
    if more > 0:
        # Translators: {title} is the title of an inbox item the draft was made from.
        source = ngettext(
            "From: {title} and {count} more", "From: {title} and {count} more", more
        ).format(title=draft.title, count=more)
    elif draft.item_ids:
        source = _("From: {title}").format(title=draft.title)
    else:
        source = _("Your own post")
    parts = [source]
    if draft.theme:
        parts.append(_("Theme: {theme}").format(theme=draft.theme))
    parts.append(state_label(draft.state))
    return "  ·  ".join(parts)


def status_text(draft: Draft | None, dirty: bool, posted_when: str) -> str:
    """The status beside the counts: posted where and when (`posted_when`), editing, or
    saved; nothing without a draft."""
    if draft is None:
        return ""
    if draft.state == "posted":
        return _("Posted on {platform} · {when}").format(
            platform=platform(draft.platform).name, when=posted_when
        )
    return _("Editing…") if dirty else _("Saved")


def copied_text(text: str) -> str:
    """What the composer says once the draft's `text` is on the clipboard."""
    if placeholders(text):
        return _(
            "Copied, but it still has a placeholder to fill (“[Your …]”): "
            "replace it before you post."
        )
    return _("Copied. Paste it into the platform, then mark it as posted.")
