"""Finding synced and network folders, and the conflicted copies sync tools make."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from planner.sync_folders import SQLITE_MAGIC, conflicted_copies, sync_service

LOCAL_MOUNTS = "/dev/vda / ext4 rw,relatime 0 0\n"
NETWORK = "a network folder"


def under(tmp_path: Path, *folders: str, name: str = "读书会.cplan") -> Path:
    """A workspace path in folders created under tmp_path (the file itself is not made)."""
    folder = tmp_path.joinpath(*folders)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


# -- sync_service: folder names ----------------------------------------------------


@pytest.mark.parametrize(
    ("folders", "service"),
    [
        (("Dropbox", "团队"), "Dropbox"),
        (("dropbox",), "Dropbox"),
        (("Dropbox (Personal)",), "Dropbox"),
        (("Dropbox (深夜读书会 Team)", "运营"), "Dropbox"),
        (("OneDrive",), "OneDrive"),
        (("OneDrive - Contoso Ltd", "Documents"), "OneDrive"),
        (("iCloud Drive", "社群"), "iCloud Drive"),
        (("iCloudDrive",), "iCloud Drive"),
        (("Library", "Mobile Documents", "com~apple~CloudDocs", "社群"), "iCloud Drive"),
        (("Google Drive",), "Google Drive"),
        (("Library", "CloudStorage", "GoogleDrive-wang@example.com", "My Drive"), "Google Drive"),
        (("CloudStorage", "GoogleDrive-wang@example.com", "My Drive"), "Google Drive"),
        (("Library", "CloudStorage", "OneDrive-Personal"), "OneDrive"),
        (("Library", "CloudStorage", "Dropbox", "计划"), "Dropbox"),
        (("Library", "CloudStorage", "Box-Box"), "Box"),
        (("Library", "CloudStorage", "SynologyDrive-home"), "SynologyDrive"),
        (("Nutstore",), "Nutstore"),
        (("我的坚果云", "社群运营"), "Nutstore"),
        (("Box",), "Box"),
        (("pCloud Drive",), "pCloud Drive"),
        (("MEGA",), "MEGA"),
        (("Nextcloud",), "Nextcloud"),
        (("ownCloud",), "ownCloud"),
        (("Seafile", "我的资料库"), "Seafile"),
        (("Baidu",), "Baidu Netdisk"),
        (("BaiduNetdisk",), "Baidu Netdisk"),
        (("百度网盘", "社群"), "Baidu Netdisk"),
    ],
)
def test_service_from_folder_names(tmp_path: Path, folders: tuple[str, ...], service: str) -> None:
    path = under(tmp_path, *folders)
    assert sync_service(path, mounts=LOCAL_MOUNTS) == service


def test_the_file_itself_and_deeper_folders(tmp_path: Path) -> None:
    # A deep folder inside the synced one is still synced; the file's own name is not a folder.
    deep = under(tmp_path, "Dropbox", "a", "b", "c", "d")
    assert sync_service(deep, mounts=LOCAL_MOUNTS) == "Dropbox"
    assert sync_service(under(tmp_path, "plans", name="Dropbox"), mounts=LOCAL_MOUNTS) is None


def test_lookalike_folder_names_are_not_services(tmp_path: Path) -> None:
    for folders in [
        ("Dropbox exports",),
        ("my-onedrive-notes",),
        ("Boxes",),
        ("My Drive",),  # only under Google Drive's own folders (or a Windows drive root)
        ("Mobile Documents",),  # only ~/Library/Mobile Documents
        ("CloudStorage", "Dropbox-archive"),
    ]:
        assert sync_service(under(tmp_path, *folders), mounts=LOCAL_MOUNTS) is None, folders


def test_a_user_named_like_a_service_is_not_a_service() -> None:
    assert sync_service(Path("/home/mega/plans/a.cplan"), mounts=LOCAL_MOUNTS) is None
    assert sync_service(Path("/Users/box/a.cplan"), mounts=LOCAL_MOUNTS) is None
    assert sync_service(Path("/Users/box/Dropbox/a.cplan"), mounts=LOCAL_MOUNTS) == "Dropbox"


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_into_a_synced_folder_is_followed(tmp_path: Path) -> None:
    real = under(tmp_path, "Library", "CloudStorage", "Dropbox", "社群")
    link = tmp_path / "shortcut"
    link.symlink_to(real.parent, target_is_directory=True)
    assert sync_service(link / real.name, mounts=LOCAL_MOUNTS) == "Dropbox"


def test_gvfs_network_shares(tmp_path: Path) -> None:
    share = under(tmp_path, "gvfs", "smb-share:server=nas,share=team", "社群")
    assert sync_service(share, mounts=LOCAL_MOUNTS) == "a network folder"
    drive = under(tmp_path, "gvfs", "google-drive:host=gmail.com,user=wang", "x")
    assert sync_service(drive, mounts=LOCAL_MOUNTS) == "Google Drive"


# -- sync_service: marker files ----------------------------------------------------


def test_syncthing_marker_in_an_ancestor(tmp_path: Path) -> None:
    root = tmp_path / "Sync"
    path = under(root, "社群", "2026")
    (root / ".stfolder").mkdir()
    assert sync_service(path, mounts=LOCAL_MOUNTS) == "Syncthing"
    assert sync_service(under(tmp_path, "elsewhere"), mounts=LOCAL_MOUNTS) is None


def test_syncthing_marker_as_a_file(tmp_path: Path) -> None:
    path = under(tmp_path, "shared")
    (tmp_path / "shared" / ".stfolder").write_text("")
    assert sync_service(path, mounts=LOCAL_MOUNTS) == "Syncthing"


@pytest.mark.parametrize("marker", [".dropbox", ".dropbox.cache"])
def test_dropbox_marker_in_a_renamed_dropbox_folder(tmp_path: Path, marker: str) -> None:
    root = tmp_path / "团队资料"
    path = under(root, "读书会")
    if marker == ".dropbox":
        (root / marker).write_text("{}")
    else:
        (root / marker).mkdir()
    assert sync_service(path, mounts=LOCAL_MOUNTS) == "Dropbox"


def test_markers_below_the_file_do_not_count(tmp_path: Path) -> None:
    path = under(tmp_path, "plans")
    (tmp_path / "plans" / "sub").mkdir()
    (tmp_path / "plans" / "sub" / ".stfolder").mkdir()
    assert sync_service(path, mounts=LOCAL_MOUNTS) is None


# -- sync_service: network folders -------------------------------------------------

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
nas:/export/home /mnt/nas nfs4 rw,relatime,vers=4.2 0 0
//fileserver/team /mnt/team cifs rw,relatime 0 0
/dev/vdb /mnt/nas/local ext4 rw,relatime 0 0
wang@box:/srv /mnt/ssh fuse.sshfs rw,nosuid,nodev 0 0
nas:/old /mnt/nas2 nfs rw 0 0
/dev/vdc /mnt/with\\040space ext4 rw 0 0
nas:/spaced /mnt/with\\040space/inner nfs rw 0 0
tmpfs /mnt/stacked tmpfs rw 0 0
nas:/top /mnt/stacked nfs rw 0 0
"""


@pytest.mark.parametrize(
    ("where", "service"),
    [
        ("/mnt/nas/社群/读书会.cplan", "a network folder"),
        ("/mnt/nas/读书会.cplan", "a network folder"),
        ("/mnt/team/plans/a.cplan", "a network folder"),
        ("/mnt/ssh/a.cplan", "a network folder"),
        ("/mnt/nas2/a.cplan", "a network folder"),
        # The longest mount point holding the path decides: a local disk inside the NFS mount.
        ("/mnt/nas/local/a.cplan", None),
        ("/mnt/nas/localx/a.cplan", "a network folder"),
        ("/mnt/nasty/a.cplan", None),  # not under /mnt/nas
        ("/home/wang/a.cplan", None),
        ("/mnt/with space/a.cplan", None),
        ("/mnt/with space/inner/a.cplan", "a network folder"),
        ("/mnt/stacked/a.cplan", "a network folder"),  # mounted on top of the tmpfs
    ],
)
def test_network_mounts(where: str, service: str | None) -> None:
    assert sync_service(Path(where), mounts=MOUNTS, platform="linux") == service


@pytest.mark.parametrize(
    "fstype", ["nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "fuse.sshfs", "sshfs", "davfs"]
)
def test_each_network_filesystem_type(fstype: str) -> None:
    mounts = f"/dev/vda / ext4 rw 0 0\nremote:/x /net {fstype} rw 0 0\n"
    assert sync_service(Path("/net/a.cplan"), mounts=mounts, platform="linux") == NETWORK
    assert sync_service(Path("/local/a.cplan"), mounts=mounts, platform="linux") is None


@pytest.mark.parametrize("fstype", ["fuse.rclone", "9p"])
def test_more_network_filesystem_types(fstype: str) -> None:
    mounts = f"remote: /net {fstype} rw 0 0\n"
    assert sync_service(Path("/net/sub/a.cplan"), mounts=mounts, platform="linux") == NETWORK


def test_network_mount_of_a_real_folder(tmp_path: Path) -> None:
    path = under(tmp_path, "plans")
    mounts = f"/dev/vda / ext4 rw 0 0\nnas:/x {tmp_path} nfs rw 0 0\n"
    assert sync_service(path, mounts=mounts) == "a network folder"
    assert sync_service(path, mounts=LOCAL_MOUNTS) is None


def test_unreadable_or_empty_mounts_text() -> None:
    where = Path("/mnt/nas/a.cplan")
    assert sync_service(where, mounts="", platform="linux") is None
    assert sync_service(where, mounts="garbage\n\n  \nx y\nnas:/x mnt/nas nfs\n") is None


@pytest.mark.parametrize(
    "where",
    [
        r"\\server\share\社群\读书会.cplan",
        r"\\nas.local\团队\a.cplan",
        "//server/share/a.cplan",
        r"\\?\UNC\server\share\a.cplan",
    ],
)
def test_unc_paths_on_windows(where: str) -> None:
    assert sync_service(Path(where), platform="win32") == "a network folder"


@pytest.mark.parametrize(
    ("where", "service"),
    [
        (r"C:\Users\wang\Documents\读书会.cplan", None),
        (r"\\?\C:\Users\wang\a.cplan", None),
        (r"C:\Users\wang\OneDrive - Contoso\社群\a.cplan", "OneDrive"),
        (r"C:\Users\wang\Dropbox (Personal)\a.cplan", "Dropbox"),
        (r"C:\Users\wang\iCloudDrive\a.cplan", "iCloud Drive"),
        (r"G:\My Drive\社群\a.cplan", "Google Drive"),
        (r"D:\我的坚果云\a.cplan", "Nutstore"),
        (r"C:\Users\box\a.cplan", None),
    ],
)
def test_windows_paths_by_name(where: str, service: str | None) -> None:
    assert sync_service(Path(where), platform="win32") == service


def test_mounts_are_not_read_for_windows_paths() -> None:
    mounts = "nas:/x / nfs rw 0 0\n"
    assert sync_service(Path(r"C:\plans\a.cplan"), mounts=mounts, platform="win32") is None


# -- sync_service: plain folders and odd paths -------------------------------------


def test_plain_local_folders_give_none(tmp_path: Path) -> None:
    assert sync_service(under(tmp_path, "社群", "2026 [秋]"), mounts=LOCAL_MOUNTS) is None
    assert sync_service(tmp_path / "missing" / "folders" / "a.cplan", mounts=LOCAL_MOUNTS) is None
    assert sync_service(Path("a.cplan"), mounts=LOCAL_MOUNTS) is None


@pytest.mark.skipif(not os.path.exists("/proc/self/mounts"), reason="no /proc")
def test_without_mounts_the_real_mount_table_is_read(tmp_path: Path) -> None:
    with open("/proc/self/mounts", encoding="utf-8", errors="surrogateescape") as f:
        real = f.read()
    path = under(tmp_path, "plans")
    assert sync_service(path) == sync_service(path, mounts=real)
    pretend = real + f"nas:/x {tmp_path} nfs4 rw 0 0\n"
    assert sync_service(path, mounts=pretend) == NETWORK


@pytest.mark.parametrize(
    "where",
    ["", ".", "/", "//", "\x00", "a\x00b/c.cplan", "\udcff/读书会.cplan", "/" + "x/" * 500 + "a"],
)
@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_odd_paths_do_not_raise(where: str, platform: str) -> None:
    assert sync_service(Path(where), platform=platform) in (None, "a network folder")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_folders_do_not_raise(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    path = under(locked, "inner")
    locked.chmod(0)
    try:
        assert sync_service(path, mounts=LOCAL_MOUNTS) is None
        assert conflicted_copies(path) == []
    finally:
        locked.chmod(0o755)


def test_unreadable_folders_do_not_raise_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    path = under(tmp_path, "plans")
    monkeypatch.setattr(os.path, "lexists", refuse)
    monkeypatch.setattr(os.path, "realpath", refuse)
    monkeypatch.setattr(os, "scandir", refuse)
    assert sync_service(path, mounts=LOCAL_MOUNTS) is None
    assert conflicted_copies(path) == []


# -- conflicted_copies ---------------------------------------------------------------


def make_db(path: Path, mtime: float | None = None) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("create table t(x)")
    db.close()
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


COPY_NAMES = [
    # Dropbox
    "读书会 (conflicted copy 2026-11-20).cplan",
    "读书会 (Wang's conflicted copy 2026-11-20).cplan",
    "读书会 (Wang’s conflicted copy 2026-11-20 (1)).cplan",
    "读书会 (王小明 (Work)'s conflicted copy 2026-11-21).cplan",
    "读书会 (某某的冲突副本 2026-11-20).cplan",
    "读书会 (冲突副本 2026-11-22).cplan",
    "读书会 (Selective Sync Conflict).cplan",
    # Nextcloud / ownCloud
    "读书会 (conflicted copy 2026-11-20 123456).cplan",
    "读书会_conflict-20261120-123456.cplan",
    # Syncthing
    "读书会.sync-conflict-20261120-123456-ABCDEFG.cplan",
    "读书会.sync-conflict-20261120-123456.cplan",
    # OneDrive
    "读书会-DESKTOP-AB12CD.cplan",
    "读书会-LAPTOP-7QX2M9KA.cplan",
    "读书会-WANGS-PC.cplan",
    "读书会-DESKTOP-AB12CD-2.cplan",
    # Google Drive
    "读书会 (1).cplan",
    # iCloud
    "读书会 2.cplan",
    # Resilio
    "读书会.Conflict.cplan",
]


@pytest.mark.parametrize("name", COPY_NAMES)
def test_each_copy_pattern_is_found(tmp_path: Path, name: str) -> None:
    workspace = make_db(tmp_path / "读书会.cplan")
    copy = make_db(tmp_path / name)
    assert conflicted_copies(workspace) == [copy]


def test_all_copies_newest_first(tmp_path: Path) -> None:
    workspace = make_db(tmp_path / "读书会.cplan", mtime=2_000_000_000)
    copies = [
        make_db(tmp_path / name, mtime=1_700_000_000 + 1000 * i)
        for i, name in enumerate(COPY_NAMES)
    ]
    assert conflicted_copies(workspace) == list(reversed(copies))


def test_the_workspace_need_not_exist(tmp_path: Path) -> None:
    copy = make_db(tmp_path / "读书会 (1).cplan")
    assert conflicted_copies(tmp_path / "读书会.cplan") == [copy]


@pytest.mark.parametrize(
    "name",
    [
        "读书会.cplan-wal",
        "读书会.cplan-shm",
        "读书会 (1).cplan-wal",
        "读书会.schema3-backup-20261120-081200.cplan",
        "读书会.schema3-backup-20261120-081200-2.cplan",
        "读书会2.cplan",  # another workspace, not an iCloud copy
        "读书会 2026.cplan",  # a year, not a copy number
        "读书会-2026.cplan",  # not a computer name
        "读书会-draft.cplan",
        "读书会-V.cplan",
        "读书会-V2.cplan",
        "读书会-V12.cplan",
        "读书会-PC.cplan",  # too short to tell from a label someone chose
        "读书会-TOOLONGFORAWINDOWSNAME.cplan",
        "读书会 (1).txt",
        "读书会 (1).cplan.bak",
        "读书会 (conflicted copy).cplan",
        "读书会 (Wang's conflicted copy 2026-11-20).cplan.zip",
        "读书会.sync-conflict-2026-11-20.cplan",
        "读书会 old.cplan",
        "读书会.Conflict.txt",
        "其他 (1).cplan",
        "其他读书会 (1).cplan",
        "x读书会 (1).cplan",
    ],
)
def test_lookalikes_and_side_files_are_ignored(tmp_path: Path, name: str) -> None:
    workspace = make_db(tmp_path / "读书会.cplan")
    make_db(tmp_path / name)
    assert conflicted_copies(workspace) == []


def test_copies_that_are_not_sqlite_are_ignored(tmp_path: Path) -> None:
    workspace = make_db(tmp_path / "读书会.cplan")
    (tmp_path / "读书会 (1).cplan").write_bytes(b"not a database at all, longer than 16")
    (tmp_path / "读书会 2.cplan").write_bytes(SQLITE_MAGIC[:10])  # cut short
    (tmp_path / "读书会 3.cplan").write_bytes(b"")
    (tmp_path / "读书会 4.cplan").mkdir()  # a folder with a copy's name
    (tmp_path / "读书会 5.cplan").write_bytes(SQLITE_MAGIC)  # the header is enough
    assert conflicted_copies(workspace) == [tmp_path / "读书会 5.cplan"]


def test_the_workspace_itself_is_never_listed(tmp_path: Path) -> None:
    workspace = make_db(tmp_path / "读书会.cplan")
    make_db(tmp_path / "读书会.cplan-wal")
    assert conflicted_copies(workspace) == []


def test_copies_in_other_folders_do_not_count(tmp_path: Path) -> None:
    workspace = make_db(tmp_path / "读书会.cplan")
    (tmp_path / "sub").mkdir()
    make_db(tmp_path / "sub" / "读书会 (1).cplan")
    assert conflicted_copies(workspace) == []


@pytest.mark.parametrize(
    "stem",
    [
        "读书会 [2026] (秋季)",
        "深夜读书会 · 付费会员圈",
        "a.b+c(d)",
        "plan (1)",
        "计划^$[]{}",
    ],
)
def test_stems_with_regex_characters(tmp_path: Path, stem: str) -> None:
    workspace = make_db(tmp_path / f"{stem}.cplan")
    copies = [
        make_db(
            tmp_path / f"{stem} (Wang's conflicted copy 2026-11-20).cplan", mtime=1_800_000_300
        ),
        make_db(
            tmp_path / f"{stem}.sync-conflict-20261120-123456-ABCDEFG.cplan", mtime=1_800_000_200
        ),
        make_db(tmp_path / f"{stem} (某某的冲突副本 2026-11-20).cplan", mtime=1_800_000_100),
        make_db(tmp_path / f"{stem} 2.cplan", mtime=1_800_000_000),
    ]
    # Names the escaped stem must not match as a pattern would.
    make_db(tmp_path / f"{stem}x (1).cplan")
    if "." in stem:
        make_db(tmp_path / f"{stem.replace('.', 'X')} 3.cplan")
    assert conflicted_copies(workspace) == copies


def test_a_copy_of_plan_1_is_not_plan_itself(tmp_path: Path) -> None:
    # "plan (1).cplan" is a copy of "plan.cplan"; its own copies are not plan's.
    plan = make_db(tmp_path / "plan.cplan")
    plan1 = make_db(tmp_path / "plan (1).cplan")
    make_db(tmp_path / "plan (1) (1).cplan")
    assert conflicted_copies(plan) == [plan1]


def test_nfd_names_from_macos_are_matched(tmp_path: Path) -> None:
    import unicodedata

    workspace = make_db(tmp_path / "Café.cplan")
    copy = make_db(tmp_path / unicodedata.normalize("NFD", "Café (1).cplan"))
    assert conflicted_copies(workspace) == [copy]


def test_missing_folder_gives_nothing(tmp_path: Path) -> None:
    assert conflicted_copies(tmp_path / "missing" / "读书会.cplan") == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_copy_is_skipped(tmp_path: Path) -> None:
    workspace = make_db(tmp_path / "读书会.cplan")
    hidden = make_db(tmp_path / "读书会 (1).cplan")
    readable = make_db(tmp_path / "读书会 (2).cplan")
    hidden.chmod(0)
    try:
        assert conflicted_copies(workspace) == [readable]
    finally:
        hidden.chmod(0o644)


def test_unreadable_copy_is_skipped_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    workspace = make_db(tmp_path / "读书会.cplan")
    hidden = make_db(tmp_path / "读书会 (1).cplan", mtime=1_800_000_000)
    readable = make_db(tmp_path / "读书会 (2).cplan", mtime=1_700_000_000)
    real_open = builtins.open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(hidden):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", guarded_open)
    assert conflicted_copies(workspace) == [readable]
