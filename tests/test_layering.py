"""The core never imports Qt: everything outside app/ui/ works without a display."""

import subprocess
import sys
from pathlib import Path

import app

CORE_MODULES = sorted(
    ".".join(p.relative_to(Path(app.__file__).parents[1]).with_suffix("").parts).removesuffix(
        ".__init__"
    )
    for p in Path(app.__file__).parent.rglob("*.py")
    if "ui" not in p.relative_to(Path(app.__file__).parent).parts and p.name != "__main__.py"
)


def test_core_module_list_is_complete():
    assert {"app.planner", "app.store.database", "app.feeds.parse", "app.cli"} <= set(CORE_MODULES)


def test_importing_the_whole_core_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
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
        "p.inbox_ids(); p.drafts(); p.week_progress()\n"
        "heavy = ('feedparser', 'jinja2', 'httpx', 'dataclasses', 'json', 'html', 'platformdirs')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
