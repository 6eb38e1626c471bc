"""The three circles a data folder starts with show in the user's language, and are found
by that name too; their stored names, and any the user chose, stay as they are."""

from __future__ import annotations

import pytest

from app.i18n import translate
from app.people.circle_names import circle_label


@pytest.fixture
def german():
    translate.use_language("de")
    yield
    translate.use_language("en_GB")


def test_the_starting_circles_show_in_german(german):
    assert [circle_label(n) for n in ("Close", "Colleagues", "Wider")] == [
        "Enger Kreis",
        "Kollegium",
        "Weiterer Kreis",
    ]
    assert circle_label("Mentors") == "Mentors"  # the user's own name, as typed


def test_english_shows_them_as_stored():
    assert circle_label("Colleagues") == "Colleagues"


def test_a_circle_is_found_by_the_name_shown(planner, german):
    assert planner.people.circle_named("Kollegium").name == "Colleagues"
    assert planner.people.circle_named("colleagues").name == "Colleagues"
