"""`digwell cadence --json` stays English whatever language the user reads
(docs/TRANSLATION.md, "What stays English"): report_json words its summary again in
English, while the report's own summary (the window, the human output) is translated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest

from app.cadence.report import build_report, report_json
from app.cadence.schedule import PostingSchedule
from app.i18n import formats, translate
from app.strategy.strategy import ContentMix
from app.types import Break, Post, Theme

UTC = timezone.utc
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    translate.use_language("en_GB")
    formats.use_locale("en_GB")


def _report():
    posts = [
        Post(id=n, posted_at=NOW - timedelta(days=3 * n + 1), platform="x", theme_id=1)
        for n in range(30)
    ]
    themes = [Theme(1, "Platform engineering"), Theme(2, "AI governance")]
    breaks = [Break(1, date(2026, 11, 20), date(2026, 12, 4))]
    return build_report(
        posts,
        themes,
        target=2,
        mix_target=ContentMix(),
        schedule=PostingSchedule(),
        now=NOW,
        tz=UTC,
        breaks=breaks,
    )


def test_the_json_summary_is_english_while_the_shown_one_is_german():
    english = _report().summary
    assert "on a break until 4 Dec" in english

    translate.use_language("de")
    formats.use_locale("de_DE")
    report = _report()
    data = report_json(report, UTC)

    assert data["summary"] == english
    assert report.summary != english
    assert "4. Dez." in report.summary
    assert "Pause" in report.summary
    # Nothing else of the report changed by wording the JSON.
    assert report_json(report, UTC)["summary"] == english
    assert translate.language() == "de" and formats.current_locale() == "de_DE"
    assert _report().summary == report.summary
