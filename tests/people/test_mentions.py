"""How a person is mentioned on each platform (app/people/mentions.py, docs/PEOPLE.md
"Mentions"): `@handle` on X, Bluesky and Threads, `@user@server` on Mastodon, the name
on LinkedIn and wherever the person has no handle."""

from __future__ import annotations

import pytest

from app.people.mentions import mention, mentions
from app.types import Person

PRIYA = Person(
    1,
    "Priya Raman",
    linkedin="https://www.linkedin.com/in/priya-raman",
    x="@priyar",
    mastodon="@priya@hachyderm.io",
    bluesky="priya.bsky.social",
    threads="@priya.r",
)


@pytest.mark.parametrize(
    "platform,text",
    [
        ("x", "@priyar"),
        ("mastodon", "@priya@hachyderm.io"),
        ("bluesky", "@priya.bsky.social"),
        ("threads", "@priya.r"),
        ("linkedin", "Priya Raman"),  # picked in LinkedIn's own composer
        ("elsewhere", "Priya Raman"),
    ],
)
def test_each_platform_gets_its_own_mention(platform, text):
    assert mention(PRIYA, platform) == text


def test_without_a_handle_for_the_platform_the_name():
    sam = Person(2, "Sam Lee", x="@samlee")
    assert mentions(sam) == {
        "linkedin": "Sam Lee",
        "x": "@samlee",
        "mastodon": "Sam Lee",
        "bluesky": "Sam Lee",
        "threads": "Sam Lee",
    }


def test_mentions_lists_every_platform_for_templates():
    assert mentions(PRIYA) == {
        "linkedin": "Priya Raman",
        "x": "@priyar",
        "mastodon": "@priya@hachyderm.io",
        "bluesky": "@priya.bsky.social",
        "threads": "@priya.r",
    }


def test_handles_as_the_service_keeps_them_need_no_cleaning(planner):
    person = planner.people.add(
        "Priya Raman",
        x="https://x.com/priyar",
        mastodon="https://hachyderm.io/@priya",
        bluesky="https://bsky.app/profile/priya.bsky.social",
        threads="https://www.threads.net/@priya.r",
    )
    assert mentions(person) == mentions(PRIYA)
