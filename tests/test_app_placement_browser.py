"""The placement test app, served by `tremplin apps` and used in a real headless Chromium:
mouse on a desktop, touch on a lending tablet, the keyboard alone, both languages."""

from __future__ import annotations

import io

import pytest
from conftest import app_leaks
from pypdf import PdfReader

from tremplin.apps.placement import Placement
from tremplin.apps.placement_questions import load_questions
from tremplin.i18n import pick

pytestmark = pytest.mark.browser

APP = "/voila/render/test-de-positionnement.ipynb"
QUESTIONS = load_questions()
FIRST_RENDER = 120_000  # a kernel, the kit's modules and pathways: slow on a busy machine
PROGRESS = {"fr": "Question {n} sur {total}", "en": "Question {n} of {total}"}


def open_app(page, url: str) -> None:
    page.goto(url, timeout=FIRST_RENDER)
    page.locator(".placement-screen").wait_for(timeout=FIRST_RENDER)


def wait_question(page, number: int, lang: str) -> None:
    text = PROGRESS[lang].format(n=number, total=len(QUESTIONS))
    page.get_by_text(text, exact=True).wait_for()


def button(page, name: str):
    return page.get_by_role("button", name=name, exact=True)


def large(locator) -> bool:
    box = locator.bounding_box()
    return box["width"] >= 44 and box["height"] >= 44


def mixed_answers() -> list[int | None]:
    """Right in areas 1–3, "I don't know" in safety (4) and problem solving (5)."""
    return [None if q.area in "45" else q.right for q in QUESTIONS]


def expected(lang: str, audience: str, answers: list[int | None]) -> Placement:
    """The same visit computed by the app's own state, to compare with what the page shows."""
    state = Placement.start(lang)
    state.audience, state.answers = audience, list(answers)
    return state


def test_a_job_seeker_answers_with_the_mouse_and_downloads_the_result(page, apps_url):
    open_app(page, apps_url + APP)
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("heading", name="Test de positionnement").wait_for()
    page.get_by_role("heading", name="Pour commencer : qui êtes-vous ?").wait_for()
    assert "12 questions courtes" in page.locator(".placement-screen").inner_text()
    for name in ("Je cherche un emploi", "Autre, ou je préfère ne pas le dire", "Recommencer",
                 "English"):
        assert large(button(page, name)), name
    button(page, "Je cherche un emploi").click()
    answers = mixed_answers()
    for number, (question, answer) in enumerate(zip(QUESTIONS, answers, strict=True), 1):
        wait_question(page, number, "fr")
        page.get_by_role("heading", name=question.text["fr"]).wait_for()
        assert large(button(page, "Je ne sais pas"))
        name = "Je ne sais pas" if answer is None else pick(question.answers[answer], "fr")
        button(page, name).click()
    page.get_by_role("heading", name="Votre résultat").wait_for()
    status = page.locator(".placement-screen [role=status]").inner_text()
    assert "Se protéger en ligne : Débutant" in status
    assert "Résoudre des problèmes : Débutant" in status
    assert "Trouver et trier l'information : Intermédiaire" in status
    assert "Bonnes réponses : 0 sur 3" in status
    state = expected("fr", "job", answers)
    body = page.locator(".placement-screen").inner_text()
    assert state.recommended()
    for module in state.recommended():
        assert state.module_line(module) in body
    assert pick(state.pathway().pathway.title, "fr") in body
    assert "Demandeurs d'emploi" in body
    button(page, "Je ne sais pas").wait_for(state="hidden")
    link = page.get_by_role("link", name="Télécharger mon résultat (PDF)")
    assert large(link)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "mon-resultat-tremplin.pdf"
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Se protéger en ligne : Débutant" in text and "Parcours conseillé" in text
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button(page, "Imprimer").click()
    assert page.evaluate("() => window.printed") == 1
    printed = PdfReader(io.BytesIO(page.pdf()))  # what a printer gets: every part, no buttons
    paper = " ".join(" ".join(p.extract_text().split()) for p in printed.pages)
    assert "Se protéger en ligne : Débutant" in paper and "Rien n'a été enregistré" in paper
    assert "Recommencer" not in paper and "Télécharger" not in paper
    assert app_leaks(page) == []
    button(page, "Recommencer").click()
    page.get_by_role("heading", name="Pour commencer : qui êtes-vous ?").wait_for()


def test_a_senior_taps_through_in_english_on_the_tablet(tablet, apps_url):
    page = tablet
    open_app(page, apps_url + APP + "?lang=en")
    page.get_by_role("heading", name="To begin: who are you?").wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
    assert large(button(page, "I am a senior, retired"))
    button(page, "I am a senior, retired").tap()
    for number in range(1, len(QUESTIONS) + 1):
        wait_question(page, number, "en")
        page.get_by_role("heading", name=QUESTIONS[number - 1].text["en"]).wait_for()
        dont_know = button(page, "I don't know")
        assert large(dont_know)
        dont_know.tap()
    page.get_by_role("heading", name="Your result").wait_for()
    status = page.locator(".placement-screen [role=status]").inner_text()
    for area in ("Finding and sorting information", "Communicating and sharing",
                 "Creating content", "Staying safe online", "Solving problems"):
        assert f"{area}: Beginner" in status
    body = page.locator(".placement-screen").inner_text()
    assert "being honest is great!" in body
    state = expected("en", "senior", [None] * len(QUESTIONS))
    assert pick(state.pathway().pathway.title, "en") in body
    assert state.module_line(state.recommended()[0]) in body
    assert large(page.get_by_role("link", name="Download my result (PDF)"))
    assert app_leaks(page) == []
    button(page, "Start again").tap()
    page.get_by_role("heading", name="To begin: who are you?").wait_for()


def test_the_keyboard_alone_starts_and_answers(page, apps_url):
    open_app(page, apps_url + APP)
    first = button(page, "Je suis senior, à la retraite")
    first.focus()
    page.keyboard.press("Enter")
    wait_question(page, 1, "fr")
    # the four answer buttons stay from screen to screen: the focus is still on the first one
    page.keyboard.press("Space")
    wait_question(page, 2, "fr")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the fourth button: "I don't know"
    page.keyboard.press("Enter")
    wait_question(page, 3, "fr")
    assert app_leaks(page) == []


def test_switching_language_and_going_back_keep_the_answers(page, apps_url):
    open_app(page, apps_url + APP)
    button(page, "Autre, ou je préfère ne pas le dire").click()
    for number in (1, 2):
        wait_question(page, number, "fr")
        button(page, "Je ne sais pas").click()
    wait_question(page, 3, "fr")
    button(page, "English").click()
    wait_question(page, 3, "en")
    page.get_by_role("heading", name=QUESTIONS[2].text["en"]).wait_for()
    button(page, "Go back").click()
    wait_question(page, 2, "en")
    button(page, "Français").click()
    wait_question(page, 2, "fr")
    button(page, "Revenir en arrière").click()
    wait_question(page, 1, "fr")
    button(page, "Revenir en arrière").click()
    page.get_by_role("heading", name="Pour commencer : qui êtes-vous ?").wait_for()
    button(page, "Revenir en arrière").wait_for(state="hidden")
    assert app_leaks(page) == []
