"""A person's fields as typed in a form, the CLI or an import, checked and put in the
form they are kept in. Every problem is a DigwellError that says what to type instead."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.errors import DigwellError
from app.i18n import N_, _
from app.people.handles import NORMALISERS
from app.types import TOUCH_KINDS

MAX_NAME = 200
MAX_TEXT = 300  # company, role, how you know each other
MAX_NOTES = 20_000
MAX_INTERVAL = 3650  # ten years
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,253}\.[^@\s.]{2,63}$")
_TEXTS = {"company": MAX_TEXT, "role": MAX_TEXT, "how_known": MAX_TEXT, "notes": MAX_NOTES}
_LABELS = {
    "company": N_("Company"),
    "role": N_("Role"),
    "how_known": N_("How you know each other"),
    "notes": N_("Notes"),
}


def clean_name(text: object) -> str:
    name = " ".join(str(text or "").split())
    if not name:
        raise DigwellError(_("A person needs a name."))
    if len(name) > MAX_NAME:
        raise DigwellError(_("That name is longer than {count} characters.").format(count=MAX_NAME))
    return name


def clean_email(text: object) -> str:
    email = str(text or "").strip()
    if email and not _EMAIL.match(email):
        raise DigwellError(
            _("“{email}” is not an e-mail address.").format(email=email[:60]),
            _("For example ada@example.com."),
        )
    return email


def clean_interval(ideal: object, maximum: object) -> tuple[int | None, int | None]:
    """A person's own interval: both days or neither (then the circle's applies)."""
    if ideal in (None, "") and maximum in (None, ""):
        return None, None
    try:
        low, high = int(str(ideal)), int(str(maximum))
    except ValueError:
        raise DigwellError(
            _("An interval is two whole numbers of days: ideal and maximum."),
            _("For example 30 and 45."),
        ) from None
    if not 1 <= low <= MAX_INTERVAL or not 1 <= high <= MAX_INTERVAL:
        raise DigwellError(
            _("An interval is between 1 and {count} days.").format(count=MAX_INTERVAL)
        )
    if high < low:
        raise DigwellError(_("The maximum interval cannot be shorter than the ideal one."))
    return low, high


def clean_fields(raw: Mapping[str, object]) -> dict[str, object]:
    """Check and normalise the fields present in `raw` (app.store.people.PERSON_COLUMNS
    minus circle_id); fields left out stay as they are."""
    out: dict[str, object] = {}
    for key, value in raw.items():
        if key == "name":
            out["name"] = clean_name(value)
        elif key in _TEXTS:
            text = str(value or "").strip()
            if len(text) > _TEXTS[key]:
                raise DigwellError(
                    # Translators: {field} is "Company", "Role", "Notes"…
                    _("{field}: {count} characters is too long (at most {limit}).").format(
                        field=_(_LABELS[key]), count=len(text), limit=_TEXTS[key]
                    )
                )
            out[key] = text if key == "notes" else " ".join(text.split())
        elif key in NORMALISERS:
            out[key] = NORMALISERS[key](str(value or ""))
        elif key == "email":
            out["email"] = clean_email(value)
        elif key not in ("ideal_days", "max_days"):
            raise DigwellError(_("A person has no field “{key}”.").format(key=key))
    if "ideal_days" in raw or "max_days" in raw:
        out["ideal_days"], out["max_days"] = clean_interval(
            raw.get("ideal_days"), raw.get("max_days")
        )
    return out


def clean_kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind not in TOUCH_KINDS:
        raise DigwellError(
            _("“{kind}” is not a kind of touch.").format(kind=kind),
            _("One of: {kinds}").format(kinds=", ".join(TOUCH_KINDS)),
        )
    return kind


def clean_circle(name: str, ideal: object, maximum: object) -> tuple[str, int, int]:
    name = " ".join(name.split())
    if not name or len(name) > 60:
        raise DigwellError(_("A circle needs a name of up to {count} characters.").format(count=60))
    low, high = clean_interval(ideal, maximum)
    if low is None or high is None:
        raise DigwellError(_("A circle needs an ideal and a maximum interval in days."))
    return name, low, high
