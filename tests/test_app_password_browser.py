"""The "Mot de passe solide / Strong password" app, served by `tremplin apps`, in a real
Chromium: on the desktop with the mouse and the keyboard, on the tablet by touch, in French and
in English. The typed password must never show anywhere but in its box."""

from __future__ import annotations

import pytest
from conftest import app_leaks

pytestmark = pytest.mark.browser

APP = "/voila/render/mot-de-passe-solide.ipynb"
FIRST_RENDER = 180_000  # a kernel starting on a busy workshop PC
TEXTS = {
    "fr": {"label": "Mot de passe inventé", "show": "Afficher", "hide": "Masquer",
           "phrase": "Essayer une phrase de passe", "back": "Revenir à ma case",
           "reset": "Recommencer", "weak": "Très faible (niveau 1 sur 4)",
           "strong": "Solide (niveau 4 sur 4)", "why_strong": "Pourquoi elle est solide",
           "empty": "La case est vide", "reason": "Trop court", "time": "instantanément"},
    "en": {"label": "Made-up password", "show": "Show", "hide": "Hide",
           "phrase": "Try a passphrase", "back": "Back to my box", "reset": "Start again",
           "weak": "Very weak (level 1 of 4)", "strong": "Strong (level 4 of 4)",
           "why_strong": "Why it is strong", "empty": "The box is empty",
           "reason": "Too short", "time": "instantly"},
}
TYPED = "Soleil2024!"


def open_app(page, url: str) -> None:
    page.goto(url, wait_until="commit")
    page.locator("input[type=password]").wait_for(timeout=FIRST_RENDER)


def masked_box(page):
    return page.locator("input[type=password]")


def assert_large(locator) -> None:
    box = locator.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44


def assert_password_stays_in_its_box(page) -> None:
    assert TYPED not in page.locator("body").inner_text()
    for result in page.locator(".tremplin-result").all():
        assert TYPED not in result.inner_html()


def walk_main_path(page, lang: str, press) -> None:
    """Type, read the verdict, show the password, try a passphrase, come back, start again."""
    words = TEXTS[lang]
    box = masked_box(page)
    assert page.get_by_label(words["label"]).and_(box).count() == 1  # a visible, linked label
    page.get_by_text(words["empty"]).wait_for()
    press(box)
    box.fill(TYPED)
    page.get_by_text(words["weak"]).wait_for()
    result = page.locator(".tremplin-result").first.inner_text()
    assert words["time"] in result and words["reason"] in result
    assert_password_stays_in_its_box(page)

    show = page.get_by_role("button", name=words["show"], exact=True)
    assert_large(show)
    press(show)
    page.get_by_role("button", name=words["hide"], exact=True).wait_for()
    assert page.locator("input[type=text]:visible").input_value() == TYPED
    press(page.get_by_role("button", name=words["hide"], exact=True))
    page.get_by_role("button", name=words["show"], exact=True).wait_for()
    assert box.input_value() == TYPED

    try_phrase = page.get_by_role("button", name=words["phrase"])
    assert_large(try_phrase)
    press(try_phrase)
    page.get_by_text(words["why_strong"]).wait_for()
    assert words["strong"] in page.locator(".tremplin-result:visible").inner_text()
    assert len(page.locator(".tremplin-phrase").inner_text().split()) == 9
    press(page.get_by_role("button", name=words["back"]))
    box.wait_for()
    assert box.input_value() == TYPED

    reset = page.get_by_role("button", name=words["reset"])
    assert_large(reset)
    press(reset)
    page.get_by_text(words["empty"]).wait_for()
    assert box.input_value() == ""
    assert app_leaks(page) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_desktop_with_the_mouse(page, apps_url, lang):
    open_app(page, f"{apps_url}{APP}?lang={lang}")
    walk_main_path(page, lang, lambda target: target.click())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tablet_by_touch(tablet, apps_url, lang):
    open_app(tablet, f"{apps_url}{APP}?lang={lang}")
    walk_main_path(tablet, lang, lambda target: target.tap())


def test_keyboard_alone_types_shows_and_switches_language(page, apps_url):
    open_app(page, apps_url + APP)
    masked_box(page).focus()
    page.keyboard.type("azerty")
    page.get_by_text(TEXTS["fr"]["weak"]).wait_for()
    page.get_by_role("button", name="Afficher", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Masquer", exact=True).wait_for()
    page.get_by_role("button", name="English").focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Strong password").wait_for()
    page.get_by_text(TEXTS["en"]["weak"]).wait_for()
    page.get_by_role("button", name="Start again").focus()
    page.keyboard.press("Enter")
    page.get_by_text(TEXTS["en"]["empty"]).wait_for()
    assert app_leaks(page) == []
