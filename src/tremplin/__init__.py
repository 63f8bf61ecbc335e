"""Tremplin: a Jupyter teaching kit for digital literacy.

The Python API is what the `tremplin` command calls: every function here takes keyword
arguments and returns data, so a trainer's script can do what the command line does.
"""

from .check import run_checks
from .frameworks import frameworks, in_framework, resolve
from .metadata import evidence_by_grade_id
from .servers import apps_command, lab_command
from .settings import load_settings

__all__ = ["apps_command", "evidence_by_grade_id", "frameworks", "in_framework", "lab_command",
           "load_settings", "resolve", "run_checks"]
__version__ = "0.1.0"
