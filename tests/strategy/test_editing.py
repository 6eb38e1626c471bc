"""The strategy being edited (app.strategy.editing), without Qt: every kind of edit, undo
and redo, typing merged into one step, what is wrong named by field, theme ids kept."""

import pytest

from app.store import feeds as feeds_q
from app.strategy.editing import Key, StrategyEdit, ThemeDraft, Where, describe
from app.strategy.strategy import MAX_THEMES, THEME_COLORS, ContentMix, Strategy
from app.types import Changes, Profile, Theme
from tests.conftest import NOW

STRATEGY = Strategy(
    Profile("Alex Morgan", "Platform engineer", "Lead a platform team", "Platform engineers"),
    (
        Theme(11, "Platform", ("kubernetes", "golden path"), ("sponsored",), ("#SRE",), "#2f80ed"),
        Theme(12, "AI", ("llm",), (), (), "#27a27b"),
        Theme(13, "Hiring", ("hiring",), (), (), "#e07a3f"),
    ),
    weekly_target=4,
    mix=ContentMix(40, 40, 20),
    half_life_days=2.5,
)


@pytest.fixture
def edit() -> StrategyEdit:
    return StrategyEdit(STRATEGY)


def _uid(edit: StrategyEdit, row: int) -> int:
    return edit.themes[row].uid


def _names(edit: StrategyEdit) -> list[str]:
    return [t.name for t in edit.themes]


# Reading ---------------------------------------------------------------------------------


def test_it_starts_as_the_strategy_given_and_unchanged(edit):
    assert edit.strategy() == STRATEGY
    assert [t.id for t in edit.themes] == [11, 12, 13]
    assert edit.themes[0].keywords == "kubernetes\ngolden path"
    assert edit.themes[0].hashtags == "#SRE"
    assert edit.value(Key("profile", "goal")) == "Lead a platform team"
    assert edit.value(Key("target", "half_life_days")) == 2.5
    assert edit.value(Key("theme", "color", _uid(edit, 1))) == "#27a27b"
    assert edit.mix_total() == 100
    assert not edit.has_changes() and not edit.can_undo() and not edit.can_redo()
    assert edit.undo() is None and edit.redo() is None
    assert edit.problem() is None


def test_a_first_run_has_one_empty_theme_that_is_not_an_edit():
    edit = StrategyEdit(Strategy(Profile(), ()))
    assert edit.themes == (ThemeDraft(edit.themes[0].uid, 0, color=THEME_COLORS[0]),)
    assert not edit.has_changes() and edit.undo_count == 0
    assert not edit.can_remove_theme()
    assert edit.strategy()[2:] == (3, ContentMix(50, 30, 20), 3.0)
    assert edit.problem().field == "themes[0].name"


def test_word_lists_split_on_lines_and_commas_hashtags_on_spaces_too(edit):
    uid = _uid(edit, 1)
    edit.set_theme(uid, "keywords", "llm, agents\n\n  rag ,")
    edit.set_theme(uid, "excluded", "crypto,\nnft")
    edit.set_theme(uid, "hashtags", "#AI  mlops,#RAG")
    theme = edit.strategy().themes[1]
    assert theme.keywords == ("llm", "agents", "rag")
    assert theme.excluded == ("crypto", "nft")
    assert theme.hashtags == ("#AI", "mlops", "#RAG")


# Every kind of edit ----------------------------------------------------------------------


def test_profile_fields(edit):
    for field in ("name", "role", "goal", "audience"):
        where = edit.set_profile(field, f"new {field}")
        assert where == Where(Key("profile", field))
    assert edit.strategy().profile == Profile("new name", "new role", "new goal", "new audience")
    assert edit.undo_count == 4 and edit.has_changes()


def test_targets(edit):
    assert edit.set_target("weekly_target", 6) == Where(Key("target", "weekly_target"))
    edit.set_target("share", 50)
    assert edit.mix_total() == 110
    edit.set_target("original", 30)
    edit.set_target("credit", 20)
    edit.set_target("half_life_days", 5.0)
    assert edit.strategy()[2:] == (6, ContentMix(50, 30, 20), 5.0)
    assert edit.mix_total() == 100


def test_theme_fields_of_the_theme_with_that_handle(edit):
    uid = _uid(edit, 2)
    for field, text in (
        ("name", "Hiring well"),
        ("keywords", "hiring\ninterviews"),
        ("excluded", "spam"),
        ("hashtags", "#Hiring"),
        ("color", "#123456"),
    ):
        assert edit.set_theme(uid, field, text) == Where(Key("theme", field, uid), uid)
    assert edit.strategy().themes[2] == Theme(
        13, "Hiring well", ("hiring", "interviews"), ("spam",), ("#Hiring",), "#123456"
    )
    assert edit.strategy().themes[:2] == STRATEGY.themes[:2]


def test_setting_a_field_to_its_value_is_no_edit(edit):
    assert edit.set_profile("name", "Alex Morgan") is None
    assert edit.set_target("weekly_target", 4) is None
    assert edit.set_theme(_uid(edit, 0), "name", "Platform") is None
    assert edit.undo_count == 0


def test_adding_a_theme_after_a_row_or_at_the_end_in_an_unused_colour(edit):
    where = edit.add_theme(after=0)
    new = edit.themes[1]
    assert where == Where(None, new.uid)
    assert (new.id, new.name, new.keywords) == (0, "", "")
    assert new.color not in {t.color for t in STRATEGY.themes}
    assert _names(edit) == ["Platform", "", "AI", "Hiring"]
    edit.add_theme()
    assert edit.themes[-1].name == "" and len(edit.themes) == 5
    assert len({t.color for t in edit.themes}) == 5


def test_there_are_at_most_eight_themes_and_at_least_one(edit):
    while edit.can_add_theme():
        edit.add_theme()
    assert len(edit.themes) == MAX_THEMES
    assert len({t.color for t in edit.themes}) == MAX_THEMES  # each its own colour
    assert edit.add_theme() is None
    while edit.can_remove_theme():
        edit.remove_theme(0)
    assert len(edit.themes) == 1
    assert edit.remove_theme(0) is None


def test_removing_a_theme_selects_the_one_after_it_or_before_the_last(edit):
    assert edit.remove_theme(1) == Where(None, _uid(edit, 1))  # Hiring, now row 1
    assert _names(edit) == ["Platform", "Hiring"]
    assert edit.remove_theme(1) == Where(None, _uid(edit, 0))
    assert edit.remove_theme(5) is None


def test_moving_a_theme_keeps_it_selected_within_the_list(edit):
    hiring = _uid(edit, 2)
    assert edit.move_theme(2, -1) == Where(None, hiring)
    assert edit.move_theme(1, -1) == Where(None, hiring)
    assert _names(edit) == ["Hiring", "Platform", "AI"]
    assert edit.move_theme(0, -1) is None
    assert edit.move_theme(2, 1) is None
    assert not edit.can_move_theme(0, -1) and edit.can_move_theme(0, 1)


# Undo and redo ---------------------------------------------------------------------------


def test_undo_and_redo_walk_a_chain_of_edits_of_every_kind(edit):
    platform, ai = _uid(edit, 0), _uid(edit, 1)
    edit.set_profile("goal", "Lead SRE")
    edit.set_theme(ai, "keywords", "llm\nagents")
    edit.add_theme(after=0)
    new = _uid(edit, 1)
    edit.set_theme(new, "name", "Leadership")
    edit.remove_theme(2)  # AI
    edit.move_theme(2, -1)  # Hiring up
    assert _names(edit) == ["Platform", "Hiring", "Leadership"]
    assert edit.undo_text() == "move theme"

    steps = [edit.undo() for _ in range(6)]
    assert steps == [
        Where(None, _uid(edit, 2)),  # Hiring, back in its row
        Where(None, ai),  # AI back
        Where(Key("theme", "name", new), new),
        Where(None, ai),  # the new theme gone: the one after it shows
        Where(Key("theme", "keywords", ai), ai),
        Where(Key("profile", "goal")),
    ]
    assert edit.strategy() == STRATEGY and not edit.has_changes()
    assert edit.undo() is None and edit.redo_text() == "career goal"

    for _ in range(6):
        edit.redo()
    assert _names(edit) == ["Platform", "Hiring", "Leadership"]
    assert edit.strategy().profile.goal == "Lead SRE"
    assert edit.themes[0].uid == platform and edit.redo() is None


def test_undo_text_names_what_would_change():
    assert describe(Key("theme", "color", 1)) == "theme colour"
    assert describe(Key("theme", "keywords", 1)) == "theme keywords"
    assert describe(Key("target", "credit")) == "content mix"
    assert describe(Key("target", "weekly_target")) == "weekly target"
    assert describe(Key("target", "half_life_days")) == "freshness half-life"
    assert describe(Key("profile", "goal")) == "career goal"
    assert describe(Key("profile", "audience")) == "audience"


def test_typing_into_one_field_is_one_step(edit):
    uid = _uid(edit, 0)
    for text in ("Platform ", "Platform e", "Platform en", "Platform eng"):
        edit.set_theme(uid, "name", text)
    assert edit.undo_count == 1 and edit.undo_text() == "theme name"
    edit.set_profile("name", "Alex")
    edit.set_profile("name", "Al")
    assert edit.undo_count == 2
    edit.undo()
    assert edit.strategy().profile.name == "Alex Morgan"
    edit.undo()
    assert edit.themes[0].name == "Platform"
    edit.redo()
    assert edit.themes[0].name == "Platform eng"


def test_the_same_field_of_another_theme_is_its_own_step(edit):
    edit.set_theme(_uid(edit, 0), "name", "A")
    edit.set_theme(_uid(edit, 1), "name", "B")
    assert edit.undo_count == 2


def test_typed_and_erased_leaves_nothing_to_undo(edit):
    uid = _uid(edit, 0)
    edit.set_theme(uid, "name", "Platformx")
    assert edit.set_theme(uid, "name", "Platform") == Where(Key("theme", "name", uid), uid)
    assert edit.undo_count == 0 and not edit.has_changes()


def test_a_new_edit_clears_what_could_be_redone(edit):
    edit.set_target("weekly_target", 5)
    edit.set_profile("role", "SRE")
    edit.undo()
    assert edit.can_redo()
    edit.set_target("weekly_target", 6)  # merges into the first edit, and clears redo
    assert not edit.can_redo() and edit.undo_count == 1
    edit.undo()
    edit.add_theme()
    assert not edit.can_redo() and edit.redo() is None
    assert edit.strategy().profile.role == "Platform engineer"


def test_after_saving_an_edit_does_not_merge_into_the_saved_one(edit):
    edit.set_target("weekly_target", 5)
    edit.mark_saved()
    assert not edit.has_changes()
    edit.set_target("weekly_target", 6)
    assert edit.undo_count == 2 and edit.has_changes()
    edit.undo()
    assert edit.strategy().weekly_target == 5 and not edit.has_changes()
    edit.undo()
    assert edit.has_changes()  # now it differs from what was saved


# Whether anything changed ----------------------------------------------------------------


def test_changed_means_saving_would_change_something(edit):
    edit.set_target("weekly_target", 6)
    edit.set_profile("role", "SRE")
    assert edit.has_changes()
    edit.set_target("weekly_target", 4)  # not merged (another field came between)...
    edit.set_profile("role", "Platform engineer")
    assert edit.undo_count == 4 and not edit.has_changes()  # ...but back as it was
    edit.move_theme(0, 1)
    assert edit.has_changes()
    edit.move_theme(1, -1)
    assert not edit.has_changes()


def test_a_theme_removed_and_added_again_is_a_change(edit):
    removed = edit.themes[2]
    edit.remove_theme(2)
    edit.add_theme()
    for field in ("name", "keywords", "color"):
        edit.set_theme(_uid(edit, 2), field, getattr(removed, field))
    assert edit.strategy().themes[2].id == 0 and edit.has_changes()  # a new theme


# Theme ids: feeds stay linked ------------------------------------------------------------


def test_theme_ids_stay_with_their_theme_on_rename_and_reorder(edit):
    edit.set_theme(_uid(edit, 1), "name", "Applied AI")
    edit.move_theme(1, -1)
    edit.add_theme(after=2)
    themes = edit.strategy().themes
    assert [(t.id, t.name) for t in themes] == [
        (12, "Applied AI"),
        (11, "Platform"),
        (13, "Hiring"),
        (0, ""),
    ]


def test_saved_through_the_service_feeds_keep_their_renamed_moved_theme(db, planner):
    planner.strategy.save(
        STRATEGY._replace(themes=tuple(t._replace(id=0) for t in STRATEGY.themes))
    )
    ai = planner.strategy.themes()[1]
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://ai.example/feed", "AI news", NOW)
        feeds_q.set_feed_themes(conn, feed_id, [ai.id])
    announced = []
    planner.subscribe(announced.append)

    edit = planner.strategy.edit()
    assert isinstance(edit, StrategyEdit) and edit.themes[1].id == ai.id
    edit.set_theme(edit.themes[1].uid, "name", "Applied AI")
    edit.move_theme(1, 1)
    version = planner.strategy.save(edit.strategy())
    edit.mark_saved()

    assert version == 2 and announced == [Changes(strategy=True)]
    assert [t.name for t in planner.strategy.themes()] == ["Platform", "Hiring", "Applied AI"]
    assert planner.strategy.themes()[2].id == ai.id
    assert planner.feeds.list_feeds()[0].themes == ("Applied AI",)
    assert not edit.has_changes()


# What is wrong, by field -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "field", "text", "path"),
    [
        (2, "keywords", " ,\n", "keywords"),
        (1, "name", "  ", "name"),
        (1, "name", "platform", "name"),  # used by theme 1 already
        (0, "color", "blue", "color"),
        (2, "hashtags", "ok no-dash", "hashtags[1]"),
    ],
)
def test_a_wrong_theme_field_is_named_and_found_by_its_handle(edit, row, field, text, path):
    uid = _uid(edit, row)
    edit.set_theme(uid, field, text)
    to = row + 1 if row < 2 else row - 1
    edit.move_theme(row, to - row)  # the error names the row the theme is in now
    problem = edit.problem()
    assert problem.field == f"themes[{to}].{path}"
    assert edit.key_of(problem) == Key("theme", field, uid)


@pytest.mark.parametrize(
    ("field", "value", "path", "key"),
    [
        ("weekly_target", 0, "weekly_target", Key("target", "weekly_target")),
        ("share", 101, "content_mix.share", Key("target", "share")),
        ("original", 35, "content_mix", Key("target", "share")),
        ("half_life_days", 0.1, "freshness_half_life_days", Key("target", "half_life_days")),
    ],
)
def test_a_wrong_target_is_named(edit, field, value, path, key):
    edit.set_target(field, value)
    problem = edit.problem()
    assert problem.field == path and edit.key_of(problem) == key


def test_a_goal_too_long_is_named_and_too_many_themes_names_no_one_field(edit):
    edit.set_profile("goal", "x" * 201)
    problem = edit.problem()
    assert problem.field == "profile.goal" and edit.key_of(problem) == Key("profile", "goal")
    assert "Career goal" in problem.message
    edit.undo()
    assert edit.problem() is None
    too_many = StrategyEdit(STRATEGY._replace(themes=STRATEGY.themes * 3))
    problem = too_many.problem()
    assert problem.field == "themes" and too_many.key_of(problem) is None


def test_the_first_problem_in_order_is_told(edit):
    edit.set_theme(_uid(edit, 2), "keywords", "")
    edit.set_target("weekly_target", 50)
    assert edit.problem().field == "themes[2].keywords"
    assert edit.problem().message == "Theme 3 (“Hiring”): it has no keywords."
