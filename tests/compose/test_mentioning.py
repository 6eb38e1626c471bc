"""People in a draft's text: the names and @mentions looked up, the longest names found,
and mentions turned from one platform's form to another's (docs/PEOPLE.md, "Mentions")."""

from app.compose.mentioning import lookup_keys, matches, owner, retarget
from app.types import Person

PRIYA = Person(
    1,
    "Priya Raman",
    x="@priyar",
    mastodon="@priya@hachyderm.io",
    bluesky="priya.bsky.social",
    threads="@priya.r",
)
SAM = Person(2, "Sam Rivera", x="@samr")  # on X only
ZOE = Person(3, "Zoë Müller")  # no handles


def test_the_keys_of_a_text_are_its_mentions_and_its_names_of_up_to_four_words():
    keys = lookup_keys(
        "Thanks @priyar, @priya@hachyderm.io and @priya.bsky.social! Sam Rivera says hi."
    )
    assert {"@priyar", "@priya@hachyderm.io", "@priya.bsky.social"} <= set(keys)
    assert {"n:sam rivera", "n:sam rivera says", "n:sam rivera says hi", "n:sam"} <= set(keys)
    assert "n:thanks" in keys and all(len(k.split()) <= 4 for k in keys)


def test_an_e_mail_address_a_link_or_a_lower_case_word_names_nobody():
    keys = lookup_keys("Write to sam@rivera.dev, see https://priya.dev/sam-rivera, we will")
    assert not [k for k in keys if k.startswith("@")]
    assert "n:sam rivera" not in keys  # inside the link
    assert "n:will" not in keys and "n:we will" in keys  # one lower-case word is no name


def test_the_longest_name_wins_and_names_never_run_over_a_full_stop():
    known = {"n:priya", "n:priya raman", "n:sam rivera", "n:raman"}
    assert matches("Priya Raman's talk, then Priya alone.", known) == [
        "n:priya raman",
        "n:priya",
    ]
    assert matches("I met Sam. Rivera was there too.", known) == []


def test_names_match_without_case_accents_or_hyphens():
    assert matches("Thanks to ZOË MÜLLER and jean-luc picard", {"n:zoe muller"}) == ["n:zoe muller"]
    assert matches("Thanks to Jean-Luc Picard", {"n:jean luc picard"}) == ["n:jean luc picard"]


def test_mentions_and_names_come_in_the_order_written():
    known = {"@samr", "n:priya raman"}
    assert matches("Priya Raman and @samr", known) == ["n:priya raman", "@samr"]


def test_switching_platform_rewrites_each_persons_mention():
    text = "Thanks to Priya Raman for this. Priya Raman's talk, with Sam Rivera and Zoë Müller."
    on_x = retarget(text, [PRIYA, SAM, ZOE], "linkedin", "x")
    assert on_x == "Thanks to @priyar for this. @priyar's talk, with @samr and Zoë Müller."
    on_mastodon = retarget(on_x, [PRIYA, SAM, ZOE], "x", "mastodon")
    # Sam has no Mastodon address: their name, as on LinkedIn.
    assert on_mastodon == (
        "Thanks to @priya@hachyderm.io for this. @priya@hachyderm.io's talk,"
        " with Sam Rivera and Zoë Müller."
    )
    assert retarget(on_mastodon, [PRIYA, SAM, ZOE], "mastodon", "linkedin") == text
    assert retarget("cc @priyar", [PRIYA], "x", "bluesky") == "cc @priya.bsky.social"
    assert retarget("cc @priyar", [PRIYA], "x", "threads") == "cc @priya.r"


def test_only_whole_mentions_are_rewritten():
    text = "@priyar_2 and @priyar@example.social and me@priyar.dev, not @priyar."
    assert retarget(text, [PRIYA], "x", "linkedin") == (
        "@priyar_2 and @priyar@example.social and me@priyar.dev, not Priya Raman."
    )


def test_a_mention_means_the_person_with_that_handle_on_the_drafts_platform():
    on_x = Person(5, "Sam on X", x="@sam")
    on_threads = Person(4, "Sam on Threads", threads="@sam")
    assert owner("@sam", [on_threads, on_x], "x") == on_x
    assert owner("@sam", [on_threads, on_x], "threads") == on_threads
    # A name several people share: the earliest added.
    assert owner("n:sam", [on_x, on_threads], "linkedin") == on_threads
    assert owner("n:sam", [], "linkedin") is None
