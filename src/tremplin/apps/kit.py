"""What every beginner app shares: language from `?lang=`, large targets, high contrast."""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
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

    Voilà hands the page's query string to the kernel in the QUERY_STRING variable; a kernel
    started ahead of its visitor (kiosk mode) waits here until the visitor's request arrives.
    """
    if query is None:
        query = _voila_query_string()
    asked = parse_qs(query).get("lang", [""])[0]
    if asked:
        return normalise_lang(asked)
    return load_settings(kit_root()).language


def follow_lang(current: str, switch: Callable[[str], None]) -> None:
    """The last cell of every app: switch to the language the address asks for (`?lang=en`),
    else to the kit's own (its settings), if it is not the one the page was drawn in.

    Why last: in kiosk mode Voilà runs each app ahead of its visitor in a waiting kernel, and
    reading the address makes that kernel wait until the visitor comes. Everything above is
    then ready before anyone arrives; the visitor only waits for a language switch, not for the
    whole app to be built."""
    asked = query_lang()
    if asked != current:
        switch(asked)


def _voila_query_string() -> str:
    try:
        from voila.utils import get_query_string
    except ImportError:  # outside Voilà (a notebook, the tests): only the environment tells
        return os.environ.get("QUERY_STRING", "")
    return get_query_string() or ""


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
    """One button per language, each written in its own language, always visible. The class
    `tremplin-lang-<code>` lets the page (Voilà template) set `<html lang>` when one is pressed,
    so a screen reader switches voice with the text."""
    buttons = [big_button(LANGUAGE_NAMES[lang], lambda _b, lang=lang: on_pick(lang))
               for lang in LANGUAGES]
    for lang, button in zip(LANGUAGES, buttons, strict=True):
        button.add_class(f"tremplin-lang-{lang}")
    return w.HBox(buttons, layout=w.Layout(justify_content="flex-end"))


def choice_buttons(options: list[str], on_pick: Callable[[int], None]) -> w.VBox:
    """One large button per answer, stacked: each is named by its own text for screen readers
    (a stock radio group does not announce its question), and works by touch and keyboard.
    Put the question just above, in a heading or a paragraph."""
    buttons = [big_button(text, lambda _b, index=index: on_pick(index))
               for index, text in enumerate(options)]
    for button in buttons:
        button.layout.width = "100%"
    return w.VBox(buttons)


def status(html: str) -> str:
    """A result a screen reader reads out as soon as it changes (polite live region)."""
    return f'<div class="tremplin-result" role="status" aria-live="polite">{html}</div>'


def figure(fig: Any, alt: str) -> w.HTML:
    """A matplotlib figure as an image with a text alternative (Voilà's own figure output has
    no `alt`, which axe reports as serious); the figure is closed so kernels do not grow."""
    import base64
    import io

    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return w.HTML(f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" '
                  'style="max-width:100%">')
