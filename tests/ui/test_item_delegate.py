"""Inbox rows: text cut to the row's width with an ellipsis, as Qt's own elision does."""

from PySide6.QtGui import QFont, QFontMetrics

from app.ui.views.item_delegate import ItemDelegate, elide_right


def _metrics(qapp) -> QFontMetrics:
    return QFontMetrics(QFont(qapp.font()))


def test_text_that_fits_is_unchanged(qapp):
    metrics = _metrics(qapp)
    text = "Platform Weekly · 2 days ago"
    assert elide_right(text, metrics, metrics.horizontalAdvance(text)) == text


def test_long_text_is_cut_to_the_width_with_an_ellipsis(qapp):
    metrics = _metrics(qapp)
    text = "Internal developer platforms are products, not projects " * 4
    for width in (40, 120, 300):
        cut = elide_right(text, metrics, width)
        assert cut.endswith("…")
        assert metrics.horizontalAdvance(cut) <= width
        assert text.startswith(cut[:-1].rstrip())
        # One more character would not have fitted.
        longer = text[: len(cut[:-1]) + 1].rstrip() + "…"
        assert metrics.horizontalAdvance(longer) > width or longer == cut


def test_no_room_gives_nothing(qapp):
    assert elide_right("Anything at all", _metrics(qapp), 1) == ""


def test_a_long_title_takes_two_lines_and_ends_with_an_ellipsis(qapp):
    metrics = _metrics(qapp)
    title = "Why the golden path beats the paved road when your platform team is small " * 3
    width = 240
    two = ItemDelegate._elide_two_lines(title, metrics, width)
    first, second = two.split("\n")
    assert metrics.horizontalAdvance(first) <= width
    assert metrics.horizontalAdvance(second) <= width
    assert second.endswith("…")
    assert title.startswith(first)
