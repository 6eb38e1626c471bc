"""Reading vCard files, versions 3 and 4 (app/people/vcard.py, docs/PEOPLE_IMPORT.md):
names, companies, roles, profiles and handles, notes; several cards a file, folded lines,
and a malformed card named by its line while the others are still read."""

from __future__ import annotations

from app.people.vcard import read_vcards, split_cards
from tests.people.import_files import VCARD_3, VCARD_4


def _one(text: str, keep_emails: bool = False):
    found = read_vcards(text, keep_emails)
    assert found.errors == []
    (contact,) = found.contacts
    return contact


def test_a_vcard_3_from_a_phone():
    priya = _one(VCARD_3)
    assert priya.line == 1 and priya.connected is None
    assert priya.fields == {
        "name": "Priya Raman",
        "company": "Acme Robotics",  # ORG's first part
        "role": "Staff Engineer",
        "linkedin": "https://www.linkedin.com/in/priya-raman",
        "website": "https://priya.dev",
        "x": "@priyar",
        "mastodon": "@priya@hachyderm.io",
        # Escaped comma and newline, and the folded line joined.
        "notes": "Met at the platform meetup, Berlin.\nGave a great talk on build caches.",
    }


def test_a_vcard_4_with_handles_in_impp_and_social_profiles():
    sam = _one(VCARD_4)
    assert sam.fields == {
        "name": "Sam Lee",
        "company": "Globex",
        "role": "Designer",
        "x": "@samlee",
        "bluesky": "samlee.bsky.social",
        "threads": "@sam.lee",
    }


def test_emails_are_kept_only_when_asked():
    assert "email" not in _one(VCARD_3).fields
    assert _one(VCARD_3, keep_emails=True).fields["email"] == "priya@example.com"


def test_several_cards_in_one_file_each_with_its_line():
    found = read_vcards(VCARD_3 + "\r\n" + VCARD_4)
    assert [(c.line, c.fields["name"]) for c in found.contacts] == [
        (1, "Priya Raman"),
        (16, "Sam Lee"),  # after VCARD_3's 14 lines and a blank one
    ]


def test_a_malformed_card_is_named_by_its_line_and_the_others_are_read():
    broken = "BEGIN:VCARD\nVERSION:3.0\nFN:Broken Card\nTHIS LINE HAS NO COLON\nEND:VCARD\n"
    text = VCARD_3 + broken + VCARD_4.replace("\r\n", "\n")
    found = read_vcards(text)
    assert [c.fields["name"] for c in found.contacts] == ["Priya Raman", "Sam Lee"]
    (error,) = found.errors
    assert error.line == 18  # the bad line itself: the card starts on 15
    assert "THIS LINE HAS NO COLON" in error.message


def test_a_card_without_an_end_or_a_name_is_an_error():
    nameless = "BEGIN:VCARD\nVERSION:3.0\nORG:Nobody Inc.\nEND:VCARD\n"
    unended = "BEGIN:VCARD\nVERSION:4.0\nFN:Half a card\n"
    found = read_vcards(VCARD_4 + nameless + unended)
    assert [c.fields["name"] for c in found.contacts] == ["Sam Lee"]
    assert [(e.line, e.message) for e in found.errors] == [
        (12, "This card has no name (FN or N)."),
        (16, "This card has no END:VCARD line."),
    ]


def test_the_name_comes_from_n_when_there_is_no_fn():
    card = "BEGIN:VCARD\nVERSION:3.0\nN:García;José;Luis;Dr.;\nEND:VCARD\n"
    assert _one(card).fields["name"] == "Dr. José Luis García"


def test_a_long_folded_name_and_title():
    card = (
        # Unfolding takes the line break and one space or tab: the second one stays.
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\n  Ito\r\nTITLE:Head of\r\n\t Design\r\n"
        "END:VCARD\r\n"
    )
    assert _one(card).fields == {"name": "Ana Ito", "role": "Head of Design"}


def test_unreadable_handles_are_left_out_not_the_person():
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Omar Haddad\n"
        "X-SOCIALPROFILE;type=twitter:not a handle!\n"
        "IMPP:xmpp:omar@jabber.example\n"  # a chat address, not a profile
        "URL:https://www.linkedin.com/company/globex\n"  # a company page, not a person
        "URL:https://www.linkedin.com/in/omar-haddad\n"
        "URL:ftp://files.example\n"
        "X-TWITTER:omarh\n"
        "END:VCARD\n"
    )
    assert _one(card).fields == {
        "name": "Omar Haddad",
        "linkedin": "https://www.linkedin.com/in/omar-haddad",
        "x": "@omarh",
    }


def test_a_profile_url_becomes_a_handle_and_other_urls_the_website():
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Mei Chen\n"
        "URL:https://x.com/meichen\nURL:https://bsky.app/profile/mei.bsky.social\n"
        "URL:https://mei.example/blog\nURL:https://second.example\nEND:VCARD\n"
    )
    assert _one(card).fields == {
        "name": "Mei Chen",
        "x": "@meichen",
        "bluesky": "mei.bsky.social",
        "website": "https://mei.example/blog",
    }


def test_a_too_long_field_is_an_error_for_its_card():
    card = f"BEGIN:VCARD\nVERSION:3.0\nFN:Li Wu\nORG:{'x' * 400}\nEND:VCARD\n"
    found = read_vcards(card)
    assert found.contacts == []
    assert found.errors[0].line == 1 and "too long" in found.errors[0].message


def test_cards_are_cut_out_by_their_begin_and_end_lines():
    text = "junk before\nBEGIN:VCARD\nFN:A\nEND:VCARD\nbetween\nbegin:vcard\nFN:B\nend:vcard\n"
    assert [(line, len(lines or [])) for line, lines in split_cards(text)] == [(2, 3), (6, 3)]


def test_grouped_properties_as_apple_writes_them_and_a_folded_begin_inside_a_note():
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ito\r\n"
        "item1.URL;type=pref:https://www.linkedin.com/in/ana-ito\r\n"
        "item1.X-ABLabel:_$!<HomePage>!$_\r\n"
        "item2.X-SOCIALPROFILE;type=twitter:x.com/anaito\r\n"
        "NOTE:see\r\n BEGIN:VCARD\r\n"  # folded text, not a card
        "END:VCARD\r\n"
    )
    assert _one(card).fields == {
        "name": "Ana Ito",
        "linkedin": "https://www.linkedin.com/in/ana-ito",
        "x": "@anaito",
        "notes": "seeBEGIN:VCARD",
    }
