"""Shared fixtures. Qt runs offscreen; every test gets its own app folders."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from planner.demo import write_demo  # noqa: E402
from planner.paths import AppPaths  # noqa: E402
from planner.workspace import Workspace, create_workspace  # noqa: E402

DEVICE = "00000000-0000-4000-8000-000000000001"
DATA = Path(__file__).parent / "data"


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """App folders under tmp_path; PLANNER_HOME points there for subprocesses too."""
    home = tmp_path / "home"
    monkeypatch.setenv("PLANNER_HOME", str(home))
    return AppPaths.under(home)


@pytest.fixture
def workspace(tmp_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    """A new, empty workspace, closed after the test."""
    ws = create_workspace(tmp_path / "test.cplan", device_id=DEVICE, lock_dir=paths.lock_dir)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def _sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample workspace, written once for the run (about 0.1 s a write)."""
    folder = tmp_path_factory.mktemp("sample")
    out = folder / "sample.cplan"
    write_demo(out, device_id=DEVICE, lock_dir=folder / "locks")
    return out


@pytest.fixture
def sample_path(tmp_path: Path, paths: AppPaths, _sample_file: Path) -> Path:
    """The sample workspace written to a file (not open): a copy of its own (``paths``
    too, as the tests that use it expect)."""
    out = tmp_path / "sample.cplan"
    shutil.copyfile(_sample_file, out)
    return out


# -- long fault and fuzz runs -------------------------------------------------------------------
# Tests marked ``long`` (many process kills, thousands of fuzzed files) are left out of the
# default run, which stays under five minutes; ``make test-long`` (pytest --long) runs them.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--long",
        action="store_true",
        help="also run the long fault and fuzz tests (marked long)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--long"):
        return
    kept = [item for item in items if item.get_closest_marker("long") is None]
    left = [item for item in items if item.get_closest_marker("long") is not None]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
