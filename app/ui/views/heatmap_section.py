"""The Cadence page's heatmap with its title and a choice of year: the last 12 months, or
any earlier year the posts log reaches back to (an imported history may go back a
decade; docs/HISTORY.md). Break days are shaded in every year."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import N_, _, formats, ngettext
from app.ui.look import quiet
from app.ui.views.heatmap import WEEKS, YearHeatmap

if TYPE_CHECKING:
    from app.cadence.report import CadenceReport
    from app.types import Break

LAST_YEAR = N_("Last 12 months")


class HeatmapSection(QWidget):
    """Title, 'n posts since Mar 2016', the year picker (shown when the posts reach
    back past the last 12 months) and the heatmap; `show_report` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heatmap = YearHeatmap()
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.since = quiet(QLabel())
        self.since.setObjectName("heatmapSince")
        self.years = QComboBox()
        self.years.setObjectName("heatmapYear")
        self.years.setToolTip(_("Look back at an earlier year"))
        self.years.currentIndexChanged.connect(lambda _index: self._show())
        self._counts: Mapping[date, int] = {}
        self._breaks: Sequence[Break] = ()
        self._today: date | None = None  # the report's; nothing shows before one
        self._total, self._first = 0, ""
        self._target = 3
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title)
        header.addSpacing(8)
        header.addWidget(self.since)
        header.addStretch(1)
        header.addWidget(self.years)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.heatmap)
        self.title.setText(_("Posts over the last year"))

    def show_report(self, report: CadenceReport) -> None:
        """The report's posts per day, breaks and target; the year looked at stays."""
        self._counts, self._breaks = report.day_counts, report.breaks
        self._today, self._target = report.today, report.week_target
        first = min(report.day_counts, default=None)
        years = [str(y) for y in range(report.today.year - 1, first.year - 1, -1)] if first else []
        shown = self.years.currentText()
        self.years.blockSignals(True)
        self.years.clear()
        self.years.addItems([_(LAST_YEAR), *years])
        self.years.setCurrentIndex(max(0, self.years.findText(shown)))
        self.years.blockSignals(False)
        # Only worth choosing when the posts reach back past the last 12 months' grid.
        today = report.today
        older = first is not None and first < today - timedelta(today.weekday() + 7 * (WEEKS - 1))
        self.years.setVisible(older)
        self._total = sum(report.day_counts.values())
        self._first = formats.month_year(first) if older and first else ""
        self._show()

    def show_year(self, year: int | None) -> None:
        """Look at `year` (None: the last 12 months)."""
        self.years.setCurrentIndex(max(0, self.years.findText(str(year))) if year else 0)

    def year(self) -> int | None:
        """The year looked at; None for the last 12 months."""
        text = self.years.currentText()
        return int(text) if text.isdigit() else None

    def _show(self) -> None:
        if self._today is None:
            return
        year = self.year()
        end = date(year, 12, 31) if year else None
        if year:
            self.title.setText(_("Posts in {year}").format(year=year))
        else:
            self.title.setText(_("Posts over the last year"))
        since = ""
        if self._first:
            # Translators: {since} is a month, "Mar 2016".
            since = ngettext(
                "{count} post since {since}", "{count} posts since {since}", self._total
            ).format(count=formats.number(self._total), since=self._first)
        if year:
            that_year = sum(n for day, n in self._counts.items() if day.year == year)
            # Translators: posts in the year looked at, then "1,234 posts since Mar 2016".
            since = ngettext(
                "{count} that year · {since}", "{count} that year · {since}", that_year
            ).format(count=formats.number(that_year), since=since)
        self.since.setText(since)
        self.heatmap.set_days(self._counts, self._today, self._target, self._breaks, end)
