import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.compose.filters import (
    _CLOSERS,
    _TERMINAL,
    _TRAILING,
    FILTERS,
    attribution,
    author_name,
    byline,
    credit_name,
    domain,
    fit,
    hashtags,
    plain,
    quoted,
    room,
    sentence,
    shorten,
)
from app.types import Theme

ITEM = {
    "author": "Ada Writer",
    "source": "Platform Weekly",
    "link": "https://www.golden.example/paths",
}
X = {"key": "x", "name": "X", "limit": 280}
LINKEDIN = {"key": "linkedin", "name": "LinkedIn", "limit": 3000}

# Words, spaces, newlines and the punctuation shorten() cares about.
TEXT = st.text(alphabet=st.sampled_from("abcXYZ é  \n\t.,;:!?-—…\"'()#"), max_size=80)


# plain -----------------------------------------------------------------------


def test_plain_collapses_whitespace_and_survives_none():
    assert plain("  a\n\n b\t c  ") == "a b c"
    assert plain("") == plain(None) == ""
    assert plain(42) == "42"


# shorten ---------------------------------------------------------------------


def test_shorten_keeps_text_that_fits():
    assert shorten("Paved roads beat mandates.", 26) == "Paved roads beat mandates."
    assert shorten("  spaced\n out ", 10) == "spaced out"


def test_shorten_cuts_on_a_word_boundary():
    assert shorten("Paved roads beat mandates.", 15) == "Paved roads…"
    assert shorten("one two three", 8) == "one two…"  # the cut falls just after a word


def test_shorten_drops_punctuation_before_the_ellipsis():
    assert shorten("Hello, world and more", 8) == "Hello…"
    assert shorten("Teams adopt tools - when they help", 14) == "Teams adopt…"
    assert shorten("A list (with a note)", 9) == "A list…"


def test_shorten_cuts_a_word_only_when_it_alone_is_too_long():
    assert shorten("Supercalifragilistic is long", 6) == "Super…"
    assert shorten("https://golden.example/a/very/long/path", 12) == "https://gol…"


def test_shorten_edge_cases():
    assert shorten("", 10) == ""
    assert shorten(None, 10) == ""
    assert shorten("Hello world", 1) == ""
    assert shorten("Hello world", 0) == ""
    assert shorten("... ... ...", 5) == ""  # nothing but punctuation would be left
    assert shorten("— Supercalifragilistic", 8) == "— Super…"


@given(TEXT, st.integers(min_value=0, max_value=100))
def test_shorten_properties(text, n):
    s = plain(text)
    result = shorten(text, n)
    assert len(result) <= n
    if len(s) <= n:
        assert result == s
        return
    if not result:
        return
    assert result.endswith("…")
    kept = result[:-1]
    assert kept and s.startswith(kept)
    assert not kept.endswith(tuple(_TRAILING))
    rest = s[len(kept) :]
    if rest[0] not in " " + _TRAILING:
        # Cut inside a word (not before a space or dropped punctuation): only a word
        # that alone does not fit in n - 1 characters, or that only punctuation precedes.
        start = s.rfind(" ", 0, len(kept)) + 1
        end = s.find(" ", len(kept))
        too_long = (len(s) if end < 0 else end) - start > n - 1
        assert too_long or not s[:start].strip(_TRAILING)


def test_shorten_is_linear_on_huge_inputs():
    start = time.perf_counter()
    assert len(shorten("word " * 1_000_000, 50)) <= 50
    assert shorten("a" * 5_000_000, 10) == "aaaaaaaaa…"
    assert shorten(" " * 5_000_000, 10) == ""
    assert shorten("," * 5_000_000 + " x", 10) == ""
    assert time.perf_counter() - start < 10


# sentence --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello", "Hello."),
        ("Hello.", "Hello."),
        ("Really?", "Really?"),
        ("Wow!", "Wow!"),
        ("Wait…", "Wait…"),
        ('He said "yes."', 'He said "yes."'),
        ("It works (mostly)", "It works (mostly)."),
        ("Here is the list:", "Here is the list."),
        ("and so on,", "and so on."),
        ("  two\nlines  ", "two lines."),
        ("", ""),
        (None, ""),
        (" , ; ", ""),
    ],
)
def test_sentence(text, expected):
    assert sentence(text) == expected


@given(TEXT)
def test_sentence_properties(text):
    result = sentence(text)
    assert sentence(result) == result
    if result:
        assert result.rstrip(_CLOSERS).endswith(_TERMINAL)
        assert result.startswith(plain(text).rstrip(" ,;:-–—")[:1])


# quoted ----------------------------------------------------------------------


def test_quoted():
    assert quoted("Golden paths") == '"Golden paths"'
    assert quoted('The "Staff" trap') == "\"The 'Staff' trap\""
    assert quoted("") == quoted(None) == ""


def test_quoted_in_german_and_unknown_languages():
    assert quoted("Goldene Pfade", "de") == "„Goldene Pfade“"
    assert quoted('Die "Staff"-Falle und „mehr“', "de") == "„Die 'Staff'-Falle und ‚mehr‘“"
    assert quoted("", "de") == ""
    assert quoted("Golden paths", "xx") == quoted("Golden paths", None) == '"Golden paths"'


# hashtags --------------------------------------------------------------------


def test_hashtags_from_a_theme_dict_keep_at_most_n():
    theme = {"name": "Platform", "hashtags": ["#PlatformEngineering", "#DevEx", "#SRE", "#K8s"]}
    assert hashtags(theme) == "#PlatformEngineering #DevEx #SRE"
    assert hashtags(theme, 1) == "#PlatformEngineering"
    assert hashtags(theme, 0) == ""


def test_hashtags_normalise_and_deduplicate():
    assert hashtags(["DevEx", "#devex", "##SRE", " site reliability ", "#DEVEX"], 5) == (
        "#DevEx #SRE #SiteReliability"
    )
    assert hashtags(["Dev-Ex!", "2026", "#", "", "   "]) == "#DevEx"  # digits alone: no tag


def test_hashtags_from_strings_objects_and_nothing():
    assert hashtags("#DevEx #SRE, platform engineering") == "#DevEx #SRE #PlatformEngineering"
    assert hashtags("iOS development") == "#iOSDevelopment"
    assert hashtags(Theme(id=1, name="T", hashtags=("#A1", "#B2"))) == "#A1 #B2"
    assert hashtags(None) == hashtags([]) == hashtags("") == hashtags({}) == ""


def test_hashtags_per_platform():
    tags = ["#One", "#Two", "#Three", "#Four"]
    assert hashtags(tags, LINKEDIN) == "#One #Two #Three"
    assert hashtags(tags, X) == "#One #Two"
    assert hashtags(tags, "bluesky") == "#One #Two"
    assert hashtags(tags, "threads") == "#One"
    assert hashtags(tags, "mastodon") == "#One #Two #Three"


@given(st.lists(TEXT, max_size=8), st.integers(min_value=0, max_value=5))
def test_hashtags_properties(tags, n):
    result = hashtags(tags, n)
    words = result.split(" ") if result else []
    assert len(words) <= n
    assert all(w.startswith("#") and w.count("#") == 1 and len(w) > 1 for w in words)
    assert len({w.casefold() for w in words}) == len(words)
    assert hashtags(result, n) == result


def test_hashtags_stop_early_on_a_huge_list():
    start = time.perf_counter()
    assert hashtags([f"tag{i}" for i in range(1_000_000)], 2) == "#tag0 #tag1"
    assert hashtags("x" * 2_000_000, 3) == "#" + "x" * 2_000_000
    assert time.perf_counter() - start < 10


# domain, author_name, credits --------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.golden.example/a?b=1#c", "golden.example"),
        ("http://user@Host.Example:8080/x", "host.example"),
        ("golden.example/path", "golden.example"),
        ("", ""),
        (None, ""),
        ("not a web address", ""),
        ("https://localhost/", ""),
    ],
)
def test_domain(url, expected):
    assert domain(url) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ada Writer", "Ada Writer"),
        ("ada@writer.example (Ada Writer)", "Ada Writer"),
        ("Ada Writer (ada@writer.example)", "Ada Writer"),
        ("ada@writer.example", ""),
        ("admin", ""),
        ("  Staff ", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_author_name(raw, expected):
    assert author_name(raw) == expected


@pytest.mark.parametrize(
    ("author", "source", "link", "by", "attributed", "credited"),
    [
        (
            "Ada Writer",
            "Platform Weekly",
            ITEM["link"],
            "by Ada Writer, in Platform Weekly",
            "Ada Writer, Platform Weekly",
            "Ada Writer",
        ),
        (
            "",
            "Platform Weekly",
            ITEM["link"],
            "in Platform Weekly",
            "Platform Weekly",
            "Platform Weekly",
        ),
        ("Ada Writer", "", ITEM["link"], "by Ada Writer", "Ada Writer", "Ada Writer"),
        ("Ada Writer", "Ada Writer's blog", "", "by Ada Writer", "Ada Writer", "Ada Writer"),
        ("", "", ITEM["link"], "on golden.example", "golden.example", "golden.example"),
        ("", "", "", "", "", ""),
    ],
)
def test_credits(author, source, link, by, attributed, credited):
    item = {"author": author, "source": source, "link": link}
    assert byline(item) == by
    assert attribution(item) == attributed
    assert credit_name(item) == credited


def test_bylines_in_german():
    item = {"author": "Ada Writer", "source": "Platform Weekly", "link": ITEM["link"]}
    assert byline(item, "de") == "von Ada Writer, in Platform Weekly"
    assert byline({**item, "source": ""}, "de") == "von Ada Writer"
    assert byline({**item, "author": ""}, "de") == "in Platform Weekly"
    assert byline({"link": ITEM["link"]}, "de") == "auf golden.example"
    assert byline({"author": "{source} Writer"}, "de") == "von {source} Writer"
    assert byline(item, "xx") == byline(item) == "by Ada Writer, in Platform Weekly"


def test_credits_of_nothing():
    assert byline(None) == attribution({}) == credit_name(None) == ""


# room and fit ----------------------------------------------------------------


def test_room_counts_as_the_platform_does_links_at_23_on_x():
    link = "https://golden.com/" + "a" * 60
    assert room(X, link) == 280 - 23 - 2
    # Like X itself: a name under no real top-level domain is not a link, so it counts.
    assert room(X, "https://golden.example/a") == 280 - 24 - 2
    assert room(X, "ab", "") == 280 - 2 - 2
    assert room({"key": "bluesky", "limit": 300}, link) == 300 - len(link) - 2
    assert room({"key": "x", "limit": 10}, "a" * 50) == 0
    assert room(X, "日本") == 280 - 4 - 2  # wide characters count 2 on X
    assert room({}, "text") == 0


def test_fit_keeps_shortens_or_drops():
    first = "Paved roads beat mandates, because teams adopt what saves them time."
    assert fit(first, LINKEDIN, "take") == first
    squeezed = fit(first, X, "t" * 230)
    assert squeezed == "Paved roads beat mandates, because teams…"
    assert fit(first, X, "t" * 230, cut=False) == ""
    assert fit(first, X, "t" * 250) == ""  # fewer than 40 characters left
    assert fit("", X) == ""


@given(TEXT, st.integers(min_value=0, max_value=300))
def test_fit_never_overflows(text, used):
    result = fit(text, X, "u" * used)
    weight = sum(1 if ord(c) <= 0x10FF or 0x2010 <= ord(c) <= 0x201F else 2 for c in result)
    assert not result or weight + used + 4 <= 280


# all filters -----------------------------------------------------------------


def test_filters_are_registered():
    assert {"shorten", "hashtags", "sentence", "plain", "byline", "fit"} <= set(FILTERS)


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_every_filter_takes_empty_and_none(name):
    func = FILTERS[name]
    args = (LINKEDIN,) if name == "fit" else ()
    for value in ("", None):
        result = func(value, *args)
        assert result is not None and "None" not in str(result)
