"""Where the app keeps its files, resolved once at start-up and passed down.

The default locations come from platformdirs. Setting ``PLANNER_HOME`` puts
everything (data, settings, logs, locks) under one folder instead: handy for
a portable install, and what the tests use to stay out of the real user dirs.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "community-planner"
DEFAULT_WORKSPACE_NAME = "My communities.cplan"
SAMPLE_WORKSPACE_NAME = "Sample workspace.cplan"
SAMPLE_WORKSPACE_NAME_ZH = "示例工作区.cplan"


@dataclass(frozen=True)
class AppPaths:
    """The folders the app writes to.

    Attributes:
        data_dir: workspaces the app creates itself (the default workspace).
        config_dir: settings and the device id.
        log_dir: the log file.
        state_dir: lock files of open workspaces.
    """

    data_dir: Path
    config_dir: Path
    log_dir: Path
    state_dir: Path

    @classmethod
    def under(cls, home: Path) -> AppPaths:
        """All folders below one ``home`` folder."""
        return cls(
            data_dir=home / "data",
            config_dir=home / "config",
            log_dir=home / "logs",
            state_dir=home / "state",
        )

    @classmethod
    def from_environment(cls) -> AppPaths:
        """``PLANNER_HOME`` if set, otherwise the platform's user folders."""
        home = os.environ.get("PLANNER_HOME")
        if home:
            return cls.under(Path(home))
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
            state_dir=Path(platformdirs.user_state_dir(APP_DIR_NAME, appauthor=False)),
        )

    @property
    def default_workspace(self) -> Path:
        return self.data_dir / DEFAULT_WORKSPACE_NAME

    @property
    def sample_workspace(self) -> Path:
        return self.data_dir / SAMPLE_WORKSPACE_NAME

    def sample_workspace_in(self, language: str) -> Path:
        """The sample workspace written in ``language``, named in that language
        (the window title and the weekly plan show the name)."""
        if language == "zh":
            return self.data_dir / SAMPLE_WORKSPACE_NAME_ZH
        return self.sample_workspace

    @property
    def lock_dir(self) -> Path:
        return self.state_dir / "locks"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "planner.log"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"


def device_id(paths: AppPaths) -> str:
    """This installation's id, made once and kept in the config folder.

    Every row a user changes records it in ``updated_by``, which is what lets
    teammates' copies of a workspace be merged later.
    """
    file = paths.config_dir / "device-id"
    try:
        existing = file.read_text(encoding="ascii").strip()
        return str(uuid.UUID(existing))
    except (OSError, ValueError):
        pass
    new = str(uuid.uuid4())
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_suffix(".tmp")
    tmp.write_text(new + "\n", encoding="ascii")
    os.replace(tmp, file)
    return new
