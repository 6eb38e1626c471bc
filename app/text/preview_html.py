"""An item's feed HTML as safe rich text for the preview: a small allow-list, nothing fetched.

summary_html is stored exactly as the feed sent it and is untrusted. preview_html never
passes any of it through: it reads it with html.parser and writes new markup from an
allow-list (paragraphs, lists, quotes, code, emphasis, headings, rules, http(s) links) in
which every piece of feed text is escaped and the only attribute taken from the feed is a
link's href, after safe_link. Images are never emitted (their alt text is), so neither
Qt nor anything else has a resource to load.

    preview_tags     the allow-list
    preview_writer   reads the feed's HTML and writes the allowed markup
    preview_links    where a link goes, and the note shown beside it
    highlight        search terms marked in the text
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import unescape

from app.text.highlight import Highlighter
from app.text.preview_links import CONTROL
from app.text.preview_tags import HTML_TAGS
from app.text.preview_writer import QUIET_OPEN, Writer
from app.text.sanitize import html_to_text, looks_like_html

_MAX_CHARS = 500_000  # longer summaries are cut: the preview must stay quick on any input

# A "<" makes it HTML only where it starts a comment or a tag a feed would use: "x<y" or
# "vector<int>" alone stay text.
_TAG_START = re.compile(r"<(?:!--|!doctype|/?([a-zA-Z][a-zA-Z0-9]*)[\s/>])", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")


def preview_html(summary_html: str, *, highlight: Iterable[str] = ()) -> str:
    """The item's HTML as a safe subset for the preview: allow-listed tags, escaped text,
    http(s) links with their real target shown, images as their alt text, and the
    `highlight` terms marked (case-, accent- and simple-plural-insensitive, whole words).

    Plain text (no markup) becomes paragraphs. "" when there is nothing to show.
    """
    if not summary_html or summary_html.isspace():
        return ""
    if isinstance(highlight, str):  # one term, not its letters
        highlight = (highlight,)
    mark = Highlighter(highlight)
    cut = len(summary_html) > _MAX_CHARS
    markup = summary_html[:_MAX_CHARS] if cut else summary_html  # a tag cut in two is dropped
    # Control characters mean nothing in text and only trick URL checks: gone before
    # parsing (the entity forms, &#1;, html.unescape drops itself).
    markup = CONTROL.sub("", markup.replace("\x00", "\ufffd"))
    try:
        if not _is_html(markup):
            html = _paragraphs(unescape(markup), mark)
        else:
            html = Writer(mark).write(markup)
    except Exception:  # never take the preview down: a bug here shows the text, still escaped
        html = _paragraphs(html_to_text(markup), mark)
    return html + f"<p>{QUIET_OPEN}[…]</span></p>" if cut and html else html


def _is_html(text: str) -> bool:
    if "<" not in text:
        return False
    if looks_like_html(text):
        return True
    for match in _TAG_START.finditer(text):
        name = match.group(1)
        if name is None or name.lower() in HTML_TAGS:
            return True
    return False


def _paragraphs(text: str, mark: Highlighter) -> str:
    """Plain text as <p>s at blank lines, its line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        "<p>" + mark(p.strip()).replace("\n", "<br>") + "</p>"
        for p in _BLANK_LINE.split(text)
        if p.strip()
    )
