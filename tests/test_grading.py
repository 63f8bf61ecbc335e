"""`tremplin grade` on a real nbgrader course: every bad submission is graded as far as possible
and marked with its reason, never stopping the others; learners' code is sandboxed."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
from pathlib import Path

import nbformat
import pytest
from conftest import tremplin
from grading_helpers import (
    FR,
    cell,
    expected_scores,
    hand_in,
    quick_demo,
    right,
    with_answer,
)

from tremplin.grading.grade import grade

SPY = """
import json, os, socket, sqlite3, urllib.request
COURSE = {course!r}
seen = {{}}
for name in ("submitted", "gradebook.db", "source", "release", "feedback", "autograded"):
    seen["sees " + name] = os.path.exists(os.path.join(COURSE, name))
try:
    sqlite3.connect(os.path.join(COURSE, "gradebook.db")).execute(
        "UPDATE grade SET auto_score = 100").connection.commit()
    seen["wrote gradebook"] = True
except Exception:
    seen["wrote gradebook"] = False
try:  # inside the sandbox this lands in a throw-away folder, never in the real course
    open(os.path.join(COURSE, "pwned"), "w").write("x")
except OSError:
    pass
try:
    socket.create_connection(("127.0.0.1", {port}), 2).close()
    seen["reached network"] = True
except OSError:
    seen["reached network"] = False
print("SPY" + json.dumps(seen))
"""

LOOP_THAT_IGNORES_INTERRUPTS = '''def to_binary(number):
    import time
    while True:
        try:
            time.sleep(0.1)
        except KeyboardInterrupt:
            pass
'''


class Listener:
    """A TCP server on the grader's loopback that counts who reaches it."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("grading") / "course"
    course = quick_demo(root, learners=3)  # camille right, dominique partial, sacha wrong
    good = right(course)
    listener = Listener()
    hand_in(course, "corrompu", '{"cells": [ {"cell_type": "code", "sour')
    deleted = right(course)
    deleted.cells.remove(cell(deleted, "count_to_ten_in_binary"))
    hand_in(course, "efface", deleted)
    cheat = with_answer(good, "answer_to_binary", "def to_binary(number):\n    return '?'\n")
    cell(cheat, "count_to_ten_in_binary").source = "assert True"
    hand_in(course, "tricheur", cheat)
    loops = good
    for answer in ("answer_to_binary", "answer_to_decimal", "answer_decode", "answer_photo_size"):
        loops = with_answer(loops, answer, "def " + cell(good, answer).source.split("def ")[1]
                            .split(":")[0] + ":\n    while True:\n        pass\n")
    hand_in(course, "boucle", loops)
    hand_in(course, "sourd", with_answer(good, "answer_to_binary", LOOP_THAT_IGNORES_INTERRUPTS))
    hand_in(course, "bavard", with_answer(good, "answer_to_binary", cell(
        good, "answer_to_binary").source + "\nprint('0' * 5_000_000)\n"))
    hand_in(course, "gourmand", with_answer(good, "answer_decode", "hog = bytearray(2 * 10**9)\n"
                                            + cell(good, "answer_decode").source))
    hand_in(course, "plantage", with_answer(good, "answer_decode", "import os\nos._exit(1)\n"))
    spy = SPY.format(course=str(root), port=listener.port)
    hand_in(course, "malin", with_answer(good, "answer_to_binary",
                                         spy + cell(good, "answer_to_binary").source))
    outcomes = {o.learner: o for o in grade(course=root, jobs=2)}
    return course, outcomes, listener


def score_of(course, learner: str) -> float:
    with sqlite3.connect(course.root / "gradebook.db") as db:
        return db.execute(
            "SELECT SUM(COALESCE(g.manual_score, g.auto_score, 0)) FROM grade g "
            "JOIN submitted_notebook n ON g.notebook_id = n.id "
            "JOIN submitted_assignment a ON n.assignment_id = a.id WHERE a.student_id = ?",
            (learner,)).fetchone()[0]


def test_honest_learners_are_graded_next_to_the_bad_submissions(graded):
    course, outcomes, _ = graded
    expected = expected_scores(course)
    for learner, profile in (("camille", "right"), ("dominique", "partial"), ("sacha", "wrong")):
        assert outcomes[learner].status == "graded", outcomes[learner]
        assert score_of(course, learner) == expected[profile]
    assert expected["right"] > expected["partial"] > expected["wrong"] == 0
    assert all(o.status != "failed" for o in outcomes.values())


def test_a_corrupted_notebook_is_graded_as_a_blank_copy_and_kept(graded):
    course, outcomes, _ = graded
    assert outcomes["corrompu"].status == "incidents"
    assert outcomes["corrompu"].unreadable == [f"{FR}.ipynb"]
    assert outcomes["corrompu"].score == 0
    kept = course.folder("submitted", "corrompu", FR) / f"{FR}.ipynb"
    assert kept.read_text().startswith('{"cells": [ {"cell_type"')


def test_a_deleted_test_cell_is_recorded_by_grade_id(graded):
    _, outcomes, _ = graded
    assert outcomes["efface"].status == "incidents"
    assert outcomes["efface"].cells == {"count_to_ten_in_binary": "deleted"}


def test_an_altered_test_cell_earns_nothing_and_is_flagged_for_review(graded):
    course, outcomes, _ = graded
    assert outcomes["tricheur"].cells == {"count_to_ten_in_binary": "altered"}
    assert score_of(course, "tricheur") == expected_scores(course)["right"] - 2
    with sqlite3.connect(course.root / "gradebook.db") as db:
        flagged = db.execute(
            "SELECT c.name FROM grade g JOIN base_cell c ON g.cell_id = c.id "
            "JOIN submitted_notebook n ON g.notebook_id = n.id JOIN submitted_assignment a "
            "ON n.assignment_id = a.id WHERE a.student_id = 'tricheur' "
            "AND g.needs_manual_grade = 1").fetchall()
    assert ("count_to_ten_in_binary",) in flagged


def test_an_endless_loop_uses_the_budget_then_the_rest_is_not_run(graded):
    course, outcomes, _ = graded
    assert {"timeout", "budget_spent"} <= set(outcomes["boucle"].reasons)
    nb = nbformat.read(course.folder("autograded", "boucle", FR) / f"{FR}.ipynb", as_version=4)
    last_test = cell(nb, "choose_how_many_values_a_byte_holds")
    assert any(o.get("ename") == "TimeBudgetSpent" for o in last_test.outputs)


def test_code_that_ignores_interruptions_costs_one_time_limit_not_one_per_cell(graded):
    course, outcomes, _ = graded
    assert {"timeout", "kernel_stuck"} <= set(outcomes["sourd"].reasons)
    assert "budget_spent" not in outcomes["sourd"].reasons
    nb = nbformat.read(course.folder("autograded", "sourd", FR) / f"{FR}.ipynb", as_version=4)
    assert any(o.get("ename") == "KernelDied" for o in cell(nb, "read_a_binary_number").outputs)


def test_megabytes_of_output_are_trimmed_and_the_work_still_counts(graded):
    course, outcomes, _ = graded
    assert outcomes["bavard"].reasons == ["output_trimmed"]
    assert score_of(course, "bavard") == expected_scores(course)["right"]
    path = course.folder("autograded", "bavard", FR) / f"{FR}.ipynb"
    assert path.stat().st_size < 200_000


def test_memory_exhaustion_fails_that_cell_only(graded):
    course, outcomes, _ = graded
    assert "memory" in outcomes["gourmand"].reasons
    assert score_of(course, "gourmand") == expected_scores(course)["right"] - 1


def test_a_killed_kernel_keeps_the_grades_of_the_cells_before(graded):
    course, outcomes, _ = graded
    assert outcomes["plantage"].status == "incidents"
    assert "kernel_died" in outcomes["plantage"].reasons
    assert score_of(course, "plantage") == 4  # to_binary (2) and to_decimal (2) ran before


def test_a_malicious_submission_sees_no_course_no_gradebook_no_network(graded):
    course, outcomes, listener = graded
    nb = nbformat.read(course.folder("autograded", "malin", FR) / f"{FR}.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for o in cell(nb, "answer_to_binary").outputs)
    seen = json.loads(printed.split("SPY", 1)[1].splitlines()[0])
    assert seen == {"sees submitted": False, "sees gradebook.db": False, "sees source": False,
                    "sees release": False, "sees feedback": False, "sees autograded": False,
                    "wrote gradebook": False,
                    "reached network": False}
    assert listener.connections == 0
    assert not (course.root / "pwned").exists()
    assert score_of(course, "malin") == expected_scores(course)["right"]
    assert score_of(course, "camille") == expected_scores(course)["right"]


def test_the_command_prints_a_table_rerun_is_idempotent_and_exits_0(graded):
    course, outcomes, _ = graded
    before = {learner: score_of(course, learner) for learner in outcomes}
    result = tremplin("grade", "--course", str(course.root))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Apprenant·e", "Exercice", "Note", "État", "Raison"]
    assert sum("déjà corrigé" in line for line in lines) == len(outcomes)
    assert any(line.startswith("corrompu") and "fichier illisible" in line for line in lines)
    assert "12 copies, 0 sans résultat." in result.stderr
    assert {learner: score_of(course, learner) for learner in outcomes} == before


def test_a_changed_submission_is_regraded_alone(graded):
    course, _, _ = graded
    hand_in(course, "sacha", right(course))
    outcomes = {o.learner: o for o in grade(course=course.root, jobs=2)}
    assert outcomes["sacha"].status == "graded"
    assert [o.learner for o in outcomes.values() if o.status != "already"] == ["sacha"]
    assert score_of(course, "sacha") == expected_scores(course)["right"]


def test_many_learners_at_once_lose_and_duplicate_no_grade(tmp_path):
    course = quick_demo(tmp_path / "course", learners=12)
    outcomes = grade(course=course.root, jobs=4)
    assert len(outcomes) == 12 and all(o.status == "graded" for o in outcomes)
    expected = {o.learner: o for o in outcomes}
    with sqlite3.connect(course.root / "gradebook.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        submissions = db.execute("SELECT student_id, COUNT(*) FROM submitted_assignment "
                                 "GROUP BY student_id").fetchall()
        grades = db.execute("SELECT COUNT(*) FROM grade").fetchone()[0]
        cells = db.execute("SELECT COUNT(*) FROM grade_cells").fetchone()[0]
    assert sorted(submissions) == sorted((learner, 1) for learner in expected)
    assert grades == 12 * cells // 2  # each learner did one of the two language versions
    for o in outcomes:
        assert score_of(course, o.learner) == o.score


def test_grading_refuses_to_run_without_its_sandbox(tmp_path):
    course = quick_demo(tmp_path / "course", learners=1)
    env = {"PATH": str(Path(tremplin_python()).parent), "LANG": "fr_FR.UTF-8"}
    result = tremplin("grade", "--course", str(course.root), env=env)
    assert result.returncode == 2
    assert "bubblewrap (bwrap) est introuvable" in result.stderr
    assert not course.folder("autograded").exists()


def tremplin_python() -> str:
    import sys

    return sys.executable
