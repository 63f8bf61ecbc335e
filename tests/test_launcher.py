"""The apps' launcher and template, as files: tiles made from the apps' metadata, real links
in the visitor's language, trainers' pages kept off the kiosk, the kiosk's read-only copy."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import ROOT

from tremplin.apps.launcher import app_entries, apps_table, launcher_html, write_template
from tremplin.servers import apps_command, kiosk_folder

APPS = ROOT / "voila_apps"


def test_every_app_of_the_kit_has_a_tile_with_both_languages():
    entries = app_entries(APPS)
    files = {p.name for p in APPS.glob("*.ipynb")}
    assert {e.file for e in entries} == files
    for entry in entries:
        assert entry.title["fr"] and entry.title["en"] and entry.summary["en"]


def test_tiles_are_real_links_to_the_app_in_the_page_language():
    entries = app_entries(APPS)
    page = launcher_html(entries, "en")
    assert page.startswith('<main lang="en"')
    for entry in entries:
        assert f'href="{{{{ base_url }}}}voila/render/{entry.file}?lang=en"' in page
        assert entry.title["en"] in page and entry.title["fr"] not in page
    assert '<a href="?lang=fr" lang="fr">Français</a>' in page


def fake_app(folder: Path, name: str, app_id: str, kiosk: bool | None = None) -> None:
    meta = {"kind": "app", "id": app_id, "summary": {"fr": "Résumé", "en": "Summary"},
            "title": {"fr": f"Titre {app_id}", "en": f"Title {app_id}"}}
    if kiosk is not None:
        meta["kiosk"] = kiosk
    nb = {"cells": [], "metadata": {"tremplin": meta}, "nbformat": 4, "nbformat_minor": 5}
    (folder / name).write_text(json.dumps(nb), encoding="utf-8")


def test_a_trainers_page_is_neither_listed_nor_served_by_the_kiosk(tmp_path):
    apps = tmp_path / "voila_apps"
    (apps / "pictures").mkdir(parents=True)
    fake_app(apps, "jeu.ipynb", "game")
    fake_app(apps, "resultats.ipynb", "results", kiosk=False)
    (apps / "broken.ipynb").write_text("{not json", encoding="utf-8")
    (apps / "pictures" / "game.svg").write_text('<svg viewBox="0 0 96 96"></svg>', encoding="utf-8")
    entries = app_entries(apps)
    assert [(e.id, e.kiosk) for e in entries] == [("game", True), ("results", False)]
    served = kiosk_folder(apps, tmp_path / "kiosk", [e for e in entries if e.kiosk])
    assert sorted(p.name for p in served.rglob("*")) == ["game.svg", "jeu.ipynb", "pictures"]
    assert (served / "jeu.ipynb").stat().st_mode & 0o222 == 0  # read-only for everyone
    kiosk_folder(apps, tmp_path / "kiosk", entries[:1])  # a restart replaces the old copy


def test_the_template_carries_the_language_texts_and_the_idle_time(tmp_path):
    folder = write_template(tmp_path, app_entries(APPS), lang="fr", idle_seconds=90)
    page = (folder / "index.html.j2").read_text(encoding="utf-8")
    assert '"idle": 90' in page and "Toutes les activités" in page and "All activities" in page
    assert "L'activité se prépare… (étape {i} sur {n})" in page
    tree = (folder / "tree-lab.html").read_text(encoding="utf-8")
    assert "{% if 'lang=en' in (query or '') %}" in tree and "Activités" in tree


def test_kiosk_command_preheats_and_serves_only_public_apps(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path))
    argv, env, _ = apps_command(root=ROOT, lang="en", port=9999, kiosk=True, pool=3,
                                idle_seconds=60)
    assert "--preheat_kernel=True" in argv and "--pool_size=3" in argv
    assert "--template=tremplin" in argv
    served = Path(argv[3])
    assert served != APPS and served.is_dir()
    assert str(tmp_path) in env["JUPYTER_PATH"]
    plain, _, _ = apps_command(root=ROOT, lang="fr", port=9999)
    assert "--preheat_kernel=True" not in plain and plain[3] == str(APPS)


def test_the_readme_lists_every_app():
    """Made from the apps' metadata; paste the table this test prints when an app changes."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lang in ("fr", "en"):
        table = apps_table(APPS, lang)
        assert f"<!-- apps:{lang} -->\n{table}\n<!-- /apps:{lang} -->" in readme, table
        assert table.count("\n") - 1 == len(app_entries(APPS))
