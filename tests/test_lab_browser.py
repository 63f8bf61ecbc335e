"""`tremplin lab` as the README starts it: JupyterLab on the kit, French unless told otherwise."""

from __future__ import annotations

import pytest
from conftest import free_port, running, tremplin_argv
from helpers import ROOT

pytestmark = pytest.mark.browser
TOKEN = "tremplin-test-token"


def lab(*options: str):
    port = free_port()
    argv = tremplin_argv("lab", "--no-browser", f"--port={port}",
                         f"--IdentityProvider.token={TOKEN}", *options)
    base = f"http://127.0.0.1:{port}"
    return base, running(argv, f"{base}/api/status?token={TOKEN}")


def test_lab_opens_in_french_with_the_kit_folders_visible(browser):
    base, server = lab()
    with server:
        context = browser.new_context(locale="fr-FR")
        page = context.new_page()
        page.goto(f"{base}/lab?token={TOKEN}")
        page.get_by_role("menuitem", name="Fichier").wait_for(timeout=90_000)
        listing = page.locator(".jp-DirListing-content")
        for folder in ("modules", "exercises", "voila_apps", "grading", "instructor_guide"):
            listing.get_by_text(folder, exact=True).wait_for()
        listing.get_by_text("modules", exact=True).dblclick()
        listing.get_by_text("fr", exact=True).dblclick()
        listing.get_by_text("02-tout-est-nombre.ipynb").wait_for()
        # nbgrader's Formgrader, inside this lab, finds the kit's course and both exercises
        answer = page.request.get(f"{base}/formgrader/api/assignments?token={TOKEN}")
        assert answer.ok
        names = {assignment["name"] for assignment in answer.json()}
        assert names == {p.name for p in (ROOT / "exercises").iterdir() if p.is_dir()}
        context.close()


def test_lab_in_english_on_request(browser):
    base, server = lab("--lang", "en")
    with server:
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        page.goto(f"{base}/lab?token={TOKEN}")
        page.get_by_role("menuitem", name="File").wait_for(timeout=90_000)
        assert page.get_by_role("menuitem", name="Fichier").count() == 0
        context.close()
