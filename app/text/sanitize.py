"""Make feed text safe to show: HTML to plain text with nothing left to run."""

from __future__ import annotations

import re
from html import unescape
from html.entities import entitydefs
from itertools import compress

from app.text import html_tags
from app.text.html_reader import read_html

# Assigned, not imported by name: CPython 3.11 calls a method of a name bound by an import
# (`OPEN.get`, `TOKEN.sub`) without LOAD_METHOD: ~10% slower per tag.
_CLOSE = html_tags.CLOSE
_COMMENT_CLOSE = html_tags.COMMENT_CLOSE
_OPEN = html_tags.OPEN
_SKIP_TAGS = html_tags.SKIP_TAGS
_TAG_SPLIT = html_tags.TAG_SPLIT
_TOKEN = html_tags.TOKEN

# html_to_text reads markup as html.parser.HTMLParser (CPython 3.11) did before it, with
# regexes rather than Python code per token: ~6x faster. Nearly all feed HTML is text and
# plain tags: _plain_text splits it at its tags (_TAG_SPLIT) and looks up what each shows
# (markup with comments: one re.sub of _TOKEN). Anything else (script, style, odd markup,
# a stray "<") goes to html_reader.read_html. tests/text/test_sanitize.py checks
# html_to_text against HTMLParser; html_reader says where it differs on purpose.

# feedparser's rule for a title or other one-line field that does not say whether it is
# text or HTML (RSS; JSON Feed titles are text but some feeds put HTML in them): HTML if
# it has an end tag or an entity, and every tag is one of these HTML elements (its
# sanitizer's list) and every entity a known one. Else it is text, and "vector<int>" or
# "x<y" keeps its "<" rather than losing what follows to a tag that is not one.
_LINE_HTML_ELEMENTS = frozenset(
    """
    a abbr acronym address area article aside audio b big blockquote br button canvas
    caption center cite code col colgroup command datagrid datalist dd del details dfn
    dialog dir div dl dt em event-source fieldset figcaption figure font footer form h1 h2
    h3 h4 h5 h6 header hr i img input ins kbd keygen label legend li m map menu meter
    multicol nav nextid noscript ol optgroup option output p pre progress q s samp section
    select small sound source spacer span strike strong sub sup table tbody td textarea
    tfoot th thead time tr tt u ul var video
    """.split()  # noqa: SIM905 -- a word list, as feedparser's sanitizer has it
)
_END_TAG_OR_ENTITY = re.compile(r"</\w+>|&#?\w+;")
_TAG_NAMES = re.compile(r"</?(\w+)")
_ENTITY_NAMES = re.compile(r"&(\w+);")


def looks_like_html(text: str) -> bool:
    """Whether a field that may be text or HTML reads as HTML (feedparser's rule)."""
    if not _END_TAG_OR_ENTITY.search(text):
        return False
    if any(tag.lower() not in _LINE_HTML_ELEMENTS for tag in _TAG_NAMES.findall(text)):
        return False
    return all(name in entitydefs for name in _ENTITY_NAMES.findall(text))


def html_to_text(markup: str) -> str:
    """Readable plain text from feed HTML: no tags, no scripts, paragraphs kept."""
    if not markup:
        return ""
    if "<" not in markup:
        return _tidy(unescape(markup))
    text = _plain_text(markup)
    return _tidy(read_html(markup) if text is None else text)


class _NotPlain(Exception):
    pass


def _plain_text(markup: str) -> str | None:
    """html_to_text before _tidy, with no Python code per tag; None unless only plain
    tags and comments."""
    if "<!--" in markup:
        return _plain_text_with_comments(markup)
    parts = _TAG_SPLIT.split(markup)  # [text, "/" of an end tag, name, "/" of <br/>, text...]
    texts = parts[::4]
    if "<" in "".join(texts):
        return None  # a "<" that starts no plain tag
    try:
        shown = list(
            map(_SHOWN.__getitem__, zip(parts[1::4], parts[2::4], parts[3::4], strict=True))
        )
    except _NotPlain:
        return None
    if "&" in markup:  # entities never span a tag: decode between them
        texts = list(map(unescape, texts))
    pieces = [""] * (2 * len(texts) - 1)
    pieces[::2] = texts
    pieces[1::2] = shown
    return "".join(pieces)


class _Shown(dict[tuple[str | None, str, str], str]):
    """What each tag shows, by its groups in _TAG_SPLIT: a block tag its line breaks,
    another tag nothing; _NotPlain for <script> and its kind. Filled as tags are met."""

    def __missing__(self, key: tuple[str | None, str, str]) -> str:
        end, name, slash = key
        tag = name.lower()
        if end:  # also </script> with none open: it closes nothing
            shown = _CLOSE.get(tag, "")
        elif slash:  # <br/> is <br></br>
            shown = _OPEN.get(tag, "") + _CLOSE.get(tag, "")
        elif tag in _SKIP_TAGS:
            raise _NotPlain
        else:
            shown = _OPEN.get(tag, "")
        if len(self) < 1000:  # feeds use a few dozen; a hostile one must not grow it
            self[key] = shown
        return shown


_SHOWN = _Shown()


def _plain_text_with_comments(markup: str) -> str | None:
    """_plain_text for markup with comments: one re.sub with a callback per token."""
    if not _COMMENT_CLOSE.search(markup, markup.rfind("<!--") + 4):
        return None  # an unclosed comment: _TOKEN would look for its end from every "<!--"
    try:
        text = _TOKEN.sub(_plain_tag, markup)
    except _NotPlain:
        return None
    if "&" in text:  # entities never span a tag: decode between the "<"s left for tags
        return "".join(map(unescape, text.split("<")))
    return text.replace("<", "")


def _plain_tag(match: re.Match[str]) -> str:
    # What a _TOKEN match shows: a block tag its line breaks, any other tag "<", which
    # marks where it was (every "<" in the markup starts one). _NotPlain for the rest.
    start_tag, slash, end_tag, comment = match.groups()
    if start_tag:
        tag = start_tag.lower()
        if slash:  # <br/> is <br></br>
            return _OPEN.get(tag, "") + _CLOSE.get(tag, "<")
        if tag in _SKIP_TAGS:
            raise _NotPlain
        return _OPEN.get(tag, "<")
    if end_tag:  # also </script> with none open: it closes nothing
        return _CLOSE.get(end_tag.lower(), "<")
    if comment:
        return "<"
    raise _NotPlain


def _tidy(text: str) -> str:
    # Runs of [ \t\r\f\v\xa0] made one space, lines stripped, no two blank lines in a row,
    # with str methods: re.sub steps through these patterns char by char, ~4x slower.
    for space in "\t\r\f\v\xa0":
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    lines = list(map(str.strip, text.split("\n")))
    # A blank line is kept only after one that is not: max() is "" only if both are.
    kept = compress(lines, map(max, lines, ["", *lines]))
    return "\n".join(kept).strip()


def first_sentence(text: str, limit: int = 280) -> str:
    """The first sentence of plain text, cut on a word boundary if it runs long."""
    text = " ".join(text.split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])", text)
    sentence = text[: match.start()] if match else text
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
