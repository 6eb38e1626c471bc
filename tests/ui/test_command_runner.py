"""CommandRunner: a digwell command in its own process, its JSON back as a signal."""

from app.ui.command_runner import CommandRunner


def test_a_command_hands_back_its_json(qtbot, tmp_path):
    runner = CommandRunner()
    with qtbot.waitSignal(runner.finished, timeout=30_000) as got:
        assert runner.start("cadence", "--json", "--data-dir", str(tmp_path))
        assert not runner.start("cadence", "--json")  # one at a time
    assert got.args[0]["summary"].startswith("Not started")
    assert not runner.is_running()


def test_a_failing_command_hands_back_its_message(qtbot, tmp_path):
    runner = CommandRunner()
    with qtbot.waitSignal(runner.failed, timeout=30_000) as got:
        runner.start("plan", "draft", "99", "--next", "--data-dir", str(tmp_path))
    assert got.args[0].startswith("There is no draft 99")


def test_output_that_is_not_json_is_a_failure(qtbot, tmp_path):
    runner = CommandRunner(command=("python3", ["-c", "print('hello')", "--"]))
    with qtbot.waitSignal(runner.failed, timeout=30_000) as got:
        runner.start("x")
    assert got.args[0] == "Its helper process ended without an answer (exit code 0)."


def test_a_program_that_cannot_start_is_a_failure(qtbot):
    runner = CommandRunner(command=("/no/such/program", []))
    with qtbot.waitSignal(runner.failed, timeout=30_000) as got:
        runner.start("backup")
    assert "could not start" in got.args[0]
    assert not runner.is_running()
