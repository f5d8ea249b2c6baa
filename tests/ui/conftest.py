"""Shared pieces of the UI tests: our theme on the QApplication, a session over the
sample workspace, a stand-in confirm box."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from planner.paths import AppPaths
from planner.ui.app import create_application
from planner.ui.session import Session
from planner.workspace import open_workspace
from tests.conftest import DEVICE


@pytest.fixture(scope="session", autouse=True)
def themed_app(qapp: QApplication) -> QApplication:
    """Our style and palette on the test QApplication, set once."""
    return create_application()


@pytest.fixture
def session(sample_path: Path, paths: AppPaths) -> Iterator[Session]:
    """A session over the sample workspace, closed after the test (a test file
    that needs another workspace defines its own ``session``)."""
    s = Session(open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir))
    yield s
    s.close()


@dataclass
class Confirm:
    """Stands in for the confirmation box: records the questions, gives an answer."""

    answer: bool = True
    questions: list[str] = field(default_factory=list)

    def __call__(self, _parent: QWidget, _title: str, question: str, _yes: str) -> bool:
        self.questions.append(question)
        return self.answer
