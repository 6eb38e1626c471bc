"""Made-up import files for the import tests: a Connections.csv as LinkedIn writes it,
the export's .zip, and vCard files as phones and mail programs write them. Every name,
address and handle here is invented."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

LINKEDIN_NOTES = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have "
    "allowed their connections to see or download their email address using this setting "
    'https://www.linkedin.com/psettings/privacy/email."\r\n'
    "\r\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
# Line 4 is the header; Priya is on line 5, Sam on 6, a blank row on 7, José on 8,
# Mei on 9.
CONNECTIONS = (
    LINKEDIN_NOTES + HEADER + "Priya,Raman,https://www.linkedin.com/in/priya-raman,,Acme Robotics,"
    '"Staff Engineer, Platform",24 Aug 2023\r\n'
    "Sam,Lee,https://www.linkedin.com/in/samlee,sam@example.com,Globex,Designer,03 Jan 2021\r\n"
    ",,,,,,\r\n"
    'José,García,https://de.linkedin.com/in/jose-garcia/,,"Initech, GmbH",CTO,1 Feb 2019\r\n'
    "Mei,Chen,https://www.linkedin.com/in/mei-chen,,,,15 Mar 2024\r\n"
)


def connections(*rows: str, notes: str = LINKEDIN_NOTES, header: str = HEADER) -> str:
    """A Connections.csv's text with these rows (each ending in CRLF)."""
    return notes + header + "".join(r + "\r\n" for r in rows)


def write(path: Path, text: str, bom: bool = True) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def export_zip(path: Path, text: str = CONNECTIONS, member: str = "Connections.csv") -> Path:
    """LinkedIn's export: several files, Connections.csv among them."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\r\nAda,Lovelace\r\n")
        archive.writestr("Invitations.csv", "From,To,Sent At\r\n")
        archive.writestr(member, "\ufeff" + text)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


# An iPhone-style vCard 3 and a vCard 4 from a mail program, CRLF as the standard says.
VCARD_3 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Raman;Priya;;;\r\n"
    "FN:Priya Raman\r\n"
    "ORG:Acme Robotics;Platform\r\n"
    "TITLE:Staff Engineer\r\n"
    "EMAIL;type=INTERNET;type=WORK:priya@example.com\r\n"
    "URL;type=pref:https://www.linkedin.com/in/priya-raman/\r\n"
    "URL:https://priya.dev\r\n"
    "X-SOCIALPROFILE;type=twitter;x-user=priyar:http://twitter.com/priyar\r\n"
    "X-SOCIALPROFILE;type=mastodon:https://hachyderm.io/@priya\r\n"
    "NOTE:Met at the platform meetup\\, Berlin.\\nGave a great talk on\r\n"
    "  build caches.\r\n"
    "END:VCARD\r\n"
)
VCARD_4 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Sam Lee\r\n"
    "N:Lee;Sam;;;\r\n"
    "ORG:Globex\r\n"
    "TITLE:Designer\r\n"
    "EMAIL;TYPE=home:sam@example.org\r\n"
    "IMPP:twitter:samlee\r\n"
    "X-SOCIALPROFILE;TYPE=bluesky:samlee.bsky.social\r\n"
    "X-SOCIALPROFILE;TYPE=threads:https://www.threads.net/@sam.lee\r\n"
    "END:VCARD\r\n"
)
