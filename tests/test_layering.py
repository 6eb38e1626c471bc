"""The house plan (docs/ARCHITECTURE.md, "Layers"): every module of `app` belongs to one
layer, imports only what the table below allows, and no import loop exists; the core
never imports Qt, and opening the planner imports nothing the first paint does not need.

The table is the design: change it when the design changes, in the same commit as
docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

import app

ROOT = Path(app.__file__).parent

# Layers, bottom first. A module belongs to the first row whose prefixes match it.
BOTTOM, STORE, DOMAIN, SERVICE, ROOT_LAYER, TOP = range(6)
LAYERS: list[tuple[int, tuple[str, ...]]] = [
    (TOP, ("app.ui", "app.commands", "app.cli", "app.__main__")),
    (ROOT_LAYER, ("app.planner",)),
    (
        SERVICE,
        (
            "app.inbox.service",
            "app.strategy.service",
            "app.compose.service",
            "app.feeds.service",
            "app.cadence.service",
            "app.backup.service",
            "app.people.service",
            "app.history.service",
            "app.demo",
            "app.demo_posts",
            "app.demo_people",
        ),
    ),
    (STORE, ("app.store",)),
    (
        DOMAIN,
        (
            "app.feeds",
            "app.strategy",
            "app.compose",
            "app.cadence",
            "app.backup",
            "app.credentials",
            "app.inbox",
            "app.people",
            "app.history",
            "app.desktop",
        ),
    ),
    (
        BOTTOM,
        (
            "app.types",
            "app.errors",
            "app.paths",
            "app.clock",
            "app.text",
            "app.log_masking",
            "app.logs",
            "app.log_file",
            "app.log_handlers",
            "app.running_instance",
            "app.archives",
            "app.i18n",
            "app",
        ),
    ),
]
# The one service of each domain, as the planner hands it out.
SERVICES = {
    "inbox": "app.inbox.service",
    "strategy": "app.strategy.service",
    "drafting": "app.compose.service",
    "feeds": "app.feeds.service",
    "cadence": "app.cadence.service",
    "backups": "app.backup.service",
    "people": "app.people.service",
    "history": "app.history.service",
}
# What a domain may use of the other domains (never the other way round: no loops).
DOMAIN_USES = {
    "app.credentials": (),
    "app.strategy": (),
    "app.inbox": ("app.people",),
    "app.compose": ("app.people",),
    "app.people": (),
    "app.history": ("app.people", "app.compose", "app.strategy", "app.cadence"),
    "app.feeds": ("app.credentials",),
    "app.cadence": ("app.strategy", "app.compose"),
    "app.backup": ("app.credentials", "app.cadence", "app.feeds", "app.strategy", "app.people"),
    "app.desktop": (),
}
# Pure helpers the window and the commands may use beside the planner: records,
# vocabularies and formatting that touch no storage (checked below).
PUBLIC_HELPERS = (
    "app.compose.platforms",
    "app.compose.counting",
    "app.compose.count_record",
    "app.compose.utf16",
    "app.compose.context",
    "app.compose.drafts",
    "app.compose.mentioning",
    "app.cadence.score",
    "app.cadence.schedule",
    "app.cadence.reminders",
    "app.cadence.report",
    "app.cadence.coverage",
    "app.cadence.post_fields",
    "app.strategy.strategy",
    "app.strategy.document",
    "app.strategy.ranking",
    "app.feeds.search_feeds",
    "app.credentials.secret",
    "app.backup.layout",
    "app.people.keep_warm",
    "app.people.mentions",
    "app.people.handles",
    "app.people.fields",
    "app.people.circle_names",
    "app.history.records",
    "app.desktop.layout",
    "app.desktop.install",
)
# Restoring fills a folder no planner has open (it refuses one that is open).
TOP_ALSO = ("app.backup.restore",)


class Import(NamedTuple):
    source: str
    target: str
    line: int
    typing_only: bool  # under `if TYPE_CHECKING:`


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


MODULES = {module_name(p): p for p in ROOT.rglob("*.py")}


def layer_of(module: str) -> int:
    for layer, prefixes in LAYERS:
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return layer
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def package_of(module: str) -> str:
    """The top-level package or module under `app` ("app.feeds", "app.types")."""
    return ".".join(module.split(".")[:2])


def imports_of(module: str) -> Iterator[Import]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    typing_lines = {
        n.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
        for stmt in node.body
        for n in ast.walk(stmt)
        if hasattr(n, "lineno")
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = []
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                targets.append(sub if sub in MODULES else node.module)
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in dict.fromkeys(targets):
            if target == "app" or target.startswith("app."):
                yield Import(module, target, node.lineno, node.lineno in typing_lines)


ALL_IMPORTS = [i for m in sorted(MODULES) for i in imports_of(m)]


def allowed(imp: Import) -> bool:
    src, dst = imp.source, imp.target
    src_layer, dst_layer = layer_of(src), layer_of(dst)
    if package_of(src) == package_of(dst) and src_layer >= dst_layer:
        return True  # within a package, looking down or sideways
    if src_layer == BOTTOM:
        return dst_layer == BOTTOM
    if src_layer == STORE:
        return dst_layer == BOTTOM
    if src_layer == DOMAIN:
        return dst_layer in (BOTTOM, STORE) or package_of(dst) in DOMAIN_USES[package_of(src)]
    if src_layer == SERVICE:
        return dst_layer in (BOTTOM, STORE, DOMAIN) or dst in ("app.demo_posts", "app.demo_people")
    if src_layer == ROOT_LAYER:
        return dst_layer in (BOTTOM, STORE, SERVICE)
    # The window and the commands: the planner, the bottom, the pure helpers; the
    # classes the services return, for annotations only.
    return (
        dst_layer in (BOTTOM, ROOT_LAYER, TOP)
        or dst in PUBLIC_HELPERS
        or dst in TOP_ALSO
        or (imp.typing_only and dst_layer in (DOMAIN, SERVICE))
    )


def test_every_module_is_in_a_layer():
    assert {m: layer_of(m) for m in MODULES}


def test_every_import_follows_the_table():
    wrong = [
        f"{i.source} imports {i.target} (line {i.line})" for i in ALL_IMPORTS if not allowed(i)
    ]
    assert wrong == []


def test_the_table_catches_an_import_up_the_layers():
    assert not allowed(Import("app.store.items", "app.strategy.scoring", 1, False))
    assert not allowed(Import("app.feeds.refresh", "app.planner", 1, False))
    assert not allowed(Import("app.ui.main_window", "app.store.items", 1, False))
    assert not allowed(Import("app.strategy.scoring", "app.cadence.score", 1, False))
    assert not allowed(Import("app.cadence.service", "app.feeds.service", 1, False))
    assert allowed(Import("app.cadence.report", "app.strategy.strategy", 1, False))


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_loop():
    edges: dict[str, set[str]] = {}
    for imp in ALL_IMPORTS:
        if imp.target != imp.source and imp.target in MODULES:
            edges.setdefault(imp.source, set()).add(imp.target)
    assert _cycles(edges) == []


def test_the_loop_finder_finds_a_loop():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _reaches(module: str, seen: set[str] | None = None) -> set[str]:
    """Every app module `module` may import, directly or not (lazy imports too)."""
    seen = set() if seen is None else seen
    for imp in imports_of(module):
        if imp.target in MODULES and imp.target not in seen and not imp.typing_only:
            seen.add(imp.target)
            _reaches(imp.target, seen)
    return seen


@pytest.mark.parametrize("helper", PUBLIC_HELPERS)
def test_a_public_helper_touches_no_storage(helper):
    assert helper in MODULES
    reached = _reaches(helper)
    assert not {m for m in reached if layer_of(m) in (STORE, SERVICE, ROOT_LAYER)}


def test_the_planner_hands_out_each_service(planner):
    for name, module in SERVICES.items():
        service = getattr(planner, name)
        assert type(service).__module__ == module, name
        assert getattr(planner, name) is service  # built once


def test_the_planner_is_a_thin_root():
    from app.planner import Planner

    public = sorted(n for n in vars(Planner) if not n.startswith("_"))
    assert public == sorted(["open", "data_dir", "close", "subscribe", "seed_demo", *SERVICES])


def test_importing_the_whole_core_loads_no_qt():
    core = sorted(m for m in MODULES if not m.startswith("app.ui") and m != "app.__main__")
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_opening_the_planner_loads_no_module_the_window_does_not_need():
    """Start-up speed (bench/startup.py): each of these cost milliseconds to import."""
    code = (
        "import sys, tempfile, pathlib\n"
        "from app.cli import main\n"
        "from app.planner import Planner\n"
        "p = Planner.open(pathlib.Path(tempfile.mkdtemp()))\n"
        "p.inbox.ids(); p.drafting.draft_count(); p.feeds.count(); p.cadence.week_progress()\n"
        "heavy = ('feedparser', 'jinja2', 'httpx', 'dataclasses', 'json', 'html', 'platformdirs')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
