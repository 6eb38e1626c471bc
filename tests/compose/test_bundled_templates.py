"""Every bundled template, rendered for the cases a user meets, reads cleanly."""

import itertools
import re
from datetime import datetime, timezone

import pytest

from app.compose.context import TAKE_PLACEHOLDER, build_context, item_context, placeholders
from app.compose.platforms import PLATFORMS, platform
from app.compose.templates import TemplateLibrary, read_header
from app.errors import TemplateError
from app.paths import resource_path
from app.types import Item, Profile, Theme

EXPECTED_KINDS = {
    "quick-share": "share",
    "three-lessons": "share",
    "counterpoint": "share",
    "question-to-network": "share",
    "credit-the-author": "credit",
    "weekly-roundup": "share",
    "original-insight": "original",
    "resource-for-newcomers": "help",
}
NO_LINK = {"original-insight", "thank-a-colleague"}  # need no item
TAKE = "We tried mandates first. Adoption came when the paved road was the fastest way to ship."


def _item(i=1, **fields):
    values = {
        "id": i,
        "feed_id": 1,
        "title": "Golden paths, not golden cages"
        if i == 1
        else f"Why platform teams need a product manager, part {i}",
        "link": f"https://golden.example/2026/11/paths-{i}",
        "author": "Ada Writer",
        "source": "Platform Weekly",
        "summary_html": "",
        "summary_text": "Paved roads beat mandates. Teams adopt what saves them time, and drop "
        "what does not, however loudly it is announced.",
        "published": datetime(2026, 11, 22, 8, 0, tzinfo=timezone.utc),
    }
    values.update(fields)
    return Item(**values)


FULL = _item()
BARE = _item(author="", summary_text="", published=None)  # no author, summary or date
ANONYMOUS = _item(author="", source="")  # nothing to credit but the link
ITEM_CASES = {
    "full": [FULL],
    "bare": [BARE],
    "anonymous": [ANONYMOUS],
    "two": [FULL, _item(2)],
    "five": [_item(i) for i in range(1, 6)],
}
THEME = Theme(
    id=1,
    name="Platform engineering",
    hashtags=("#PlatformEngineering", "#DevEx", "#SRE", "#Kubernetes"),
)
THEME_CASES = {
    "theme": THEME,
    "no-hashtags": Theme(id=2, name="Platform engineering"),
    "no-theme": None,
}
PROFILE_CASES = {
    "profile": Profile(name="Alex Doe", role="Staff engineer", goal="Lead a platform team"),
    "no-profile": Profile(),
}
TAKE_CASES = {"take": TAKE, "no-take": ""}


@pytest.fixture(scope="module")
def library():
    return TemplateLibrary(resource_path("templates"))


def _bundled():
    return TemplateLibrary(resource_path("templates")).templates()


def render(library, name, items, *, theme=THEME, profile=None, take="", key="linkedin"):
    context = build_context(
        items, theme=theme, profile=profile or Profile(), take=take, platform=platform(key)
    )
    return library.render(name, context)


def _x_count(text):
    """Roughly as X counts: every link 23, everything else 1."""
    return len(re.sub(r"https?://\S+", "x" * 23, text))


def assert_reads_cleanly(text):
    assert text and text == text.strip()
    for bad in ("None", "  ", " ,", " .", " :", " ;", "\n\n\n", "{{", "}}", "{%", "%}", "{#"):
        assert bad not in text, f"{bad!r} in:\n{text}"
    for bad in ('""', "()", ",.", ".."):
        assert bad not in text, f"{bad!r} in:\n{text}"
    for line in text.splitlines():
        assert line == line.rstrip(), f"trailing space in {line!r}"
        assert not line or any(c.isalnum() for c in line), f"a line of punctuation: {line!r}"
    assert not text.endswith((":", ",", ";", "-"))


# Headers ---------------------------------------------------------------------


def test_the_bundled_library_has_every_template_with_its_kind():
    infos = {t.name: t for t in _bundled()}
    assert len(infos) >= 8
    for name, kind in EXPECTED_KINDS.items():
        assert infos[name].kind == kind, name


@pytest.mark.parametrize("info", _bundled(), ids=lambda t: t.name)
def test_headers_are_complete(info):
    header = info.path.read_text(encoding="utf-8").split("-#}", 1)[0]
    for field in ("name:", "description:", "kind:", "platforms:"):
        assert re.search(rf"^{field}\s*\S", header, re.MULTILINE), f"{info.name}: {field}"
    assert info == read_header(info.path)
    assert info.title and info.description.endswith(".")
    assert info.kind in ("share", "original", "credit", "help")
    assert info.platforms and set(info.platforms) <= set(PLATFORMS)
    assert "linkedin" in info.platforms


# Every template, every case ------------------------------------------------------


def cases(name):
    """(items, theme, profile, take) keys to render the template `name` with."""
    item_cases = dict(ITEM_CASES)
    if name in NO_LINK:
        item_cases["no-items"] = []
    for items, theme, profile, take in itertools.product(
        item_cases, THEME_CASES, PROFILE_CASES, TAKE_CASES
    ):
        # Profiles and takes against the main items and theme; every item case
        # against every theme.
        if (profile != "profile" or take != "take") and (items, theme) != ("full", "theme"):
            continue
        yield items, theme, profile, take


@pytest.mark.parametrize(
    ("info", "key"),
    [(t, key) for t in _bundled() for key in t.platforms],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_every_template_reads_cleanly_in_every_case(library, info, key):
    for items, theme, profile, take in cases(info.name):
        text = render(
            library,
            info.name,
            ITEM_CASES.get(items, []),
            theme=THEME_CASES[theme],
            profile=PROFILE_CASES[profile],
            take=TAKE_CASES[take],
            key=key,
        )
        case = f"{info.name} on {key}, {items}, {theme}, {profile}, {take}"
        try:
            assert_reads_cleanly(text)
            if take == "take":
                assert TAKE in text and TAKE_PLACEHOLDER not in text
            else:
                assert text.count(TAKE_PLACEHOLDER) == 1
            tags = [w for w in text.split() if w.startswith("#")]
            assert len(tags) <= {"linkedin": 3, "mastodon": 3, "threads": 1}.get(key, 2)
            if theme != "theme":
                assert not tags
            if info.name not in NO_LINK and ITEM_CASES.get(items):
                assert ITEM_CASES[items][0].link in text
        except AssertionError as err:
            raise AssertionError(f"{case}:\n{text}") from err


@pytest.mark.parametrize(
    ("info", "key"),
    [(t, key) for t in _bundled() for key in t.platforms if key in ("x", "bluesky")],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
@pytest.mark.parametrize("take", ["", TAKE])
def test_a_typical_post_fits_x_and_bluesky(library, info, key, take):
    text = render(library, info.name, [FULL], take=take, key=key)
    # Bluesky counts a pasted link in full: stricter than 23.
    used = _x_count(text) if key == "x" else len(text)
    assert used <= platform(key).limit, f"{used} characters:\n{text}"


def test_linkedin_gets_more_of_the_summary_than_x(library):
    long_first = _item(
        summary_text="Paved roads beat mandates because teams adopt whatever saves them time "
        "on a busy Tuesday afternoon, and they quietly drop whatever does not, however "
        "loudly it is announced at the all-hands. Second sentence."
    )
    on_linkedin = render(library, "quick-share", [long_first], take=TAKE, key="linkedin")
    on_x = render(library, "quick-share", [long_first], take=TAKE, key="x")
    assert "at the all-hands." in on_linkedin
    assert "all-hands" not in on_x
    assert _x_count(on_x) <= 280


def test_templates_that_need_an_item_say_so_without_one(library):
    with pytest.raises(TemplateError, match="'counterpoint' failed on line"):
        render(library, "counterpoint", [])


# Golden-ish ------------------------------------------------------------------


def test_credit_names_the_author_or_else_the_source(library):
    text = render(library, "credit-the-author", [FULL], take=TAKE)
    assert text.startswith('Thanks to Ada Writer for "Golden paths, not golden cages".')
    assert "Ada Writer is worth following if you care about Platform engineering." in text
    assert "What I learned:\n" + TAKE in text

    text = render(library, "credit-the-author", [BARE])
    assert text.startswith('Thanks to Platform Weekly for publishing "Golden paths')
    assert "worth following" not in text

    text = render(library, "credit-the-author", [ANONYMOUS])
    assert text.startswith("Thanks to golden.example for publishing")


def test_roundup_numbers_every_item_and_links_it(library):
    items = ITEM_CASES["five"]
    text = render(library, "weekly-roundup", items, take=TAKE)
    assert "Five reads worth your time this week, on Platform engineering:" in text
    for number, item in enumerate(items, 1):
        assert f"\n{number}. {item.title} (Ada Writer, Platform Weekly)\n{item.link}" in text
    assert text.endswith("#PlatformEngineering #DevEx #SRE")


def test_roundup_of_one_or_two(library):
    one = render(library, "weekly-roundup", [FULL], theme=None)
    assert "One read worth your time this week:" in one
    assert "1." not in one and FULL.link in one
    two = render(library, "weekly-roundup", ITEM_CASES["two"])
    assert "Two reads worth" in two and "\n1. " in two and "\n2. " in two


def test_roundup_on_mastodon_stays_within_its_limit(library):
    text = render(library, "weekly-roundup", ITEM_CASES["five"], key="mastodon")
    assert _x_count(text) <= 500
    assert all(item.link in text for item in ITEM_CASES["five"])


@pytest.mark.parametrize("name", sorted(NO_LINK))
def test_original_posts_carry_no_link(library, name):
    for items in ([], [FULL]):
        text = render(library, name, items, take=TAKE)
        assert "http" not in text and "golden.example" not in text
        assert TAKE in text


def test_original_insight_leads_with_the_theme(library):
    text = render(library, "original-insight", [], take=TAKE)
    assert text.startswith("On Platform engineering, one thing I have come to believe:\n\n" + TAKE)
    assert render(library, "original-insight", [], theme=None).startswith(
        "One thing I have come to believe:"
    )


def test_counterpoint_is_generous_to_the_author(library):
    text = render(library, "counterpoint", [FULL], take=TAKE)
    assert text.startswith(
        'Ada Writer makes a thoughtful case in "Golden paths, not golden cages". '
        "I see it a little differently."
    )
    assert "The argument, as I read it: Paved roads beat mandates." in text


def test_three_lessons_leaves_placeholders_to_fill(library):
    text = render(library, "three-lessons", [FULL])
    assert placeholders(text)[0] == TAKE_PLACEHOLDER
    assert [p.split()[1] for p in placeholders(text)[1:]] == ["first", "second", "third"]
    assert "\n1. [Your first lesson" in text


def test_quick_share_without_a_link_ends_its_line_with_a_full_stop(library):
    text = render(library, "quick-share", [_item(link="")], take=TAKE)
    assert '"Golden paths, not golden cages" by Ada Writer, in Platform Weekly.' in text
    assert_reads_cleanly(text)


# Context ---------------------------------------------------------------------


def test_context_has_no_none_anywhere():
    def walk(value):
        assert value is not None
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    context = build_context(
        [BARE], theme=None, profile=Profile(), take="  ", platform=platform("x")
    )
    walk(context)
    assert context["take"] == TAKE_PLACEHOLDER
    assert context["platform"] == {"key": "x", "name": "X", "limit": 280, "short": True}
    assert context["theme"] == {"name": "", "hashtags": []}
    assert context["item"]["date"] == "" and context["item"]["author"] == ""


def test_context_without_items_has_item_none():
    context = build_context([], theme=THEME, profile=Profile(), take="", platform=platform("x"))
    assert context["item"] is None and context["items"] == []


def test_item_context_cleans_feed_leftovers():
    item = item_context(
        _item(
            title="  Golden\npaths ",
            author="ada@writer.example (Ada Writer)",
            summary_text="Paved roads win. More here […] The post Golden paths appeared "
            "first on Platform Weekly.",
        )
    )
    assert item["title"] == "Golden paths"
    assert item["author"] == "Ada Writer"
    assert item["summary"] == "Paved roads win. More here"
    assert item["first_sentence"] == "Paved roads win."
    assert item["date"] == "22 Nov 2026"


def test_item_context_drops_a_first_sentence_that_repeats_the_title():
    item = item_context(_item(summary_text="Golden paths, not golden cages."))
    assert item["first_sentence"] == ""
    untitled = item_context(_item(title="", summary_text=""))
    assert untitled["title"] == "golden.example"


def test_placeholders():
    assert placeholders("a [Your one] b [not one] c [Your two]") == ["[Your one]", "[Your two]"]
    assert placeholders("[Your unclosed") == []
    assert placeholders("") == []
