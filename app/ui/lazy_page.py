"""A page of a stacked widget built the first time it is wanted: start-up builds only the
page it shows (each page's modules and widgets cost start-up time)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QStackedWidget, QWidget

PageT = TypeVar("PageT", bound=QWidget)


class LazyPage(Generic[PageT]):
    """An empty widget stands in the stack until `get()` builds the page and puts it in
    the stand-in's place; `on_built(page)` wires it once it exists."""

    def __init__(
        self,
        stack: QStackedWidget,
        build: Callable[[], PageT],
        on_built: Callable[[PageT], None] | None = None,
    ) -> None:
        self._stack = stack
        self._build = build
        self._on_built = on_built
        self._stand_in: QWidget | None = QWidget()
        self.page: PageT | None = None  # None until built
        stack.addWidget(self._stand_in)

    def get(self) -> PageT:
        """The page, built on first use."""
        if self.page is None:
            page = self._build()
            stand_in, self._stand_in = self._stand_in, None
            assert stand_in is not None
            self._stack.insertWidget(self._stack.indexOf(stand_in), page)
            self._stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.page = page
            if self._on_built is not None:
                self._on_built(page)
        return self.page
