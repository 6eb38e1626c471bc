"""Matching an import's contacts to the user's people and to each other
(app/people/import_plan.py, docs/PEOPLE_IMPORT.md): by LinkedIn address, then by name and
company; duplicates in one file fold; a match is updated only when something changes."""

from __future__ import annotations

from datetime import date

import pytest

from app.people.import_plan import Contact, Contacts, RowError, contact_from, plan_import
from app.types import Person

TODAY = date(2026, 11, 23)
PRIYA_URL = "https://www.linkedin.com/in/priya-raman"


def _contact(line: int, name: str, connected: date | None = None, **fields: str) -> Contact:
    return contact_from(line, {"name": name, **fields}, connected)


def _plan(contacts, people=(), source="linkedin", connected=frozenset(), errors=()):
    found = Contacts(source, list(contacts), list(errors))
    return plan_import(found, people, set(connected), TODAY)


def test_new_contacts_are_added_with_their_connected_days():
    plan = _plan(
        [
            _contact(5, "Priya Raman", date(2023, 8, 24), company="Acme", linkedin=PRIYA_URL),
            _contact(6, "Sam Lee"),
        ]
    )
    assert [(p.line, p.fields["name"], p.connected) for p in plan.added] == [
        (5, "Priya Raman", (date(2023, 8, 24),)),
        (6, "Sam Lee", ()),
    ]
    assert (plan.updated, plan.skipped, plan.merged, plan.errors) == ([], 0, [], [])
    assert plan.rows == 2 and plan.touches() == 1


def test_a_linkedin_match_by_address_takes_the_new_job_and_fills_empty_fields():
    priya = Person(1, "Priya R.", company="Acme", role="Engineer", linkedin=PRIYA_URL)
    row = _contact(
        5,
        "Priya Raman",
        date(2023, 8, 24),
        linkedin="https://uk.linkedin.com/in/priya-raman/",
        company="Globex",
        role="Staff Engineer",
    )
    (update,) = _plan([row], [priya]).updated
    assert update.person_id == 1 and update.name == "Priya R."  # the name is the user's
    assert update.fields == {"company": "Globex", "role": "Staff Engineer"}
    assert update.company == "Globex"
    assert update.changed() == ["company", "role", "connected"]


def test_a_vcard_fills_empty_fields_but_never_overwrites_the_users():
    priya = Person(1, "Priya Raman", company="Acme", notes="Met in Berlin")
    row = _contact(1, "Priya Raman", company="Acme", role="CTO", notes="from my phone", x="@pr")
    (update,) = _plan([row], [priya], source="vcard").updated
    assert update.fields == {"role": "CTO", "x": "@pr"}


def test_an_unchanged_match_is_skipped():
    priya = Person(1, "Priya Raman", company="Acme", linkedin=PRIYA_URL)
    row = _contact(5, "Priya Raman", date(2023, 8, 24), company="Acme", linkedin=PRIYA_URL)
    plan = _plan([row], [priya], connected={(1, date(2023, 8, 24))})
    assert (plan.added, plan.updated, plan.skipped) == ([], [], 1)


def test_a_connected_day_the_person_lacks_is_an_update():
    priya = Person(1, "Priya Raman", linkedin=PRIYA_URL)
    row = _contact(5, "Priya Raman", date(2023, 8, 24), linkedin=PRIYA_URL)
    (update,) = _plan([row], [priya], connected={(1, date(2020, 1, 1))}).updated
    assert update.fields == {} and update.connected == (date(2023, 8, 24),)
    assert update.changed() == ["connected"]


def test_name_and_company_match_without_case_accents_or_punctuation():
    jose = Person(7, "José García", company="Initech, GmbH")
    plan = _plan([_contact(3, "jose  GARCIA", company="Initech GmbH", role="CTO")], [jose])
    assert [u.person_id for u in plan.updated] == [7]


def test_a_name_alone_matches_when_one_side_has_no_company_and_one_person_fits():
    sam = Person(2, "Sam Lee")
    plan = _plan([_contact(3, "Sam Lee", company="Globex")], [sam])
    assert [(u.person_id, u.fields) for u in plan.updated] == [(2, {"company": "Globex"})]
    # A contact without a company matches the one Sam Lee who has one.
    at_globex = Person(2, "Sam Lee", company="Globex")
    assert _plan([_contact(3, "Sam Lee", role="Designer")], [at_globex]).updated[0].person_id == 2


def test_a_name_alone_does_not_match_when_several_fit():
    two = [Person(2, "Sam Lee", company="Globex"), Person(3, "Sam Lee", company="Hooli")]
    plan = _plan([_contact(3, "Sam Lee")], two)
    assert len(plan.added) == 1 and plan.updated == []


def test_different_companies_are_different_people():
    plan = _plan(
        [_contact(3, "Sam Lee", company="Hooli")], [Person(2, "Sam Lee", company="Globex")]
    )
    assert len(plan.added) == 1


def test_two_different_linkedin_profiles_never_match():
    priya = Person(1, "Priya Raman", company="Acme", linkedin=PRIYA_URL)
    other = "https://www.linkedin.com/in/priya-raman-2"
    plan = _plan([_contact(5, "Priya Raman", company="Acme", linkedin=other)], [priya])
    assert [p.fields["linkedin"] for p in plan.added] == [other]


def test_archived_people_are_matched_so_nobody_comes_back_twice():
    gone = Person(4, "Omar Haddad", linkedin="https://www.linkedin.com/in/omar", archived=True)
    row = _contact(9, "Omar Haddad", linkedin="https://www.linkedin.com/in/omar")
    assert _plan([row], [gone]).skipped == 1


def test_duplicates_in_one_file_fold_into_the_first():
    plan = _plan(
        [
            _contact(5, "Priya Raman", date(2023, 8, 24), linkedin=PRIYA_URL),
            _contact(6, "Sam Lee", company="Globex"),
            _contact(7, "Priya Raman", date(2024, 1, 2), linkedin=PRIYA_URL, company="Acme"),
            _contact(8, "sam lee", company="GLOBEX", role="Designer"),
        ]
    )
    assert [(m.line, m.name, m.into) for m in plan.merged] == [
        (7, "Priya Raman", "Priya Raman"),
        (8, "sam lee", "Sam Lee"),
    ]
    priya, sam = plan.added
    assert priya.fields == {"name": "Priya Raman", "linkedin": PRIYA_URL, "company": "Acme"}
    assert priya.connected == (date(2023, 8, 24), date(2024, 1, 2))
    assert sam.fields == {"name": "Sam Lee", "company": "Globex", "role": "Designer"}


def test_rows_matching_one_existing_person_fold_too():
    priya = Person(1, "Priya Raman", linkedin=PRIYA_URL)
    plan = _plan(
        [
            _contact(2, "Priya Raman", linkedin=PRIYA_URL, company="Acme"),
            _contact(3, "Priya Raman", company="Acme", role="CTO"),
        ],
        [priya],
    )
    assert [m.line for m in plan.merged] == [3]
    assert [(u.person_id, u.fields) for u in plan.updated] == [
        (1, {"company": "Acme", "role": "CTO"})
    ]


def test_a_connected_day_in_the_future_is_an_error():
    plan = _plan(
        [_contact(5, "Priya Raman", date(2027, 1, 1)), _contact(6, "Sam Lee")],
        errors=[RowError(9, "bad"), RowError(2, "worse")],
    )
    assert [e.line for e in plan.errors] == [2, 5, 9]  # by line
    assert "in the future" in plan.errors[1].message
    assert [p.fields["name"] for p in plan.added] == ["Sam Lee"]
    assert plan.rows == 4


def test_the_summary_is_the_import_commands_json():
    priya = Person(1, "Priya Raman", linkedin=PRIYA_URL)
    plan = _plan(
        [
            _contact(2, "Priya Raman", linkedin=PRIYA_URL, company="Acme"),
            _contact(3, "Sam Lee", company="Globex"),
            _contact(4, "Sam Lee", company="Globex"),
        ],
        [priya],
        errors=[RowError(5, "“x” is not a date like 24 Aug 2023.")],
    )
    assert plan.summary() == {
        "source": "linkedin",
        "rows": 4,
        "added": 1,
        "updated": 1,
        "skipped": 0,
        "merged": 1,
        "touches": 0,
        "errors": [{"line": 5, "message": "“x” is not a date like 24 Aug 2023."}],
        "errors_total": 1,
        "preview": {
            "added": [{"name": "Sam Lee", "company": "Globex"}],
            "updated": [{"name": "Priya Raman", "company": "Acme", "fields": ["company"]}],
            "merged": [{"name": "Sam Lee", "into": "Sam Lee", "line": 4}],
        },
    }


def test_the_summarys_lists_are_capped():
    plan = _plan(
        [_contact(n, f"Person {n}") for n in range(1, 8)],
        errors=[RowError(n, "bad") for n in range(10, 15)],
    )
    summary = plan.summary(limit=3)
    assert summary["added"] == 7 and len(summary["preview"]["added"]) == 3
    assert len(summary["errors"]) == 3 and summary["errors_total"] == 5


def test_progress_is_told_in_rows():
    seen: list[tuple[int, int]] = []
    found = Contacts("vcard", [_contact(n, f"P {n}") for n in range(4500)], [])
    plan_import(found, [], set(), TODAY, lambda done, total: seen.append((done, total)))
    assert seen == [(2000, 4500), (4000, 4500)]


def test_contacts_are_checked_as_a_form_checks_them():
    assert contact_from(1, {"name": " Ana   Ito ", "company": "", "x": "x.com/anaito"}).fields == {
        "name": "Ana Ito",
        "x": "@anaito",
    }
    from app.errors import DigwellError

    with pytest.raises(DigwellError, match="not a handle on X"):
        contact_from(1, {"name": "Ana", "x": "not a handle"})
