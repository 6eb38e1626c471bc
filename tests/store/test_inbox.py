"""The ranked inbox: views by theme and state, keyset pages, counts, and search."""

from datetime import timedelta

import pytest

from app.store import feeds as feeds_q
from app.store import items as items_q
from app.store import themes as themes_q
from app.store.inbox import fts_query
from app.store.settings import set_setting
from app.strategy.scoring import STRATEGY_VERSION_KEY, current_scorer
from app.types import InboxFilter, ParsedEntry, Theme


def _entry(n: int, title: str, text: str = "", hours_ago: int = 1, now=None) -> ParsedEntry:
    return ParsedEntry(
        key=f"guid:{n}",
        title=title,
        link=f"https://news.example/{n}",
        author="",
        summary_html=f"<p>{text}</p>",
        summary_text=text,
        published=now - timedelta(hours=hours_ago),
        guid=str(n),
    )


@pytest.fixture
def ranked(db, planner, clock):
    """Two themes, eight items: ids by name."""
    now = clock.now()
    with db.transaction() as conn:
        platform = themes_q.save_theme(
            conn, Theme(0, "Platform", ("kubernetes", "developer platform"), ("crypto",)), 0
        )
        lead = themes_q.save_theme(conn, Theme(0, "Leadership", ("mentoring", "team")), 1)
        set_setting(conn, STRATEGY_VERSION_KEY, 1)
    planner.inbox.rescore()  # no items yet: makes these themes the ones items are ranked by
    entries = [
        _entry(1, "Kubernetes at scale", "A developer platform story.", 30, now),
        _entry(2, "Kubernetes news", "Short.", 2, now),
        _entry(3, "Mentoring new engineers", "On the team.", 5, now),
        _entry(4, "Weekend recipes", "Nothing about work.", 1, now),
        _entry(5, "Kubernetes and crypto", "Excluded by a word.", 1, now),
        _entry(6, "Old kubernetes post", "From long ago.", 24 * 40, now),
        _entry(7, "A team offsite", "Building a developer platform team.", 3, now),
        _entry(8, "Café culture", "Unrelated.", 4, now),
    ]
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://news.example/feed", "News", now)
        items_q.upsert_entries(conn, feed_id, entries, now, current_scorer(conn))
    ids = {planner.inbox.item(i).title: i for i in planner.inbox.ids()}
    return planner, ids, platform, lead


def _titles(planner, inbox=None):
    return [planner.inbox.item(i).title for i in planner.inbox.ids(None, inbox)]


def test_a_theme_view_lists_its_matches_best_first(ranked):
    planner, ids, platform, lead = ranked
    assert _titles(planner, InboxFilter(platform)) == [
        "Kubernetes news",  # in the title, 2 hours old: 0.6 x 0.98
        "Kubernetes at scale",  # title and phrase, 30 hours old: 0.69 x 0.75
        "A team offsite",  # the phrase in the summary, 3 hours old: 0.43 x 0.97
        "Old kubernetes post",  # 40 days old
    ]
    # "team" in both title and summary counts once; "mentoring" in a title beats it.
    assert _titles(planner, InboxFilter(lead)) == ["Mentoring new engineers", "A team offsite"]
    reasons = {planner.inbox.item(ids[t]).title: planner.inbox.item(ids[t]).reason for t in ids}
    assert reasons["Kubernetes at scale"] == (
        "Platform: kubernetes (title), developer platform (summary)"
    )
    assert reasons["Mentoring new engineers"] == "Leadership: mentoring (title), team (summary)"
    assert reasons["Kubernetes and crypto"] == ""  # excluded: no theme, no reason
    assert reasons["Café culture"] == ""


def test_the_whole_inbox_ranks_unmatched_items_below_fresh_matches(ranked):
    planner, _, _, _ = ranked
    titles = _titles(planner)
    assert len(titles) == 8
    unmatched = {"Weekend recipes", "Kubernetes and crypto", "Café culture"}  # crypto: vetoed
    assert set(titles[4:7]) == unmatched
    assert titles[7] == "Old kubernetes post"  # 40 days: 13 half-lives outweigh its match
    row = planner.inbox.rows([planner.inbox.ids()[0]])[planner.inbox.ids()[0]]
    assert row.reason.startswith(row.theme + ": ")


def test_states_filter_and_count_and_leave_the_order(ranked):
    planner, ids, platform, _ = ranked
    planner.inbox.set_read([ids["Kubernetes news"]])
    planner.inbox.set_starred([ids["Old kubernetes post"]])
    planner.inbox.set_dismissed([ids["A team offsite"]])
    assert _titles(planner, InboxFilter(platform, "unread")) == [
        "Kubernetes at scale",
        "Old kubernetes post",
    ]
    assert _titles(planner, InboxFilter(platform, "read")) == ["Kubernetes news"]
    assert _titles(planner, InboxFilter(platform, "starred")) == ["Old kubernetes post"]
    assert _titles(planner, InboxFilter(platform, "dismissed")) == ["A team offsite"]
    assert planner.inbox.count(InboxFilter(platform)) == 3
    assert planner.inbox.count(InboxFilter()) == 7
    counts = planner.inbox.unread_counts()
    assert counts[0] == 6 and counts[platform] == 2
    planner.inbox.set_dismissed([ids["A team offsite"]], False)
    assert planner.inbox.count(InboxFilter(platform)) == 4


def test_keyset_pages_walk_the_whole_view_once(ranked):
    planner, _, _, _ = ranked
    seen, after = [], None
    while page := planner.inbox.page(InboxFilter(), 3, after):
        seen += [item_id for item_id, _ in page]
        after = (page[-1][1], page[-1][0])
    assert seen == planner.inbox.ids() and len(seen) == len(set(seen)) == 8


def test_search_finds_words_anywhere_best_match_first_within_the_view(ranked):
    planner, ids, platform, _ = ranked
    found = planner.inbox.search(InboxFilter(search="kubernetes"))
    kube = (
        "Kubernetes news",
        "Kubernetes at scale",
        "Kubernetes and crypto",
        "Old kubernetes post",
    )
    assert sorted(found) == sorted(ids[t] for t in kube)
    assert planner.inbox.search(InboxFilter(search="cafe")) == [ids["Café culture"]]  # diacritics
    assert planner.inbox.search(InboxFilter(search="platform sto")) == [ids["Kubernetes at scale"]]
    assert planner.inbox.search(InboxFilter(platform, search="team")) == [ids["A team offsite"]]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"kube',
        "kube AND",
        "OR",
        "NOT x",
        "(kube",
        "kube)",
        "a:b",
        "^x",
        "*",
        "-",
        "NEAR(a b",
        "kube*",
        "'",
        "\\",
        "col:kube",
        "\x00",
        "   ",
        "",
    ],
)
def test_any_user_text_searches_without_error(ranked, text):
    planner, _, _, _ = ranked
    assert isinstance(planner.inbox.search(InboxFilter(search=text)), list)


def test_fts_query_quotes_every_word_and_prefixes_the_last_while_typing():
    assert fts_query('kube "net') == '"kube" """net"*'
    assert fts_query("AND OR ") == '"AND" "OR"'
    assert fts_query("-- ()") == ""


def test_kept_counts_match_a_recount_after_every_kind_of_change(db, ranked, clock):
    planner, ids, _, _ = ranked

    def recount():
        rows = db.read(
            "SELECT theme_id, count(*) FROM ranks WHERE dismissed = 0 AND read = 0"
            " GROUP BY theme_id"
        )
        return {r[0]: r[1] for r in rows}

    assert planner.inbox.unread_counts() == recount()
    planner.inbox.set_read([ids["Kubernetes news"], ids["Café culture"]])
    planner.inbox.set_dismissed([ids["Kubernetes news"], ids["A team offsite"]])
    planner.inbox.set_read([ids["Kubernetes news"]], False)
    assert planner.inbox.unread_counts() == recount()
    with db.transaction() as conn:  # a changed item is ranked again
        items_q.upsert_entries(
            conn,
            1,
            [_entry(7, "A team offsite, moved", "Now about rust.", 3, clock.now())],
            clock.now(),
            current_scorer(conn),
        )
        conn.execute("DELETE FROM items WHERE id = ?", (ids["Mentoring new engineers"],))
    assert planner.inbox.unread_counts() == recount()
    planner.inbox.rescore()
    assert planner.inbox.unread_counts() == recount()
    planner.inbox.set_dismissed([ids["A team offsite"]], False)
    assert planner.inbox.unread_counts() == recount()


def test_a_word_in_very_many_items_lists_them_in_inbox_order(ranked, monkeypatch):
    import app.store.inbox as inbox_q

    planner, _, platform, _ = ranked
    by_text = planner.inbox.search(InboxFilter(search="kubernetes"))
    monkeypatch.setattr(inbox_q, "_BM25_MAX", 2)  # 4 matches: "very many"
    by_rank = planner.inbox.search(InboxFilter(search="kubernetes"))
    assert sorted(by_rank) == sorted(by_text)
    inbox_order = planner.inbox.ids()
    assert by_rank == [i for i in inbox_order if i in by_rank]
    in_theme = planner.inbox.search(InboxFilter(platform, search="kubernetes"))
    assert in_theme == [i for i in planner.inbox.ids(None, InboxFilter(platform)) if i in by_rank]
