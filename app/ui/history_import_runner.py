"""Runs `digwell import FILE --json-progress` in its own process: reading a ten-year X
archive (50,000 tweets, 60 MB of JavaScript) is seconds of work, which in the window's
process would stall it (docs/HISTORY.md)."""

from __future__ import annotations

from pathlib import Path

from app.ui.import_runner import ImportRunner


class HistoryImportRunner(ImportRunner):
    """`digwell import`, the platform told from the file; its result has platform,
    posts_added, posts_skipped, engagement_added, people_added, first, last, errors and
    preview (what the file holds, the score and streak it would give)."""

    def arguments(self, path: Path, *, dry_run: bool, **options: bool) -> list[str]:
        return ["import", str(path), *["--dry-run"] * dry_run, "--json-progress"]
