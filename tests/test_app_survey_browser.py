"""The satisfaction survey and its trainers' page, served by `tremplin apps` and used in a real
headless Chromium: visitors answer by mouse, by touch and by keyboard, in French and English, and
their answers land in the survey folder; the trainers' page counts a prepared folder."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import app_leaks, free_port, running, tremplin_argv

from tremplin.apps.survey_store import Response, save_response

pytestmark = pytest.mark.browser

SURVEY = "/voila/render/enquete-de-satisfaction.ipynb"
RESULTS = "/voila/render/enquete-resultats.ipynb"
FIRST = {"fr": "Quel atelier avez-vous suivi ?", "en": "Which workshop did you attend?"}
# (question on screen, answer pressed) after the workshop, in each language
PATH = {
    "fr": [("Êtes-vous satisfait de l'atelier ?", "Très satisfait"),
           ("Avez-vous appris quelque chose d'utile ?", "Oui"),
           ("Vous sentez-vous plus à l'aise avec le numérique ?", "Un peu"),
           ("Conseilleriez-vous cet atelier à quelqu'un ?", "Oui"),
           ("Le rythme de l'atelier était…", "Comme il faut")],
    "en": [("Are you satisfied with the workshop?", "Fairly satisfied"),
           ("Did you learn something useful?", "A little"),
           ("Do you feel more at ease with digital tools?", "No"),
           ("Would you recommend this workshop to someone?", "Yes"),
           ("The pace of the workshop was…", "Too fast")],
}
SEND = {"fr": "Envoyer mes réponses", "en": "Send my answers"}
THANKS = {"fr": "Merci !", "en": "Thank you!"}


@contextmanager
def apps_server(store: Path) -> Iterator[str]:
    """A `tremplin apps` server of its own whose survey folder is `store` (the shared
    `apps_url` server writes wherever the kit says)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, TREMPLIN_SURVEY_DIR=str(store))
    with running(tremplin_argv("apps", "--no-browser", f"--port={port}"),
                 f"{base}/voila/static/voila.js", env=env, timeout=300):
        yield base


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("survey-store")


@pytest.fixture(scope="module")
def survey_url(store) -> Iterator[str]:
    with apps_server(store) as base:
        yield base + SURVEY


def open_page(page, url: str, text: str) -> None:
    page.goto(url, timeout=120_000)
    page.get_by_text(text, exact=True).wait_for(timeout=120_000)


def button(page, name: str):
    """The visible button of that name (the other screens' buttons are hidden)."""
    return page.get_by_role("button", name=name, exact=True)


def big_enough(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["width"] >= 44 and box["height"] >= 44


def answers_in(store: Path, before: set[Path]) -> dict:
    new = set(store.glob("*.json")) - before
    assert len(new) == 1, new
    return json.loads(new.pop().read_text(encoding="utf-8"))


def go_through(page, lang: str, press, comment: str) -> None:
    """From the second question to the thanks, pressing each answer with `press`."""
    for question, answer in PATH[lang]:
        page.get_by_role("heading", name=question).wait_for(timeout=60_000)
        target = button(page, answer)
        assert big_enough(target)
        press(target)
    box = page.get_by_role("textbox")
    box.wait_for(timeout=60_000)
    box.fill(comment)
    press(button(page, SEND[lang]))
    page.get_by_role("heading", name=THANKS[lang]).wait_for(timeout=60_000)


def test_a_visitor_answers_in_french_with_the_mouse_and_the_answers_are_stored(
        page, survey_url, store):
    before = set(store.glob("*.json"))
    open_page(page, survey_url, FIRST["fr"])
    assert "Question 1 sur 7" in page.locator(".tremplin-result").inner_text()
    first = button(page, "Premiers pas")
    assert big_enough(first) and big_enough(button(page, "Autre"))
    first.click()
    page.get_by_text("Question 2 sur 7").wait_for(timeout=60_000)
    go_through(page, "fr", lambda target: target.click(),
               "Très clair, merci. Mon mail : marie.dupont@example.fr, tél 06 12 34 56 78")
    assert "Vos réponses sont enregistrées." in page.locator("body").inner_text()
    stored = answers_in(store, before)
    assert stored["lang"] == "fr" and stored["date"] == date.today().isoformat()
    assert stored["answers"] == {
        "workshop": "first-steps", "satisfaction": 5, "learned": "yes", "ease": "a-little",
        "recommend": "yes", "pace": "right",
        "comment": "Très clair, merci. Mon mail : […], tél […]"}
    assert app_leaks(page) == []
    button(page, "Nouvelle personne").click()
    page.get_by_role("heading", name=FIRST["fr"]).wait_for(timeout=60_000)
    assert page.get_by_role("textbox").count() == 0  # the comment box is hidden, and empty
    assert page.locator("textarea").input_value() == ""


def test_the_comment_screen_asks_for_no_names_or_numbers(page, survey_url):
    open_page(page, survey_url + "?lang=en", FIRST["en"])
    button(page, "Other").click()
    for question, answer in PATH["en"]:
        page.get_by_role("heading", name=question).wait_for(timeout=60_000)
        button(page, answer).click()
    page.get_by_text("Don't write names or numbers.").wait_for(timeout=60_000)
    page.get_by_role("textbox", name="Your comment").wait_for(timeout=60_000)
    button(page, "Back").click()
    page.get_by_role("heading", name=PATH["en"][-1][0]).wait_for(timeout=60_000)
    button(page, "Start again").click()
    page.get_by_role("heading", name=FIRST["en"]).wait_for(timeout=60_000)


def test_a_visitor_answers_in_english_by_touch_and_the_survey_starts_over_alone(
        tablet, survey_url, store):
    before = set(store.glob("*.json"))
    open_page(tablet, survey_url + "?lang=en", FIRST["en"])
    assert tablet.locator("html").get_attribute("lang") == "en"
    target = button(tablet, "Inside the machine")
    assert big_enough(target)
    target.tap()
    go_through(tablet, "en", lambda target: target.tap(), "")
    stored = answers_in(store, before)
    assert stored["lang"] == "en"
    assert stored["answers"] == {"workshop": "inside-the-machine", "satisfaction": 3,
                                 "learned": "a-little", "ease": "no", "recommend": "yes",
                                 "pace": "too-fast"}
    assert "goes back to the start in 10 seconds" in tablet.locator("body").inner_text()
    assert app_leaks(tablet) == []
    # Nobody touches anything: after ten seconds the next visitor finds the first question.
    tablet.get_by_role("heading", name=FIRST["en"]).wait_for(timeout=60_000)
    assert "Question 1 of 7" in tablet.locator(".tremplin-result").inner_text()


def test_the_keyboard_alone_answers_the_first_question(page, survey_url):
    open_page(page, survey_url, FIRST["fr"])
    button(page, "Premiers pas").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Question 2 sur 7").wait_for(timeout=60_000)
    # The focus moved to the first answer of the new question: Space answers it.
    page.wait_for_function("document.activeElement.textContent === 'Pas du tout satisfait'",
                           timeout=60_000)
    page.keyboard.press("Space")
    page.get_by_text("Question 3 sur 7").wait_for(timeout=60_000)


def test_the_language_switch_redraws_the_question_and_its_answers(page, survey_url):
    open_page(page, survey_url, FIRST["fr"])
    button(page, "English").click()
    page.get_by_role("heading", name=FIRST["en"]).wait_for(timeout=60_000)
    button(page, "Other").wait_for(timeout=60_000)  # the last button redrawn
    assert button(page, "First steps").is_visible()
    button(page, "Français").click()
    page.get_by_role("heading", name=FIRST["fr"]).wait_for(timeout=60_000)


@pytest.fixture
def prepared(tmp_path) -> Path:
    """Three recent responses and one from long ago, plus a damaged file."""
    store = tmp_path / "prepared"
    today = date.today()
    base = {"workshop": "first-steps", "satisfaction": 4, "learned": "yes", "ease": "yes",
            "recommend": "yes", "pace": "right"}
    for day, lang, changes in (
            (today, "fr", {"comment": "Très bon atelier"}),
            (today - timedelta(days=2), "en", {"satisfaction": 5}),
            (today - timedelta(days=3), "fr", {"workshop": "everyday-security",
                                               "satisfaction": 3, "pace": "too-fast"}),
            (today - timedelta(days=90), "fr", {"satisfaction": 2, "recommend": "no"})):
        save_response(Response(day, lang, {**base, **changes}), store)
    (store / "damaged.json").write_text("{not json", encoding="utf-8")
    return store


def test_the_trainers_page_counts_a_prepared_folder(page, prepared):
    with apps_server(prepared) as base:
        open_page(page, base + RESULTS, "Résultats de l'enquête")
        summary = page.locator(".tremplin-result")
        summary.get_by_text("Réponses : 4").wait_for(timeout=60_000)
        text = summary.inner_text()
        for shown in ("Période : Tout.", "Fichiers abîmés ignorés : 1",
                      "Satisfaction moyenne : 3,5 sur 5", "Premiers pas : 3",
                      "Cybersécurité au quotidien : 1", "Français : 3", "English : 1"):
            assert shown in text, shown
        alt = page.locator("img").nth(4).get_attribute("alt")
        assert alt == "Conseillerait l'atelier. Oui : 3, Non : 1. Total : 4."
        assert page.get_by_text("Très bon atelier").is_visible()
        with page.expect_download() as download:
            page.get_by_role("link", name="Télécharger (CSV)").click()
        rows = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
        assert len(rows) == 5 and rows[0].startswith("Date;Langue;Atelier;Satisfaction")
        week = button(page, "7 derniers jours")
        assert big_enough(week)
        week.click()
        summary.get_by_text("Réponses : 3").wait_for(timeout=60_000)
        assert "Satisfaction moyenne : 4,0 sur 5" in summary.inner_text()
        assert app_leaks(page) == []
        button(page, "English").click()
        page.get_by_text("Responses: 3").wait_for(timeout=60_000)
        page.get_by_role("link", name="Download (CSV)").wait_for(timeout=60_000)
