"""`digwell strategy ...`: show the career strategy, export it to a file, import it back."""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DigwellError
from app.i18n import _, formats, ngettext
from app.planner import Planner
from app.types import Profile

if TYPE_CHECKING:
    from app.commands.arguments import Subcommands
    from app.strategy.document import ThemeChanges
    from app.strategy.strategy import Strategy


def add_parsers(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    strategy = commands.add_parser(
        "strategy", help=_("show, export or import your career strategy"), parents=[common]
    )
    sub = strategy.add_subparsers(dest="strategy_command", metavar="COMMAND", required=True)

    show = sub.add_parser("show", parents=[common], help=_("print the strategy"))
    show.add_argument(
        "--json", action="store_true", help=_("print it as a strategy file (as export writes)")
    )
    show.set_defaults(run=_show)

    imp = sub.add_parser(
        "import",
        parents=[common],
        help=_("replace the strategy with a strategy file's"),
        description=_(
            "Read FILE (as `strategy export` writes it), check it and save it. "
            "Themes are matched to yours by name, so the feeds filed under them stay; your "
            "themes missing from the file are removed. Items are then ranked again."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(run=_import)

    exp = sub.add_parser("export", parents=[common], help=_("write the strategy to a JSON file"))
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
    if version:
        print(_("Strategy version {version}.").format(version=version))
    else:
        print(_("Not saved yet: these are the defaults."))
    return 0


def summary(strategy: Strategy) -> list[str]:
    """The strategy as lines of text for people."""
    p = strategy.profile
    name = p.name or _("(no name)")
    # Translators: a person's name and their role, "Alex Morgan, Platform engineer".
    lines = [_("{name}, {role}").format(name=name, role=p.role) if p.role else name]
    lines.append(_("Goal: {goal}").format(goal=p.goal or _("(none yet)")))
    lines.append(_("Audience: {audience}").format(audience=p.audience or _("(none yet)")))
    target = strategy.weekly_target
    lines.append(
        ngettext("Weekly target: {count} post", "Weekly target: {count} posts", target).format(
            count=formats.number(target)
        )
    )
    lines.append(_("Content mix: {mix}").format(mix=_mix(strategy)))
    days = strategy.half_life_days
    lines.append(
        ngettext(
            "Freshness half-life: {count} day", "Freshness half-life: {count} days", _n(days)
        ).format(count=_amount(days))
    )
    if not strategy.themes:
        lines.append(_("No themes yet. Import a strategy file, or set it up in the window."))
    else:
        lines.append(_("Themes ({count}):").format(count=len(strategy.themes)))
    for n, t in enumerate(strategy.themes, 1):
        lines.append(f"  {n}. {t.name}  {t.color}")
        lines.append("     " + _("keywords: {words}").format(words=_listing(t.keywords)))
        if t.excluded:
            lines.append("     " + _("excluded: {words}").format(words=_listing(t.excluded)))
        if t.hashtags:
            lines.append("     " + _("hashtags: {tags}").format(tags=" ".join(t.hashtags)))
    return lines


def _mix(strategy: Strategy) -> str:
    """ "40% sharing others' work, 40% original thoughts, 20% crediting or helping people"."""
    from app.strategy.strategy import MIX_LABELS

    return ", ".join(
        # Translators: {percent} is "40%"; {share} what it is of, "original thoughts".
        _("{percent} {share}").format(percent=formats.percent(value), share=_(MIX_LABELS[key]))
        for key, value in strategy.mix._asdict().items()
    )


def _listing(words: tuple[str, ...]) -> str:
    # Phrases in quotes, so "a, b" reads as two keywords and "a b" as one phrase.
    return ", ".join(f"“{w}”" if " " in w else w for w in words) or _("(none)")


def _amount(value: float) -> str:
    """A count of days, "7" or "3.5" (German "3,5")."""
    return formats.number(value, 0 if value == int(value) else 1)


def _n(value: float) -> int:
    """The number ngettext chooses the plural by: a fraction ("1.5 days") takes the plural."""
    return int(value) if value == int(value) else 2


def _import(planner: Planner, args: argparse.Namespace) -> int:
    from app.strategy.document import match_themes, strategy_from_json

    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise DigwellError(
            _("There is no file {path}.").format(path=path), _("Check the name and folder.")
        ) from err
    except UnicodeDecodeError as err:
        raise DigwellError(
            _("{file} is not a text file in UTF-8.").format(file=path.name),
            _("Import a file `strategy export` wrote."),
        ) from err
    except OSError as err:
        # Translators: {error} is the system's reason, "Permission denied".
        message = _("{path} cannot be read ({error}).").format(path=path, error=err.strerror)
        raise DigwellError(message, "") from err
    current = planner.strategy.load()
    imported, changes = match_themes(strategy_from_json(text, path.name), current)
    if imported == current:
        print(_("Your strategy is already as in {path}: nothing changed.").format(path=path))
        return 0
    version = planner.strategy.save(imported)
    text = _("Imported the strategy from {path} (version {version}).")
    print(text.format(path=path, version=version))
    for line in _changes(current, imported, changes):
        print(f"  {line}")
    rescored = planner.inbox.rescore()
    text = ngettext("Ranked {count} item again.", "Ranked {count} items again.", rescored)
    print(text.format(count=formats.number(rescored)))
    return 0


def _changes(before: Strategy, after: Strategy, themes: ThemeChanges) -> list[str]:
    from app.strategy.strategy import PROFILE_LABELS

    lines = [_("theme added: {name}").format(name=name) for name in themes.added]
    lines += [
        _("theme renamed: {old} → {new}").format(old=old, new=new) for old, new in themes.renamed
    ]
    lines += [
        _("theme removed: {name} (its feeds stay subscribed)").format(name=name)
        for name in themes.removed
    ]
    lines += [_("theme changed: {name}").format(name=name) for name in themes.changed]
    kept = [t.id for t in after.themes if t.id]
    if [t.id for t in before.themes if t.id in kept] != kept:
        lines.append(_("themes reordered"))
    pairs = zip(Profile._fields, before.profile, after.profile, strict=True)
    fields = [_(PROFILE_LABELS[key]) for key, old, new in pairs if old != new]
    if fields:
        lines.append(_("profile changed: {fields}").format(fields=", ".join(fields)))
    old_target, new_target = before.weekly_target, after.weekly_target
    if old_target != new_target:
        text = ngettext(
            "weekly target: {old} → {new} post", "weekly target: {old} → {new} posts", new_target
        )
        lines.append(text.format(old=formats.number(old_target), new=formats.number(new_target)))
    if before.mix != after.mix:
        lines.append(_("content mix: {mix}").format(mix=_mix(after)))
    old_days, new_days = before.half_life_days, after.half_life_days
    if old_days != new_days:
        text = ngettext(
            "freshness half-life: {old} → {new} day",
            "freshness half-life: {old} → {new} days",
            _n(new_days),
        )
        lines.append(text.format(old=_amount(old_days), new=_amount(new_days)))
    return lines


def _export(planner: Planner, args: argparse.Namespace) -> int:
    from app.strategy.document import strategy_to_json

    strategy = planner.strategy.load()
    write_atomically(args.file, strategy_to_json(strategy))
    count = len(strategy.themes)
    text = ngettext(
        "Wrote your strategy ({count} theme) to {file}.",
        "Wrote your strategy ({count} themes) to {file}.",
        count,
    )
    print(text.format(count=formats.number(count), file=args.file))
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
            # Translators: {error} is the system's reason, "Permission denied".
            _("{path} cannot be written ({error}).").format(path=path, error=err.strerror),
            _(
                "Check that its folder exists, that it is not a folder, and that you may "
                "write there."
            ),
        ) from err
