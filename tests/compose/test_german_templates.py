"""The bundled templates in German (resources/templates/de/): listed under German titles
when the window speaks German, rendered cleanly and within every platform's limit, with
German placeholders the composer recognises; the English ones unchanged in English."""

import itertools
import re

import pytest

from app.compose.context import (
    TAKE_PLACEHOLDER,
    first_placeholder,
    is_take_placeholder,
    placeholders,
    take_placeholder,
)
from app.compose.counting import count_text
from app.compose.drafts import check_postable, take_in_text
from app.compose.templates import TemplateLibrary, read_header
from app.errors import DigwellError
from app.i18n import translate
from app.paths import resource_path
from app.types import Draft
from tests.compose.test_bundled_templates import (
    BARE,
    FULL,
    ITEM_CASES,
    NO_LINK,
    PROFILE_CASES,
    TAKE,
    THEME_CASES,
    assert_reads_cleanly,
    cases,
    render,
)

GERMAN_TITLES = {
    "counterpoint": "Andere Sicht",
    "credit-the-author": "Autorin oder Autor danken",
    "original-insight": "Eigene Erkenntnis",
    "question-to-network": "Frage an mein Netzwerk",
    "quick-share": "Kurz geteilt",
    "resource-for-newcomers": "Tipp für Einsteiger",
    "thank-a-colleague": "Kollegin oder Kollegen danken",
    "three-lessons": "Drei Erkenntnisse",
    "weekly-roundup": "Wochenrückblick",
}
TAKE_CASES = {"take": TAKE, "no-take": ""}
BUNDLED = resource_path("templates")


def _in(language):
    translate.use_language(language)
    try:
        return TemplateLibrary(BUNDLED).templates()
    finally:
        translate.use_language("en_GB")


ENGLISH = {t.name: t for t in _in("en_GB")}
GERMAN = {t.name: t for t in _in("de")}


@pytest.fixture
def german():
    translate.use_language("de")
    yield
    translate.use_language("en_GB")


@pytest.fixture
def library(german):
    return TemplateLibrary(BUNDLED)


def _fits(text, key):
    """Within the platform's limit, counted as it counts. X and Mastodon count a link as
    23, but only at a real domain: not at the tests' and the demo's made-up .example."""
    if key in ("x", "mastodon"):
        text = re.sub(r"\.example\b", ".com", text)
    return count_text(text, key).ok


def _draft(text):
    when = FULL.published
    return Draft(1, text, "three-lessons", "linkedin", "draft", when, when)


# The library -------------------------------------------------------------------------


def test_the_library_lists_german_titles_under_the_english_names():
    assert {n: t.title for n, t in GERMAN.items()} == GERMAN_TITLES
    assert set(ENGLISH) == set(GERMAN)
    for name, info in GERMAN.items():
        assert info.path == BUNDLED / "de" / f"{name}.j2"
        assert info == read_header(info.path)
        assert info.description.endswith(".") and info.description != ENGLISH[name].description
        english = ENGLISH[name]
        assert (info.kind, info.platforms, info.touch) == (
            english.kind,
            english.platforms,
            english.touch,
        )


def test_english_is_unchanged_in_english():
    assert ENGLISH["quick-share"].title == "Quick share"
    assert all(t.path.parent == BUNDLED for t in ENGLISH.values())
    library = TemplateLibrary(BUNDLED)
    assert library.folders == [BUNDLED]
    text = render(library, "quick-share", [FULL])
    assert text.startswith(TAKE_PLACEHOLDER + "\n\n")
    assert '"Golden paths, not golden cages" by Ada Writer, in Platform Weekly:' in text


def test_the_folders_are_the_users_then_german_then_english(german, tmp_path):
    library = TemplateLibrary(BUNDLED, tmp_path)
    assert library.folders == [tmp_path, BUNDLED / "de", BUNDLED]


def test_a_template_not_yet_translated_is_found_in_english(german, tmp_path):
    (tmp_path / "de").mkdir()
    (tmp_path / "both.j2").write_text("{#- name: Both -#}\nBoth", encoding="utf-8")
    (tmp_path / "de" / "both.j2").write_text("{#- name: Beide -#}\nBeide", encoding="utf-8")
    (tmp_path / "only.j2").write_text("{#- name: Only -#}\nOnly {{ take }}", encoding="utf-8")
    library = TemplateLibrary(tmp_path)
    assert [(t.name, t.title) for t in library.templates()] == [("both", "Beide"), ("only", "Only")]
    assert library.render("only", {"take": "x"}) == "Only x"
    assert library.render("both", {}) == "Beide"


def test_the_users_own_template_still_overrides_the_german_one(german, tmp_path):
    library = TemplateLibrary(BUNDLED, tmp_path)
    (tmp_path / "quick-share.j2").write_text("{#- name: Meins -#}\n{{ take }}", "utf-8")
    listed = {t.name: t for t in library.templates()}
    assert listed["quick-share"].title == "Meins" and listed["quick-share"].overrides
    assert library.info("quick-share").overrides
    assert listed["counterpoint"].title == "Andere Sicht"


def test_copying_a_template_copies_the_german_one(german, tmp_path):
    library = TemplateLibrary(BUNDLED, tmp_path / "mine")
    info = library.duplicate("quick-share")
    assert info.title == "Kurz geteilt" and info.user and info.overrides
    assert info.path.read_bytes() == (BUNDLED / "de" / "quick-share.j2").read_bytes()
    assert library.duplicate("quick-share", "mein-teilen").title == "Kurz geteilt (meine Version)"


# Every template, every case, every platform ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [(t.name, key) for t in GERMAN.values() for key in t.platforms],
)
def test_every_german_template_reads_cleanly_within_the_limit(library, name, key):
    for items, theme, profile, take in cases(name):
        text = render(
            library,
            name,
            ITEM_CASES.get(items, []),
            theme=THEME_CASES[theme],
            profile=PROFILE_CASES[profile],
            take=TAKE_CASES[take],
            key=key,
        )
        case = f"{name} on {key}, {items}, {theme}, {profile}, {take}"
        try:
            assert_reads_cleanly(text)
            assert '"' not in text.replace(TAKE, "")  # German quotation marks: „…“
            if take == "take":
                assert TAKE in text and take_placeholder() not in text
            else:
                assert text.count(take_placeholder()) == 1
            tags = [w for w in text.split() if w.startswith("#")]
            assert len(tags) <= {"linkedin": 3, "mastodon": 3, "threads": 1}.get(key, 2)
            if theme != "theme":
                assert not tags
            if name not in NO_LINK and ITEM_CASES.get(items):
                assert ITEM_CASES[items][0].link in text
            if items in ("full", "bare", "anonymous"):
                assert _fits(text, key)
        except AssertionError as err:
            raise AssertionError(f"{case}:\n{text}") from err


@pytest.mark.parametrize("language", ["en_GB", "de"])
def test_every_template_fits_every_platform_for_the_demo_items(demo_planner, language):
    """Every bundled template, in English and in German, drafted from the demo's items
    (every other one; fives for the roundup) on every platform it names, fits there.
    With the placeholder as take: the user's own take can be longer than a post."""
    translate.use_language(language)
    try:
        drafting = demo_planner.drafting
        ids = demo_planner.inbox.ids()
        for info in drafting.templates.templates():
            assert info.path.parent.name == ("de" if language == "de" else "templates")
            if info.name == "weekly-roundup":
                sets = [ids[i : i + 5] for i in range(0, len(ids), 5)]
            else:
                sets = [[i] for i in ids[::2]]
            for key, item_ids in itertools.product(info.platforms, sets):
                text = drafting.render(info.name, item_ids, key)
                assert _fits(text, key), f"{info.name} on {key}, {item_ids}:\n{text}"
    finally:
        translate.use_language("en_GB")


# Golden-ish ------------------------------------------------------------------------


def test_german_wording(library):
    text = render(library, "credit-the-author", [FULL], take=TAKE)
    assert text.startswith("Danke an Ada Writer für „Golden paths, not golden cages“.")
    assert "Wenn Sie sich für Platform engineering interessieren, lohnt es sich, Ada" in text
    assert "Was ich daraus gelernt habe:\n" + TAKE in text
    text = render(library, "credit-the-author", [BARE])
    assert text.startswith("Danke an Platform Weekly für die Veröffentlichung von „Golden")
    text = render(library, "quick-share", [FULL])
    assert "„Golden paths, not golden cages“ von Ada Writer, in Platform Weekly:" in text
    assert "Die Kurzfassung: Paved roads beat mandates." in text
    text = render(library, "weekly-roundup", ITEM_CASES["five"])
    assert "Fünf Lesetipps der Woche zum Thema Platform engineering:" in text
    assert "\nEin Lesetipp der Woche:" in render(library, "weekly-roundup", [FULL], theme=None)


def test_the_german_placeholders_are_recognised(library):
    text = render(library, "three-lessons", [FULL])
    found = placeholders(text)
    assert found[0] == take_placeholder() and is_take_placeholder(found[0])
    assert [p.split()[1] for p in found[1:]] == ["erste", "zweite", "dritte"]
    assert take_placeholder().startswith("[Ihre ")
    colleague = render(library, "thank-a-colleague", [], take=TAKE)
    assert first_placeholder(colleague).startswith("[Ihre Kollegin")
    assert first_placeholder(render(library, "thank-a-colleague", [])) == take_placeholder()
    with pytest.raises(DigwellError, match="Einschätzung"):
        check_postable(_draft(text), FULL.published, FULL.published)


def test_an_english_placeholder_is_still_recognised_in_german(german):
    assert is_take_placeholder(TAKE_PLACEHOLDER)
    assert placeholders(f"a {TAKE_PLACEHOLDER} b [Ihre Wahl]") == [TAKE_PLACEHOLDER, "[Ihre Wahl]"]
    assert first_placeholder(f"[Your name] {TAKE_PLACEHOLDER}") == TAKE_PLACEHOLDER
    assert take_in_text(f"A\n{TAKE_PLACEHOLDER}\nB", "A\nMARK\nB", "MARK", "old") == ""
    assert take_in_text(f"A\n{take_placeholder()}\nB", "A\nMARK\nB", "MARK", "old") == ""
