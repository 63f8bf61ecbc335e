"""Reports built from a small hand-made course: learner pages (HTML, PDF), group overview, CSV.

Golden files in tests/golden/ hold the expected learner pages and CSV, byte for byte. After an
intended change of the reports, regenerate them and review the diff before committing:

    TREMPLIN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_reports.py
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import ROOT
from pypdf import PdfReader

from tremplin.curriculum import modules_of_kit
from tremplin.frameworks import frameworks
from tremplin.i18n import LANGUAGES, t
from tremplin.metadata import Evidence
from tremplin.reports import build as build_module
from tremplin.reports.build import build_reports, write_atomic
from tremplin.reports.charts import BAND_PLAIN, area_bars, area_svg
from tremplin.reports.csv_export import competences_csv
from tremplin.reports.data import AssignmentInfo, CellResult, ModuleInfo
from tremplin.reports.group import cell_stats, discrimination_index, group_html
from tremplin.reports.learner_page import learner_html, learner_view
from tremplin.reports.learner_pdf import learner_pdf, printable
from tremplin.reports.profile import learner_lang, learner_profiles, recommend

GOLDEN = Path(__file__).parent / "golden"
ACCENTS = "Protéger sa vie privée « à l’écran » : ça, c’est l’œuvre de chacun, même après"


def cells(*spec: tuple[str, tuple[str, ...], int, float]) -> dict[str, Evidence]:
    return {g: Evidence(g, comps, level, points) for g, comps, level, points in spec}


NUMBERS = cells(("count_to_ten", ("digcomp:3.4",), 2, 2),
                ("read_a_number", ("digcomp:1.3", "digcomp:3.4"), 2, 2),
                ("photo_size", ("digcomp:1.3",), 3, 1),
                ("explain_binary", ("digcomp:1.3", "digcomp:5.2"), 3, 2))
ASSIGNMENTS = {
    "tout-est-nombre": AssignmentInfo("tout-est-nombre", "fr", "Tout est nombre", NUMBERS),
    "everything-is-a-number": AssignmentInfo("everything-is-a-number", "en",
                                             "Everything is a number", NUMBERS),
    "trier": AssignmentInfo("trier", "fr", "Trier ses fichiers", cells(
        ("sort_files", ("digcomp:1.3",), 2, 2), ("name_files", ("digcomp:2.1",), 1, 1))),
}
MODULES = [
    ModuleInfo("everything-is-a-number", "en", "Everything is a number",
               "modules/en/02-everything-is-a-number.ipynb", ("digcomp:1.3", "digcomp:3.4"), 2),
    ModuleInfo("tout-est-nombre", "fr", "Tout est nombre", "modules/fr/02-tout-est-nombre.ipynb",
               ("digcomp:1.3", "digcomp:3.4"), 2),
    ModuleInfo("vie-privee", "fr", ACCENTS, "modules/fr/05-vie-privee.ipynb", ("digcomp:4.2",), 2),
    ModuleInfo("premiers-pas", "fr", "Premiers pas", "modules/fr/01-premiers-pas.ipynb",
               ("digcomp:2.1",), 1),
]


def handed_in(learner: str, assignment: str, **got: float | None) -> list[CellResult]:
    ev = ASSIGNMENTS[assignment].evidence
    return [CellResult(learner, assignment, g, s, ev[g].points) for g, s in got.items()]


# ana (French): 1.3 level 3, 3.4 level 2, 2.1 level 1, 5.2 pending only.
# ben (English): 5.2 level 3 only; 1.3 and 3.4 not reached. cleo: one French, one English.
RESULTS = [
    *handed_in("ana", "tout-est-nombre", count_to_ten=2, read_a_number=2, photo_size=0,
               explain_binary=None),
    *handed_in("ana", "trier", sort_files=2, name_files=1),
    *handed_in("ben", "everything-is-a-number", count_to_ten=0, read_a_number=1, photo_size=0,
               explain_binary=2),
    *handed_in("cleo", "tout-est-nombre", count_to_ten=2, read_a_number=2, photo_size=1,
               explain_binary=1),
    *handed_in("cleo", "everything-is-a-number", count_to_ten=2, read_a_number=2, photo_size=1,
               explain_binary=2),
]


@pytest.fixture(scope="module")
def profiles():
    return learner_profiles(RESULTS, ASSIGNMENTS, MODULES, default_lang="en")


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>, or rewrite it when TREMPLIN_UPDATE_GOLDEN is set."""
    path = GOLDEN / name
    if os.environ.get("TREMPLIN_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"no golden file {name}: run with TREMPLIN_UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs"


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


# Profiles: language and next modules

def test_the_language_is_that_of_most_assignments_handed_in(profiles):
    assert profiles["ana"].lang == "fr"
    assert profiles["ben"].lang == "en"
    assert profiles["cleo"].lang == "en"  # a tie: the default passed in
    assert learner_lang([], ASSIGNMENTS, "fr") == "fr"
    assert learner_lang([], ASSIGNMENTS, "en_GB.UTF-8") == "en"


def test_levels_pending_points_and_next_modules_of_a_profile(profiles):
    ana = profiles["ana"]
    assert {q: x.level for q, x in ana.levels.items()} == {
        "digcomp:1.3": 3, "digcomp:2.1": 1, "digcomp:3.4": 2, "digcomp:5.2": None}
    assert (ana.pending_cells, ana.pending_points) == (1, 2)
    # everything assessed is reached at the modules' levels: only new ground is suggested
    assert [m.id for m in ana.recommended] == ["vie-privee"]
    assert [m.id for m in profiles["ben"].recommended] == ["everything-is-a-number"]


def test_modules_to_take_again_come_first_at_most_three_in_a_stable_order(profiles):
    many = [replace(MODULES[2], id=f"new-{i}") for i in range(3)] + [MODULES[1]]
    levels = profiles["ben"].levels  # 1.3 and 3.4 not reached
    assert [m.id for m in recommend(levels, many, "fr", "digcomp")] == [
        "tout-est-nombre", "new-0", "new-1"]
    assert recommend(levels, many, "de", "digcomp") == ()


def test_the_kits_modules_are_read_from_their_notebooks():
    found = modules_of_kit(ROOT)
    assert {m.lang for m in found} == set(LANGUAGES)
    for module in found:
        assert (ROOT / module.path).is_file()
        assert module.competences and 1 <= module.level <= 8


# The learner's page

def test_the_learners_page_speaks_their_language_and_names_levels(profiles):
    html = learner_html(learner_view(profiles["ana"], 0.7))
    assert '<html lang="fr">' in html
    assert "Niveau 3 · Intermédiaire" in html and "Niveau 2 · Fondamental" in html
    assert "Pas encore atteint" in html
    assert "vous savez réaliser des tâches simples, avec de l’aide si besoin" in html
    assert "Points en jeu : 2" in html
    assert "modules/fr/05-vie-privee.ipynb" in html
    en = learner_html(learner_view(profiles["ben"], 0.7))
    assert '<html lang="en">' in en and "Level 3 · Intermediate" in en
    assert "you can carry out routine tasks" in en
    assert "Everything is a number (file modules/en/02-everything-is-a-number.ipynb)" in en


def test_crcn_levels_have_their_own_names():
    crcn = learner_profiles(RESULTS, ASSIGNMENTS, MODULES, framework="crcn")
    html = learner_html(learner_view(crcn["ana"], 0.7))
    assert "Niveau 3 · Indépendant" in html and "CRCN" in html
    assert "travailler en autonomie sur des tâches connues" in html


def test_every_band_of_every_framework_has_plain_words_in_both_languages():
    for fw in frameworks().values():
        for band in fw.bands:
            assert all(t(BAND_PLAIN[(fw.id, band.id)], lang) for lang in LANGUAGES)


def test_charts_are_accessible_images_with_text_labels(profiles):
    fw = frameworks()["digcomp"]
    heading, bars = area_bars(fw, profiles["ana"].levels, "fr")[0]
    svg = area_svg(fw, heading, bars, "fr")
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title>Domaine 1 · Maîtrise de l&#x27;information et des données : vos niveaux" in svg
    assert "Niveau 3 · Intermédiaire" in svg  # in the description read aloud
    assert ">Fondamental</text>" in svg and ">3</text>" in svg


def test_everything_shown_is_escaped(profiles):
    nasty = replace(profiles["ana"], learner="<script>x</script>",
                    recommended=(replace(MODULES[2], title="<b>bold</b>"),))
    html = learner_html(learner_view(nasty, 0.7))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html


def test_a_learner_with_no_evidence_is_told_so(profiles):
    html = learner_html(learner_view(replace(profiles["ana"], levels={}), 0.7))
    assert "Aucune question notée pour l’instant." in html and "<svg" not in html


# The learner's PDF

def test_the_pdf_says_the_same_with_french_accents_intact(profiles):
    view = learner_view(profiles["ana"], 0.7)
    data = learner_pdf(view)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in ("Vos compétences numériques", "Apprenant ou apprenante : ana",
                     "Niveau 3 · Intermédiaire", "Ce que vous avez réussi", "Pour continuer",
                     "vous savez réaliser des tâches simples, avec de l’aide si besoin",
                     ACCENTS, "Points en jeu : 2"):
        assert expected in text, expected
    assert learner_pdf(view) == data  # no date inside: the same grades give the same file


def test_the_pdf_in_english(profiles):
    text = pdf_text(learner_pdf(learner_view(profiles["ben"], 0.7)))
    assert "Your digital skills" in text and "Level 3 · Intermediate" in text


def test_characters_outside_the_pdf_font_degrade_instead_of_failing():
    assert printable("Élise « œ » ’") == "Élise « œ » ’"
    assert printable("Ŝtefan ≤ 3") == "Stefan ? 3"  # the accent dropped, or "?"
    assert b"%PDF" in learner_pdf(learner_view(learner_profiles(
        handed_in("Łukasz→", "trier", sort_files=2), ASSIGNMENTS, [])["Łukasz→"], 0.7))


# The group overview

def discrimination_course(n: int, cell_share: list[float], other: list[float]):
    """Learners l0..l(n-1) with a share on the question "q" and points on "rest" (out of 10)."""
    info = AssignmentInfo("ex", "fr", "Exercice", cells(
        ("q", ("digcomp:1.1",), 1, 1), ("rest", ("digcomp:1.1",), 1, 10)))
    results = []
    for i in range(n):
        results += [CellResult(f"l{i}", "ex", "q", cell_share[i], 1),
                    CellResult(f"l{i}", "ex", "rest", other[i], 10)]
    return {"ex": info}, results


def test_discrimination_is_the_upper_minus_lower_27_percent():
    # 10 learners: groups of round(2.7) = 3. Totals rise with "rest"; the question is passed
    # by the 3 best and by 1 of the 3 weakest: D = 3/3 - 1/3.
    share = [1, 0, 0, 0, 1, 0, 0, 1, 1, 1]
    assignments, results = discrimination_course(10, share, list(range(10)))
    q = next(s for s in cell_stats(results, assignments) if s.grade_id == "q")
    assert q.discrimination == pytest.approx(2 / 3)
    assert q.success == pytest.approx(0.5)


def test_a_question_only_weak_learners_pass_discriminates_negatively():
    assignments, results = discrimination_course(4, [1, 0, 0, 0], [0, 3, 6, 9])
    stats = {s.grade_id: s for s in cell_stats(results, assignments)}
    assert stats["q"].discrimination == pytest.approx(-1)
    assert stats["rest"].discrimination == pytest.approx(0.9)


def test_discrimination_needs_four_learners_and_leaves_pending_grades_out():
    assert discrimination_index({"a": 1, "b": 0, "c": 1}, {"a": 1, "b": 0, "c": 1}) is None
    assignments, results = discrimination_course(4, [1, 0, 0, 0], [0, 3, 6, 9])
    results[-2] = replace(results[-2], score=None)  # l3's answer to "q" is waiting for a grade
    q = next(s for s in cell_stats(results, assignments) if s.grade_id == "q")
    assert (q.graded, q.discrimination, q.success) == (3, None, pytest.approx(1 / 3))
    page = group_html({}, [q], assignments, framework="digcomp", threshold=0.7, lang="en")
    assert "<td class=\"n\">n/a</td>" in page


def test_the_group_overview_shows_levels_as_numbers_and_questions_nobody_passed(profiles):
    stats = cell_stats(RESULTS, ASSIGNMENTS)
    labels = {"ana": "Pseudo-A", "ben": "Pseudo-B", "cleo": "Pseudo-C"}
    html = group_html(profiles, stats, ASSIGNMENTS, framework="digcomp", threshold=0.7,
                      lang="fr", label=labels)
    assert '<html lang="fr">' in html and "Vue d’ensemble du groupe" in html
    assert "ana" not in html.replace("Pseudo-A", "")  # only labels are shown
    row = re.search(r'<th scope="row">Pseudo-A</th>(.*?)</tr>', html).group(1)
    # columns: 1.3, 2.1, 3.4, 5.2; "–": nothing graded on that competence
    assert re.findall(r"<td[^>]*>([^<]*)</td>", row) == ["3", "1", "2", "0"]
    ben = re.search(r'<th scope="row">Pseudo-B</th>(.*?)</tr>', html).group(1)
    assert re.findall(r"<td[^>]*>([^<]*)</td>", ben) == ["0", "–", "0", "3"]
    nobody = html.split("Questions que personne n’a entièrement réussies")[1]
    # ana's answer waits for a grade, cleo got 1 of 2; in English, ben got 2 of 2
    assert re.findall(r"<li>(.*?)</li>", nobody) == ["Tout est nombre · explain_binary"]


# CSV

def test_the_csv_has_fixed_columns_labels_and_empty_levels_when_not_reached(profiles):
    text = competences_csv(profiles, {"ana": "P1", "ben": "P2", "cleo": "P3"})
    lines = text.splitlines()
    assert lines[0] == "learner,framework,competence,level,points,max_points"
    assert "P1,digcomp,digcomp:1.3,3,4,5" in lines
    assert "P1,digcomp,digcomp:5.2,,0,0" in lines
    assert "P2,digcomp,digcomp:3.4,,1,4" in lines
    assert [x.split(",")[0] for x in lines[1:]] == sorted(x.split(",")[0] for x in lines[1:])


def test_golden_learner_pages_and_csv(profiles):
    golden("learner-fr.html", learner_html(learner_view(profiles["ana"], 0.7)))
    golden("learner-en.html", learner_html(learner_view(profiles["ben"], 0.7)))
    golden("competences.csv", competences_csv(profiles))


# Building the folder

def test_build_writes_every_file_calls_the_badge_writer_and_is_reproducible(tmp_path):
    calls = []

    def badge(learner, qid, level, lang, folder):
        calls.append((learner, qid, level, lang, folder))
        return write_atomic(folder / f"{qid.replace(':', '-')}.json", "{}")

    summary = build_reports(results=RESULTS, assignments=list(ASSIGNMENTS.values()),
                            modules=MODULES, out=tmp_path / "a", badge_writer=badge)
    out = tmp_path / "a"
    assert summary.index == out / "index.html" and summary.csv == out / "competences.csv"
    assert summary.learners == 3
    assert {p.name for p in summary.learner_files} == {
        f"{x}.{ext}" for x in ("ana", "ben", "cleo") for ext in ("html", "pdf")}
    assert ("ana", "digcomp:1.3", 3, "fr", out / "badges" / "ana") in calls
    assert len(calls) == summary.levels_reached == len(summary.badges)
    assert not list(out.rglob("*.tmp"))
    build_reports(results=RESULTS, assignments=ASSIGNMENTS, modules=MODULES, out=tmp_path / "b")
    for path in (out / "index.html", out / "competences.csv", *summary.learner_files):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(out)).read_bytes()


def test_learner_files_from_a_process_pool_are_the_same(tmp_path):
    many = [replace(r, learner=f"{r.learner}{i:02d}") for i in range(15) for r in RESULTS]
    for jobs in (1, 2):
        build_reports(results=many, assignments=ASSIGNMENTS, modules=MODULES,
                      out=tmp_path / str(jobs), jobs=jobs)
    one, two = (sorted((tmp_path / j / "learners").iterdir()) for j in "12")
    assert len(one) == 2 * 45
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_a_failed_write_leaves_the_previous_report_whole(tmp_path, monkeypatch):
    path = write_atomic(tmp_path / "index.html", "good")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(build_module.os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(path, "half")
    assert path.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


@pytest.mark.parametrize("learner", ["../ana", ".hidden", "a\\b"])
def test_a_learner_id_that_is_not_a_file_name_is_refused_before_writing(tmp_path, learner):
    bad = [replace(r, learner=learner) for r in RESULTS[:2]]
    with pytest.raises(ValueError, match=re.escape(learner)):
        build_reports(results=bad, assignments=ASSIGNMENTS, modules=[], out=tmp_path)
    assert not list(tmp_path.iterdir())
