"""`digwell draft` prints a rendered draft and saves it; `digwell templates` lists and
duplicates templates."""

import json

from app.cli import main
from app.planner import Planner


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _first_item(capsys, data):
    _, out, _ = _run(capsys, "inbox", "--demo", "--data-dir", data, "--json", "--limit", "1")
    return json.loads(out)[0]


def test_draft_prints_the_text_and_saves_it(tmp_path, capsys):
    data = str(tmp_path)
    item = _first_item(capsys, data)
    code, out, err = _run(
        capsys, "draft", "--data-dir", data, "--item", str(item["id"]),
        "--template", "credit-the-author", "--platform", "x", "--take", "Clear and useful.",
    )  # fmt: skip
    assert code == 0, err
    text = out.rstrip("\n")
    assert "Clear and useful." in text and item["title"][:30] in text
    planner = Planner.open(tmp_path)
    try:
        (draft,) = planner.drafting.drafts()
        assert draft.text == text and draft.template == "credit-the-author"
        assert draft.platform == "x" and draft.item_ids == (item["id"],)
    finally:
        planner.close()


def test_draft_json_has_the_count_for_the_platform(tmp_path, capsys):
    data = str(tmp_path)
    item = _first_item(capsys, data)
    code, out, _ = _run(capsys, "draft", "--data-dir", data, "--item", str(item["id"]), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["template"] == "quick-share" and result["platform"] == "linkedin"
    assert result["count"] == len(result["text"]) and result["limit"] == 3000


def test_draft_errors_are_clear(tmp_path, capsys):
    data = str(tmp_path)
    item = _first_item(capsys, data)
    code, _, err = _run(capsys, "draft", "--data-dir", data, "--item", "999999")
    assert code == 2 and "999999" in err
    code, _, err = _run(
        capsys, "draft", "--data-dir", data, "--item", str(item["id"]), "--template", "nope"
    )
    assert code == 2 and "no template named 'nope'" in err
    code, _, err = _run(
        capsys, "draft", "--data-dir", data, "--item", str(item["id"]), "--platform", "myspace"
    )
    assert code == 2 and "no platform 'myspace'" in err


def test_templates_list_and_duplicate(tmp_path, capsys, _sandboxed_home):
    data = str(tmp_path / "d")
    code, out, _ = _run(capsys, "templates", "list", "--data-dir", data, "--json")
    listed = {t["name"]: t for t in json.loads(out)}
    assert code == 0 and len(listed) >= 8 and not listed["quick-share"]["yours"]
    code, out, _ = _run(capsys, "templates", "duplicate", "quick-share", "--data-dir", data)
    assert code == 0 and "Copied to" in out
    code, out, _ = _run(capsys, "templates", "folder", "--data-dir", data)
    folder = out.strip()
    assert folder.startswith(str(_sandboxed_home))
    _, out, _ = _run(capsys, "templates", "list", "--data-dir", data, "--json")
    assert {t["name"]: t for t in json.loads(out)}["quick-share"]["yours"]
    code, _, err = _run(capsys, "templates", "duplicate", "quick-share", "--data-dir", data)
    assert code == 2 and "already have a template" in err


def test_draft_a_roundup_of_several_items(tmp_path, capsys):
    data = str(tmp_path)
    _, out, _ = _run(capsys, "inbox", "--demo", "--data-dir", data, "--json", "--limit", "3")
    items = json.loads(out)
    argv = ["draft", "--data-dir", data, "--template", "weekly-roundup", "--json"]
    for item in items:
        argv += ["--item", str(item["id"])]
    code, out, _ = _run(capsys, *argv)
    result = json.loads(out)
    assert code == 0 and result["items"] == [i["id"] for i in items]
    for item in items:
        assert item["link"] in result["text"]
