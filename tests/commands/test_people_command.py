"""`digwell people`: add, list, touch, show, archive, import and export, with the JSON
keys scripts rely on (app/commands/people.py). The clock stands at Monday 23 November
2026 (tests/conftest.py)."""

from __future__ import annotations

import json

import pytest

from app.commands import people as people_command
from tests.commands.command_support import run_command
from tests.people.import_files import CONNECTIONS, connections, write

LIST_KEYS = {"id", "name", "company", "circle", "last_touch", "next_due", "overdue"}
LIST_KEYS |= {"gives", "asks"}
SHOW_KEYS = LIST_KEYS | {"role", "how_known", "notes", "archived", "due_on", "overdue_on"}
SHOW_KEYS |= {"linkedin", "x", "mastodon", "bluesky", "threads", "website", "touches"}
TOUCH_KEYS = {"id", "kind", "date", "note", "post_id", "auto", "post_url"}


def _run(planner, capsys, *argv):
    """Run `digwell people ARGV` on the planner (tests/commands/command_support.py)."""
    return run_command(people_command, planner, capsys, "people", *argv)


def _json(planner, capsys, *argv):
    code, out, err = _run(planner, capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_add_prints_the_person(planner, capsys):
    priya = _json(
        planner,
        capsys,
        *("add", "Priya Raman", "--company", "Acme", "--role", "CTO", "--circle", "close"),
        *("--linkedin", "linkedin.com/in/priya-raman", "--x", "priyar"),
        *("--mastodon", "https://hachyderm.io/@priya", "--bluesky", "@priya.bsky.social"),
        *("--threads", "priya.r"),
    )
    assert SHOW_KEYS - {"touches"} <= set(priya)
    assert priya["name"] == "Priya Raman" and priya["circle"] == "Close"
    assert (priya["linkedin"], priya["x"], priya["mastodon"]) == (
        "https://www.linkedin.com/in/priya-raman",
        "@priyar",
        "@priya@hachyderm.io",
    )
    assert (priya["bluesky"], priya["threads"]) == ("priya.bsky.social", "@priya.r")
    # Close keeps warm every 30 days, at most 45: due from the day added.
    assert (priya["last_touch"], priya["next_due"], priya["overdue"]) == (
        None,
        "2026-12-23",
        False,
    )
    code, out, _ = _run(planner, capsys, "add", "Sam Lee")
    assert code == 0 and "Added Sam Lee" in out and "Wider" in out


def test_bad_input_is_a_clear_error(planner, capsys):
    code, _, err = _run(planner, capsys, "add", "Ana", "--x", "not a handle")
    assert code == 2 and err.startswith("digwell: “not a handle” is not a handle on X.")
    code, _, err = _run(planner, capsys, "add", "Ana", "--circle", "Best friends")
    assert code == 2 and "No circle called “Best friends”" in err
    code, _, err = _run(planner, capsys, "show", "Nobody")
    assert code == 2 and "Nobody called “Nobody”" in err
    assert planner.people.count() == 0


def test_list_gives_every_key_and_the_due_list_most_overdue_first(planner, capsys):
    people = planner.people
    ana = people.add("Ana Ito", company="Hooli")
    sam = people.add("Sam Lee", circle="Close")
    priya = people.add("Priya Raman", circle="Close")
    people.touch(sam.id, "talked", people.today().replace(month=9, day=1))
    people.touch(priya.id, "credited", people.today().replace(month=10, day=10))
    listed = _json(planner, capsys, "list")
    assert [p["name"] for p in listed] == ["Ana Ito", "Priya Raman", "Sam Lee"]
    assert all(set(p) >= LIST_KEYS for p in listed)
    by_name = {p["name"]: p for p in listed}
    assert by_name["Priya Raman"]["gives"] == 1 and by_name["Sam Lee"]["asks"] == 0
    assert by_name["Sam Lee"]["last_touch"] == "2026-09-01"
    assert by_name["Sam Lee"]["next_due"] == "2026-10-01"
    assert by_name["Sam Lee"]["overdue"] is True  # 45 days ran out on 16 October
    assert by_name["Priya Raman"]["overdue"] is False  # due on 9 November, not overdue
    due = _json(planner, capsys, "list", "--due")
    assert [p["name"] for p in due] == ["Sam Lee", "Priya Raman"]
    assert [p["id"] for p in _json(planner, capsys, "list", "--circle", "wider")] == [ana.id]
    assert _json(planner, capsys, "list", "--due", "--circle", "Wider") == []


def test_list_without_json_is_a_table(planner, capsys):
    code, out, _ = _run(planner, capsys, "list")
    assert code == 0 and "No people yet" in out
    planner.people.add("Priya Raman", company="Acme")
    code, out, _ = _run(planner, capsys, "list")
    header, row = out.splitlines()
    assert header.split()[:3] == ["id", "name", "company"]
    assert "Priya Raman" in row and "Acme" in row and "no touch yet" in row
    assert _run(planner, capsys, "list", "--due")[1].strip() == "Nobody is due."


def test_touch_logs_and_restarts_the_interval(planner, capsys):
    planner.people.add("Priya Raman")
    argv = ("--kind", "thanked", "--date", "2026-11-20", "--note", "for the talk")
    touch = _json(planner, capsys, "touch", "priya raman", *argv)
    assert set(touch) >= TOUCH_KEYS and "note_for_ask" not in touch
    assert (touch["kind"], touch["date"], touch["note"], touch["auto"]) == (
        "thanked",
        "2026-11-20",
        "for the talk",
        False,
    )
    assert planner.people.find("Priya Raman").last_touch.isoformat() == "2026-11-20"
    code, out, _ = _run(planner, capsys, "touch", "1", "--kind", "talked")
    assert code == 0 and out.strip() == "Logged talked with Priya Raman on 23 Nov 2026."


def test_an_ask_without_a_give_gets_the_gentle_note(planner, capsys):
    sam = planner.people.add("Sam Lee")
    code, out, err = _run(planner, capsys, "touch", str(sam.id), "--kind", "asked", "--json")
    assert code == 0
    assert "haven't credited, thanked or helped Sam Lee" in err
    assert json.loads(out)["note_for_ask"] == err.strip()
    planner.people.touch(sam.id, "helped")
    code, out, err = _run(planner, capsys, "touch", "Sam Lee", "--kind", "asked", "--json")
    assert err == "" and json.loads(out)["note_for_ask"] == ""


@pytest.mark.parametrize(
    "argv, message",
    [
        (("--kind", "poked"), "“poked” is not a kind of touch"),
        (("--kind", "talked", "--date", "23.11.2026"), "“23.11.2026” is not a date"),
        (("--kind", "talked", "--date", "2026-12-24"), "cannot be in the future"),
    ],
)
def test_bad_touches_are_refused(planner, capsys, argv, message):
    planner.people.add("Priya Raman")
    code, _, err = _run(planner, capsys, "touch", "Priya Raman", *argv)
    assert code == 2 and message in err
    assert planner.people.touches(1) == []


def test_show_gives_the_person_with_touches_newest_first(planner, capsys):
    people = planner.people
    priya = people.add("Priya Raman", how_known="Meetup", notes="Likes build caches")
    people.touch(priya.id, "talked", people.today().replace(day=1), "coffee")
    people.touch(priya.id, "credited", people.today().replace(day=20))
    shown = _json(planner, capsys, "show", "Priya Raman")
    assert set(shown) >= SHOW_KEYS
    assert (shown["how_known"], shown["notes"], shown["archived"]) == (
        "Meetup",
        "Likes build caches",
        False,
    )
    assert [(t["kind"], t["date"], t["note"]) for t in shown["touches"]] == [
        ("credited", "2026-11-20", ""),
        ("talked", "2026-11-01", "coffee"),
    ]
    assert all(set(t) >= TOUCH_KEYS for t in shown["touches"])
    code, out, _ = _run(planner, capsys, "show", str(priya.id))
    assert code == 0 and "2026-11-01  talked: coffee" in out


def test_archive_keeps_the_person_out_of_lists(planner, capsys):
    priya = planner.people.add("Priya Raman")
    code, out, _ = _run(planner, capsys, "archive", "Priya Raman")
    assert code == 0 and out.startswith("Archived Priya Raman")
    assert _json(planner, capsys, "list") == []
    assert _json(planner, capsys, "show", str(priya.id))["archived"] is True


def test_import_json_then_a_dry_run_of_the_same_file_changes_nothing(planner, capsys, tmp_path):
    path = write(tmp_path / "Connections.csv", CONNECTIONS)
    dry = _json(planner, capsys, "import", str(path), "--dry-run")
    assert (dry["added"], dry["updated"], dry["skipped"], dry["merged"]) == (4, 0, 0, 0)
    assert dry["dry_run"] is True and dry["errors"] == []
    assert dry["preview"]["added"][0] == {"name": "Priya Raman", "company": "Acme Robotics"}
    assert planner.people.count() == 0
    done = _json(planner, capsys, "import", str(path))
    assert (done["added"], done["dry_run"], done["touches"]) == (4, False, 4)
    again = _json(planner, capsys, "import", str(path))
    assert (again["added"], again["updated"], again["skipped"]) == (0, 0, 4)
    assert planner.people.count() == 4


def test_import_lists_bad_rows_and_imports_the_rest(planner, capsys, tmp_path):
    path = write(tmp_path / "c.csv", connections("Priya,Raman,,,,,", "Sam,Lee,,,,,whenever"))
    code, out, err = _run(planner, capsys, "import", str(path))
    assert code == 0
    assert "2 contacts read; 1 added" in out and "1 with errors" in out
    assert err.strip().startswith("line 6: “whenever” under Connected On")
    assert [p.name for p in planner.people.everyone()] == ["Priya Raman"]


def test_import_with_json_progress_prints_json_lines(planner, capsys, tmp_path):
    rows = [f"P{n},Q,https://www.linkedin.com/in/p-{n},,,,1 Jan 2024" for n in range(4100)]
    path = write(tmp_path / "c.csv", connections(*rows))
    code, out, _ = _run(planner, capsys, "import", str(path), "--json-progress")
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert events[0] == {"event": "start", "total": 4100}
    progress = [e for e in events if e["event"] == "progress"]
    assert progress and all(e["total"] == 4100 for e in progress)
    done = [e["done"] for e in progress]
    assert done == sorted(done) and done[-1] == 4100
    assert events[-1]["event"] == "done" and events[-1]["result"]["added"] == 4100
    assert planner.people.count() == 4100


def test_a_refused_import_exits_2_and_changes_nothing(planner, capsys, tmp_path):
    path = tmp_path / "contacts.xlsx"
    path.write_bytes(b"PK\x03\x04")
    code, out, err = _run(planner, capsys, "import", str(path), "--json-progress")
    assert code == 2 and out == ""
    assert err.startswith("digwell: Digwell cannot import contacts.xlsx.")
    assert "Connections.csv" in err and ".vcf" in err


def test_export_writes_the_file(planner, capsys, tmp_path):
    planner.people.add("Priya Raman")
    code, out, _ = _run(planner, capsys, "export", str(tmp_path / "people.csv"))
    assert code == 0 and out.strip() == f"Wrote 1 person to {tmp_path / 'people.csv'}."
    assert "Priya Raman" in (tmp_path / "people.csv").read_text(encoding="utf-8-sig")
