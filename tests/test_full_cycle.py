"""A trainer's whole cycle through the command line, on a real nbgrader course: simulated
submissions, grade, feedback, report (DigComp and CRCN), a manual grade entered as in
formgrader, and a learner forgotten."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from conftest import tremplin
from nbgrader.api import Gradebook

FR = "02-tout-est-nombre"


def levels(csv_path) -> dict[tuple[str, str], str]:
    with open(csv_path, newline="", encoding="utf-8") as f:
        return {(row["learner"], row["competence"]): row["level"] for row in csv.DictReader(f)}


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    root = tmp_path_factory.mktemp("cycle") / "atelier"
    for argv in (("course", "demo", str(root), "--learners", "4",
                  "--exercise", "everything-is-a-number"),
                 ("grade", "--course", str(root)),
                 ("feedback", "--course", str(root)),
                 ("report", "--course", str(root), "--names")):
        result = tremplin(*argv)
        assert result.returncode == 0, (argv, result.stderr)
    return root


def test_levels_follow_the_work_done(cycle):
    found = levels(cycle / "reports" / "competences.csv")
    assert found[("camille", "digcomp:1.3")] == "3"  # right answers, up to level 3 questions
    assert found[("camille", "digcomp:3.4")] == "2"
    assert found[("sacha", "digcomp:1.3")] == ""  # nothing answered: no level
    assert found[("alex", "digcomp:3.4")] == "2"  # the English version counts the same
    page = (cycle / "reports" / "learners" / "camille.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "Niveau 3 · Intermédiaire" in page
    english = (cycle / "reports" / "learners" / "alex.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "Level 2 · Foundation" in english
    badges = sorted(p.name for p in (cycle / "reports" / "badges" / "camille").iterdir())
    assert badges == ["digcomp-1.3-level-3.json", "digcomp-3.4-level-2.json"]


def test_a_manual_grade_entered_in_formgrader_counts_in_the_next_report(cycle):
    with Gradebook(f"sqlite:///{cycle / 'gradebook.db'}", "demo") as gb:
        grade = gb.find_grade("explain_why_computers_use_binary", FR, FR, "camille")
        grade.manual_score = 2
        gb.db.commit()
    assert tremplin("report", "--course", str(cycle), "--names").returncode == 0
    assert levels(cycle / "reports" / "competences.csv")[("camille", "digcomp:5.2")] == "3"


def test_the_crcn_report_goes_through_the_crosswalk(cycle, tmp_path):
    out = tmp_path / "crcn"
    result = tremplin("report", "--course", str(cycle), "--framework", "crcn", "--out",
                      str(out), "--names")
    assert result.returncode == 0, result.stderr
    found = levels(out / "competences.csv")
    assert found[("camille", "crcn:3.4")] == "2"
    assert found[("camille", "crcn:1.3")] == "3"
    assert "Novice" in (out / "learners" / "camille.html").read_text(encoding="utf-8")


def test_group_exports_use_pseudonyms_by_default(cycle, tmp_path):
    out = tmp_path / "anonymous"
    assert tremplin("report", "--course", str(cycle), "--out", str(out)).returncode == 0
    for name in ("competences.csv", "index.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert "camille" not in text and "dominique" not in text
        assert "apprenant-" in text


def test_forget_removes_one_learner_everywhere_and_no_one_else(cycle):
    def files_of(learner: str) -> list[str]:
        return [str(p) for p in cycle.rglob("*") if learner in p.name or
                any(part == learner for part in p.relative_to(cycle).parts)]

    assert files_of("dominique") and files_of("camille")
    others_before = sorted(files_of("camille"))
    result = tremplin("forget", "dominique", "--course", str(cycle))
    assert result.returncode == 0, result.stderr
    assert "« dominique » a été effacé·e de ce cours" in result.stdout
    assert files_of("dominique") == []
    assert sorted(files_of("camille")) == others_before
    with sqlite3.connect(cycle / "gradebook.db") as db:
        students = {r[0] for r in db.execute("SELECT id FROM student")}
    assert "dominique" not in students and "camille" in students
    assert "dominique" not in (cycle / ".tremplin" / "grades.json").read_text()
    assert "dominique" not in (cycle / ".tremplin" / "grade.log").read_text()
    table = levels(cycle / "reports" / "competences.csv")
    assert {learner for learner, _ in table} == {"camille", "sacha", "alex"}
    again = tremplin("forget", "dominique", "--course", str(cycle))
    assert "Rien n'est enregistré pour « dominique »" in again.stdout
