"""French and English versions stay in step: same cells, same code, same grading, same tags."""

from __future__ import annotations

from helpers import EXERCISE_EN, EXERCISE_FR, ROOT, changed, graded_cells, read, write

from tremplin.bilingual import check_pairs, code_shape
from tremplin.paths import content_notebooks


def pair_problems(tmp_path, fr=None, en=None):
    fr_path = write(fr or read(EXERCISE_FR), tmp_path / "exercises/fr/ex.ipynb")
    en_path = write(en or read(EXERCISE_EN), tmp_path / "exercises/en/ex.ipynb")
    return [str(p) for p in check_pairs([fr_path, en_path], tmp_path)]


def test_every_lesson_in_the_repo_exists_in_both_languages_in_step():
    notebooks = content_notebooks(ROOT)
    assert [str(p) for p in check_pairs(notebooks, ROOT)] == []
    langs = {}
    for path in notebooks:
        meta = read(path).metadata["tremplin"]
        if meta["kind"] != "app":
            langs.setdefault((meta["kind"], meta["id"]), set()).add(meta["lang"])
    assert ("exercise", "everything-is-a-number") in langs
    assert all(found == {"fr", "en"} for found in langs.values()), langs


def test_translated_strings_and_comments_are_allowed_but_code_is_not():
    assert code_shape('print("Bonjour")  # salut') == code_shape('print("Hello")  # hi')
    assert code_shape("x = 1") != code_shape("nombre = 1")
    assert code_shape('f"{a} et {b}"') == code_shape('f"{a} and {b}"')


def test_code_changed_in_one_language_is_reported_at_its_cell(tmp_path):
    def edit(nb):
        number, cell = next((n, c) for n, c in graded_cells(nb) if c.cell_type == "code")
        cell.source = cell.source.replace("assert to_binary(2)", "assert to_binaire(2)")
        edit.number = number

    found = pair_problems(tmp_path, en=changed(EXERCISE_EN, edit))
    assert len(found) == 1
    assert found[0].startswith(f"exercises/en/ex.ipynb:{edit.number}: ")
    assert "exercises/fr/ex.ipynb" in found[0]


def test_a_missing_cell_points_changed_or_tags_changed_are_reported(tmp_path):
    found = pair_problems(tmp_path, en=changed(EXERCISE_EN, lambda nb: nb.cells.pop()))
    assert any(":notebook: " in p for p in found)

    def more_points(nb):
        graded_cells(nb)[0][1].metadata.nbgrader["points"] = 5
    assert len(pair_problems(tmp_path, fr=changed(EXERCISE_FR, more_points))) == 1

    def other_level(nb):
        nb.metadata["tremplin"]["level"] = 3
    found = pair_problems(tmp_path, en=changed(EXERCISE_EN, other_level))
    assert len(found) == 1 and "level" in found[0]


def test_a_lesson_in_one_language_only_is_reported(tmp_path):
    fr_path = write(read(EXERCISE_FR), tmp_path / "exercises/fr/ex.ipynb")
    found = [str(p) for p in check_pairs([fr_path], tmp_path)]
    assert len(found) == 1 and found[0].startswith("exercises/fr/ex.ipynb:notebook: ")
    assert "en" in found[0].split(": ", 1)[1]


def test_two_notebooks_claiming_the_same_language_are_reported(tmp_path):
    fr = write(read(EXERCISE_FR), tmp_path / "exercises/fr/a.ipynb")
    twin = write(read(EXERCISE_FR), tmp_path / "exercises/fr/b.ipynb")
    en = write(read(EXERCISE_EN), tmp_path / "exercises/en/a.ipynb")
    found = [str(p) for p in check_pairs([fr, twin, en], tmp_path)]
    assert any("exercises/fr/a.ipynb" in p and "exercises/fr/b.ipynb" in p for p in found)
