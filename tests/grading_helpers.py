"""Builders for grading tests: demo courses with quick limits, learners' bad submissions."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from tremplin.grading.course import Course
from tremplin.grading.demo import TIMESTAMP, _answer_cell, build_demo, submission

FR = "02-tout-est-nombre"
TOPIC = "everything-is-a-number"  # the exercise grading tests use, in both languages
# Short limits so that endless loops cost seconds, not minutes.
QUICK_LIMITS = """
c.Execute.timeout = 3
c.BudgetedExecute.budget = 10
c.BudgetedExecute.max_output_chars = 20000
c.SandboxedKernelManager.memory_mb = 700
"""


def quick_demo(folder: Path, learners: int) -> Course:
    course = build_demo(folder, learners=learners, exercises=(TOPIC,))
    with open(folder / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(QUICK_LIMITS)
    return course


def paths(course: Course, assignment: str = FR) -> tuple[Path, Path]:
    name = f"{assignment}.ipynb"
    return (course.folder("source", ".", assignment) / name,
            course.folder("release", ".", assignment) / name)


def right(course: Course, assignment: str = FR) -> nbformat.NotebookNode:
    return submission(*paths(course, assignment), "right")


def cell(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def hand_in(course: Course, learner: str, nb: nbformat.NotebookNode | str,
            assignment: str = FR) -> Path:
    folder = course.folder("submitted", learner, assignment)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timestamp.txt").write_text(TIMESTAMP, encoding="utf-8")
    path = folder / f"{assignment}.ipynb"
    if isinstance(nb, str):
        path.write_text(nb, encoding="utf-8")
    else:
        nbformat.write(nb, path)
    return path


def expected_scores(course: Course, assignment: str = FR) -> dict[str, float]:
    """Autograded points each demo profile should earn: a test cell scores when the answer
    cell before it was typed (all for "right", every other one for "partial", none else)."""
    src = nbformat.read(paths(course, assignment)[0], as_version=4)
    scores = {"right": 0.0, "partial": 0.0, "wrong": 0.0}
    answers = -1
    for c in src.cells:
        meta = c.metadata.get("nbgrader", {})
        if _answer_cell(c):
            answers += 1
        if meta.get("grade") and not meta.get("solution"):
            scores["right"] += meta["points"]
            scores["partial"] += meta["points"] if answers % 2 == 0 else 0
    return scores


def with_answer(nb: nbformat.NotebookNode, grade_id: str, code: str) -> nbformat.NotebookNode:
    """A copy of `nb` where the answer cell `grade_id` holds `code`."""
    nb = copy.deepcopy(nb)
    cell(nb, grade_id).source = code
    return nb
