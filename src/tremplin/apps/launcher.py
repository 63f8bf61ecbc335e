"""The apps' front door: a launcher page of large tiles, and the Voilà template every app wears.

Voilà draws its own file list with JavaScript and no real links, in English; a beginner needs
one page of big pictures and names instead. At each start, `tremplin apps` writes a Voilà
template (`tremplin`) whose file-list page *is* the launcher, made here from the apps' notebook
metadata, and whose app page adds the visitor's language, Voilà's loading messages translated,
a way back to the launcher, names for stock widgets, and (kiosk) a return when idle.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..i18n import LANGUAGES, t
from ..metadata import KEY

TEMPLATE_NAME = "tremplin"
SOURCE = Path(__file__).parent / "voila_template"
STYLE = Path(__file__).parent / "style.css"


@dataclass(frozen=True)
class AppEntry:
    """One tile of the launcher, read from the app notebook's metadata."""

    file: str  # notebook file name in voila_apps/
    id: str
    title: dict[str, str]
    summary: dict[str, str]
    picture: str  # inline SVG, or "" when the app has none
    kiosk: bool  # False for trainers' pages, which the public kiosk must not list or serve


def app_entries(folder: Path) -> list[AppEntry]:
    """Every app notebook of `folder`, in title order (French), skipping unreadable files:
    `tremplin check` is what reports those."""
    entries = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))["metadata"].get(KEY) or {}
            if meta.get("kind") != "app":
                continue
            title, summary = dict(meta["title"]), dict(meta["summary"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        picture = folder / "pictures" / f"{meta.get('id')}.svg"
        entries.append(AppEntry(
            file=path.name, id=str(meta.get("id")), title=title, summary=summary,
            picture=picture.read_text(encoding="utf-8") if picture.is_file() else "",
            kiosk=meta.get("kiosk", True) is not False))
    return sorted(entries, key=lambda e: e.title.get("fr", e.file).lower())


def launcher_html(entries: list[AppEntry], lang: str) -> str:
    """The tiles in one language: each a real link (keyboard, screen reader, touch), with its
    picture, name and one line, plus the switch to the other language."""
    tiles = []
    for entry in entries:
        href = f"{{{{ base_url }}}}voila/render/{entry.file}?lang={lang}"
        # The picture is decoration (the name is the link's text): hidden from screen readers,
        # and without its French <title>, which would show as a tooltip on the English page.
        picture = re.sub(r"<title[^>]*>.*?</title>", "", entry.picture, flags=re.S)
        picture = picture.replace("<svg", '<svg aria-hidden="true" focusable="false"', 1)
        tiles.append(
            f'<li><a class="tremplin-tile" href="{href}">'
            f'<span class="tremplin-tile-picture">{picture}</span>'
            f'<span class="tremplin-tile-name">{html.escape(entry.title[lang])}</span>'
            f'<span class="tremplin-tile-line">{html.escape(entry.summary[lang])}</span></a></li>')
    other = next(code for code in LANGUAGES if code != lang)
    return (
        f'<main lang="{lang}" class="tremplin-launcher">'
        f'<p class="tremplin-switch"><a href="?lang={other}" lang="{other}">'
        f'{html.escape(t("launcher.other_language", other))}</a></p>'
        f"<h1>{html.escape(t('launcher.title', lang))}</h1>"
        f"<p>{html.escape(t('launcher.intro', lang))}</p>"
        f'<ul class="tremplin-tiles">{"".join(tiles)}</ul></main>')


def _tree_page(entries: list[AppEntry], default_lang: str) -> str:
    """The Jinja page Voilà renders at `/`: the launcher in the language of `?lang=`."""
    other = next(code for code in LANGUAGES if code != default_lang)
    return (
        "<!DOCTYPE html>\n"
        f"{{% if 'lang={other}' in (query or '') %}}{{% set lang = '{other}' %}}"
        f"{{% else %}}{{% set lang = '{default_lang}' %}}{{% endif %}}\n"
        '<html lang="{{ lang }}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Tremplin</title>"
        f"<style>{STYLE.read_text(encoding='utf-8')}</style></head>"
        '<body class="tremplin-launcher-page">'
        f"{{% if lang == '{other}' %}}{launcher_html(entries, other)}"
        f"{{% else %}}{launcher_html(entries, default_lang)}{{% endif %}}"
        "</body></html>\n")


def write_template(data_dir: Path, entries: list[AppEntry], *, lang: str,
                   idle_seconds: int = 0) -> Path:
    """Write the `tremplin` Voilà template under `data_dir/voila/templates/` (put `data_dir`
    on JUPYTER_PATH); return its folder. Rewritten whole at each start, so it follows the
    apps present and the settings of this start."""
    folder = data_dir / "voila" / "templates" / TEMPLATE_NAME
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(SOURCE, folder, ignore=shutil.ignore_patterns("page.js"))
    settings = {
        "lang": lang, "idle": idle_seconds, "base": "{{ resources.base_url }}",
        "texts": {code: {key: t(f"launcher.page_{key}", code, i="{i}", n="{n}") for key in (
            "title", "loading", "step", "back", "nav", "slider", "picture")}
            for code in LANGUAGES}}  # {i} and {n} are filled in by page.js as cells run
    page = (folder / "index.html.j2").read_text(encoding="utf-8")
    page = page.replace("__TREMPLIN_SETTINGS__", json.dumps(settings, ensure_ascii=False))
    page = page.replace("__TREMPLIN_PAGE_JS__", (SOURCE / "page.js").read_text(encoding="utf-8"))
    (folder / "index.html.j2").write_text(page, encoding="utf-8")
    tree = _tree_page(entries, lang)
    for name in ("tree.html", "tree-lab.html"):
        (folder / name).write_text(tree, encoding="utf-8")
    return folder


def apps_table(folder: Path, lang: str) -> str:
    """The apps as the README lists them (a test keeps it in step with the notebooks)."""
    header = {"fr": "| Activité | Ce qu'on y fait | Fichier |\n|---|---|---|",
              "en": "| Activity | What one does | File |\n|---|---|---|"}[lang]
    kiosk_only = {"fr": " (animateurs, pas sur la borne)", "en": " (trainers, not on the kiosk)"}
    rows = [f"| {e.title[lang]}{'' if e.kiosk else kiosk_only[lang]} | {e.summary[lang]} | "
            f"[{e.file}](voila_apps/{e.file}) |" for e in app_entries(folder)]
    return "\n".join([header, *rows])
