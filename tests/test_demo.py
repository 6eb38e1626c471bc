import json

from app.demo import load_demo
from app.paths import resource_path


def test_demo_is_ingested_through_the_feed_parser(db, demo_planner, clock):
    manifest = json.loads(resource_path("demo", "demo.json").read_text())
    feeds = db.read("SELECT url FROM feeds")
    assert len(feeds) == len(manifest["feeds"]) >= 5
    assert demo_planner.inbox.item_count() >= 100
    assert len(demo_planner.strategy.themes()) == 3
    assert demo_planner.strategy.profile().name


def test_demo_has_rss_and_atom_feeds_of_about_twenty_items():
    import feedparser

    versions = []
    for entry in json.loads(resource_path("demo", "demo.json").read_text())["feeds"]:
        parsed = feedparser.parse(resource_path("demo", entry["file"]).read_bytes())
        assert not parsed.bozo, entry["file"]
        assert 15 <= len(parsed.entries) <= 30
        versions.append(parsed.version)
    assert any(v.startswith("rss") for v in versions)
    assert any(v.startswith("atom") for v in versions)


def test_demo_dates_are_shifted_so_the_newest_item_is_from_today(demo_planner, clock):
    newest = demo_planner.inbox.item(demo_planner.inbox.ids()[0])
    age = clock.now() - newest.published
    assert 0 <= age.total_seconds() < 86400


def test_loading_the_demo_twice_adds_nothing(demo_planner, db, clock):
    count = demo_planner.inbox.item_count()
    load_demo(db, clock)
    assert demo_planner.inbox.item_count() == count
