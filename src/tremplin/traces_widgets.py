"""The traces we leave, to touch: a photo's metadata to strip, a post whose audience changes with
its setting, and a search on a name with what to do about each result. Also the building blocks
the privacy activities share (wide buttons, radio-like choices, announced results).

The data and rules live in `privacy` (standard library only); this file shows them in French or
English, with a word or a symbol next to every colour.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .apps.kit import TARGET, big_button, status
from .i18n import t
from .privacy import (
    SETTINGS,
    audience,
    data,
    example_photo,
    photo_reveals,
    search_name,
    search_results,
)
from .privacy import without as strip_metadata

BOX = ('<div style="border:2px solid #1f3b63;border-radius:8px;padding:0.6rem;max-width:44rem;'
       'background:{background}">{body}</div>')
SEARCH_BOX = ('<p><span style="display:inline-block;min-width:20rem;padding:0.3rem 1rem;'
              'border:2px solid #1f3b63;border-radius:1.5rem;font-size:1.2rem">{name}</span></p>')
SEES = {"yes": "✓", "no": "✗", "if_shared": "⚠"}  # symbols every font has
STRIPS = (("place",), ("place", "time", "author"))  # "remove the location", "remove the personal"


def wide_button(description: str, on_click: Callable[[w.Button], None]) -> w.Button:
    """A large button as wide as its words: page titles and rights must be read in full."""
    button = big_button(description, on_click)
    button.layout.width = "auto"
    return button


def column(children: list[w.Widget], **layout: str) -> w.VBox:
    """Widgets one under the other, each as wide as it needs (not stretched across the page)."""
    return w.VBox(children, layout=w.Layout(align_items="flex-start", **layout))


def choice_row(options: list[tuple[str, Any]], on_pick: Callable[[Any], None]) -> w.HBox:
    """One large toggle per option and exactly one pressed, the first to start with: radio
    buttons big enough for a finger or a shaky hand. `on_pick` gets the chosen value."""
    toggles: list[w.ToggleButton] = []

    def press(change: dict[str, Any], value: Any) -> None:
        if change["new"]:
            for other in toggles:
                if other is not change["owner"]:
                    other.value = False
            on_pick(value)
        elif not any(toggle.value for toggle in toggles):
            change["owner"].value = True  # pressing the chosen one again keeps it chosen

    for label, value in options:
        toggle = w.ToggleButton(description=label, layout=w.Layout(min_height=TARGET,
                                                                   width="auto"))
        toggle.add_class("tremplin-big")
        toggle.observe(lambda change, value=value: press(change, value), names="value")
        toggles.append(toggle)
    toggles[0].value = True
    return w.HBox(toggles, layout=w.Layout(flex_flow="row wrap"))




def metadata_html(metadata: dict[str, Any], lang: str) -> str:
    """The fields as a camera writes them, then what each kind of field tells, personal first."""
    rows = "".join(f"<tr><td><code>{html.escape(name)}</code></td><td>{html.escape(str(value))}"
                   "</td></tr>" for name, value in metadata.items())
    items = "".join(
        f"<li>{'⚠ ' if found.personal else ''}{html.escape(found.text)}</li>"
        for found in photo_reveals(metadata, lang))
    return (f"<table><tr><th>{t('privacy.photo.field', lang)}</th>"
            f"<th>{t('privacy.photo.value', lang)}</th></tr>{rows}</table>"
            f"<p><b>{t('privacy.photo.tells', lang)}</b></p>"
            f"<ul>{items or '<li>' + t('privacy.photo.nothing', lang) + '</li>'}</ul>")


def photo_metadata(lang: str) -> w.VBox:
    """Module activity: the hidden label of a made-up photo, as it is, without its location (as a
    phone's "share without location" does), or without anything personal."""
    photo = example_photo()
    shown = w.HTML()

    def update(strip: int) -> None:
        kept = strip_metadata(photo, *STRIPS[strip - 1]) if strip else photo
        shown.value = status(metadata_html(kept, lang))

    choice = choice_row([(t(f"privacy.photo.strip_{n}", lang), n)
                         for n in range(len(STRIPS) + 1)], update)
    title = t("privacy.photo.title", lang, file=html.escape(data()["photo"]["file"]))
    return column([w.HTML(f"<p><b>{title}</b></p>"), choice, shown])


def audience_html(setting: str, lang: str) -> str:
    """The post, then each person with ✓ (sees it), ✗ (does not) or ⚠ (only if shared)."""
    items = "".join(f"<li>{SEES[seen]} {html.escape(person['name'][lang])} — "
                    f"{t(f'privacy.audience.{seen}', lang)}</li>"
                    for person, seen in audience(setting))
    return (BOX.format(background="#fff", body=t("privacy.audience.post", lang))
            + f"<p>{t(f'privacy.audience.about_{setting}', lang)}</p><ul>{items}</ul>")


def post_audience(lang: str) -> w.VBox:
    """Module activity: choose who may see a holiday post and read who actually sees it."""
    shown = w.HTML()

    def update(setting: str) -> None:
        shown.value = status(audience_html(setting, lang))

    choice = choice_row([(t(f"privacy.audience.{s}", lang), s) for s in SETTINGS], update)
    return column([w.HTML(f"<p>{t('privacy.audience.pick', lang)}</p>"), choice, shown])


def result_html(result: dict[str, Any], lang: str) -> str:
    source = t(f"privacy.search.source_{result['source']}", lang)
    return (f"<p style='margin-bottom:0'><b style='color:#1a0dab'>"
            f"{html.escape(result['title'][lang])}</b><br><small style='color:#1b7a34'>"
            f"{html.escape(result['address'])}</small> — "
            f"<small>{source}</small></p>")


def name_search(lang: str) -> w.VBox:
    """Module activity: the first results of a search on a made-up name; under each, a button
    tells what to do about it (keep it, delete it, ask a friend, ask for erasure…)."""
    parts: list[w.Widget] = [w.HTML(
        SEARCH_BOX.format(name=html.escape(search_name())))]
    for result in search_results():
        advice = w.HTML()

        def tell(_b: w.Button, advice: w.HTML = advice, action: str = result["action"]) -> None:
            advice.value = status(f"<p>→ {t(f'privacy.search.action_{action}', lang)}</p>")

        button = wide_button(t("privacy.search.what_to_do", lang), tell)
        parts += [w.HTML(result_html(result, lang)), button, advice]
    return column(parts)
