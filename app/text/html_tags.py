"""What each HTML tag shows as plain text, and the regexes that find tags in feed HTML.

The patterns read tags as html.parser.HTMLParser (CPython 3.11) does: names end at its
whitespace, attributes as it reads them. sanitize and html_reader share them.
"""

from __future__ import annotations

import re

BLOCK_TAGS = frozenset(
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
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object"})

OPEN = dict.fromkeys(BLOCK_TAGS, "\n") | {"li": "\n• "}  # what a start tag adds
CLOSE = dict.fromkeys(BLOCK_TAGS, "\n")  # what an end tag adds

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
TOKEN = re.compile(rf"<(?:{_TAG}|(!--).*?--\s*>)?", re.VERBOSE | re.DOTALL)  # 4: comment
TAG_OR_LT = re.compile(rf"<(?:{_TAG})?", re.VERBOSE)
# For _plain_text: the same tags as three groups, all strings but the first: the "/" of
# an end tag (else None), the name, the "/" of <br/>; no match at a "<" that starts no tag.
TAG_SPLIT = re.compile(rf"<(?:(/))?({_NAME})(?(1)|{_ATTRIBUTES}){_WS}*((?(1)|/?))>", re.VERBOSE)
MARKUP_OPEN = re.compile(r"<[a-zA-Z/!?]")
CDATA_END = {  # <script> and <style> run to their end tag, markup and all
    tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")
}
COMMENT_CLOSE = re.compile(r"--\s*>")
