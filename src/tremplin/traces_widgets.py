"""The traces we leave, to touch: a photo's metadata to strip, a post whose audience changes with
its setting, and a search on a name with what to do about each result.

The data and rules live in `privacy` (standard library only); this file shows them in French or
English, with a word or a symbol next to every colour.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

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
from .privacy_widgets import BOX, choice_row, column, status, wide_button

SEES = {"yes": "✅", "no": "❌", "if_shared": "⚠️"}
STRIPS = (("place",), ("place", "time", "author"))  # "remove the location", "remove the personal"


def metadata_html(metadata: dict[str, Any], lang: str) -> str:
    """The fields as a camera writes them, then what each kind of field tells, personal first."""
    rows = "".join(f"<tr><td><code>{html.escape(name)}</code></td><td>{html.escape(str(value))}"
                   "</td></tr>" for name, value in metadata.items())
    items = "".join(
        f"<li>{'⚠️ ' if found.personal else ''}{html.escape(found.text)}</li>"
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
    return column([w.HTML(f"<p><b>🖼️ {title}</b></p>"), choice, shown])


def audience_html(setting: str, lang: str) -> str:
    """The post, then each person with ✅ (sees it), ❌ (does not) or ⚠️ (only if shared)."""
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
        f"<p>🔎 <code>{html.escape(search_name())}</code></p>")]
    for result in search_results():
        advice = w.HTML()

        def tell(_b: w.Button, advice: w.HTML = advice, action: str = result["action"]) -> None:
            advice.value = status(f"<p>👉 {t(f'privacy.search.action_{action}', lang)}</p>")

        button = wide_button(t("privacy.search.what_to_do", lang), tell)
        parts += [w.HTML(result_html(result, lang)), button, advice]
    return column(parts)
