"""`digwell strategy show|export|import` against a data folder."""

import json

import pytest

from app.cli import main
from app.planner import Planner
from app.store import feeds as feeds_q
from app.strategy.strategy import ContentMix, Strategy
from app.types import Profile, Theme
from tests.conftest import NOW, open_folder

STRATEGY = Strategy(
    Profile("Alex Morgan", "Platform engineer", "Lead a platform team", "Platform engineers"),
    (
        Theme(0, "Platform", ("kubernetes", "golden path"), ("sponsored",), ("#SRE",), "#2f80ed"),
        Theme(0, "AI", ("llm",), (), (), "#27a27b"),
    ),
    weekly_target=4,
    mix=ContentMix(40, 40, 20),
)


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def rescored(monkeypatch):
    """planner.inbox.rescore, recorded: the command must re-rank after saving."""
    from app.inbox.service import InboxService
    from app.strategy.stored import load_strategy

    calls = []

    def rescore(self, on_progress=None):
        calls.append(load_strategy(self._db))
        return 42

    monkeypatch.setattr(InboxService, "rescore", rescore)
    return calls


@pytest.fixture
def saved(tmp_path):
    """A data folder with STRATEGY saved and a feed filed under "AI"; its path."""
    planner, db = open_folder(tmp_path / "data")
    try:
        planner.strategy.save(STRATEGY)
        ai = planner.strategy.load().themes[1]
        with db.transaction() as conn:
            feed_id = feeds_q.add_feed(conn, "https://ai.example/feed", "AI news", NOW)
            feeds_q.set_feed_themes(conn, feed_id, [ai.id])
    finally:
        planner.close()
    return str(tmp_path / "data")


def _stored(data: str) -> tuple[Strategy, dict]:
    planner = Planner.open(data)
    try:
        return planner.strategy.load(), {f.url: f.themes for f in planner.feeds.list_feeds()}
    finally:
        planner.close()


def test_show_on_a_new_folder_says_nothing_is_set_up(tmp_path, capsys):
    code, out, _ = _run(capsys, "strategy", "show", "--data-dir", str(tmp_path))
    assert code == 0
    assert "No themes yet." in out and "Weekly target: 3 posts" in out
    assert "Not saved yet" in out


def test_show_summarises_the_strategy_for_people(saved, capsys):
    code, out, _ = _run(capsys, "strategy", "show", "--data-dir", saved)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Alex Morgan, Platform engineer"
    assert "Goal: Lead a platform team" in lines
    assert "Weekly target: 4 posts" in lines
    assert (
        "Content mix: 40% sharing others' work, 40% original thoughts, "
        "20% crediting or helping people" in lines
    )
    assert "  1. Platform  #2f80ed" in lines
    assert "     keywords: kubernetes, “golden path”" in lines
    assert "     hashtags: #SRE" in lines
    assert lines[-1] == "Strategy version 1."


def test_show_json_is_the_exported_document(saved, tmp_path, capsys):
    _, shown, _ = _run(capsys, "strategy", "show", "--json", "--data-dir", saved)
    target = tmp_path / "strategy.json"
    code, out, _ = _run(capsys, "strategy", "export", str(target), "--data-dir", saved)
    assert code == 0 and out == f"Wrote your strategy (2 themes) to {target}.\n"
    assert target.read_text(encoding="utf-8") == shown
    doc = json.loads(shown)
    assert [t["name"] for t in doc["themes"]] == ["Platform", "AI"]
    assert doc["weekly_target"] == 4


def test_export_overwrites_the_file_atomically_and_leaves_no_temporary_file(
    saved, tmp_path, capsys
):
    target = tmp_path / "out" / "strategy.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    code, _, _ = _run(capsys, "strategy", "export", str(target), "--data-dir", saved)
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "digwell-strategy"
    assert [p.name for p in target.parent.iterdir()] == ["strategy.json"]


def test_export_to_a_missing_folder_is_a_clear_error(saved, tmp_path, capsys):
    target = tmp_path / "nowhere" / "strategy.json"
    code, _, err = _run(capsys, "strategy", "export", str(target), "--data-dir", saved)
    assert code == 2 and f"{target} cannot be written" in err


def test_import_saves_reports_the_changes_and_reranks(saved, tmp_path, capsys, rescored):
    doc = json.loads(_run(capsys, "strategy", "show", "--json", "--data-dir", saved)[1])
    doc["themes"] = [
        {"name": "Applied AI", "keywords": ["llm"], "color": "#27a27b"},  # renamed
        {"name": "Hiring", "keywords": ["hiring", "interviews"]},  # new; Platform removed
    ]
    doc["weekly_target"] = 5
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(doc), encoding="utf-8")

    code, out, err = _run(capsys, "strategy", "import", str(path), "--data-dir", saved)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Imported the strategy from {path} (version 2).",
        "  theme added: Hiring",
        "  theme renamed: AI → Applied AI",
        "  theme removed: Platform (its feeds stay subscribed)",
        "  weekly target: 4 → 5 posts",
        "Ranked 42 items again.",
    ]
    strategy, feeds = _stored(saved)
    assert [t.name for t in strategy.themes] == ["Applied AI", "Hiring"]
    assert strategy.weekly_target == 5
    assert feeds == {"https://ai.example/feed": ("Applied AI",)}  # the link survived
    assert len(rescored) == 1 and rescored[0] == strategy  # re-ranked after saving


def test_importing_the_same_strategy_changes_nothing(saved, tmp_path, capsys, rescored):
    path = tmp_path / "same.json"
    _run(capsys, "strategy", "export", str(path), "--data-dir", saved)
    code, out, _ = _run(capsys, "strategy", "import", str(path), "--data-dir", saved)
    assert code == 0 and out == f"Your strategy is already as in {path}: nothing changed.\n"
    assert rescored == []
    code, out, _ = _run(capsys, "strategy", "show", "--data-dir", saved)
    assert out.splitlines()[-1] == "Strategy version 1."


def test_an_invalid_file_is_refused_with_its_place_and_nothing_changes(
    saved, tmp_path, capsys, rescored
):
    path = tmp_path / "bad.json"
    doc = json.loads(_run(capsys, "strategy", "show", "--json", "--data-dir", saved)[1])
    doc["themes"][1]["color"] = "#12"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = _run(capsys, "strategy", "import", str(path), "--data-dir", saved)
    assert code == 2 and out == ""
    assert err.startswith("digwell: bad.json: themes[1].color: '#12' is not a colour like #3a7bd5.")
    assert _stored(saved)[0].themes[1].color == "#27a27b"
    assert rescored == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "There is no file"),
        (b"\xff\xfe{", "is not a text file in UTF-8"),
        (b'{"format": "digwell-strategy",', "line 1, column 31: this is not valid JSON"),
    ],
)
def test_unreadable_files_are_clear_errors(tmp_path, capsys, content, expected):
    path = tmp_path / "s.json"
    if content is not None:
        path.write_bytes(content)
    code, _, err = _run(capsys, "strategy", "import", str(path), "--data-dir", str(tmp_path / "d"))
    assert code == 2 and expected in err
