"""Shared by the packaging tests: load a script from packaging/ as a module.

packaging/ is a folder of scripts, not a package (its name would shadow the `packaging`
distribution), so each script is loaded from its file. See packaging/README.md.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_script(name: str) -> ModuleType:
    """Import packaging/<name>.py under the module name `digwell_packaging_<name>`."""
    module_name = f"digwell_packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
