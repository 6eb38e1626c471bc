"""The strategy file: round trip, defaults, errors that name the file and the place,
and how an import finds the stored themes it stands for."""

import json

import pytest

from app.errors import DigwellError
from app.strategy.document import ThemeChanges, match_themes, strategy_from_json, strategy_to_json
from app.strategy.strategy import ContentMix, Strategy, default_color
from app.types import Profile, Theme

STRATEGY = Strategy(
    Profile("Alex Morgan", "Platform engineer", "Lead a platform team", "Platform engineers"),
    (
        Theme(7, "Platform engineering", ("kubernetes", "golden path"), ("sponsored",), ("#SRE",)),
        Theme(9, "AI", ("llm",), (), (), "#27a27b"),
    ),
    weekly_target=4,
    mix=ContentMix(40, 40, 20),
    half_life_days=2.5,
)


def _doc(**fields) -> dict:
    doc = {"format": "digwell-strategy", "version": 1, "themes": [{"name": "A", "keywords": ["a"]}]}
    doc.update(fields)
    return doc


def _read(doc) -> Strategy:
    return strategy_from_json(json.dumps(doc), "strategy.json")


def _error(doc_or_text) -> str:
    text = doc_or_text if isinstance(doc_or_text, str) else json.dumps(doc_or_text, indent=2)
    with pytest.raises(DigwellError) as caught:
        strategy_from_json(text, "strategy.json")
    return str(caught.value)


def test_a_written_file_reads_back_as_the_same_strategy_without_ids():
    text = strategy_to_json(STRATEGY)
    doc = json.loads(text)
    assert doc["format"] == "digwell-strategy" and doc["version"] == 1
    assert doc["content_mix"] == {"share": 40, "original": 40, "credit": 20}
    assert doc["freshness_half_life_days"] == 2.5
    assert all("id" not in t for t in doc["themes"])
    back = strategy_from_json(text, "strategy.json")
    assert back == STRATEGY._replace(themes=tuple(t._replace(id=0) for t in STRATEGY.themes))


def test_whole_half_lives_are_written_as_whole_numbers():
    text = strategy_to_json(STRATEGY._replace(half_life_days=3.0))
    assert '"freshness_half_life_days": 3\n' in text


def test_a_minimal_file_gets_the_defaults():
    strategy = _read(
        _doc(themes=[{"name": " A ", "keywords": ["a"]}, {"name": "B", "keywords": ["b"]}])
    )
    assert strategy.profile == Profile()
    assert strategy.weekly_target == 3
    assert strategy.mix == ContentMix(50, 30, 20)
    assert strategy.half_life_days == 3.0
    assert [(t.id, t.name, t.color) for t in strategy.themes] == [
        (0, "A", default_color(0)),
        (0, "B", default_color(1)),
    ]


def test_entries_are_normalised_on_reading():
    theme = {"name": "A", "keywords": [" k ", "K", ""], "hashtags": ["dev ex"], "color": "#ABCDEF"}
    (read,) = _read(_doc(themes=[theme])).themes
    assert (read.keywords, read.hashtags, read.color) == (("k",), ("#DevEx",), "#abcdef")


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            _doc(
                themes=[
                    {"name": n, "keywords": ["k"], "color": c}
                    for n, c in (("A", "#000000"), ("B", "#111111"), ("C", "#12"))
                ]
            ),
            "strategy.json: themes[2].color: '#12' is not a colour like #3a7bd5.",
        ),
        (
            _doc(themes=[{"name": "A", "keywrods": ["k"]}]),
            "strategy.json: themes[0]: unknown key 'keywrods' (did you mean 'keywords'?).",
        ),
        (_doc(colour="#fff"), "strategy.json: (top level): unknown key 'colour'"),
        (_doc(profile={"goal": 3}), "strategy.json: profile.goal: expected text in quotes"),
        (_doc(themes=[{"name": "A"}]), "strategy.json: themes[0]: 'keywords' is missing."),
        (_doc(themes=[{"name": "A", "keywords": "k"}]), "themes[0].keywords: expected a list"),
        (_doc(themes=[{"name": "A", "keywords": [1]}]), "themes[0].keywords[0]: expected text"),
        (_doc(themes={"A": ["a"]}), "strategy.json: themes: expected a list of themes"),
        (_doc(themes=[]), "strategy.json: themes: there are none."),
        (_doc(weekly_target="3"), "weekly_target: expected a whole number, not the text '3'"),
        (_doc(weekly_target=2.5), "weekly_target: expected a whole number, not the number 2.5"),
        (_doc(weekly_target=True), "weekly_target: expected a whole number, not true"),
        (_doc(weekly_target=40), "strategy.json: weekly_target: 40 is not a whole number of posts"),
        (_doc(content_mix={"share": 50, "original": 50}), "content_mix: 'credit' is missing."),
        (
            _doc(content_mix={"share": 50, "original": 50, "credit": 10}),
            "strategy.json: content_mix: the parts sum to 110%, not 100%.",
        ),
        (
            _doc(freshness_half_life_days=None),
            "freshness_half_life_days: expected a number, not null",
        ),
        (_doc(version=2), "version 2 is not known (written by a newer Digwell)"),
        (_doc(format="opml"), 'strategy.json: format: expected "format": "digwell-strategy"'),
        ([1, 2], "this is not a Digwell strategy file"),
    ],
)
def test_errors_name_the_file_the_place_and_what_is_expected(doc, expected):
    assert expected in _error(doc)


def test_unknown_key_errors_list_the_keys_allowed():
    message = _error(_doc(profile={"nmae": "Alex"}))
    assert message.startswith("strategy.json: profile: unknown key 'nmae' (did you mean 'name'?).")
    assert "The keys allowed here are name, role, goal, audience." in message


def test_json_syntax_errors_give_line_and_column():
    message = _error('{\n  "format": "digwell-strategy",\n  "version": 1,,\n}')
    assert message.startswith("strategy.json: line 3, column 16: this is not valid JSON")
    assert message.endswith("Correct the file, then import it again.")


# Matching an import to the stored themes ----------------------------------------------


def test_import_matches_stored_themes_by_name_ignoring_case():
    imported = _read(
        _doc(
            themes=[
                {"name": "ai", "keywords": ["llm", "agents"]},
                {
                    "name": "Platform engineering",
                    "keywords": ["kubernetes", "golden path"],
                    "excluded": ["sponsored"],
                    "hashtags": ["#SRE"],
                    "color": "#607d8b",
                },
                {"name": "Hiring", "keywords": ["hiring"]},
            ]
        )
    )
    matched, changes = match_themes(imported, STRATEGY)
    assert [(t.id, t.name) for t in matched.themes] == [
        (9, "ai"),
        (7, "Platform engineering"),
        (0, "Hiring"),
    ]
    assert changes == ThemeChanges(
        added=("Hiring",), renamed=(("AI", "ai"),), removed=(), changed=("ai",)
    )


def test_a_theme_renamed_in_the_file_keeps_its_id_when_its_keywords_are_the_same():
    imported = _read(
        _doc(
            themes=[{"name": "Applied AI", "keywords": ["LLM"]}, {"name": "New", "keywords": ["x"]}]
        )
    )
    matched, changes = match_themes(imported, STRATEGY)
    assert [t.id for t in matched.themes] == [9, 0]
    assert changes.renamed == (("AI", "Applied AI"),)
    assert changes.added == ("New",)
    assert changes.removed == ("Platform engineering",)
