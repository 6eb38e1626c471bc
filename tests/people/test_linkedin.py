"""Reading LinkedIn's Connections.csv and its export .zip (app/people/linkedin.py,
docs/PEOPLE_IMPORT.md): the header found after LinkedIn's notes, bad rows named by
their line, and zips refused when they could hurt."""

from __future__ import annotations

import struct
import zipfile
from datetime import date

import pytest

from app.errors import DigwellError
from app.people.linkedin import (
    connections_in_zip,
    parse_day,
    read_connections,
    safe_member_name,
)
from tests.people.import_files import CONNECTIONS, HEADER, connections, export_zip, zip_bytes


def _by_name(found):
    return {c.fields["name"]: c for c in found.contacts}


def test_connections_as_linkedin_writes_them():
    found = read_connections(CONNECTIONS, "Connections.csv")
    assert found.source == "linkedin" and found.errors == []
    people = _by_name(found)
    assert list(people) == ["Priya Raman", "Sam Lee", "José García", "Mei Chen"]
    priya = people["Priya Raman"]
    assert priya.line == 5
    assert priya.fields == {
        "name": "Priya Raman",
        "linkedin": "https://www.linkedin.com/in/priya-raman",
        "company": "Acme Robotics",
        "role": "Staff Engineer, Platform",  # quoted, with its comma
    }
    assert priya.connected == date(2023, 8, 24)
    jose = people["José García"]
    assert jose.line == 8  # after the blank row
    assert jose.fields["linkedin"] == "https://www.linkedin.com/in/jose-garcia"  # de., slash
    assert jose.fields["company"] == "Initech, GmbH"
    assert people["Mei Chen"].fields == {
        "name": "Mei Chen",
        "linkedin": "https://www.linkedin.com/in/mei-chen",
    }


def test_emails_are_kept_only_when_asked():
    assert "email" not in _by_name(read_connections(CONNECTIONS, "c.csv"))["Sam Lee"].fields
    kept = _by_name(read_connections(CONNECTIONS, "c.csv", keep_emails=True))
    assert kept["Sam Lee"].fields["email"] == "sam@example.com"
    assert "email" not in kept["Priya Raman"].fields  # LinkedIn left hers empty


@pytest.mark.parametrize(
    "notes, header_line",
    [("", 1), ("Notes:\n", 2), ('Notes:\n\n"A note, with a comma"\nAnother line\n\n', 6)],
)
def test_the_header_is_found_wherever_the_notes_end(notes, header_line):
    text = connections("Ada,Byron,,,,,", notes=notes, header=HEADER.replace("\r\n", "\n"))
    (ada,) = read_connections(text, "c.csv").contacts
    assert ada.line == header_line + 1
    assert ada.fields == {"name": "Ada Byron"}


def test_columns_in_another_order_and_unknown_columns():
    text = connections(
        "Lee,Sam,Globex,x,2021-01-03",
        notes="",
        header="Last Name,First Name,Company,Tags,Connected On\n",
    )
    (sam,) = read_connections(text, "c.csv").contacts
    assert sam.fields == {"name": "Sam Lee", "company": "Globex"}
    assert sam.connected == date(2021, 1, 3)


def test_bad_rows_are_named_by_their_line_and_the_others_read():
    text = connections(
        "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Acme,,24 Aug 2023",  # line 5
        ",,https://www.linkedin.com/in/nobody,,Acme,,",  # 6: no name
        "Sam,Lee,https://example.com/samlee,,,,",  # 7: not a LinkedIn profile
        'Ana,Ito,,,,"Lead,\nDesign",12 Sept 2022',  # 8-9: a value over two lines
        "Omar,Haddad,,,,,31 Feb 2020",  # 10: no such day
        "Mia,Kowalski,,,,,,extra,values",  # 11: too many values
        "Li,Wu,,,,,yesterday",  # 12
        "Zoë,Müller,,,Hooli,,2 Jan 2024",  # 13
    )
    found = read_connections(text, "c.csv")
    assert [c.fields["name"] for c in found.contacts] == [
        "Priya Raman",
        "Ana Ito",
        "Zoë Müller",
    ]
    assert [c.line for c in found.contacts] == [5, 8, 13]
    assert found.contacts[1].fields["role"] == "Lead, Design"  # whitespace folded
    assert found.contacts[1].connected == date(2022, 9, 12)
    errors = {e.line: e.message for e in found.errors}
    assert sorted(errors) == [6, 7, 10, 11, 12]
    assert "no first or last name" in errors[6]
    assert "not a LinkedIn profile address" in errors[7]
    assert "31 Feb 2020" in errors[10] and "24 Aug 2023" in errors[10]
    assert "9 values for 7 columns" in errors[11]


def test_broken_quotes_stop_the_reading_at_their_line():
    text = connections("Priya,Raman,,,,,", 'Sam,"Lee,,,,,\n', notes="")
    found = read_connections(text, "c.csv")
    assert [c.fields["name"] for c in found.contacts] == ["Priya Raman"]
    (error,) = found.errors
    assert error.line == 3 and "quotes" in error.message


def test_a_file_without_the_header_is_refused():
    with pytest.raises(DigwellError, match="no header line") as err:
        read_connections("Name,Company\nPriya Raman,Acme\n", "people.csv")
    assert "First Name,Last Name,URL" in err.value.hint


@pytest.mark.parametrize(
    "text, day",
    [
        ("24 Aug 2023", date(2023, 8, 24)),
        ("1 feb 2019", date(2019, 2, 1)),
        ("03 January 2021", date(2021, 1, 3)),
        ("12-Sep-2022", date(2022, 9, 12)),
        ("2024-03-15", date(2024, 3, 15)),
        ("  ", None),
    ],
)
def test_connected_on_dates(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["24.08.2023", "Aug 24 2023", "24 Foo 2023", "0 Aug 2023"])
def test_dates_that_are_not_linkedins_are_errors(text):
    with pytest.raises(DigwellError, match="not a date like 24 Aug 2023"):
        parse_day(text)


# --- the export's .zip ---------------------------------------------------------------


def test_the_export_zip_gives_its_connections_csv(tmp_path):
    path = export_zip(tmp_path / "Basic_LinkedInDataExport_11-23-2026.zip")
    data = connections_in_zip(path, 20 * 1024 * 1024)
    assert data.decode("utf-8-sig") == CONNECTIONS


def test_connections_csv_is_found_at_any_depth_and_in_any_case(tmp_path):
    path = export_zip(tmp_path / "export.zip", member="Export/Basic/connections.CSV")
    assert b"Priya" in connections_in_zip(path, 10**6)


def test_a_zip_without_connections_is_refused(tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({"Profile.csv": b"x", "Connections/": b""}))
    with pytest.raises(DigwellError, match=r"holds no Connections\.csv"):
        connections_in_zip(path, 10**6)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "export.zip"
    path.write_text(CONNECTIONS)
    with pytest.raises(DigwellError, match="is not a zip file"):
        connections_in_zip(path, 10**6)


@pytest.mark.parametrize(
    "name", ["../Connections.csv", "/etc/Connections.csv", "C:\\Connections.csv", "a/../../b.csv"]
)
def test_a_zip_with_an_unsafe_member_name_is_refused(tmp_path, name):
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({"Connections.csv": CONNECTIONS.encode(), name: b"x"}))
    with pytest.raises(DigwellError, match="could point outside"):
        connections_in_zip(path, 10**6)


def test_member_names():
    assert safe_member_name("Connections.csv")
    assert safe_member_name("Export/Connections.csv")
    assert safe_member_name("a..b/Connections.csv")  # dots inside a name are fine
    for bad in ("", "..", "../x", "x/../../y", "/x", "\\x", "c:x", "x\\..\\y", "a\0b"):
        assert not safe_member_name(bad), bad


def test_a_member_declared_larger_than_the_limit_is_refused_unread(tmp_path):
    path = export_zip(tmp_path / "export.zip", text=CONNECTIONS * 20)
    with pytest.raises(DigwellError, match="larger than"):
        connections_in_zip(path, 1024)


def _lie_about_size(path, member: str, size: int) -> None:
    """Rewrite the sizes `member`'s zip headers declare (a zip bomb's trick)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def test_a_member_that_expands_beyond_what_it_declares_is_refused(tmp_path):
    # 300 KB of zeros compress to a few hundred bytes; the header says 100 bytes.
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({"Connections.csv": b"0" * 300_000}))
    _lie_about_size(path, "Connections.csv", 100)
    assert zipfile.ZipFile(path).getinfo("Connections.csv").file_size == 100
    with pytest.raises(DigwellError, match=r"Connections\.csv in export\.zip"):
        connections_in_zip(path, 1000)


def test_an_encrypted_member_is_refused(tmp_path):
    path = export_zip(tmp_path / "export.zip")
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4) + 4)
    data[at + 8] |= 0x1  # the central directory's "encrypted" flag of the third member
    path.write_bytes(bytes(data))
    with pytest.raises(DigwellError, match="encrypted"):
        connections_in_zip(path, 10**6)


def test_a_row_short_of_columns_is_named_by_its_line_not_imported():
    found = read_connections(
        connections(
            "Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical,Eng,1 Feb 2020", "bad,row"
        ),
        "Connections.csv",
    )
    assert [c.fields["name"] for c in found.contacts] == ["Ada Lovelace"]
    assert [(e.line, e.message) for e in found.errors] == [(6, "2 values for 7 columns.")]
