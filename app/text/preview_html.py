"""An item's feed HTML as safe rich text for the preview: a small allow-list, nothing fetched.

summary_html is stored exactly as the feed sent it and is untrusted. preview_html never
passes any of it through: it reads it with html.parser and writes new markup from an
allow-list (paragraphs, lists, quotes, code, emphasis, headings, rules, http(s) links) in
which every piece of feed text is escaped and the only attribute taken from the feed is a
link's href, after safe_link. Images are never emitted (their alt text is), so neither
Qt nor anything else has a resource to load.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable
from html import escape, unescape
from html.parser import HTMLParser

from app.text.links import safe_link
from app.text.sanitize import html_to_text, looks_like_html

# Our own styles, the only style attributes in the output.
QUIET_STYLE = "color:#777"
HIGHLIGHT_STYLE = "background-color:#fff3a3;color:#000"
_QUIET_OPEN = f'<span style="{QUIET_STYLE}">'
_MARK_OPEN = f'<span style="{HIGHLIGHT_STYLE}">'

# Feed tag -> the tag written for it. Headings are toned down so a feed can't shout.
_KEPT = {
    "p": "p",
    "br": "br",
    "hr": "hr",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
    "blockquote": "blockquote",
    "pre": "pre",
    "code": "code",
    "tt": "code",
    "kbd": "code",
    "samp": "code",
    "b": "b",
    "strong": "strong",
    "i": "i",
    "em": "em",
    "a": "a",
    **dict.fromkeys(("h1", "h2", "h3"), "h3"),
    **dict.fromkeys(("h4", "h5", "h6"), "h4"),
}
_BLOCKS = frozenset({"p", "ul", "ol", "li", "blockquote", "pre", "h3", "h4"})
# Dropped with everything in them: code, styles, embedded documents, fallback text.
_DROPPED = frozenset(
    """
    script style iframe frameset noframes object applet template noscript noembed svg
    math head title select datalist textarea canvas audio video
    """.split()  # noqa: SIM905 -- a word list
)
# HTML tags that end an unclosed <svg> or <math>, as in browsers: "<svg/onload=x><p>text"
# shows "text".
_FOREIGN = ("svg", "math")
_BREAKOUT = frozenset(
    """
    b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i
    img li listing menu meta nobr ol p pre ruby s small span strike strong sub sup table tt
    u ul var
    """.split()  # noqa: SIM905 -- a word list
)
# Not kept, but they separate lines: their text would otherwise run together.
_LINE_BREAKING = frozenset(
    """
    div section article header footer main aside nav figure figcaption table caption
    thead tbody tfoot tr dl dt dd address center details summary fieldset legend form
    hgroup body html
    """.split()  # noqa: SIM905 -- a word list
)
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    """
    area base br col embed frame hr img input keygen link meta param source track wbr
    """.split()  # noqa: SIM905 -- a word list
)
_MAX_CHARS = 500_000  # longer summaries are cut: the preview must stay quick on any input
_MAX_DEPTH = 100  # deeper nesting is unwrapped: keeps end-tag lookups short on hostile input
_NOTE_LIMIT = 60  # characters of a link target shown next to the link
_ALT_LIMIT = 120

# A "<" makes it HTML only where it starts a comment or a tag a feed would use: "x<y" or
# "vector<int>" alone stay text.
_TAG_START = re.compile(r"<(?:!--|!doctype|/?([a-zA-Z][a-zA-Z0-9]*)[\s/>])", re.IGNORECASE)
_HTML_TAGS = (
    frozenset(_KEPT)
    | _DROPPED
    | _LINE_BREAKING
    | _CELLS
    | _VOID
    | frozenset(
        """
        span font small big sub sup u s del ins mark abbr cite q dfn var label button
        textarea option picture
        """.split()  # noqa: SIM905 -- a word list
    )
)
# Text and attribute values as Qt should never see them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKED_SECTION = re.compile(r"<!\[[^>]*>?")
_URL_JUNK = re.compile(r"[\t\n\r]")  # browsers ignore these anywhere in a URL
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_HOST_PATH = re.compile(r"[a-zA-Z]+://([^/?#]*)([^?#]*)")
_SCHEME_WWW = re.compile(r"^(?:https?://)?(?:www\.)?")
_TERM_QUOTES = "\"'“”‘’«»„"


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
    mark = _Highlighter(highlight)
    cut = len(summary_html) > _MAX_CHARS
    markup = summary_html[:_MAX_CHARS] if cut else summary_html  # a tag cut in two is dropped
    # Control characters mean nothing in text and only trick URL checks: gone before
    # parsing (the entity forms, &#1;, html.unescape drops itself).
    markup = _CONTROL.sub("", markup.replace("\x00", "\ufffd"))
    try:
        if not _is_html(markup):
            html = _paragraphs(unescape(markup), mark)
        else:
            html = _Writer(mark).write(markup)
    except Exception:  # never take the preview down: a bug here shows the text, still escaped
        html = _paragraphs(html_to_text(markup), mark)
    return html + f"<p>{_QUIET_OPEN}[…]</span></p>" if cut and html else html


def _is_html(text: str) -> bool:
    if "<" not in text:
        return False
    if looks_like_html(text):
        return True
    for match in _TAG_START.finditer(text):
        name = match.group(1)
        if name is None or name.lower() in _HTML_TAGS:
            return True
    return False


def _paragraphs(text: str, mark: _Highlighter) -> str:
    """Plain text as <p>s at blank lines, its line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        "<p>" + mark(p.strip()).replace("\n", "<br>") + "</p>"
        for p in _BLANK_LINE.split(text)
        if p.strip()
    )


class _Highlighter:
    """Escapes text and marks the terms in it."""

    def __init__(self, terms: Iterable[str]) -> None:
        patterns: set[str] = set()
        for term in terms:
            words = _fold(unicodedata.normalize("NFC", term.strip().strip(_TERM_QUOTES))).split()
            if not any(map(_is_word_char, "".join(words))) or len(patterns) >= 64:
                continue  # "-" or "." alone would mark every dash or full stop
            pattern = r"\s+".join(map(re.escape, words))
            if _is_word_char(words[0][0]):
                pattern = r"\b" + pattern  # as (?<!\w) here, and ~3x faster to search for
            if _is_word_char(words[-1][-1]):
                pattern += r"(?:e?s)?(?!\w)"  # simple plurals: term+s, term+es
            patterns.add(pattern)
        # Longest first: at one position the longer term wins; finditer never overlaps.
        ordered = sorted(patterns, key=lambda p: (-len(p), p))
        self._pattern = re.compile("|".join(ordered)) if ordered else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return escape(text, quote=False)
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)  # é as one char, to fold it to e
        folded = _fold(text)  # as long as text: positions in one are positions in the other
        if not self._pattern.search(folded):
            return escape(text, quote=False)
        pieces: list[str] = []
        pos = 0
        for match in self._pattern.finditer(folded):
            start, end = match.span()
            pieces.append(escape(text[pos:start], quote=False))
            pieces.append(_MARK_OPEN + escape(text[start:end], quote=False) + "</span>")
            pos = end
        pieces.append(escape(text[pos:], quote=False))
        return "".join(pieces)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class _FoldTable(dict):
    """str.translate table, filled as chars are met: each char to one lower-case char
    without accents (É -> e), or to itself where that takes more than one (ß)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        folded = base.casefold() if base else char
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        if len(self) < 20_000:  # a hostile text must not grow it without end
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _fold(text: str) -> str:
    """Text to match terms in, one char per char of `text` so positions carry over."""
    return text.lower() if text.isascii() else text.translate(_FOLD_TABLE)


def _link_target(href: str | None) -> str:
    """The URL a feed's href opens if it is http(s), else ""."""
    if not href:
        return ""
    url = _URL_JUNK.sub("", href).strip("\x00 \f\v")  # "java\tscript:" is javascript:
    if _CONTROL.search(url):
        return ""
    return safe_link(url)


def _target_note(url: str, link_text: str) -> str:
    """What is shown next to a link: its host and path, shortened; "" when the link text
    already says it."""
    parts = _HOST_PATH.match(url)  # as urlsplit reads a URL safe_link passed, ~5x faster
    host, path = parts.groups() if parts else ("", "")
    host = host.rpartition("@")[2].lower()  # never "trusted.org@" from user info
    if not host.isascii():  # punycode, as browsers show look-alike hosts
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    if path == "/":
        path = ""
    said = " ".join(link_text.split()).lower()
    if "." in said or ":" in said:  # only then can it be a URL or host
        said = _bare(said)
        if said in (_bare(url), _bare(host), _bare(host + path)):
            return ""
    shown = _INVISIBLE.sub("", host + path)
    if len(shown) > _NOTE_LIMIT:
        shown = shown[: _NOTE_LIMIT - 1] + "…"
    return shown


def _bare(text: str) -> str:
    # A URL or host as people write it: no scheme, no www., no trailing slash.
    return _SCHEME_WWW.sub("", text.lower()).rstrip("/")


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


class _Writer(HTMLParser):
    """Reads feed HTML and writes the allow-listed markup, one element at a time."""

    def __init__(self, mark: _Highlighter) -> None:
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
            if tag in _DROPPED and len(self._dropping) < _MAX_DEPTH:
                self._dropping.append(tag)
                return
            if tag == "body" and "head" in self._dropping:  # an unclosed <head> ends here
                del self._dropping[self._dropping.index("head") :]
                return
            if not (tag in _BREAKOUT and self._dropping[0] in _FOREIGN):
                return
            self._dropping.clear()
        if self._text:
            self._flush_text()
        if tag in _KEPT:
            self._start(_KEPT[tag], attrs)
        elif tag in _DROPPED:
            self._dropping.append(tag)
        elif tag == "img":
            self._image(attrs)
        elif tag in _LINE_BREAKING:
            self._owed = "<br>"
        elif tag in _CELLS and self._owed != "<br>":
            self._owed = " "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <p/> and <a name="x"/> as XHTML feeds mean them: empty elements.
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        elif tag not in _DROPPED:
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
        elif tag in _KEPT:
            written = _KEPT[tag]
            self._close(written if written not in ("h3", "h4") else "h")
        elif tag in _LINE_BREAKING:
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
            url = _link_target(next((v for k, v in attrs if k == "href"), None))
            if url and (entry := self._push("a", f'<a href="{escape(url)}">')):
                entry.url = url
                self._link = entry
            return  # a link to anything but http(s) is just its text
        if tag in _BLOCKS or tag == "hr":
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
        if tag in _BLOCKS:
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
            entry.tag in _BLOCKS or self._seen == entry.seen
        ):
            # Nothing shown inside (a paragraph around a tracking pixel): leave it out,
            # but keep the line break or space it stood for.
            spaced = any(piece.isspace() for piece in self._out[entry.index :])
            del self._out[entry.index :]
            self._brs = entry.brs
            if entry.tag in _BLOCKS:
                self._owed = "<br>" if not entry.brs else ""
            elif spaced and not entry.brs:
                self._out.append(" ")
        else:
            self._out.append(f"</{entry.tag}>")
            if entry.tag in _BLOCKS:
                self._brs = 2
                self._owed = ""
        return entry.key

    def _end_link(self, entry: _Open) -> None:
        if self._seen_text == entry.seen_text:  # no text to click: keep what's inside only
            self._out[entry.index] = ""
            return
        self._out.append("</a>")
        note = _target_note(entry.url, "".join(entry.link_text))
        if note:
            self._out.append(f" {_QUIET_OPEN}({escape(note, quote=False)})</span>")

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
        self._out.append(f"{_QUIET_OPEN}[image: {escape(alt, quote=False)}]</span>")
