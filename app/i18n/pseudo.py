"""The pseudo-locale: every string 40% longer and accented, so a test and a screenshot
show text that clips and text that never went through `_` (docs/TRANSLATION.md)."""

from __future__ import annotations

import gettext
import re

# What must survive unchanged: {fields}, %-formats, HTML tags and entities, and
# accelerators' "&&".
_KEEP = re.compile(
    r"\{[^{}]*\}|%(?:\([a-z_]+\))?[-+ 0#]*\d*(?:\.\d+)?[sdifr%]|<[^<>]*>|&[a-z]+;|&#\d+;|&&"
)
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšŧûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŦÛṼŴẊÝŽ",
)
OPEN, CLOSE = "⟦", "⟧"
GROWTH = 0.4


def pseudo(message: str) -> str:
    """ "Refresh {count} feeds" → "⟦Ŕéƒŕéšĥ {count} ƒééðš·········⟧"."""
    if not message:
        return message
    pieces: list[str] = []
    last = 0
    for found in _KEEP.finditer(message):
        pieces.append(message[last : found.start()].translate(_ACCENTS))
        pieces.append(found.group())
        last = found.end()
    pieces.append(message[last:].translate(_ACCENTS))
    text = "".join(pieces)
    padding = "·" * max(1, round(len(message) * GROWTH) - 2)
    # Keep a string's trailing line break outside, as layouts rely on it.
    tail = "\n" if text.endswith("\n") else ""
    return f"{OPEN}{text.rstrip(chr(10))}{padding}{CLOSE}{tail}"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
