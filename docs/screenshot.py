"""Regenerate docs/screenshot.png: the main window on the sample workspace.

QT_QPA_PLATFORM=offscreen python docs/screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner.communities import find_community  # noqa: E402
from planner.paths import AppPaths  # noqa: E402
from planner.settings import Settings  # noqa: E402
from planner.ui.app import create_application  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshot.png"


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home  # the status bar shows "~/…", not a temp path
        paths = AppPaths.under(Path(home))
        app = create_application()
        window = MainWindow(paths, Settings(paths.settings_file), "screenshot")
        window.resize(1280, 860)
        window.show()
        window.open_sample()
        assert window.session is not None
        window.sidebar.select(
            find_community(window.session.workspace, "深夜读书会 · 付费会员圈").id
        )
        app.processEvents()
        window.grab().save(str(OUT))
        window.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
