import subprocess
import sys

from app.cli import resolve_data_dir
from app.commands.parser import build_parser
from app.paths import user_data_dir


def test_help_documents_demo_and_data_dir():
    out = subprocess.run(
        [sys.executable, "-m", "app", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "--demo" in out and "--data-dir PATH" in out
    assert "demo folder" in out


def test_version():
    out = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("digwell ")


def test_demo_and_real_data_live_in_separate_folders(tmp_path):
    parser = build_parser()
    real = resolve_data_dir(parser.parse_args([]))
    demo = resolve_data_dir(parser.parse_args(["--demo"]))
    assert real == user_data_dir() and demo == user_data_dir(demo=True)
    assert real != demo and real not in demo.parents and demo not in real.parents
    chosen = resolve_data_dir(parser.parse_args(["--demo", "--data-dir", str(tmp_path)]))
    assert chosen == tmp_path


def test_every_command_help_names_the_default_folders(capsys):
    import argparse

    from app.commands.parser import build_parser

    def commands(parser, path=()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield (*path, name), sub
                    yield from commands(sub, (*path, name))

    for path, sub in commands(build_parser()):
        text = sub.format_help()
        assert "{data_dir}" not in text, path
        if "--data-dir" in text:
            assert "{demo_dir}" not in text and "Digwell" in text, path


WINDOW_STARTS = [
    [],
    ["--demo"],
    ["--debug"],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x"],
    ["--demo", "--data-dir", "rel/path", "--debug"],
    ["--data-dir", "a", "--data-dir", "b"],
    ["--data-dir", ""],
]


def test_a_window_start_is_read_without_argparse_as_argparse_reads_it():
    from app.cli import window_args

    parser = build_parser()
    for argv in WINDOW_STARTS:
        fast, full = window_args(argv), parser.parse_args(argv)
        assert fast is not None, argv
        assert (fast.demo, fast.data_dir, fast.debug) == (full.demo, full.data_dir, full.debug)


def test_anything_else_goes_to_the_full_parser():
    from app.cli import window_args

    for argv in (
        ["--help"],
        ["-h"],
        ["--version"],
        ["--dem"],  # argparse takes an unambiguous abbreviation: it decides
        ["--data-dir"],
        ["--data-dir", "--demo"],
        ["--data-dir="],
        ["inbox"],
        ["--demo", "feeds", "list"],
        ["nonsense"],
    ):
        assert window_args(argv) is None, argv


def test_starting_the_window_builds_no_command_parser():
    code = (
        "import sys\n"
        "from app.cli import window_args\n"
        "window_args(['--demo'])\n"
        "print(sorted(m for m in ('argparse', 'app.commands.parser') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
