"""Community Planner: plan, run and replicate online communities."""

__version__ = "0.1.0"
APP_NAME = "Community Planner"
