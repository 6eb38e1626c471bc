"""X's archive (app/history/x_archive.py, docs/HISTORY.md): tweets.js streamed from the
zip; originals, shares, retweets, replies and threads told apart; files that are not
X's assignment, or cut short, refused whole; memory bounded by what is kept."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from datetime import datetime, timedelta, timezone

import pytest

from app.archives import ZipArchive
from app.errors import DigwellError
from app.history.records import Engagement, HistoryPost, Problem
from app.history.x_archive import read_account, read_tweets, read_x_js, read_x_zip
from tests.history.export_files import (
    X_ACCOUNT_ID,
    X_USERNAME,
    account_js,
    tweet,
    tweets_js,
    x_archive_zip,
)

T0 = datetime(2019, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
OTHER = "2222222222"


def _at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


TWEETS = [
    tweet("100", "Shipping a search index &amp; what I learned", _at(0)),
    tweet("101", "Worth a read:", _at(10), urls=["https://example.com/budgets"]),
    tweet("102", "RT @grace_h: Observability is a budget", _at(20)),
    tweet(
        "103", "@someone Agreed!", _at(30), reply_to="999", reply_user=OTHER, reply_name="someone"
    ),
    # A thread of one's own: 104 starts it, 105 and 106 continue it.
    tweet("104", "A thread on hiring 1/3", _at(40)),
    tweet("105", "2/3", _at(41), reply_to="104", reply_user=X_ACCOUNT_ID, reply_name=X_USERNAME),
    tweet("106", "3/3", _at(42), reply_to="105", reply_user=X_ACCOUNT_ID, reply_name=X_USERNAME),
]


def _read(path):
    with ZipArchive(path, "hint") as archive:
        return read_x_zip(archive)


def test_tweets_are_told_apart(tmp_path):
    found = _read(x_archive_zip(tmp_path / "twitter.zip", tweets=reversed(TWEETS)))
    assert found.platform == "x" and found.problems == []
    url = f"https://x.com/{X_USERNAME}/status/"
    original, shared, retweet, thread = found.posts
    assert original == HistoryPost(
        "x", "100", _at(0), "Shipping a search index & what I learned", url + "100", "", False
    )
    assert shared.link == "https://example.com/budgets"
    assert shared.text == "Worth a read: https://example.com/budgets"  # t.co expanded
    assert (retweet.external_id, retweet.repost) == ("102", True)
    assert (thread.external_id, thread.text) == ("104", "A thread on hiring 1/3")
    assert found.engagement == [Engagement("x", "reply", "103", _at(30), url + "103")]


def test_without_account_js_threads_are_known_by_their_own_ids(tmp_path):
    found = _read(x_archive_zip(tmp_path / "twitter.zip", tweets=TWEETS, account=False))
    assert [p.external_id for p in found.posts] == ["100", "101", "102", "104"]
    assert [e.external_id for e in found.engagement] == ["103"]
    assert found.posts[0].url == "https://x.com/i/status/100"


def test_a_reply_to_oneself_is_a_thread_even_when_its_start_was_deleted(tmp_path):
    orphan = tweet("107", "4/3", _at(50), reply_to="555", reply_user=X_ACCOUNT_ID)
    found = _read(x_archive_zip(tmp_path / "twitter.zip", tweets=[*TWEETS, orphan]))
    assert "107" not in {p.external_id for p in found.posts} | {
        e.external_id for e in found.engagement
    }


def test_tweets_split_over_parts_are_all_read(tmp_path):
    path = x_archive_zip(tmp_path / "twitter.zip", tweets=TWEETS, parts=3)
    assert {"data/tweets-part1.js", "data/tweets-part2.js"} <= set(zipfile.ZipFile(path).namelist())
    assert [p.external_id for p in _read(path).posts] == ["100", "101", "102", "104"]


def test_an_older_archive_with_tweet_js_and_no_wrapper(tmp_path):
    older = [t["tweet"] for t in TWEETS[:2]]
    path = tmp_path / "twitter.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/tweet.js", tweets_js(older, name="tweet"))
    assert [p.external_id for p in _read(path).posts] == ["100", "101"]


def test_a_retweet_with_its_status_links_to_the_retweeted_post():
    item = tweet("200", "RT @grace_h: hi", T0)
    item["tweet"]["retweeted_status"] = {"id_str": "190", "user": {"screen_name": "grace_h"}}
    found = read_tweets(io.BytesIO(tweets_js([item]).encode()), "tweets.js", [])
    assert found[0].retweet and found[0].link == "https://x.com/grace_h/status/190"


def test_items_that_are_not_tweets_and_bad_dates_are_problems(tmp_path):
    bad_date = tweet("300", "When?", T0)
    bad_date["tweet"]["created_at"] = "yesterday"
    items = [TWEETS[0], {"tweet": "no"}, {"tweet": {"full_text": "no id"}}, bad_date]
    found = _read(x_archive_zip(tmp_path / "twitter.zip", tweets=items))
    assert [p.external_id for p in found.posts] == ["100"]
    assert found.problems == [
        Problem("data/tweets.js item 2", "it is not a tweet."),
        Problem("data/tweets.js item 3", "it is not a tweet."),
        Problem("tweet 300", "“yesterday” is not a date like Wed Oct 10 20:19:24 +0000 2018."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "var tweets = [];",
        'window.YTD.account.part0 = [{"account": {}}]',
        "alert('hello')",
        "",
        "window.YTD.tweets.part0 = 42",
    ],
)
def test_a_file_that_is_not_the_assignment_is_refused(tmp_path, text):
    path = x_archive_zip(tmp_path / "twitter.zip", tweets=[], extra={})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("data/tweets-part1.js", text)
    with pytest.raises(DigwellError, match="is not X's list of tweets"):
        _read(path)


def test_truncated_json_is_refused_and_nothing_is_kept(tmp_path):
    whole = tweets_js(TWEETS)
    path = tmp_path / "twitter.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/tweets.js", whole[: len(whole) * 2 // 3])
    with pytest.raises(DigwellError, match=r"data/tweets\.js is not whole JSON \(parse error"):
        _read(path)


def test_a_zip_without_tweets_is_refused(tmp_path):
    path = tmp_path / "twitter.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/account.js", account_js())
        archive.writestr("data/deleted-tweets.js", "window.YTD.deleted_tweets.part0 = []")
    with pytest.raises(DigwellError, match=r"holds no data/tweets\.js"):
        _read(path)


def test_a_broken_account_js_is_a_problem_and_links_use_i(tmp_path):
    path = x_archive_zip(tmp_path / "twitter.zip", tweets=TWEETS[:1], account=False)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("data/account.js", "window.YTD.account.part0 = [")
    found = _read(path)
    assert found.posts[0].url == "https://x.com/i/status/100"
    assert found.problems[0].where == "data/account.js"


def test_the_account():
    assert read_account(account_js().encode()) == (X_ACCOUNT_ID, X_USERNAME)
    with pytest.raises(DigwellError, match=r"account\.js cannot be read"):
        read_account(b"window.YTD.tweets.part0 = []")


def test_a_lone_tweets_js(tmp_path):
    path = tmp_path / "tweets.js"
    path.write_text(tweets_js(TWEETS), encoding="utf-8")
    seen = []
    found = read_x_js(path, lambda done, total: seen.append((done, total)))
    assert found.posts[0].url == "https://x.com/i/status/100"
    assert seen == [(path.stat().st_size,) * 2]


def test_progress_counts_the_bytes_of_tweets_js(tmp_path):
    path = x_archive_zip(tmp_path / "twitter.zip", n_tweets=3000)
    total = zipfile.ZipFile(path).getinfo("data/tweets.js").file_size
    seen = []
    with ZipArchive(path, "hint") as archive:
        read_x_zip(archive, lambda done, of: seen.append((done, of)))
    assert len(seen) >= 2 and all(of == total for _, of in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_large_archive_is_streamed_in_bounded_memory(tmp_path):
    # 10,000 tweets, some 12 MB of tweets.js: parsed whole (json.loads) it takes several
    # times its size in Python objects; streamed, only the few fields kept per tweet.
    path = x_archive_zip(tmp_path / "twitter.zip", n_tweets=10_000)
    size = zipfile.ZipFile(path).getinfo("data/tweets.js").file_size
    assert size > 10 * 2**20
    tracemalloc.start()
    try:
        found = _read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(found.posts) + len(found.engagement) > 9000 and not found.problems
    assert peak < size * 1.5, f"peak {peak:,} bytes for {size:,} of tweets.js"
