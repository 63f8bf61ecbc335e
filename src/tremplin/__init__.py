"""Tremplin: a Jupyter teaching kit for digital literacy.

The Python API is what the `tremplin` command calls: every function here takes keyword
arguments and returns data, so a trainer's script can do what the command line does.
Names are imported on first use: a learner's notebook that imports `tremplin.questions` must
not pay for nbformat, nbgrader and the rest (seconds per notebook when grading).
"""

from __future__ import annotations

import importlib
from typing import Any

_API = {
    "apps_command": "servers", "lab_command": "servers", "run_checks": "check",
    "frameworks": "frameworks", "in_framework": "frameworks", "resolve": "frameworks",
    "evidence_by_grade_id": "metadata", "load_settings": "settings",
    "grade": "grading.grade", "write_feedback": "grading.feedback", "forget": "grading.forget",
    "init_course": "grading.course", "build_demo": "grading.demo",
}
__all__ = sorted(_API)
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'tremplin' has no attribute {name!r}")
