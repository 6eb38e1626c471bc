"""planner.people.read_import, apply_import and export_csv (docs/PEOPLE_IMPORT.md): a
LinkedIn export or a vCard file read and planned without writing, written in one
transaction, re-imported without adding anybody twice; refused files change nothing.
The clock stands at Monday 23 November 2026 (tests/conftest.py)."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from app.errors import DigwellError
from app.store import feeds as feeds_q
from app.store import item_people
from app.store import items as items_q
from app.strategy.scoring import current_scorer
from app.types import Changes, ParsedEntry
from tests.people.import_files import CONNECTIONS, VCARD_3, VCARD_4, connections, export_zip, write


@pytest.fixture
def people(planner):
    return planner.people


@pytest.fixture
def announced(planner):
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    return seen


def _import(people, path, **options):
    return people.apply_import(people.read_import(path, **options))


def test_a_linkedin_import_adds_people_with_their_connected_touches(people, tmp_path, announced):
    plan = people.read_import(write(tmp_path / "Connections.csv", CONNECTIONS))
    assert people.count() == 0 and announced == []  # reading writes nothing
    assert people.apply_import(plan) is plan
    assert announced == [Changes(people=True)]
    everyone = {p.name: p for p in people.everyone()}
    assert sorted(everyone) == ["José García", "Mei Chen", "Priya Raman", "Sam Lee"]
    priya = everyone["Priya Raman"]
    assert (priya.company, priya.role) == ("Acme Robotics", "Staff Engineer, Platform")
    assert priya.circle == people.circles()[-1].name  # the widest
    assert priya.email == "" and everyone["Sam Lee"].email == ""  # not asked for
    (touch,) = people.touches(priya.id)
    assert (touch.kind, touch.on, touch.note, touch.auto) == (
        "connected",
        date(2023, 8, 24),
        "LinkedIn",
        False,
    )
    # "Connected On" starts the interval: Wider is 180/365 days.
    assert priya.last_touch == date(2023, 8, 24)
    assert priya.due_on == date(2023, 8, 24) + timedelta(180)
    assert priya in people.due()


def test_a_re_import_adds_nobody_twice_and_writes_nothing(people, tmp_path, announced):
    path = write(tmp_path / "Connections.csv", CONNECTIONS)
    _import(people, path)
    again = _import(people, path)
    assert (len(again.added), len(again.updated), again.skipped) == (0, 0, 4)
    assert people.count() == 4
    assert sum(len(people.touches(p.id)) for p in people.everyone()) == 4
    assert len(announced) == 1


def test_a_later_export_updates_jobs_and_adds_new_connected_days(people, tmp_path):
    _import(people, write(tmp_path / "a.csv", CONNECTIONS))
    people.edit(people.find("Sam Lee").id, notes="Designer friend")
    later = connections(
        "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Globex,CTO,24 Aug 2023",
        "Sam,Lee,https://www.linkedin.com/in/samlee,,Globex,Designer,05 May 2025",
        "Ana,Ito,,,,,",
    )
    plan = _import(people, write(tmp_path / "b.csv", later))
    assert [(u.name, u.changed()) for u in plan.updated] == [
        ("Priya Raman", ["company", "role"]),
        ("Sam Lee", ["connected"]),
    ]
    assert [p.fields["name"] for p in plan.added] == ["Ana Ito"]
    priya, sam = people.find("Priya Raman"), people.find("Sam Lee")
    assert (priya.company, priya.role) == ("Globex", "CTO")
    assert sam.notes == "Designer friend" and sam.last_touch == date(2025, 5, 5)
    assert [t.on for t in people.touches(sam.id)] == [date(2025, 5, 5), date(2021, 1, 3)]


def test_emails_are_kept_when_asked(people, tmp_path):
    _import(people, write(tmp_path / "c.csv", CONNECTIONS), keep_emails=True)
    assert people.find("Sam Lee").email == "sam@example.com"


def test_the_export_zip_imports_like_its_csv(people, tmp_path):
    plan = _import(people, export_zip(tmp_path / "Basic_LinkedInDataExport.zip"))
    assert len(plan.added) == 4 and people.count() == 4


def test_a_vcard_file_matches_linkedin_people_and_fills_their_handles(people, tmp_path):
    _import(people, write(tmp_path / "Connections.csv", CONNECTIONS))
    plan = _import(people, write(tmp_path / "contacts.vcf", VCARD_3 + VCARD_4, bom=False))
    # Priya by her LinkedIn address, Sam by name and company.
    assert [u.name for u in plan.updated] == ["Priya Raman", "Sam Lee"] and not plan.added
    priya = people.find("Priya Raman")
    assert (priya.x, priya.mastodon, priya.website) == (
        "@priyar",
        "@priya@hachyderm.io",
        "https://priya.dev",
    )
    assert priya.role == "Staff Engineer, Platform"  # a vCard does not change jobs
    assert people.find("Sam Lee").bluesky == "samlee.bsky.social"


def test_rows_with_errors_are_left_out_and_the_rest_imported(people, tmp_path):
    text = connections("Priya,Raman,,,,,24 Aug 2023", "Sam,Lee,,,,,someday", "Ana,Ito,,,,,")
    plan = _import(people, write(tmp_path / "c.csv", text))
    assert [(e.line, "someday" in e.message) for e in plan.errors] == [(6, True)]
    assert sorted(p.name for p in people.everyone()) == ["Ana Ito", "Priya Raman"]


def _store_item(db, planner, author: str) -> int:
    now = planner.clock.now()
    with db.transaction() as conn:
        feed_id = feeds_q.add_feed(conn, "https://blog.example/feed.xml", "", now)
        entry = ParsedEntry(
            key="post-1",
            title="Build caches",
            link="https://blog.example/1",
            author=author,
            summary_html="<p>Text</p>",
            summary_text="Text",
            published=now - timedelta(days=1),
        )
        items_q.upsert_entries(conn, feed_id, [entry], now, current_scorer(conn))
    return db.column("SELECT id FROM items")[0]


def test_an_import_links_the_inbox_items_its_people_wrote(db, planner, people, tmp_path):
    item_id = _store_item(db, planner, "Priya Raman")
    seen: list[Changes] = []
    planner.subscribe(seen.append)
    _import(people, write(tmp_path / "c.csv", CONNECTIONS))
    assert seen == [Changes(people=True, items=True)]
    (person_id, name, _) = item_people.authors_of(db, [item_id])[item_id]
    assert name == "Priya Raman" and person_id == people.find("Priya Raman").id


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("people.xlsx", b"PK\x03\x04 a spreadsheet", "cannot import people.xlsx"),
        ("notes.txt", b"just some notes", "cannot import notes.txt"),
        ("Connections.csv", b"", "is empty"),
        ("Connections.csv", b"Notes:\nno header here\n", "no header line"),
        ("Connections.csv", "First Name,Last Name\nAda,Byr\xf6n\n".encode("latin-1"), "not UTF-8"),
        ("contacts.vcf", b"FN:no cards here\n", "holds no vCard"),
        ("export.zip", b"not a zip at all", "is not a zip file"),
        (
            "Connections.csv",
            connections(",,,,,,x", ",,,,,,y").encode(),
            "No contact in Connections.csv could be read",
        ),
    ],
)
def test_refused_files_change_nothing(people, tmp_path, announced, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DigwellError, match=message):
        people.read_import(tmp_path / name)
    assert people.count() == 0 and announced == []


def test_files_over_20_mb_are_refused_before_reading(people, tmp_path):
    path = tmp_path / "Connections.csv"
    with path.open("wb") as big:
        big.truncate(20 * 1024 * 1024 + 1)  # sparse: nothing is written or read
    with pytest.raises(DigwellError, match=r"over 20 MB \(20,971,521 bytes\)"):
        people.read_import(path)


def test_a_missing_file_or_a_folder_is_refused(people, tmp_path):
    with pytest.raises(DigwellError, match="There is no file"):
        people.read_import(tmp_path / "nope.csv")
    with pytest.raises(DigwellError, match="is a folder"):
        people.read_import(tmp_path)


def test_a_file_without_a_known_name_is_read_by_what_it_holds(people, tmp_path):
    assert len(people.read_import(write(tmp_path / "export", CONNECTIONS)).added) == 4
    assert len(people.read_import(write(tmp_path / "cards.txt", VCARD_4)).added) == 1


# --- export ------------------------------------------------------------------------


def test_export_writes_everyone_safe_for_a_spreadsheet(people, tmp_path):
    _import(people, write(tmp_path / "c.csv", CONNECTIONS), keep_emails=True)
    tricky = people.add("=HYPERLINK(1)", company="+Acme", notes="-", x="@evil")
    people.archive([people.find("Mei Chen").id])
    out = tmp_path / "people.csv"
    assert people.export_csv(out) == 5
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    by_name = {r["name"]: r for r in rows}
    assert list(by_name)[:4] == ["Priya Raman", "Sam Lee", "José García", "Mei Chen"]
    sam = by_name["Sam Lee"]
    assert sam["email"] == "sam@example.com" and sam["last_touch"] == "2021-01-03"
    assert sam["next_due"] == (date(2021, 1, 3) + timedelta(180)).isoformat()
    assert by_name["Mei Chen"]["archived"] == "yes"
    evil = by_name["'=HYPERLINK(1)"]
    assert (evil["id"], evil["company"], evil["notes"], evil["x"]) == (
        str(tricky.id),
        "'+Acme",
        "'-",
        "'@evil",
    )


def test_an_export_that_cannot_be_written_says_so(people, tmp_path):
    with pytest.raises(DigwellError, match="could not be saved"):
        people.export_csv(tmp_path / "missing" / "people.csv")
    assert not (tmp_path / "missing").exists()
