"""`digwell away add|list|remove` and `digwell cadence` honouring planned breaks
(docs/CADENCE.md, "Planned breaks")."""

import json
import time

import pytest

from app.cli import main

# Wednesday 2 December 2026, 10:00 UTC: the commands' clock (see app.clock).
NOW = "2026-12-02T10:00:00+00:00"


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    monkeypatch.setenv("DIGWELL_NOW", NOW)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def away(tmp_path, capsys):
    """Runs `digwell away ...` on a fresh folder: (exit code, stdout, stderr)."""

    def run(*argv):
        code = main(["away", *argv, "--data-dir", str(tmp_path)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _json(away, *argv):
    code, out, err = away(*argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_add_prints_the_break_and_list_shows_it(away):
    code, out, _ = away("add", "--from", "2026-08-03", "--to", "2026-08-16", "--note", "Summer")
    assert code == 0
    assert out == "Away 2026-08-03 to 2026-08-16 (14 days): Summer (id 1).\n"
    code, out, _ = away("list")
    assert code == 0 and out == "     1  2026-08-03 to 2026-08-16 (14 days): Summer\n"


def test_json_breaks_have_id_from_to_and_note(away):
    added = _json(away, "add", "--from", "2026-12-24", "--to", "2026-12-24")
    assert added == {"id": 1, "from": "2026-12-24", "to": "2026-12-24", "note": ""}
    _json(away, "add", "--from", "2026-08-03", "--to", "2026-08-16", "--note", "Sommer, ☀")
    assert _json(away, "list") == [
        {"id": 2, "from": "2026-08-03", "to": "2026-08-16", "note": "Sommer, ☀"},
        {"id": 1, "from": "2026-12-24", "to": "2026-12-24", "note": ""},
    ]


def test_an_overlapping_break_is_added_and_said_to_overlap(away):
    away("add", "--from", "2026-08-03", "--to", "2026-08-16")
    code, out, _ = away("add", "--from", "2026-08-10", "--to", "2026-08-20")
    assert code == 0
    assert out.splitlines()[1] == "It overlaps break 1: the shared days count once."


def test_remove_deletes_the_break(away):
    away("add", "--from", "2026-08-03", "--to", "2026-08-16", "--note", "Summer")
    code, out, _ = away("remove", "1")
    assert code == 0 and out == "Removed break 1: 2026-08-03 to 2026-08-16 (14 days): Summer.\n"
    assert _json(away, "list") == []
    code, out, _ = away("list")
    assert out.startswith("No breaks planned.")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["add", "--from", "2026-08-16", "--to", "2026-08-03"],
            "digwell: The break ends (2026-08-03) before it starts (2026-08-16).",
        ),
        (
            ["add", "--from", "2026-13-01", "--to", "2026-12-03"],
            "--from “2026-13-01” is not a date.",
        ),
        (["add", "--from", "2026-02-01", "--to", "2026-02-30"], "--to “2026-02-30” is not a date."),
        (["add", "--from", "tomorrow", "--to", "2026-12-03"], "--from “tomorrow” is not a date."),
        (["add", "--from", "20260801", "--to", "2026-12-03"], "Use YYYY-MM-DD"),
        (
            ["remove", "7"],
            "digwell: There is no break with id 7. See the ids with: digwell away list",
        ),
        (["remove", "seven"], "“seven” is not a break id."),
        (["remove", "99999999999999999999999"], "is not a break id."),
    ],
)
def test_bad_input_is_one_clear_message_exit_2_and_changes_nothing(away, argv, message):
    away("add", "--from", "2026-08-03", "--to", "2026-08-16")
    code, out, err = away(*argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert [b["id"] for b in _json(away, "list")] == [1]


def test_a_missing_option_is_argparse_usage_and_exit_2(away, capsys):
    with pytest.raises(SystemExit) as stop:
        away("add", "--from", "2026-08-03")
    assert stop.value.code == 2
    assert "--to" in capsys.readouterr().err


# digwell cadence --------------------------------------------------------------------------


def _post(tmp_path, day: str) -> None:
    argv = ["posts", "add", "--date", day, "--time", "09:00", "--platform", "linkedin"]
    assert main([*argv, "--data-dir", str(tmp_path)]) == 0


def _cadence(tmp_path, capsys, json_out=True):
    capsys.readouterr()
    argv = ["cadence", "--data-dir", str(tmp_path)] + ["--json"] * json_out
    assert main(argv) == 0
    out = capsys.readouterr().out
    return json.loads(out) if json_out else out


def test_cadence_json_honours_breaks_and_lists_them(tmp_path, capsys, away):
    # Three posts a week in the weeks of 2, 9 and 16 November; none in the week of 23.
    for monday in ("2026-11-02", "2026-11-09", "2026-11-16"):
        for k in range(3):
            _post(tmp_path, monday[:-2] + f"{int(monday[-2:]) + k:02d}")
    before = _cadence(tmp_path, capsys)
    assert (before["streak_weeks"], before["longest_streak_weeks"]) == (0, 3)
    assert before["breaks"] == [] and before["on_break"] is False
    assert before["week_goal"] == 3 and before["week_break_days"] == 0

    away("add", "--from", "2026-11-23", "--to", "2026-11-29", "--note", "Ill")
    after = _cadence(tmp_path, capsys)
    assert (after["streak_weeks"], after["longest_streak_weeks"]) == (3, 3)
    assert after["score"] > before["score"]  # frozen over the week instead of decaying
    assert after["breaks"] == [{"id": 1, "from": "2026-11-23", "to": "2026-11-29", "note": "Ill"}]
    assert after["on_break"] is False and after["break_until"] is None

    # Wednesday (today) to Sunday of this week too: a break week.
    away("add", "--from", "2026-12-02", "--to", "2026-12-06")
    now = _cadence(tmp_path, capsys)
    assert now["on_break"] is True and now["break_until"] == "2026-12-06"
    assert now["week_goal"] == 0 and now["week_break_days"] == 5 and now["week_target"] == 3
    assert now["behind"] is False and now["streak_weeks"] == 3
    assert now["summary"].endswith("; on a break until 6 Dec")
    assert [b["id"] for b in now["breaks"]] == [1, 2]

    text = _cadence(tmp_path, capsys, json_out=False)
    assert "on a break until 6 Dec 2026: the score is frozen" in text
    assert "a break week: the streak skips it" in text


def test_cadence_text_names_the_next_break(tmp_path, capsys, away):
    _post(tmp_path, "2026-12-01")
    away("add", "--from", "2026-12-21", "--to", "2027-01-03", "--note", "Winter")
    text = _cadence(tmp_path, capsys, json_out=False)
    assert "Break         next from 21 Dec 2026 to 3 Jan 2027 (Winter)" in text
