"""People's mentions counted as each platform counts them (docs/PLATFORMS.md): Mastodon
counts `@user@server` as `@user`, X counts `@handle` as its characters, Bluesky and
Threads count mentions as plain text, LinkedIn the name."""

import pytest

from app.compose.counting import count_text
from app.compose.mentioning import retarget
from app.people.mentions import mention
from app.types import Person

PRIYA = Person(
    1,
    "Priya Raman",
    x="@priyar",
    mastodon="@priya@hachyderm.io",
    bluesky="priya.bsky.social",
    threads="@priya.r",
)
THANKS = "Thanks to {} for the talk."


@pytest.mark.parametrize(
    ("platform", "written", "counted"),
    [
        ("linkedin", "Priya Raman", len("Priya Raman")),
        ("x", "@priyar", len("@priyar")),
        ("mastodon", "@priya@hachyderm.io", len("@priya")),  # the server is not counted
        ("bluesky", "@priya.bsky.social", len("@priya.bsky.social")),
        ("threads", "@priya.r", len("@priya.r")),
    ],
)
def test_a_persons_mention_counts_as_the_platform_counts_it(platform, written, counted):
    assert mention(PRIYA, platform) == written
    text = THANKS.format(written)
    assert count_text(text, platform).count == len(THANKS.format("")) + counted


def test_mastodon_counts_only_the_user_of_every_remote_mention():
    text = "@priya@hachyderm.io @sam@fosstodon.org @zoe"
    assert count_text(text, "mastodon").count == len("@priya @sam @zoe")


def test_x_counts_a_mastodon_address_in_full():
    # On X a Mastodon address is no mention, only characters (and no link).
    assert count_text("@priya@hachyderm.io", "x").count == len("@priya@hachyderm.io")


def test_a_draft_moved_to_mastodon_counts_its_new_mentions_as_mastodon_does():
    linkedin = THANKS.format("Priya Raman")
    on_mastodon = retarget(linkedin, [PRIYA], "linkedin", "mastodon")
    assert on_mastodon == THANKS.format("@priya@hachyderm.io")
    assert count_text(on_mastodon, "mastodon").count == len(THANKS.format("@priya"))


def test_mastodon_over_the_limit_counts_only_the_user_of_a_mention():
    text = "x" * 495 + " @priya@hachyderm.io"
    result = count_text(text, "mastodon")
    assert result.count == 496 + len("@priya") and not result.ok
    assert text[result.over_at :] == "ya@hachyderm.io"  # the 501st counted character on
