"""Make feed text safe to show: HTML to plain text with nothing left to run."""

from __future__ import annotations

import re
from html import unescape
from html.entities import entitydefs
from itertools import compress

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "figure",
        "hr",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object"})

_OPEN = dict.fromkeys(_BLOCK_TAGS, "\n") | {"li": "\n• "}  # what a start tag adds
_CLOSE = dict.fromkeys(_BLOCK_TAGS, "\n")  # what an end tag adds

# html_to_text reads markup as html.parser.HTMLParser (CPython 3.11) did before it, with
# regexes rather than Python code per token: ~6x faster. Nearly all feed HTML is text and
# plain tags: _plain_text splits it at its tags (_TAG_SPLIT) and looks up what each shows
# (markup with comments: one re.sub of _TOKEN). Anything else (script, style, odd markup,
# a stray "<") goes to _read_html, a loop over tags, and _read_markup, written after
# HTMLParser's own code, reads what _TAG_OR_LT leaves at a "<". tests/feeds/test_sanitize.py
# checks html_to_text against HTMLParser; the few places where it differs on purpose are
# listed in _read_html.
_WS = r"[ \t\n\r\f]"  # HTMLParser's tag names end at these, not at every \s
_NAME = r"[a-zA-Z][-.:a-zA-Z0-9_]*"
_ATTRIBUTES = rf"""
    (?:{_WS}+[^\s"'<>/=]+                       # attribute name
        (?:{_WS}*={_WS}*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?  # value
    )*
"""
_TAG = rf"""
    ({_NAME}){_ATTRIBUTES}{_WS}*(/?)>           # 1: start tag name, 2: the "/" of <br/>
  | /({_NAME}){_WS}*>                           # 3: end tag name
"""
_TOKEN = re.compile(rf"<(?:{_TAG}|(!--).*?--\s*>)?", re.VERBOSE | re.DOTALL)  # 4: comment
_TAG_OR_LT = re.compile(rf"<(?:{_TAG})?", re.VERBOSE)
# For _plain_text: the same tags as three groups, all strings but the first: the "/" of
# an end tag (else None), the name, the "/" of <br/>; no match at a "<" that starts no tag.
_TAG_SPLIT = re.compile(rf"<(?:(/))?({_NAME})(?(1)|{_ATTRIBUTES}){_WS}*((?(1)|/?))>", re.VERBOSE)
_MARKUP_OPEN = re.compile(r"<[a-zA-Z/!?]")
_CDATA_END = {  # <script> and <style> run to their end tag, markup and all
    tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")
}

# HTMLParser's patterns (CPython 3.11), for _read_markup.
_START_TAG_OPEN = re.compile(r"<[a-zA-Z]")
_LOCATE_START_TAG_END = re.compile(
    r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""",
    re.VERBOSE,
)
_TAG_FIND = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTR_FIND = re.compile(
    r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*"
    r"(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*"
)
_END_TAG_FIND = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")
_COMMENT_CLOSE = re.compile(r"--\s*>")
_DECL_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_MARKED_SECTION_CLOSE = {
    **dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), re.compile(r"]\s*]\s*>")),
    **dict.fromkeys(("if", "else", "endif"), re.compile(r"]\s*>")),
}


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
    return _tidy(_read_html(markup) if text is None else text)


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


class _Shown(dict):
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


def _read_html(markup: str) -> str:
    r"""html_to_text before _tidy, for any markup: tag by tag, as HTMLParser reads it.

    Where HTMLParser shows markup as text, or fails, this differs, on the safe side:
    - unterminated markup (`<a href="x>`, `<!-- x >`) is dropped up to the next ">" or
      "<" (not to swallow a <script> tag), and with no ">" after it
      (`Read more <a href="http://ex`) to the end, as in a browser; HTMLParser shows it
      as text. So a plain-text "x<y" loses "<y", as in a browser ("x < y" is kept);
    - a start tag HTMLParser gives up on (`<a\x00>`) is dropped; HTMLParser shows "<a";
    - `<![` without a known keyword is a bogus comment, dropped up to the next ">" as in
      a browser; HTMLParser raises AssertionError.
    """
    parts: list[str] = []
    skipping = 0  # open script/style/... elements: their text is dropped
    last_gt = markup.rfind(">")
    next_gt = -1
    unclosed: dict[re.Pattern[str], int] = {}  # for _search
    pos = 0
    while match := _TAG_OR_LT.search(markup, pos):
        start = match.start()
        if start > pos and not skipping:
            parts.append(unescape(markup[pos:start]))
        pos = match.end()
        start_tag, slash, end_tag = match.groups()
        if start_tag:
            tag, kind = start_tag.lower(), "startend" if slash else "start"
        elif end_tag:
            tag, kind = end_tag.lower(), "end"
        elif start > last_gt:  # nothing can end: text up to the first unterminated markup
            cut = _MARKUP_OPEN.search(markup, start)
            if not skipping:
                parts.append(unescape(markup[start : cut.start() if cut else None]))
            return "".join(parts)
        else:
            pos, tag, kind = _read_markup(markup, start, unclosed)
            if pos < 0:  # unterminated: dropped up to the next ">" or "<", whichever is first
                if next_gt < start:
                    next_gt = markup.find(">", start)
                lt = markup.find("<", start + 1, next_gt)
                pos = lt if lt >= 0 else next_gt + 1
            if kind == "text" and not skipping:
                parts.append("<")
            if kind not in ("start", "startend", "end"):
                continue
        if kind != "end":
            if tag in _SKIP_TAGS:
                skipping += 1
                if kind == "start" and tag in _CDATA_END:
                    cdata_end = _CDATA_END[tag].search(markup, pos)
                    if cdata_end is None:  # never closed: the rest is script
                        return "".join(parts)
                    pos, kind = cdata_end.end(), "end"
            else:
                parts.append(_OPEN.get(tag, ""))
        if kind != "start":
            if tag in _SKIP_TAGS:
                skipping = max(0, skipping - 1)
            else:
                parts.append(_CLOSE.get(tag, ""))
    if not skipping:
        parts.append(unescape(markup[pos:]))
    return "".join(parts)


def _read_markup(
    markup: str, i: int, unclosed: dict[re.Pattern[str], int]
) -> tuple[int, str, str | None]:
    """(end, tag, kind) for markup[i] == "<", a ">" after it, as HTMLParser.goahead reads it.

    kind: "start", "startend" or "end" for a tag; "text" for a "<" that is just text
    (as in "a < b"); None for what shows nothing: a comment, declaration, processing
    instruction. end is -1 for unterminated markup.
    """
    if _START_TAG_OPEN.match(markup, i):
        return _read_start_tag(markup, i)
    if markup.startswith("</", i):
        gt = markup.find(">", i + 1)
        found = _END_TAG_FIND.match(markup, i)
        if found:
            return found.end(), found.group(1).lower(), "end"
        found = _TAG_FIND.match(markup, i + 2)  # </p class="x">: the name, junk ignored
        if found:
            return gt + 1, found.group(1).lower(), "end"
        return gt + 1, "", None  # </> or a bogus comment </...>
    if markup.startswith("<!--", i):
        found = _search(_COMMENT_CLOSE, markup, i + 4, unclosed)
        return (found.end() if found else -1), "", None
    if markup.startswith("<![", i):
        name = _DECL_NAME.match(markup, i + 3)
        close = name and _MARKED_SECTION_CLOSE.get(name.group().strip().lower())
        if close:
            found = _search(close, markup, i + 3, unclosed)
            return (found.end() if found else -1), "", None
        # Else HTMLParser raises AssertionError: a bogus comment, as <!...> below.
    if markup.startswith(("<?", "<!"), i):  # <?pi>, <!doctype>, bogus comment <!...>
        return markup.find(">", i + 2) + 1, "", None
    return i + 1, "", "text"


def _read_start_tag(markup: str, i: int) -> tuple[int, str, str | None]:
    # HTMLParser.check_for_whole_start_tag, then parse_starttag.
    j = _LOCATE_START_TAG_END.match(markup, i).end()
    after = markup[j : j + 1]
    if after == ">":
        end = j + 1
    elif markup.startswith("/>", j):
        end = j + 2
    elif not after or after in "abcdefghijklmnopqrstuvwxyz=/ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        return -1, "", None
    else:
        end = j  # HTMLParser shows markup[i:j] as text; we drop it
    found = _TAG_FIND.match(markup, i + 1)
    tag, k = found.group(1).lower(), found.end()
    while k < end and (attr := _ATTR_FIND.match(markup, k)):
        k = attr.end()
    close = markup[k:end].strip()
    if close == ">":
        return end, tag, "start"
    if close == "/>":
        return end, tag, "startend"
    return end, "", None


def _search(
    pattern: re.Pattern[str], markup: str, i: int, unclosed: dict[re.Pattern[str], int]
) -> re.Match[str] | None:
    # pattern.search, remembering where it failed, as it fails from anywhere later too:
    # a thousand unclosed "<!--" cost one scan to the end, not a thousand.
    if i >= unclosed.get(pattern, len(markup) + 1):
        return None
    found = pattern.search(markup, i)
    if found is None:
        unclosed[pattern] = i
    return found


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


def _html_to_text_reference(markup: str) -> str:
    """The former html_to_text, on html.parser: slow; the tests' oracle for html_to_text."""
    from html.parser import HTMLParser  # only the tests come here

    parts: list[str] = []
    skipping = 0

    class TextExtractor(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            nonlocal skipping
            if tag in _SKIP_TAGS:
                skipping += 1
            elif tag in _BLOCK_TAGS:
                parts.append("\n")
                if tag == "li":
                    parts.append("• ")

        def handle_endtag(self, tag: str) -> None:
            nonlocal skipping
            if tag in _SKIP_TAGS:
                skipping = max(0, skipping - 1)
            elif tag in _BLOCK_TAGS:
                parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not skipping:
                parts.append(data)

    if not markup:
        return ""
    if "<" not in markup:
        return _tidy_reference(unescape(markup))
    parser = TextExtractor(convert_charrefs=True)
    parser.feed(markup)
    parser.close()
    return _tidy_reference("".join(parts))


def _tidy_reference(text: str) -> str:
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
