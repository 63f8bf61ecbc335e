"""The "Pêche aux hameçons / Phishing hunt" app, served by `tremplin apps`, in a real Chromium:
every message answered to the end screen, on the desktop with the mouse and on the tablet by
touch, in French and in English; the keyboard alone answers and moves on."""

from __future__ import annotations

import pytest
from conftest import app_leaks

from tremplin.apps.phishing_messages import load_messages

pytestmark = pytest.mark.browser

APP = "/voila/render/peche-aux-hamecons.ipynb"
FIRST_RENDER = 180_000  # a kernel starting on a busy workshop PC
TEXTS = {
    "fr": {"trap": "C'est un piège", "safe": "C'est sans danger", "next": "Message suivant",
           "see_score": "Voir mon score", "reset": "Recommencer", "right": "Bonne réponse !",
           "wrong": "Pas tout à fait.", "progress": "Message {} sur {}",
           "score": "Score : {} sur {}.", "end": "Vous avez bien jugé {} messages sur {}.",
           "lessons": "Les 5 indices à retenir", "link_clue": "5 · Lien trompeur",
           "real_site": "frais-livraison.example", "sender": "06 39 98 41 27"},
    "en": {"trap": "It's a trap", "safe": "It's safe", "next": "Next message",
           "see_score": "See my score", "reset": "Start again", "right": "Right!",
           "wrong": "Not quite.", "progress": "Message {} of {}", "score": "Score: {} of {}.",
           "end": "You judged {} messages of {} correctly.",
           "lessons": "The 5 clues to remember", "link_clue": "5 · Misleading link",
           "real_site": "delivery-fee.example", "sender": "06 39 98 41 27"},
}


def open_app(page, url: str, lang: str) -> None:
    page.goto(url, wait_until="commit")
    page.get_by_role("button", name=TEXTS[lang]["trap"]).wait_for(timeout=FIRST_RENDER)


def assert_large_and_inside(page, locator) -> None:
    box = locator.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"] + 1


def play_to_the_end(page, lang: str, press) -> None:
    """Answer every message (the first one right, the others "safe"), reading each verdict,
    then the end screen, then start again."""
    words = TEXTS[lang]
    messages = load_messages()
    total, right = len(messages), 0
    for index, message in enumerate(messages):
        page.get_by_text(words["progress"].format(index + 1, total), exact=True).wait_for()
        trap = page.get_by_role("button", name=words["trap"])
        safe = page.get_by_role("button", name=words["safe"])
        assert_large_and_inside(page, trap)
        assert_large_and_inside(page, safe)
        said_trap = index == 0
        press(trap if said_trap else safe)
        right += said_trap == message.trap
        verdict = words["right"] if said_trap == message.trap else words["wrong"]
        page.get_by_text(words["score"].format(right, index + 1)).wait_for()
        assert verdict in page.locator(".tremplin-result").inner_text()
        if index == 0:  # the clues are marked in the message and named in words
            marked = page.locator("mark.tremplin-clue")
            assert marked.count() == len(message.clues)
            assert words["link_clue"] in marked.last.inner_text()
            assert words["sender"] in marked.first.inner_text()
            assert words["real_site"] in page.locator(".tremplin-clue-list").inner_text()
        forward = page.get_by_role("button", name=words["see_score" if index == total - 1
                                                          else "next"])
        assert_large_and_inside(page, forward)
        press(forward)
    page.get_by_text(words["end"].format(right, total)).wait_for()
    page.get_by_role("heading", name=words["lessons"]).wait_for()
    assert page.locator("ol li").count() == 5
    assert app_leaks(page) == []
    reset = page.get_by_role("button", name=words["reset"])
    assert_large_and_inside(page, reset)
    press(reset)
    page.get_by_text(words["progress"].format(1, total), exact=True).wait_for()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_desktop_with_the_mouse(page, apps_url, lang):
    open_app(page, f"{apps_url}{APP}?lang={lang}", lang)
    play_to_the_end(page, lang, lambda target: target.click())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tablet_by_touch(tablet, apps_url, lang):
    open_app(tablet, f"{apps_url}{APP}?lang={lang}", lang)
    play_to_the_end(tablet, lang, lambda target: target.tap())


def test_keyboard_alone_answers_moves_on_and_switches_language(page, apps_url):
    open_app(page, apps_url + APP, "fr")
    page.get_by_role("button", name="C'est un piège").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Bonne réponse !").wait_for()
    page.keyboard.press("Tab")  # from where the answers were, the next button comes first
    page.keyboard.press("Enter")
    page.get_by_text("Message 2 sur 9", exact=True).wait_for()
    assert page.evaluate("document.activeElement.textContent") == "C'est un piège"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "It's safe" for the neighbour's message: right
    page.get_by_text("Score : 2 sur 2.").wait_for()
    page.get_by_role("button", name="English").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Score: 2 of 2.").wait_for()
    page.get_by_role("heading", name="Phishing hunt").wait_for()
    assert app_leaks(page) == []
