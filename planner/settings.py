"""App settings: every one declared here once, with its type, default and meaning.

These are settings of this installation (recent files, window geometry), kept
as JSON in the config folder. Settings that travel with a workspace live in
the workspace file instead.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_RECENT = 10


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    description: str


DECLARED: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("recent_workspaces", list, [], "Workspaces opened lately, newest first."),
        Setting(
            "language",
            str,
            "system",
            "The UI's language: system (the system's locale), zh or en; read at start.",
        ),
        Setting("window_geometry", str, "", "Main window geometry (Qt saveGeometry, base64)."),
        Setting("splitter_state", str, "", "Sidebar width (Qt QSplitter.saveState, base64)."),
        Setting(
            "main_view",
            str,
            "calendar",
            "What the window shows: calendar, communities, templates or overview.",
        ),
        Setting("calendar_mode", str, "month", "The calendar's view: month, week or agenda."),
        Setting(
            "overview_sort",
            str,
            "attention",
            "How the overview orders communities: attention, name, stage, progress or due.",
        ),
        Setting(
            "calendar_filters",
            dict,
            {},
            "Calendar filters per workspace file: the community ids, item types, "
            "statuses and owners each one hides.",
        ),
        Setting(
            "week_pdf_language",
            str,
            "",
            "The language of the weekly plan PDF last exported: zh or en (empty: the UI's).",
        ),
        Setting(
            "week_pdf_paper",
            str,
            "",
            "The paper of the weekly plan PDF last exported: a4 or letter (empty: the locale's).",
        ),
        Setting(
            "week_pdf_orientation",
            str,
            "portrait",
            "The weekly plan PDF's orientation: portrait (day by day) or landscape (week grid).",
        ),
        Setting("week_pdf_folder", str, "", "The folder the weekly plan PDF was last written to."),
        Setting(
            "sync_warning_ignored",
            list,
            [],
            "Workspaces in a sync or network folder the user chose to keep working on there.",
        ),
    )
}


class Settings:
    """Typed access to the declared settings, saved on every change."""

    def __init__(self, file: Path) -> None:
        self._file = file
        self._values: dict[str, Any] = {}
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable, using defaults: %s", file, exc)
            raw = {}
        if isinstance(raw, dict):
            for name, value in raw.items():
                setting = DECLARED.get(name)
                if setting is not None and isinstance(value, setting.type):
                    self._values[name] = value

    def get(self, name: str) -> Any:
        setting = DECLARED[name]
        value = self._values.get(name, setting.default)
        if isinstance(value, list | dict):
            return value.copy()
        return value

    def set(self, name: str, value: Any) -> None:
        setting = DECLARED[name]
        if not isinstance(value, setting.type):
            raise TypeError(f"setting {name} takes {setting.type.__name__}")
        self._values[name] = value
        self._save()

    def add_recent(self, workspace: Path) -> None:
        """Put ``workspace`` first in the recent list."""
        entry = str(workspace)
        recent = [p for p in self.get("recent_workspaces") if p != entry]
        self.set("recent_workspaces", [entry, *recent][:MAX_RECENT])

    def _save(self) -> None:
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._file.with_suffix(".tmp")
            tmp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), "utf-8")
            os.replace(tmp, self._file)
        except OSError as exc:
            # Losing a window size is no reason to stop the user's work.
            log.warning("could not save settings to %s: %s", self._file, exc)
