"""The "Vrai ou faux / True or false" app, served by `tremplin apps` and used in a real Chromium:
with the mouse on a desktop, by touch on a lending tablet, and with the keyboard alone."""

from __future__ import annotations

import pytest
from conftest import app_leaks

pytestmark = pytest.mark.browser

APP = "/voila/render/vrai-ou-faux.ipynb"
FIRST_RENDER = 180_000  # a kernel starting on a busy workshop PC
# The answer that is right for each item, in the order the app shows them.
RIGHT = {"fr": ["Trompeur", "Vrai", "Faux", "Faux", "Trompeur", "Vrai", "Vrai", "Faux"],
         "en": ["Misleading", "True", "False", "False", "Misleading", "True", "True", "False"]}


def open_app(page, url: str, first: str) -> None:
    page.goto(url, wait_until="commit")
    page.get_by_role("button", name=first, exact=True).wait_for(timeout=FIRST_RENDER)


def big_enough(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["width"] >= 44 and box["height"] >= 44


def test_judging_a_post_with_the_mouse_in_french(page, apps_url):
    open_app(page, apps_url + APP, "Vrai")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Vrai ou faux ?").is_visible()
    page.get_by_role("heading", name="Information 1 sur 8").wait_for()
    assert "@InfoChoc_Valbourg" in page.locator(".tf-card").inner_text()
    assert page.get_by_role("img", name="Valbourg ce matin, rue de la Gare !!!").is_visible()
    answers = [page.get_by_role("button", name=name, exact=True)
               for name in ("Vrai", "Faux", "Trompeur", "Je ne sais pas")]
    assert all(big_enough(button) for button in answers)

    answers[2].click()  # Trompeur: an old photo with a new caption
    page.get_by_text("✓ Bien vu !").wait_for()
    result = page.get_by_role("status").inner_text()
    assert "la photo date de 2015" in result
    assert page.get_by_text("Score : 1 sur 1").is_visible()
    checks = page.locator(".tf-checks").inner_text()
    assert "Qui l'a écrit ?" in checks and "L'image est-elle réutilisée ?" in checks
    assert "Signe d'alerte" in checks and "Rassurant" in checks
    assert not answers[0].is_visible()  # the answers gave way to the reasons
    following = page.get_by_role("button", name="Suivant", exact=True)
    assert big_enough(following)

    following.click()
    page.get_by_role("heading", name="Information 2 sur 8").wait_for()
    assert "La médiathèque prête des robots" in page.locator(".tf-card").inner_text()
    answers[1].click()  # Faux: wrong, it is true
    page.get_by_text("✗ Pas tout à fait.").wait_for()
    assert page.get_by_text("Score : 1 sur 2").is_visible()
    assert app_leaks(page) == []

    reset = page.get_by_role("button", name="Recommencer", exact=True)
    assert big_enough(reset)
    reset.click()
    answers[0].wait_for()  # the first post and its answers again
    assert page.get_by_role("heading", name="Information 1 sur 8").is_visible()


def test_the_whole_game_by_touch_on_a_tablet_in_english(tablet, apps_url):
    open_app(tablet, apps_url + APP + "?lang=en", "True")
    assert tablet.locator("html").get_attribute("lang") == "en"
    tablet.get_by_role("heading", name="True or false?").wait_for()
    for number, answer in enumerate(RIGHT["en"], 1):
        tablet.get_by_role("heading", name=f"News item {number} of 8").wait_for()
        button = tablet.get_by_role("button", name=answer if number != 3 else "I don't know",
                                    exact=True)
        assert big_enough(button)
        button.tap()
        said = "It is good to say so" if number == 3 else "Well spotted!"
        tablet.get_by_text(said).wait_for()
        last = number == len(RIGHT["en"])
        tablet.get_by_role("button", name="See my score" if last else "Next", exact=True).tap()
    tablet.get_by_role("heading", name="All done!").wait_for()
    assert "Right answers: 7 out of 8." in tablet.get_by_role("status").inner_text()
    assert tablet.get_by_text("When in doubt, don't share.").is_visible()
    assert "Who wrote it? A name" in tablet.locator("ol").last.inner_text()
    overflow = tablet.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert app_leaks(tablet) == []

    again = tablet.get_by_role("button", name="Start again", exact=True)
    assert big_enough(again)
    again.tap()
    tablet.get_by_role("heading", name="News item 1 of 8").wait_for()


def test_the_keyboard_alone_answers_and_goes_on(page, apps_url):
    open_app(page, apps_url + APP, "Vrai")
    true = page.get_by_role("button", name="Vrai", exact=True)
    true.focus()
    page.keyboard.press("Enter")
    page.get_by_text("✗ Pas tout à fait.").wait_for()
    page.keyboard.press("Tab")  # from where the answers were, Tab reaches "Suivant"
    assert page.evaluate("() => document.activeElement.textContent") == "Suivant"
    page.keyboard.press("Space")
    page.get_by_role("heading", name="Information 2 sur 8").wait_for()
    page.wait_for_function("() => document.activeElement.textContent === 'Vrai'",
                           timeout=10_000)  # ready for the next answer
    page.keyboard.press("Space")
    page.get_by_text("✓ Bien vu !").wait_for()


def test_switching_language_redraws_the_reasons(page, apps_url):
    open_app(page, apps_url + APP, "Vrai")
    page.get_by_role("button", name="Faux", exact=True).click()
    page.get_by_text("✗ Pas tout à fait.").wait_for()
    page.get_by_role("button", name="English").click()
    page.get_by_text("✗ Not quite.").wait_for()
    assert "Who wrote it?" in page.locator(".tf-checks").inner_text()
    page.get_by_role("button", name="Next", exact=True).wait_for()
    page.get_by_role("button", name="Start again", exact=True).wait_for()
    page.get_by_role("button", name="Français").click()
    page.get_by_role("heading", name="Vrai ou faux ?").wait_for()
    assert app_leaks(page) == []
