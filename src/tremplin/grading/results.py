"""Read a course's grades out of nbgrader's gradebook as plain records for the reports.

One SQL query over nbgrader's own tables (through its SQLAlchemy models, so the schema stays
nbgrader's business) instead of walking ORM objects: a group of 300 learners with 12
assignments is 36 000 grades, which the ORM would take many seconds to load one by one.
A grade's score is nbgrader's: the manual score when a trainer entered one, else the
automatic one, plus any extra credit; a cell still waiting for a manual grade has no score.
"""

from __future__ import annotations

from nbgrader.api import (
    Assignment,
    Grade,
    GradeCell,
    Notebook,
    SubmittedAssignment,
    SubmittedNotebook,
)
from sqlalchemy import create_engine, select

from ..metadata import evidence_by_grade_id, notebook_meta
from ..reports.data import AssignmentInfo, CellResult
from .course import Course


def cell_results(course: Course) -> list[CellResult]:
    """Every graded cell of every submission in the gradebook."""
    query = (
        select(SubmittedAssignment.student_id, Assignment.name, GradeCell.name,
               Grade.auto_score, Grade.manual_score, Grade.extra_credit,
               Grade.needs_manual_grade, GradeCell.max_score)
        .join(GradeCell, Grade.cell_id == GradeCell.id)
        .join(SubmittedNotebook, Grade.notebook_id == SubmittedNotebook.id)
        .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
        .join(Notebook, GradeCell.notebook_id == Notebook.id)
        .join(Assignment, Notebook.assignment_id == Assignment.id)
        .order_by(SubmittedAssignment.student_id, Assignment.name, GradeCell.name)
    )
    engine = create_engine(course.db_url)
    try:
        with engine.connect() as db:
            rows = db.execute(query).all()
    finally:
        engine.dispose()
    results = []
    for learner, assignment, grade_id, auto, manual, extra, needs_manual, max_score in rows:
        if manual is not None:
            score: float | None = manual + (extra or 0)
        elif needs_manual:
            score = None
        else:
            score = (auto or 0) + (extra or 0)
        results.append(CellResult(learner, assignment, grade_id, score, float(max_score)))
    return results


def assignments(course: Course) -> dict[str, AssignmentInfo]:
    """Each source assignment's language, title and evidence, read from its notebooks."""
    found = {}
    for folder in sorted(p for p in course.folder("source").glob("*") if p.is_dir()):
        evidence = {}
        lang, title = "fr", folder.name
        for path in sorted(folder.glob("*.ipynb")):
            meta = notebook_meta(path)
            lang, title = meta.get("lang", lang), meta.get("title", title)
            evidence.update(evidence_by_grade_id(path))
        found[folder.name] = AssignmentInfo(folder.name, lang, title, evidence)
    return found
