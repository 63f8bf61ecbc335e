"""Content metadata: the checker reports `file:cell: problem` in words an author understands."""

from __future__ import annotations

from helpers import APP, EXERCISE_EN, EXERCISE_FR, changed, graded_cells, read, write
from nbformat.v4 import new_output

from tremplin.metadata import check_notebook, evidence_by_grade_id, starts_with_verb


def problems(nb, tmp_path, name="exercises/x/x.ipynb"):
    path = write(nb, tmp_path / name)
    return [str(p) for p in check_notebook(path, tmp_path)]


def test_shipped_exercises_and_app_have_no_metadata_problem(tmp_path):
    for path in (EXERCISE_FR, EXERCISE_EN, APP):
        assert problems(read(path), tmp_path) == [], path


def test_unknown_competence_id_on_a_graded_cell_names_file_cell_and_id(tmp_path):
    def edit(nb):
        number, cell = graded_cells(nb)[0]
        cell.metadata["tremplin"]["competences"] = ["digcomp:9.9"]
        edit.number = number

    found = problems(changed(EXERCISE_FR, edit), tmp_path)
    assert len(found) == 1
    assert found[0].startswith(f"exercises/x/x.ipynb:{edit.number}: ")
    assert "9.9" in found[0] and "DigComp" in found[0]


def test_unqualified_competence_id_in_notebook_metadata_says_how_to_write_it(tmp_path):
    nb = changed(EXERCISE_EN, lambda nb: nb.metadata["tremplin"].update(competences=["3.4"]))
    found = problems(nb, tmp_path)
    assert len(found) == 1
    assert found[0].startswith("exercises/x/x.ipynb:notebook: ")
    assert "digcomp:" in found[0] and "crcn" in found[0]


def test_graded_cell_without_level_or_competences_is_reported(tmp_path):
    def edit(nb):
        number, cell = graded_cells(nb)[1]
        del cell.metadata["tremplin"]
        edit.number = number

    found = problems(changed(EXERCISE_FR, edit), tmp_path)
    assert len(found) == 2
    assert all(p.startswith(f"exercises/x/x.ipynb:{edit.number}: ") for p in found)


def test_objective_not_starting_with_a_verb_is_reported_with_its_text(tmp_path):
    nb = changed(EXERCISE_FR, lambda nb: nb.metadata["tremplin"]["objectives"].append(
        "Le binaire en pratique"))
    found = problems(nb, tmp_path)
    assert len(found) == 1 and "Le binaire en pratique" in found[0]


def test_missing_metadata_bad_kind_and_outputs_are_reported(tmp_path):
    nb = changed(EXERCISE_FR, lambda nb: nb.metadata.pop("tremplin"))
    assert any("tremplin" in p for p in problems(nb, tmp_path))
    nb = changed(EXERCISE_FR, lambda nb: nb.metadata["tremplin"].update(kind="lesson"))
    assert any("lesson" in p for p in problems(nb, tmp_path))

    def with_output(nb):
        cell = next(c for c in nb.cells if c.cell_type == "code")
        cell.outputs = [new_output("stream", name="stdout", text="42\n")]
    found = problems(changed(EXERCISE_FR, with_output), tmp_path)
    assert len(found) == 1 and "effacez" in found[0]


def test_test_cell_without_a_comment_saying_what_it_checks_is_reported(tmp_path):
    def edit(nb):
        number, cell = next((n, c) for n, c in graded_cells(nb)
                            if c.cell_type == "code" and not c.metadata.nbgrader.get("solution"))
        cell.source = "\n".join(line for line in cell.source.splitlines()
                                if not line.lstrip().startswith("#"))
        edit.number = number

    found = problems(changed(EXERCISE_EN, edit), tmp_path)
    assert len(found) == 1 and found[0].startswith(f"exercises/x/x.ipynb:{edit.number}: ")


def test_an_unreadable_notebook_is_one_problem_not_a_crash(tmp_path):
    path = tmp_path / "modules" / "fr" / "broken.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text("{ this is not json", encoding="utf-8")
    found = [str(p) for p in check_notebook(path, tmp_path)]
    assert len(found) == 1 and found[0].startswith("modules/fr/broken.ipynb:notebook: ")


def test_objectives_start_with_a_verb_in_both_languages():
    assert starts_with_verb("Compter jusqu'à dix en binaire", "fr")
    assert starts_with_verb("Écrire un nombre en binaire", "fr")
    assert not starts_with_verb("Le binaire", "fr")
    assert starts_with_verb("Count to ten in binary", "en")
    assert not starts_with_verb("Binary numbers", "en")


def test_evidence_is_read_from_the_source_by_grade_id_not_from_a_learner_copy(tmp_path):
    source = evidence_by_grade_id(EXERCISE_FR)
    assert source["count_to_ten_in_binary"].competences == ("digcomp:3.4",)
    assert source["explain_why_computers_use_binary"].points == 2
    points = [c.metadata["nbgrader"]["points"] for _, c in graded_cells(read(EXERCISE_FR))]
    assert sum(e.points for e in source.values()) == sum(points) > 0

    def tamper(nb):
        for _, cell in graded_cells(nb):
            cell.metadata["tremplin"] = {"competences": ["digcomp:5.4"], "level": 8}
    learner_copy = write(changed(EXERCISE_FR, tamper), tmp_path / "submitted.ipynb")
    assert evidence_by_grade_id(learner_copy)["count_to_ten_in_binary"].level == 8
    assert evidence_by_grade_id(EXERCISE_FR) == source  # what grading uses is untouched


def test_both_language_versions_give_the_same_evidence():
    assert evidence_by_grade_id(EXERCISE_FR) == evidence_by_grade_id(EXERCISE_EN)
