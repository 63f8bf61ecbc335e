"""Accessibility audit of the launcher and every app, in both languages, in a real Chromium:
axe-core (from the npm registry, tests/a11y) finds no serious or critical violation, and at
200 % zoom (a 640 px wide window) nothing needs scrolling sideways."""

from __future__ import annotations

import pytest
from helpers import ROOT

from tremplin.apps.launcher import app_entries

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
APPS = [entry.file for entry in app_entries(ROOT / "voila_apps")]
LANGS = ("fr", "en")


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => await axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})""")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def open_app(page, url: str) -> None:
    page.goto(url, timeout=90_000)
    page.locator("#rendered_cells").wait_for(state="visible", timeout=90_000)
    page.locator(".jupyter-widgets").first.wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", LANGS)
def test_the_launcher_passes_the_audit(page, apps_url, lang):
    page.goto(f"{apps_url}/?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert serious_violations(page) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("app", APPS)
def test_every_app_passes_the_audit_in_both_languages(page, apps_url, app, lang):
    open_app(page, f"{apps_url}/voila/render/{app}?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert serious_violations(page) == []


@pytest.mark.parametrize("app", APPS)
def test_at_200_percent_zoom_nothing_scrolls_sideways(browser, apps_url, app):
    context = browser.new_context(locale="fr-FR", viewport={"width": 640, "height": 512})
    page = context.new_page()
    try:
        open_app(page, f"{apps_url}/voila/render/{app}")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{overflow}px to scroll sideways"
    finally:
        context.close()
