"""Who wrote what: the labels of the devices that changed a workspace.

Every row records the device that last wrote it (``updated_by``, a device
id). The ``devices`` table gives each id a label a person recognises
(``wang@laptop-7``); it travels with snapshots and merges, so a template a
teammate made can say whose it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from planner.i18n import QT_TRANSLATE_NOOP
from planner.workspace import Workspace, record_device

__all__ = ["record_device", "read_devices", "learn_devices", "device_labels", "made_by_others"]


def read_devices(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """Every (id, label, seen_at) in the ``devices`` table."""
    return [(str(i), str(la), int(s)) for i, la, s in conn.execute("SELECT * FROM devices")]


def learn_devices(conn: sqlite3.Connection, devices: Iterable[tuple[str, str, int]]) -> None:
    """Take in another copy's device labels; the label seen last wins."""
    conn.executemany(
        "INSERT INTO devices (id, label, seen_at) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET label = excluded.label, seen_at = excluded.seen_at "
        "WHERE excluded.seen_at > devices.seen_at",
        list(devices),
    )


def device_labels(ws: Workspace) -> dict[str, str]:
    return {str(i): str(la) for i, la in ws.db.execute("SELECT id, label FROM devices")}


def made_by_others(ws: Workspace, table: str) -> dict[str, str]:
    """Rows of ``table`` first written on another device: id -> that device's label.

    A row's first version in ``row_versions`` names the device that made it;
    an unknown device reads "a teammate".
    """
    labels = device_labels(ws)
    teammate = QT_TRANSLATE_NOOP("Devices", "a teammate")
    rows = ws.db.execute(
        "SELECT row_id, updated_by, min(updated_at) FROM row_versions "
        "WHERE table_name = ? GROUP BY row_id",
        [table],
    ).fetchall()
    return {
        str(row_id): labels.get(device, teammate)
        for row_id, device, _ in rows
        if device != ws.device_id
    }
