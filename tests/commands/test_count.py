"""`digwell count --platform P`: a contract for scripts, one line `COUNT LIMIT`."""

import io
import subprocess
import sys

import pytest

from app.cli import main
from app.store.settings import set_setting
from tests.conftest import open_folder


@pytest.fixture
def count(monkeypatch, capsys, tmp_path):
    """`digwell count ARGV` on a data folder with `stdin` piped in: (exit code, out, err)."""

    def count(stdin: bytes, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(["count", *argv, "--data-dir", str(tmp_path)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return count


@pytest.mark.parametrize(
    ("stdin", "platform", "line"),
    [
        (b"hi\n", "x", "2 280\n"),  # what `echo "hi" |` sends: one newline is not counted
        (b"hi", "x", "2 280\n"),
        (b"hi\r\n", "x", "2 280\n"),
        (b"hi\n\n", "linkedin", "3 3000\n"),  # only one newline goes
        (b"", "bluesky", "0 300\n"),
        ("Hi https://example.com 日本".encode(), "x", "31 280\n"),
        ("👨‍👩‍👧‍👦\n".encode(), "bluesky", "1 300\n"),
        ("👨‍👩‍👧‍👦\n".encode(), "threads", "7 500\n"),
        (b"@ada@example.social https://example.com/long/path", "mastodon", "28 500\n"),
        ("\ufeffhi".encode(), "x", "2 280\n"),  # a byte order mark is not text
    ],
)
def test_prints_count_and_limit(count, stdin, platform, line):
    assert count(stdin, "--platform", platform) == (0, line, "")


def test_over_the_limit_is_still_a_successful_count(count):
    assert count(b"a" * 300, "--platform", "x") == (0, "300 280\n", "")


def test_limit_option(count):
    assert count(b"hi", "--platform", "mastodon", "--limit", "5000") == (0, "2 5000\n", "")


def test_mastodon_limit_comes_from_the_settings(count, tmp_path):
    planner, db = open_folder(tmp_path)
    with db.transaction() as conn:
        set_setting(conn, "mastodon_limit", 11000)
    planner.close()
    assert count(b"hi", "--platform", "mastodon") == (0, "2 11000\n", "")
    # --limit wins; other platforms keep their own
    assert count(b"hi", "--platform", "mastodon", "--limit", "7") == (0, "2 7\n", "")
    assert count(b"hi", "--platform", "threads") == (0, "2 500\n", "")


def test_unknown_platform_is_exit_2_with_the_choices(count):
    assert count(b"hi", "--platform", "myspace") == (
        2,
        "",
        "digwell: There is no platform 'myspace'. Choose one of linkedin, x, mastodon, "
        "bluesky, threads.\n",
    )


def test_text_that_is_not_utf8_is_exit_2(count):
    assert count(b"caf\xe9", "--platform", "x") == (
        2,
        "",
        "digwell: The text on standard input is not UTF-8 (byte 4 is not). "
        "Pipe the text in as UTF-8.\n",
    )


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_limit_must_be_a_whole_number_above_zero(count, capsys, limit):
    with pytest.raises(SystemExit) as stopped:
        count(b"hi", "--platform", "x", "--limit", limit)
    assert stopped.value.code == 2
    assert "not a whole number above 0" in capsys.readouterr().err


def test_platform_is_required(count):
    with pytest.raises(SystemExit) as stopped:
        count(b"hi")
    assert stopped.value.code == 2


def test_from_a_shell_pipe(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "app", "count", "--platform", "x", "--data-dir", str(tmp_path)],
        input="Digging my well 🕳️ https://example.com/well\n".encode(),
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"42 280\n", b"")
