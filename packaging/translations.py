"""The translation catalogues (docs/TRANSLATION.md): extract, update, compile, check.

    python packaging/translations.py extract   # app/ → resources/locale/digwell.pot
    python packaging/translations.py update    # the .pot → each language's .po, keeping
                                               # translations; new messages come untranslated
    python packaging/translations.py compile   # each .po → its .mo, which the app loads
    python packaging/translations.py check     # exit 1 if a message is untranslated, a
                                               # placeholder differs, or a .mo is stale

The .pot and the .mo files are committed, so an installed Digwell needs no build step;
tests/i18n/test_catalogues.py runs `check`'s checks.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "digwell.pot"
DOMAIN = "digwell"
LANGUAGES = ("de",)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sdr]")  # argparse's messages keep their %-fields
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?:[:!][^{}]*)?\}")


HEADER = """\
# Digwell's messages{language}.
# This file is distributed under the same licence as Digwell (see LICENSE).
#"""


def new_catalog(language: str | None = None) -> Catalog:
    from app import __version__

    return Catalog(
        locale=language,
        domain=DOMAIN,
        header_comment=HEADER.format(language=f", in {language}" if language else ""),
        project="Digwell",
        version=__version__,
        copyright_holder="The Digwell developers",
        msgid_bugs_address="https://github.com/digwell/digwell/issues",
        last_translator="The Digwell developers",
        language_team=f"{language} <https://github.com/digwell/digwell>" if language else "",
        charset="utf-8",
        fuzzy=False,
    )


def extract() -> Catalog:
    """Every message of app/, with its places and translator comments."""
    catalog = new_catalog()
    found = extract_from_dir(
        ROOT / "app",
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            None,
            [(f"app/{Path(filename).as_posix()}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
    # No creation date: a re-run that changes nothing leaves the file as it was.
    text = re.sub(rb'"POT-Creation-Date: [^"]*"\n', b"", buffer.getvalue())
    text = re.sub(rb'"PO-Revision-Date: [^"]*"\n', b"", text)
    path.write_bytes(text)


def update(template: Catalog, language: str, extra: Iterable[Catalog] = ()) -> Catalog:
    """The language's catalogue with the template's messages: its own translations kept,
    `extra` catalogues (translators' fragments) filling what it lacks, nothing guessed."""
    path = po_path(language)
    old = read(path, language) if path.exists() else new_catalog(language)
    known: dict[tuple[object, str | None], object] = {}
    for source in (*extra, old):  # the catalogue's own translation wins
        for message in source:
            if message.id and message.string and not message.fuzzy:
                known[(message.id, message.context)] = message.string
    new = new_catalog(language)
    for message in template:
        if not message.id:
            continue
        new[message.id] = Message(
            message.id,
            known.get((message.id, message.context), "" if isinstance(message.id, str) else ("",)),
            locations=message.locations,
            auto_comments=message.auto_comments,
            context=message.context,
        )
    return new


def problems(template: Catalog, catalog: Catalog) -> Iterator[str]:
    """What keeps the catalogue from being complete and safe to format."""
    for message in template:
        if not message.id:
            continue
        own = catalog.get(message.id, message.context)
        where = ", ".join(f"{f}:{n}" for f, n in message.locations[:2])
        if own is None or not _complete(own):
            yield f"untranslated: {message.id!r} ({where})"
            continue
        sources = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        targets = own.string if isinstance(own.string, (list, tuple)) else (own.string,)
        wanted = set().union(*(PLACEHOLDER.findall(s) for s in sources))
        for target in targets:
            if set(PLACEHOLDER.findall(target)) - wanted:
                yield f"unknown placeholder in {target!r} ({where})"
            if len(sources) == 1 and set(PLACEHOLDER.findall(target)) != wanted:
                yield f"placeholders differ: {message.id!r} → {target!r} ({where})"
            if sorted(PERCENT.findall(target)) != sorted(PERCENT.findall(sources[-1])):
                yield f"%-fields differ: {message.id!r} → {target!r} ({where})"
            if sources[0].count("&") and sources[0].count("&") != target.count("&"):
                yield f"accelerator lost: {message.id!r} → {target!r} ({where})"


def _complete(message: Message) -> bool:
    if message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return bool(strings) and all(strings)


def mo_bytes(catalog: Catalog) -> bytes:
    # The .po keeps no dates, so reading it dates the catalogue "now": fix them, so the same
    # .po always compiles to the same .mo (the test compares them).
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    template = extract()
    if command == "extract":
        write(template, TEMPLATE)
        print(f"{len(template)} messages → {TEMPLATE.relative_to(ROOT)}")
        return 0
    if command == "update":
        # Further arguments: catalogues (a translator's file) to take missing translations from.
        for language in LANGUAGES:
            extra = [read(Path(p), language) for p in argv[1:]]
            catalog = update(template, language, extra)
            write(catalog, po_path(language))
            missing = sum(1 for _p in problems(template, catalog))
            print(f"{language}: {len(catalog)} messages, {missing} problems")
        return 0
    if command == "compile":
        for language in LANGUAGES:
            mo_path(language).write_bytes(mo_bytes(read(po_path(language), language)))
            print(f"{language}: {mo_path(language).relative_to(ROOT)}")
        return 0
    if command == "check":
        failed = False
        for language in LANGUAGES:
            catalog = read(po_path(language), language)
            for problem in problems(template, catalog):
                print(f"{language}: {problem}")
                failed = True
            if mo_path(language).read_bytes() != mo_bytes(catalog):
                print(f"{language}: {mo_path(language).name} is stale: run compile")
                failed = True
        return 1 if failed else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
