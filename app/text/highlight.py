"""Search terms marked in the preview's text: case-, accent- and simple-plural-insensitive,
whole words, and every piece of text escaped on the way."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from html import escape

# Our own style, the only one a highlight carries.
HIGHLIGHT_STYLE = "background-color:#fff3a3;color:#000"
_MARK_OPEN = f'<span style="{HIGHLIGHT_STYLE}">'
_TERM_QUOTES = "\"'“”‘’«»„"


class Highlighter:
    """Escapes text and marks the terms in it: call it with the text."""

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


class _FoldTable(dict[int, str]):
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
