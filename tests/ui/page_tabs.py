"""Showing each tab of a page in turn, so a walk over the window sees what hides behind
its tabs (Cadence's Plan and Posts log, People's Everyone)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QTabWidget, QWidget


def each_tab(page: QWidget, qtbot) -> Iterator[str]:
    """Yield with each tab of `page` shown (first as it is), then show the first tabs again."""
    tabs = page.findChildren(QTabWidget)
    yield "as shown"
    for tab_widget in tabs:
        for index in range(tab_widget.count()):
            tab_widget.setCurrentIndex(index)
            qtbot.wait(20)
            yield tab_widget.tabText(index)
    for tab_widget in tabs:
        tab_widget.setCurrentIndex(0)
