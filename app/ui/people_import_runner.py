"""Runs `digwell people import FILE --json-progress` in its own process and follows its
progress: reading and matching 30,000 LinkedIn connections is seconds of Python, which
in the window's process would stall it (docs/PEOPLE.md, "Import")."""

from __future__ import annotations

from pathlib import Path

from app.ui.import_runner import ImportRunner


class PeopleImportRunner(ImportRunner):
    """`digwell people import`; its result has added, updated, skipped, merged, errors
    and preview. `keep_emails`: keep the e-mail addresses (left out unless asked)."""

    def arguments(self, path: Path, *, dry_run: bool, **options: bool) -> list[str]:
        args = ["people", "import", str(path), *["--dry-run"] * dry_run, "--json-progress"]
        return args + ["--keep-emails"] * options.get("keep_emails", False)
