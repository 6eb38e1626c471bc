"""The names of the three circles every data folder starts with, in the user's language.

They are stored in English when the database is made (app/store/migrations.py), and kept
that way, so a name means the same circle whatever language reads it; only what is shown
is translated, as a mail program shows its "Inbox". A circle the user named (or renamed)
shows as typed."""

from __future__ import annotations

from app.i18n import pgettext


def circle_label(name: str) -> str:
    """ "Colleagues" → "Kollegen" in German; any other name as it is."""
    labels = {
        "Close": pgettext("circle", "Close"),
        "Colleagues": pgettext("circle", "Colleagues"),
        "Wider": pgettext("circle", "Wider"),
    }
    return labels.get(name, name)
