"""`digwell inbox`: the ranked list with score, theme, reason, title and link."""

import json

from app.cli import main


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_lists_the_ranked_items_with_their_reasons(tmp_path, capsys):
    code, out, _ = _run(capsys, "inbox", "--demo", "--data-dir", str(tmp_path), "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) == 20
    assert set(items[0]) >= {"id", "score", "theme", "reason", "title", "link"}
    # The score is how well an item matches the themes, decayed by age; items by the
    # user's people rank above that (the lift, docs/PEOPLE.md) and say why.
    by_people = [i for i in items if "one of your people" in i["reason"]]
    scores = [i["score"] for i in items if i not in by_people]
    assert by_people and scores == sorted(scores, reverse=True) and 0 < max(scores) <= 1
    assert items[0]["reason"].startswith(items[0]["theme"] + ": ")


def test_theme_search_and_limit_narrow_the_list(tmp_path, capsys):
    base = ["inbox", "--demo", "--data-dir", str(tmp_path), "--json"]
    _, out, _ = _run(capsys, *base, "--theme", "ai GOVERNANCE", "--limit", "5")
    items = json.loads(out)
    assert len(items) == 5 and {i["theme"] for i in items} == {"AI governance"}
    _, out, _ = _run(capsys, *base, "--search", "golden path")
    found = json.loads(out)
    assert found and all("golden" in (i["title"] + i["reason"]).lower() for i in found[:1])


def test_unknown_theme_is_a_clear_error(tmp_path, capsys):
    code, _, err = _run(
        capsys, "inbox", "--demo", "--data-dir", str(tmp_path), "--theme", "Cooking"
    )
    assert code == 2 and "no theme named 'Cooking'" in err and "AI governance" in err


def test_hostile_search_text_is_just_text(tmp_path, capsys):
    argv = ["inbox", "--demo", "--data-dir", str(tmp_path), "--json", "--search"]
    for text in ['"unbalanced', "NEAR(", "a OR", "(", "*"]:
        code, out, _ = _run(capsys, *argv, text)
        assert code == 0 and isinstance(json.loads(out), list)


def test_plain_output_on_an_empty_folder_says_what_to_do(tmp_path, capsys):
    code, out, _ = _run(capsys, "inbox", "--data-dir", str(tmp_path))
    assert code == 0 and "digwell feeds add URL" in out
