"""The core (planner/ outside ui/ and export/) must not load Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import planner

CORE_MODULES = sorted(
    f"planner.{m.name}"
    for m in pkgutil.iter_modules(planner.__path__)
    if m.name not in ("ui", "export", "__main__")
)


def test_core_modules_are_found() -> None:
    assert {"planner.workspace", "planner.communities", "planner.cli"} <= set(CORE_MODULES)


def test_importing_the_core_loads_no_pyside6() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
