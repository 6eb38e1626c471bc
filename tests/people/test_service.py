"""planner.people: adding, finding, circles and their intervals, touches restarting them,
who is due, archive, merge, the network review and giving before asking
(docs/PEOPLE.md). The clock stands at Monday 23 November 2026 (tests/conftest.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import DigwellError, NotFoundError
from app.types import Changes

TODAY = date(2026, 11, 23)


@pytest.fixture
def people(planner):
    return planner.people


@pytest.fixture
def announced(planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    return seen


def _days(n: int) -> date:
    return TODAY + timedelta(days=n)


# --- adding, editing, finding -----------------------------------------------------


def test_a_new_person_joins_the_widest_circle_and_is_due_from_the_day_added(people, announced):
    priya = people.add("  Priya   Raman ", company="Acme", role="Staff engineer")
    assert (priya.name, priya.company, priya.role) == ("Priya Raman", "Acme", "Staff engineer")
    assert priya.circle == "Wider" and priya.added_on == TODAY
    assert (priya.due_on, priya.overdue_on) == (_days(180), _days(365))
    assert priya.last_touch is None and (priya.gives, priya.asks) == (0, 0)
    assert announced == [Changes(people=True)]
    assert people.count() == 1 and people.get(priya.id) == priya


def test_handles_are_kept_in_one_form_whatever_was_pasted(people):
    priya = people.add(
        "Priya Raman",
        circle="close",
        linkedin="de.linkedin.com/in/priya-raman/",
        x="https://twitter.com/priyar",
        mastodon="https://hachyderm.io/@priya",
        bluesky="@Priya.bsky.social",
        threads="https://www.threads.com/@priya.r",
        website="priya.dev",
    )
    assert priya.circle == "Close"
    assert priya.linkedin == "https://www.linkedin.com/in/priya-raman"
    assert (priya.x, priya.mastodon, priya.threads) == (
        "@priyar",
        "@priya@hachyderm.io",
        "@priya.r",
    )
    assert (priya.bluesky, priya.website) == ("priya.bsky.social", "https://priya.dev")


def test_bad_input_is_refused_and_nothing_is_stored(people, announced):
    with pytest.raises(DigwellError, match="handle on X"):
        people.add("Priya Raman", x="not a handle!")
    with pytest.raises(DigwellError, match="needs a name"):
        people.add("   ")
    with pytest.raises(NotFoundError, match="No circle called “Family”"):
        people.add("Priya Raman", circle="Family")
    with pytest.raises(DigwellError, match="no field"):
        people.add("Priya Raman", nickname="P")
    assert people.count() == 0 and announced == []


def test_edit_changes_only_the_fields_given(people):
    sam = people.add("Sam Lee", company="Initech", x="@samlee")
    edited = people.edit(sam.id, role="CTO", circle="Colleagues")
    assert (edited.company, edited.role, edited.x, edited.circle) == (
        "Initech",
        "CTO",
        "@samlee",
        "Colleagues",
    )
    assert edited.due_on == _days(90)
    with pytest.raises(NotFoundError):
        people.edit(999, role="CEO")
    with pytest.raises(DigwellError):
        people.edit(sam.id, email="not-an-email")
    assert people.get(sam.id) == edited


def test_find_by_id_or_by_name_ignoring_case_and_accents(people):
    jose = people.add("José Núñez")
    people.add("Sam Lee")
    assert people.find(str(jose.id)).id == jose.id
    assert people.find("jose nunez").id == jose.id
    assert people.find("  JOSÉ   NÚÑEZ ").id == jose.id
    with pytest.raises(NotFoundError, match="Nobody called “José”"):
        people.find("José")  # a whole name, not a part of one
    with pytest.raises(NotFoundError):
        people.find("404")


def test_two_people_of_one_name_need_an_id(people):
    first = people.add("Sam Lee", company="Initech")
    second = people.add("sam lee", company="Globex")
    with pytest.raises(DigwellError) as caught:
        people.find("Sam Lee")
    assert "2 people are called" in caught.value.message
    assert f"{first.id}, {second.id}" in caught.value.hint


def test_lists_search_every_word_and_filter_by_circle(people):
    priya = people.add("Priya Raman", company="Acme", circle="Close", x="@priyar")
    sam = people.add("Sam Lee", company="Acme")
    people.add("Ana Souza", company="Globex")
    assert people.ids() == [3, priya.id, sam.id]  # by name
    assert people.ids("acme") == [priya.id, sam.id]
    assert people.ids("acme raman") == [priya.id]
    assert people.ids("priyar") == [priya.id]  # a handle
    close = people.circle_named("close").id
    assert people.ids(circle_id=close) == [priya.id]
    assert [p.name for p in people.listed("acme")] == ["Priya Raman", "Sam Lee"]
    assert [p.id for p in people.rows([sam.id, priya.id, 99])] == [sam.id, priya.id]


# --- circles ------------------------------------------------------------------------


def test_the_default_circles_and_their_intervals(people):
    assert [(c.name, c.ideal_days, c.max_days) for c in people.circles()] == [
        ("Close", 30, 45),
        ("Colleagues", 90, 120),
        ("Wider", 180, 365),
    ]


def test_editing_a_circle_moves_its_peoples_due_days(people, announced):
    priya = people.add("Priya Raman", circle="Close")
    own = people.add("Sam Lee", circle="Close", ideal_days=10, max_days=20)
    other = people.add("Ana Souza", circle="Wider")
    close = people.circle_named("Close")
    people.edit_circle(close.id, "Inner", 14, 21)
    assert people.circles()[0][1:] == ("Inner", 14, 21)
    assert (people.get(priya.id).due_on, people.get(priya.id).overdue_on) == (_days(14), _days(21))
    # A person's own interval overrides the circle's.
    assert (people.get(own.id).due_on, people.get(own.id).overdue_on) == (_days(10), _days(20))
    assert people.get(other.id).due_on == _days(180)
    assert announced[-1] == Changes(people=True)


def test_a_persons_override_can_be_cleared(people):
    sam = people.add("Sam Lee", circle="Colleagues", ideal_days=10, max_days=20)
    assert (sam.ideal_days, sam.max_days, sam.due_on) == (10, 20, _days(10))
    back = people.edit(sam.id, ideal_days=None, max_days=None)
    assert (back.ideal_days, back.max_days, back.due_on) == (None, None, _days(90))
    with pytest.raises(DigwellError, match="cannot be shorter"):
        people.edit(sam.id, ideal_days=30, max_days=20)


def test_circles_are_checked(people):
    with pytest.raises(DigwellError, match="already a circle"):
        people.add_circle("close", 10, 20)
    with pytest.raises(DigwellError, match="cannot be shorter"):
        people.add_circle("Mentors", 60, 30)
    with pytest.raises(DigwellError, match="ideal and a maximum"):
        people.add_circle("Mentors", "", "")
    with pytest.raises(DigwellError, match="whole numbers"):
        people.add_circle("Mentors", "often", 30)
    mentors = people.add_circle(" Mentors ", "60", "75")
    assert (mentors.name, mentors.ideal_days, mentors.max_days) == ("Mentors", 60, 75)
    assert people.circles()[-1] == mentors
    with pytest.raises(DigwellError, match="already a circle"):
        people.edit_circle(mentors.id, "Wider", 60, 75)


def test_removing_a_circle_moves_its_people(people):
    mentors = people.add_circle("Mentors", 60, 75)
    ana = people.add("Ana Souza", circle=mentors.id)
    assert ana.due_on == _days(60)
    close = people.circle_named("Close").id
    with pytest.raises(DigwellError, match="another circle"):
        people.remove_circle(mentors.id, mentors.id)
    with pytest.raises(DigwellError, match="another circle"):
        people.remove_circle(mentors.id, 999)
    people.remove_circle(mentors.id, close)
    moved = people.get(ana.id)
    assert (moved.circle, moved.due_on, moved.overdue_on) == ("Close", _days(30), _days(45))
    assert [c.name for c in people.circles()] == ["Close", "Colleagues", "Wider"]


# --- touches and the interval -------------------------------------------------------


def test_any_touch_restarts_the_interval(people, announced):
    priya = people.add("Priya Raman", circle="Close")
    touch = people.touch(priya.id, "Talked", on=_days(-10), note="  coffee  ")
    assert (touch.kind, touch.on, touch.note, touch.auto) == ("talked", _days(-10), "coffee", False)
    after = people.get(priya.id)
    assert after.last_touch == _days(-10)
    assert (after.due_on, after.overdue_on) == (_days(20), _days(35))
    # An older touch does not move it back; a newer one moves it on.
    people.touch(priya.id, "message", on=_days(-40))
    assert people.get(priya.id).due_on == _days(20)
    people.touch(priya.id, "connected")
    assert people.get(priya.id).due_on == _days(30)
    assert announced[-1] == Changes(people=True)
    assert [t.kind for t in people.touches(priya.id)] == ["connected", "talked", "message"]


def test_removing_a_touch_moves_the_interval_back(people):
    priya = people.add("Priya Raman", circle="Close")
    old = people.touch(priya.id, "talked", on=_days(-10))
    new = people.touch(priya.id, "credited")
    people.remove_touch(new.id)
    assert people.get(priya.id).last_touch == old.on
    assert people.get(priya.id).gives == 0
    people.remove_touch(old.id)
    assert people.get(priya.id).due_on == _days(30)  # from the day added again
    with pytest.raises(NotFoundError):
        people.remove_touch(old.id)


def test_touches_in_the_future_or_of_unknown_kinds_are_refused(people, announced):
    priya = people.add("Priya Raman")
    announced.clear()
    with pytest.raises(DigwellError, match="future"):
        people.touch(priya.id, "talked", on=_days(1))
    with pytest.raises(DigwellError, match="not a kind of touch") as caught:
        people.touch(priya.id, "poked")
    assert "credited" in caught.value.hint
    with pytest.raises(NotFoundError):
        people.touch(999, "talked")
    assert people.touches(priya.id) == [] and announced == []


def test_a_snooze_holds_both_days_until_it_ends(people):
    priya = people.add("Priya Raman", circle="Close")
    people.touch(priya.id, "talked", on=_days(-50))
    assert people.get(priya.id).overdue_on == _days(-5)
    people.snooze(priya.id, _days(14))
    held = people.get(priya.id)
    assert (held.snoozed_until, held.due_on, held.overdue_on) == (_days(14), _days(14), _days(14))
    assert people.due() == []
    # A touch while snoozed: the later of the two days holds.
    people.touch(priya.id, "message")
    assert people.get(priya.id).due_on == _days(30)
    people.snooze(priya.id, None)
    assert people.get(priya.id).snoozed_until is None
    with pytest.raises(NotFoundError):
        people.snooze(999, _days(3))


def test_the_due_list_shows_the_most_overdue_first(people, planner):
    close = people.add("Close friend", circle="Close")
    colleague = people.add("Colleague", circle="Colleagues")
    wider = people.add("Acquaintance", circle="Wider")
    warm = people.add("Warm", circle="Close")
    people.touch(close.id, "talked", on=_days(-100))  # overdue 55 days
    people.touch(colleague.id, "talked", on=_days(-100))  # due 10 days, not overdue
    people.touch(wider.id, "talked", on=_days(-400))  # overdue 35 days
    people.touch(warm.id, "talked", on=_days(-5))
    assert [p.id for p in people.due()] == [close.id, wider.id, colleague.id]
    assert [p.id for p in people.due(limit=1)] == [close.id]
    assert people.due_counts() == (3, 2)
    # Tomorrow nothing new; two weeks on, the one touched 5 days ago is not due yet either.
    planner.clock.advance(timedelta(days=14))
    assert people.due_counts() == (3, 2)
    planner.clock.advance(timedelta(days=12))  # 31 days since that touch
    assert people.due_counts() == (4, 3)  # and the colleague passed 120 days


def test_newly_overdue_names_who_crossed_the_maximum_since_a_day(people, planner):
    priya = people.add("Priya Raman", circle="Close")
    sam = people.add("Sam Lee", circle="Close")
    people.touch(priya.id, "talked", on=_days(-44))  # overdue tomorrow
    people.touch(sam.id, "talked", on=_days(-60))  # overdue for 15 days already
    assert people.newly_overdue(TODAY) == []
    planner.clock.advance(timedelta(days=1))
    assert [p.id for p in people.newly_overdue(TODAY)] == [priya.id]
    assert [p.id for p in people.newly_overdue(_days(-30))] == [sam.id, priya.id]


# --- archive, merge, delete ---------------------------------------------------------


def test_archived_people_leave_every_list_but_keep_their_history(people, announced):
    priya = people.add("Priya Raman", circle="Close")
    people.touch(priya.id, "credited", on=_days(-100))
    people.archive([priya.id])
    assert announced[-1] == Changes(people=True, items=True)
    assert people.ids() == [] and people.due() == [] and people.due_counts() == (0, 0)
    assert people.count() == 0 and people.review() == []
    with pytest.raises(NotFoundError):
        people.find("Priya Raman")
    kept = people.find(str(priya.id))
    assert kept.archived and len(people.touches(priya.id)) == 1
    assert people.totals() == (1, 0)
    people.archive([priya.id], archived=False)
    assert people.ids() == [priya.id] and not people.get(priya.id).archived
    with pytest.raises(NotFoundError):
        people.archive([priya.id, 999])


def test_merge_moves_touches_fills_empty_fields_and_joins_notes(people, announced):
    keep = people.add("Priya Raman", company="Acme", notes="Met at KubeCon.", circle="Close")
    other = people.add(
        "Priya R.", company="Globex", role="SRE", x="@priyar", notes="Likes Rust.", email="p@ex.org"
    )
    people.touch(keep.id, "talked", on=_days(-50))
    people.touch(other.id, "credited", on=_days(-3))
    people.touch(other.id, "asked", on=_days(-2))
    merged = people.merge(keep.id, other.id)
    assert announced[-1] == Changes(people=True, items=True)
    assert (merged.name, merged.company, merged.role, merged.x) == (
        "Priya Raman",
        "Acme",
        "SRE",
        "@priyar",
    )
    assert merged.email == "p@ex.org" and merged.circle == "Close"
    assert merged.notes == "Met at KubeCon.\n\nLikes Rust."
    assert (merged.gives, merged.asks, merged.last_touch) == (1, 1, _days(-2))
    assert merged.due_on == _days(28)
    assert [t.kind for t in people.touches(keep.id)] == ["asked", "credited", "talked"]
    with pytest.raises(NotFoundError):
        people.get(other.id)
    assert people.count() == 1


def test_merge_refuses_one_person_twice_or_a_missing_one(people):
    priya = people.add("Priya Raman")
    with pytest.raises(DigwellError, match="two different"):
        people.merge(priya.id, priya.id)
    with pytest.raises(NotFoundError):
        people.merge(priya.id, 999)
    assert people.get(priya.id) == priya


def test_delete_takes_the_person_and_their_touches(people, db):
    priya = people.add("Priya Raman")
    people.touch(priya.id, "talked")
    people.delete(priya.id)
    assert people.count() == 0
    assert db.read("SELECT count(*) FROM touches")[0][0] == 0
    assert db.read("SELECT count(*) FROM person_keys")[0][0] == 0


# --- the network review ---------------------------------------------------------------


def test_the_review_offers_people_untouched_for_a_year_who_were_given_nothing(people, planner):
    silent = people.add("Silent Connection")
    given = people.add("Given Once")
    recent = people.add("Recently Talked")
    people.touch(given.id, "thanked")
    people.touch(recent.id, "asked")
    planner.clock.advance(timedelta(days=300))
    people.touch(recent.id, "talked")
    assert people.review() == []  # nobody untouched for over a year yet
    planner.clock.advance(timedelta(days=66))
    assert [p.id for p in people.review()] == [silent.id]
    newcomer = people.add("Just Added")  # added today: never offered, touched or not
    assert newcomer.id not in [p.id for p in people.review()]
    planner.clock.advance(timedelta(days=300))
    assert [p.id for p in people.review()] == [silent.id, recent.id]  # oldest touch last
    planner.clock.advance(timedelta(days=66))
    assert newcomer.id in [p.id for p in people.review()]
    assert given.id not in [p.id for p in people.review()]  # gives keep a person


# --- giving before asking -------------------------------------------------------------


def test_gives_and_asks_are_counted_per_person_and_overall(people):
    priya = people.add("Priya Raman")
    sam = people.add("Sam Lee")
    for kind in ("credited", "thanked", "helped", "commented", "talked", "message", "connected"):
        people.touch(priya.id, kind, on=_days(-1))
    people.touch(priya.id, "asked")
    people.touch(sam.id, "asked")
    people.touch(sam.id, "asked")
    assert (people.get(priya.id).gives, people.get(priya.id).asks) == (4, 1)
    assert (people.get(sam.id).gives, people.get(sam.id).asks) == (0, 2)
    assert people.totals() == (4, 3)


def test_an_ask_after_no_give_in_180_days_gets_a_gentle_note(people):
    priya = people.add("Priya Raman")
    note = people.ask_warning(priya.id)
    assert "Priya Raman" in note and "6 months" in note
    people.touch(priya.id, "helped", on=_days(-181))
    assert people.ask_warning(priya.id) == note
    people.touch(priya.id, "talked", on=_days(-1))  # not a give
    assert people.ask_warning(priya.id) == note
    people.touch(priya.id, "credited", on=_days(-180))
    assert people.ask_warning(priya.id) == ""
    with pytest.raises(NotFoundError):
        people.ask_warning(999)


def test_gives_between_lists_the_months_gives_newest_first(people):
    priya = people.add("Priya Raman")
    sam = people.add("Sam Lee")
    people.touch(priya.id, "credited", on=date(2026, 11, 2))
    people.touch(sam.id, "thanked", on=date(2026, 11, 20))
    people.touch(sam.id, "asked", on=date(2026, 11, 21))
    people.touch(priya.id, "helped", on=date(2026, 10, 31))
    people.touch(priya.id, "commented", on=date(2026, 11, 1))
    assert people.gives_between(date(2026, 11, 1), date(2026, 12, 1)) == [
        ("Sam Lee", "thanked", date(2026, 11, 20)),
        ("Priya Raman", "credited", date(2026, 11, 2)),
        ("Priya Raman", "commented", date(2026, 11, 1)),
    ]
    assert people.gives_between(date(2026, 12, 1), date(2027, 1, 1)) == []


def test_every_write_announces_people_once(people, announced):
    priya = people.add("Priya Raman")
    touch = people.touch(priya.id, "talked")
    people.remove_touch(touch.id)
    people.snooze(priya.id, _days(3))
    circle = people.add_circle("Mentors", 10, 20)
    people.edit_circle(circle.id, "Mentors", 11, 20)
    people.remove_circle(circle.id, people.circles()[0].id)
    assert announced == [Changes(people=True)] * 7
