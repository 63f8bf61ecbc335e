"""The curriculum as a trainer meets it: every module comes in both languages with its exercise,
pathways list real modules with their durations, and the exercises assess the competences the
curriculum promises (through the crosswalk for the CRCN, as reports count them)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import tremplin
from helpers import ROOT

from tremplin.curriculum import coverage, exercise_evidence, modules_of_kit, modules_table
from tremplin.i18n import LANGUAGES
from tremplin.pathways import PathwayError, format_minutes, load_pathways, plan

# Curriculum part 1 (modules 0–6) must give evidence for at least these.
PART_1_DIGCOMP = {"1.3", "3.4", "5.1", "5.2", "5.3", "4.4"}
PART_1_CRCN = {"1.2", "1.3", "3.4", "5.1", "5.2"}
PART_1_MODULES = ("first-steps", "inside-the-machine", "everything-is-a-number",
                  "algorithms-unplugged", "programming-step-by-step", "data-and-tables",
                  "how-the-internet-works")
PART_2_MODULES = ("web-and-online-services", "finding-and-checking-information",
                  "everyday-security", "privacy-and-digital-identity",
                  "citizenship-law-and-civility", "online-procedures", "ai-in-everyday-life")
ALL_MODULES = PART_1_MODULES + PART_2_MODULES
AUDIENCES_WITH_A_PATHWAY = {"seniors", "teenagers", "job-seekers", "families", "library-staff"}

MODULES = modules_of_kit(ROOT)


def notebooks_of(kind: str) -> dict[tuple[str, str], tuple[Path, dict]]:
    """(id, lang) → (path, notebook) for every notebook of one kind."""
    found = {}
    for folder in ("modules", "exercises"):
        for path in sorted((ROOT / folder).rglob("*.ipynb")):
            nb = json.loads(path.read_text(encoding="utf-8"))
            meta = nb["metadata"]["tremplin"]
            if meta["kind"] == kind:
                found[(meta["id"], meta["lang"])] = (path, nb)
    return found


def text_of(nb: dict) -> str:
    return "\n".join("".join(c["source"]) for c in nb["cells"])


@pytest.mark.parametrize("module_id", ALL_MODULES)
def test_each_module_has_both_languages_an_exercise_and_a_workshop_length(module_id):
    modules, exercises = notebooks_of("module"), notebooks_of("exercise")
    for lang in LANGUAGES:
        assert (module_id, lang) in modules, f"module {module_id} missing in {lang}"
        assert (module_id, lang) in exercises, f"exercise {module_id} missing in {lang}"
        _, nb = modules[(module_id, lang)]
        duration = nb["metadata"]["tremplin"]["duration"]
        assert 30 <= duration["teaching"] + duration["exercises"] <= 60
        text = text_of(nb)
        glossary, further = {"fr": ("lexique", "pour aller plus loin"),
                             "en": ("glossary", "to go further")}[lang]
        assert glossary in text.lower() and further in text.lower()


@pytest.mark.parametrize("module_id", ALL_MODULES)
def test_each_exercise_has_hidden_tests_and_a_written_answer_graded_by_hand(module_id):
    for lang in LANGUAGES:
        _, nb = notebooks_of("exercise")[(module_id, lang)]
        graded = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade")]
        auto = [c for c in graded if c["cell_type"] == "code"]
        manual = [c for c in graded if c["cell_type"] == "markdown"]
        assert manual, "no written answer graded by hand"
        assert len(auto) >= 3
        assert any("### BEGIN HIDDEN TESTS" in "".join(c["source"]) for c in auto)
        assert all(c["metadata"]["tremplin"]["competences"] for c in graded)


def test_part_1_gives_evidence_for_the_competences_it_promises():
    digcomp = {qid.split(":")[1] for qid, found in coverage(ROOT, "digcomp").items() if found}
    crcn = {qid.split(":")[1] for qid, found in coverage(ROOT, "crcn").items() if found}
    assert digcomp >= PART_1_DIGCOMP, sorted(PART_1_DIGCOMP - digcomp)
    assert crcn >= PART_1_CRCN, sorted(PART_1_CRCN - crcn)


def test_the_whole_curriculum_gives_evidence_for_every_competence_of_both_frameworks():
    for framework, count in (("digcomp", 21), ("crcn", 16)):
        table = coverage(ROOT, framework)
        assert len(table) == count
        missing = [qid for qid, found in table.items() if not found]
        assert missing == [], f"no exercise assesses {missing}"


def test_evidence_is_read_from_graded_cells_only(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "modules").mkdir()
    nb = {"metadata": {"tremplin": {"kind": "exercise", "id": "demo", "lang": "fr"}},
          "cells": [
              {"cell_type": "code", "source": "", "metadata": {
                  "nbgrader": {"grade": True}, "tremplin": {"competences": ["digcomp:4.4"]}}},
              {"cell_type": "code", "source": "", "metadata": {
                  "nbgrader": {"grade": False}, "tremplin": {"competences": ["digcomp:2.1"]}}}]}
    (tmp_path / "exercises" / "demo.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    assert exercise_evidence(tmp_path) == {"demo": {"digcomp:4.4"}}
    table = coverage(tmp_path, "crcn")
    assert table["crcn:4.3"] == ["demo"]  # digcomp 4.4 → crcn 4.3 through the crosswalk
    assert table["crcn:2.1"] == []


def test_pathways_exist_for_each_audience_and_add_up_the_modules_minutes():
    pathways = load_pathways()
    assert {p.audience for p in pathways.values()} >= AUDIENCES_WITH_A_PATHWAY
    for pathway in pathways.values():
        for lang in LANGUAGES:
            steps = plan(pathway, lang, MODULES)
            assert [s.id for s in steps.steps] == list(pathway.modules)
            assert all(s.lang == lang and (ROOT / s.path).is_file() for s in steps.steps)
            assert steps.minutes == sum(s.minutes for s in steps.steps) > 0


def test_tremplin_pathways_prints_each_module_in_order_with_the_total():
    seniors = load_pathways()["seniors"]
    french = plan(seniors, "fr", MODULES)
    result = tremplin("pathways", "seniors")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Seniors : apprivoiser l'ordinateur (seniors)"
    for number, step in enumerate(french.steps, 1):
        duration = format_minutes(step.minutes, "fr")
        assert lines[number + 1].startswith(f"  {number}. {step.title} — {duration}  (modules/fr/")
    assert lines[-1] == (f"  Total : {len(french.steps)} module(s), "
                         f"{format_minutes(french.minutes, 'fr')} d'atelier (exercices compris).")
    english = tremplin("pathways", "seniors", "--lang", "en").stdout
    assert "Seniors: getting to know the computer" in english and "modules/en/" in english
    unknown = tremplin("pathways", "astronauts")
    assert unknown.returncode == 2 and "Parcours « astronauts » inconnu" in unknown.stderr


def test_minutes_read_as_on_a_workshop_poster():
    assert [format_minutes(m, "fr") for m in (45, 60, 90, 125)] == ["45 min", "1 h", "1 h 30",
                                                                   "2 h 05"]


def write_pathways(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pathways.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
seniors:
  audience: seniors
  title: {fr: "Seniors", en: "Seniors"}
  summary: {fr: "Doucement.", en: "Gently."}
  modules: [a, b]
"""


@pytest.mark.parametrize(("change", "expected"), [
    (("[a, b]", "[a, zz]"), "pathways.yaml:seniors : le module « zz » n'existe pas en français "
                            "et en anglais. Modules du kit : a, b."),
    (("audience: seniors", "audience: astronauts"), "pathways.yaml:seniors : public "
                                                    "« astronauts » inconnu."),
    (('en: "Seniors"', 'de: "Senioren"'), "pathways.yaml:seniors : le champ « title » doit "
                                          "exister en français (fr) et en anglais (en)."),
    (("[a, b]", "[a, b, a]"), "un module figure deux fois dans le parcours (a)"),
    (("[a, b]", "[]"), "pathways.yaml:seniors : donnez la liste des modules du parcours"),
    (("modules: [a, b]", "modules: [a, b"), "pathways.yaml n'est pas du YAML valide"),
])
def test_a_bad_pathway_says_which_entry_and_what_to_fix(tmp_path, monkeypatch, change, expected):
    monkeypatch.setenv("TREMPLIN_LANGUAGE", "fr")
    path = write_pathways(tmp_path, GOOD.replace(*change))
    with pytest.raises(PathwayError) as error:
        load_pathways(path, known_modules={"a", "b"})
    assert expected in str(error.value)


def test_the_example_pathway_loads(tmp_path):
    found = load_pathways(write_pathways(tmp_path, GOOD), known_modules={"a", "b"})
    assert found["seniors"].modules == ("a", "b")


def test_tremplin_check_names_a_pathway_listing_a_missing_module(tmp_path):
    for name in ("modules", "exercises", "voila_apps"):
        (tmp_path / name).mkdir()
    write_pathways(tmp_path / "modules", GOOD)
    env = dict(os.environ, TREMPLIN_ROOT=str(tmp_path))
    result = tremplin("check", env=env)
    assert result.returncode == 1
    assert "pathways.yaml:seniors : le module « a » n'existe pas" in result.stdout


def test_tremplin_coverage_lists_every_competence_and_its_exercises():
    result = tremplin("coverage", "--framework", "crcn", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 16
    table = coverage(ROOT, "crcn")
    assert lines[0].startswith("crcn:1.1  Searching and monitoring information: ")
    assert any(line.startswith("crcn:3.4") and "everything-is-a-number" in line for line in lines)
    covered = sum(1 for found in table.values() if found)
    assert f"{covered} of 16 competences assessed by at least one exercise." in result.stderr


def autograded_points(source: Path) -> float:
    nb = json.loads(source.read_text(encoding="utf-8"))
    return sum(c["metadata"]["nbgrader"]["points"] for c in nb["cells"]
               if c["metadata"].get("nbgrader", {}).get("grade")
               and not c["metadata"]["nbgrader"].get("solution"))


def test_every_exercise_grades_right_work_full_and_blank_work_zero_in_the_sandbox(tmp_path):
    """Each exercise through the trainer's real path: released by nbgrader, answered, graded by
    `tremplin grade` in the sandbox. Catches what `tremplin check` cannot: an exercise needing
    something the sandbox hides (a file, the network) or a question the released copy breaks."""
    from tremplin.grading.demo import build_demo
    from tremplin.grading.grade import grade

    # camille: right, in French; dominique: partly right; sacha: nothing; alex: right, in English
    course = build_demo(tmp_path / "course", learners=4, english_every=4)
    outcomes = grade(course=course.root, jobs=2)
    exercises = sorted(p.name for p in (ROOT / "exercises").iterdir() if p.is_dir())
    assert len(outcomes) == 4 * len(exercises) // 2
    for outcome in outcomes:
        full = autograded_points(ROOT / "exercises" / outcome.assignment /
                                 f"{outcome.assignment}.ipynb")
        assert outcome.status == "graded", (outcome.learner, outcome.assignment, outcome.reasons)
        expected = {"camille": full, "alex": full, "sacha": 0}.get(outcome.learner)
        if expected is not None:
            assert outcome.score == expected, (outcome.learner, outcome.assignment)
        lang = json.loads((ROOT / "exercises" / outcome.assignment / f"{outcome.assignment}.ipynb")
                          .read_text(encoding="utf-8"))["metadata"]["tremplin"]["lang"]
        assert lang == ("en" if outcome.learner == "alex" else "fr")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_readme_lists_every_module_with_its_length_and_competences(lang):
    """The README's table is made from the modules' metadata, so it cannot drift: when a module
    changes, paste the table this test prints between the README's markers."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = modules_table(ROOT, lang)
    assert f"<!-- modules:{lang} -->\n{table}\n<!-- /modules:{lang} -->" in readme, table
    assert table.count("\n") - 1 == sum(1 for m in MODULES if m.lang == lang)
