"""The Traces et cookies app, served by `tremplin apps` and used in a real headless Chromium: the
banner, the trackers beside the page (under it on a tablet), the last screen, in both languages,
with the mouse, by touch and with the keyboard alone."""

from __future__ import annotations

import pytest
from conftest import app_leaks

pytestmark = pytest.mark.browser

APP = "/voila/render/traces-et-cookies.ipynb"


def open_app(page, url: str, first_button: str) -> None:
    """Open the app and wait for its first button: a kernel starts first, which takes long on a
    busy machine; later steps get a generous timeout too."""
    page.set_default_timeout(60_000)
    page.goto(url, wait_until="commit", timeout=120_000)
    page.get_by_role("button", name=first_button, exact=True).wait_for(timeout=180_000)


def assert_large(locator) -> None:
    box = locator.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box


def live_text(page) -> str:
    return page.locator(".tremplin-trackers [role=status]").inner_text()


def test_french_with_the_mouse_accept_all_then_what_advertisers_believe(page, apps_url):
    open_app(page, apps_url + APP, "Tout accepter")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("heading", name="Traces et cookies").wait_for()
    page.get_by_role("heading", name="Ce site vous demande votre accord").wait_for()
    page.get_by_text("La page est cachée derrière le bandeau").wait_for()
    for name in ("Tout accepter", "Tout refuser", "Choisir"):
        assert_large(page.get_by_role("button", name=name, exact=True))

    page.get_by_role("button", name="Tout accepter").click()
    page.get_by_role("heading", name="Tarte aux pommes de grand-mère").wait_for()
    page.get_by_text("Ont vu cette page : La Marmite, Statimètre, PubMax, Partagez.").wait_for()
    browser = page.locator(".tremplin-browser").bounding_box()
    side = page.locator(".tremplin-trackers").bounding_box()
    assert side["x"] >= browser["x"] + browser["width"]  # beside the page on a desktop

    snacks = page.get_by_role("button", name="Goûters faciles pour les enfants")
    assert_large(snacks)
    snacks.click()
    page.get_by_role("heading", name="Goûters faciles pour les enfants").wait_for()
    page.get_by_text("Ont vu cette page : La Marmite, PubMax, ClicPub, Partagez.").wait_for()
    assert "Vous avez des enfants ou des petits-enfants." in page.locator(
        ".tremplin-trackers").inner_text()

    page.get_by_role("button", name="Voir ce que les publicitaires croient savoir de vous").click()
    page.get_by_role("heading", name="Ce que les publicitaires croient savoir de vous").wait_for()
    page.get_by_text("Choses devinées sur vous : 2 avec votre choix, 0 avec « Tout refuser ».") \
        .wait_for()
    picture = page.get_by_role("img", name="Graphique en barres", exact=False)
    picture.wait_for(timeout=60_000)
    assert "PubMax : 2" in picture.get_attribute("alt")
    assert "Refuser doit être aussi facile qu'accepter" in page.locator("body").inner_text()
    assert app_leaks(page) == []

    again = page.get_by_role("button", name="Recommencer")
    assert_large(again)
    again.click()
    page.get_by_role("button", name="Tout accepter").wait_for()
    page.get_by_text("La page est cachée derrière le bandeau").wait_for()
    assert app_leaks(page) == []


def test_english_by_touch_on_a_tablet_choose_only_measurement(tablet, apps_url):
    open_app(tablet, apps_url + APP + "?lang=en", "Accept all")
    assert tablet.locator("html").get_attribute("lang") == "en"
    tablet.get_by_role("heading", name="Traces and cookies").wait_for()
    tablet.get_by_role("button", name="Choose", exact=True).tap()
    measure = tablet.get_by_role("button", name="✗ Audience measurement: no")
    measure.wait_for()
    assert_large(measure)
    for name in ("✗ Targeted advertising: no", "✗ Social networks: no"):
        assert_large(tablet.get_by_role("button", name=name))
    measure.tap()
    tablet.get_by_role("button", name="✓ Audience measurement: yes").wait_for()
    tablet.get_by_text("Your choices: Audience measurement: yes, Targeted advertising: no, "
                       "Social networks: no.").wait_for()
    tablet.get_by_role("button", name="Save my choices").tap()

    tablet.get_by_role("heading", name="Grandma's apple pie").wait_for()
    tablet.get_by_text("Blocked by your choice: PubMax, Partagez.").wait_for()
    assert live_text(tablet).startswith("Saw this page: La Marmite, Statimètre.")
    browser = tablet.locator(".tremplin-browser").bounding_box()
    side = tablet.locator(".tremplin-trackers").bounding_box()
    assert side["y"] >= browser["y"] + browser["height"]  # under the page on a tablet

    tablet.get_by_role("button", name="Salt-free meals for the heart").tap()
    tablet.get_by_role("heading", name="Salt-free meals for the heart").wait_for()
    tablet.get_by_text("perhaps: You have a health problem. ⚠ sensitive data").first.wait_for()

    see = tablet.get_by_role("button", name="See what advertisers now believe about you")
    assert_large(see)
    see.tap()
    tablet.get_by_role("heading", name="What advertisers now believe about you").wait_for()
    tablet.get_by_text("Your choice: Choose (yes to audience measurement). Pages visited: 2.") \
        .wait_for()
    picture = tablet.get_by_role("img", name="Bar chart", exact=False)
    picture.wait_for(timeout=60_000)
    assert "With your choice (Choose (yes to audience measurement)): Statimètre: 2, PubMax: 0" \
        in picture.get_attribute("alt")
    assert picture.bounding_box()["width"] <= 768
    assert app_leaks(tablet) == []

    tablet.get_by_role("button", name="Start again").tap()
    tablet.get_by_role("button", name="Accept all").wait_for()
    assert app_leaks(tablet) == []


def test_keyboard_alone_can_refuse_all_and_go_on_from_the_first_page(page, apps_url):
    open_app(page, apps_url + APP, "Tout refuser")
    refuse = page.get_by_role("button", name="Tout refuser")
    refuse.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Bloqués par votre choix : Statimètre, PubMax, Partagez.").wait_for()
    first = page.get_by_role("button", name="Tarte aux pommes de grand-mère")
    page.wait_for_function("() => document.activeElement.textContent.includes('Tarte aux')")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the second page, by keyboard too
    page.get_by_role("heading", name="Goûters faciles pour les enfants").wait_for()
    assert "Ont vu cette page : La Marmite." in live_text(page)
    assert first.is_visible()
    assert app_leaks(page) == []


def test_the_language_switch_redraws_every_text(page, apps_url):
    open_app(page, apps_url + APP, "Tout accepter")
    page.get_by_role("button", name="Tout accepter").click()
    page.get_by_role("heading", name="Tarte aux pommes de grand-mère").wait_for()
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Traces and cookies").wait_for()
    page.get_by_role("heading", name="Grandma's apple pie").wait_for()
    page.get_by_text("Saw this page: La Marmite, Statimètre, PubMax, Partagez.").wait_for()
    page.get_by_role("button", name="Start again").wait_for()
    page.get_by_role("button", name="Français").click()
    page.get_by_role("heading", name="Qui vous suit ?").wait_for()
