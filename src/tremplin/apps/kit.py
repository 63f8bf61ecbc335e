"""What every beginner app shares: language from `?lang=`, large targets, high contrast."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as w

from ..i18n import LANGUAGES, normalise_lang
from ..paths import kit_root
from ..settings import load_settings

STYLE = (Path(__file__).parent / "style.css").read_text(encoding="utf-8")
TARGET = "64px"  # well above the 44 px minimum for a touch or a shaky hand
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def query_lang(query: str | None = None) -> str:
    """The language asked for in the page address (`?lang=en`), else the kit's default.

    Voilà hands the page's query string to the kernel in the QUERY_STRING variable.
    """
    query = os.environ.get("QUERY_STRING", "") if query is None else query
    asked = parse_qs(query).get("lang", [""])[0]
    if asked:
        return normalise_lang(asked)
    return load_settings(kit_root()).language


def page_style() -> w.HTML:
    """The stylesheet of the apps, as a widget placed first on the page."""
    return w.HTML(f"<style>{STYLE}</style>")


def big_button(description: str, on_click: Callable[[w.Button], None]) -> w.Button:
    button = w.Button(description=description, layout=w.Layout(min_height=TARGET))
    button.add_class("tremplin-big")
    button.on_click(on_click)
    return button


def big_toggle(description: str, tooltip: str) -> w.ToggleButton:
    toggle = w.ToggleButton(description=description, tooltip=tooltip,
                            layout=w.Layout(width=TARGET, height=TARGET))
    toggle.add_class("tremplin-big")
    return toggle


def language_switch(on_pick: Callable[[str], None]) -> w.HBox:
    """One button per language, each written in its own language, always visible."""
    buttons = [big_button(LANGUAGE_NAMES[lang], lambda _b, lang=lang: on_pick(lang))
               for lang in LANGUAGES]
    return w.HBox(buttons, layout=w.Layout(justify_content="flex-end"))
