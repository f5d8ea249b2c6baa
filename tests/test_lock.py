"""The workspace lock says who holds it: user@host, process and since when."""

from __future__ import annotations

import getpass
import os
import re
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from planner.errors import WorkspaceInUse
from planner.lock import WorkspaceLock, holder_text, lock_file_for, machine_label

SINCE = re.compile(r"since (\d{4}-\d{2}-\d{2} \d{2}:\d{2})$")


@pytest.fixture
def known_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "wang")
    monkeypatch.setattr(socket, "gethostname", lambda: "laptop-7")


def test_machine_label_is_user_at_host(known_machine: None) -> None:
    assert machine_label() == "wang@laptop-7"


def test_machine_label_uses_the_short_host_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "王小明")
    monkeypatch.setattr(socket, "gethostname", lambda: "Wangs-MacBook-Pro.local")
    assert machine_label() == "王小明@Wangs-MacBook-Pro"
    monkeypatch.setattr(socket, "gethostname", lambda: "10.0.0.7")
    assert machine_label() == "王小明@10.0.0.7"


def test_machine_label_of_this_machine() -> None:
    label = machine_label()
    assert label and label.isprintable()
    assert label.startswith(getpass.getuser())


def test_machine_label_when_the_user_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    monkeypatch.setattr(socket, "gethostname", lambda: "laptop-7")
    assert machine_label() == "laptop-7"


def test_machine_label_when_the_host_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_host() -> str:
        raise OSError("no host")

    monkeypatch.setattr(getpass, "getuser", lambda: "wang")
    monkeypatch.setattr(socket, "gethostname", no_host)
    assert machine_label() == "wang on this computer"
    monkeypatch.setattr(socket, "gethostname", lambda: "localhost")
    assert machine_label() == "wang on this computer"


def test_machine_label_when_nothing_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> str:
        raise KeyError("getpwuid(): uid not found: 1234")

    monkeypatch.setattr(getpass, "getuser", fail)
    monkeypatch.setattr(socket, "gethostname", lambda: "")
    assert machine_label() == "this computer"


def test_machine_label_is_one_clean_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "wa\nng\udcff")
    monkeypatch.setattr(socket, "gethostname", lambda: " laptop-7\t")
    assert machine_label() == "wa ng@laptop-7"


def test_holder_text(known_machine: None) -> None:
    moment = datetime(2026, 11, 23, 8, 12, 59)
    assert (
        holder_text(pid=1234, now=moment) == "wang@laptop-7, process 1234, since 2026-11-23 08:12"
    )


def test_holder_text_defaults_to_this_process_and_now(known_machine: None) -> None:
    before = datetime.now().replace(second=0, microsecond=0)
    text = holder_text()
    after = datetime.now()
    assert text.startswith(f"wang@laptop-7, process {os.getpid()}, since ")
    match = SINCE.search(text)
    assert match is not None
    assert before <= datetime.strptime(match.group(1), "%Y-%m-%d %H:%M") <= after


def test_lock_file_says_who_holds_it(tmp_path: Path, known_machine: None) -> None:
    workspace = tmp_path / "读书会.cplan"
    locks = tmp_path / "locks"
    with WorkspaceLock(workspace, locks) as held:
        text = held.file.read_text(encoding="utf-8")
        assert held.file == lock_file_for(workspace, locks)
        assert text.startswith(f"wang@laptop-7, process {os.getpid()}, since ")
        assert SINCE.search(text)
    assert held.file.read_text(encoding="utf-8") == ""  # emptied when released
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locks"]  # nothing beside it


def test_second_lock_says_where_the_workspace_is_open(tmp_path: Path, known_machine: None) -> None:
    workspace = tmp_path / "读书会.cplan"
    locks = tmp_path / "locks"
    with WorkspaceLock(workspace, locks):
        with pytest.raises(WorkspaceInUse) as caught:
            WorkspaceLock(workspace, locks)
    message = str(caught.value)
    assert "already open in another Community Planner window" in message
    assert "(wang@laptop-7, process " in message
    assert f"process {os.getpid()}, since " in message
    assert caught.value.path == workspace
    WorkspaceLock(workspace, locks).release()  # free again


def test_lock_held_by_another_process_names_its_host(tmp_path: Path) -> None:
    workspace = tmp_path / "w.cplan"
    locks = tmp_path / "locks"
    code = (
        "import sys, socket; from pathlib import Path;"
        "socket.gethostname = lambda: 'otherbox.example.org';"
        "from planner.lock import WorkspaceLock;"
        f"held = WorkspaceLock(Path({str(workspace)!r}), Path({str(locks)!r}));"
        "print('ready', flush=True); sys.stdin.read()"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "ready"
            with pytest.raises(WorkspaceInUse) as caught:
                WorkspaceLock(workspace, locks)
            assert f"@otherbox, process {holder.pid}, since " in str(caught.value)
        finally:
            holder.kill()
            holder.wait()
    WorkspaceLock(workspace, locks).release()  # the OS dropped the dead process's lock


def test_garbled_holder_text_is_shown_cleanly(tmp_path: Path) -> None:
    workspace = tmp_path / "w.cplan"
    locks = tmp_path / "locks"
    with WorkspaceLock(workspace, locks) as held:
        # Someone else's text in a broken encoding, over many lines.
        held.file.write_bytes(b"\xff\xfe wang@pc\n, process 1\r\n" + b"x" * 5000)
        with pytest.raises(WorkspaceInUse) as caught:
            WorkspaceLock(workspace, locks)
    message = str(caught.value)
    assert "wang@pc , process 1" in message
    assert "\n" not in message
    assert len(message) < 400


def test_holder_written_even_when_names_are_odd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "\udcffwang")
    monkeypatch.setattr(socket, "gethostname", lambda: "测试机")
    with WorkspaceLock(tmp_path / "w.cplan", tmp_path / "locks") as held:
        assert held.file.read_text(encoding="utf-8").startswith("wang@测试机, process ")
