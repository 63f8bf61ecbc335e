"""The launcher and the kiosk in a real Chromium: tiles open apps, every app has a way back,
Voilà's own messages speak the visitor's language, and a kiosk page returns home when idle."""

from __future__ import annotations

import pytest
from conftest import free_port, running, tremplin_argv
from helpers import ROOT

from tremplin.apps.launcher import app_entries

pytestmark = pytest.mark.browser

ENTRIES = app_entries(ROOT / "voila_apps")


def test_the_launcher_opens_each_app_and_every_app_leads_back(page, apps_url):
    page.goto(apps_url + "/?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("heading", name="Activities").wait_for()
    for entry in ENTRIES:
        tile = page.locator(f'a.tremplin-tile[href*="/{entry.file}?lang=en"]')
        assert tile.locator(".tremplin-tile-name").inner_text() == entry.title["en"]
        box = tile.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
    page.get_by_role("link", name="Binary and pixels").click()
    page.get_by_role("heading", name="Binary and pixels").wait_for(timeout=60_000)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="← All activities").click()
    page.get_by_role("heading", name="Activities").wait_for()
    page.get_by_role("link", name="Français").click()
    page.get_by_role("heading", name="Activités").wait_for()
    assert page.locator("html").get_attribute("lang") == "fr"


def test_voilas_waiting_message_speaks_the_visitors_language(page, apps_url):
    # Without Voilà's main script the page stays on its waiting message: read it there.
    page.route("**/voila.js", lambda route: route.abort())
    page.goto(apps_url + "/voila/render/binaire-et-pixels.ipynb", wait_until="commit")
    waiting = page.locator("#loading_text")
    waiting.wait_for(timeout=60_000)
    assert waiting.inner_text().startswith("L'activité se prépare…")
    page.goto(apps_url + "/voila/render/binaire-et-pixels.ipynb?lang=en", wait_until="commit")
    page.get_by_text("Getting the activity ready…").wait_for(timeout=60_000)
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_missing_page_is_explained_kindly_with_a_way_back(page, apps_url):
    page.goto(apps_url + "/voila/render/does-not-exist.ipynb")
    assert "Oups, cette page ne s'affiche pas." in page.locator("h1").inner_text()
    page.get_by_role("link", name="Back to the activities").click()
    page.get_by_role("heading", name="Activities").wait_for()


@pytest.fixture(scope="module")
def kiosk_url():
    port = free_port()
    argv = tremplin_argv("apps", "--kiosk", "--idle", "4", "--pool", "1", "--no-browser",
                         f"--port={port}")
    base = f"http://127.0.0.1:{port}"
    with running(argv, f"{base}/voila/static/voila.js"):
        yield base


def test_a_kiosk_page_left_alone_returns_to_the_launcher(page, kiosk_url):
    page.goto(kiosk_url + "/voila/render/binaire-et-pixels.ipynb?lang=en", timeout=90_000)
    page.get_by_role("heading", name="Binary and pixels").wait_for(timeout=60_000)
    assert "import " not in page.content()  # sources stripped
    page.wait_for_url(kiosk_url + "/?lang=en", timeout=30_000)
    page.get_by_role("heading", name="Activities").wait_for()


def test_the_kiosk_lists_only_public_apps_and_refuses_the_others(page, kiosk_url):
    page.goto(kiosk_url + "/")
    entries = app_entries(ROOT / "voila_apps")  # as the server saw them when it started
    links = page.locator(".tremplin-tile")
    assert links.count() == sum(1 for e in entries if e.kiosk)
    for entry in entries:
        if not entry.kiosk:
            answer = page.request.get(f"{kiosk_url}/voila/render/{entry.file}")
            assert answer.status == 404
    assert page.request.get(f"{kiosk_url}/voila/render/../README.md").status in (403, 404)
