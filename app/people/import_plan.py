"""Matching the contacts of an import file to the user's people and to each other: the
plan of who is added, updated, merged or skipped, made before anything is written
(docs/PEOPLE_IMPORT.md). Pure: the service reads the file and the people, and writes the
plan in one transaction (app/people/import_write.py).

- A contact matches a person (archived ones too, so nobody comes back twice) by their
  normalised LinkedIn profile address; else by name and company, compared without case,
  accents or punctuation; else by name alone when exactly one person of that name fits
  and one of the two has no company. Two different LinkedIn addresses never match.
- Contacts of one file that match each other fold into the first ("merged"): its empty
  fields are filled from the later ones, and their "Connected On" days are joined.
- A matched person is "updated" only when something changes: an empty field filled, a
  new company or role from LinkedIn (they change with jobs; any other field the user
  filled is never overwritten, nor a name), or a `connected` touch on a day they do not
  have one yet. Otherwise the person is "skipped".
- A contact with a problem is listed in `errors` by its line and left out; the others
  are imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import NamedTuple

from app.i18n import _
from app.people.fields import clean_fields
from app.text.names import name_key
from app.types import Person

PREVIEW_LIMIT = 1000  # entries of each preview list (and of the errors) in a summary
JOB_FIELDS = ("company", "role")  # what a LinkedIn import may overwrite
_PROGRESS_EVERY = 2000

Progress = Callable[[int, int], None]  # (done, total)


class Contact(NamedTuple):
    """One person as an import file describes them."""

    line: int  # the file's line where the row or card starts
    fields: dict[str, str]  # checked by clean_fields: name, company, role, handles…
    connected: date | None = None  # LinkedIn's "Connected On"


class RowError(NamedTuple):
    line: int
    message: str


class Contacts(NamedTuple):
    """What a reader found in a file: "linkedin" or "vcard" contacts and bad rows."""

    source: str
    contacts: list[Contact]
    errors: list[RowError]


class NewPerson(NamedTuple):
    line: int
    fields: dict[str, str]
    connected: tuple[date, ...]  # days of `connected` touches to log


class PersonUpdate(NamedTuple):
    person_id: int
    name: str
    company: str  # as it will be
    fields: dict[str, str]  # only the fields that change
    connected: tuple[date, ...]  # `connected` touches the person does not have yet

    def changed(self) -> list[str]:
        return [*self.fields, *(["connected"] if self.connected else [])]


class Merge(NamedTuple):
    line: int
    name: str
    into: str  # the name of the person or earlier row it folded into


class ImportPlan(NamedTuple):
    """What an import will do (or did): nothing is written until the service applies it."""

    source: str  # "linkedin" or "vcard"
    rows: int  # contacts read, with the bad ones
    added: list[NewPerson]
    updated: list[PersonUpdate]
    skipped: int
    merged: list[Merge]
    errors: list[RowError]

    def touches(self) -> int:
        return sum(len(p.connected) for p in self.added) + sum(
            len(u.connected) for u in self.updated
        )

    def summary(self, limit: int = PREVIEW_LIMIT) -> dict[str, object]:
        """The counts, the first `limit` errors and a preview of each list (the JSON of
        `digwell people import`)."""
        return {
            "source": self.source,
            "rows": self.rows,
            "added": len(self.added),
            "updated": len(self.updated),
            "skipped": self.skipped,
            "merged": len(self.merged),
            "touches": self.touches(),
            "errors": [{"line": e.line, "message": e.message} for e in self.errors[:limit]],
            "errors_total": len(self.errors),
            "preview": {
                "added": [
                    {"name": p.fields["name"], "company": p.fields.get("company", "")}
                    for p in self.added[:limit]
                ],
                "updated": [
                    {"name": u.name, "company": u.company, "fields": u.changed()}
                    for u in self.updated[:limit]
                ],
                "merged": [
                    {"name": m.name, "into": m.into, "line": m.line} for m in self.merged[:limit]
                ],
            },
        }


def contact_from(line: int, raw: Mapping[str, str], connected: date | None = None) -> Contact:
    """A contact from a reader's raw fields (empty ones left out), checked as a form
    checks them; a DigwellError says what is wrong."""
    fields = clean_fields({k: v for k, v in raw.items() if v.strip()})
    return Contact(line, {k: str(v) for k, v in fields.items()}, connected)


# --- matching ----------------------------------------------------------------------


class _Entry:
    """A person or a new contact while the plan is made, with what the file said of
    them so far."""

    __slots__ = ("connected", "fields", "hit", "line", "person")

    def __init__(self, person: Person | None, fields: dict[str, str], line: int) -> None:
        self.person = person
        self.fields = fields  # the file's fields, merged over its rows
        self.connected: set[date] = set()
        self.line = line
        self.hit = False  # a row of this file matched it already

    def value(self, field: str) -> str:
        text = self.fields.get(field, "")
        if text or self.person is None:
            return text
        return str(getattr(self.person, field))

    @property
    def name(self) -> str:
        return self.person.name if self.person is not None else self.fields["name"]


class _Index:
    """Entries by LinkedIn address, by (name, company), by name, and by name among
    those without a LinkedIn address."""

    def __init__(self) -> None:
        self.by_url: dict[str, _Entry] = {}
        self.by_name_company: dict[tuple[str, str], list[_Entry]] = {}
        self.by_name: dict[str, list[_Entry]] = {}
        self.by_name_bare: dict[str, list[_Entry]] = {}

    def add(self, entry: _Entry) -> None:
        url = entry.value("linkedin")
        if url:
            self.by_url.setdefault(url, entry)
        name = name_key(entry.name)
        tables = [
            self.by_name_company.setdefault((name, name_key(entry.value("company"))), []),
            self.by_name.setdefault(name, []),
        ]
        if not url:
            tables.append(self.by_name_bare.setdefault(name, []))
        for listed in tables:
            if entry not in listed:
                listed.append(entry)

    def find(self, fields: Mapping[str, str]) -> _Entry | None:
        url = fields.get("linkedin", "")
        if url and url in self.by_url:
            return self.by_url[url]
        name, company = name_key(fields["name"]), name_key(fields.get("company", ""))
        for entry in self.by_name_company.get((name, company), []):
            if not _conflict(entry, url):
                return entry
        # By name alone: one of the two has no company, and exactly one person fits.
        if company:
            pool = self.by_name_company.get((name, ""), [])
        else:
            pool = (self.by_name_bare if url else self.by_name).get(name, [])
        fits: list[_Entry] = []
        for entry in pool:
            if _conflict(entry, url) or (company and name_key(entry.value("company"))):
                continue
            fits.append(entry)
            if len(fits) > 1:
                return None
        return fits[0] if fits else None


def _conflict(entry: _Entry, url: str) -> bool:
    """Two different LinkedIn profiles: two different people, whatever their names."""
    theirs = entry.value("linkedin")
    return bool(url and theirs and theirs != url)


def plan_import(
    found: Contacts,
    people: Iterable[Person],
    connected_days: set[tuple[int, date]],
    today: date,
    on_progress: Progress | None = None,
) -> ImportPlan:
    """The plan for `found` against `people` (everyone, archived too), where
    `connected_days` holds (person id, day) of their `connected` touches."""
    index = _Index()
    for person in people:
        index.add(_Entry(person, {}, 0))
    errors = list(found.errors)
    merged: list[Merge] = []
    hits: list[_Entry] = []  # in the file's order
    total = len(found.contacts) + len(found.errors)
    for done, contact in enumerate(found.contacts, 1):
        if on_progress is not None and done % _PROGRESS_EVERY == 0:
            on_progress(done, total)
        if contact.connected is not None and contact.connected > today:
            day = contact.connected.isoformat()
            errors.append(
                RowError(
                    contact.line, _("“Connected On” ({day}) is in the future.").format(day=day)
                )
            )
            continue
        entry = index.find(contact.fields)
        if entry is None:
            entry = _Entry(None, {}, contact.line)
        if entry.hit:
            merged.append(Merge(contact.line, contact.fields["name"], entry.name))
        else:
            entry.hit = True
            hits.append(entry)
        for field, value in contact.fields.items():
            entry.fields.setdefault(field, value)  # the first row's value wins
        if contact.connected is not None:
            entry.connected.add(contact.connected)
        index.add(entry)  # under the keys it may have gained
    added, updated, skipped = _outcomes(hits, connected_days, found.source == "linkedin")
    errors.sort()
    return ImportPlan(found.source, total, added, updated, skipped, merged, errors)


def _outcomes(
    hits: list[_Entry], connected_days: set[tuple[int, date]], jobs: bool
) -> tuple[list[NewPerson], list[PersonUpdate], int]:
    added: list[NewPerson] = []
    updated: list[PersonUpdate] = []
    skipped = 0
    for entry in hits:
        person = entry.person
        if person is None:
            added.append(NewPerson(entry.line, entry.fields, tuple(sorted(entry.connected))))
            continue
        fields = _changes(person, entry.fields, jobs)
        days = tuple(sorted(d for d in entry.connected if (person.id, d) not in connected_days))
        if fields or days:
            company = fields.get("company", person.company)
            updated.append(PersonUpdate(person.id, person.name, company, fields, days))
        else:
            skipped += 1
    return added, updated, skipped


def _changes(person: Person, incoming: Mapping[str, str], jobs: bool) -> dict[str, str]:
    """The fields of `person` the file changes: empty ones it fills, and the company
    and role when `jobs` (a LinkedIn import)."""
    out: dict[str, str] = {}
    for field, value in incoming.items():
        if field == "name" or not value:
            continue
        old = str(getattr(person, field))
        if old != value and (not old or (jobs and field in JOB_FIELDS)):
            out[field] = value
    return out
