"""`tremplin course init` makes a standard nbgrader course whose gradebook is created reliably,
and `tremplin feedback` writes feedback in the learner's language without hidden tests."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import tremplin
from grading_helpers import FR, cell, paths, quick_demo
from helpers import ROOT

from tremplin.grading.feedback import write_feedback
from tremplin.grading.grade import grade

EN = "02-everything-is-a-number"


def tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_init_makes_a_course_nbgraders_own_commands_use(tmp_path):
    folder = tmp_path / "atelier-mardi"
    # Without the kit's environment on PATH: nbgrader would not find `alembic` on its own.
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    result = tremplin("course", "init", str(folder), env=env)
    assert result.returncode == 0, result.stderr
    assert "Cours créé dans" in result.stdout
    assert {"alembic_version", "grade", "student"} <= tables(folder / "gradebook.db")
    kit = sorted(p.name for p in (ROOT / "exercises").iterdir())
    assert sorted(p.name for p in (folder / "source").iterdir()) == kit
    nbgrader = Path(sys.executable).parent / "nbgrader"
    run = subprocess.run([str(nbgrader), "generate_assignment", FR], cwd=folder, text=True,
                         capture_output=True, env={**os.environ})
    assert run.returncode == 0, run.stderr
    released = nbformat.read(folder / "release" / FR / f"{FR}.ipynb", as_version=4)
    answer = next(c for c in released.cells if "answer_byte_values" in c.source)
    assert "[ ] 256" in answer.source and "[x] 256" not in answer.source  # boxes cleared
    assert "atelier-mardi" in (folder / "nbgrader_config.py").read_text()


def test_init_never_overwrites_a_course(tmp_path):
    folder = tmp_path / "cours"
    assert tremplin("course", "init", str(folder)).returncode == 0
    config = (folder / "nbgrader_config.py").read_text()
    result = tremplin("course", "init", str(folder))
    assert result.returncode == 2
    assert "contient déjà un cours" in result.stderr
    assert (folder / "nbgrader_config.py").read_text() == config


def half_made(db: Path, with_grades: bool) -> None:
    """What a failed first creation leaves: nbgrader's tables, no alembic version."""
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE submitted_assignment (id TEXT)")
        conn.execute("CREATE TABLE grade (id TEXT)")
        if with_grades:
            conn.execute("INSERT INTO submitted_assignment VALUES ('x')")


def test_a_half_made_empty_gradebook_is_rebuilt(tmp_path):
    folder = tmp_path / "cours"
    assert tremplin("course", "init", str(folder)).returncode == 0
    (folder / "gradebook.db").unlink()
    half_made(folder / "gradebook.db", with_grades=False)
    assert tremplin("grade", "--course", str(folder)).returncode == 0
    assert "alembic_version" in tables(folder / "gradebook.db")


def test_a_half_made_gradebook_holding_grades_is_left_alone_with_advice(tmp_path):
    folder = tmp_path / "cours"
    assert tremplin("course", "init", str(folder)).returncode == 0
    (folder / "gradebook.db").unlink()
    half_made(folder / "gradebook.db", with_grades=True)
    before = (folder / "gradebook.db").read_bytes()
    result = tremplin("grade", "--course", str(folder))
    assert result.returncode == 2
    assert "nbgrader db upgrade" in result.stderr
    assert (folder / "gradebook.db").read_bytes() == before


def test_grading_a_folder_that_is_not_a_course_says_how_to_make_one(tmp_path):
    result = tremplin("grade", "--course", str(tmp_path))
    assert result.returncode == 2
    assert "tremplin course init" in result.stderr


@pytest.fixture(scope="module")
def fed_back(tmp_path_factory):
    course = quick_demo(tmp_path_factory.mktemp("feedback") / "course", learners=4)
    grade(course=course.root, jobs=2)
    return course, write_feedback(course=course.root)


def test_feedback_hides_the_hidden_tests_that_grading_used(fed_back):
    course, pages = fed_back
    assert len(pages) == 4
    source = nbformat.read(paths(course)[0], as_version=4)
    hidden = cell(source, "count_to_ten_in_binary").source.split("### BEGIN HIDDEN TESTS")[1]
    hidden_line = hidden.strip().splitlines()[0].strip()
    autograded = course.folder("autograded", "camille", FR) / f"{FR}.ipynb"
    assert hidden_line in autograded.read_text()  # grading ran them …
    for page in pages:
        assert hidden_line not in page.read_text()  # … feedback does not show them


def test_feedback_speaks_the_learners_language_and_names_competences(fed_back):
    course, _ = fed_back
    french = (course.folder("feedback", "camille", FR) / f"{FR}.html").read_text()
    assert '<html lang="fr">' in french
    assert "Votre réponse" in french and "Student's answer" not in french
    assert "Cette question montre : DigComp 2.2 (cadre européen) 3.4 « Programmer »" in french
    english = (course.folder("feedback", "alex", EN) / f"{EN}.html").read_text()
    assert '<html lang="en">' in english
    assert "This question shows: DigComp 2.2 (European framework) 3.4 \"Programming\"" in english
