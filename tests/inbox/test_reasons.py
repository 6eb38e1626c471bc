"""An item's reason to rank, in words."""

from app.inbox.reasons import reason
from app.strategy.matching import Matcher, ThemeTerms

LEADERSHIP = ThemeTerms(2, ("mentor", "engineering manager"), excluded=("hiring",))


def test_reason_lists_the_terms_and_where_they_were_found():
    terms = (("internal developer platform", "title"), ("kubernetes", "summary"))
    assert reason("Platform engineering", terms) == (
        "Platform engineering: internal developer platform (title), kubernetes (summary)"
    )


def test_reason_of_a_match():
    (match,) = Matcher([LEADERSHIP]).match("Mentoring juniors", "as an Engineering Manager")
    assert reason("Leadership", match.terms) == (
        "Leadership: mentor (title), engineering manager (summary)"
    )


def test_reason_without_terms_is_the_theme_name():
    assert reason("Leadership", []) == "Leadership"
