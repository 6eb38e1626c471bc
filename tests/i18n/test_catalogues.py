"""Every user-facing string goes through the translation layer the same way, and the
German catalogue is complete (docs/TRANSLATION.md)."""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

import app
from tests.packaging.scripts import load_script

ROOT = Path(app.__file__).parent
SOURCES = sorted(ROOT.rglob("*.py"))
# How many of each call's first arguments are the message (the catalogue's keys).
LITERAL_ARGS = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 2}
TRANSLATING = {"_", "ngettext", "pgettext"}
# argparse's own messages, marked as argparse writes them: with its %-fields.
ARGPARSE_WORDS = "argparse_words.py"


@functools.cache
def translations():
    return load_script("translations")


@functools.cache
def template():
    return translations().extract()


def calls(tree: ast.AST) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        named = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if named and node.func.id in LITERAL_ARGS:  # type: ignore[attr-defined]
            yield node  # type: ignore[misc]


def import_time_nodes(tree: ast.Module) -> Iterator[ast.AST]:
    """What runs when the module is imported: module and class bodies, decorators and
    default values, but not function bodies or lambdas."""
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            pending.extend(node.decorator_list)
            pending.extend(node.args.defaults)
            pending.extend(d for d in node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.Lambda):
            pending.extend(node.args.defaults)
            continue
        yield node
        pending.extend(ast.iter_child_nodes(node))


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT.parent)}:{getattr(node, 'lineno', '?')}"


def is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_messages_are_literals_with_named_fields():
    """The catalogue holds what the code says: `_` takes a literal or a constant marked
    with N_ (never an f-string, a sum or a call's result); the others take literals."""
    wrong = []
    for path in SOURCES:
        for call in calls(ast.parse(path.read_text(encoding="utf-8"))):
            name = call.func.id  # type: ignore[attr-defined]
            args = call.args[: LITERAL_ARGS[name]]
            if name == "_" and len(args) == 1 and not is_literal(args[0]):
                ok = isinstance(args[0], (ast.Name, ast.Attribute, ast.Subscript))
            else:
                ok = len(args) == LITERAL_ARGS[name] and all(is_literal(a) for a in args)
            if not ok:
                wrong.append(f"{where(path, call)}: {ast.unparse(call)[:80]}")
            elif path.name != ARGPARSE_WORDS and any(
                is_literal(a) and ("{}" in a.value or "%s" in a.value) for a in args
            ):  # type: ignore[attr-defined]
                wrong.append(f"{where(path, call)}: unnamed field in {ast.unparse(call)[:80]}")
    assert not wrong, "Messages must be plain literals with {named} fields:\n" + "\n".join(wrong)


def test_nothing_is_translated_at_import_time():
    """The language is chosen after the imports (the window's start, a test): a message
    translated at import would stay English. Mark constants with N_ instead."""
    early = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in import_time_nodes(tree):
            call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            if call and node.func.id in TRANSLATING:  # type: ignore[attr-defined]
                early.append(f"{where(path, node)}: {ast.unparse(node)[:80]}")
    assert not early, "Translated at import time:\n" + "\n".join(early)


def binds_underscore(tree: ast.AST) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        stored = isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)
        argument = isinstance(node, ast.arg) and node.arg == "_"
        caught = isinstance(node, ast.ExceptHandler) and node.name == "_"
        if stored or argument or caught:
            yield node


def imports_underscore(tree: ast.AST) -> bool:
    return any(
        isinstance(n, ast.ImportFrom)
        and (n.module or "").startswith("app.i18n")
        and any(a.name == "_" for a in n.names)
        for n in ast.walk(tree)
    )


def test_no_module_that_translates_reuses_the_underscore():
    """`for _ in …` in a function would make `_` local there, and `_("…")` would fail."""
    clashes = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if imports_underscore(tree):
            clashes.extend(where(path, node) for node in binds_underscore(tree))
    assert not clashes, "`_` rebound in a module that translates:\n" + "\n".join(clashes)


def test_the_template_is_current():
    committed = translations().read(translations().TEMPLATE)
    extracted = template()

    def key(catalog) -> set:
        return {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in catalog}

    missing, stale = key(extracted) - key(committed), key(committed) - key(extracted)
    assert not missing and not stale, (
        f"resources/locale/digwell.pot is out of date ({len(missing)} new, {len(stale)} gone): "
        "run `python packaging/translations.py extract`"
    )


@pytest.mark.parametrize("language", ["de"])
def test_every_message_is_translated_with_the_same_fields(language):
    tools = translations()
    catalog = tools.read(tools.po_path(language), language)
    found = list(tools.problems(template(), catalog))
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("language", ["de"])
def test_the_compiled_catalogue_matches_its_source(language):
    tools = translations()
    catalog = tools.read(tools.po_path(language), language)
    assert tools.mo_path(language).read_bytes() == tools.mo_bytes(catalog), (
        "run `python packaging/translations.py compile`"
    )


@pytest.mark.parametrize("language", ["de"])
def test_every_translation_formats(language):
    """A translation whose fields differ would raise where it is shown."""
    tools = translations()
    broken = []
    for message in tools.read(tools.po_path(language), language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        targets = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        fields = {f: "x" for s in sources for f in tools.PLACEHOLDER.findall(s)}
        for source, target in zip(sources * len(targets), targets, strict=False):
            try:
                source.format(**fields)
            except (KeyError, IndexError, ValueError):
                continue  # not a format string in the source either
            try:
                target.format(**fields)
            except (KeyError, IndexError, ValueError) as exc:
                broken.append(f"{target!r}: {exc}")
    assert not broken, "\n".join(broken)
