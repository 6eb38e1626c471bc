"""A person's details and timeline as small HTML documents for the People page: their
profiles as links, where they stand, and each touch with the post behind it
(docs/PEOPLE.md). Everything typed or imported is escaped; only http(s) links are made."""

from __future__ import annotations

from datetime import date

from app.cadence.post_fields import platform_name
from app.i18n import N_, _, formats, ngettext
from app.people.circle_names import circle_label
from app.people.keep_warm import ago, due_text, last_touch_text, status
from app.text.links import safe_link
from app.types import GIVE_KINDS, Person, Touch
from app.ui.formatting import escape_html

# Each touch kind as the timeline says it, and the letter that picks it in the touch
# dialog (docs/PEOPLE.md, "Logging a touch").
KIND_WORDS = {
    "credited": N_("Credited"),
    "thanked": N_("Thanked"),
    "helped": N_("Helped"),
    "commented": N_("Commented"),
    "talked": N_("Talked"),
    "message": N_("Message"),
    "asked": N_("Asked"),
    "connected": N_("Connected"),
}
DELETE_SCHEME = "digwell-touch"  # links that remove a touch: digwell-touch:ID
_POST_SHOWN = 180  # characters of a post's text shown under its touch


def profile_links(person: Person) -> list[tuple[str, str, str]]:
    """(platform, handle as shown, profile URL) of each handle the person has."""
    links = []
    if person.linkedin:
        links.append(("LinkedIn", person.linkedin.removeprefix("https://www."), person.linkedin))
    if person.x:
        links.append(("X", person.x, "https://x.com/" + person.x.lstrip("@")))
    if person.mastodon:
        user, __, server = person.mastodon.lstrip("@").partition("@")
        links.append(("Mastodon", person.mastodon, f"https://{server}/@{user}"))
    if person.bluesky:
        links.append(
            ("Bluesky", "@" + person.bluesky, "https://bsky.app/profile/" + person.bluesky)
        )
    if person.threads:
        links.append(("Threads", person.threads, "https://www.threads.net/" + person.threads))
    if person.website:
        links.append((_("Website"), person.website.split("://", 1)[-1], person.website))
    return links


def _link(url: str, text: str) -> str:
    target = safe_link(url)
    if not target:
        return escape_html(text)
    return f'<a href="{escape_html(target)}">{escape_html(text)}</a>'


def _day(day: date) -> str:
    return formats.day_month_year(day)


def standing(person: Person, today: date) -> str:
    """'Overdue by 12 days · last touch 5 months ago · gave 4, asked 1'."""
    parts = [due_text(person, today), last_touch_text(person, today)]
    if person.snoozed_until and person.snoozed_until > today:
        parts.append(_("snoozed until {date}").format(date=_day(person.snoozed_until)))
    parts.append(
        _("gave {gives}, asked {asks}").format(
            gives=formats.number(person.gives), asks=formats.number(person.asks)
        )
    )
    text = " · ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]


def interval_text(person: Person, ideal: int, maximum: int) -> str:
    own = person.ideal_days is not None
    low, high = (person.ideal_days, person.max_days) if own else (ideal, maximum)
    days = low or 0
    if own:
        text = ngettext(
            "Keep warm every {low} day, at most {high} (their own pace)",
            "Keep warm every {low} days, at most {high} (their own pace)",
            days,
        )
    else:
        # Translators: {circle} is the name of the person's circle ("Close", "Colleagues").
        text = ngettext(
            "Keep warm every {low} day, at most {high} (as the {circle} circle)",
            "Keep warm every {low} days, at most {high} (as the {circle} circle)",
            days,
        )
    return text.format(low=low, high=high, circle=circle_label(person.circle))


def details_html(person: Person, today: date, interval: str) -> str:
    """Who the person is: company and role, circle and interval, how the user knows
    them, their profiles and notes."""
    rows = []
    work = " · ".join(p for p in (person.role, person.company) if p)
    if work:
        rows.append(escape_html(work))
    rows.append(f"{escape_html(circle_label(person.circle))} · {escape_html(interval)}")
    if person.how_known:
        rows.append(_("How you know each other: {how}").format(how=escape_html(person.how_known)))
    links = [f"{p}: {_link(url, shown)}" for p, shown, url in profile_links(person)]
    if person.email:
        links.append(_("E-mail: {address}").format(address=escape_html(person.email)))
    if links:
        rows.append(" &nbsp;·&nbsp; ".join(links))
    if person.notes:
        rows.append("<i>" + escape_html(person.notes).replace("\n", "<br>") + "</i>")
    if status(person, today) == "archived":
        rows.insert(0, _("<b>Archived</b>: kept in history, left out of every list."))
    return "<br>".join(rows)


def timeline_html(touches: list[Touch], today: date) -> str:
    """Every touch, newest first: day, kind and note, the post behind it with its link,
    and a link that removes the touch."""
    if not touches:
        text = _(
            "No touches yet. Log one with “Log touch” (T): a credit, a thanks, a talk…"
            " Crediting them in a post you mark posted logs one by itself."
        )
        return f"<p><i>{escape_html(text)}</i></p>"
    blocks = [_touch_html(t, today) for t in touches]
    return "".join(blocks)


def _touch_html(touch: Touch, today: date) -> str:
    kind = _(KIND_WORDS[touch.kind]) if touch.kind in KIND_WORDS else touch.kind
    tone = " " + escape_html(_("(a give)")) if touch.kind in GIVE_KINDS else ""
    auto = " · " + escape_html(_("logged by marking a post posted")) if touch.auto else ""
    remove = escape_html(_("Remove"))
    head = (
        f"<b>{escape_html(kind)}</b>{tone} · {_day(touch.on)} · {ago(touch.on, today)}{auto}"
        f' &nbsp; <a href="{DELETE_SCHEME}:{touch.id}">{remove}</a>'
    )
    lines = [head]
    if touch.note:
        lines.append(escape_html(touch.note).replace("\n", "<br>"))
    if touch.post_id is not None:
        text = " ".join(touch.post_text.split())
        if len(text) > _POST_SHOWN:
            text = text[: _POST_SHOWN - 1].rstrip() + "…"
        quote = f"“{escape_html(text)}”" if text else escape_html(_("Your post"))
        if touch.post_platform:
            opener = _("Open the post on {platform}").format(
                platform=platform_name(touch.post_platform)
            )
        else:
            opener = _("Open the post")
        link = (" " + _link(touch.post_url, opener)) if touch.post_url else ""
        lines.append(f"{quote}{link}")
    # Each touch one paragraph (a div's line-height reaches only its first block in Qt).
    return '<p style="margin-bottom:10px; line-height:125%">' + "<br>".join(lines) + "</p>"
