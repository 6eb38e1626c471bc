"""UTF-16 positions (QTextCursor's unit) and str indices, both ways."""

import pytest

from app.compose.utf16 import index_from_utf16, utf16_offset

FAMILY = "👨‍👩‍👧‍👦"  # 7 code points, 11 UTF-16 units


def test_utf16_offsets_for_qt():
    text = "a😷b" + FAMILY
    assert [utf16_offset(text, i) for i in range(len(text) + 1)] == [
        0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15,
    ]  # fmt: skip
    assert [index_from_utf16(text, u) for u in range(16)] == [
        0, 1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 7, 8, 9, 9, 10,
    ]  # fmt: skip
    assert utf16_offset("abc", 2) == 2
    with pytest.raises(IndexError):
        utf16_offset(text, len(text) + 1)
    with pytest.raises(IndexError):
        index_from_utf16(text, 16)
    with pytest.raises(IndexError):
        index_from_utf16("abc", 4)
