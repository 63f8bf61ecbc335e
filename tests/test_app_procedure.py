"""The "Démarche en ligne / Online procedure" app: module 12's procedure on an app page, with a
screen of its own for a look-alike site, a language that changes at any step and a receipt to
download."""

from __future__ import annotations

import ast
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

import ipywidgets as w
import pytest
from helpers import ROOT

from tremplin.apps import procedure_app
from tremplin.apps.procedure_app import ProcedureApp, receipt_file
from tremplin.i18n import load_all
from tremplin.procedures import search_results

NOTEBOOK = ROOT / "voila_apps" / "demarche-en-ligne.ipynb"
TODAY = date(2025, 3, 12)
WHEN = datetime(2025, 3, 12, 14, 32, 5)
LOOK_ALIKES = [site["id"] for site in search_results() if site["id"] != "official"]


def seen(value: str) -> str:
    """What a reader sees in some HTML: tags dropped, entities undone, spaces squeezed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", value))).strip()


def words(widget: w.Widget) -> str:
    """What a visitor reads in a widget: an HTML's text, a control's visible name."""
    if isinstance(widget, w.HTML):
        return seen(widget.value)
    if isinstance(widget, w.Box):
        return " ".join(words(child) for child in widget.children)
    return getattr(widget, "description", "")


def screen_text(app: ProcedureApp) -> str:
    return words(app.screen)


def logged_in(lang: str = "fr") -> ProcedureApp:
    """An app at the code step, Camille's username and password typed."""
    app = ProcedureApp(lang, seed=3, today=TODAY)
    app.buttons["official"].click()
    app.buttons["ameli"].click()
    app.inputs["username"].value, app.inputs["password"].value = "cmartin58", "Prune-Velo-Lune-7"
    app.buttons["submit"].click()
    return app


def filled(app: ProcedureApp) -> None:
    """Camille's card copied into the form, and sent on to the review."""
    for name, value in app.state.identity.answers(TODAY).items():
        app.inputs[name].value = value
    for org in ("caf", "health", "taxes"):
        app.inputs["organisations"][org].value = True
    app.buttons["submit"].click()


# --- step 1: a look-alike site --------------------------------------------------------------

@pytest.mark.parametrize("site", LOOK_ALIKES)
def test_a_look_alike_opens_its_own_screen_with_the_plain_explanation(site):
    app = ProcedureApp("fr", seed=3, today=TODAY)
    app.buttons[site].click()
    said = screen_text(app)
    assert app.state.step == "choose" and app.mistake["id"] == site
    assert "Attention : ce n'est pas le bon site" in said
    assert "✗ Site non officiel : n'y faites pas votre démarche." in said
    assert "Il demande de l'argent" in said  # every look-alike of the search asks for money
    assert "Pas ce site-là : choisissez un autre résultat." in said
    assert list(app.buttons) == ["back"]
    assert app.buttons["back"].description == "← Revenir aux résultats"


def test_the_look_alike_explanation_names_the_real_site_and_the_missing_padlock():
    app = ProcedureApp("en", seed=3, today=TODAY)
    app.buttons["trap"].click()
    said = screen_text(app)
    assert "http://www.service-public.gouv.fr.demarche-adresse.com/" in said
    assert "\"gouv\" is written in the address, but not at the end of the name" in said
    assert "the real site is demarche-adresse.com" in said
    assert "http:// without an \"s\"" in said and "€19.90" in said


def test_back_to_the_results_lets_the_visitor_try_again():
    app = ProcedureApp("fr", seed=3, today=TODAY)
    app.buttons["express"].click()
    app.buttons["back"].click()
    assert app.mistake is None
    assert set(app.buttons) == {site["id"] for site in search_results()}
    app.buttons["official"].click()
    assert app.state.step == "connect"
    assert "✓ Site officiel : vous pouvez continuer." in seen(app.feedback.value)


# --- the main path ----------------------------------------------------------------------------

def test_the_main_path_from_the_search_to_the_receipt_in_french():
    app = logged_in("fr")
    assert app.state.step == "code"
    assert f"votre code est {app.state.code}" in seen(app.phone.value)
    assert "le cadre noir" in screen_text(app) and "à droite" not in screen_text(app)
    app.inputs["code"].value = app.state.code
    app.buttons["submit"].click()
    assert app.state.step == "form"
    filled(app)
    assert app.state.step == "review"
    assert "12 rue des Lilas" in screen_text(app)
    app.send(WHEN)
    said = screen_text(app)
    reference = app.state.receipt.reference
    assert re.fullmatch(r"DEM-2025-[A-HJ-NP-Z2-9]{6}", reference)
    assert f"Numéro de dossier : {reference}" in said
    assert "Reçu le 12/03/2025 à 14:32" in said
    assert "↓ Télécharger le reçu" in said
    assert f"accuse-reception-{reference}.txt" in said and "Téléchargements" in said
    assert "save" not in app.buttons  # the module's simulated "My documents" is not used here
    assert reference in seen(app.phone.value)


def test_a_wrong_code_is_refused_kindly_and_the_right_one_goes_on():
    app = logged_in("en")
    app.inputs["code"].value = "000000" if app.state.code != "000000" else "111111"
    app.buttons["submit"].click()
    assert app.state.step == "code"
    assert "That is not the right code. Read the phone's latest message." in seen(
        app.feedback.value)
    app.inputs["code"].value = "12 ab"
    app.buttons["submit"].click()
    assert "The code has 6 digits, no letters." in seen(app.feedback.value)
    app.inputs["code"].value = app.state.code
    app.buttons["submit"].click()
    assert app.state.step == "form"


def test_the_form_says_each_problem_in_plain_words():
    app = logged_in("fr")
    app.inputs["code"].value = app.state.code
    app.buttons["submit"].click()
    app.inputs["postcode"].value = "6900"
    app.inputs["move_date"].value = "31/02/2025"
    app.buttons["submit"].click()
    assert app.state.step == "form"
    assert "exactement 5 chiffres" in seen(app.problems["postcode"].value)
    assert "Cette date n'existe pas" in seen(app.problems["move_date"].value)
    assert "Cochez au moins un organisme." in seen(app.problems["organisations"].value)
    assert "✗" in app.problems["street"].value  # a sign and words, not a colour alone


def test_the_downloaded_receipt_is_a_text_file_made_in_the_page():
    app = logged_in("en")
    app.inputs["code"].value = app.state.code
    app.buttons["submit"].click()
    filled(app)
    app.send(WHEN)
    link = app.download_html()
    href = re.search(r'href="([^"]+)"', link).group(1)
    assert href.startswith("data:text/plain;charset=utf-8,")  # made here: nothing is fetched
    content = unquote(href.split(",", 1)[1])
    reference = app.state.receipt.reference
    assert f'download="accuse-reception-{reference}.txt"' in link
    assert f"Reference number: {reference}" in content
    assert "Received on 12/03/2025 at 14:32" in content
    assert "New address: 12 rue des Lilas, 69003 Lyon" in content
    assert "a made-up person" in content
    name, french = receipt_file(app.state.receipt, "fr")
    assert name == f"accuse-reception-{reference}.txt"
    assert french.startswith("\ufeffAccusé de réception (simulé)\r\n")
    assert "personne inventée" in french


def test_each_new_screen_puts_the_focus_on_its_first_box_or_button(monkeypatch):
    focused: list[str] = []
    monkeypatch.setattr(w.DOMWidget, "focus",
                        lambda self: focused.append(getattr(self, "description", "")))
    app = ProcedureApp("fr", seed=3, today=TODAY)
    assert focused == []  # the page opens at its top
    app.buttons["express"].click()
    app.buttons["back"].click()
    app.buttons["official"].click()
    app.buttons["ameli"].click()
    assert focused == ["← Revenir aux résultats", "Changement d'adresse en 5 minutes",
                       "Continuer avec impots.gouv.fr", "Identifiant"]
    app.set_lang("en")  # the same screen again: the focus stays where the visitor is
    assert len(focused) == 4


# --- language and start again -----------------------------------------------------------------

def test_switching_language_redraws_every_text_and_keeps_what_was_typed():
    app = ProcedureApp("fr", seed=3, today=TODAY)
    app.buttons["official"].click()
    app.buttons["msa"].click()
    app.inputs["username"].value = "cmartin58"
    app.set_lang("en")
    assert app.inputs["username"].value == "cmartin58"
    assert app.inputs["username"].description == "Username"
    assert "Step 3: your username and password" in screen_text(app)
    assert "Camille's card (made up)" in seen(app.card.value)
    assert 'aria-current="step">3. Log in' in app.timeline.value
    assert app.page_text("title") == "Online procedure"


def test_switching_language_on_the_form_says_its_problems_again():
    app = logged_in("fr")
    app.inputs["code"].value = app.state.code
    app.buttons["submit"].click()
    app.inputs["postcode"].value = "6900"
    app.inputs["organisations"]["jobs"].value = True
    app.buttons["submit"].click()
    app.set_lang("en")
    assert app.inputs["postcode"].value == "6900"
    assert app.inputs["organisations"]["jobs"].value
    assert app.inputs["organisations"]["jobs"].description == "☑ France Travail"
    assert "exactly 5 digits" in seen(app.problems["postcode"].value)
    assert "mandatory" in seen(app.problems["street"].value)


def test_switching_language_keeps_the_look_alike_screen():
    app = ProcedureApp("fr", seed=3, today=TODAY)
    app.buttons["copy"].click()
    app.set_lang("en")
    assert "Careful: this is not the right site" in screen_text(app)
    assert app.buttons["back"].description == "← Back to the results"


def test_start_again_goes_back_to_the_search_with_nothing_kept():
    app = logged_in("fr")
    app.restart()
    assert app.state.step == "choose" and app.mistake is None
    assert "Aucun message." in seen(app.phone.value)
    app.buttons["express"].click()
    app.restart()
    assert app.mistake is None and "official" in app.buttons
    assert app.page_text("reset") == "↺ Recommencer"


def test_the_page_has_no_module_restart_and_no_documents_folder():
    app = ProcedureApp("fr", seed=3, today=TODAY)
    shown = json.dumps([getattr(child, "value", "") for child in app.widget.children])
    assert "Recommencer" not in shown and "Mes documents" not in shown


# --- the notebook, the texts, the picture -------------------------------------------------

def test_the_notebook_is_a_short_bilingual_app_with_no_outputs():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    meta = notebook["metadata"]["tremplin"]
    assert meta["kind"] == "app" and meta["id"] == "online-procedure"
    assert meta["title"] == {"fr": "Démarche en ligne", "en": "Online procedure"}
    assert set(meta["summary"]) == {"fr", "en"}
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert len(code) <= 6
    assert sum("".join(cell["source"]).count("\n") + 1 for cell in code) < 60
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    source = "".join("".join(cell["source"]) for cell in code)
    assert "ProcedureApp(lang=kit_lang())" in source and "language_switch" in source


def test_every_text_of_the_app_exists_in_both_languages():
    catalogue = load_all()
    keys = [key for key in catalogue if key.startswith("app.procedure.")]
    assert len(keys) >= 8
    sources = Path(procedure_app.__file__).read_text() + NOTEBOOK.read_text()
    used = set(re.findall(r"page_text\(\\?[\"']([a-z_]+)", sources))
    assert {"title", "intro", "reset", "try_again", "download"} <= used
    assert {f"app.procedure.{key}" for key in used} <= set(keys)
    for key in keys:
        assert catalogue[key]["fr"] != catalogue[key]["en"] or "{" in catalogue[key]["fr"]


def test_the_app_needs_only_the_standard_library_and_ipywidgets():
    tree = ast.parse(Path(procedure_app.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module}
    assert imported - {"__future__", "ipywidgets"} <= set(sys.stdlib_module_names)


def test_the_tile_picture_is_a_named_image():
    svg = ET.parse(ROOT / "voila_apps" / "pictures" / "online-procedure.svg").getroot()
    assert svg.get("viewBox") == "0 0 96 96" and svg.get("role") == "img"
    title = svg.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and "démarche" in title.text
    shapes = [element for element in svg if not element.tag.endswith("title")]
    assert 2 <= len(shapes) <= 4
    assert svg.find("{http://www.w3.org/2000/svg}text") is None
