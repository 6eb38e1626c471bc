"""Bluesky's repository export (app/history/bluesky_car.py, docs/HISTORY.md): the .car
decoded with libipld, the repository's tree walked for each record's key and so its
address; posts, reposts, replies and threads told apart; a CAR that is not a
repository refused."""

from __future__ import annotations

from datetime import datetime, timezone

import libipld
import pytest

from app.errors import DigwellError
from app.history.bluesky_car import read_car, web_url
from app.history.records import Engagement, HistoryPost, Problem
from tests.history.car_files import (
    BLUESKY_DID,
    Link,
    bluesky_car,
    bluesky_post,
    cid_of,
    encode,
    varint,
    write_car,
)

OTHER = "did:plc:graceother0000000000000"
POST = "app.bsky.feed.post"


def _ref(did: str, rkey: str) -> dict[str, str]:
    return {"uri": f"at://{did}/{POST}/{rkey}", "cid": "bafyreifake"}


RECORDS = {
    f"{POST}/3kaaa": bluesky_post("Hello from the tree", "2024-01-02T10:00:00.000Z"),
    f"{POST}/3kaab": bluesky_post(
        "Read this",
        "2024-01-03T11:00:00Z",
        embed={
            "$type": "app.bsky.embed.external",
            "external": {"uri": "https://example.com/a", "title": "A", "description": ""},
        },
    ),
    f"{POST}/3kaac": bluesky_post(
        "Quoting Grace",
        "2024-01-04T12:00:00Z",
        embed={"$type": "app.bsky.embed.record", "record": _ref(OTHER, "3zzz")},
    ),
    f"{POST}/3kaad": bluesky_post(
        "See https://example.com/b",
        "2024-01-05T12:00:00Z",
        facets=[
            {
                "index": {"byteStart": 4, "byteEnd": 25},
                "features": [
                    {"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com/b"}
                ],
            }
        ],
    ),
    f"{POST}/3kaae": bluesky_post(
        "Agreed, Grace",
        "2024-01-06T12:00:00Z",
        reply={"root": _ref(OTHER, "3zzy"), "parent": _ref(OTHER, "3zzy")},
    ),
    f"{POST}/3kaaf": bluesky_post(
        "And a second thought",
        "2024-01-02T10:05:00Z",
        reply={"root": _ref(BLUESKY_DID, "3kaaa"), "parent": _ref(BLUESKY_DID, "3kaaa")},
    ),
    "app.bsky.feed.repost/3kaag": {
        "$type": "app.bsky.feed.repost",
        "subject": _ref(OTHER, "3zzx"),
        "createdAt": "2024-01-07T08:00:00Z",
    },
    "app.bsky.feed.like/3kaah": {
        "$type": "app.bsky.feed.like",
        "subject": _ref(OTHER, "3zzx"),
        "createdAt": "2024-01-07T08:00:01Z",
    },
    "app.bsky.actor.profile/self": {"$type": "app.bsky.actor.profile", "displayName": "Ada"},
}


def test_the_test_writer_makes_cars_libipld_reads(tmp_path):
    path = bluesky_car(tmp_path / "repo.car", RECORDS)
    header, blocks = libipld.decode_car(path.read_bytes())
    assert header["version"] == 1 and header["roots"][0] in blocks
    commit = blocks[header["roots"][0]]
    assert commit["did"] == BLUESKY_DID and commit["data"] in blocks
    assert cid_of(encode({"a": 1})) == cid_of(libipld.encode_dag_cbor({"a": 1}))


def test_posts_reposts_replies_and_threads(tmp_path):
    found = read_car(bluesky_car(tmp_path / "repo.car", RECORDS))
    assert found.platform == "bluesky" and found.problems == []
    first, linked, quoting, faceted, reposted = found.posts
    assert first == HistoryPost(
        "bluesky",
        f"at://{BLUESKY_DID}/{POST}/3kaaa",
        datetime(2024, 1, 2, 10, 0, tzinfo=timezone.utc),
        "Hello from the tree",
        f"https://bsky.app/profile/{BLUESKY_DID}/post/3kaaa",
        "",
        False,
    )
    assert linked.link == "https://example.com/a"
    assert quoting.link == f"https://bsky.app/profile/{OTHER}/post/3zzz"
    assert faceted.link == "https://example.com/b"
    assert (reposted.repost, reposted.text, reposted.url) == (True, "", "")
    assert reposted.link == f"https://bsky.app/profile/{OTHER}/post/3zzx"
    assert reposted.external_id == f"at://{BLUESKY_DID}/app.bsky.feed.repost/3kaag"
    # The reply to Grace is engagement; the reply to one's own post continues a thread.
    assert found.engagement == [
        Engagement(
            "bluesky",
            "reply",
            f"at://{BLUESKY_DID}/{POST}/3kaae",
            datetime(2024, 1, 6, 12, 0, tzinfo=timezone.utc),
            f"https://bsky.app/profile/{BLUESKY_DID}/post/3kaae",
        )
    ]


def test_many_records_over_the_whole_tree(tmp_path):
    records = {
        f"{POST}/3k{n:05d}": bluesky_post(f"post {n}", f"2024-02-{n % 28 + 1:02d}T10:00:00Z")
        for n in range(137)
    }
    found = read_car(bluesky_car(tmp_path / "repo.car", records))
    assert sorted(p.text for p in found.posts) == sorted(f"post {n}" for n in range(137))


def test_records_with_problems_are_named(tmp_path):
    records = {
        f"{POST}/3kbad": bluesky_post("When?", "soon"),
        f"{POST}/3kodd": {"$type": "app.bsky.feed.like", "createdAt": "2024-01-01T00:00:00Z"},
        f"{POST}/3kok": bluesky_post("Fine", "2024-01-01T00:00:00Z"),
    }
    found = read_car(bluesky_car(tmp_path / "repo.car", records))
    assert [p.text for p in found.posts] == ["Fine"]
    assert found.problems == [
        Problem(
            f"at://{BLUESKY_DID}/{POST}/3kbad", "“soon” is not a date like 2023-04-01T12:34:56Z."
        ),
        Problem(
            f"at://{BLUESKY_DID}/{POST}/3kodd",
            f"its record is a app.bsky.feed.like, not a {POST}.",
        ),
    ]


def test_a_record_missing_from_a_partial_export_is_a_problem(tmp_path):
    path = bluesky_car(tmp_path / "repo.car", {f"{POST}/3kaaa": RECORDS[f"{POST}/3kaaa"]})
    record = encode(RECORDS[f"{POST}/3kaaa"])
    block = varint(len(cid_of(record)) + len(record)) + cid_of(record) + record
    data = path.read_bytes()
    assert data.count(block) == 1
    path.write_bytes(data.replace(block, b""))  # its length, CID and bytes
    found = read_car(path)
    assert found.posts == [] and found.problems[0].message == "its record is not in the file."


def test_a_car_that_is_not_a_repository_is_refused(tmp_path):
    block = encode({"hello": "world"})
    path = write_car(tmp_path / "other.car", cid_of(block), {cid_of(block): block})
    with pytest.raises(DigwellError, match="is a CAR file but not a Bluesky repository"):
        read_car(path)


def test_a_commit_without_its_tree_is_refused(tmp_path):
    missing = cid_of(b"nowhere")
    commit = encode({"did": BLUESKY_DID, "version": 3, "data": Link(missing), "rev": "3k",
                     "prev": None, "sig": b"\x01" * 64})  # fmt: skip
    path = write_car(tmp_path / "repo.car", cid_of(commit), {cid_of(commit): commit})
    with pytest.raises(DigwellError, match="holds no repository tree"):
        read_car(path)


@pytest.mark.parametrize("data", [b"not a car at all", b"\x0a\xa2eroots\x80gversion\x01"])
def test_what_is_not_a_car_is_refused(tmp_path, data):
    path = tmp_path / "repo.car"
    path.write_bytes(data)
    with pytest.raises(DigwellError, match=r"not a CAR file Digwell can read|not a Bluesky"):
        read_car(path)


def test_a_truncated_car_is_refused(tmp_path):
    path = bluesky_car(tmp_path / "repo.car", RECORDS)
    path.write_bytes(path.read_bytes()[:-30])
    with pytest.raises(DigwellError, match="not a CAR file Digwell can read"):
        read_car(path)


def test_progress_is_told(tmp_path):
    path = bluesky_car(tmp_path / "repo.car", RECORDS)
    seen = []
    read_car(path, lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and len(seen) == 2


def test_web_addresses_of_at_uris():
    assert web_url(f"at://{OTHER}/{POST}/3zzz") == f"https://bsky.app/profile/{OTHER}/post/3zzz"
    for other in ("", "https://bsky.app/x", f"at://{OTHER}/app.bsky.feed.like/3z", f"at://{OTHER}"):
        assert web_url(other) == ""
