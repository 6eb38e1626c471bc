"""Profile handles as people paste them, kept in one form (app/people/handles.py); what
is not a handle is refused with an example of one (docs/PEOPLE.md)."""

from __future__ import annotations

import pytest

from app.errors import DigwellError
from app.people.handles import (
    NORMALISERS,
    normal_bluesky,
    normal_linkedin,
    normal_mastodon,
    normal_threads,
    normal_website,
    normal_x,
)
from app.types import HANDLE_FIELDS

PROFILE = "https://www.linkedin.com/in/priya-raman"


@pytest.mark.parametrize(
    "text",
    [
        "https://www.linkedin.com/in/priya-raman",
        "https://www.linkedin.com/in/priya-raman/",
        "http://linkedin.com/in/priya-raman",
        "linkedin.com/in/priya-raman",
        "www.linkedin.com/in/priya-raman/?originalSubdomain=de",
        "https://de.linkedin.com/in/priya-raman",
        "https://uk.linkedin.com/in/priya-raman#about",
        "https://in.linkedin.com/pub/priya-raman/1a/2b/3c",
        "  https://www.linkedin.com/in/priya-raman/details/experience/  ",
    ],
)
def test_linkedin_profiles_from_any_host_and_form(text):
    assert normal_linkedin(text) == PROFILE


def test_linkedin_slugs_are_decoded():
    assert normal_linkedin("https://www.linkedin.com/in/jos%C3%A9-n%C3%BA%C3%B1ez") == (
        "https://www.linkedin.com/in/josé-núñez"
    )


@pytest.mark.parametrize(
    "text",
    [
        "priya-raman",
        "https://www.linkedin.com/company/acme",
        "https://www.linkedin.com/in/",
        "https://linkedin.com.evil.example/in/priya",
        "https://notlinkedin.com/in/priya",
        "https://evil.example/in/priya-raman",
    ],
)
def test_what_is_not_a_linkedin_profile_is_refused(text):
    with pytest.raises(DigwellError) as caught:
        normal_linkedin(text)
    assert "is not a LinkedIn profile address" in caught.value.message
    assert "https://www.linkedin.com/in/" in caught.value.hint


@pytest.mark.parametrize(
    "text",
    [
        "@priyar",
        "priyar",
        " @priyar ",
        "https://x.com/priyar",
        "x.com/priyar",
        "https://www.x.com/@priyar",
        "https://twitter.com/priyar",
        "twitter.com/priyar/status/1790000000000000000",
        "https://mobile.twitter.com/priyar",
    ],
)
def test_x_handles_from_at_names_and_addresses(text):
    assert normal_x(text) == "@priyar"


@pytest.mark.parametrize(
    "text", ["@pri-yar", "@sixteen_chars_xx", "https://example.com/priyar", "https://x.com/", "@"]
)
def test_what_is_not_an_x_handle_is_refused(text):
    with pytest.raises(DigwellError, match="is not a handle on X") as caught:
        normal_x(text)
    assert "up to 15" in caught.value.hint


@pytest.mark.parametrize(
    "text",
    [
        "@priya@hachyderm.io",
        "priya@hachyderm.io",
        "@priya@Hachyderm.IO",
        "https://hachyderm.io/@priya",
        "hachyderm.io/@priya/",
        "https://hachyderm.io/@priya/113000000000000000",
        "https://hachyderm.io/users/priya",
    ],
)
def test_mastodon_addresses_from_handles_and_profile_urls(text):
    assert normal_mastodon(text) == "@priya@hachyderm.io"


def test_mastodon_users_keep_their_case_and_dots():
    assert normal_mastodon("@Priya.Raman@social.example.org") == "@Priya.Raman@social.example.org"


@pytest.mark.parametrize(
    "text",
    [
        "@priya",
        "@priya@localhost",
        "@pri ya@hachyderm.io",
        "@a@b@c.example",
        "https://hachyderm.io/",
        "https://hachyderm.io/about",
        "https://hachyderm.io/users/priya/statuses/1",
    ],
)
def test_what_is_not_a_mastodon_address_is_refused(text):
    with pytest.raises(DigwellError, match="is not a Mastodon address") as caught:
        normal_mastodon(text)
    assert "@priya@hachyderm.io" in caught.value.hint


@pytest.mark.parametrize(
    "text,kept",
    [
        ("priya.bsky.social", "priya.bsky.social"),
        ("@Priya.bsky.social", "priya.bsky.social"),
        ("https://bsky.app/profile/priya.bsky.social", "priya.bsky.social"),
        ("bsky.app/profile/Priya.dev", "priya.dev"),
        ("https://bsky.app/profile/priya.bsky.social/post/3kabc", "priya.bsky.social"),
        ("@priya.dev", "priya.dev"),  # a custom domain handle
    ],
)
def test_bluesky_handles_with_or_without_at_and_from_bsky_app(text, kept):
    assert normal_bluesky(text) == kept


@pytest.mark.parametrize(
    "text", ["priya", "https://bsky.app/search", "https://bsky.app/profile/did:plc:abc", "@"]
)
def test_what_is_not_a_bluesky_handle_is_refused_naming_what_was_typed(text):
    with pytest.raises(DigwellError) as caught:
        normal_bluesky(text)
    assert caught.value.message.startswith(f"“{text}” is not a Bluesky handle")


@pytest.mark.parametrize(
    "text",
    [
        "@priya.r",
        "priya.r",
        "https://www.threads.net/@priya.r",
        "threads.net/@priya.r/post/C1abc",
        "https://threads.com/@priya.r",
        "https://www.threads.com/@priya.r?hl=en",
    ],
)
def test_threads_handles_from_threads_net_and_threads_com(text):
    assert normal_threads(text) == "@priya.r"


@pytest.mark.parametrize("text", ["@priya-r", "https://example.com/@priya.r", "@" + "p" * 31])
def test_what_is_not_a_threads_handle_is_refused(text):
    with pytest.raises(DigwellError, match="is not a handle on Threads"):
        normal_threads(text)


@pytest.mark.parametrize(
    "text,kept",
    [
        ("priya.dev", "https://priya.dev"),
        ("https://priya.dev/feed.xml", "https://priya.dev/feed.xml"),
        ("http://blog.priya.dev/", "http://blog.priya.dev/"),
    ],
)
def test_websites_get_a_scheme(text, kept):
    assert normal_website(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "ftp://priya.dev",
        "javascript:alert(1)",
        "https://localhost",
        "not a site",
        "https://priya.dev/" + "a" * 2000,
    ],
)
def test_what_is_not_a_web_address_is_refused(text):
    with pytest.raises(DigwellError, match="is not a web address"):
        normal_website(text)


def test_a_long_value_is_shortened_in_the_message():
    with pytest.raises(DigwellError) as caught:
        normal_x("x" * 100)
    assert len(caught.value.message) < 100 and "…" in caught.value.message


def test_every_handle_field_has_a_normaliser_and_empty_stays_empty():
    assert tuple(NORMALISERS) == HANDLE_FIELDS
    for normalise in NORMALISERS.values():
        assert normalise("") == "" and normalise("   ") == ""
