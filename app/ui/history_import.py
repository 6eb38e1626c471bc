"""File › Import history…: the user's own posts from a LinkedIn export (.zip or
Shares.csv), an X archive (.zip), a Mastodon archive (.zip or outbox.json) or a Bluesky
repository (.car). A dry run in a child process reads the file, the preview shows what
it holds and the score and streak it would give, and Import runs the same command for
real; then the Cadence page, the sidebar's card and the posts log read again
(docs/HISTORY.md; the flow's steps are app/ui/import_flow.py's)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import N_, _, formats, ngettext
from app.ui.history_import_runner import HistoryImportRunner
from app.ui.import_flow import ImportFlow

if TYPE_CHECKING:
    from app.ui.dialogs.history_preview_dialog import HistoryPreviewDialog

# Translators: file dialog filters: translate the names, keep the patterns in brackets.
FILE_FILTER = N_(
    "Platform exports (*.zip *.csv *.json *.car);;"
    "LinkedIn export or Shares.csv (*.zip *.csv);;X archive (*.zip);;"
    "Mastodon archive or outbox.json (*.zip *.json);;Bluesky repository (*.car);;"
    "All files (*)"
)


class HistoryImport(ImportFlow):
    """`digwell import FILE`, previewed by HistoryPreviewDialog."""

    TITLE = N_("Import history")
    FILE_FILTER = FILE_FILTER
    NOTHING_WRITTEN = N_("Nothing was written: your posts log is as it was.")

    def make_runner(
        self, data_dir: Path, command: tuple[str, list[str]] | None
    ) -> HistoryImportRunner:
        return HistoryImportRunner(data_dir, self, command=command)

    def make_preview(self, file_name: str, result: dict) -> HistoryPreviewDialog:
        from app.ui.dialogs.history_preview_dialog import HistoryPreviewDialog

        return HistoryPreviewDialog(file_name, result, self._parent)

    def changed_elsewhere(self) -> None:
        self._planner.history.changed_elsewhere()

    def imported_text(self, result: dict) -> str:
        return imported_text(result)


def imported_text(result: dict) -> str:
    """'Imported 1,234 posts from your X archive (2016–2026).' with what came along and
    what was left out."""
    from app.ui.dialogs.history_preview_dialog import years

    def count(key: str) -> int:
        value = result.get(key, 0)
        return value if isinstance(value, int) else 0

    posts, skipped = count("posts_added"), count("posts_skipped")
    text = _imported_posts(str(result.get("platform", "")), posts)
    span = years(result)
    text += f" ({span})" if span and posts else ""
    also = []
    if count("engagement_added"):
        n = count("engagement_added")
        also.append(
            ngettext("{count} comment or reply", "{count} comments and replies", n).format(
                count=formats.number(n)
            )
        )
    if count("people_added"):
        n = count("people_added")
        also.append(ngettext("{count} person", "{count} people", n).format(count=formats.number(n)))
    if len(also) == 2:
        # Translators: joins "512 comments and replies" and "230 people".
        also = [_("{first} and {second}").format(first=also[0], second=also[1])]
    # Translators: follows "Imported 12 posts from your X archive (2016–2026)".
    text += _(", with {what}.").format(what=also[0]) if also else "."
    if skipped:
        text += " " + ngettext(
            "{count} was already in your log.", "{count} were already in your log.", skipped
        ).format(count=formats.number(skipped))
    errors = len(result.get("errors") or [])
    if errors:
        text += " " + ngettext(
            "{count} entry could not be read.", "{count} entries could not be read.", errors
        ).format(count=formats.number(errors))
    return text


def _imported_posts(platform: str, posts: int) -> str:
    """'Imported 1,234 posts from your X archive' (no full stop: a span may follow)."""
    if platform == "linkedin":
        text = ngettext(
            "Imported {count} post from your LinkedIn export",
            "Imported {count} posts from your LinkedIn export",
            posts,
        )
    elif platform == "x":
        text = ngettext(
            "Imported {count} post from your X archive",
            "Imported {count} posts from your X archive",
            posts,
        )
    elif platform == "mastodon":
        text = ngettext(
            "Imported {count} post from your Mastodon archive",
            "Imported {count} posts from your Mastodon archive",
            posts,
        )
    elif platform == "bluesky":
        text = ngettext(
            "Imported {count} post from your Bluesky repository",
            "Imported {count} posts from your Bluesky repository",
            posts,
        )
    else:
        text = ngettext(
            "Imported {count} post from your file", "Imported {count} posts from your file", posts
        )
    return text.format(count=formats.number(posts))


def import_history(window: Any, path: Path | None = None) -> HistoryImport:
    """File › Import history…: the window's one history import (made on first use),
    wired to its status bar and error dialogs, started."""
    flow = window.findChild(HistoryImport)
    if flow is None:
        # The window's stand-in for `digwell` in child processes (tests), if any.
        flow = HistoryImport(window.planner, window, command=getattr(window, "_command", None))
        flow.message.connect(window.messages.info)
        flow.failed.connect(window.messages.error)
    flow.start(path)
    return flow
