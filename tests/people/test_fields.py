"""A person's fields as typed, checked and kept in one form (app/people/fields.py): each
problem is a DigwellError saying what to type instead (docs/PEOPLE.md)."""

from __future__ import annotations

import pytest

from app.errors import DigwellError
from app.people.fields import (
    MAX_INTERVAL,
    MAX_NAME,
    MAX_NOTES,
    clean_circle,
    clean_email,
    clean_fields,
    clean_interval,
    clean_kind,
    clean_name,
)
from app.types import TOUCH_KINDS


def test_a_whole_form_is_cleaned():
    cleaned = clean_fields(
        {
            "name": "  Priya \t Raman ",
            "company": " Acme   Corp ",
            "role": "Staff\nengineer",
            "how_known": " KubeCon 2025 ",
            "notes": "  Likes Rust.\n\nAsk about the talk.  ",
            "x": "https://twitter.com/priyar",
            "mastodon": "https://hachyderm.io/@priya",
            "linkedin": "de.linkedin.com/in/priya-raman",
            "email": " priya@example.com ",
            "ideal_days": "20",
            "max_days": 30,
        }
    )
    assert cleaned == {
        "name": "Priya Raman",
        "company": "Acme Corp",
        "role": "Staff engineer",
        "how_known": "KubeCon 2025",
        "notes": "Likes Rust.\n\nAsk about the talk.",  # notes keep their lines
        "x": "@priyar",
        "mastodon": "@priya@hachyderm.io",
        "linkedin": "https://www.linkedin.com/in/priya-raman",
        "email": "priya@example.com",
        "ideal_days": 20,
        "max_days": 30,
    }


def test_fields_left_out_stay_out_and_empty_ones_clear():
    assert clean_fields({"role": "CTO"}) == {"role": "CTO"}
    assert clean_fields({"x": "", "company": None, "email": ""}) == {
        "x": "",
        "company": "",
        "email": "",
    }
    assert clean_fields({"ideal_days": None, "max_days": ""}) == {
        "ideal_days": None,
        "max_days": None,
    }


@pytest.mark.parametrize(
    "raw,message",
    [
        ({"name": "   "}, "A person needs a name."),
        ({"name": "x" * (MAX_NAME + 1)}, f"longer than {MAX_NAME} characters"),
        ({"company": "x" * 301}, r"Company: 301 characters is too long \(at most 300\)"),
        ({"how_known": "x" * 301}, "How you know each other: 301 characters is too long"),
        ({"notes": "x" * (MAX_NOTES + 1)}, f"Notes: {MAX_NOTES + 1} characters is too long"),
        ({"email": "priya at example"}, "is not an e-mail address"),
        ({"x": "@pri-yar"}, "is not a handle on X"),
        ({"circle": "Close"}, "A person has no field “circle”."),
        ({"ideal_days": "10"}, "two whole numbers"),
    ],
)
def test_each_bad_field_is_named(raw, message):
    with pytest.raises(DigwellError, match=message):
        clean_fields(raw)


def test_names_are_one_line_of_single_spaces():
    assert clean_name("Ana\n  Souza") == "Ana Souza"
    assert clean_name("x" * MAX_NAME) == "x" * MAX_NAME
    with pytest.raises(DigwellError):
        clean_name(None)


def test_emails_are_checked_loosely():
    assert clean_email("") == ""
    assert clean_email("ana.souza+work@mail.example.org") == "ana.souza+work@mail.example.org"
    for bad in ("ana@", "@example.org", "ana@example", "ana souza@example.org", "a@b@c.org"):
        with pytest.raises(DigwellError, match="not an e-mail address") as caught:
            clean_email(bad)
        assert "ada@example.com" in caught.value.hint


def test_intervals_are_both_days_or_neither():
    assert clean_interval(None, None) == (None, None)
    assert clean_interval("", "") == (None, None)
    assert clean_interval("30", "45") == (30, 45)
    assert clean_interval(30, 30) == (30, 30)
    assert clean_interval(1, MAX_INTERVAL) == (1, MAX_INTERVAL)
    with pytest.raises(DigwellError, match="two whole numbers"):
        clean_interval(30, None)
    with pytest.raises(DigwellError, match="two whole numbers"):
        clean_interval("2.5", "4")
    with pytest.raises(DigwellError, match="between 1 and"):
        clean_interval(0, 10)
    with pytest.raises(DigwellError, match="between 1 and"):
        clean_interval(10, MAX_INTERVAL + 1)
    with pytest.raises(DigwellError, match="cannot be shorter"):
        clean_interval(45, 30)


def test_touch_kinds_are_checked_without_case():
    assert [clean_kind(k.upper() + " ") for k in TOUCH_KINDS] == list(TOUCH_KINDS)
    with pytest.raises(DigwellError, match="“poked” is not a kind of touch") as caught:
        clean_kind("Poked")
    assert caught.value.hint == "One of: " + ", ".join(TOUCH_KINDS)


def test_circles_need_a_name_and_both_days():
    assert clean_circle("  Old   friends ", "60", 90) == ("Old friends", 60, 90)
    with pytest.raises(DigwellError, match="name of up to 60"):
        clean_circle("  ", 10, 20)
    with pytest.raises(DigwellError, match="name of up to 60"):
        clean_circle("x" * 61, 10, 20)
    with pytest.raises(DigwellError, match="ideal and a maximum"):
        clean_circle("Mentors", None, None)
