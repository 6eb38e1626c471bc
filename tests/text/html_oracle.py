"""The former html_to_text, on html.parser: slow, the tests' oracle for html_to_text."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from app.text.html_tags import BLOCK_TAGS, SKIP_TAGS


def html_to_text_reference(markup: str) -> str:
    """What html_to_text gave when it was written on html.parser."""
    parts: list[str] = []
    skipping = 0

    class TextExtractor(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            nonlocal skipping
            if tag in SKIP_TAGS:
                skipping += 1
            elif tag in BLOCK_TAGS:
                parts.append("\n")
                if tag == "li":
                    parts.append("• ")

        def handle_endtag(self, tag: str) -> None:
            nonlocal skipping
            if tag in SKIP_TAGS:
                skipping = max(0, skipping - 1)
            elif tag in BLOCK_TAGS:
                parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not skipping:
                parts.append(data)

    if not markup:
        return ""
    if "<" not in markup:
        return tidy_reference(unescape(markup))
    parser = TextExtractor(convert_charrefs=True)
    parser.feed(markup)
    parser.close()
    return tidy_reference("".join(parts))


def tidy_reference(text: str) -> str:
    """What _tidy gave when it was written with re.sub."""
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
