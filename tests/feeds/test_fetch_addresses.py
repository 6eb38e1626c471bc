"""A feed's address: refused before asking, credentials out of the URL, the host alone shown."""

import base64

import pytest

from app.feeds.fetch_addresses import (
    host_of,
    redact_url,
    refuse_address,
    restore_userinfo,
    split_userinfo,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://feeds.example/rss", "https://feeds.example/rss"),
        ("https://me:pw@feeds.example/rss?x=1", "https://feeds.example/rss?x=1"),
        ("https://a@b@feeds.example/", "https://feeds.example/"),
        ("http://[::1/feed", "<invalid address>"),
    ],
)
def test_redact_url(url, expected):
    assert redact_url(url) == expected


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://feeds.example/rss", ""),
        (" http://feeds.example:8080/rss ", ""),
        ("ftp://feeds.example/rss", "only fetches http:// and https://"),
        ("https://", "has no server name"),
        ("http://feeds.example:99999/", "not a valid web address"),
        ("http://[::1/feed", "not a valid web address"),
    ],
)
def test_refuse_address(url, words):
    refusal = refuse_address(url)
    assert (words in refusal) if words else refusal == ""


def test_userinfo_becomes_a_basic_authorization_header():
    url, header = split_userinfo("https://me%40home:p%3Ass@feeds.example/rss")
    assert url == "https://feeds.example/rss"
    assert base64.b64decode(header.removeprefix("Basic ")) == b"me@home:p:ss"
    assert split_userinfo(" https://feeds.example/rss ") == ("https://feeds.example/rss", "")


def test_credentials_are_kept_over_a_redirect_on_the_same_host_only():
    old = "https://me:pw@feeds.example/old"
    assert restore_userinfo("https://feeds.example/new", old) == "https://me:pw@feeds.example/new"
    assert restore_userinfo("https://other.example/new", old) == "https://other.example/new"
    assert restore_userinfo("https://feeds.example/new", "https://feeds.example/old") == (
        "https://feeds.example/new"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://me:pw@feeds.example/rss", "feeds.example"),
        ("http://feeds.example:8080/", "feeds.example:8080"),
        ("http://[::1]:81/", "[::1]:81"),
        ("not a url", "the server"),
        ("http://feeds.example:99999/", "the server"),
    ],
)
def test_host_of_never_shows_credentials(url, expected):
    assert host_of(url) == expected
