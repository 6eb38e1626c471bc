"""`digwell feeds ...` against a data folder: list, pause, resume, remove, and add
(discovery, --pick, --theme, private feeds) against a local feed server."""

import io
import json
import sys

import pytest

from app.cli import main
from app.clock import NOW_ENV
from tests.conftest import NOW
from tests.feed_server import FeedServer, rss


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


# `digwell feeds add` against a local feed server ---------------------------------------

SITE_PAGE = (
    b"<html><head><title>Site</title>"
    b'<link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml">'
    b'<link rel="alternate" type="application/atom+xml" title="Comments" href="/comments.atom">'
    b"</head><body>Welcome</body></html>"
)


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch):
    # The commands open their own Planner: DIGWELL_NOW gives it the tests' clock.
    monkeypatch.setenv(NOW_ENV, NOW.isoformat())


def _feeds(capsys, data):
    code, out, _ = _run(capsys, "feeds", "list", "--json", "--data-dir", data)
    assert code == 0
    return json.loads(out)


def _site(server):
    server.route("/", body=SITE_PAGE, content_type="text/html; charset=utf-8")
    server.route("/posts.xml", body=rss("Posts", 3))
    server.route("/comments.atom", body=rss("Comments", 2))
    return server.url("/")


def test_add_a_page_offering_two_feeds_lists_them_numbered_and_subscribes_to_none(
    tmp_path, capsys, server
):
    data = str(tmp_path)
    site = _site(server)
    code, out, _ = _run(capsys, "feeds", "add", site, "--data-dir", data)
    assert code == 3
    assert f"{site} offers 2 feeds; choose one with --pick N:" in out
    assert f"  1. Posts [rss] {server.url('/posts.xml')}" in out
    assert f"  2. Comments [atom] {server.url('/comments.atom')}" in out
    assert _feeds(capsys, data) == []


def test_add_with_pick_subscribes_to_the_chosen_feed(tmp_path, capsys, server):
    data = str(tmp_path)
    site = _site(server)
    code, out, _ = _run(capsys, "feeds", "add", site, "--pick", "2", "--data-dir", data)
    assert code == 0
    comments = server.url("/comments.atom")
    assert out.strip() == f"Subscribed to Comments ({comments})."
    (feed,) = _feeds(capsys, data)
    assert feed["url"] == comments and feed["title"] == "Comments"
    assert feed["themes"] == [] and feed["private"] is False


def test_add_with_a_pick_past_the_list_is_a_clear_error(tmp_path, capsys, server):
    data = str(tmp_path)
    code, _, err = _run(capsys, "feeds", "add", _site(server), "--pick", "5", "--data-dir", data)
    assert code == 2
    assert "There is no feed number 5. Pick 1 to 2." in err
    assert _feeds(capsys, data) == []


def test_add_with_theme_files_the_feed_under_that_theme(tmp_path, capsys, server):
    data = str(tmp_path)
    server.route("/feed.xml", body=rss("Golden", 2))
    url = server.url("/feed.xml")
    code, out, _ = _run(
        capsys, "feeds", "add", url, "--theme", "Platform", "--title", "Mine", "--data-dir", data
    )
    assert code == 0
    assert out.strip() == f"Subscribed to Mine ({url}) under Platform."
    (feed,) = _feeds(capsys, data)
    assert feed["themes"] == ["Platform"] and feed["title"] == "Mine"


def test_add_a_private_feed_reads_the_secret_from_stdin_and_signs_in(
    tmp_path, capsys, server, memory_keyring, monkeypatch
):
    data = str(tmp_path)
    server.route("/private.xml", body=rss("Private", 3), authorization="Bearer tok-7f3a9")
    url = server.url("/private.xml")
    monkeypatch.setattr(sys, "stdin", io.StringIO("tok-7f3a9\n"))
    code, out, err = _run(capsys, "feeds", "add", url, "--auth", "bearer", "--data-dir", data)
    assert code == 0, err
    assert out.strip() == f"Subscribed to Private ({url})."
    # Discovery was signed in: the route answers 401 to anything else.
    seen = [h.get("authorization") for h in server.headers_seen["/private.xml"]]
    assert seen == ["Bearer tok-7f3a9"]
    (feed,) = _feeds(capsys, data)
    assert feed["url"] == url and feed["private"] is True
    (stored,) = memory_keyring.store.values()
    assert '"kind":"bearer"' in stored and '"value":"tok-7f3a9"' in stored
    # The secret is in the keyring only, not in the data folder (database and WAL).
    written = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert written and b"tok-7f3a9" not in written


def test_add_a_private_feed_without_a_keyring_stores_nothing(tmp_path, capsys, server, monkeypatch):
    data = str(tmp_path)
    server.route("/private.xml", body=rss("Private", 3), authorization="Bearer tok")
    monkeypatch.setattr(sys, "stdin", io.StringIO("tok\n"))
    code, out, err = _run(
        capsys, "feeds", "add", server.url("/private.xml"), "--auth", "bearer", "--data-dir", data
    )
    assert code == 2
    assert err.startswith("digwell: The secret was NOT saved: ")
    assert "tok" not in err
    assert "Subscribed" not in out
    assert _feeds(capsys, data) == []


def test_add_with_basic_auth_needs_a_user_name(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("pw\n"))
    code, _, err = _run(
        capsys,
        "feeds",
        "add",
        "https://blog.example/feed",
        "--auth",
        "basic",
        "--data-dir",
        str(tmp_path),
    )
    assert code == 2 and "--auth basic needs --user NAME" in err


def test_a_private_feed_added_on_the_command_line_is_refreshed_signed_in(
    tmp_path, capsys, server, memory_keyring, monkeypatch
):
    # The JSON lines themselves are covered in tests/feeds/test_refresh.py; this checks
    # that `refresh` reads the secret `feeds add` put in the keyring.
    data = str(tmp_path)
    server.route("/private.xml", body=rss("Private", 3), authorization="Bearer tok")
    monkeypatch.setattr(sys, "stdin", io.StringIO("tok\n"))
    code, _, err = _run(
        capsys, "feeds", "add", server.url("/private.xml"), "--auth", "bearer", "--data-dir", data
    )
    assert code == 0, err
    server.reset_counters()

    code, out, _ = _run(capsys, "refresh", "--json-progress", "--data-dir", data)
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["event"] for e in events] == ["start", "feed", "done"]
    assert events[0]["total"] == 1
    assert events[1]["status"] == "ok" and events[1]["added"] == 3
    assert events[1]["title"] == "Private"
    assert events[2]["added"] == 3 and events[2]["errors"] == 0
    assert server.headers_seen["/private.xml"][0]["authorization"] == "Bearer tok"
    (feed,) = _feeds(capsys, data)
    assert feed["item_count"] == 3 and feed["last_error"] == ""
