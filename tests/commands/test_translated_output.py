"""The command line speaks the user's language too (docs/TRANSLATION.md): under the
pseudo-locale every line a command prints for a person is translated, except the user's
own data and names; `--json` stays the same in every language."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.i18n import formats, translate
from app.planner import Planner
from tests.i18n.pseudo_words import data_words, untranslated

COMMANDS = [
    ["--help"],
    ["feeds", "--help"],
    ["people", "add", "--help"],
    ["cadence"],
    ["feeds", "list"],
    ["inbox", "--limit", "5"],
    ["people", "list"],
    ["people", "list", "--due"],
    ["people", "show", "Priya Raman"],
    ["posts", "list", "--limit", "5"],
    ["plan"],
    ["away", "list"],
    ["strategy", "show"],
    ["templates"],
    ["people", "show", "Nobody At All"],  # an error
    ["feeds", "remove"],  # argparse's own error
    ["cadence", "--bogus"],
]


@pytest.fixture
def demo_dir(tmp_path, clock):
    folder = tmp_path / "demo"
    planner = Planner.open(folder, clock=clock)
    planner.seed_demo()
    known = data_words(planner)
    planner.close()
    return folder, known


@pytest.fixture
def pseudo(monkeypatch):
    monkeypatch.setenv("DIGWELL_LANGUAGE", "pseudo")
    yield
    translate.use_language("en_GB")
    formats.use_locale("en_GB")


def run(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # --help and argparse's errors
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_every_line_a_person_reads_is_translated(capsys, demo_dir, pseudo):
    folder, known = demo_dir
    problems = []
    for argv in COMMANDS:
        where = " ".join(argv)
        _code, text = run(
            capsys, *argv, *(["--data-dir", str(folder)] if argv[-1] != "--help" else [])
        )
        assert text.strip(), where
        for line in text.splitlines():
            words = untranslated(line.replace("digwell", "").replace("--", " "), known)
            # Options, commands and their values are typed, not read: they stay as they are.
            typed = line.split()[0] if line.startswith(" ") and line.split() else ""
            words = [
                w
                for w in words
                if f"-{w}" not in line and w.upper() != w and w not in argv and w not in typed
            ]
            if words:
                problems.append(f"{where}: {words} in {line!r}")
    assert not problems, "\n".join(problems)


def test_json_is_the_same_in_every_language(capsys, demo_dir, monkeypatch):
    folder, _known = demo_dir
    outputs = []
    for language in ("en_GB", "de_DE", "pseudo"):
        monkeypatch.setenv("DIGWELL_LANGUAGE", language)
        code, text = run(capsys, "cadence", "--json", "--data-dir", str(folder))
        assert code == 0
        outputs.append(json.loads(text))
    translate.use_language("en_GB")
    formats.use_locale("en_GB")
    assert outputs[0] == outputs[1] == outputs[2]
