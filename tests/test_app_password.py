"""The "Mot de passe solide / Strong password" app: verdicts, times and reasons in plain words,
a strong passphrase, and a password that never leaves its masked box."""

from __future__ import annotations

import json
import re

import ipywidgets as w
import pytest
from helpers import ROOT

from tremplin.apps.password_app import PasswordApp, PasswordField, strong_word_count
from tremplin.passwords import analyse, word_list

NOTEBOOK = ROOT / "voila_apps" / "mot-de-passe-solide.ipynb"
TYPED = ("soleil", "Soleil2024!", "azertyuiop", "x7#Kp9!qLm2$", "Mamie-Jardin-1952",
         "cheval pomme")


def visible_text(html: str) -> str:
    """What a reader sees in the HTML: tags dropped, entities undone."""
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_an_empty_box_invites_to_type_in_both_languages():
    assert "Tapez un mot de passe inventé" in visible_text(PasswordApp("fr").verdict_html())
    assert "Type a made-up password" in visible_text(PasswordApp("en").verdict_html())


def test_a_common_word_is_very_weak_with_words_a_time_and_reasons():
    app = PasswordApp("fr")
    app.check("soleil")
    seen = visible_text(app.verdict_html())
    assert "Très faible (niveau 1 sur 4)" in seen
    assert "Temps pour qu'un pirate le trouve : instantanément." in seen
    assert "les plus utilisés" in seen  # a common password
    assert "Trop court" in seen
    assert "Seulement des lettres minuscules." in seen
    assert "phrase de passe" in seen  # the one tip
    assert 'role="status"' in app.verdict_html()


def test_a_long_random_password_is_strong_in_english_with_no_reason_but_a_tip():
    app = PasswordApp("en")
    app.check("x7#Kp9!qLm2$")
    seen = visible_text(app.verdict_html())
    assert "Strong (level 4 of 4)" in seen
    assert "1 million years" in seen
    assert "Why:" not in seen
    assert "one site only" in seen


def test_the_colour_bar_always_comes_with_the_verdict_in_words():
    app = PasswordApp("fr")
    for password, words in (("soleil", "Très faible"), ("Tr0ub4dor&3", "Moyen"),
                            ("x7#Kp9!qLm2$", "Solide")):
        app.check(password)
        html = app.verdict_html()
        assert 'class="tremplin-meter" aria-hidden="true"' in html
        assert words in visible_text(html)


@pytest.mark.parametrize("password", TYPED)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_typed_password_never_appears_in_what_the_app_writes(password, lang):
    app = PasswordApp(lang)
    app.check(password)
    assert password not in app.verdict_html()
    assert password.lower() not in app.verdict_html().lower()
    assert password not in repr(app)  # the state keeps the analysis only
    app.new_phrase(seed=1)
    assert password not in app.phrase_html()


def test_the_state_keeps_no_password_and_start_again_forgets_everything():
    app = PasswordApp("fr")
    app.check("Soleil2024!")
    assert app.analysis.length == 11
    app.new_phrase(seed=2)
    app.reset()
    assert (app.screen, app.phrase, app.analysis.length) == ("check", "", 0)


def test_the_passphrase_is_strong_and_says_why():
    app = PasswordApp("fr")
    app.new_phrase(seed=4)
    words = app.phrase.split(" ")
    assert len(words) == strong_word_count("fr") == 9
    assert all(word in word_list("fr") for word in words)
    assert analyse(app.phrase).verdict == "strong"
    seen = visible_text(app.phrase_html())
    assert app.phrase in seen
    assert "Solide (niveau 4 sur 4)" in seen
    assert "9 mots au hasard dans une liste de 400 mots" in seen
    assert "siècles" in seen
    assert (app.screen, app.display("phrase"), app.display("check")) == ("phrase", None, "none")


def test_switching_language_draws_the_passphrase_in_the_new_language():
    app = PasswordApp("fr")
    app.new_phrase(seed=5)
    app.set_lang("en")
    assert all(word in word_list("en") for word in app.phrase.split(" "))
    assert "Why it is strong:" in visible_text(app.phrase_html())
    app.back()
    assert app.screen == "check"


def test_the_box_keeps_the_text_in_one_place_and_names_its_show_hide_button():
    app = PasswordApp("fr")
    seen: list[str] = []
    field = PasswordField(on_change=seen.append)
    field.set_texts(app)
    assert isinstance(field.masked, w.Password) and field.masked.continuous_update
    assert field.masked.description == "Mot de passe inventé :"
    assert field.toggle.description == "Afficher"
    field.masked.value = "abc"
    field.toggle.value = True
    assert (field.plain.value, field.masked.value, field.value) == ("abc", "", "abc")
    assert field.toggle.description == "Masquer"
    assert field.plain.layout.display is None and field.masked.layout.display == "none"
    field.plain.value = "abcd"
    field.toggle.value = False
    assert (field.masked.value, field.plain.value) == ("abcd", "")
    field.clear()
    assert (field.value, field.toggle.description, seen[-1]) == ("", "Afficher", "")


def test_the_notebook_is_an_app_in_both_languages_and_short():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    meta = notebook["metadata"]["tremplin"]
    assert (meta["kind"], meta["id"]) == ("app", "strong-password")
    assert set(meta["title"]) == set(meta["summary"]) == {"fr", "en"}
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] for cell in code)
    assert sum(len("".join(cell["source"]).splitlines()) for cell in code) <= 70
    picture = (ROOT / "voila_apps" / "pictures" / "strong-password.svg").read_text()
    assert 'role="img"' in picture and "<title" in picture and 'viewBox="0 0 96 96"' in picture
