"""`digwell cadence` and `digwell plan`: the page's figures and the plan, for scripts."""

import json
import time

import pytest
from icalendar import Calendar

from app.cli import main

# Wednesday 2 December 2026, 10:00 UTC: a clock the commands read (see app.clock).
NOW = "2026-12-02T10:00:00+00:00"


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    """The commands' clock, in UTC as the machine's local zone (slots are local times)."""
    monkeypatch.setenv("DIGWELL_NOW", NOW)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cadence_json_has_the_documented_keys_and_agrees_with_the_report(tmp_path, capsys):
    from app.cadence.score import score_percent
    from app.clock import default_clock
    from app.planner import Planner

    code, out, _ = _run(capsys, "cadence", "--demo", "--data-dir", str(tmp_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {
        "score", "streak_weeks", "week_posts", "week_target", "mix", "themes", "summary"
    }  # fmt: skip
    assert set(data["mix"]) == {"share", "original", "credit"}
    assert sum(part["posts"] for part in data["mix"].values()) > 0
    assert [t["name"] for t in data["themes"]][:1] == ["Platform engineering"]
    planner = Planner.open(tmp_path, clock=default_clock())  # the command's clock
    try:
        report = planner.cadence.report()
    finally:
        planner.close()
    assert data["streak_weeks"] == report.streak.weeks == 9
    assert data["week_posts"] == report.week_posts and data["week_target"] == 3
    assert data["score"] == score_percent(report.score)
    assert data["summary"] == report.summary
    assert data["summary"].startswith(f"Steady: 9-week streak, score {data['score']}%")


def test_cadence_on_an_empty_log_tells_a_new_user_what_to_do(tmp_path, capsys):
    code, out, _ = _run(capsys, "cadence", "--data-dir", str(tmp_path))
    assert code == 0
    assert out.startswith("Not started: log your first post")
    code, out, _ = _run(capsys, "cadence", "--data-dir", str(tmp_path), "--json")
    data = json.loads(out)
    assert (data["score"], data["streak_weeks"], data["week_posts"]) == (0, 0, 0)


def test_cadence_text_lists_this_week_score_streak_mix_and_themes(tmp_path, capsys):
    code, out, _ = _run(capsys, "cadence", "--demo", "--data-dir", str(tmp_path))
    assert code == 0
    for label in ("This week", "Score", "Streak", "Mix, 90 days", "AI governance"):
        assert label in out


def test_plan_lists_four_weeks_of_slots(tmp_path, capsys):
    code, out, _ = _run(capsys, "plan", "--data-dir", str(tmp_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["days"] == ["Tue", "Wed", "Thu"] and data["time"] == "09:00"
    # Wednesday 10:00: this week's Thursday, then three whole weeks and next Tue-Wed.
    assert len(data["slots"]) == 12
    assert data["slots"][0]["at"] == "2026-12-03T09:00:00+00:00"


def test_a_schedule_without_days_posts_every_day():
    from datetime import time

    from app.commands.plan import _posting_on

    assert _posting_on("", time(9, 0)) == "Posting every day at 09:00."
    assert _posting_on("Mon, Fri", time(8, 15)) == "Posting on Mon, Fri at 08:15."


def test_plan_schedule_then_draft_next_then_export(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path)]
    code, out, _ = _run(capsys, "plan", "schedule", "--days", "mon,FRI", "--time", "8:15", *base)
    assert code == 0 and out.strip() == "Posting on Mon, Fri at 08:15."
    from app.planner import Planner

    planner = Planner.open(tmp_path)
    try:
        draft_id = planner.drafting.new_draft([], text="An original thought.").id
    finally:
        planner.close()
    code, out, _ = _run(capsys, "plan", "draft", str(draft_id), "--next", *base)
    assert code == 0 and "Fri 2026-12-04 08:15" in out
    code, out, _ = _run(capsys, "plan", "--json", *base)
    first = json.loads(out)["slots"][0]
    assert [d["id"] for d in first["drafts"]] == [draft_id]
    target = tmp_path / "plan.ics"
    code, out, _ = _run(capsys, "plan", "export", str(target), "--weeks", "2", *base)
    assert code == 0 and out.startswith("Wrote 4 posting slots")
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert str(events[0]["summary"]).startswith("Post on LinkedIn: An original thought")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plan", "schedule", "--days", "funday"], "'funday' is not a day of the week"),
        (["plan", "schedule", "--time", "25:00"], "'25:00' is not a time of day"),
        (["plan", "draft", "99", "--at", "2026-12-08 09:00"], "There is no draft 99"),
        (["plan", "draft", "1", "--at", "next tuesday"], "is not a time Digwell understands"),
        (["plan", "--weeks", "0"], "--weeks must be from 1 to 52"),
    ],
)
def test_plan_mistakes_are_clear_messages(tmp_path, capsys, argv, message):
    code, _, err = _run(capsys, *argv, "--data-dir", str(tmp_path))
    assert code == 2 and message in err


def test_the_plan_commands_default_is_the_plans():
    from app.cadence.plan import PLAN_WEEKS
    from app.commands import plan

    assert plan.PLAN_WEEKS == PLAN_WEEKS
