"""`competences.csv`: one row per learner and competence, for spreadsheets and other tools.

Columns are fixed (`learner,framework,competence,level,points,max_points`) so that a
spreadsheet or a script built on one export keeps working on the next; numbers use a dot and
no thousands separator whatever the language, and an empty level means "not reached yet".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from .group import Label, by_label, labeller
from .levels import format_points
from .profile import LearnerProfile

COLUMNS = ("learner", "framework", "competence", "level", "points", "max_points")


def competences_csv(profiles: Mapping[str, LearnerProfile], label: Label = None) -> str:
    """The CSV text: learners sorted by label (see `by_label`), competences in framework order."""
    name = labeller(label)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for shown, profile in by_label(profiles, name):
        for qid, found in profile.levels.items():
            writer.writerow((shown, profile.framework, qid,
                             "" if found.level is None else found.level,
                             format_points(found.points), format_points(found.max_points)))
    return buffer.getvalue()
