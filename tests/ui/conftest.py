"""Shared pieces of the UI tests: our theme on the QApplication, a stand-in confirm box."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from planner.ui.app import create_application


@pytest.fixture(scope="session", autouse=True)
def themed_app(qapp: QApplication) -> QApplication:
    """Our style and palette on the test QApplication, set once."""
    return create_application()


@dataclass
class Confirm:
    """Stands in for the confirmation box: records the questions, gives an answer."""

    answer: bool = True
    questions: list[str] = field(default_factory=list)

    def __call__(self, _parent: QWidget, _title: str, question: str, _yes: str) -> bool:
        self.questions.append(question)
        return self.answer
