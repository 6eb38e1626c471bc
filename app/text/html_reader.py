r"""Any feed HTML read tag by tag as html.parser.HTMLParser (CPython 3.11) reads it, for
what sanitize's fast paths decline (script, style, odd markup, a stray "<").

read_html loops over the tags html_tags.TAG_OR_LT finds; _read_markup, written after
HTMLParser's own code, reads what is left at a "<". Where HTMLParser shows markup as
text, or fails, this differs, on the safe side:
- unterminated markup (`<a href="x>`, `<!-- x >`) is dropped up to the next ">" or "<"
  (not to swallow a <script> tag), and with no ">" after it (`Read more <a href="http://ex`)
  to the end, as in a browser; HTMLParser shows it as text. So a plain-text "x<y" loses
  "<y", as in a browser ("x < y" is kept);
- a start tag HTMLParser gives up on (`<a\x00>`) is dropped; HTMLParser shows "<a";
- `<![` without a known keyword is a bogus comment, dropped up to the next ">" as in a
  browser; HTMLParser raises AssertionError.
"""

from __future__ import annotations

import re
from html import unescape

from app.text import html_tags

# Assigned, not imported by name: CPython 3.11 calls a method of a name bound by an import
# (`OPEN.get`, `TAG_OR_LT.search`) without LOAD_METHOD: this loop ran ~12% slower.
_CDATA_END = html_tags.CDATA_END
_CLOSE = html_tags.CLOSE
_COMMENT_CLOSE = html_tags.COMMENT_CLOSE
_MARKUP_OPEN = html_tags.MARKUP_OPEN
_OPEN = html_tags.OPEN
_SKIP_TAGS = html_tags.SKIP_TAGS
_TAG_OR_LT = html_tags.TAG_OR_LT

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
_DECL_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_MARKED_SECTION_CLOSE = {
    **dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), re.compile(r"]\s*]\s*>")),
    **dict.fromkeys(("if", "else", "endif"), re.compile(r"]\s*>")),
}


def read_html(markup: str) -> str:
    """html_to_text before _tidy, for any markup: tag by tag, as HTMLParser reads it."""
    parts: list[str] = []
    skipping = 0  # open script/style/... elements: their text is dropped
    last_gt = markup.rfind(">")
    next_gt = -1
    unclosed: dict[re.Pattern[str], int] = {}  # for _search
    pos = 0
    kind: str | None  # as _read_markup gives it
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
    located = _LOCATE_START_TAG_END.match(markup, i)
    assert located is not None  # matches any "<" and letter, as _START_TAG_OPEN found
    j = located.end()
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
    assert found is not None  # a letter at i + 1, as _START_TAG_OPEN found
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
