"""The sidebar's list of pages: roomy rows, the current page on a rounded highlight, and a
ring around it while the list has the keyboard focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QFrame, QListWidget, QStyledItemDelegate, QWidget

from app.i18n import _
from app.ui.views.item_delegate import draw_line
from app.ui.views.rounded import ROLE, paint_panel

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

PAD_X, PAD_Y, GAP, RADIUS = 10, 8, 1, 6
SCALE = 11 / 9  # of the system font: the pages a little larger than body text


class NavDelegate(QStyledItemDelegate):
    """Paints a page's row; the highlight follows the list's selection."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(160, height + 2 * (PAD_Y + GAP))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Asked of the view rather than option.state, which needs QStyle's enums loaded.
        selected = self._view.selectionModel().isSelected(index)
        palette = option.palette
        group = QPalette.ColorGroup.Active
        rect = QRectF(option.rect).adjusted(0, GAP, 0, -GAP)
        if selected:
            ring = palette.brush(group, ROLE.HighlightedText) if self._view.hasFocus() else None
            paint_panel(painter, rect, RADIUS, palette.brush(group, ROLE.Highlight), ring, 2.0)
        text = palette.brush(group, ROLE.HighlightedText if selected else ROLE.Text)
        metrics = QFontMetrics(option.font)
        top = rect.top() + (rect.height() - metrics.height()) / 2
        at = QPointF(rect.left() + PAD_X, top)
        draw_line(painter, str(index.data() or ""), option.font, text, at)


class NavList(QListWidget):
    """A frameless list on the sidebar's own background."""

    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nav")
        self.setAccessibleName(_("Pages"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * SCALE)
        self.setFont(font)
        # The sidebar's background shows through: transparent, not the Window colour
        # copied now, which would stay when the palette changes (View › Appearance).
        palette = self.palette()
        palette.setColor(ROLE.Base, QColor(0, 0, 0, 0))
        self.setPalette(palette)
        self.setItemDelegate(NavDelegate(self))
        self.addItems(names)
