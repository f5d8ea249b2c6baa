"""App settings and the device id."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from planner.paths import AppPaths, device_id
from planner.settings import DECLARED, MAX_RECENT, Settings


def test_device_id_is_made_once_and_kept(paths: AppPaths) -> None:
    first = device_id(paths)
    assert uuid.UUID(first).version == 4
    assert device_id(paths) == first
    assert (paths.config_dir / "device-id").read_text().strip() == first


def test_a_damaged_device_id_file_is_replaced(paths: AppPaths) -> None:
    paths.config_dir.mkdir(parents=True)
    (paths.config_dir / "device-id").write_text("not a uuid")
    assert uuid.UUID(device_id(paths))


def test_planner_home_puts_everything_in_one_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_HOME", str(tmp_path / "portable"))
    found = AppPaths.from_environment()
    for folder in (found.data_dir, found.config_dir, found.log_dir, found.state_dir):
        assert folder.is_relative_to(tmp_path / "portable")
    assert found.default_workspace.suffix == ".cplan"


def test_every_setting_is_declared_with_a_description() -> None:
    for setting in DECLARED.values():
        assert setting.description
        assert isinstance(setting.default, setting.type)


def test_settings_persist_and_ignore_junk(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    settings = Settings(file)
    assert settings.get("recent_workspaces") == []
    settings.set("splitter_state", "状态 AAAA")
    assert Settings(file).get("splitter_state") == "状态 AAAA"
    file.write_text('{"splitter_state": 5, "unknown": 1, "window_geometry": "abc"}')
    reloaded = Settings(file)
    assert reloaded.get("splitter_state") == ""  # wrong type: default
    assert reloaded.get("window_geometry") == "abc"
    file.write_text("{not json")
    assert Settings(file).get("recent_workspaces") == []
    with pytest.raises(TypeError):
        settings.set("recent_workspaces", "not a list")


def test_recent_list_is_newest_first_without_duplicates(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json")
    for n in range(MAX_RECENT + 3):
        settings.add_recent(Path(f"/w/{n}.cplan"))
    settings.add_recent(Path("/w/5.cplan"))
    recent = settings.get("recent_workspaces")
    assert recent[0] == "/w/5.cplan"
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT
