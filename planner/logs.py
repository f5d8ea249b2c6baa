"""The log file: where details go that a user never sees as a traceback."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(log_file: Path) -> None:
    """Send the app's log to a rotating file; fall back to stderr warnings only."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for old in list(root.handlers):
        if getattr(old, "_planner", False):
            root.removeHandler(old)
            old.close()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._planner = True  # type: ignore[attr-defined]
    root.addHandler(handler)
