"""The Cadence page: is the user's presence steady? Overview (a banner while on a break,
summary, this week, streak, comments and replies, this month's gives, score line, the
heatmap of a year, planned breaks, theme coverage, content mix), the plan, and the posts
log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from app.i18n import N_, _, formats, ngettext, pgettext
from app.planner import Planner
from app.types import Changes
from app.ui.views.breaks_view import BreaksView
from app.ui.views.gives_card import GivesCard
from app.ui.views.heatmap_section import HeatmapSection
from app.ui.views.plan_view import PlanView
from app.ui.views.score_chart import ScoreChart
from app.ui.views.share_bars import Bar, ShareBars

OVERVIEW, PLAN, LOG = 0, 1, 2
NEW_USER_HINT = N_(
    "Your cadence starts with your first post. Draft one from the inbox and mark it "
    "posted, add a post you already made elsewhere, or import your history from a "
    "LinkedIn, X, Mastodon or Bluesky export: it all counts."
)
ENGAGEMENT_WEEKS = 12
# The content mix's parts, as the bars name them (by the part's kind).
MIX_TITLES = {
    "share": N_("Sharing others' work"),
    "original": N_("Original thoughts"),
    "credit": N_("Crediting or helping people"),
}


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
    """Reads the planner's cadence report; `apply_changes` reads it again when posts,
    the plan, the schedule or the strategy changed."""

    open_draft = Signal(int)
    inbox_requested = Signal()
    schedule_requested = Signal()
    history_requested = Signal()  # File › Import history…
    message = Signal(str)
    failed = Signal(str)

    def __init__(self, planner: Planner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._planner = planner
        self.report: CadenceReport | None = None
        self.plan = PlanView(planner)
        self.plan.open_draft.connect(self.open_draft)
        self.plan.schedule_requested.connect(self.schedule_requested)
        self.plan.message.connect(self.message)
        self.plan.failed.connect(self.failed)

        from app.ui.views.posts_log_view import PostsLogView

        self.log = PostsLogView(planner.cadence.log, planner.strategy.themes, load=False)
        self.log.message.connect(self.message)
        self.log.failed.connect(self.failed)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Cadence views"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_overview(), _("Overview"))
        self.tabs.addTab(self.plan, pgettext("noun", "Plan"))
        self.tabs.addTab(self.log, _("Posts log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.reload()

    def _build_overview(self) -> QScrollArea:
        """Summary, the week's, streak and score tiles, the score line, the heatmap,
        theme coverage and content mix, in a scroll area."""
        body = QVBoxLayout()
        body.setContentsMargins(20, 16, 20, 16)
        body.setSpacing(10)
        self.breaks = BreaksView(self._planner)
        self.breaks.message.connect(self.message)
        self.breaks.failed.connect(self.failed)
        body.addWidget(self.breaks.banner)
        body.addWidget(self._build_summary())
        body.addWidget(self._build_empty())
        body.addLayout(self._build_tiles())
        self.engagement = QLabel()
        self.engagement.setObjectName("engagementLine")
        body.addWidget(self.engagement)
        self.gives = GivesCard(self._planner.people)
        body.addWidget(_section(_("Giving, this month"), self.gives))
        self.chart = ScoreChart()
        self.chart.setMinimumHeight(170)
        self.heat = HeatmapSection()
        self.heatmap = self.heat.heatmap
        body.addWidget(_section(_("Presence score, last 180 days"), self.chart))
        body.addWidget(self.heat)
        body.addWidget(_section(_("Planned breaks"), self.breaks))
        self.themes = ShareBars()
        self.mix = ShareBars()
        columns = QGridLayout()
        columns.setHorizontalSpacing(24)
        top = Qt.AlignmentFlag.AlignTop  # headings level when one has more rows
        columns.addWidget(_section(_("Themes, last 90 days"), self.themes), 0, 0, top)
        mix = _section(_("Content mix, last 90 days, against your target"), self.mix)
        columns.addWidget(mix, 0, 1, top)
        body.addLayout(columns)
        body.addStretch(1)
        overview = QWidget()
        overview.setLayout(body)
        scroll = QScrollArea()
        scroll.setAccessibleName(_("Cadence overview"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(overview)
        return scroll

    def _build_summary(self) -> QLabel:
        self.summary = QLabel()
        self.summary.setObjectName("cadenceSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.summary.setFont(font)
        return self.summary

    def _build_empty(self) -> QWidget:
        """What a new user can do: add a post made elsewhere, or go to the inbox."""
        self.hint = QLabel(_(NEW_USER_HINT))
        self.hint.setObjectName("cadenceHint")
        self.hint.setWordWrap(True)
        self.add_post_button = QPushButton(_("Add a post you made…"))
        self.add_post_button.clicked.connect(self.add_post)
        inbox_button = QPushButton(_("Go to the inbox"))
        inbox_button.clicked.connect(self.inbox_requested)
        self.history_button = QPushButton(_("Import your history…"))
        self.history_button.setToolTip(
            _("Your posts from a LinkedIn, X, Mastodon or Bluesky export")
        )
        self.history_button.clicked.connect(self.history_requested)
        self.empty = QWidget()
        row = QHBoxLayout(self.empty)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_post_button)
        row.addWidget(self.history_button)
        row.addWidget(inbox_button)
        return self.empty

    def _build_tiles(self) -> QHBoxLayout:
        self.week_tile = StatTile(_("This week"))
        self.week_tile.bar.show()
        self.streak_tile = StatTile(_("Streak"))
        self.score_tile = StatTile(_("Presence score"))
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in (self.week_tile, self.streak_tile, self.score_tile):
            tiles.addWidget(tile, 1)
        return tiles

    def apply_changes(self, changes: Changes) -> None:
        """Posts, breaks, the schedule or the themes changed: every figure, the log and
        the plan again; only drafts (planned, edited, posted elsewhere): the plan; people
        or their touches: the gives."""
        if changes.posts or changes.breaks or changes.schedule or changes.strategy:
            self.reload()
            return
        if changes.drafts:
            self.plan.reload()
        if changes.people:
            self.gives.reload()

    def reload(self) -> None:
        """Read the posts log again and recompute every figure from it; the plan too."""
        self.log.reload()
        report = self._planner.cadence.report()
        self.report = report
        self.summary.setText(report.summary)
        self.empty.setVisible(report.total_posts == 0)
        self._show_week(report)
        run = report.streak
        if not run.target:
            now = _("A break week: it neither breaks nor extends your streak.")
        elif run.current_week_met:
            now = _("This week already counts.")
        else:
            now = _("This week counts once its target is met.")
        self.streak_tile.show_value(
            ngettext("{count} week", "{count} weeks", run.weeks).format(count=run.weeks),
            # Translators: {now} is a sentence on this week ("This week already counts.").
            ngettext(
                "Longest: {count} week. {now}", "Longest: {count} weeks. {now}", run.longest
            ).format(count=run.longest, now=now),
        )
        self.breaks.show_breaks(report.breaks, report.today, report.break_until)
        self._show_engagement()
        self.score_tile.show_value(
            formats.percent(score_percent(report.score)), self._score_trend(report)
        )
        self.chart.set_series(report.series, report.today)
        self.heat.show_report(report)
        self.themes.set_bars(
            [Bar(t.name, t.color, t.share_90, None, _theme_detail(t)) for t in report.themes],
            _("Add career themes in the strategy to see how you cover them."),
        )
        self.mix.set_bars(
            [
                Bar(
                    _(MIX_TITLES[p.kind]) if p.kind in MIX_TITLES else p.label.capitalize(),
                    "",
                    p.actual,
                    p.target,
                    ngettext("{count} post", "{count} posts", p.posts).format(count=p.posts),
                )
                for p in report.mix
            ]
            if report.total_posts
            else [],
            _("Your mix of shares, original posts and credits appears after a few posts."),
        )
        self.gives.reload()
        self.plan.reload()

    def _show_week(self, report: CadenceReport) -> None:
        done, target = report.week_posts, report.week_target
        self.week_tile.bar.setRange(0, max(1, target))
        self.week_tile.bar.setValue(min(done, target))
        if report.on_break:
            detail = _("On a break: nothing is expected of you until you are back.")
        elif done >= target:
            detail = _("Target met: this week counts towards your streak.")
        elif report.behind:
            detail = ngettext(
                "Behind: {count} expected by now. One post catches up.",
                "Behind: {count} expected by now. One post catches up.",
                report.expected_now,
            ).format(count=report.expected_now)
        else:
            left = target - done
            detail = ngettext(
                "On track. {count} more this week.", "On track. {count} more this week.", left
            ).format(count=left)
        # Translators: posts this week against the weekly target, "1 of 3".
        self.week_tile.show_value(_("{done} of {target}").format(done=done, target=target), detail)

    def _show_engagement(self) -> None:
        """'Comments and replies: 4 a week over the last 12 weeks' (from imports)."""
        weeks = self._planner.history.engagement_weeks(ENGAGEMENT_WEEKS)
        self.engagement.setText(engagement_text([n for _monday, n in weeks]))
        self.engagement.setVisible(bool(self.engagement.text()))

    @staticmethod
    def _score_trend(report: CadenceReport) -> str:
        if report.on_break:
            return _("Frozen while you are on a break.")
        if not report.series:
            return _("Climbs as you post, week after week.")
        change = score_percent(report.score) - score_percent(report.score_week_ago)
        if change > 0:
            return ngettext(
                "Up {count} point on last week.", "Up {count} points on last week.", change
            ).format(count=change)
        if change < 0:
            return ngettext(
                "Down {count} point on last week: it decays while you are quiet.",
                "Down {count} points on last week: it decays while you are quiet.",
                -change,
            ).format(count=-change)
        return _("Level with last week.")

    def add_post(self) -> None:
        self.tabs.setCurrentIndex(LOG)
        self.log.add_post()


def engagement_text(counts: list[int]) -> str:
    """'Comments and replies: 4 a week over the last 12 weeks'; '' when there were none."""
    total, weeks = sum(counts), len(counts)
    if not total:
        return ""
    if total < weeks:  # under one a week: the count itself says more
        return ngettext(
            "Comments and replies: {count} over the last {weeks} week",
            "Comments and replies: {count} over the last {weeks} weeks",
            weeks,
        ).format(count=total, weeks=weeks)
    return ngettext(
        "Comments and replies: {count} a week over the last {weeks} week",
        "Comments and replies: {count} a week over the last {weeks} weeks",
        weeks,
    ).format(count=round(total / weeks), weeks=weeks)


def _theme_detail(theme: ThemeCoverage) -> str:
    """'57% in 30 days · last this week' (the bar is the 90 days' share)."""
    quiet = theme.weeks_quiet
    if quiet is None:
        return _("never posted on")
    if quiet == 0:
        last = _("last this week")
    else:
        last = ngettext("last {count} week ago", "last {count} weeks ago", quiet).format(
            count=quiet
        )
    # Translators: {share} is a percentage ("57%"), {last} when the theme was last posted on.
    return _("{share} in 30 days · {last}").format(
        share=formats.percent(score_percent(theme.share_30)), last=last
    )
