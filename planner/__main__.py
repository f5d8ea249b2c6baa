"""``python -m planner`` runs the same entry point as the ``planner`` command."""

import sys

from planner.cli import main

sys.exit(main())
