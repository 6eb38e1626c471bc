"""Telling an export by what it holds (app/history/detect.py, docs/HISTORY.md): each
platform's zip and lone files, a platform named by the user, and every refusal one
clear message with a hint, with nothing half-read handed back."""

from __future__ import annotations

import os
import zipfile

import pytest

from app.archives import MAX_FILE_BYTES
from app.errors import DigwellError
from app.history.detect import read_history
from tests.history.car_files import cid_of, encode, write_car
from tests.history.export_files import (
    COMMENTS,
    CONNECTIONS,
    SHARES,
    bluesky_car,
    bluesky_post,
    lie_about_size,
    linkedin_zip,
    mastodon_zip,
    note,
    outbox_json,
    tweets_js,
    write_zip,
    x_archive_zip,
)


def _files(tmp_path):
    """One export of each kind, by name."""
    shares = tmp_path / "Shares.csv"
    shares.write_text(SHARES, encoding="utf-8")
    comments = tmp_path / "Comments.csv"
    comments.write_text(COMMENTS, encoding="utf-8")
    connections = tmp_path / "Connections.csv"
    connections.write_text(CONNECTIONS, encoding="utf-8")
    outbox = tmp_path / "outbox.json"
    outbox.write_text(outbox_json([note(1, "<p>hi</p>", "2023-01-01T00:00:00Z")]))
    tweets = tmp_path / "tweets.js"
    tweets.write_text(tweets_js([]))
    return {
        "linkedin.zip": linkedin_zip(tmp_path / "Basic_LinkedInDataExport.zip"),
        "x.zip": x_archive_zip(tmp_path / "twitter-2026-11-23.zip", n_tweets=30),
        "mastodon.zip": mastodon_zip(
            tmp_path / "archive-20261123.zip", [note(1, "<p>hi</p>", "2023-01-01T00:00:00Z")]
        ),
        "bluesky.car": bluesky_car(
            tmp_path / "repo.car",
            {"app.bsky.feed.post/3k": bluesky_post("hi", "2024-01-01T00:00:00Z")},
        ),
        "Shares.csv": shares,
        "Comments.csv": comments,
        "Connections.csv": connections,
        "outbox.json": outbox,
        "tweets.js": tweets,
    }


PLATFORM = {
    "linkedin.zip": "linkedin",
    "x.zip": "x",
    "mastodon.zip": "mastodon",
    "bluesky.car": "bluesky",
    "Shares.csv": "linkedin",
    "Comments.csv": "linkedin",
    "Connections.csv": "linkedin",
    "outbox.json": "mastodon",
    "tweets.js": "x",
}


def test_each_export_is_told_by_what_it_holds(tmp_path):
    files = _files(tmp_path)
    for name, path in files.items():
        found = read_history(path)
        assert found.platform == PLATFORM[name], name
        assert read_history(path, PLATFORM[name]).platform == PLATFORM[name]
    assert len(read_history(files["linkedin.zip"]).posts) == 4
    assert read_history(files["linkedin.zip"]).connections_csv is not None
    assert read_history(files["Connections.csv"]).connections_csv == CONNECTIONS.encode()
    assert len(read_history(files["Comments.csv"]).engagement) == 2


def test_files_are_told_by_their_content_not_their_name(tmp_path):
    files = _files(tmp_path)
    for name, new in (("x.zip", "download"), ("bluesky.car", "repo"), ("outbox.json", "o.txt")):
        renamed = files[name].rename(tmp_path / new)
        assert read_history(renamed).platform == PLATFORM[name]


def test_progress_reaches_the_total(tmp_path):
    for path in _files(tmp_path).values():
        seen = []
        read_history(path, on_progress=lambda d, t, seen=seen: seen.append((d, t)))
        assert seen and seen[-1][0] == seen[-1][1], path.name


def test_a_platform_named_must_match_the_file(tmp_path):
    files = _files(tmp_path)
    with pytest.raises(DigwellError, match="is X's export, not LinkedIn's") as err:
        read_history(files["x.zip"], "linkedin")
    assert "choose auto" in err.value.hint
    with pytest.raises(DigwellError, match="is Bluesky's export, not Mastodon's"):
        read_history(files["bluesky.car"], "mastodon")
    with pytest.raises(DigwellError, match="“facebook” is not a platform"):
        read_history(files["x.zip"], "facebook")


def test_unknown_files_are_refused_naming_what_is_accepted(tmp_path):
    other_zip = write_zip(tmp_path / "photos.zip", {"IMG_0001.jpg": b"\xff\xd8"})
    text = tmp_path / "notes.txt"
    text.write_text("Dear diary")
    for path in (other_zip, text):
        with pytest.raises(DigwellError, match="Digwell cannot read") as err:
            read_history(path)
        assert "X's archive (.zip)" in err.value.hint and "(.car)" in err.value.hint


def test_a_csv_with_unknown_columns_is_refused(tmp_path):
    path = tmp_path / "Shares.csv"
    path.write_text("Date,ShareLink,ShareCommentary,Reactions\r\n", encoding="utf-8")
    with pytest.raises(DigwellError, match="columns LinkedIn does not write"):
        read_history(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("PK but not a zip"), "is not a zip file"),
        (lambda p: write_zip(p, {"../outbox.json": "{}"}), "could point outside"),
        (lambda p: write_zip(p, {"data/tweets.js": b"\0" * (20 * 2**20)}), "zip bomb"),
        (lambda p: write_zip(p, {"data/tweets.js": "var tweets = []"}), "not X's list of tweets"),
        (lambda p: write_zip(p, {"data/tweets.js": tweets_js([])[:-1]}), "not whole JSON"),
        (
            lambda p: write_zip(
                p, {"outbox.json": '{"type": "OrderedCollection", "orderedItems": [{'}
            ),
            "not whole JSON",
        ),
    ],
)
def test_hostile_zips_are_refused_with_one_message(tmp_path, make, message):
    path = tmp_path / "export.zip"
    make(path)
    with pytest.raises(DigwellError, match=message) as err:
        read_history(path)
    assert err.value.hint


def test_a_member_lying_about_its_size_is_refused(tmp_path):
    path = write_zip(tmp_path / "export.zip", {"data/tweets.js": tweets_js([]) + " " * 300_000})
    lie_about_size(path, "data/tweets.js", 200)
    with pytest.raises(DigwellError, match="cannot be read"):
        read_history(path)


def test_a_car_that_is_not_a_repository_is_refused(tmp_path):
    block = encode({"hello": "world"})
    path = write_car(tmp_path / "repo.car", cid_of(block), {cid_of(block): block})
    with pytest.raises(DigwellError, match="not a Bluesky repository"):
        read_history(path)


@pytest.mark.parametrize("name", ["archive.zip", "repo.car", "outbox.json"])
def test_a_file_over_500_mb_is_refused_unread(tmp_path, name):
    path = tmp_path / name
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(DigwellError, match="over 500 MB"):
        read_history(path)
    assert os.stat(path).st_blocks * 512 < 10 * 2**20  # still sparse: it was never filled


def test_nothing_is_extracted(tmp_path):
    files = _files(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    for path in files.values():
        read_history(path)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert zipfile.is_zipfile(files["x.zip"])
