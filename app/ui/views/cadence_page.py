"""The Cadence page: is the user's presence steady? Overview (summary, this week, streak,
score line, year heatmap, theme coverage, content mix), the plan, and the posts log."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.cadence.coverage import ThemeCoverage
from app.cadence.report import CadenceReport
from app.cadence.score import score_percent
from app.planner import Planner
from app.ui.views.heatmap import YearHeatmap
from app.ui.views.plan_view import PlanView
from app.ui.views.score_chart import ScoreChart
from app.ui.views.share_bars import Bar, ShareBars

OVERVIEW, PLAN, LOG = 0, 1, 2
NEW_USER_HINT = (
    "Your cadence starts with your first post. Draft one from the inbox and mark it "
    "posted, or add a post you already made elsewhere: it counts too."
)


class StatTile(QFrame):
    """A caption, a big figure and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(caption.upper())
        title.setObjectName("tileCaption")
        self.figure = QLabel()
        self.figure.setObjectName("tileFigure")
        font = self.figure.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.figure.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("tileDetail")
        self.detail.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(self.figure)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_value(self, figure: str, detail: str) -> None:
        self.figure.setText(figure)
        self.detail.setText(detail)


def _section(title: str, body: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 8, 0, 0)
    layout.setSpacing(6)
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    layout.addWidget(body)
    return box


class CadencePage(QWidget):
    """Reads the planner's cadence report; `reload()` after anything that changes posts."""

    open_draft = Signal(int)
    inbox_requested = Signal()
    schedule_requested = Signal()
    posts_changed = Signal()
    message = Signal(str)
    failed = Signal(str)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.report: CadenceReport | None = None

        self.summary = QLabel()
        self.summary.setObjectName("cadenceSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.summary.setFont(font)
        self.hint = QLabel(NEW_USER_HINT)
        self.hint.setObjectName("cadenceHint")
        self.hint.setWordWrap(True)
        self.add_post_button = QPushButton("Add a post you made…")
        self.add_post_button.clicked.connect(self.add_post)
        inbox_button = QPushButton("Go to the inbox")
        inbox_button.clicked.connect(self.inbox_requested)
        self.empty = QWidget()
        empty_row = QHBoxLayout(self.empty)
        empty_row.setContentsMargins(0, 0, 0, 0)
        empty_row.addWidget(self.hint, 1)
        empty_row.addWidget(self.add_post_button)
        empty_row.addWidget(inbox_button)

        self.week_tile = StatTile("This week")
        self.week_tile.bar.show()
        self.streak_tile = StatTile("Streak")
        self.score_tile = StatTile("Presence score")
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in (self.week_tile, self.streak_tile, self.score_tile):
            tiles.addWidget(tile, 1)

        self.chart = ScoreChart()
        self.chart.setMinimumHeight(170)
        self.heatmap = YearHeatmap()
        self.themes = ShareBars()
        self.mix = ShareBars()
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        columns.addWidget(_section("Themes, last 90 days", self.themes), 0, 0)
        mix = _section("Content mix, last 90 days, against your target", self.mix)
        columns.addWidget(mix, 0, 1)

        overview = QWidget()
        body = QVBoxLayout(overview)
        body.setContentsMargins(20, 16, 20, 16)
        body.setSpacing(10)
        body.addWidget(self.summary)
        body.addWidget(self.empty)
        body.addLayout(tiles)
        body.addWidget(_section("Presence score, last 180 days", self.chart))
        body.addWidget(_section("Posts over the last year", self.heatmap))
        body.addLayout(columns)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(overview)

        self.plan = PlanView(planner)
        self.plan.open_draft.connect(self.open_draft)
        self.plan.schedule_requested.connect(self.schedule_requested)
        self.plan.message.connect(self.message)
        self.plan.failed.connect(self.failed)
        self.plan.changed.connect(lambda: self.reload(log=False))

        from app.ui.views.posts_log_view import PostsLogView

        self.log = PostsLogView(planner.cadence.log, planner.strategy.themes)
        self.log.changed.connect(self._posts_changed)
        self.log.message.connect(self.message)
        self.log.failed.connect(self.failed)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, "Overview")
        self.tabs.addTab(self.plan, "Plan")
        self.tabs.addTab(self.log, "Posts log")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.reload()

    def reload(self, *, log: bool = True) -> None:
        """Recompute every figure from the posts log and show it; `log`: re-read the
        log's table too (not when the change came from it)."""
        if log:
            self.log.reload()
        report = self._planner.cadence.report()
        self.report = report
        self.summary.setText(report.summary)
        self.empty.setVisible(report.total_posts == 0)
        self._show_week(report)
        run = report.streak
        self.streak_tile.show_value(
            f"{run.weeks} week{'s' * (run.weeks != 1)}",
            f"Longest: {run.longest} week{'s' * (run.longest != 1)}. "
            + (
                "This week already counts."
                if run.current_week_met
                else "This week counts once its target is met."
            ),
        )
        self.score_tile.show_value(f"{score_percent(report.score)}%", self._score_trend(report))
        self.chart.set_series(report.series, report.today)
        self.heatmap.set_days(report.day_counts, report.today, report.week_target)
        self.themes.set_bars(
            [Bar(t.name, t.color, t.share_90, None, _theme_detail(t)) for t in report.themes],
            "Add career themes in the strategy to see how you cover them.",
        )
        self.mix.set_bars(
            [
                Bar(p.label.capitalize(), "", p.actual, p.target, f"{p.posts} posts")
                for p in report.mix
            ]
            if report.total_posts
            else [],
            "Your mix of shares, original posts and credits appears after a few posts.",
        )
        self.plan.reload()

    def _show_week(self, report: CadenceReport) -> None:
        done, target = report.week_posts, report.week_target
        self.week_tile.bar.setRange(0, max(1, target))
        self.week_tile.bar.setValue(min(done, target))
        if done >= target:
            detail = "Target met: this week counts towards your streak."
        elif report.behind:
            detail = f"Behind: {report.expected_now} expected by now. One post catches up."
        else:
            detail = f"On track. {target - done} more this week."
        self.week_tile.show_value(f"{done} of {target}", detail)

    @staticmethod
    def _score_trend(report: CadenceReport) -> str:
        if not report.series:
            return "Climbs as you post, week after week."
        change = score_percent(report.score) - score_percent(report.score_week_ago)
        if change > 0:
            return f"Up {change} points on last week."
        if change < 0:
            return f"Down {-change} points on last week: it decays while you are quiet."
        return "Level with last week."

    def add_post(self) -> None:
        self.tabs.setCurrentIndex(LOG)
        self.log.add_post()

    def _posts_changed(self) -> None:
        self.reload(log=False)
        self.posts_changed.emit()


def _theme_detail(theme: ThemeCoverage) -> str:
    """'57% in 30 days · last this week' (the bar is the 90 days' share)."""
    quiet = theme.weeks_quiet
    if quiet is None:
        return "never posted on"
    last = "last this week" if quiet == 0 else f"last {quiet} week{'s' * (quiet != 1)} ago"
    return f"{score_percent(theme.share_30)}% in 30 days · {last}"
