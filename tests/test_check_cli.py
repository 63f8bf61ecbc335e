"""`tremplin check` as an author runs it: the whole kit passes; each kind of mistake is named."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import tremplin
from helpers import APP, EXERCISE_EN, EXERCISE_FR, ROOT, changed, graded_cells, write
from nbformat.v4 import new_code_cell

from tremplin.paths import content_notebooks


def test_every_notebook_of_the_kit_passes_every_check_and_executes():
    notebooks = content_notebooks(ROOT)
    kinds = {path.parts[len(ROOT.parts)] for path in notebooks}
    assert kinds == {"modules", "exercises", "voila_apps"}
    result = tremplin("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert f"{len(notebooks)} carnet(s) vérifié(s), 0 problème" in result.stderr


def kit_copy(tmp_path: Path, notebooks: dict[str, object]) -> dict[str, str]:
    """A kit folder holding only `notebooks` ({relative path: notebook}); env pointing at it."""
    for name in ("modules", "exercises", "voila_apps"):
        (tmp_path / name).mkdir()
    for rel, nb in notebooks.items():
        write(nb, tmp_path / rel)
    return dict(os.environ, TREMPLIN_ROOT=str(tmp_path))


def wrong_solution(nb):
    answer = next(c for c in nb.cells if "def to_decimal" in c.source)
    answer.source = answer.source.replace("value * 2 + int(bit)", "value * 10 + int(bit)")


def test_a_wrong_solution_and_a_test_passing_on_a_blank_answer_are_named(tmp_path):
    def weak_test(nb):
        number, cell = next((n, c) for n, c in graded_cells(nb) if "decode" in c.source
                            and not c.metadata.nbgrader.get("solution"))
        cell.source = "# Checks nothing at all (a weak test)\nassert True"
        weak_test.number = number

    env = kit_copy(tmp_path, {
        "exercises/fr/ex.ipynb": changed(EXERCISE_FR, wrong_solution),
        "exercises/en/ex.ipynb": changed(EXERCISE_EN, weak_test),
    })
    result = tremplin("check", cwd=tmp_path, env=env)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("exercises/fr/ex.ipynb:7: ") and "to_decimal" in line
               for line in lines), lines
    assert any(line.startswith(f"exercises/en/ex.ipynb:{weak_test.number}: ") for line in lines)
    # the French code no longer matches the English: reported too, at the cell that drifted
    assert any(line.startswith("exercises/en/ex.ipynb:6: ") for line in lines), lines


def test_a_cell_that_fails_is_named_and_the_other_notebooks_are_still_checked(tmp_path):
    def crash(nb):
        nb.cells.insert(2, new_code_cell("# Une erreur de frappe\nprint(nombre_inconnu)"))
    broken_app = changed(APP, crash)
    bad_json = tmp_path / "voila_apps" / "zz-broken.ipynb"
    env = kit_copy(tmp_path, {"voila_apps/app.ipynb": broken_app,
                              "exercises/fr/ex.ipynb": changed(EXERCISE_FR, wrong_solution),
                              "exercises/en/ex.ipynb": changed(EXERCISE_EN, wrong_solution)})
    bad_json.write_text("{ not a notebook", encoding="utf-8")
    result = tremplin("check", cwd=tmp_path, env=env)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("voila_apps/app.ipynb:3: ") and "nombre_inconnu" in line
               for line in lines), lines
    assert any(line.startswith("voila_apps/zz-broken.ipynb:notebook: ") for line in lines)
    assert any(line.startswith("exercises/fr/ex.ipynb:7: ") for line in lines), lines
    assert "Traceback" not in result.stderr


def test_check_without_executing_is_quick_and_a_missing_file_is_a_clear_error(tmp_path):
    result = tremplin("check", "--no-execute")
    assert result.returncode == 0, result.stdout + result.stderr
    result = tremplin("check", str(tmp_path / "nowhere.ipynb"))
    assert result.returncode == 2
    assert "nowhere.ipynb" in result.stderr and "Traceback" not in result.stderr


def test_notebooks_outside_the_kit_are_checked_and_named_as_given(tmp_path):
    fr = write(changed(EXERCISE_FR, wrong_solution), tmp_path / "draft" / "fr.ipynb")
    en = write(changed(EXERCISE_EN, lambda nb: None), tmp_path / "draft" / "en.ipynb")
    result = tremplin("check", "--no-execute", str(fr), str(en))
    assert "Traceback" not in result.stderr and "Erreur" not in result.stderr, result.stderr
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{en}:6: ")  # English code drifted from French


def test_a_kernel_that_dies_before_starting_is_started_again_once(monkeypatch):
    from tremplin import check

    app = ROOT / "voila_apps" / "binaire-et-pixels.ipynb"
    calls: list[int] = []

    def dies_first(path, root):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError(check.NEVER_STARTED)
        return []

    monkeypatch.setattr(check, "execute_notebook", dies_first)
    assert check.check_one(app, ROOT) == [] and len(calls) == 2

    def always_dies(path, root):
        raise RuntimeError(check.NEVER_STARTED)

    monkeypatch.setattr(check, "execute_notebook", always_dies)
    [problem] = check.check_one(app, ROOT)
    assert check.NEVER_STARTED in problem.message
