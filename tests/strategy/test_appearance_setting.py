"""The window's appearance preference (planner.strategy.appearance): "system" until chosen,
remembered in the settings, announced, and anything else refused with nothing changed."""

from __future__ import annotations

import pytest

from app.errors import DigwellError
from app.store import settings as settings_q
from app.types import Changes


def test_it_follows_the_system_until_chosen(planner):
    assert planner.strategy.appearance() == "system"


def test_a_choice_is_remembered_and_announced(planner):
    heard: list[Changes] = []
    planner.subscribe(heard.append)
    planner.strategy.set_appearance("dark")
    assert planner.strategy.appearance() == "dark"
    assert heard == [Changes(settings=True)]


def test_an_unknown_appearance_is_refused_and_changes_nothing(planner):
    planner.strategy.set_appearance("light")
    heard: list[Changes] = []
    planner.subscribe(heard.append)
    with pytest.raises(DigwellError, match="not an appearance") as caught:
        planner.strategy.set_appearance("purple")
    assert "system, light or dark" in caught.value.hint
    assert planner.strategy.appearance() == "light" and heard == []


def test_a_stored_value_it_does_not_know_reads_as_system(planner, db):
    with db.transaction() as conn:
        settings_q.set_setting(conn, "appearance", "sepia")
    assert planner.strategy.appearance() == "system"
