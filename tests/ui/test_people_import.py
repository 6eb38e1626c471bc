"""File › Import people…: a dry run in a child process, the preview, then the import for
real; the window hears that people changed, and Cancel stops the child at any point
(docs/PEOPLE.md, "Import").

Most tests run a stand-in for `digwell` (the runner's `command`) speaking the command's
JSON lines, so they hold the window's side on its own; the stand-in reads what to say
from the "file" it is asked to import (a JSON spec), and logs the arguments it got."""

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

from app.types import Changes
from app.ui.dialogs.import_preview_dialog import ROWS_SHOWN, ImportPreviewDialog
from app.ui.people_import import PeopleImport, imported_text
from app.ui.people_import_runner import PeopleImportRunner

TIMEOUT_MS = 30_000
REPO = Path(__file__).resolve().parents[2]

FAKE_DIGWELL = """
import json, sys, time
sys.path.insert(0, {repo!r})
args = sys.argv[1:]
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
spec = json.loads(open(args[2], encoding="utf-8").read())
if "--keep-emails" in args:
    spec["result"] = spec.get("result_keep", spec["result"])
data_dir = args[args.index("--data-dir") + 1]
dry = "--dry-run" in args

def say(event):
    print(json.dumps(event), flush=True)

total = spec.get("total", 3)
say({{"event": "start", "total": total}})
for done in range(1, total + 1):
    say({{"event": "progress", "done": done, "total": total}})
time.sleep(spec.get("sleep", 0) if dry else spec.get("sleep_real", 0))
if dry and "--keep-emails" in args:
    time.sleep(spec.get("sleep_keep", 0))
if spec.get("fail"):
    sys.stderr.write("digwell: " + spec["fail"] + "\\n")
    sys.exit(2)
if not dry:
    from app.planner import Planner
    planner = Planner.open(data_dir)
    for name in spec.get("add", []):
        person = planner.people.add(name)
        planner.people.touch(person.id, "credited")
    planner.close()
say({{"event": "done", "result": spec["result"]}})
"""

RESULT = {
    "added": 2,
    "updated": 1,
    "skipped": 1,
    "merged": 1,
    "errors": [{"line": 9, "message": "no name in this row"}],
    "preview": {
        "added": [
            {"name": "Priya Raman", "company": "Platform Weekly"},
            {"name": "Sam Rivera", "company": ""},
        ],
        "updated": [{"name": "Kwame Mensah", "company": "Ledgerline", "fields": ["role"]}],
        "merged": [{"name": "K. Mensah", "into": "Kwame Mensah", "line": 4}],
    },
}


@pytest.fixture
def fake(tmp_path):
    """(command, spec(**what) -> path of a file to import, calls() -> argument lists)."""
    log = tmp_path / "calls.jsonl"
    script = tmp_path / "fake_digwell.py"
    script.write_text(FAKE_DIGWELL.format(repo=str(REPO), log=str(log)), encoding="utf-8")

    def spec(name: str = "Connections.csv", **what) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps({"result": RESULT, **what}), encoding="utf-8")
        return path

    def calls() -> list[list[str]]:
        if not log.exists():
            return []
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]

    return (sys.executable, [str(script)]), spec, calls


@pytest.fixture
def flow(qtbot, open_window, planner, fake, refresh_clock):
    """The import flow of a window, speaking to the stand-in; its messages and errors."""
    window = open_window(planner, demo=False)
    command, _spec, _calls = fake
    flow = PeopleImport(planner, window, command=command)
    flow.said, flow.errors, flow.ends = [], [], []
    flow.message.connect(flow.said.append)
    flow.failed.connect(flow.errors.append)
    flow.finished.connect(flow.ends.append)
    flow.window = window
    return flow


def _dry_run(qtbot, flow, path) -> ImportPreviewDialog:
    with qtbot.waitSignal(flow.runner.finished, timeout=TIMEOUT_MS):
        assert flow.start(path)
        assert flow.runner.is_running() and flow.progress is not None
    assert flow.progress is None  # closed with the child's end
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    return flow.preview


def test_the_dry_run_shows_what_would_change_and_import_writes_it(qtbot, flow, fake, planner):
    _command, spec, calls = fake
    path = spec(add=["Priya Raman", "Sam Rivera"])
    heard = []
    flow.window.changes.add_receiver(heard.append)

    preview = _dry_run(qtbot, flow, path)
    assert preview.windowTitle() == "Import people from Connections.csv"
    assert preview.summary.text() == (
        "2 people to add, 1 to update; 1 duplicate in the file to merge. "
        "1 already up to date, 1 row with errors (left out)."
    )
    assert [preview.tabs.tabText(i) for i in range(preview.tabs.count())] == [
        "Added (2)",
        "Updated (1)",
        "Duplicates (1)",
        "Errors (1)",
    ]
    texts = {k: [w.item(i).text() for i in range(w.count())] for k, w in preview.lists.items()}
    assert texts["added"] == ["Priya Raman, Platform Weekly", "Sam Rivera"]
    assert texts["updated"] == ["Kwame Mensah, Ledgerline: role"]
    assert texts["merged"] == ["Line 4: K. Mensah → Kwame Mensah"]
    assert texts["errors"] == ["Line 9: no name in this row"]
    assert planner.people.count() == 0  # nothing written by the dry run
    assert preview.import_button.isDefault()  # Enter imports, not Cancel

    (dry,) = calls()
    assert dry[:3] == ["people", "import", str(path)]
    assert "--dry-run" in dry and "--json-progress" in dry and "--keep-emails" not in dry
    assert dry[-2:] == ["--data-dir", str(planner.data_dir)]

    assert not preview.keep_emails()  # e-mails only if asked
    with qtbot.waitSignal(flow.runner.finished, timeout=TIMEOUT_MS):
        preview.keep.setChecked(True)  # read again, with them
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS) as ended:
        preview.import_button.click()
    assert ended.args == [True]
    real = calls()[2]
    assert "--dry-run" not in real and "--keep-emails" in real and "--json-progress" in real
    assert flow.said[-1] == ("Imported 3 people (1 updated). 1 row with errors was left out.")

    # The window learns that the child wrote people, as after a refresh: every page reads.
    qtbot.waitUntil(lambda: any(c.people and c.items for c in heard))
    assert sorted(p.name for p in planner.people.listed()) == ["Priya Raman", "Sam Rivera"]


def test_the_cadence_page_shows_the_gives_an_import_brought(qtbot, flow, fake):
    from app.ui.sidebar import CADENCE

    _command, spec, _calls = fake
    flow.window.nav.setCurrentRow(CADENCE)
    gives = flow.window.cadence_page.gives
    assert gives.month.text().startswith("No gives yet this month")
    preview = _dry_run(qtbot, flow, spec(add=["Priya Raman"]))
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS):
        preview.import_button.click()
    qtbot.waitUntil(lambda: gives.month.text() == "This month you gave 1: credited 1.")
    assert gives.names.text() == "To Priya Raman."


def test_cancel_during_the_dry_run_stops_the_child_and_writes_nothing(qtbot, flow, fake, planner):
    _command, spec, calls = fake
    with qtbot.waitSignal(flow.runner.planned, timeout=TIMEOUT_MS):
        flow.start(spec(sleep=60, add=["Priya Raman"]))
    qtbot.waitUntil(flow.progress.isVisible)  # a slow one shows its progress
    assert flow.progress.labelText() == "Reading Connections.csv…"
    assert flow.progress.maximum() == 3
    with qtbot.waitSignal(flow.finished, timeout=5000) as ended:
        flow.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    assert ended.args == [False]
    assert not flow.runner.is_running() and flow.progress is None and flow.preview is None
    assert flow.said == ["Import cancelled: nothing was written."]
    assert planner.people.count() == 0
    assert len(calls()) == 1


def test_ticking_keep_emails_reads_the_file_again_and_imports_with_them(qtbot, flow, fake):
    _command, spec, calls = fake
    nothing = {"added": 0, "updated": 0, "skipped": 2}
    emails = {
        "added": 0,
        "updated": 1,
        "skipped": 1,
        "preview": {"updated": [{"name": "Priya Raman", "company": "", "fields": ["email"]}]},
    }
    preview = _dry_run(qtbot, flow, spec(result=RESULT, result_keep=emails))
    preview.tabs.setCurrentIndex(1)  # looking at who is updated
    with qtbot.waitSignal(flow.runner.finished, timeout=TIMEOUT_MS):
        preview.keep.setChecked(True)
    assert preview.tabs.currentWidget() is preview.lists["updated"]  # still in front
    with qtbot.waitSignal(flow.runner.finished, timeout=TIMEOUT_MS):
        preview.keep.setChecked(False)
    assert preview.summary.text().startswith("2 people to add")
    preview.reject()

    preview = _dry_run(qtbot, flow, spec(result=nothing, result_keep=emails))
    assert not preview.import_button.isEnabled()
    with qtbot.waitSignal(flow.runner.finished, timeout=TIMEOUT_MS):
        preview.keep.setChecked(True)
        assert preview.summary.text() == "Reading the file again…"
        assert not preview.import_button.isEnabled() and not preview.keep.isEnabled()
    assert flow.preview is preview and preview.isVisible()
    assert preview.summary.text() == "0 people to add, 1 to update. 1 already up to date."
    assert preview.lists["updated"].item(0).text() == "Priya Raman: email"
    assert preview.import_button.isEnabled() and preview.keep.isEnabled()
    assert "--keep-emails" in calls()[-1] and "--dry-run" in calls()[-1]
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS):
        preview.import_button.click()
    assert "--keep-emails" in calls()[-1] and "--dry-run" not in calls()[-1]
    assert flow.said[-1] == "Imported 1 person (1 updated)."


def test_cancel_while_reading_again_stops_that_child(qtbot, flow, fake, planner):
    _command, spec, calls = fake
    preview = _dry_run(qtbot, flow, spec(sleep_keep=60))
    with qtbot.waitSignal(flow.runner.planned, timeout=TIMEOUT_MS):
        preview.keep.setChecked(True)
    with qtbot.waitSignal(flow.finished, timeout=5000) as ended:
        preview.buttons.button(preview.buttons.StandardButton.Cancel).click()
    assert ended.args == [False] and not flow.runner.is_running() and not flow.busy()
    assert flow.said == ["Import cancelled: nothing was written."]
    assert len(calls()) == 2 and planner.people.count() == 0


def test_declining_the_preview_runs_nothing_more(qtbot, flow, fake, planner):
    _command, spec, calls = fake
    preview = _dry_run(qtbot, flow, spec(add=["Priya Raman"]))
    with qtbot.waitSignal(flow.finished, timeout=5000) as ended:
        preview.reject()
    assert ended.args == [False]
    assert flow.said == ["Import cancelled: nothing was written."]
    assert len(calls()) == 1 and planner.people.count() == 0
    assert not flow.busy()


def test_stopping_the_real_import_says_so_and_the_window_reads_again(qtbot, flow, fake):
    _command, spec, _calls = fake
    heard = []
    flow.window.changes.add_receiver(heard.append)
    preview = _dry_run(qtbot, flow, spec(sleep_real=60))
    with qtbot.waitSignal(flow.runner.planned, timeout=TIMEOUT_MS):
        preview.import_button.click()
    with qtbot.waitSignal(flow.finished, timeout=5000) as ended:
        flow.cancel()
    assert ended.args == [False]
    assert flow.said[-1] == "Import stopped before it finished: nothing was written."
    qtbot.waitUntil(lambda: Changes(people=True, items=True) in heard)


def test_a_refused_file_is_said_with_the_commands_own_words(qtbot, flow, fake, planner):
    _command, spec, _calls = fake
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS) as ended:
        flow.start(spec(fail="Files over 20 MB are refused."))
    assert ended.args == [False]
    (error,) = flow.errors
    assert error.message == "The import failed: Files over 20 MB are refused."
    assert error.hint == "Nothing was written: your people are as they were."
    assert flow.preview is None and flow.progress is None and planner.people.count() == 0


def test_one_import_at_a_time(qtbot, flow, fake):
    _command, spec, calls = fake
    with qtbot.waitSignal(flow.runner.planned, timeout=TIMEOUT_MS):
        flow.start(spec(sleep=60))
    assert not flow.start(spec())
    assert flow.said == ["An import is already under way."]
    flow.cancel()
    assert len(calls()) == 1


def test_the_file_menu_asks_for_a_file_and_a_cancelled_choice_does_nothing(
    qtbot, open_window, planner, monkeypatch
):
    window = open_window(planner, demo=False)
    asked = []

    def choose(parent, title, folder, filters):
        asked.append((title, filters))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    window.menu_actions["import_people"].trigger()
    ((title, filters),) = asked
    assert title == "Import people" and "*.vcf" in filters and "*.zip" in filters
    flow = window.findChild(PeopleImport)
    assert flow is not None and not flow.busy()
    window.menu_actions["import_people"].trigger()
    assert window.findChildren(PeopleImport) == [flow]  # one flow per window


def test_a_preview_with_nothing_new_cannot_import_and_long_lists_are_capped(qtbot):
    dialog = ImportPreviewDialog("contacts.vcf", {"added": 0, "updated": 0, "skipped": 4})
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == "Nothing to import: everyone in it is already kept."
    assert dialog.tabs.isHidden()

    many = [{"name": f"Person {i}", "company": ""} for i in range(ROWS_SHOWN + 250)]
    dialog = ImportPreviewDialog(
        "Connections.csv", {"added": len(many), "preview": {"added": many}}
    )
    qtbot.addWidget(dialog)
    rows = dialog.lists["added"]
    assert rows.count() == ROWS_SHOWN + 1
    assert rows.item(ROWS_SHOWN).text() == "… and 250 more"
    assert dialog.summary.text() == "1,250 people to add, 0 to update."
    # The command lists the first 1000 of each; the counts say how many in all.
    first = many[:1000]
    errors = [{"line": i + 2, "message": "no name"} for i in range(1000)]
    result = {"added": 30_000, "preview": {"added": first}, "errors": errors, "errors_total": 1200}
    dialog = ImportPreviewDialog("Connections.csv", result)
    qtbot.addWidget(dialog)
    assert dialog.lists["added"].item(ROWS_SHOWN).text() == "… and 29,000 more"
    assert dialog.tabs.tabText(0) == "Added (30,000)"
    assert dialog.tabs.tabText(1) == "Errors (1,200)"
    assert dialog.summary.text().endswith("1,200 rows with errors (left out).")


def test_the_runner_reads_progress_and_a_crash_is_a_failure(qtbot, tmp_path):
    code = (
        "import json, os, signal\n"
        "print(json.dumps({'event': 'start', 'total': 2}), flush=True)\n"
        "print(json.dumps({'event': 'progress', 'done': 1, 'total': 2}), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    runner = PeopleImportRunner(tmp_path, command=(sys.executable, ["-c", code]))
    seen: dict = {"planned": [], "progress": [], "failed": []}
    runner.planned.connect(seen["planned"].append)
    runner.progressed.connect(lambda d, t: seen["progress"].append((d, t)))
    runner.failed.connect(seen["failed"].append)
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS):
        assert runner.start(tmp_path / "c.csv", dry_run=True)
    assert seen["planned"] == [2] and seen["progress"] == [(1, 2)]
    assert seen["failed"] == ["The import stopped unexpectedly."]


def test_the_status_message_counts_people():
    assert imported_text({"added": 1192, "updated": 12}) == "Imported 1,204 people (12 updated)."
    assert imported_text({"added": 1}) == "Imported 1 person."
    assert imported_text({"added": 5, "errors": [{}], "errors_total": 1500}) == (
        "Imported 5 people. 1,500 rows with errors were left out."
    )


CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Priya,Raman,https://www.linkedin.com/in/priya-raman-test,priya@example.com,"
    "Platform Weekly,Editor,24 Aug 2023\n"
    "Sam,Rivera,https://www.linkedin.com/in/sam-rivera-test,,Ledgerline,Staff engineer,"
    "03 Jan 2024\n"
    ",,,,,,\n"
)


def test_the_real_command_imports_linkedin_connections_once(
    qtbot, open_window, planner, tmp_path, refresh_clock
):
    window = open_window(planner, demo=False)
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    flow = PeopleImport(planner, window)  # `digwell` itself, in a child process
    flow.message.connect(window.messages.info)

    preview = _dry_run(qtbot, flow, path)
    assert preview.summary.text() == "2 people to add, 0 to update."
    rows = preview.lists["added"]
    assert [rows.item(i).text() for i in range(rows.count())] == [
        "Priya Raman, Platform Weekly",
        "Sam Rivera, Ledgerline",
    ]
    assert planner.people.count() == 0
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS) as ended:
        preview.import_button.click()  # e-mails left unticked
    assert ended.args == [True]
    assert window.statusBar().currentMessage() == "Imported 2 people."
    priya = planner.people.find("Priya Raman")
    assert priya.email == "" and priya.company == "Platform Weekly"
    assert [(t.kind, t.on.isoformat()) for t in planner.people.touches(priya.id)] == [
        ("connected", "2023-08-24")
    ]

    # Again: nobody twice, and nothing to import, unless the e-mails are wanted now.
    preview = _dry_run(qtbot, flow, path)
    assert preview.summary.text() == "Nothing to import: everyone in it is already kept."
    assert not preview.import_button.isEnabled()
    with qtbot.waitSignal(flow.runner.finished, timeout=TIMEOUT_MS):
        preview.keep.setChecked(True)
    assert preview.summary.text() == "0 people to add, 1 to update. 1 already up to date."
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS):
        preview.import_button.click()
    assert planner.people.count() == 2
    assert planner.people.find("Priya Raman").email == "priya@example.com"
