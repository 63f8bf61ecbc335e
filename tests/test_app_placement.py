"""The placement test's rules: questions file, levels per area, advice, modules, pathway, PDF."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
import yaml
from pypdf import PdfReader

from tremplin.apps.placement import (
    AUDIENCES,
    AreaResult,
    Placement,
    area_level,
    choose_pathway,
    recommend_modules,
    score,
    weakest_areas,
)
from tremplin.apps.placement_pdf import result_pdf
from tremplin.apps.placement_questions import (
    AREAS,
    QUESTIONS_FILE,
    Question,
    QuestionError,
    load_questions,
)
from tremplin.apps.placement_view import screen_html
from tremplin.pathways import Pathway
from tremplin.reports.data import ModuleInfo

QUESTIONS = load_questions()
DONT_KNOW = 3  # the fourth button of every question


def module(mid: str, lang: str, title: str, competences: tuple[str, ...], level: int = 2,
           minutes: int = 60) -> ModuleInfo:
    return ModuleInfo(mid, lang, title, f"modules/{lang}/{mid}.ipynb", competences, level,
                      minutes)


MODULES = [module(mid, lang, f"{title} ({lang})", comps, level, minutes)
           for lang in ("fr", "en") for mid, title, comps, level, minutes in (
               ("first-steps", "First steps", ("digcomp:1.3", "digcomp:5.1"), 1, 45),
               ("machine", "Machine", ("digcomp:5.2", "digcomp:4.4"), 2, 55),
               ("tables", "Tables", ("digcomp:1.2", "digcomp:1.3"), 2, 55),
               ("web", "Web", ("digcomp:2.1", "digcomp:2.2", "digcomp:3.1"), 2, 55),
               ("security", "Security", ("digcomp:4.1", "digcomp:4.2"), 2, 60),
               ("privacy", "Privacy", ("digcomp:2.6", "digcomp:4.2"), 2, 55),
               ("civility", "Civility", ("digcomp:3.3", "digcomp:4.3"), 2, 60))]


def pathway(pid: str, audience: str, modules: tuple[str, ...]) -> Pathway:
    return Pathway(pid, audience, {"fr": f"Parcours {pid}", "en": f"Pathway {pid}"},
                   {"fr": f"Résumé {pid}", "en": f"Summary {pid}"}, modules)


PATHWAYS = {p.id: p for p in (
    pathway("seniors", "seniors", ("first-steps", "machine", "security")),
    pathway("teenagers", "teenagers", ("tables", "web", "civility")),
    pathway("job-seekers", "job-seekers", ("first-steps", "tables", "web")),
    pathway("staff", "library-staff", ("first-steps", "machine", "tables", "web", "security",
                                       "privacy", "civility")))}


def app(lang: str = "fr", audience: str | None = "other",
        answers: list[int | None] | None = None) -> Placement:
    return Placement(lang, QUESTIONS, MODULES, dict(PATHWAYS), audience, list(answers or []))


def all_right() -> list[int | None]:
    return [q.right for q in QUESTIONS]


def all_wrong() -> list[int | None]:
    return [(q.right + 1) % 3 for q in QUESTIONS]


def right_except(*areas: str) -> list[int | None]:
    """Right everywhere except "I don't know" in the given areas."""
    return [None if q.area in areas else q.right for q in QUESTIONS]


# The questions file


def test_the_shipped_questions_cover_every_area_in_10_to_15_screens():
    assert 10 <= len(QUESTIONS) <= 15
    for area in AREAS:
        mine = [q for q in QUESTIONS if q.area == area]
        assert len(mine) >= 2, area
        assert any(q.level >= 3 for q in mine), f"area {area} cannot reach intermediate"
    assert {q.level for q in QUESTIONS} <= {1, 2, 3, 4}
    assert all(q.competence.startswith(f"digcomp:{q.area}.") for q in QUESTIONS)
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    assert len({q.right for q in QUESTIONS}) == 3  # the right answer is not always in one place


def write_questions(tmp_path, change) -> object:
    """The shipped file with `change(entries)` applied, written to tmp_path."""
    raw = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    change(raw["questions"])
    path = tmp_path / "app-placement-questions.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_a_question_without_english_names_the_file_and_the_question(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs[4]["question"].pop("en"))
    with pytest.raises(QuestionError, match=r"app-placement-questions\.yaml.*text-message-fine"
                                            r".*question.*\(en\)"):
        load_questions(path)


def test_an_answer_without_english_names_the_answer(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs[0]["answers"][2].pop("en"))
    with pytest.raises(QuestionError, match=r"printer-prints-nothing.*answers\[2\]"):
        load_questions(path)


def test_an_unknown_area_names_the_question_and_the_known_areas(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs[1].update(area="6"))
    with pytest.raises(QuestionError, match=r"app-placement-questions\.yaml.*"
                                            r"library-opening-hours.*6.*1, 2, 3, 4, 5"):
        load_questions(path)


def test_an_answer_index_out_of_range_names_the_question(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs[2].update(right=3))
    with pytest.raises(QuestionError, match=r"app-placement-questions\.yaml.*video-call-muted"
                                            r".*0.*2.*3"):
        load_questions(path)


def test_a_competence_of_another_area_is_refused(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs[3].update(competence="digcomp:4.1"))
    with pytest.raises(QuestionError, match="bold-word.*digcomp:4.1"):
        load_questions(path)


def test_a_level_outside_1_to_4_and_a_fourth_answer_are_refused(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs[0].update(level=5))
    with pytest.raises(QuestionError, match="printer-prints-nothing.*5"):
        load_questions(path)
    path = write_questions(tmp_path, lambda qs: qs[0]["answers"].append({"fr": "x", "en": "x"}))
    with pytest.raises(QuestionError, match="printer-prints-nothing.*3"):
        load_questions(path)


def test_a_repeated_or_missing_id_is_named(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs[1].update(id="printer-prints-nothing"))
    with pytest.raises(QuestionError, match="printer-prints-nothing"):
        load_questions(path)
    path = write_questions(tmp_path, lambda qs: qs[1].pop("id"))
    with pytest.raises(QuestionError, match="#2"):
        load_questions(path)


def test_an_area_left_with_one_question_is_refused(tmp_path):
    path = write_questions(tmp_path, lambda qs: qs.remove(qs[2]))  # one of area 2's two
    with pytest.raises(QuestionError, match=r"app-placement-questions\.yaml.*2.*1.*2"):
        load_questions(path)


def test_a_file_that_is_not_a_list_of_questions_is_named(tmp_path):
    path = tmp_path / "app-placement-questions.yaml"
    path.write_text("questions: nothing\n", encoding="utf-8")
    with pytest.raises(QuestionError, match=r"app-placement-questions\.yaml"):
        load_questions(path)


# Scoring


def levels(answers: list[int | None]) -> dict[str, str | None]:
    return {area: r.level for area, r in score(QUESTIONS, answers).items()}


def test_all_right_is_intermediate_everywhere_with_every_point():
    results = score(QUESTIONS, all_right())
    assert {r.level for r in results.values()} == {"intermediate"}
    assert all(r.right == r.asked and r.points == r.possible for r in results.values())
    assert sum(r.asked for r in results.values()) == len(QUESTIONS)
    assert weakest_areas(results) == ()


def test_all_wrong_and_all_dont_know_are_beginner_everywhere_alike():
    for answers in (all_wrong(), [None] * len(QUESTIONS)):
        results = score(QUESTIONS, answers)
        assert {r.level for r in results.values()} == {"beginner"}
        assert all(r.right == 0 and r.points == 0 for r in results.values())
        assert weakest_areas(results) == AREAS


def test_mixed_answers_give_each_area_its_own_level():
    answers = right_except("4")
    security = [i for i, q in enumerate(QUESTIONS) if q.area == "4"]
    answers[security[0]] = QUESTIONS[security[0]].right  # the SMS fine, level 2
    answers[security[1]] = QUESTIONS[security[1]].right  # the password, level 2
    found = levels(answers)
    assert found["4"] == "foundation"  # 4 points of 7, the level-3 question missed
    assert {found[a] for a in "1235"} == {"intermediate"}
    assert weakest_areas(score(QUESTIONS, answers)) == ("4",)


def test_a_hard_question_counts_more_than_an_easy_one():
    hard = Question("h", "1", "digcomp:1.3", 4, {}, (), 0)
    easy = Question("e", "1", "digcomp:1.1", 1, {}, (), 0)
    assert area_level([(easy, True), (hard, False)]) == "beginner"  # 1 point of 5: 20 %
    assert area_level([(easy, False), (hard, True)]) == "intermediate"  # 4 points of 5: 80 %


def test_easy_questions_alone_never_make_an_intermediate():
    easy = [Question(f"e{i}", "5", "digcomp:5.1", 2, {}, (), 0) for i in range(3)]
    assert area_level([(q, True) for q in easy]) == "foundation"


def test_no_area_is_judged_on_fewer_than_two_questions():
    one = Question("only", "3", "digcomp:3.1", 4, {}, (), 0)
    assert area_level([(one, True)]) is None
    assert area_level([]) is None
    questions = (one, *[q for q in QUESTIONS if q.area != "3"])
    answers = [0] + [None] * (len(questions) - 1)
    results = score(questions, answers)
    assert results["3"].level is None and results["3"].asked == 1
    assert "3" not in weakest_areas(results)
    shown = Placement("fr", questions, MODULES, PATHWAYS, "other", answers)
    assert shown.level_text(results["3"]) == (
        "Créer des contenus : Pas assez de questions pour juger")


def test_weakest_areas_are_those_at_the_lowest_level_below_intermediate():
    def result(area: str, level: str | None) -> AreaResult:
        return AreaResult(area, 2, 1, 1, 2, level)

    results = {"1": result("1", "foundation"), "2": result("2", "beginner"),
               "3": result("3", "intermediate"), "4": result("4", "beginner"),
               "5": result("5", None)}
    assert weakest_areas(results) == ("2", "4")
    results["2"] = results["4"] = result("2", "intermediate")
    assert weakest_areas(results) == ("1",)


# Recommendations


def test_a_weak_security_area_recommends_the_security_modules_first():
    chosen = recommend_modules(MODULES, ("4",), {"digcomp:4.1", "digcomp:4.2"}, "en")
    assert [m.id for m in chosen] == ["security", "privacy"]  # both teach what was missed
    assert all(m.lang == "en" for m in chosen)
    french = recommend_modules(MODULES, ("4",), {"digcomp:4.2"}, "fr")
    assert [m.title for m in french] == ["Security (fr)", "Privacy (fr)"]


def test_when_no_module_teaches_what_was_missed_the_areas_modules_are_offered():
    chosen = recommend_modules(MODULES, ("4",), {"digcomp:4.4"}, "fr")
    assert [m.id for m in chosen] == ["machine"]
    chosen = recommend_modules(MODULES, ("4",), set(), "fr")
    assert {m.id for m in chosen} == {"machine", "security", "privacy"}


def test_a_beginner_everywhere_gets_three_modules_the_easiest_first():
    missed = {q.competence for q in QUESTIONS}
    chosen = recommend_modules(MODULES, AREAS, missed, "fr")
    assert len(chosen) == 3
    assert chosen[0].id == "first-steps"


def test_the_recommended_modules_follow_the_visitors_weak_area():
    shown = app("en", "senior", right_except("4"))
    assert [m.id for m in shown.recommended()] == ["security", "privacy"]
    assert shown.advice() == [shown.text("advice_4")]
    assert app("en", "senior", all_right()).recommended() == []
    assert app("en", "senior", all_right()).advice() == [shown.text("advice_all_good")]


def test_dont_know_at_least_half_the_time_is_thanked_first():
    shown = app("fr", "other", [None] * len(QUESTIONS))
    assert shown.advice()[0].startswith("Vous avez souvent répondu « Je ne sais pas »")
    assert len(shown.advice()) == 1 + len(AREAS)


# Pathway


def test_the_pathway_follows_who_the_visitor_said_they_are():
    for key, audience in AUDIENCES[:3]:
        chosen = app("fr", key, all_wrong()).pathway()
        assert chosen.pathway.audience == audience
    assert choose_pathway(PATHWAYS, "seniors", (), MODULES).id == "seniors"


def test_other_gets_the_pathway_covering_the_weak_areas_best_never_the_staffs():
    # weak in information and creation: teenagers' pathway has tables (1) and web, civility (3)
    assert choose_pathway(PATHWAYS, None, ("1", "3"), MODULES).id == "teenagers"
    # weak in safety: seniors' has security (4) and machine (4.4); job-seekers' has none
    assert choose_pathway(PATHWAYS, None, ("4",), MODULES).id == "seniors"
    shown = app("en", "other", right_except("4"))
    assert shown.pathway().pathway.id == "seniors"
    assert [s.title for s in shown.pathway().steps][0] == "First steps (en)"
    assert shown.pathway_total(shown.pathway()) == "3 modules, about 2 h 40 of workshops in all."


def test_no_pathway_at_all_is_said_in_plain_words():
    shown = Placement("fr", QUESTIONS, MODULES, {}, "job", all_wrong())
    assert shown.pathway() is None
    assert "Aucun parcours n'est prêt" in unescape(screen_html(shown))
    assert choose_pathway({"staff": PATHWAYS["staff"]}, None, ("1",), MODULES) is None


def test_the_kits_own_modules_and_pathways_load():
    shown = Placement.start("fr")
    assert shown.questions == QUESTIONS
    shown.choose(1)  # job seeker
    shown.answers = [None] * len(QUESTIONS)
    assert shown.pathway().pathway.audience == "job-seekers"
    assert shown.recommended() and all(m.lang == "fr" for m in shown.recommended())


# The screens


def test_the_screens_go_who_questions_result_and_back():
    shown = Placement("fr", QUESTIONS, MODULES, PATHWAYS)
    assert shown.options() == ["Je suis senior, à la retraite", "Je cherche un emploi",
                               "Je suis adolescent ou adolescente",
                               "Autre, ou je préfère ne pas le dire"]
    assert "12 questions courtes" in screen_html(shown)
    assert "Pour commencer : qui êtes-vous ?" in screen_html(shown)
    shown.choose(2)
    assert shown.audience == "teen"
    assert "Question 1 sur 12" in screen_html(shown)
    assert shown.options()[-1] == "Je ne sais pas" and len(shown.options()) == 4
    shown.choose(DONT_KNOW)
    shown.choose(1)
    assert shown.answers == [None, 1]
    page = screen_html(shown)
    assert "Question 3 sur 12" in page and 'role="status"' in page
    assert QUESTIONS[2].text["fr"] in unescape(page)
    shown.lang = "en"
    assert "Question 3 of 12" in screen_html(shown)
    assert shown.options()[-1] == "I don't know"
    shown.back()
    assert shown.answers == [None]
    shown.back()
    shown.back()
    assert shown.audience is None
    shown.choose(0)
    shown.reset()
    assert (shown.audience, shown.answers) == (None, [])


def test_the_result_screen_shows_levels_advice_modules_pathway_and_a_pdf_link():
    shown = app("fr", "senior", right_except("4"))
    assert shown.finished and shown.question is None and shown.options() == []
    page = screen_html(shown)
    assert "Votre résultat" in page
    assert "Se protéger en ligne : Débutant" in page
    assert "Créer des contenus : Intermédiaire" in page
    assert "Bonnes réponses : 0 sur 3" in page
    assert "Security (fr) (1 h)" in page and "Privacy (fr) (55 min)" in page
    assert "Parcours seniors" in page
    assert re.search(r'<a class="placement-action" download="mon-resultat-tremplin\.pdf" '
                     r'href="data:application/pdf;base64,[A-Za-z0-9+/=]+">'
                     r"Télécharger mon résultat \(PDF\)</a>", page)
    assert 'onclick="window.print()">Imprimer</button>' in page
    shown.choose(0)  # a stray press on the result changes nothing
    assert len(shown.answers) == len(QUESTIONS)


# The PDF


def pdf_text(shown: Placement) -> str:
    reader = PdfReader(io.BytesIO(result_pdf(shown)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_pdf_says_what_the_screen_says_in_french():
    text = pdf_text(app("fr", "senior", right_except("4")))
    for expected in ("Test de positionnement : mon résultat",
                     "Se protéger en ligne : Débutant", "Bonnes réponses : 0 sur 3",
                     "Trouver et trier l'information : Intermédiaire",
                     "Sécurité : apprenez à reconnaître les messages piégés",
                     "Modules conseillés", "Security (fr) (1 h)", "Privacy (fr) (55 min)",
                     "Parcours conseillé", "Parcours seniors", "1. First steps (fr) (45 min)",
                     "Rien n'a été enregistré ni envoyé"):
        assert expected in text, expected


def test_the_pdf_in_english_and_the_same_answers_give_the_same_file():
    shown = app("en", "other", [None] * len(QUESTIONS))
    text = pdf_text(shown)
    for expected in ("Placement test: my result", "Staying safe online: Beginner",
                     "Right answers: 0 of 2", "being honest is great!", "Recommended modules",
                     "First steps (en) (45 min)", "Recommended pathway"):
        assert expected in text, expected
    assert "Débutant" not in text
    assert result_pdf(shown) == result_pdf(app("en", "other", [None] * len(QUESTIONS)))
    assert PdfReader(io.BytesIO(result_pdf(shown))).metadata.title == "Placement test: my result"


def test_the_pdf_of_a_visitor_good_everywhere_has_no_modules_but_kind_words():
    text = pdf_text(app("fr", "job", all_right()))
    assert "Bravo : vous avez de bonnes bases partout" in text
    assert "Tous les modules vous sont ouverts" in text
