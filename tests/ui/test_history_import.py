"""File › Import history…: a dry run in a child process, the preview (what the file holds,
the score and streak it would give), then the import for real; the Cadence page, the
sidebar's card and the posts log read again; Cancel stops the child at any point
(docs/HISTORY.md).

Most tests run a stand-in for `digwell` (the runner's `command`) speaking the command's
JSON lines, so they hold the window's side on its own; the stand-in reads what to say
from the "file" it is asked to import (a JSON spec), and logs the arguments it got. The
last ones run `digwell import` itself on made-up exports (tests/history/export_files.py).
"""

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

from app.types import Changes
from app.ui.dialogs.history_preview_dialog import ROWS_SHOWN, HistoryPreviewDialog
from app.ui.history_import import HistoryImport, imported_text
from app.ui.history_import_runner import HistoryImportRunner
from app.ui.sidebar import CADENCE
from tests.history.export_files import SHARES_HEADER, linkedin_zip, share_link

TIMEOUT_MS = 30_000
REPO = Path(__file__).resolve().parents[2]

FAKE_DIGWELL = """
import json, sys, time
sys.path.insert(0, {repo!r})
args = sys.argv[1:]
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
spec = json.loads(open(args[1], encoding="utf-8").read())
data_dir = args[args.index("--data-dir") + 1]
dry = "--dry-run" in args

def say(event):
    print(json.dumps(event), flush=True)

say({{"event": "start", "total": 1000}})
for done in (250, 500, 1000):
    say({{"event": "progress", "done": done, "total": 1000}})
time.sleep(spec.get("sleep", 0) if dry else spec.get("sleep_real", 0))
if spec.get("fail"):
    sys.stderr.write("digwell: " + spec["fail"] + "\\n")
    sys.exit(2)
if not dry:
    from app.planner import Planner
    from app.cadence.post_fields import PostInput
    from datetime import datetime
    planner = Planner.open(data_dir)
    for when in spec.get("write", []):
        at = datetime.fromisoformat(when)
        planner.cadence.log.add(PostInput(at, "x", "original", None, "", "From the archive"))
    planner.close()
say({{"event": "done", "result": {{**spec["result"], "dry_run": dry}}}})
"""

RESULT = {
    "platform": "x",
    "posts_added": 1234,
    "posts_skipped": 34,
    "engagement_added": 512,
    "people_added": 0,
    "first": "2016-03-12",
    "last": "2026-01-02",
    "errors": [
        {"where": "data/tweets.js, tweet 1500000000000000001", "message": "no date"},
        {"where": "data/tweets-part1.js, tweet 1500000000000000002", "message": "no text"},
    ],
    "preview": {
        "by_platform": {"x": 1234},
        "by_kind": {"original": 800, "share": 420, "credit": 14},
        "by_year": {"2016": 34, "2017": 200, "2025": 600, "2026": 400},
        "score": 78,
        "streak": {"current": 9, "longest": 14},
        "score_now": 12,
        "streak_now": {"current": 0, "longest": 2},
    },
}


@pytest.fixture
def fake(tmp_path):
    """(command, spec(**what) -> path of a file to import, calls() -> argument lists)."""
    log = tmp_path / "calls.jsonl"
    script = tmp_path / "fake_digwell.py"
    script.write_text(FAKE_DIGWELL.format(repo=str(REPO), log=str(log)), encoding="utf-8")

    def spec(name: str = "twitter-archive.zip", **what) -> Path:
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
    flow = HistoryImport(planner, window, command=command)
    flow.said, flow.errors, flow.ends = [], [], []
    flow.message.connect(flow.said.append)
    flow.message.connect(window.messages.info)
    flow.failed.connect(flow.errors.append)
    flow.finished.connect(flow.ends.append)
    flow.window = window
    return flow


def _dry_run(qtbot, flow, path) -> HistoryPreviewDialog:
    with qtbot.waitSignal(flow.runner.finished, timeout=TIMEOUT_MS):
        assert flow.start(path)
        assert flow.runner.is_running() and flow.progress is not None
    assert flow.progress is None  # closed with the child's end
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible())
    return flow.preview


def _labels(bars) -> list[tuple[str, str]]:
    return [(bar.label, bar.detail) for bar in bars.bars()]


def test_the_preview_shows_what_the_file_holds_and_import_writes_it(qtbot, flow, fake, planner):
    _command, spec, calls = fake
    path = spec(write=["2026-11-18T09:00:00+00:00", "2026-11-23T07:00:00+00:00"])
    heard = []
    flow.window.changes.add_receiver(heard.append)
    flow.window.nav.setCurrentRow(CADENCE)
    page = flow.window.cadence_page
    assert page.report.total_posts == 0 and page.empty.isVisible()

    preview = _dry_run(qtbot, flow, path)
    assert preview.windowTitle() == "Import history from twitter-archive.zip"
    assert preview.headline.text() == "1,268 posts in your X archive, 12 Mar 2016 – 2 Jan 2026."
    assert preview.detail.text() == (
        "1,234 to add, 34 already in your log. Also 512 comments and replies."
    )
    assert preview.effect.text() == "Score 12% → 78%, streak 0 → 9 weeks (longest 14 weeks)"
    assert _labels(preview.platforms) == [("X", "1,234 posts")]
    assert _labels(preview.kinds) == [
        ("Original posts", "800 posts"),
        ("Shares", "420 posts"),
        ("Credits", "14 posts"),
    ]
    assert [label for label, _ in _labels(preview.years)] == ["2016", "2017", "2025", "2026"]
    assert preview.years.bars()[2].value == pytest.approx(600 / 1234)
    rows = [preview.problems.item(i).text() for i in range(preview.problems.count())]
    assert rows == [
        "data/tweets.js, tweet 1500000000000000001: no date",
        "data/tweets-part1.js, tweet 1500000000000000002: no text",
    ]
    assert preview.problems_title.text() == "Left out (2), by where they are in the file"
    assert preview.import_button.isEnabled()
    assert planner.cadence.log.count() == 0  # nothing written by the dry run

    (dry,) = calls()
    assert dry[:2] == ["import", str(path)]
    assert "--dry-run" in dry and "--json-progress" in dry
    assert dry[-2:] == ["--data-dir", str(planner.data_dir)]

    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS) as ended:
        preview.import_button.click()
    assert ended.args == [True]
    real = calls()[1]
    assert "--dry-run" not in real and "--json-progress" in real and real[1] == str(path)
    assert flow.said[-1] == (
        "Imported 1,234 posts from your X archive (2016–2026), with 512 comments and "
        "replies. 34 were already in your log. 2 entries could not be read."
    )
    assert flow.window.statusBar().currentMessage() == flow.said[-1]

    # The child wrote: the window hears it as from a service, and every page reads again.
    qtbot.waitUntil(lambda: any(c.posts and c.people for c in heard))
    qtbot.waitUntil(lambda: page.report.total_posts == 2)
    page.tabs.setCurrentIndex(2)  # the posts log reads the log when shown
    assert page.empty.isHidden() and page.log.model.rowCount() == 2
    qtbot.waitUntil(lambda: flow.window.sidebar.card.headline.text().startswith("1 of 3"))


def test_cancel_during_the_dry_run_stops_the_child_and_writes_nothing(qtbot, flow, fake, planner):
    _command, spec, calls = fake
    with qtbot.waitSignal(flow.runner.planned, timeout=TIMEOUT_MS):
        flow.start(spec(sleep=60, write=["2026-11-16T09:00:00+00:00"]))
    qtbot.waitUntil(flow.progress.isVisible)  # a slow one shows its progress
    assert flow.progress.labelText() == "Reading twitter-archive.zip…"
    assert flow.progress.windowTitle() == "Import history"
    qtbot.waitUntil(lambda: flow.progress.value() == 1000)
    with qtbot.waitSignal(flow.finished, timeout=5000) as ended:
        flow.progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    assert ended.args == [False]
    assert not flow.runner.is_running() and flow.progress is None and flow.preview is None
    assert flow.said == ["Import cancelled: nothing was written."]
    assert planner.cadence.log.count() == 0 and len(calls()) == 1


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
    qtbot.waitUntil(lambda: Changes(posts=True, people=True, items=True) in heard)


def test_declining_the_preview_runs_nothing_more(qtbot, flow, fake, planner):
    _command, spec, calls = fake
    preview = _dry_run(qtbot, flow, spec())
    with qtbot.waitSignal(flow.finished, timeout=5000) as ended:
        preview.reject()
    assert ended.args == [False] and not flow.busy()
    assert flow.said == ["Import cancelled: nothing was written."]
    assert len(calls()) == 1 and planner.cadence.log.count() == 0


def test_a_refused_file_is_said_with_the_commands_own_words(qtbot, flow, fake, planner):
    _command, spec, _calls = fake
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS) as ended:
        flow.start(spec(fail="twitter-archive.zip is not a zip archive."))
    assert ended.args == [False]
    (error,) = flow.errors
    assert error.message == "The import failed: twitter-archive.zip is not a zip archive."
    assert error.hint == "Nothing was written: your posts log is as it was."
    assert flow.preview is None and flow.progress is None and planner.cadence.log.count() == 0


def test_one_import_at_a_time(qtbot, flow, fake):
    _command, spec, calls = fake
    with qtbot.waitSignal(flow.runner.planned, timeout=TIMEOUT_MS):
        flow.start(spec(sleep=60))
    assert not flow.start(spec())
    assert flow.said == ["An import is already under way."]
    flow.cancel()
    assert len(calls()) == 1


def test_the_file_menu_and_the_cadence_page_ask_for_an_export(
    qtbot, open_window, planner, monkeypatch
):
    window = open_window(planner, demo=False)
    asked = []

    def choose(parent, title, folder, filters):
        asked.append((title, filters))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    window.menu_actions["import_history"].trigger()
    ((title, filters),) = asked
    assert title == "Import history"
    assert all(f"*.{ext}" in filters for ext in ("zip", "csv", "json", "car"))
    flow = window.findChild(HistoryImport)
    assert flow is not None and not flow.busy()

    window.nav.setCurrentRow(CADENCE)  # a new user's Cadence page offers it too
    window.cadence_page.history_button.click()
    assert len(asked) == 2 and window.findChildren(HistoryImport) == [flow]


def test_a_preview_with_nothing_new_cannot_import(qtbot):
    again = {
        "platform": "linkedin",
        "posts_added": 0,
        "posts_skipped": 4,
        "engagement_added": 0,
        "people_added": 0,
        "first": None,
        "last": None,
        "errors": [],
        "preview": {"by_platform": {}, "by_kind": {}, "by_year": {}, "score": 40,
                    "streak": {"current": 3, "longest": 3}, "score_now": 40,
                    "streak_now": {"current": 3, "longest": 3}},
    }  # fmt: skip
    dialog = HistoryPreviewDialog("Shares.csv", again)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.headline.text() == "4 posts in your LinkedIn export."
    assert dialog.detail.text() == "Every post in it is already in your log."
    assert dialog.effect.text() == "Score 40% → 40%, streak 3 → 3 weeks"
    assert dialog.platforms.bars() == [] and dialog.problems.isHidden()

    many = [{"where": f"outbox.json, item {n}", "message": "no date"} for n in range(1000)]
    dialog = HistoryPreviewDialog("outbox.json", {"platform": "mastodon", "errors": many})
    qtbot.addWidget(dialog)
    assert dialog.problems.count() == ROWS_SHOWN + 1
    assert dialog.problems.item(ROWS_SHOWN).text() == "… and 800 more"
    assert dialog.headline.text() == "0 posts in your Mastodon archive."
    assert dialog.effect.isHidden()


def test_the_status_message_counts_what_came_in():
    assert imported_text({"platform": "x", "posts_added": 1234, "first": "2016-03-12",
                          "last": "2026-01-02"}) == (
        "Imported 1,234 posts from your X archive (2016–2026)."
    )  # fmt: skip
    assert imported_text(
        {"platform": "linkedin", "posts_added": 1, "people_added": 1, "engagement_added": 1,
         "first": "2024-03-05", "last": "2024-03-05", "posts_skipped": 1}
    ) == (
        "Imported 1 post from your LinkedIn export (2024), with 1 comment or reply and 1 "
        "person. 1 was already in your log."
    )  # fmt: skip
    assert imported_text({"platform": "bluesky", "posts_added": 0}) == (
        "Imported 0 posts from your Bluesky repository."
    )


def test_the_runner_reads_progress_and_a_crash_is_a_failure(qtbot, tmp_path):
    code = (
        "import json, os, signal\n"
        "print(json.dumps({'event': 'start', 'total': 2}), flush=True)\n"
        "print(json.dumps({'event': 'progress', 'done': 1, 'total': 2}), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    runner = HistoryImportRunner(tmp_path, command=(sys.executable, ["-c", code]))
    seen: dict = {"planned": [], "progress": [], "failed": []}
    runner.planned.connect(seen["planned"].append)
    runner.progressed.connect(lambda d, t: seen["progress"].append((d, t)))
    runner.failed.connect(seen["failed"].append)
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS):
        assert runner.start(tmp_path / "-archive.zip", dry_run=True)
    assert seen["planned"] == [2] and seen["progress"] == [(1, 2)]
    assert seen["failed"] == ["The import stopped unexpectedly."]


def test_the_real_command_imports_a_linkedin_export_once(
    qtbot, open_window, planner, tmp_path, refresh_clock
):
    window = open_window(planner, demo=False)
    window.nav.setCurrentRow(CADENCE)
    page = window.cadence_page
    shares = SHARES_HEADER + "".join(
        f"2026-{month:02d}-0{day} 09:00:00,{share_link(month * 10 + day)},Note {month}.{day},,,"
        "PUBLIC\r\n"
        for month in range(9, 12)
        for day in (2, 4, 6)
    )
    path = linkedin_zip(tmp_path / "Basic_LinkedInDataExport.zip", shares=shares)
    flow = HistoryImport(planner, window)  # `digwell` itself, in a child process
    flow.message.connect(window.messages.info)

    preview = _dry_run(qtbot, flow, path)
    assert preview.headline.text() == ("9 posts in your LinkedIn export, 2 Sept 2026 – 6 Nov 2026.")
    assert preview.detail.text().startswith("9 to add. Also 2 comments and replies and 1 ")
    assert preview.effect.text().startswith("Score 0% → ")
    assert _labels(preview.platforms) == [("LinkedIn", "9 posts")]
    assert planner.cadence.log.count() == 0 and planner.people.count() == 0
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT_MS) as ended:
        preview.import_button.click()
    assert ended.args == [True]
    assert window.statusBar().currentMessage() == (
        "Imported 9 posts from your LinkedIn export (2026), with 2 comments and replies "
        "and 1 person."
    )
    assert planner.cadence.log.count() == 9 and planner.people.count() == 1
    qtbot.waitUntil(lambda: page.report.total_posts == 9)
    assert page.heatmap.count(page.report.today.replace(month=9, day=2)) == 1

    # Again: nothing twice, and nothing to import.
    preview = _dry_run(qtbot, flow, path)
    assert preview.detail.text() == "Every post in it is already in your log."
    assert not preview.import_button.isEnabled()
    preview.reject()
