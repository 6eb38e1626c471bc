"""Subscribing, private feeds, removal, pause/rename/move, discovery and OPML, as the CLI
and the GUI call them (app.feeds.service)."""

from datetime import timedelta

import pytest

from app.credentials import SERVICE, CredentialsError, FeedSecret
from app.errors import DigwellError
from app.feeds.finding import FeedChoice, find_feeds
from app.store import drafts as drafts_q
from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import posts as posts_q
from app.strategy.scoring import current_scorer
from app.types import ParsedEntry
from tests.feed_server import FeedServer, rss

FEED = "https://blog.example/feed.xml"
OTHER = "https://other.example/rss"


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


def _data_bytes(data_dir) -> bytes:
    """Everything Digwell wrote to the data folder (database, WAL and shared memory)."""
    return b"".join(path.read_bytes() for path in sorted(data_dir.rglob("*")) if path.is_file())


def _entries(n: int) -> list[ParsedEntry]:
    return [
        ParsedEntry(
            key=f"k{i}",
            title=f"Item {i}",
            link=f"https://blog.example/{i}",
            author="",
            summary_html=f"<p>About {i}</p>",
            summary_text=f"About {i}",
            published=None,
        )
        for i in range(n)
    ]


def _item_ids(db, planner, feed_id: int) -> list[int]:
    rows = db.read("SELECT id FROM items WHERE feed_id = ? ORDER BY key", (feed_id,))
    return [r["id"] for r in rows]


# subscribe ---------------------------------------------------------------------------


def test_subscribe_creates_the_themes_it_is_given(planner):
    feed = planner.feeds.subscribe(FEED, themes=["Platform", "AI"], title="Blog")
    assert feed.url == FEED and feed.title == "Blog"
    assert set(feed.themes) == {"Platform", "AI"}
    assert [t.name for t in planner.strategy.themes()] == ["Platform", "AI"]
    assert planner.feeds.count() == 1


def test_subscribe_reuses_an_existing_theme_whatever_its_case(planner):
    planner.feeds.subscribe(FEED, themes=["Platform"])
    feed = planner.feeds.subscribe(OTHER, themes=["platform"])
    assert feed.themes == ("Platform",)
    assert [t.name for t in planner.strategy.themes()] == ["Platform"]


def test_subscribing_an_existing_url_under_another_theme_keeps_its_old_themes(planner):
    first = planner.feeds.subscribe(FEED, themes=["Platform"])
    again = planner.feeds.subscribe(FEED, themes=["AI"])
    assert again.id == first.id
    assert set(again.themes) == {"Platform", "AI"}
    assert planner.feeds.count() == 1


def test_subscribing_an_existing_url_without_themes_leaves_its_themes_alone(planner):
    planner.feeds.subscribe(FEED, themes=["Platform"])
    again = planner.feeds.subscribe(FEED)
    assert again.themes == ("Platform",)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://blog.example/feed", "blog.example"]
)
def test_a_non_http_address_is_refused_and_nothing_is_stored(planner, url):
    with pytest.raises(DigwellError, match="is not an http"):
        planner.feeds.subscribe(url, themes=["Platform"])
    assert planner.feeds.count() == 0
    assert planner.strategy.themes() == []


def test_a_removed_feed_comes_back_when_subscribed_again(planner, clock):
    feed = planner.feeds.subscribe(FEED, themes=["Platform"])
    planner.feeds.remove(FEED)
    assert planner.feeds.count() == 0
    clock.advance(timedelta(days=1))
    back = planner.feeds.subscribe(FEED, themes=["AI"])
    assert back.id == feed.id  # the same row, restored
    assert back.themes == ("AI",)  # its old themes went with the removal
    assert [f.url for f in planner.feeds.list_feeds()] == [FEED]


def test_a_resubscribed_feed_is_fetched_at_the_next_refresh(db, planner):
    feed = planner.feeds.subscribe(FEED)
    with db.transaction() as conn:
        later = planner.clock.now() + timedelta(hours=6)
        feeds_q.record_success(conn, feed.id, "Blog", "", planner.clock.now(), next_fetch_at=later)
    planner.feeds.remove(FEED)
    back = planner.feeds.subscribe(FEED)
    assert back.next_fetch_at is None
    assert planner.feeds.due_count() == 1


def test_a_feed_removed_while_paused_comes_back_active(planner):
    planner.feeds.subscribe(FEED)
    planner.feeds.set_paused(FEED, True)
    planner.feeds.remove(FEED)
    back = planner.feeds.subscribe(FEED)
    assert not back.paused and back.paused_reason == ""


# private feeds ------------------------------------------------------------------------


def test_a_private_feeds_secret_is_kept_only_in_the_keyring(db, planner, data_dir, memory_keyring):
    secret = FeedSecret("basic", "me", "pw-only-in-the-keyring")
    feed = planner.feeds.subscribe(FEED, secret=secret)
    assert feed.auth_kind == "basic"
    ((service, username), stored) = next(iter(memory_keyring.store.items()))
    assert service == SERVICE and username.startswith("feed:")
    assert "pw-only-in-the-keyring" in stored
    ref = feeds_q.secret_ref(db, feed.id)
    assert username == f"feed:{ref}"
    written = _data_bytes(data_dir)
    assert written  # the database really is there
    assert b"pw-only-in-the-keyring" not in written


def test_subscribing_again_with_a_new_secret_replaces_the_old_one(planner, memory_keyring):
    planner.feeds.subscribe(FEED, secret=FeedSecret("basic", "me", "old-pw"))
    (old_key,) = memory_keyring.store
    feed = planner.feeds.subscribe(FEED, secret=FeedSecret("bearer", "", "new-token"))
    assert feed.auth_kind == "bearer"
    assert len(memory_keyring.store) == 1
    assert old_key not in memory_keyring.store
    (stored,) = memory_keyring.store.values()
    assert "new-token" in stored and "old-pw" not in stored


def test_subscribing_again_without_a_secret_keeps_the_feeds_secret(planner, memory_keyring):
    planner.feeds.subscribe(FEED, secret=FeedSecret("bearer", "", "tok"))
    feed = planner.feeds.subscribe(FEED, themes=["AI"])
    assert feed.auth_kind == "bearer"
    assert len(memory_keyring.store) == 1


def test_set_credentials_replaces_the_secret_and_makes_the_feed_due(db, planner, memory_keyring):
    feed = planner.feeds.subscribe(FEED, secret=FeedSecret("basic", "me", "old-pw"))
    with db.transaction() as conn:
        later = planner.clock.now() + timedelta(hours=1)
        feeds_q.record_success(conn, feed.id, "Blog", "", planner.clock.now(), next_fetch_at=later)
    assert planner.feeds.due_count() == 0

    updated = planner.feeds.set_credentials(FEED, FeedSecret("basic", "me", "new-pw"))
    assert updated.auth_kind == "basic"
    assert updated.next_fetch_at is None and planner.feeds.due_count() == 1
    (stored,) = memory_keyring.store.values()
    assert "new-pw" in stored
    ref = feeds_q.secret_ref(db, feed.id)
    assert set(memory_keyring.store) == {(SERVICE, f"feed:{ref}")}


def test_set_credentials_to_none_forgets_the_secret(db, planner, memory_keyring):
    feed = planner.feeds.subscribe(FEED, secret=FeedSecret("bearer", "", "tok"))
    with db.transaction() as conn:
        later = planner.clock.now() + timedelta(hours=1)
        feeds_q.record_success(conn, feed.id, "Blog", "", planner.clock.now(), next_fetch_at=later)

    public = planner.feeds.set_credentials(str(feed.id), None)
    assert public.auth_kind == ""
    assert public.next_fetch_at is None
    assert memory_keyring.store == {}
    assert feeds_q.secret_ref(db, feed.id) is None


def test_without_a_keyring_a_private_feed_is_refused_and_not_stored(planner):
    # tests/conftest.py selects keyring's "fail" backend.
    with pytest.raises(CredentialsError) as caught:
        planner.feeds.subscribe(
            FEED, themes=["Platform"], secret=FeedSecret("basic", "me", "pw-secret")
        )
    message = str(caught.value)
    assert "NOT saved" in message and "keyring" in message
    assert "pw-secret" not in message
    assert planner.feeds.count() == 0
    assert planner.strategy.themes() == []


def test_without_a_keyring_set_credentials_leaves_the_feed_public(planner):
    planner.feeds.subscribe(FEED)
    with pytest.raises(CredentialsError, match="NOT saved"):
        planner.feeds.set_credentials(FEED, FeedSecret("bearer", "", "tok"))
    assert planner.feeds.get(FEED).auth_kind == ""


# unsubscribe --------------------------------------------------------------------------


def test_unsubscribe_deletes_the_keyring_secret(planner, memory_keyring):
    planner.feeds.subscribe(FEED, secret=FeedSecret("bearer", "", "tok"))
    planner.feeds.subscribe(OTHER, secret=FeedSecret("bearer", "", "other-tok"))
    assert len(memory_keyring.store) == 2
    assert planner.feeds.remove(FEED) == 0
    (left,) = memory_keyring.store.values()
    assert "other-tok" in left
    assert [f.url for f in planner.feeds.list_feeds()] == [OTHER]


def test_unsubscribe_keeps_starred_drafted_and_posted_items_and_counts_them(db, planner, clock):
    feed = planner.feeds.subscribe(FEED, title="Blog")
    with db.transaction() as conn:
        items_q.upsert_entries(conn, feed.id, _entries(5), clock.now(), current_scorer(conn))
    starred, drafted, posted, *plain = _item_ids(db, planner, feed.id)
    with db.transaction() as conn:
        conn.execute("UPDATE items SET starred = 1 WHERE id = ?", (starred,))
        drafts_q.create_draft(
            conn, text="x", template="t", platform="linkedin", item_ids=[drafted], now=clock.now()
        )
        posts_q.add_post(conn, posted_at=clock.now(), platform="linkedin", item_id=posted)

    kept = planner.feeds.remove(FEED)
    assert kept == 3
    assert set(_item_ids(db, planner, feed.id)) == {starred, drafted, posted}
    assert not set(plain) & set(planner.inbox.ids())
    # Kept items still name their source.
    assert planner.inbox.item(starred).source == "Blog"
    assert planner.feeds.count() == 0


def test_unsubscribe_an_unknown_feed_is_a_clear_error(planner):
    with pytest.raises(DigwellError) as caught:
        planner.feeds.remove("https://nowhere.example/x")
    assert caught.value.message == "No subscription matches 'https://nowhere.example/x'."


def test_a_removed_feed_can_no_longer_be_found(planner):
    feed = planner.feeds.subscribe(FEED)
    planner.feeds.remove(FEED)
    with pytest.raises(DigwellError, match="No subscription matches"):
        planner.feeds.get(str(feed.id))


# pause, rename, move ------------------------------------------------------------------


def test_pause_says_why_and_resume_makes_the_feed_due(planner):
    feed = planner.feeds.subscribe(FEED)
    paused = planner.feeds.set_paused(str(feed.id), True)
    assert paused.paused and paused.paused_reason == "Paused by you."
    assert planner.feeds.due_count() == 0
    resumed = planner.feeds.set_paused(FEED, False)
    assert not resumed.paused and resumed.paused_reason == ""
    assert resumed.next_fetch_at is None and planner.feeds.due_count() == 1


def test_rename_trims_the_new_title(planner):
    planner.feeds.subscribe(FEED, title="Old name")
    assert planner.feeds.rename(FEED, "  New name \n").title == "New name"
    assert planner.feeds.list_feeds()[0].title == "New name"


def test_move_files_the_feed_under_exactly_the_given_themes(planner):
    planner.feeds.subscribe(FEED, themes=["Platform", "AI"])
    moved = planner.feeds.move(FEED, ["Security", "AI"])
    assert set(moved.themes) == {"Security", "AI"}
    assert "Security" in {t.name for t in planner.strategy.themes()}
    assert planner.feeds.move(FEED, []).themes == ()


def test_move_with_a_theme_named_twice_files_the_feed_once(planner):
    planner.feeds.subscribe(FEED, themes=["AI"])
    moved = planner.feeds.move(FEED, ["AI", "ai"])
    assert moved.themes == ("AI",)


@pytest.mark.parametrize("action", ["pause", "rename", "move", "credentials", "require"])
def test_an_unknown_feed_is_named_with_where_to_look(planner, action):
    calls = {
        "pause": lambda: planner.feeds.set_paused("42", True),
        "rename": lambda: planner.feeds.rename("42", "x"),
        "move": lambda: planner.feeds.move("42", ["AI"]),
        "credentials": lambda: planner.feeds.set_credentials("42", None),
        "require": lambda: planner.feeds.get("42"),
    }
    with pytest.raises(DigwellError) as caught:
        calls[action]()
    assert caught.value.message == "No subscription matches '42'."
    assert "digwell feeds list" in caught.value.hint
    assert planner.strategy.themes() == []  # move created nothing


# find_feeds ---------------------------------------------------------------------------


def test_find_feeds_on_a_feed_address_gives_that_feed_with_its_title(server):
    server.route("/feed.xml", body=rss("Golden", 3))
    url = server.url("/feed.xml")
    assert find_feeds(url) == [FeedChoice(url, "Golden", "rss")]


def test_find_feeds_on_a_page_lists_the_feeds_it_links_to(server):
    page = (
        "<html><head><title>Site</title>"
        '<link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml">'
        '<link rel="alternate" type="application/atom+xml" title="Comments" href="/c.atom">'
        "</head><body>hi</body></html>"
    )
    server.route("/", body=page.encode(), content_type="text/html; charset=utf-8")
    choices = find_feeds(server.url("/"))
    assert choices == [
        FeedChoice(server.url("/posts.xml"), "Posts", "rss"),
        FeedChoice(server.url("/c.atom"), "Comments", "atom"),
    ]
    assert server.hits["/posts.xml"] == 0  # listed from the page, not fetched


def test_find_feeds_signs_in_to_a_private_feed(server):
    server.route("/private.xml", body=rss("Private", 2), authorization="Bearer x")
    url = server.url("/private.xml")
    choices = find_feeds(url, secret=FeedSecret("bearer", "", "x"))
    assert choices == [FeedChoice(url, "Private", "rss")]
    assert server.headers_seen["/private.xml"][0]["authorization"] == "Bearer x"


def test_find_feeds_without_the_secret_says_the_feed_asks_for_a_sign_in(server):
    server.route("/private.xml", body=rss("Private", 2), authorization="Bearer x")
    with pytest.raises(DigwellError) as caught:
        find_feeds(server.url("/private.xml"))
    assert "asks for a sign-in (HTTP 401)" in str(caught.value)
    assert "127.0.0.1" in caught.value.message
    assert "authorization" not in server.headers_seen["/private.xml"][0]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "", "   "])
def test_find_feeds_refuses_what_is_not_a_web_address(url):
    def get(_url):
        raise AssertionError("nothing may be fetched")

    with pytest.raises(DigwellError, match="only web addresses"):
        find_feeds(url, get)


def test_find_feeds_reads_a_schemeless_address_as_https():
    asked = []

    def get(url):
        asked.append(url)
        return 200, {"content-type": "application/rss+xml"}, rss("Typed", 1)

    choices = find_feeds("blog.example:8443/feed.xml", get)
    assert asked == ["https://blog.example:8443/feed.xml"]
    assert choices == [FeedChoice("https://blog.example:8443/feed.xml", "Typed", "rss")]


def test_find_feeds_with_its_own_getter_uses_only_that_getter(server):
    # An injected `get` is the whole transport: nothing reaches the real network.
    asked = []

    def get(url):
        asked.append(url)
        return 200, {"content-type": "text/xml"}, rss("Injected", 1)

    choices = find_feeds(server.url("/feed.xml"), get)
    assert asked == [server.url("/feed.xml")] and choices[0].title == "Injected"
    assert server.hits["/feed.xml"] == 0


# OPML ---------------------------------------------------------------------------------


def _opml(body: str) -> bytes:
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{body}</body></opml>'.encode()


def test_import_opml_files_nested_feeds_under_their_folders(planner, tmp_path):
    path = tmp_path / "subs.opml"
    path.write_bytes(
        _opml(
            '<outline text="Engineering">'
            '  <outline text="Platform">'
            f'    <outline type="rss" text="Blog" xmlUrl="{FEED}"/>'
            "  </outline>"
            f'  <outline type="rss" text="Other" xmlUrl="{OTHER}"/>'
            "</outline>"
            '<outline type="rss" text="Loose" xmlUrl="https://loose.example/feed"/>'
        )
    )
    report = planner.feeds.import_opml(path)
    assert report.added == [FEED, OTHER, "https://loose.example/feed"]
    assert report.skipped == []
    assert report.themes_created == ["Platform", "Engineering"]
    feeds = {f.url: f for f in planner.feeds.list_feeds()}
    assert feeds[FEED].themes == ("Platform",) and feeds[FEED].title == "Blog"
    assert feeds[OTHER].themes == ("Engineering",)
    assert feeds["https://loose.example/feed"].themes == ()


def test_import_opml_skips_feeds_already_subscribed(planner, tmp_path):
    planner.feeds.subscribe(FEED, themes=["Mine"], title="My title")
    path = tmp_path / "subs.opml"
    path.write_bytes(
        _opml(
            '<outline text="Theirs">'
            f'<outline type="rss" text="Blog" xmlUrl="{FEED}"/>'
            f'<outline type="rss" text="Other" xmlUrl="{OTHER}"/>'
            "</outline>"
            '<outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>'
        )
    )
    report = planner.feeds.import_opml(path)
    assert report.added == [OTHER]
    assert (FEED, "already subscribed") in report.skipped
    assert any(what == "Bad" and "not http" in why for what, why in report.skipped)
    mine = planner.feeds.get(FEED)
    assert mine.themes == ("Mine",) and mine.title == "My title"  # left as it was


def test_importing_the_same_file_twice_adds_nothing_the_second_time(planner, tmp_path):
    path = tmp_path / "subs.opml"
    path.write_bytes(_opml(f'<outline type="rss" text="Blog" xmlUrl="{FEED}"/>'))
    assert planner.feeds.import_opml(path).added == [FEED]
    again = planner.feeds.import_opml(path)
    assert again.added == [] and again.skipped == [(FEED, "already subscribed")]
    assert planner.feeds.count() == 1


def test_import_opml_with_folders_differing_only_in_case_files_the_feed_once(planner, tmp_path):
    path = tmp_path / "subs.opml"
    path.write_bytes(
        _opml(
            f'<outline text="News"><outline type="rss" text="Blog" xmlUrl="{FEED}"/></outline>'
            f'<outline text="news"><outline type="rss" text="Blog" xmlUrl="{FEED}"/></outline>'
        )
    )
    report = planner.feeds.import_opml(path)
    assert report.added == [FEED]
    assert planner.feeds.list_feeds()[0].themes == ("News",)


def test_import_opml_from_an_unreadable_path_is_a_clear_error(planner, tmp_path):
    missing = tmp_path / "nope.opml"
    with pytest.raises(DigwellError) as caught:
        planner.feeds.import_opml(missing)
    assert caught.value.message.startswith(f"The file {missing} cannot be read")
    assert caught.value.hint == "Check the path."
    with pytest.raises(DigwellError, match="cannot be read"):
        planner.feeds.import_opml(tmp_path)  # a folder
    assert planner.feeds.count() == 0


def test_import_opml_of_a_file_that_is_not_opml_is_a_clear_error(planner, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(rss("NotOpml", 1))
    with pytest.raises(DigwellError, match="not an OPML subscription list"):
        planner.feeds.import_opml(path)
    assert planner.feeds.count() == 0


def test_export_then_import_round_trips_feeds_and_themes(planner, clock, tmp_path, data_dir):
    planner.feeds.subscribe(FEED, themes=["Platform", "AI"], title="Blog")
    planner.feeds.subscribe(OTHER, themes=["AI"], title="Other")
    planner.feeds.subscribe("https://loose.example/feed", title="Loose")
    path = tmp_path / "out.opml"
    assert planner.feeds.export_opml(path) == 3

    from app.planner import Planner

    fresh = Planner.open(tmp_path / "fresh", clock=clock)
    try:
        report = fresh.feeds.import_opml(path)
        assert sorted(report.added) == sorted([FEED, OTHER, "https://loose.example/feed"])
        assert report.skipped == []
        assert set(report.themes_created) == {"Platform", "AI"}
        got = {f.url: (f.title, set(f.themes)) for f in fresh.feeds.list_feeds()}
    finally:
        fresh.close()
    assert got == {
        FEED: ("Blog", {"Platform", "AI"}),
        OTHER: ("Other", {"AI"}),
        "https://loose.example/feed": ("Loose", set()),
    }


def test_export_opml_never_holds_a_private_feeds_secret(planner, tmp_path, memory_keyring):
    planner.feeds.subscribe(
        FEED, themes=["AI"], secret=FeedSecret("basic", "me-user", "hunter2-secret")
    )
    planner.feeds.subscribe(OTHER, secret=FeedSecret("bearer", "", "tok-secret-123"))
    path = tmp_path / "out.opml"
    assert planner.feeds.export_opml(path) == 2
    written = path.read_bytes()
    assert FEED.encode() in written and OTHER.encode() in written
    for secret in (b"hunter2-secret", b"tok-secret-123", b"me-user"):
        assert secret not in written
    assert len(memory_keyring.store) == 2  # exporting leaves the keyring alone


def test_export_opml_to_an_unwritable_path_is_a_clear_error(planner, tmp_path):
    planner.feeds.subscribe(FEED)
    target = tmp_path / "no-such-folder" / "out.opml"
    with pytest.raises(DigwellError, match="cannot be written"):
        planner.feeds.export_opml(target)
    assert not target.exists()
