"""The people ledger end to end, as issue 18's "done when" tells it (docs/PEOPLE.md): a
user imports their LinkedIn connections, sees who has gone cold, credits one of them in
a post from the inbox with the right mention for X and for LinkedIn, marks it posted and
sees the touch on that person's timeline and their due date move. Through the planner's
services only, against a feed served on 127.0.0.1."""

from __future__ import annotations

from datetime import date, timedelta

from app.types import InboxFilter
from tests.feed_server import FeedServer
from tests.people.import_files import connections, write

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Platform Notes</title>'
    "<link>https://notes.example/</link>"
    "<item><title>Golden paths, not golden cages</title><link>https://notes.example/golden</link>"
    "<guid>golden</guid><author>priya@notes.example (Priya Raman)</author>"
    "<pubDate>Sun, 22 Nov 2026 09:00:00 GMT</pubDate>"
    "<description>What forty platform teams told us about paved roads.</description></item>"
    "<item><title>Release notes for the week</title><link>https://notes.example/week</link>"
    "<guid>week</guid><author>someone@notes.example (Ola Berg)</author>"
    "<pubDate>Sun, 22 Nov 2026 10:00:00 GMT</pubDate>"
    "<description>Small fixes.</description></item>"
    "</channel></rss>"
)


def test_import_see_who_is_cold_credit_post_and_see_the_touch(planner, tmp_path):
    people = planner.people
    with FeedServer() as server:
        server.route("/feed.xml", body=FEED.encode(), content_type="application/rss+xml")
        planner.feeds.subscribe(server.url("/feed.xml"), themes=["Platform engineering"])
        assert planner.feeds.refresh(force=True, workers=1).added == 2

    # 1. Import LinkedIn's connections: "Connected On" becomes a connected touch.
    csv = write(
        tmp_path / "Connections.csv",
        connections(
            "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Notes Media,Editor,24 Aug 2023",
            "Sam,Lee,https://www.linkedin.com/in/samlee,sam@example.com,Globex,Designer,"
            "20 Nov 2026",
        ),
    )
    plan = people.read_import(csv)
    assert [p.fields["name"] for p in plan.added] == ["Priya Raman", "Sam Lee"]
    people.apply_import(plan)
    assert people.read_import(csv).added == []  # a re-import adds nobody twice

    # 2. Who has gone cold: Priya, connected three years ago and never since.
    priya = people.find("priya raman")
    assert [p.name for p in people.due()] == ["Priya Raman"]
    assert priya.last_touch == date(2023, 8, 24) and priya.email == ""
    priya = people.edit(priya.id, circle="Close", x="@priyaraman")
    assert priya.due_on == date(2023, 9, 23) and priya.overdue_on == date(2023, 10, 8)

    # 3. Her item in the inbox says whose it is.
    golden = next(
        planner.inbox.item(i)
        for i in planner.inbox.ids(inbox=InboxFilter())
        if planner.inbox.item(i).title.startswith("Golden")
    )
    assert "by Priya Raman, one of your people; last touch 3 years ago" in golden.reason

    # 4. Crediting her: her handle on X, her name on LinkedIn.
    take = "Paved roads beat mandates."
    on_x = planner.drafting.new_draft([golden.id], "credit-the-author", "x", take=take)
    on_linkedin = planner.drafting.new_draft([golden.id], "credit-the-author", "linkedin")
    assert "Thanks to @priyaraman for" in on_x.text
    assert "Thanks to Priya Raman for" in on_linkedin.text and "@priyaraman" not in on_linkedin.text
    credits = planner.drafting.credits(on_x.id)
    assert [(c.name, c.kind) for c in credits] == [("Priya Raman", "credited")]

    # 5. Marking it posted logs the touch: on her timeline, and her due date moves.
    post = planner.drafting.mark_posted(on_x.id, "x", url="https://x.com/me/status/1")
    today = people.today()
    touch = people.touches(priya.id)[0]
    assert (touch.kind, touch.on, touch.auto, touch.post_id) == ("credited", today, True, post.id)
    assert touch.post_url == "https://x.com/me/status/1" and touch.post_platform == "x"
    priya = people.get(priya.id)
    assert priya.last_touch == today and priya.gives == 1
    assert priya.due_on == today + timedelta(days=30)
    assert people.due() == []

    # Undo posted takes the touch back, and she is due again.
    planner.drafting.undo_posted(post.id)
    assert [t.kind for t in people.touches(priya.id)] == ["connected"]
    assert [p.name for p in people.due()] == ["Priya Raman"]
