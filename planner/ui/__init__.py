"""The Qt user interface: a client of the core in ``planner``."""
