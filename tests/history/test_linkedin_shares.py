"""LinkedIn's Shares.csv and Comments.csv (app/history/linkedin_shares.py,
docs/HISTORY.md): originals, shares and bare reposts; comments as engagement; the
connections handed on; unknown columns refused; bad rows named by their line."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest

from app.archives import ZipArchive
from app.errors import DigwellError
from app.history.linkedin_shares import (
    csv_kind,
    read_comments,
    read_linkedin_csv,
    read_linkedin_zip,
    read_shares,
)
from app.history.records import Engagement, HistoryPost, Problem
from tests.history.export_files import (
    COMMENTS,
    CONNECTIONS,
    SHARES,
    SHARES_HEADER,
    linkedin_zip,
    share_link,
)


def _shares(text: str, where: str = "Shares.csv"):
    return list(read_shares(io.BytesIO(text.encode()), where))


def _read_zip(path):
    with ZipArchive(path, "hint") as archive:
        return read_linkedin_zip(archive)


def test_posts_as_linkedin_writes_them():
    original, shared, repost, image = _shares("\ufeff" + SHARES)
    assert original == HistoryPost(
        "linkedin",
        "urn:li:share:7100000000000000001",
        datetime(2024, 3, 5, 14, 2, 11, tzinfo=timezone.utc),
        'Three things I learned shipping a search index:\n"measure first", then\ncache the rest.',
        share_link(1),
        "",
        False,
    )
    assert (shared.link, shared.repost) == ("https://example.com/observability-budgets", False)
    assert shared.text == "Worth reading on observability budgets."
    # An empty commentary: a bare repost of what SharedUrl names.
    assert (repost.text, repost.repost) == ("", True)
    assert repost.link == "https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001"
    # An image alone is no link: an original.
    assert (image.link, image.repost, image.text) == ("", False, "Our team at the offsite.")


def test_the_export_zip_gives_posts_comments_and_connections(tmp_path):
    found = _read_zip(linkedin_zip(tmp_path / "Basic_LinkedInDataExport_11-23-2026.zip"))
    assert found.platform == "linkedin" and found.problems == []
    assert [p.external_id[-2:] for p in found.posts] == ["01", "02", "03", "04"]
    assert found.engagement == [
        Engagement(
            "linkedin",
            "comment",
            "2024-03-06T09:00:00+00:00 https://www.linkedin.com/feed/update/urn:li:activity:"
            "7000000000000000002",
            datetime(2024, 3, 6, 9, 0, tzinfo=timezone.utc),
            "https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000002",
        ),
        Engagement(
            "linkedin",
            "comment",
            "2024-03-07T12:15:30+00:00 https://www.linkedin.com/feed/update/urn:li:activity:"
            "7000000000000000003",
            datetime(2024, 3, 7, 12, 15, 30, tzinfo=timezone.utc),
            "https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000003",
        ),
    ]
    assert found.connections_csv == ("\ufeff" + CONNECTIONS).encode()


def test_shares_split_over_numbered_files_are_all_read_oldest_first(tmp_path):
    later = SHARES_HEADER + f"2025-01-02 03:04:05,{share_link(9)},Later post,,,PUBLIC\r\n"
    bad = SHARES_HEADER + f"yesterday,{share_link(8)},When?,,,PUBLIC\r\n"
    path = linkedin_zip(
        tmp_path / "export.zip",
        comments=None,
        connections=None,
        extra={"Shares_2.csv": later, "Shares_3.csv": bad},
    )
    found = _read_zip(path)
    assert [p.text for p in found.posts][-1] == "Later post" and len(found.posts) == 5
    assert found.connections_csv is None and found.engagement == []
    assert found.problems == [
        Problem(
            "Shares_3.csv line 2", "“yesterday” under Date is not a date like 2024-03-05 14:02:11."
        )
    ]


def test_a_zip_without_linkedin_files_is_refused(tmp_path):
    path = linkedin_zip(tmp_path / "export.zip", shares=None, comments=None, connections=None)
    with pytest.raises(DigwellError, match=r"holds no Shares\.csv, Comments\.csv or Connections"):
        _read_zip(path)


def test_rows_with_problems_are_named_by_the_line_they_start_on():
    text = (
        SHARES_HEADER
        + f'2024-01-01 10:00:00,{share_link(1)},"two\r\nlines",,,PUBLIC\r\n'  # lines 2-3
        + "2024-01-02 10:00:00,only three,cells\r\n"  # line 4
        + ",,,,,\r\n"  # line 5: blank, skipped
        + f"2024-13-01 10:00:00,{share_link(2)},bad month,,,PUBLIC\r\n"  # line 6
        + f"2024-01-03 10:00:00,{share_link(3)},fine,,,PUBLIC\r\n"  # line 7
        + f'2024-01-04 10:00:00,{share_link(4)},"broken "quote,,,PUBLIC\r\n'  # line 8
        + f"2024-01-05 10:00:00,{share_link(5)},never read,,,PUBLIC\r\n"
    )
    found = _shares(text)
    assert [r.text for r in found if isinstance(r, HistoryPost)] == ["two\nlines", "fine"]
    problems = [r for r in found if isinstance(r, Problem)]
    assert [p.where for p in problems] == [
        "Shares.csv line 4",
        "Shares.csv line 6",
        "Shares.csv line 8",
    ]
    assert problems[0].message == "3 values for 6 columns."
    assert "is not a date" in problems[1].message
    assert "quotes do not match" in problems[2].message


def test_columns_may_come_in_any_order_and_optional_ones_may_be_missing():
    text = "ShareCommentary,Date,ShareLink\r\nHello,2024-05-06 07:08:09,\r\n"
    (post,) = _shares(text)
    assert post.text == "Hello" and post.posted_at.hour == 7
    # No link to the post: its time and words name it, the same on a re-import.
    assert post.external_id.startswith("2024-05-06T07:08:09+00:00 ")
    assert _shares(text)[0].external_id == post.external_id


def test_unknown_columns_refuse_the_file():
    text = "Date,ShareLink,ShareCommentary,Likes\r\n2024-01-01 10:00:00,,hi,3\r\n"
    with pytest.raises(DigwellError, match="columns LinkedIn does not write \\(“Likes”\\)") as err:
        _shares(text)
    assert "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility" in err.value.hint


def test_a_file_without_the_columns_is_refused():
    with pytest.raises(DigwellError, match="has no column ShareCommentary"):
        _shares("Date,ShareLink\r\n2024-01-01 10:00:00,x\r\n")
    with pytest.raises(DigwellError, match="has no columns Date"):
        _shares("")


def test_links_that_are_not_http_are_dropped():
    text = SHARES_HEADER + "2024-01-01 10:00:00,javascript:alert(1),Hi,file:///etc/passwd,,\r\n"
    (post,) = _shares(text)
    assert (post.url, post.link) == ("", "")


def test_the_same_post_twice_is_kept_once(tmp_path):
    row = f"2024-01-01 10:00:00,{share_link(1)},Once,,,PUBLIC\r\n"
    path = tmp_path / "Shares.csv"
    path.write_text(SHARES_HEADER + row + row, encoding="utf-8")
    found = read_linkedin_csv(path, "shares")
    assert [p.text for p in found.posts] == ["Once"]


def test_comments_with_problems_and_unknown_columns():
    text = COMMENTS + "not a date,https://www.linkedin.com/feed/update/x,Hm\r\n"
    found = list(read_comments(io.BytesIO(text.encode()), "Comments.csv"))
    assert [type(r).__name__ for r in found] == ["Engagement", "Engagement", "Problem"]
    assert found[2].where == "Comments.csv line 4"
    with pytest.raises(DigwellError, match="columns LinkedIn does not write"):
        list(read_comments(io.BytesIO(b"Date,Link,Message,Reactions\r\n"), "Comments.csv"))


def test_a_lone_csv_file_of_each_kind(tmp_path):
    shares, comments, connections = (tmp_path / n for n in ("Shares.csv", "c.csv", "p.csv"))
    shares.write_bytes(b"\xef\xbb\xbf" + SHARES.encode())
    comments.write_text(COMMENTS, encoding="utf-8")
    connections.write_text(CONNECTIONS, encoding="utf-8")
    seen = []
    assert len(read_linkedin_csv(shares, "shares", lambda d, t: seen.append((d, t))).posts) == 4
    assert seen == [(shares.stat().st_size,) * 2]
    assert len(read_linkedin_csv(comments, "comments").engagement) == 2
    assert read_linkedin_csv(connections, "connections").connections_csv == CONNECTIONS.encode()


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "Shares.csv"
    path.write_bytes(SHARES_HEADER.encode() + "2024-01-01 10:00:00,,Grüße,,,\r\n".encode("latin-1"))
    with pytest.raises(DigwellError, match="is not UTF-8 text"):
        read_linkedin_csv(path, "shares")


def test_which_csv_a_header_says():
    assert csv_kind("\ufeff" + SHARES_HEADER) == "shares"
    assert csv_kind(COMMENTS) == "comments"
    assert csv_kind(CONNECTIONS) == "connections"
    assert csv_kind("Name,Email\r\n") == ""
