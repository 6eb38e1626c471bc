"""`digwell feeds ...` against a data folder: list, pause, resume, remove."""

import json

from app.cli import main


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_on_an_empty_folder_says_what_to_do(tmp_path, capsys):
    code, out, _ = _run(capsys, "feeds", "list", "--data-dir", str(tmp_path))
    assert code == 0 and "digwell feeds add URL" in out


def test_list_json_gives_each_feed_with_its_state(tmp_path, capsys):
    # --data-dir works before the command as well as after it.
    code, out, _ = _run(capsys, "--data-dir", str(tmp_path), "--demo", "feeds", "list", "--json")
    assert code == 0
    feeds = json.loads(out)
    assert len(feeds) == 5
    first = feeds[0]
    assert set(first) >= {
        "url",
        "title",
        "themes",
        "last_success",
        "last_error",
        "item_count",
        "paused",
    }
    assert first["item_count"] == 20 and first["themes"]
    assert first["paused"] and "Demo feed" in first["paused_reason"]


def test_pause_resume_and_remove_by_id_or_url(tmp_path, capsys):
    data = str(tmp_path)
    _run(capsys, "feeds", "list", "--demo", "--data-dir", data)
    feeds = json.loads(_run(capsys, "feeds", "list", "--json", "--data-dir", data)[1])
    target = feeds[0]
    code, out, _ = _run(capsys, "feeds", "resume", str(target["id"]), "--data-dir", data)
    assert code == 0 and "Resumed" in out
    code, out, _ = _run(capsys, "feeds", "pause", target["url"], "--data-dir", data)
    assert code == 0 and "Paused" in out
    code, out, _ = _run(capsys, "feeds", "remove", target["url"], "--data-dir", data)
    assert code == 0 and "Unsubscribed" in out
    left = json.loads(_run(capsys, "feeds", "list", "--json", "--data-dir", data)[1])
    assert len(left) == 4 and target["url"] not in {f["url"] for f in left}


def test_unknown_feed_is_a_clear_error(tmp_path, capsys):
    code, _, err = _run(
        capsys, "feeds", "pause", "https://nowhere.example/x", "--data-dir", str(tmp_path)
    )
    assert code == 2 and "No subscription matches" in err
