"""The strategy record: validation and normalisation, saving (ids, feed links, order,
version) and loading, and the planner's older readers of the same storage."""

import json
from pathlib import Path

import pytest

from app.store import feeds as feeds_q
from app.store import settings as settings_q
from app.store import themes as themes_q
from app.strategy.stored import load_strategy, save_strategy, strategy_version
from app.strategy.strategy import (
    MAX_THEMES,
    ContentMix,
    Strategy,
    StrategyError,
    hashtag,
    normalized,
    validate,
)
from app.types import Profile, Theme

DEMO = Path(__file__).parents[2] / "resources" / "demo" / "demo.json"


def _theme(name: str, *keywords: str, **fields) -> Theme:
    return Theme(0, name, keywords or ("word",), **fields)


def _strategy(*themes: Theme, **fields) -> Strategy:
    return Strategy(Profile("Alex", "Engineer", "Lead a team", "Peers"), themes, **fields)


def _error(strategy: Strategy) -> StrategyError:
    with pytest.raises(StrategyError) as caught:
        validate(strategy)
    return caught.value


def _save(db, planner, strategy: Strategy) -> int:
    with db.transaction() as conn:
        return save_strategy(conn, strategy)


# Validation ---------------------------------------------------------------------------


def test_word_lists_are_trimmed_and_blanks_and_repeats_dropped():
    theme = Theme(
        0,
        "  Platform   engineering ",
        keywords=(" Kubernetes ", "", "kubernetes", "golden   path", "  "),
        excluded=("Sponsored", "sponsored ", ""),
        hashtags=("devex", "#DevEx", "platform engineering", "##SRE", " ", "#"),
        color=" #2F80ED ",
    )
    clean = normalized(_strategy(theme)).themes[0]
    assert clean.name == "Platform engineering"
    assert clean.keywords == ("Kubernetes", "golden path")
    assert clean.excluded == ("Sponsored",)
    assert clean.hashtags == ("#devex", "#PlatformEngineering", "#SRE")
    assert clean.color == "#2f80ed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ai", "#ai"), ("#AI", "#AI"), ("platform engineering", "#PlatformEngineering"), (" ", "")],
)
def test_hashtags_are_written_with_one_hash_and_no_spaces(text, expected):
    assert hashtag(text) == expected


@pytest.mark.parametrize(
    ("strategy", "field", "words"),
    [
        (_strategy(), "themes", "there are none"),
        (_strategy(*(_theme(f"T{n}") for n in range(MAX_THEMES + 1))), "themes", "9 is too many"),
        (_strategy(_theme("  ")), "themes[0].name", "the name is empty"),
        (_strategy(_theme("x" * 61)), "themes[0].name", "61 characters long (at most 60)"),
        (_strategy(_theme("AI"), _theme("ai")), "themes[1].name", "already used by theme 1"),
        (_strategy(Theme(0, "AI", ("", " "))), "themes[0].keywords", "no keywords"),
        (
            _strategy(_theme("A"), _theme("B", color="#12")),
            "themes[1].color",
            "'#12' is not a colour like #3a7bd5",
        ),
        (_strategy(_theme("A", hashtags=("ok", "ci/cd"))), "themes[0].hashtags[1]", "'ci/cd'"),
        (_strategy(_theme("A"), weekly_target=0), "weekly_target", "from 1 to 21"),
        (_strategy(_theme("A"), weekly_target=22), "weekly_target", "from 1 to 21"),
        (_strategy(_theme("A"), mix=ContentMix(50, 30, 30)), "content_mix", "sum to 110%"),
        (_strategy(_theme("A"), mix=ContentMix(120, -10, -10)), "content_mix.share", "0 to 100"),
        (_strategy(_theme("A"), half_life_days=0.1), "freshness_half_life_days", "0.25 to 60"),
        (_strategy(_theme("A"), half_life_days=61), "freshness_half_life_days", "0.25 to 60"),
    ],
)
def test_each_wrong_field_is_named(strategy, field, words):
    err = _error(strategy)
    assert err.field == field
    assert words in err.problem and words in str(err)


def test_a_long_goal_is_refused_with_a_hint():
    strategy = _strategy(_theme("A"))._replace(profile=Profile(goal="g" * 201))
    err = _error(strategy)
    assert err.field == "profile.goal"
    assert (
        str(err) == "Career goal: 201 characters is too long (at most 200). Say it in one sentence."
    )


def test_a_theme_error_names_the_theme_for_people():
    err = _error(_strategy(_theme("A"), _theme("AI", color="blue")))
    assert err.message == "Theme 2 (“AI”): 'blue' is not a colour like #3a7bd5."


def test_the_bundled_demo_strategy_is_valid():
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    themes = tuple(
        Theme(0, t["name"], tuple(t["keywords"]), tuple(t["excluded"]), tuple(t["hashtags"]))
        for t in demo["themes"]
    )
    clean = normalized(_strategy(*themes))
    assert [t.hashtags for t in clean.themes] == [tuple(t["hashtags"]) for t in demo["themes"]]


# Saving and loading -------------------------------------------------------------------


def test_a_new_data_folder_has_the_default_strategy_and_version_0(db, planner):
    strategy = load_strategy(db)
    assert strategy == Strategy(Profile(), ())
    assert strategy.mix == ContentMix(50, 30, 20) and strategy.half_life_days == 3.0
    assert strategy_version(db) == 0


def test_save_then_load_gives_the_normalised_strategy_and_bumps_the_version(db, planner):
    strategy = _strategy(
        _theme("Platform", " kubernetes ", hashtags=("devex",)),
        _theme("AI", "llm", color="#ABCDEF"),
        weekly_target=5,
        mix=ContentMix(40, 40, 20),
        half_life_days=1.5,
    )
    assert _save(db, planner, strategy) == 1
    loaded = load_strategy(db)
    assert loaded == normalized(strategy)._replace(themes=loaded.themes)
    assert [(t.name, t.keywords, t.hashtags, t.color) for t in loaded.themes] == [
        ("Platform", ("kubernetes",), ("#devex",), "#607d8b"),
        ("AI", ("llm",), (), "#abcdef"),
    ]
    assert all(t.id > 0 for t in loaded.themes)
    assert _save(db, planner, loaded) == 2
    assert strategy_version(db) == 2
    with db.transaction() as conn:
        assert strategy_version(conn) == 2


def test_an_invalid_strategy_saves_nothing(db, planner):
    _save(db, planner, _strategy(_theme("Kept")))
    with pytest.raises(StrategyError):
        _save(db, planner, _strategy(_theme("A", color="nope"), weekly_target=7))
    assert [t.name for t in load_strategy(db).themes] == ["Kept"]
    assert load_strategy(db).weekly_target == 3
    assert strategy_version(db) == 1


def _feed_with_themes(db, planner, clock, url: str, theme_ids: list[int]) -> int:
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, url, url, clock.now())
        feeds_q.set_feed_themes(conn, feed_id, theme_ids)
    return feed_id


def test_renaming_keeps_the_row_and_its_feeds_removing_unlinks_them(db, planner, clock):
    _save(db, planner, _strategy(_theme("AI"), _theme("Leadership"), _theme("Gone")))
    ai, lead, gone = load_strategy(db).themes
    _feed_with_themes(db, planner, clock, "https://a.example/feed", [ai.id, gone.id])
    _feed_with_themes(db, planner, clock, "https://b.example/feed", [lead.id])

    renamed = ai._replace(name="Applied AI", keywords=("llm",))
    _save(db, planner, _strategy(lead, renamed, _theme("New")))
    themes = load_strategy(db).themes
    assert [(t.id, t.name) for t in themes[:2]] == [(lead.id, "Leadership"), (ai.id, "Applied AI")]
    assert themes[2].name == "New" and themes[2].id not in (ai.id, lead.id)
    feeds = {f.url: f.themes for f in planner.feeds.list_feeds()}
    assert feeds == {
        "https://a.example/feed": ("Applied AI",),
        "https://b.example/feed": ("Leadership",),
    }


def test_swapping_two_names_and_changing_case_do_not_collide(db, planner):
    _save(db, planner, _strategy(_theme("A"), _theme("B"), _theme("ai")))
    a, b, ai = load_strategy(db).themes
    _save(
        db, planner, _strategy(a._replace(name="B"), b._replace(name="A"), ai._replace(name="AI"))
    )
    assert [(t.id, t.name) for t in load_strategy(db).themes] == [
        (a.id, "B"),
        (b.id, "A"),
        (ai.id, "AI"),
    ]


def test_a_theme_id_no_longer_stored_is_saved_as_a_new_theme(db, planner):
    _save(db, planner, _strategy(Theme(999, "Stale", ("x",))))
    (theme,) = load_strategy(db).themes
    assert theme.name == "Stale" and theme.id != 999


def test_the_order_given_is_the_order_kept(db, planner):
    _save(db, planner, _strategy(_theme("One"), _theme("Two"), _theme("Three")))
    one, two, three = load_strategy(db).themes
    _save(db, planner, _strategy(three, one, two))
    assert [t.name for t in load_strategy(db).themes] == ["Three", "One", "Two"]


def test_damaged_settings_read_as_defaults(db, planner):
    with db.transaction() as conn:
        settings_q.set_setting(conn, "profile", "not an object")
        settings_q.set_setting(conn, "content_mix", {"share": "lots"})
        settings_q.set_setting(conn, "freshness_half_life_days", "soon")
        settings_q.set_setting(conn, "weekly_target", [3])
    strategy = load_strategy(db)
    assert strategy == Strategy(Profile(), ())


def test_the_planner_reads_and_writes_the_same_storage(db, planner):
    # Themes made elsewhere (OPML folders) have no keywords: loading them still works.
    with db.transaction() as conn:
        themes_q.save_theme(conn, Theme(0, "From OPML"))
    assert [t.name for t in planner.strategy.load().themes] == ["From OPML"]
    with pytest.raises(StrategyError, match="has no keywords"):
        planner.strategy.save(planner.strategy.load())

    strategy = _strategy(_theme("Platform", "kubernetes"), weekly_target=4)
    assert planner.strategy.save(strategy) == 1
    assert planner.strategy.profile() == strategy.profile
    assert [(t.name, t.keywords) for t in planner.strategy.themes()] == [
        ("Platform", ("kubernetes",))
    ]
    assert planner.strategy.weekly_target() == 4
    assert planner.cadence.week_progress().target == 4
    assert planner.strategy.load().weekly_target == 4
