"""The "Traces et cookies / Traces and cookies" app: a consent banner answered once, who saw each
page and what they guess, and the last screen comparing with the other answer."""

from __future__ import annotations

import html as html_module
import json
import re

import pytest
from helpers import ROOT

from tremplin.apps.cookies_app import CookiesApp
from tremplin.apps.cookies_final import chart, chart_alt, compare_table, final_html, lesson_html
from tremplin.apps.cookies_walk import DATA_FILE, WalkError, parse_walk, walk
from tremplin.apps.kit import figure
from tremplin.i18n import load_all
from tremplin.tracking import read_data, world

NOTEBOOK = ROOT / "voila_apps" / "traces-et-cookies.ipynb"
APP_FILES = [ROOT / "src" / "tremplin" / "apps" / name
             for name in ("cookies_app.py", "cookies_final.py", "cookies_walk.py")]


def seen(markup: str) -> str:
    """What a reader sees in the HTML: tags dropped, entities undone, spaces squeezed."""
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def live(markup: str) -> str:
    """The part a screen reader reads out (the polite live region)."""
    found = re.search(r'<div class="tremplin-result" role="status" aria-live="polite">(.*?)</div>',
                      markup, re.S)
    assert found, "no live region"
    return seen(found.group(1))


def browsed(lang: str, key: str, *pages: str) -> CookiesApp:
    """A visitor who answered the banner with `key` and then opened `pages`."""
    app = CookiesApp(lang)
    app.press(key)
    for page in pages:
        app.open(page)
    return app


def test_the_walk_is_three_pages_of_one_site_of_module_10():
    wld, found = world(), walk()
    assert found.site == "lamarmite"
    assert found.pages == ("apple-pie", "kids-snacks", "salt-free")
    assert {wld.pages[page].site for page in found.pages} == {"lamarmite"}
    assert all(found.bodies[page]["fr"] and found.bodies[page]["en"] for page in found.pages)


@pytest.mark.parametrize("change, message", [
    (lambda raw: raw.update(site="nowhere"), "site 'nowhere': not a site"),
    (lambda raw: raw["pages"][1].update(id="back-pain"), "page 2 ('back-pain'): not a page"),
    (lambda raw: raw["pages"][2]["body"].pop("en"), "page 3 ('salt-free'): body needs"),
    (lambda raw: raw["pages"].pop(), "give 3 or 4 pages, not 2"),
])
def test_a_wrong_data_entry_is_named_with_its_file(change, message):
    raw = read_data(DATA_FILE)
    change(raw)
    with pytest.raises(WalkError) as caught:
        parse_walk(raw, world())
    assert str(caught.value).startswith(DATA_FILE) and message in str(caught.value)


def test_the_banner_comes_first_and_hides_the_page():
    app = CookiesApp("fr")
    assert app.screen == "banner" and app.session.visits == []
    window = seen(app.window_html())
    assert "https://lamarmite.example/tarte-aux-pommes" in window
    assert "cachée derrière le bandeau" in window and "Tarte aux pommes" not in window
    banner = seen(app.banner_html())
    assert "La Marmite et 4 autres entreprises" in banner
    assert "mesure d'audience, publicité ciblée, réseaux sociaux" in banner
    assert app.labels()[:3] == ["Tout accepter", "Tout refuser", "Choisir"]
    assert app.display("banner") is None and app.display("browse", "final") == "none"


def test_accepting_all_lets_every_tracker_of_the_page_see_it():
    app = browsed("fr", "accept_all")
    assert app.screen == "browse" and app.current == "apple-pie"
    assert "Tarte aux pommes de grand-mère" in seen(app.window_html())
    panel = app.trackers_html()
    assert live(panel) == "Ont vu cette page : La Marmite, Statimètre, PubMax, Partagez."
    text = seen(panel)
    assert "ClicPub — une autre entreprise, pour : Publicité ciblée – N'est pas sur cette page." \
        in text
    assert "PubMax — une autre entreprise, pour : Publicité ciblée ✓ A vu cette page." in text
    assert "Pages vues : 1 (Tarte aux pommes de grand-mère)." in text
    assert "peut-être : Vous aimez cuisiner." in text
    assert "il n'a pas besoin de votre accord" in text  # the site's own cookie


def test_refusing_all_leaves_only_the_site_itself():
    app = browsed("fr", "refuse_all", "kids-snacks")
    panel = app.trackers_html()
    assert live(panel) == ("Ont vu cette page : La Marmite. "
                           "Bloqués par votre choix : PubMax, ClicPub, Partagez.")
    text = seen(panel)
    assert text.count("N'a rien vu de vous.") == 4
    assert "Croit savoir" not in text
    assert "Pages vues : 2 (Tarte aux pommes de grand-mère, Goûters faciles pour les enfants)." \
        in text


def test_choosing_starts_with_everything_off_and_each_button_says_its_state():
    app = CookiesApp("fr")
    app.press("choose")
    assert app.screen == "choose"
    assert app.labels()[7:10] == ["✗ Mesure d'audience : non", "✗ Publicité ciblée : non",
                                  "✗ Réseaux sociaux : non"]
    app.flip("measure")
    assert app.toggle_label("measure") == "✓ Mesure d'audience : oui"
    assert live(app.choose_html()) == ("Vos choix : Mesure d'audience : oui, Publicité ciblée : "
                                       "non, Réseaux sociaux : non.")
    app.press("save")
    assert app.screen == "browse"
    assert live(app.trackers_html()) == ("Ont vu cette page : La Marmite, Statimètre. "
                                         "Bloqués par votre choix : PubMax, Partagez.")
    assert app.choice_name(app.consent) == "Choisir (oui pour mesure d'audience)"


def test_a_page_seen_twice_counts_twice_and_back_adds_no_visit():
    app = browsed("en", "accept_all", "apple-pie")
    assert "Pages seen: 2 (Grandma's apple pie, Grandma's apple pie)." in seen(app.trackers_html())
    app.press("see")
    app.press("back")
    assert app.screen == "browse" and len(app.session.visits) == 2


def test_the_last_screen_compares_accepting_with_refusing():
    app = browsed("fr", "accept_all", "kids-snacks", "salt-free")
    app.press("see")
    shown = final_html(app)
    assert live(shown) == "Choses devinées sur vous : 3 avec votre choix, 0 avec « Tout refuser »."
    text = seen(shown)
    assert "Ce que les publicitaires croient savoir de vous" in text
    assert "Votre choix : Tout accepter. Pages visitées : 3." in text
    assert "PubMax — pages vues : 3." in text
    assert "peut-être : Vous avez un souci de santé. ⚠ donnée sensible" in text
    assert "Publicités qu'il va vous montrer : robots de cuisine, jouets, matelas" in text
    assert text.count("Publicités qu'il va vous montrer") == 3  # not Statimètre: it only counts
    assert "les entreprises n'auraient rien appris sur vous" in text
    table = seen(compare_table(app, "Tout accepter", "Tout refuser"))
    assert table == ("Votre choix : Tout accepter Avec « Tout refuser » "
                     "Pages vues par les entreprises 8 0 Choses devinées sur vous 3 0")
    assert chart_alt(app) == (
        "Graphique en barres des pages vues par chaque entreprise. Avec votre choix (Tout "
        "accepter) : Statimètre : 2, PubMax : 3, ClicPub : 1, Partagez : 2. Avec « Tout refuser "
        "» : Statimètre : 0, PubMax : 0, ClicPub : 0, Partagez : 0.")


def test_one_who_refused_sees_what_accepting_would_have_told():
    app = browsed("en", "refuse_all", "kids-snacks")
    app.press("see")
    text = seen(final_html(app))
    assert "Your choice: Refuse all. Pages visited: 2." in text
    assert "The other companies saw none of your pages" in text
    assert "Only the site La Marmite saw its own pages." in text
    assert ("With “Accept all”, the companies would believe: You like cooking. "
            "You have children or grandchildren.") in text
    assert "Statimètre: 0, PubMax: 0, ClicPub: 0, Partagez: 0. With “Accept all”: Statimètre: 1, " \
           "PubMax: 2, ClicPub: 1, Partagez: 2." in chart_alt(app)


def test_the_lesson_says_refusing_is_as_easy_and_cookies_can_be_deleted():
    text = seen(lesson_html(CookiesApp("fr")))
    assert "Refuser doit être aussi facile qu'accepter : c'est la loi." in text
    assert "effacer les cookies" in text
    assert "rien n'a été envoyé ni gardé" in seen(lesson_html(CookiesApp("fr")))
    assert "Refusing must be as easy as accepting" in seen(lesson_html(CookiesApp("en")))


def test_the_picture_is_an_image_whose_alt_text_has_the_numbers():
    app = browsed("en", "accept_all")
    app.press("see")
    fig = chart(app)
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == [
        "Statimètre", "PubMax", "ClicPub", "Partagez"]
    image = figure(fig, chart_alt(app)).value
    assert image.startswith('<img src="data:image/png;base64,')
    assert 'alt="Bar chart of the pages seen by each company. With your choice (Accept all): ' \
           'Statimètre: 1, PubMax: 1, ClicPub: 0, Partagez: 1.' in image


def test_start_again_is_a_new_visitor_with_no_memory():
    app = browsed("fr", "accept_all", "kids-snacks")
    app.press("choose")
    app.flip("ads")
    app.press("reset")
    assert app.screen == "banner" and app.current == ""
    assert app.session.visits == [] and app.session.answers == {}
    assert not any(app.wanted.values())
    assert "N'a rien vu de vous." in seen(app.trackers_html())


def test_switching_language_changes_every_text_but_keeps_the_walk():
    app = browsed("fr", "accept_all", "salt-free")
    app.lang = "en"
    assert app.labels()[:7] == ["Accept all", "Refuse all", "Choose", "Save my choices",
                                "See what advertisers now believe about you",
                                "Back to the site", "Start again"]
    assert app.labels()[-3:] == ["Grandma's apple pie", "Easy snacks for children",
                                 "Salt-free meals for the heart"]
    assert "Salt-free meals for the heart" in seen(app.window_html())
    assert "perhaps: You have a health problem. ⚠ sensitive data" in seen(app.trackers_html())


def test_every_key_of_the_catalogue_is_used_and_every_key_asked_for_exists():
    catalogue = {key.removeprefix("app.cookies.") for key in load_all()
                 if key.startswith("app.cookies.")}
    code = "".join(path.read_text(encoding="utf-8") for path in [*APP_FILES, NOTEBOOK])
    asked = set(re.findall(r"""(?:text|say)\(\s*\\?["']([a-z_]+)\\?["']""", code))
    quoted = set(re.findall(r"""\\?["']([a-z_]+)\\?["']""", code))
    assert len(asked) > 30 and sorted(asked - catalogue) == []
    assert sorted(catalogue - quoted) == []


def test_the_notebook_is_a_short_bilingual_app_with_its_picture():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    meta = notebook["metadata"]["tremplin"]
    assert meta["kind"] == "app" and meta["id"] == "traces-and-cookies"
    assert meta["title"] == {"fr": "Traces et cookies", "en": "Traces and cookies"}
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert 4 <= len(code) <= 6
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    assert sum(len("".join(cell["source"]).splitlines()) for cell in code) <= 65
    picture = (ROOT / "voila_apps" / "pictures" / "traces-and-cookies.svg").read_text()
    assert 'viewBox="0 0 96 96"' in picture and 'role="img"' in picture
    assert "<title" in picture and "<text" not in picture
    assert meta["title"]["fr"] not in picture  # the English launcher shows no French title
