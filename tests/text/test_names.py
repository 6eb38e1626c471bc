"""The keys that match a feed item's author to a person (app/text/names.py,
docs/PEOPLE.md "Who wrote it"): names folded, handles, addresses, e-mails."""

from __future__ import annotations

import pytest

from app.text.names import author_keys, feed_url_keys, handle_key, name_key, person_keys, url_key
from app.types import Person


@pytest.mark.parametrize(
    "name,key",
    [
        ("Priya Raman", "priya raman"),
        ("  PRIYA   raman ", "priya raman"),
        ("José Núñez-García", "jose nunez garcia"),
        ("Ärger Straße", "arger strasse"),
        ("O'Brien, Ana", "o brien ana"),
        ("...", ""),
        ("", ""),
    ],
)
def test_name_key_folds_case_accents_and_punctuation(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    "author,keys",
    [
        ("Priya Raman", ["n:priya raman"]),
        ("priya@example.com (Priya Raman)", ["e:priya@example.com", "n:priya raman"]),
        ("Priya Raman <Priya@Example.com>", ["e:priya@example.com", "n:priya raman"]),
        ("Priya Raman (priya@example.com)", ["e:priya@example.com", "n:priya raman"]),
        ("priya@example.com", ["e:priya@example.com"]),
        ("<priya@example.com>", ["e:priya@example.com"]),
        ("Raman, Priya", ["n:priya raman"]),
        ("Priya Raman, Sam Lee", ["n:priya raman", "n:sam lee"]),
        ("Priya Raman and Sam Lee", ["n:priya raman", "n:sam lee"]),
        ("Priya Raman & Sam Lee; Ana Souza", ["n:priya raman", "n:sam lee", "n:ana souza"]),
        ("Raman, Priya and Lee, Sam", ["n:priya raman", "n:sam lee"]),
        ("Ana y Luis", ["n:ana", "n:luis"]),
        ("Priya Y. Raman", ["n:priya y raman"]),  # an initial, not "and"
        ("Anders Anderson", ["n:anders anderson"]),  # "and" only as a word
        ("@PriyaR", ["@priyar"]),
        ("@priya@Hachyderm.io", ["@priya@hachyderm.io"]),
        ("Priya Raman and Priya Raman", ["n:priya raman"]),
        ("", []),
        ("   ", []),
        ("x" * 301, []),  # not a name
    ],
)
def test_author_fields_in_their_many_forms(author, keys):
    assert author_keys(author) == keys


@pytest.mark.parametrize(
    "url,key",
    [
        ("https://www.Priya.dev/", "u:priya.dev"),
        ("priya.dev", "u:priya.dev"),
        ("http://priya.dev/blog/?utm_source=x#top", "u:priya.dev/blog"),
        ("https://twitter.com/priyar", "u:x.com/priyar"),
        ("https://mobile.twitter.com/priyar", "u:x.com/priyar"),
        ("https://www.threads.com/@priya.r", "u:threads.net/@priya.r"),
        ("https://m.example.org/x", "u:example.org/x"),
        ("https://user:secret@host.example:8443/a/", "u:host.example/a"),
        ("https://localhost/feed", ""),
        ("mailto:ana", ""),
        ("", ""),
    ],
)
def test_url_keys_drop_scheme_www_query_and_trailing_slash(url, key):
    assert url_key(url) == key


@pytest.mark.parametrize(
    "url,keys",
    [
        ("https://priya.dev/feed.xml", ["u:priya.dev/feed.xml", "u:priya.dev"]),
        ("https://priya.dev/feed/", ["u:priya.dev/feed", "u:priya.dev"]),
        ("https://priya.dev/blog/atom.xml", ["u:priya.dev/blog/atom.xml", "u:priya.dev/blog"]),
        ("https://priya.dev/index.xml", ["u:priya.dev/index.xml", "u:priya.dev"]),
        ("https://hachyderm.io/@priya.rss", ["u:hachyderm.io/@priya.rss", "u:hachyderm.io/@priya"]),
        (
            "https://bsky.app/profile/priya.bsky.social/rss",
            ["u:bsky.app/profile/priya.bsky.social/rss", "u:bsky.app/profile/priya.bsky.social"],
        ),
        ("https://priya.dev/", ["u:priya.dev"]),
        ("https://localhost/feed.xml", []),
    ],
)
def test_feed_url_keys_add_the_site_without_the_feed_file(url, keys):
    assert feed_url_keys(url) == keys


@pytest.mark.parametrize(
    "handle,key",
    [
        ("@Priya", "@priya"),
        ("priya", "@priya"),
        ("@priya@Hachyderm.io", "@priya@hachyderm.io"),
        ("priya.bsky.social", "@priya.bsky.social"),
        ("@", ""),
        ("two words", ""),
        ("@a@b", ""),
        ("", ""),
    ],
)
def test_handle_keys(handle, key):
    assert handle_key(handle) == key


def test_a_persons_keys_cover_name_email_handles_profiles_and_site():
    priya = Person(
        1,
        "Priya Ráman",
        linkedin="https://www.linkedin.com/in/priya-raman",
        x="@PriyaR",
        mastodon="@priya@hachyderm.io",
        bluesky="priya.bsky.social",
        threads="@priya.r",
        website="https://priya.dev/feed.xml",
        email="Priya@Example.com",
    )
    assert person_keys(priya) == [
        "n:priya raman",
        "e:priya@example.com",
        "@priyar",
        "@priya.r",
        "@priya@hachyderm.io",
        "@priya.bsky.social",
        "u:linkedin.com/in/priya-raman",
        "u:x.com/priyar",
        "u:threads.net/@priya.r",
        "u:hachyderm.io/@priya",
        "u:bsky.app/profile/priya.bsky.social",
        "u:priya.dev/feed.xml",
        "u:priya.dev",
    ]


def test_an_item_matches_a_person_through_a_shared_key():
    sam = Person(2, "Sam Lee", x="@samlee", website="https://sam.example")
    keys = set(person_keys(sam))
    assert keys & set(author_keys("sam@x.org (Sam Lee)"))
    assert keys & set(author_keys("@SamLee"))
    assert keys & set(feed_url_keys("https://sam.example/rss.xml"))
    assert not keys & set(author_keys("Samuel Lee"))
    assert person_keys(Person(3, "")) == []
