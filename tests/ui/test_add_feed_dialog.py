"""Adding a feed from the window: autodiscovery in the background, themes, sign-in."""

import pytest
from PySide6.QtCore import Qt

from app.store import feeds as feeds_q
from app.ui.background import BackgroundCall
from app.ui.dialogs.add_feed_dialog import AddFeedDialog
from tests.feed_server import rss

TIMEOUT_MS = 20_000

PAGE = b"""<html><head><title>A blog</title>
<link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml">
<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml">
</head><body>hello</body></html>"""


@pytest.fixture
def dialog(db, qtbot, planner):
    from app.store import themes as themes_q
    from app.types import Theme

    with db.transaction() as conn:
        themes_q.save_theme(conn, Theme(0, "Platform"))
    widget = AddFeedDialog(planner)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _find(qtbot, dialog, url: str) -> None:
    dialog.url.setText(url)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == f"Looking for feeds at {url}…"


def test_a_site_offering_two_feeds_lets_the_user_pick(db, qtbot, dialog, planner, feed_server):
    feed_server.route("/", body=PAGE, content_type="text/html")
    feed_server.route("/posts.xml", body=rss("posts", 2))
    feed_server.route("/comments.xml", body=rss("comments", 2))
    _find(qtbot, dialog, feed_server.url("/"))
    qtbot.waitUntil(lambda: dialog.found.count() == 2, timeout=TIMEOUT_MS)
    assert dialog.status.text() == "This site offers 2 feeds: pick one, then subscribe."
    assert feed_server.url("/comments.xml") in dialog.found.item(1).text()
    assert dialog.subscribe_button.text() == "Subscribe"

    dialog.found.setCurrentRow(1)
    dialog.themes.list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.themes.new_name.setText("Leadership")  # typed, not yet added: still counts
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)
    feed = feeds_q.find_feed(db, feed_server.url("/comments.xml"))
    assert feed is not None and dialog.feed.id == feed.id
    assert feed.title == "Comments"
    assert feed.themes == ("Platform", "Leadership")


def test_find_and_subscribe_in_one_go_when_there_is_one_feed(qtbot, dialog, planner, feed_server):
    feed_server.route("/feed.xml", body=rss("solo", 1))
    dialog.url.setText(feed_server.url("/feed.xml"))
    assert dialog.subscribe_button.text() == "Find and subscribe"
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)
    assert dialog.feed.url == feed_server.url("/feed.xml")
    assert dialog.feed.title == "solo"


def test_find_and_subscribe_when_the_lookup_ends_before_the_dialog_looks(
    qtbot, dialog, feed_server, monkeypatch
):
    """On a busy machine the lookup's thread can end before the dialog asks whether it
    is still running; its result is then still on its way, and must still subscribe."""
    start = BackgroundCall.start

    def start_and_let_the_thread_end(call):
        start(call)
        call._thread.join()

    monkeypatch.setattr(BackgroundCall, "start", start_and_let_the_thread_end)
    feed_server.route("/feed.xml", body=rss("solo", 1))
    dialog.url.setText(feed_server.url("/feed.xml"))
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)
    assert dialog.feed.url == feed_server.url("/feed.xml")


def test_an_address_without_a_feed_is_explained(qtbot, dialog, planner, feed_server):
    feed_server.route("/", status=404, body=b"no")
    _find(qtbot, dialog, feed_server.url("/"))
    qtbot.waitUntil(lambda: "No feed found" in dialog.status.text(), timeout=TIMEOUT_MS)
    assert dialog.found.isHidden()
    assert planner.feeds.count() == 0
    assert dialog.isVisible()


def test_a_private_feed_is_found_signed_in_and_its_secret_goes_to_the_keyring(
    db, qtbot, dialog, planner, feed_server, memory_keyring
):
    feed_server.route("/private.xml", body=rss("members", 1), authorization="Bearer t0ken")
    dialog.sign_in.setChecked(True)
    assert "kept in" in dialog.sign_in.note.text()
    dialog.sign_in.kind.setCurrentIndex(1)  # token
    assert not dialog.sign_in.form.isRowVisible(dialog.sign_in.name)
    dialog.sign_in.secret.setText("t0ken")
    dialog.url.setText(feed_server.url("/private.xml"))
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)
    assert feed_server.headers_seen["/private.xml"][0]["authorization"] == "Bearer t0ken"
    assert dialog.feed.title == "members"
    assert dialog.feed.auth_kind == "bearer"
    assert any("t0ken" in value for value in memory_keyring.store.values())
    assert b"t0ken" not in db.path.read_bytes()
    assert not any(b"t0ken" in p.read_bytes() for p in db.path.parent.iterdir())


def test_without_a_keyring_the_sign_in_says_so_and_nothing_is_saved(qtbot, dialog, planner):
    dialog.sign_in.setChecked(True)
    note = dialog.sign_in.note.text()
    assert note.startswith("Secrets for private feeds cannot be saved")
    assert not dialog.sign_in.secret.isEnabled()
    dialog.url.setText("https://example.org/feed.xml")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert "cannot be saved" in dialog.status.text()
    assert planner.feeds.count() == 0


def test_an_empty_sign_in_field_is_named(qtbot, dialog, memory_keyring):
    dialog.sign_in.setChecked(True)
    dialog.url.setText("https://example.org/feed.xml")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("The user name is empty.")


def test_a_private_feed_without_its_sign_in_says_it_needs_one(qtbot, dialog, planner, feed_server):
    feed_server.route("/private.xml", body=rss("members", 1), authorization="Bearer t0ken")
    _find(qtbot, dialog, feed_server.url("/private.xml"))
    qtbot.waitUntil(lambda: "asks for a sign-in" in dialog.status.text(), timeout=TIMEOUT_MS)
    assert "HTTP 401" in dialog.status.text()
