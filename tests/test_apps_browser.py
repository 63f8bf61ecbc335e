"""The Binaire et pixels app, served by `tremplin apps` and used in a real headless Chromium."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

APP = "/voila/render/binaire-et-pixels.ipynb"


def open_app(page, url: str) -> None:
    page.goto(url)
    page.locator(".widget-toggle-button").nth(7).wait_for(timeout=60_000)


def number_shown(page) -> int:
    text = page.locator(".tremplin-result").inner_text()
    return int(re.search(r"(?:Nombre|Number) ?: (\d+)", text).group(1))


def test_clicking_a_bit_changes_the_number_with_no_code_or_traceback(page, apps_url):
    open_app(page, apps_url + APP)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Binaire et pixels" in page.locator("h1").inner_text()
    assert number_shown(page) == 0
    bits = page.locator(".widget-toggle-button")
    assert bits.count() == 8
    bits.nth(7).click()  # the rightmost bit is worth 1
    page.get_by_text("Nombre : 1").wait_for()
    bits.nth(1).click()  # worth 64: 65 is the letter A
    page.get_by_text("Nombre : 65").wait_for()
    assert "« A »" in page.locator(".tremplin-result").inner_text()
    body = page.locator("body").inner_text()
    for leak in ("Traceback", "import ", "def ", "BinaryPixels", "Error"):
        assert leak not in body


def test_targets_are_large_and_start_again_resets(page, apps_url):
    open_app(page, apps_url + APP)
    first = page.locator(".widget-toggle-button").first
    box = first.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    first.click()
    page.get_by_text("Nombre : 128").wait_for()
    page.get_by_role("button", name="Recommencer").click()
    page.get_by_text("Nombre : 0").wait_for()


def test_keyboard_alone_can_switch_a_bit(page, apps_url):
    open_app(page, apps_url + APP)
    first = page.locator(".widget-toggle-button").first
    first.focus()
    page.keyboard.press("Space")
    page.get_by_text("Nombre : 128").wait_for()


def test_english_from_the_address_and_from_the_switch(page, apps_url):
    open_app(page, apps_url + APP + "?lang=en")
    page.get_by_role("heading", name="Binary and pixels").wait_for()
    assert number_shown(page) == 0
    page.get_by_role("button", name="Français").click()
    page.get_by_role("heading", name="Binaire et pixels").wait_for()
    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Start again").wait_for()
