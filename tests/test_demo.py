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


def test_demo_people_tell_a_story(demo_planner):
    """Some are due, some overdue, two are offered by the network review, and the
    demo's authors among them have their items linked (docs/PEOPLE.md)."""
    people = demo_planner.people
    due = people.due()
    today = people.today()
    assert len(due) >= 3 and any(p.overdue_on <= today for p in due)
    assert [p.overdue_on for p in due] == sorted(p.overdue_on for p in due)
    assert {p.name for p in people.review()} == {"Lena Okafor", "Felix Hartmann"}
    priya = people.find("Priya Raman")
    assert priya.x == "@priyaraman" and priya.gives == 2
    assert len(people.items_by(priya.id)) >= 5
    assert all(people.items_by(p.id) for p in people.listed() if p.name != "Lena Okafor")
