"""Grade one learner's submissions with nbgrader, in this process, whatever the files hold.

Runs in a worker process of `tremplin grade`; one learner at a time per worker, because two
nbgrader runs on the same learner clash on their output folder. nbgrader is driven through its
own API (`NbGraderAPI.autograde`), so grades land in its gradebook exactly as with its command;
around it, the kit copies the submission to a staging folder (an unreadable notebook is graded
there as a blank one: zero, instead of nbgrader failing), compares it with the
released notebook, and records per cell what was deleted or altered.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import traceback
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps import NbGraderAPI

from . import execute
from .config import enforce_grading
from .course import Course, open_course
from .tamper import compare_with_release

STAGING = "staging"


@dataclass
class Outcome:
    """What grading one submission gave: the row of the summary table, kept in the state file."""

    learner: str
    assignment: str
    status: str  # graded, incidents, failed (no result), already
    score: float | None = None
    max_score: float | None = None
    reasons: list[str] = field(default_factory=list)  # codes, worded by the summary
    cells: dict[str, str] = field(default_factory=dict)  # grade id -> deleted / altered
    unreadable: list[str] = field(default_factory=list)  # notebook files
    fingerprint: str = ""
    detail: str = ""  # the error, when nbgrader could not grade at all

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def fingerprint(folder: Path) -> str:
    """A digest of a submission's files: re-grading is skipped while it stays the same."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read(path: Path) -> nbformat.NotebookNode:
    """A notebook's cells and metadata, without nbformat's full schema validation (slow, and
    nbgrader validates what it grades anyway): unreadable means not JSON or not a notebook."""
    nb = nbformat.from_dict(json.loads(path.read_text(encoding="utf-8")))
    if not isinstance(nb.get("cells"), list) or not all(isinstance(c, dict) for c in nb.cells):
        raise ValueError(f"{path.name}: not a notebook")
    for cell in nb.cells:
        if isinstance(cell.get("source"), list):
            cell.source = "".join(cell.source)
        cell.setdefault("metadata", {})
    return nb


@lru_cache(maxsize=32)
def _released(path: Path, mtime: float) -> nbformat.NotebookNode:
    return _read(path)  # the same released notebook serves every learner of a worker


@lru_cache(maxsize=4)
def _open(course_root: str) -> tuple[Course, NbGraderAPI]:
    """The course and nbgrader's API, set up once per worker process and course."""
    course = open_course(Path(course_root))
    config = enforce_grading(course.config)
    config.CourseDirectory.submitted_directory = str(Path(course.state.name) / STAGING)
    return course, NbGraderAPI(config=config)


def _stage(course: Course, learner: str, assignment: str, outcome: Outcome) -> Path:
    """Copy the submission aside; a notebook that cannot be read is replaced there by the
    released one, so it is graded as a blank answer (zero, in the gradebook) instead of
    stopping nbgrader. The learner's file in submitted/ is left as it was."""
    stage = course.state / STAGING / learner / assignment
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(course.folder("submitted", learner, assignment), stage,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    released = course.folder("release", ".", assignment)
    for path in sorted(stage.glob("*.ipynb")):
        try:
            nb = _read(path)
        except Exception:  # noqa: BLE001 (any reading error means the same to the learner)
            outcome.unreadable.append(path.name)
            path.unlink()
            if (released / path.name).is_file():
                shutil.copyfile(released / path.name, path)
            continue
        if (released / path.name).is_file():
            original = _released(released / path.name, (released / path.name).stat().st_mtime)
            for finding in compare_with_release(original, nb):
                outcome.cells[finding.grade_id] = finding.problem
    return stage


def _record_cells(gb: Gradebook, assignment: str, learner: str, cells: dict[str, str]) -> None:
    """Flag tampered graded cells for review in formgrader (nbgrader's "needs manual grade")."""
    submission = gb.find_submission(assignment, learner)
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            if grade.name in cells:
                grade.needs_manual_grade = True
    gb.db.commit()


def grade_submission(course: Course, api: NbGraderAPI, learner: str, assignment: str,
                     force: bool = False, known: dict[str, Any] | None = None) -> Outcome:
    submitted = course.folder("submitted", learner, assignment)
    outcome = Outcome(learner, assignment, "graded", fingerprint=fingerprint(submitted))
    if known and not force and known.get("fingerprint") == outcome.fingerprint \
            and known.get("status") != "failed":
        return Outcome(**{**known, "status": "already"})
    _stage(course, learner, assignment, outcome)
    execute.INCIDENTS.clear()
    result = api.autograde(assignment, learner, force=True, create=True)
    for found in execute.INCIDENTS.values():
        outcome.reasons += [r for r in found if r not in outcome.reasons]
    with Gradebook(course.db_url, course.course_id) as gb:
        try:
            submission = gb.find_submission(assignment, learner)
            outcome.score, outcome.max_score = submission.score, submission.max_score
        except MissingEntry:
            submission = None
        if outcome.cells and submission is not None:
            _record_cells(gb, assignment, learner, outcome.cells)
    if not result.get("success") or submission is None:
        print(result.get("log", ""), flush=True)  # workers' output goes to .tremplin/grade.log
        outcome.status = "failed"
        outcome.detail = ((result.get("error") or "").strip().splitlines() or [""])[-1]
    elif outcome.reasons or outcome.cells or outcome.unreadable:
        outcome.status = "incidents"
    return outcome


def grade_learner(course_root: str, learner: str, assignments: list[str], force: bool,
                  known: dict[str, dict[str, Any]]) -> list[Outcome]:
    """Grade every given assignment of one learner; never raises, every submission gets a row."""
    outcomes = []
    try:
        course, api = _open(course_root)
    except Exception as exc:  # noqa: BLE001
        return [Outcome(learner, a, "failed", detail=str(exc)) for a in assignments]
    for assignment in assignments:
        try:
            outcomes.append(grade_submission(course, api, learner, assignment, force,
                                             known.get(f"{learner}/{assignment}")))
        except Exception:  # noqa: BLE001 (one submission's trouble must not stop the others)
            detail = traceback.format_exc().strip().splitlines()[-1]
            outcomes.append(Outcome(learner, assignment, "failed", detail=detail))
    return outcomes
