"""ProcessRunner: one child at a time, its JSON lines as events, its end, its stderr's
last line as the reason, and stopping it."""

import sys

from app.ui.process_runner import End, ProcessRunner

TIMEOUT_MS = 30_000


class Recorder(ProcessRunner):
    """Keeps what a subclass is told."""

    def __init__(self, code: str, **kwargs) -> None:
        super().__init__(command=(sys.executable, ["-c", code]), **kwargs)
        self.events: list[dict] = []
        self.ends: list[End] = []

    def on_event(self, event: dict) -> None:
        self.events.append(event)

    def on_end(self, end: End) -> None:
        self.ends.append(end)


def _run(qtbot, runner: Recorder, *args: str) -> End:
    assert runner.start_command(*args)
    assert runner.is_running() and not runner.start_command(*args)  # one at a time
    qtbot.waitUntil(lambda: bool(runner.ends), timeout=TIMEOUT_MS)
    assert not runner.is_running()
    return runner.ends[0]


def test_events_then_the_end_with_the_reason_the_child_gave(qtbot):
    code = (
        "import json, sys\n"
        "print(json.dumps({'event': 'start', 'args': sys.argv[1:]}))\n"
        "print('not json')\n"
        "print(json.dumps({'event': 'done'}), end='')\n"  # no newline: still read
        "print('digwell: The disk is full.', file=sys.stderr)\n"
        "sys.exit(3)\n"
    )
    runner = Recorder(code)
    end = _run(qtbot, runner, "refresh", "--json-progress")
    assert runner.events == [
        {"event": "start", "args": ["refresh", "--json-progress"]},
        {"event": "done"},
    ]
    assert end == End(3, False, False, "The disk is full.", "")


def test_a_command_answering_with_one_document_keeps_its_output(qtbot):
    runner = Recorder("import json; print(json.dumps({'a': 1}, indent=2))", keep_output=True)
    end = _run(qtbot, runner)
    assert end.exit_code == 0 and end.output.split() == ["{", '"a":', "1", "}"]


def test_stopping_says_it_was_stopped_unless_asked_to_be_quiet(qtbot):
    runner = Recorder("import time; time.sleep(60)")
    runner.start_command()
    runner.stop()
    qtbot.waitUntil(lambda: bool(runner.ends), timeout=TIMEOUT_MS)
    assert runner.ends[0].stopped and not runner.is_running()
    quiet = Recorder("import time; time.sleep(60)")
    quiet.start_command()
    quiet.stop(quiet=True)
    qtbot.wait(50)
    assert quiet.ends == [] and not quiet.is_running()


def test_a_program_that_cannot_start_fails_and_leaves_room_for_the_next(qtbot, tmp_path):
    runner = ProcessRunner(command=(str(tmp_path / "missing"), []))
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as failed:
        assert runner.start_command("backup")
    assert failed.args[0].startswith("Digwell could not start its helper process (")
    assert not runner.is_running()
