"""`digwell strategy ...`: show the career strategy, export it to a file, import it back."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DigwellError
from app.planner import Planner
from app.types import Profile

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands
    from app.strategy.document import ThemeChanges
    from app.strategy.strategy import Strategy


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    strategy = commands.add_parser(
        "strategy", help="show, export or import your career strategy", parents=[common]
    )
    sub = strategy.add_subparsers(dest="strategy_command", metavar="COMMAND", required=True)

    show = sub.add_parser("show", parents=[common], help="print the strategy")
    show.add_argument(
        "--json", action="store_true", help="print it as a strategy file (as export writes)"
    )
    show.set_defaults(run=_show)

    imp = sub.add_parser(
        "import",
        parents=[common],
        help="replace the strategy with a strategy file's",
        description="Read FILE (as `strategy export` writes it), check it and save it. "
        "Themes are matched to yours by name, so the feeds filed under them stay; your "
        "themes missing from the file are removed. Items are then ranked again.",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(run=_import)

    exp = sub.add_parser("export", parents=[common], help="write the strategy to a JSON file")
    exp.add_argument("file", type=Path, metavar="FILE")
    exp.set_defaults(run=_export)


def _show(planner: Planner, args: argparse.Namespace) -> int:
    from app.strategy.document import strategy_to_json

    strategy = planner.strategy.load()
    if args.json:
        print(strategy_to_json(strategy), end="")
        return 0
    for line in summary(strategy):
        print(line)
    version = planner.strategy.version()
    print(f"Strategy version {version}." if version else "Not saved yet: these are the defaults.")
    return 0


def summary(strategy: Strategy) -> list[str]:
    """The strategy as lines of text for people."""
    from app.strategy.strategy import MIX_LABELS

    p = strategy.profile
    lines = [f"{p.name or '(no name)'}" + (f", {p.role}" if p.role else "")]
    lines.append(f"Goal: {p.goal or '(none yet)'}")
    lines.append(f"Audience: {p.audience or '(none yet)'}")
    lines.append(f"Weekly target: {_plural(strategy.weekly_target, 'post')}")
    mix = ", ".join(f"{value}% {MIX_LABELS[key]}" for key, value in strategy.mix._asdict().items())
    lines.append(f"Content mix: {mix}")
    lines.append(f"Freshness half-life: {_plural(strategy.half_life_days, 'day')}")
    if not strategy.themes:
        lines.append("No themes yet. Import a strategy file, or set it up in the window.")
    else:
        lines.append(f"Themes ({len(strategy.themes)}):")
    for n, t in enumerate(strategy.themes, 1):
        lines.append(f"  {n}. {t.name}  {t.color}")
        lines.append(f"     keywords: {_listing(t.keywords)}")
        if t.excluded:
            lines.append(f"     excluded: {_listing(t.excluded)}")
        if t.hashtags:
            lines.append(f"     hashtags: {' '.join(t.hashtags)}")
    return lines


def _listing(words: tuple[str, ...]) -> str:
    # Phrases in quotes, so "a, b" reads as two keywords and "a b" as one phrase.
    return ", ".join(f"“{w}”" if " " in w else w for w in words) or "(none)"


def _plural(value: float, unit: str) -> str:
    return f"{value:g} {unit}" + ("" if value == 1 else "s")


def _import(planner: Planner, args: argparse.Namespace) -> int:
    from app.strategy.document import match_themes, strategy_from_json

    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise DigwellError(f"There is no file {path}.", "Check the name and folder.") from err
    except UnicodeDecodeError as err:
        raise DigwellError(
            f"{path.name} is not a text file in UTF-8.", "Import a file `strategy export` wrote."
        ) from err
    except OSError as err:
        raise DigwellError(f"{path} cannot be read ({err.strerror}).", "") from err
    current = planner.strategy.load()
    imported, changes = match_themes(strategy_from_json(text, path.name), current)
    if imported == current:
        print(f"Your strategy is already as in {path}: nothing changed.")
        return 0
    version = planner.strategy.save(imported)
    print(f"Imported the strategy from {path} (version {version}).")
    for line in _changes(current, imported, changes):
        print(f"  {line}")
    rescored = planner.inbox.rescore()
    print(f"Ranked {_plural(rescored, 'item')} again.")
    return 0


def _changes(before: Strategy, after: Strategy, themes: ThemeChanges) -> list[str]:
    from app.strategy.strategy import MIX_LABELS

    lines = [f"theme added: {name}" for name in themes.added]
    lines += [f"theme renamed: {old} → {new}" for old, new in themes.renamed]
    lines += [f"theme removed: {name} (its feeds stay subscribed)" for name in themes.removed]
    lines += [f"theme changed: {name}" for name in themes.changed]
    kept = [t.id for t in after.themes if t.id]
    if [t.id for t in before.themes if t.id in kept] != kept:
        lines.append("themes reordered")
    pairs = zip(Profile._fields, before.profile, after.profile, strict=True)
    fields = [key for key, old, new in pairs if old != new]
    if fields:
        lines.append(f"profile changed: {', '.join(fields)}")
    if before.weekly_target != after.weekly_target:
        lines.append(f"weekly target: {before.weekly_target} → {after.weekly_target} posts")
    if before.mix != after.mix:
        parts = ", ".join(f"{v}% {MIX_LABELS[k]}" for k, v in after.mix._asdict().items())
        lines.append(f"content mix: {parts}")
    if before.half_life_days != after.half_life_days:
        lines.append(
            f"freshness half-life: {before.half_life_days:g} → {after.half_life_days:g} days"
        )
    return lines


def _export(planner: Planner, args: argparse.Namespace) -> int:
    from app.strategy.document import strategy_to_json

    strategy = planner.strategy.load()
    write_atomically(args.file, strategy_to_json(strategy))
    print(f"Wrote your strategy ({_plural(len(strategy.themes), 'theme')}) to {args.file}.")
    return 0


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` all at once: a reader, or a crash, never sees half."""
    import tempfile

    path = path.expanduser()
    tmp_name = ""
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except OSError as err:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise DigwellError(
            f"{path} cannot be written ({err.strerror}).",
            "Check that its folder exists, that it is not a folder, and that you may write there.",
        ) from err
