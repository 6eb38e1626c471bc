"""Positions in UTF-16 code units, the unit of QTextCursor, and back to str indices."""

from __future__ import annotations


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 position (QTextCursor's unit) of the str index `index` in `text`."""
    if not 0 <= index <= len(text):
        raise IndexError(f"index {index} is outside a text of {len(text)} characters")
    head = text[:index]
    if head.isascii():
        return index
    return len(head.encode("utf-16-le", "surrogatepass")) // 2


def index_from_utf16(text: str, offset: int) -> int:
    """The str index in `text` at UTF-16 position `offset`; inside a surrogate pair,
    the index of that character."""
    if offset < 0:
        raise IndexError(f"UTF-16 offset {offset} is negative")
    if text.isascii():
        if offset > len(text):
            raise IndexError(f"UTF-16 offset {offset} is past the end of the text")
        return offset
    units = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if offset < units + width:
            return index
        units += width
    if offset == units:
        return len(text)
    raise IndexError(f"UTF-16 offset {offset} is past the end of the text")
