"""The exercise through nbgrader's own commands: generate, submit, autograde, read the gradebook.

A learner who fills in the solutions (and answers the questions) gets every autograded point; the
notebook as released gets none; a broken submission fails alone. Run once per language: a learner
submits one of the two. Expected totals are read from the source notebooks, not written here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from helpers import ROOT, graded_cells, read

ASSIGNMENTS = {"fr": "02-tout-est-nombre", "en": "02-everything-is-a-number"}


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess[str]:
    bindir = Path(sys.executable).parent
    return subprocess.run([str(bindir / "nbgrader"), *args], cwd=course, text=True,
                          capture_output=True, timeout=600)


def is_question(cell: nbformat.NotebookNode) -> bool:
    return bool(cell.metadata.get("tremplin", {}).get("question"))


def fill_in(released: nbformat.NotebookNode, source: nbformat.NotebookNode):
    """What a learner who knows the answers hands in: each answer cell gets the solution, each
    question (plain cells, without grade id) the source's ticked box or words, in order."""
    solutions = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    answers = iter([c.source for c in source.cells if is_question(c)])
    for cell in released.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in solutions:
            cell.source = solutions[grade_id]
        elif is_question(cell):
            cell.source = next(answers)
    assert next(answers, None) is None, "every question of the source was answered"
    return released


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the kit's course with both assignments generated and four learners' work in."""
    kit = tmp_path_factory.mktemp("kit")
    shutil.copytree(ROOT / "exercises", kit / "exercises")
    (kit / "grading").mkdir()
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", kit / "grading")
    course = kit / "grading"
    runs = {}
    for lang, assignment in ASSIGNMENTS.items():
        runs[f"generate-{lang}"] = nbgrader(course, "generate_assignment", assignment)
        released = course / "release" / assignment / f"{assignment}.ipynb"
        source = kit / "exercises" / assignment / f"{assignment}.ipynb"
        learners = {f"solved_{lang}": fill_in(read(released), read(source)),
                    f"blank_{lang}": read(released)}
        for learner, nb in learners.items():
            folder = course / "submitted" / learner / assignment
            folder.mkdir(parents=True)
            nbformat.write(nb, folder / released.name)
        if lang == "fr":
            broken = course / "submitted" / "broken_fr" / assignment
            broken.mkdir(parents=True)
            (broken / released.name).write_text('{"cells": [', encoding="utf-8")
        runs[f"autograde-{lang}"] = nbgrader(course, "autograde", assignment)
    return course, runs


def scores(course: Path, assignment: str) -> dict[str, tuple[float, float]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        found = {}
        for sub in gradebook.assignment_submissions(assignment):
            nb = sub.notebooks[0]
            auto = sum(g.score for g in nb.grades if g.auto_score is not None)
            found[sub.student_id] = (auto, nb.max_score)
        return found


def expected_points(assignment: str) -> tuple[float, float]:
    """(autograded, total) points of the source: tests are graded cells that are not answers;
    graded answers (the written question) wait for a trainer."""
    graded = [c.metadata["nbgrader"] for _, c in graded_cells(read(
        ROOT / "exercises" / assignment / f"{assignment}.ipynb"))]
    return (sum(g["points"] for g in graded if not g.get("solution")),
            sum(g["points"] for g in graded))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_released_notebook_has_no_solutions_and_bilingual_stubs(course, lang):
    course_dir, runs = course
    assert runs[f"generate-{lang}"].returncode == 0, runs[f"generate-{lang}"].stderr
    assignment = ASSIGNMENTS[lang]
    text = (course_dir / "release" / assignment / f"{assignment}.ipynb").read_text()
    assert "VOTRE CODE ICI / YOUR CODE HERE" in text
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    assert "value * 2 + int(bit)" not in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_solution_gets_every_autograded_point_and_released_gets_zero(course, lang):
    course_dir, runs = course
    assignment = ASSIGNMENTS[lang]
    found = scores(course_dir, assignment)
    auto, total = expected_points(assignment)
    assert 0 < auto < total  # some autograded points, and the written question for a trainer
    assert found[f"solved_{lang}"] == (auto, total)
    assert found[f"blank_{lang}"] == (0, total)


def test_a_broken_submission_fails_alone(course):
    course_dir, runs = course
    assert runs["autograde-fr"].returncode == 1  # nbgrader says something failed...
    assert "broken_fr" in runs["autograde-fr"].stdout + runs["autograde-fr"].stderr
    found = scores(course_dir, ASSIGNMENTS["fr"])
    assert found["solved_fr"] == expected_points(ASSIGNMENTS["fr"])  # ...the others were graded
    assert found["broken_fr"][0] == 0  # recorded, with no points given by mistake
    assert runs["autograde-en"].returncode == 0, runs["autograde-en"].stderr
