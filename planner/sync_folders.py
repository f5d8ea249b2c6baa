"""Workspaces kept in synced or network folders, and the copies sync tools make.

A SQLite file in a Dropbox, OneDrive, iCloud Drive, Google Drive, 坚果云
(Nutstore), Syncthing or network folder gets corrupted or forked: the sync tool
copies the file while it is being written, uploads it without its ``-wal``, or
keeps two versions side by side as "conflicted copies". The app warns about
both; this module only finds them.

* :func:`sync_service` names the sync tool or network storage a path lives
  under ("Dropbox", "a network folder"), or ``None`` for a plain local folder.
  It is a guess from the path's folder names, a few marker files and the
  mount table: a few ``stat`` calls, never an exception.
* :func:`conflicted_copies` lists the conflicted copies of a workspace that
  sync tools left in its folder, newest first.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from planner.i18n import QT_TRANSLATE_NOOP

SQLITE_MAGIC = b"SQLite format 3\x00"

# Where a workspace is, when no sync tool's name says it: Texts, shown translated.
NETWORK_FOLDER = QT_TRANSLATE_NOOP("SyncFolders", "a network folder")
CLOUD_STORAGE_FOLDER = QT_TRANSLATE_NOOP("SyncFolders", "a cloud storage folder")

# -- sync_service ------------------------------------------------------------------

# Folder names (casefolded) that are, or sit directly under, a sync tool's root.
_EXACT_NAMES: dict[str, str] = {
    # Dropbox: ~/Dropbox; the desktop app's business layout is "Dropbox (Team)".
    "dropbox": "Dropbox",
    # OneDrive: %USERPROFILE%\OneDrive, ~/OneDrive (the macOS app before CloudStorage).
    "onedrive": "OneDrive",
    # iCloud Drive: "iCloud Drive" as Finder shows it, "iCloudDrive" on Windows,
    # "com~apple~CloudDocs" inside ~/Library/Mobile Documents on macOS.
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    # Google Drive: the old Backup and Sync folder "Google Drive", Drive File
    # Stream's /Volumes/GoogleDrive.
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    # 坚果云 (Nutstore): "Nutstore" on an English install, "我的坚果云" on a Chinese one.
    "nutstore": "Nutstore",
    "我的坚果云": "Nutstore",
    "坚果云": "Nutstore",
    # Box Drive (~/Box) and the older Box Sync.
    "box": "Box",
    "box sync": "Box",
    # pCloud Drive's virtual drive (~/pCloud Drive, P:\ on Windows).
    "pcloud drive": "pCloud Drive",
    "pclouddrive": "pCloud Drive",
    # MEGA's desktop app: ~/MEGA (older versions: ~/MEGAsync).
    "mega": "MEGA",
    "megasync": "MEGA",
    # Self-hosted sync clients' default folders.
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "seafile": "Seafile",
    "seadrive": "Seafile",
    # 百度网盘 (Baidu Netdisk) and its sync space.
    "baidu": "Baidu Netdisk",
    "baidunetdisk": "Baidu Netdisk",
    "baidusyncdisk": "Baidu Netdisk",
    "baidunetdiskworkspace": "Baidu Netdisk",
    "百度网盘": "Baidu Netdisk",
    "百度云": "Baidu Netdisk",
    "百度云同步盘": "Baidu Netdisk",
}

# Folder names with a suffix: "Dropbox (Personal)", "OneDrive - Contoso",
# "Nextcloud2" (a second account), "Nutstore Files".
_NAME_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"dropbox \(.+\)"), "Dropbox"),
    (re.compile(r"onedrive( - .+| \(.+\))"), "OneDrive"),
    (re.compile(r"googledrive-.+"), "Google Drive"),
    (re.compile(r"nutstore .+"), "Nutstore"),
    (re.compile(r"nextcloud\d+"), "Nextcloud"),
    (re.compile(r"owncloud\d+"), "ownCloud"),
)

# Providers in macOS's ~/Library/CloudStorage/<Provider>-<account>, by the part
# before the first hyphen (casefolded). Others are named as the folder names them.
_CLOUD_STORAGE: dict[str, str] = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "googledrive": "Google Drive",
    "box": "Box",
    "pcloud": "pCloud Drive",
    "pclouddrive": "pCloud Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "nutstore": "Nutstore",
    "mega": "MEGA",
    "seafile": "Seafile",
    "seadrive": "Seafile",
}

# GNOME's gvfs mounts network shares under /run/user/<uid>/gvfs/<scheme>:...
_GVFS_NETWORK = (
    "smb-share:",
    "sftp:host=",
    "dav:host=",
    "davs:host=",
    "ftp:host=",
    "ftps:host=",
    "afp-volume:",
    "nfs:host=",
)

# Marker files a sync tool keeps in the root of a synced folder.
_MARKERS: tuple[tuple[str, str], ...] = (
    (".stfolder", "Syncthing"),  # Syncthing: every shared folder's root
    (".dropbox", "Dropbox"),  # Dropbox: the Dropbox folder's root
    (".dropbox.cache", "Dropbox"),
)

# Filesystem types (the third field of /proc/mounts) that are network storage.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smb2",
        "smbfs",
        "afpfs",
        "sshfs",
        "fuse.sshfs",
        "davfs",
        "fuse.davfs2",
        "webdav",
        "fuse.rclone",
        "rclone",
        "9p",
        "ncpfs",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",
    }
)

_MAX_MARKER_DEPTH = 40  # ancestors checked for marker files


def sync_service(
    path: Path, *, mounts: str | None = None, platform: str = sys.platform
) -> str | None:
    """The sync tool or network storage that ``path`` lives under, or None.

    The result reads in a sentence: "This workspace is in {service} ...":
    "Dropbox", "OneDrive", "iCloud Drive", "Google Drive", "Nutstore",
    "Syncthing", "Box", "pCloud Drive", "MEGA", "Nextcloud", "ownCloud",
    "Seafile", "Baidu Netdisk", another macOS CloudStorage provider's name, or
    "a network folder".

    Checked in this order: a Windows UNC path (``\\\\server\\share``); on
    Linux and macOS the filesystem type of the mount holding the path, from
    ``mounts`` (the text of /proc/mounts; None reads /proc/self/mounts when
    there is one); the names of the folders above the file; marker files in
    those folders (Syncthing's ``.stfolder``, Dropbox's ``.dropbox``). Symbolic
    links are followed, so ~/Dropbox linked to ~/Library/CloudStorage/Dropbox
    is found either way. ``platform`` says how to read the path ("win32" for
    Windows paths); the disk is only looked at when it is the platform we run
    on. Unreadable folders and odd paths give None, never an exception.
    """
    try:
        return _sync_service(os.fspath(path), mounts, platform)
    except (OSError, ValueError, RuntimeError):  # pragma: no cover - belt and braces
        return None


def _sync_service(raw: str, mounts: str | None, platform: str) -> str | None:
    windows = platform == "win32"
    on_disk = windows == (sys.platform == "win32")  # the path's flavour is this machine's
    flavour: type[PurePath] = PureWindowsPath if windows else PurePosixPath

    lexical = raw
    resolved = raw
    if on_disk:
        lexical = _absolute(raw)
        resolved = _resolved(lexical)

    candidates = [lexical] if resolved == lexical else [lexical, resolved]
    if windows and any(_is_unc(p) for p in candidates):
        return NETWORK_FOLDER
    if windows and on_disk and _is_remote_drive(resolved):  # pragma: no cover - Windows
        return NETWORK_FOLDER
    if not windows:
        table = mounts
        if table is None:
            table = _read_mounts() if on_disk else ""
        if _mount_fstype(resolved, table) in NETWORK_FILESYSTEMS:
            return NETWORK_FOLDER

    for candidate in candidates:
        found = _service_by_name(flavour(candidate).parts[:-1], windows=windows)
        if found is not None:
            return found

    if on_disk:
        return _service_by_marker(Path(resolved).parent)
    return None


def _absolute(raw: str) -> str:
    try:
        return os.path.abspath(raw)
    except (OSError, ValueError):  # the current folder was deleted, a NUL in the name
        return raw


def _resolved(raw: str) -> str:
    try:
        return os.path.realpath(raw)
    except (OSError, ValueError, RuntimeError):
        return raw


def _is_unc(raw: str) -> bool:
    r"""``\\server\share\...``, ``//server/share``, ``\\?\UNC\server\share``.

    Not the device namespaces ``\\?\C:\...`` and ``\\.\...``.
    """
    text = raw.replace("/", "\\")
    if text.casefold().startswith("\\\\?\\unc\\"):
        return True
    if not text.startswith("\\\\") or text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    server = text[2:].split("\\", 1)[0]
    return bool(server)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes

    _DRIVE_REMOTE = 4

    def _is_remote_drive(raw: str) -> bool:
        """A drive letter mapped to a network share (``net use Z: \\\\nas\\x``)."""
        drive = PureWindowsPath(raw).drive
        if len(drive) != 2 or drive[1] != ":":
            return False
        try:
            kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
        except Exception:  # noqa: BLE001 - a missing API is "not known to be remote"
            return False
        return bool(kind == _DRIVE_REMOTE)

else:

    def _is_remote_drive(raw: str) -> bool:
        return False


def _read_mounts() -> str:
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="surrogateescape") as f:
            return f.read()
    except OSError:
        return ""


_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


def _unescape_mount_point(field: str) -> str:
    r"""/proc/mounts writes a space as ``\040``, a tab ``\011``, a backslash ``\134``."""
    return _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def _mount_fstype(path: str, mounts: str) -> str | None:
    """The filesystem type of the longest mount point holding ``path``.

    Of two mounts on the same point the later one (mounted on top) wins.
    """
    best_length = -1
    best_type: str | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount_point(fields[1])
        if point != "/":
            point = point.rstrip("/")
        if not point.startswith("/"):
            continue
        inside = point == "/" or path == point or path.startswith(point + "/")
        if inside and len(point) >= best_length:
            best_length = len(point)
            best_type = fields[2].casefold()
    return best_type


def _service_by_name(parts: Sequence[str], *, windows: bool) -> str | None:
    """The service named by a folder in ``parts`` (outermost first), if any."""
    folded = [unicodedata.normalize("NFC", part).casefold() for part in parts]
    for index, name in enumerate(folded):
        if index == 2 and folded[1] in ("home", "users"):
            continue  # a user called "box" or "mega" does not sync their home
        parent = folded[index - 1] if index >= 1 else ""
        grandparent = folded[index - 2] if index >= 2 else ""
        if parent == "cloudstorage" and grandparent == "library":
            # macOS File Provider: ~/Library/CloudStorage/<Provider>-<account>
            provider = parts[index].split("-", 1)[0].strip()
            return _CLOUD_STORAGE.get(provider.casefold(), provider or CLOUD_STORAGE_FOLDER)
        if name == "mobile documents" and parent == "library":
            return "iCloud Drive"  # ~/Library/Mobile Documents holds iCloud Drive
        if windows and index == 1 and name in ("my drive", "shared drives"):
            return "Google Drive"  # Google Drive for desktop's G:\My Drive
        if name in ("my drive", "shared drives") and parent.startswith("googledrive"):
            return "Google Drive"
        if name.startswith("google-drive:host="):
            return "Google Drive"  # GNOME online accounts, through gvfs
        if name.startswith(_GVFS_NETWORK):
            return NETWORK_FOLDER
        exact = _EXACT_NAMES.get(name)
        if exact is not None:
            return exact
        for pattern, service in _NAME_PATTERNS:
            if pattern.fullmatch(name):
                return service
    return None


def _service_by_marker(folder: Path) -> str | None:
    """A sync tool's marker file in ``folder`` or one of the folders above it."""
    for depth, ancestor in enumerate((folder, *folder.parents)):
        if depth >= _MAX_MARKER_DEPTH or ancestor.parent == ancestor:
            break  # never the filesystem root itself
        for marker, service in _MARKERS:
            if os.path.lexists(ancestor / marker):  # False on any OSError
                return service
    return None


# -- conflicted_copies -------------------------------------------------------------

_BACKUP = re.compile(r"\.schema\d+-backup-")
_SIDE_FILES = ("-wal", "-shm", "-journal")
_VERSION = re.compile(r"V\d+")


def _copy_patterns(stem: str, suffix: str) -> tuple[re.Pattern[str], ...]:
    """The names sync tools give a conflicted copy of ``stem + suffix``.

    Each is matched against a whole file name; the workspace's own name is
    escaped, so Chinese, spaces, brackets and dots in it are taken literally.
    """
    s = re.escape(stem)
    x = re.escape(suffix)
    date = r"\d{4}-\d{2}-\d{2}"
    return (
        # Dropbox: "stem (conflicted copy 2026-11-20).cplan",
        # "stem (Wang's conflicted copy 2026-11-20).cplan", a second one on the
        # same day "stem (Wang’s conflicted copy 2026-11-20 (1)).cplan".
        re.compile(rf"{s} \((?:.+?['’]s )?conflicted copy {date}(?: \(\d+\))?\){x}"),
        # Dropbox in Chinese: "stem (某某的冲突副本 2026-11-20).cplan".
        re.compile(rf"{s} ?[(（](?:.+?的)?冲突副本 ?{date}(?: ?[(（]\d+[)）])?[)）]{x}"),
        # Dropbox, a file it could not place: "stem (Selective Sync Conflict).cplan",
        # "stem (Case Conflict).cplan", "stem (Case Conflict (1)).cplan".
        re.compile(rf"{s} \((?:Selective Sync|Case) Conflict(?: \(\d+\))?\){x}"),
        # Nextcloud and ownCloud desktop clients:
        # "stem (conflicted copy 2026-11-20 123456).cplan", where newer ones may
        # put the user's name before the date.
        re.compile(rf"{s} \(conflicted copy (?:.+? )?{date} \d{{6}}\){x}"),
        # ownCloud and older Nextcloud clients: "stem_conflict-20261120-123456.cplan".
        re.compile(rf"{s}_conflict-\d{{8}}-\d{{6}}{x}"),
        # Syncthing: "stem.sync-conflict-20261120-123456-ABCDEFG.cplan" (the
        # last part, the short id of the device that made it, is missing in
        # versions before 1.0).
        re.compile(rf"{s}\.sync-conflict-\d{{8}}-\d{{6}}(?:-[A-Z0-9]{{7}})?{x}"),
        # OneDrive: "stem-DESKTOP-AB12CD.cplan", the other computer's name (3
        # to 15 capital letters, digits and hyphens, as Windows names
        # computers), sometimes with "-2" after it. Checked below for a letter
        # and for not being a version ("stem-V2").
        re.compile(rf"{s}-(?P<host>[A-Z0-9][A-Z0-9-]{{1,13}}[A-Z0-9])(?:-\d+)?{x}"),
        # Google Drive for desktop: "stem (1).cplan".
        re.compile(rf"{s} \(\d+\){x}"),
        # iCloud Drive: "stem 2.cplan".
        re.compile(rf"{s} [1-9]\d{{0,2}}{x}"),
        # Resilio Sync: "stem.Conflict.cplan" (numbered when there are more).
        re.compile(rf"{s}\.Conflict(?: \(\d+\))?{x}"),
    )


def _is_copy_name(name: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    for pattern in patterns:
        match = pattern.fullmatch(name)
        if match is None:
            continue
        host = match.groupdict().get("host")
        if host is not None and (_VERSION.fullmatch(host) or not re.search(r"[A-Z]", host)):
            continue  # "stem-2026.cplan", "stem-V12.cplan": names someone chose
        return True
    return False


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def conflicted_copies(path: Path) -> list[Path]:
    """Conflicted copies of the workspace ``path`` that sync tools made beside it.

    Newest first (by modification time). Only SQLite files count (their first
    16 bytes are checked), never ``path`` itself, its ``-wal``/``-shm`` files
    or the backups written before a migration
    (``stem.schema3-backup-....cplan``). See :func:`_copy_patterns` for the
    names recognised: Dropbox (English and Chinese), Nextcloud, ownCloud,
    Syncthing, OneDrive, Google Drive, iCloud Drive and Resilio Sync.
    An unreadable folder gives an empty list.
    """
    folder = path.parent
    own = unicodedata.normalize("NFC", path.name)
    stem = unicodedata.normalize("NFC", path.stem)
    patterns = _copy_patterns(stem, unicodedata.normalize("NFC", path.suffix))
    found: list[tuple[float, str, Path]] = []
    try:
        entries = list(os.scandir(folder))
    except (OSError, ValueError):
        return []
    for entry in entries:
        name = unicodedata.normalize("NFC", entry.name)  # macOS hands out NFD names
        if name.casefold() == own.casefold():
            continue
        if name.endswith(_SIDE_FILES) or _BACKUP.search(name[len(stem) :]):
            continue
        if not _is_copy_name(name, patterns):
            continue
        try:
            if not entry.is_file():
                continue
            modified = entry.stat().st_mtime
        except OSError:
            continue
        candidate = folder / entry.name
        if _is_sqlite(candidate):
            found.append((modified, entry.name, candidate))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [item[2] for item in found]
