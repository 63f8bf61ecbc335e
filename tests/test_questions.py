"""Tick-box and short-answer questions: forgiving checks, cleared answers, and stock nbgrader
grading them end to end (generate, submit, autograde) on a copy of the kit's course."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from conftest import tremplin
from helpers import EXERCISE_EN, EXERCISE_FR, ROOT, changed, read, write
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from test_nbgrader import nbgrader

from tremplin.metadata import check_notebook
from tremplin.questions import (
    GENERATE_PREPROCESSORS,
    ClearAnswers,
    WrongAnswer,
    blank_answer,
    check_choice,
    check_number,
    check_text,
    check_ticked,
    check_written,
    normalise,
    ticked,
)

CHOICES = "\n[ ] 8\n[ ] 255\n[{}] 256\n[ ] 1000\n"


# --- reading what beginners type ---------------------------------------------------------------

@pytest.mark.parametrize("mark", ["x", "X", "✓", "✔", "*", " x ", "x ", " X", "o", "xx"])
def test_any_mark_in_a_box_is_a_tick(mark):
    answer = CHOICES.format(mark)
    assert ticked(answer) == ["256"]
    check_choice(answer, "256")


@pytest.mark.parametrize("answer", [
    "\n  [x] 256  \n[ ] 8", "\t[x]256\n[ ] 8", "[x] 256", "[ ] 8\n[x] 256 ", "[x]  256\r\n[ ] 8",
])
def test_spaces_around_boxes_and_labels_do_not_matter(answer):
    check_choice(answer, "256")


@pytest.mark.parametrize("blank", [" ", "", "\u00a0", "  ", "\t"])
def test_a_box_holding_only_spaces_is_not_ticked(blank):
    assert ticked(CHOICES.format(blank)) == []


def message(check, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as failed:
        check(*args, **kwargs)
    return str(failed.value)


@pytest.mark.parametrize(("answer", "fr", "en"), [
    (CHOICES.format(" "), "Aucune case n'est cochée", "No box is ticked"),
    (CHOICES.format("x").replace("[ ] 8", "[x] 8"), "Vous avez coché 2 cases",
     "You ticked 2 boxes"),
    (CHOICES.format(" ").replace("[ ] 8", "[x] 8"), "Ce n'est pas la bonne réponse",
     "That is not the right answer"),
    ("8 256", "Les cases [ ] ont disparu", "The boxes [ ] have gone"),
    ((8, 256), "Votre réponse doit rester entre les guillemets", "Your answer must stay between"),
])
def test_a_wrong_choice_gets_a_plain_sentence_in_the_exercise_language(answer, fr, en):
    assert message(check_choice, answer, "256", lang="fr").startswith(fr)
    assert message(check_choice, answer, "256", lang="en").startswith(en)
    both = message(check_choice, answer, "256")  # no language given: French, then English
    assert both.startswith(fr) and f"\n{en}" in both
    assert "Traceback" not in both and "assert" not in both.lower()


def test_a_failed_check_shows_its_sentence_only_in_a_notebook():
    failed = pytest.raises(AssertionError, check_choice, "[ ] 256", "256")
    assert isinstance(failed.value, WrongAnswer)  # an AssertionError, as nbgrader tests expect
    assert failed.value._render_traceback_() == [  # IPython shows this instead of a traceback
        "Aucune case n'est cochée pour l'instant. Mettez un x dans la case de votre choix, "
        "comme ceci : [x], puis exécutez la cellule.",
        "No box is ticked yet. Put an x in the box you choose, like this: [x], then run the cell."]


def test_the_visible_check_says_nothing_about_which_box_is_right():
    check_ticked(CHOICES.format(" ").replace("[ ] 8", "[x] 8"))  # wrong, but one box: passes
    assert "2 cases" in message(check_ticked, CHOICES.format("x").replace("[ ] 8", "[x] 8"),
                                lang="fr")
    assert check_ticked("[x] a\n[x] b\n[ ] c", None) == ["a", "b"]


def test_a_question_with_several_right_answers_wants_them_all_and_no_more():
    answer = "[x] clavier\n[ ] écran\n[x] souris\n"
    check_choice(answer, ["Souris", "clavier"])
    assert "3 case" in message(check_choice, answer.replace("[ ]", "[x]"), ["souris", "clavier"],
                               lang="fr")
    assert "Not quite" in message(check_choice, "[x] écran\n[x] souris", ["souris", "clavier"],
                                  lang="en")


@pytest.mark.parametrize(("typed", "accepted"), [
    ("  Octet ", "octet"), ("OCTET", "octet"), ("octet.", "octet"), ("Un  octet !", "un octet"),
    ("l’octet", "l'octet"), ("l' octet", "l'octet"), ("Ecran", "écran"), ("coeur", "cœur"),
    ("kilo-octet", "kilo octet"), ("« octet »", "octet"), ("ÇA", "ça"),
])
def test_normalise_forgives_capitals_accents_punctuation_and_spaces(typed, accepted):
    assert normalise(typed) == normalise(accepted)


def test_normalise_keeps_what_makes_a_different_word():
    assert normalise("bit") != normalise("octet")
    assert normalise("octets") != normalise("octet")  # authors list the plurals they accept


@pytest.mark.parametrize("typed", ["octet", "  Octet ", "OCTETS", "un octet", "Byte", "octet."])
def test_a_short_answer_in_any_accepted_spelling_passes(typed):
    check_text(typed, "octet", "octets", "un octet", "byte", lang="fr")


@pytest.mark.parametrize(("typed", "expected"), [
    ("", "rien écrit"), ("   ", "rien écrit"), ("bit", "pas la réponse attendue"),
    (None, "entre les guillemets"),
])
def test_a_blank_or_wrong_short_answer_says_what_to_do(typed, expected):
    assert expected in message(check_text, typed, "octet", lang="fr")


def test_the_visible_check_of_a_short_answer_only_wants_something_written():
    assert check_written("n'importe quoi") == "n'importe quoi"
    assert "written anything" in message(check_written, "", lang="en")
    with pytest.raises(ValueError):
        check_text("octet")  # an author's mistake: no accepted answer


@pytest.mark.parametrize(("typed", "expected"), [
    ("3,5", 3.5), ("3.5", 3.5), (" 3 Mo", 3), ("3 Mo", 3.0), ("1 000", 1000), ("1\u202f000", 1000),
    ("1\u00a0000 octets", 1000), ("1,000", 1000), ("1,000", 1), ("1.000,5", 1000.5),
    ("6 220 800", 6_220_800), ("environ 6,2 Mo", 6.2), ("-2", -2), ("256.", 256), (12, 12),
    (3.5, 3.5), ("0,1", 0.1),
])
def test_numbers_typed_the_french_or_english_way_pass(typed, expected):
    check_number(typed, expected)


def test_a_tolerance_accepts_a_rounded_answer():
    check_number("6,2", 6.2208, tolerance=0.05)
    assert "bon nombre" in message(check_number, "6", 6.2208, tolerance=0.05, lang="fr")


@pytest.mark.parametrize(("typed", "expected"), [
    ("beaucoup", "pas de nombre"), ("3 ou 4", "plusieurs nombres"), ("3 4", "plusieurs nombres"),
    ("", "rien écrit"), ("4", "pas le bon nombre"), ("3,6", "pas le bon nombre"),
])
def test_a_wrong_or_unreadable_number_is_explained(typed, expected):
    assert expected in message(check_number, typed, 3.5, lang="fr").lower()


# --- clearing answers for the released notebook ------------------------------------------------

def question_notebook(lang: str | None) -> nbformat.NotebookNode:
    nb = new_notebook(metadata={"tremplin": {"lang": lang}} if lang else {})
    nb.cells = [
        new_markdown_cell("Combien de valeurs ?"),
        new_code_cell(f'answer_byte_values = """{CHOICES.format("x")}"""',
                      metadata={"tremplin": {"question": "choice"}}),
        new_code_cell("# Mon propre conseil\nanswer_many = '''\n[x] a\n[ ] b\n[X] c'''",
                      metadata={"tremplin": {"question": "choice"}}),
        new_code_cell('answer_unit = "octet"', metadata={"tremplin": {"question": "short"}}),
        new_code_cell("answer_size = '3,5 Mo'  # en mégaoctets",
                      metadata={"tremplin": {"question": "short"}}),
        new_code_cell('untouched = "[x] 256"'),
    ]
    return nb


def test_clear_answers_unticks_boxes_and_empties_quotes_with_a_hint_in_the_notebook_language():
    nb, _ = ClearAnswers().preprocess(question_notebook("fr"), {})
    choice, many, short, size, other = (c.source for c in nb.cells[1:])
    assert choice == ("# Cochez la bonne réponse : remplacez [ ] par [x].\n"
                      f'answer_byte_values = """{CHOICES.format(" ")}"""')
    assert many == "# Mon propre conseil\nanswer_many = '''\n[ ] a\n[ ] b\n[ ] c'''"
    assert short == '# Écrivez votre réponse entre les guillemets.\nanswer_unit = ""'
    assert size.endswith("answer_size = ''  # en mégaoctets")
    assert other == 'untouched = "[x] 256"'  # not a question: left alone
    assert nb.cells[1].metadata["tremplin"]["question"] == "choice"  # the tag stays


def test_clearing_twice_changes_nothing_and_hints_follow_the_language():
    english, _ = ClearAnswers().preprocess(question_notebook("en"), {})
    assert english.cells[1].source.startswith("# Tick the right answer: replace [ ] with [x].\n")
    again, _ = ClearAnswers().preprocess(nbformat.from_dict(english), {})
    assert [c.source for c in again.cells] == [c.source for c in english.cells]
    unknown, _ = ClearAnswers().preprocess(question_notebook(None), {})
    assert unknown.cells[3].source.startswith(
        "# Écrivez votre réponse entre les guillemets. / Write your answer between the quotes.\n")
    assert blank_answer("choice", 'a = """\n[x] 1\n[x] 2"""', "en").startswith(
        "# Tick every right answer")


def test_a_box_on_the_line_of_the_opening_quotes_is_cleared_too():
    assert ticked(blank_answer("choice", 'a = """[x] 256\n[ ] 8"""')) == []
    assert blank_answer("choice", 'a = """[x] 256\n[ ] 8"""').endswith('a = """[ ] 256\n[ ] 8"""')


def test_a_question_cell_clear_answers_cannot_read_names_its_cell():
    nb = question_notebook("en")
    nb.cells[3].source = "answer_unit = octet"
    with pytest.raises(ValueError, match="^cellule 4 : .*guillemets"):
        ClearAnswers().preprocess(nb, {})


def test_clear_answers_runs_right_after_clear_solutions_in_nbgrader_s_own_list():
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import ClearSolutions

    names = [pp.__name__ for pp in GENERATE_PREPROCESSORS]
    stock = [pp.__name__ for pp in GenerateAssignment.class_traits()["preprocessors"].default()]
    assert names.index("ClearAnswers") == names.index("ClearSolutions") + 1
    assert [n for n in names if n != "ClearAnswers"] == stock
    assert GENERATE_PREPROCESSORS[names.index("ClearAnswers")] is ClearAnswers
    assert ClearSolutions in GENERATE_PREPROCESSORS
    from traitlets.config import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT / "grading")).load_config()
    assert list(config.GenerateAssignment.preprocessors) == list(GENERATE_PREPROCESSORS)


# --- what an author is told --------------------------------------------------------------------

def question_cell(nb: nbformat.NotebookNode, kind: str) -> tuple[int, nbformat.NotebookNode]:
    return next((n, c) for n, c in enumerate(nb.cells, 1)
                if c.metadata.get("tremplin", {}).get("question") == kind)


def author_problems(nb: nbformat.NotebookNode, tmp_path) -> list[str]:
    path = write(nb, tmp_path / "exercises" / "x" / "x.ipynb")
    return [str(p) for p in check_notebook(path, tmp_path)]


def test_the_shipped_exercise_has_one_question_of_each_kind_each_followed_by_its_test():
    for path in (EXERCISE_FR, EXERCISE_EN):
        nb = read(path)
        for kind in ("choice", "short"):
            number, _ = question_cell(nb, kind)
            grader = nb.cells[number].metadata["nbgrader"]
            assert grader["grade"] and not grader["solution"] and grader["points"] > 0


def test_an_unknown_question_kind_is_reported_at_its_cell(tmp_path):
    def edit(nb):
        edit.number, cell = question_cell(nb, "choice")
        cell.metadata["tremplin"]["question"] = "quiz"

    found = author_problems(changed(EXERCISE_FR, edit), tmp_path)
    assert len(found) == 1 and found[0].startswith(f"exercises/x/x.ipynb:{edit.number}: ")
    assert "quiz" in found[0] and "choice, short" in found[0]


def test_a_question_without_its_test_right_after_or_on_an_answer_cell_is_reported(tmp_path):
    def edit(nb):
        edit.number, _ = question_cell(nb, "short")
        del nb.cells[edit.number]  # its test cell
        cell = question_cell(nb, "choice")[1]
        cell.metadata["nbgrader"] = {"grade": False, "grade_id": "answer_bytes", "locked": False,
                                     "schema_version": 3, "solution": True, "task": False}
        edit.choice = question_cell(nb, "choice")[0]

    found = author_problems(changed(EXERCISE_EN, edit), tmp_path)
    assert [p.split(": ")[0] for p in found] == [f"exercises/x/x.ipynb:{edit.number}",
                                                 f"exercises/x/x.ipynb:{edit.choice}"]
    assert "cellule de test notée" in found[0] and "code ordinaire" in found[1]


def test_a_choice_without_boxes_and_a_short_answer_without_quotes_are_reported(tmp_path):
    def edit(nb):
        question_cell(nb, "choice")[1].source = 'answer_byte_values = "256"'
        question_cell(nb, "short")[1].source = "answer_group_of_8_bits = 8"

    found = author_problems(changed(EXERCISE_FR, edit), tmp_path)
    assert len(found) == 2 and "sans case" in " ".join(found) and "sans guillemets" in found[0]


def test_tremplin_check_fails_an_exercise_whose_test_passes_on_a_blank_answer(tmp_path):
    def weak(nb):
        number, _ = question_cell(nb, "choice")
        nb.cells[number].source = ("# Vérifie seulement que la réponse est du texte.\n"
                                   "assert isinstance(answer_byte_values, str)")
        weak.number = number + 1
        question_cell(nb, "short")[1].source = 'answer_group_of_8_bits = ""'  # forgot the answer
        weak.short_test = question_cell(nb, "short")[0] + 1

    path = write(changed(EXERCISE_FR, weak), tmp_path / "draft" / "fr.ipynb")
    result = tremplin("check", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{path}:{weak.number}: ") for line in lines), lines
    assert any(line.startswith(f"{path}:{weak.short_test}: ") for line in lines), lines


# --- stock nbgrader, end to end ----------------------------------------------------------------

ASSIGNMENT = "02-tout-est-nombre"
CHOICE_ID, SHORT_ID = "choose_how_many_values_a_byte_holds", "name_a_group_of_eight_bits"
LEARNERS = {  # learner: (how they tick the byte question, what they write for 8 bits)
    "right": ({"256": "X"}, "  Octet "),
    "wrong_tick": ({"255": "x"}, "bit"),
    "two_ticks": ({"255": "x", "256": "x"}, "un octet"),
    "checkmark": ({"256": " ✓ "}, "OCTETS."),
    "blank": ({}, None),
}


def answered(released: nbformat.NotebookNode, ticks: dict[str, str], words: str | None):
    nb = nbformat.from_dict(released)
    _, choice = question_cell(nb, "choice")
    for label, mark in ticks.items():
        choice.source = choice.source.replace(f"[ ] {label}\n", f"[{mark}] {label}\n")
    if words is not None:
        _, short = question_cell(nb, "short")
        short.source = short.source.replace('= ""', f'= "{words}"')
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The French exercise generated by nbgrader, handed in by five learners, autograded."""
    kit = tmp_path_factory.mktemp("kit")
    shutil.copytree(ROOT / "exercises", kit / "exercises")
    course = kit / "grading"
    course.mkdir()
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", course)
    generated = nbgrader(course, "generate_assignment", ASSIGNMENT)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    released = read(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    for learner, (ticks, words) in LEARNERS.items():
        write(answered(released, ticks, words),
              course / "submitted" / learner / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    result = nbgrader(course, "autograde", ASSIGNMENT)
    assert result.returncode == 0, result.stdout + result.stderr

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        points = {sub.student_id: {g.name: g.score for g in sub.notebooks[0].grades}
                  for sub in gradebook.assignment_submissions(ASSIGNMENT)}
    return course, released, points


def test_the_released_notebook_has_unticked_boxes_empty_quotes_and_no_hidden_check(graded):
    course, released, _ = graded
    choice, short = question_cell(released, "choice")[1], question_cell(released, "short")[1]
    assert choice.source.startswith("# Cochez la bonne réponse : remplacez [ ] par [x].\n")
    assert ticked(choice.source) == [] and "[ ] 256\n" in choice.source
    assert short.source.endswith('answer_group_of_8_bits = ""')
    assert "Écrivez votre réponse entre les guillemets" in short.source
    text = (course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert "check_choice(answer_byte_values" not in text and '"un octet"' not in text
    assert "check_ticked(answer_byte_values" in text  # the visible check stays


@pytest.mark.parametrize(("learner", "choice", "short"), [
    ("right", 1, 1), ("wrong_tick", 0, 0), ("two_ticks", 0, 1), ("checkmark", 1, 1),
    ("blank", 0, 0),
])
def test_nbgrader_gives_the_points_of_a_right_tick_and_a_right_word_only(graded, learner, choice,
                                                                          short):
    _, _, points = graded
    assert (points[learner][CHOICE_ID], points[learner][SHORT_ID]) == (choice, short)


def test_the_autograded_notebook_tells_the_learner_why_in_one_plain_sentence(graded):
    course, _, _ = graded

    def shown(learner: str, grade_id: str) -> list[str]:
        nb = read(course / "autograded" / learner / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                    == grade_id)
        (error,) = [o for o in cell.outputs if o.output_type == "error"]
        return error.traceback  # what JupyterLab and the feedback page show: no code, no path

    assert shown("two_ticks", CHOICE_ID) == [
        "Vous avez coché 2 cases, mais une seule réponse est juste. Gardez un seul x."]
    assert shown("wrong_tick", CHOICE_ID)[0].startswith("Ce n'est pas la bonne réponse")
    assert shown("blank", SHORT_ID)[0].startswith("Vous n'avez encore rien écrit.")
