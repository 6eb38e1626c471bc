"""The preview's writer: reads feed HTML with html.parser and writes the allow-listed
markup (preview_tags), one element at a time, escaping every piece of feed text."""

from __future__ import annotations

import re
from html import escape, unescape
from html.parser import HTMLParser

from app.i18n import _
from app.text.highlight import Highlighter
from app.text.preview_links import link_target, target_note
from app.text.preview_tags import (
    BLOCKS,
    BREAKOUT,
    CELLS,
    DROPPED,
    FOREIGN,
    KEPT,
    LINE_BREAKING,
    VOID,
)

# Our own style for what the preview adds (a link's target, an image's alt text).
QUIET_STYLE = "color:#777"
QUIET_OPEN = f'<span style="{QUIET_STYLE}">'
_MAX_DEPTH = 100  # deeper nesting is unwrapped: keeps end-tag lookups short on hostile input
_ALT_LIMIT = 120
_MARKED_SECTION = re.compile(r"<!\[[^>]*>?")


class _Open:
    """An element written to the output and not yet closed."""

    __slots__ = ("brs", "index", "key", "link_text", "seen", "seen_text", "tag", "url")

    def __init__(self, tag: str, index: int, seen: int, seen_text: int, brs: int) -> None:
        self.tag = tag  # as written: h3, not h1
        self.key = "h" if tag in ("h3", "h4") else tag  # any heading end tag closes a heading
        self.index = index  # of its start tag in the output
        self.seen = seen  # counters when it opened: did anything show inside?
        self.seen_text = seen_text
        self.brs = brs
        self.url = ""
        self.link_text: list[str] = []


class Writer(HTMLParser):
    """Reads feed HTML and writes the allow-listed markup, one element at a time."""

    def __init__(self, mark: Highlighter) -> None:
        super().__init__(convert_charrefs=True)
        self._mark = mark
        self._out: list[str] = []
        self._stack: list[_Open] = []
        self._open_keys: dict[str, int] = {}  # key -> how many of _stack: most lookups end here
        self._dropping: list[str] = []  # open dropped elements (script, svg...)
        self._text: list[str] = []  # text not yet written: HTMLParser splits it at "<" etc.
        self._link: _Open | None = None
        self._brs = 2  # line breaks since the last text; 2 at the start and after blocks
        self._owed = ""  # "<br>" or " " that a div or cell owes before the next text
        self._seen = 0  # things shown: text, images, rules, line breaks
        self._seen_text = 0  # the same without line breaks

    def write(self, markup: str) -> str:
        """The allow-listed markup for `markup`; "" when nothing in it shows."""
        if "<![" in markup:  # CDATA and conditional comments: bogus comments to the next ">",
            markup = _MARKED_SECTION.sub("", markup)  # as browsers read them in HTML
        self._feed(markup)
        if self._text:
            self._flush_text()
        while self._stack:
            self._close_top()
        return "".join(self._out).strip() if self._seen_text else ""

    def _feed(self, markup: str) -> None:
        # feed() stops at the first construct it cannot finish (an unterminated tag or
        # comment) and keeps the rest. close() would show that rest as text, and on some
        # Python versions re-scan it from every "<": quadratic. Instead, as browsers do,
        # an unterminated comment or tag runs to the end, and any other stops at a ">".
        self.feed(markup)
        while rest := self.rawdata:
            self.rawdata = ""
            if getattr(self, "cdata_elem", None) or rest.startswith("<!--"):
                return  # an unclosed <script> or comment: the rest is inside it
            if not rest.startswith("<"):  # text held back for a possible "&amp" at the end
                self.handle_data(unescape(rest))
                return
            gt = rest.find(">", 1)
            if gt < 0:
                return
            self.feed(rest[gt + 1 :])

    # --- HTMLParser's callbacks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropping:
            if tag in DROPPED and len(self._dropping) < _MAX_DEPTH:
                self._dropping.append(tag)
                return
            if tag == "body" and "head" in self._dropping:  # an unclosed <head> ends here
                del self._dropping[self._dropping.index("head") :]
                return
            if not (tag in BREAKOUT and self._dropping[0] in FOREIGN):
                return
            self._dropping.clear()
        if self._text:
            self._flush_text()
        if tag in KEPT:
            self._start(KEPT[tag], attrs)
        elif tag in DROPPED:
            self._dropping.append(tag)
        elif tag == "img":
            self._image(attrs)
        elif tag in LINE_BREAKING:
            self._owed = "<br>"
        elif tag in CELLS and self._owed != "<br>":
            self._owed = " "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <p/> and <a name="x"/> as XHTML feeds mean them: empty elements.
        if tag in VOID:
            self.handle_starttag(tag, attrs)
        elif tag not in DROPPED:
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            if tag in self._dropping:
                last = len(self._dropping) - 1 - self._dropping[::-1].index(tag)
                del self._dropping[last:]
            return
        if self._text:
            self._flush_text()
        if tag == "br":  # </br> is <br> in browsers
            self._start("br", [])
        elif tag in KEPT:
            written = KEPT[tag]
            self._close(written if written not in ("h3", "h4") else "h")
        elif tag in LINE_BREAKING:
            self._owed = "<br>"

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self._text.append(data)

    # --- writing

    def _flush_text(self) -> None:
        text = "".join(self._text)
        self._text.clear()
        if self._open_keys.get("pre"):
            if not text.isspace():
                self._shown(text)
            self._out.append(self._mark(text))
            return
        if text.isspace():
            if not self._brs:  # a space between words; none at the start of a line
                self._out.append(" ")
            return
        self._shown(text)
        self._out.append(self._mark(text))

    def _shown(self, link_text: str) -> None:
        # Before text or an image: what a div or cell owes, then count it.
        if self._owed and not self._brs:
            self._out.append(self._owed)
        self._owed = ""
        self._brs = 0
        self._seen += 1
        self._seen_text += 1
        if self._link is not None:
            self._link.link_text.append(link_text)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            if self._brs < 2:  # at most one blank line; none at the start or after a block
                self._out.append("<br>")
                self._brs += 1
                self._seen += 1
            return
        if tag == "a":
            if self._link is not None:  # links don't nest: a new one ends the last
                self._close("a")
            url = link_target(next((v for k, v in attrs if k == "href"), None))
            if url and (entry := self._push("a", f'<a href="{escape(url)}">')):
                entry.url = url
                self._link = entry
            return  # a link to anything but http(s) is just its text
        if tag in BLOCKS or tag == "hr":
            if self._open_keys.get("p"):  # a block ends an open paragraph
                self._close("p")
            if tag == "li":
                self._close_open_item()
            elif tag in ("h3", "h4") and self._stack and self._stack[-1].key == "h":
                self._close_top()
            self._owed = ""
            if tag == "hr":
                self._out.append("<hr>")
                self._seen += 1
                self._seen_text += 1
                self._brs = 2
                return
        self._push(tag, f"<{tag}>")
        if tag in BLOCKS:
            self._brs = 2

    def _push(self, tag: str, start: str) -> _Open | None:
        if len(self._stack) >= _MAX_DEPTH:
            return None  # unwrapped: its text is kept
        entry = _Open(tag, len(self._out), self._seen, self._seen_text, self._brs)
        self._stack.append(entry)
        self._open_keys[entry.key] = self._open_keys.get(entry.key, 0) + 1
        self._out.append(start)
        return entry

    def _close_open_item(self) -> None:
        # <li> ends the open <li> of the same list, not one of an outer list.
        for entry in reversed(self._stack):
            if entry.tag in ("ul", "ol"):
                return
            if entry.tag == "li":
                self._close("li")
                return

    def _close(self, key: str) -> None:
        """Close the innermost open `key` element and everything opened inside it."""
        if not self._open_keys.get(key):
            return  # a stray end tag closes nothing
        while self._stack:
            if self._close_top() == key:
                return

    def _close_top(self) -> str:
        entry = self._stack.pop()
        self._open_keys[entry.key] -= 1
        if entry is self._link:
            self._link = None
        if entry.tag == "a":
            self._end_link(entry)
        elif self._seen_text == entry.seen_text and (
            entry.tag in BLOCKS or self._seen == entry.seen
        ):
            # Nothing shown inside (a paragraph around a tracking pixel): leave it out,
            # but keep the line break or space it stood for.
            spaced = any(piece.isspace() for piece in self._out[entry.index :])
            del self._out[entry.index :]
            self._brs = entry.brs
            if entry.tag in BLOCKS:
                self._owed = "<br>" if not entry.brs else ""
            elif spaced and not entry.brs:
                self._out.append(" ")
        else:
            self._out.append(f"</{entry.tag}>")
            if entry.tag in BLOCKS:
                self._brs = 2
                self._owed = ""
        return entry.key

    def _end_link(self, entry: _Open) -> None:
        if self._seen_text == entry.seen_text:  # no text to click: keep what's inside only
            self._out[entry.index] = ""
            return
        self._out.append("</a>")
        note = target_note(entry.url, "".join(entry.link_text))
        if note:
            self._out.append(f" {QUIET_OPEN}({escape(note, quote=False)})</span>")

    def _image(self, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in reversed(attrs)}  # the first wins
        size = {values.get(side, "").strip().removesuffix("px") for side in ("width", "height")}
        if size & {"0", "1"}:
            return  # a tracking pixel, whatever its alt says
        alt = " ".join(values.get("alt", "").split())
        if not alt:
            return
        if len(alt) <= 2 and not any(c.isalnum() for c in alt):
            self._text.append(alt)  # an emoji drawn as an image: the emoji itself
            return
        if len(alt) > _ALT_LIMIT:
            alt = alt[: _ALT_LIMIT - 1] + "…"
        self._shown("")  # an image's alt says nothing of where a link goes
        # Translators: an image in a feed's text, shown by its description {alt}.
        shown = escape(_("[image: {alt}]"), quote=False).format(alt=escape(alt, quote=False))
        self._out.append(f"{QUIET_OPEN}{shown}</span>")
