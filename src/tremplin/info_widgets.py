"""What a learner touches in « S'informer et vérifier / Finding and checking information »: a
search box over the small made-up web with the "why" of each result, the parts of each score as
stacked bars, a news item to judge with the checklist, and a pretend reverse image search.

The logic lives in `search_engine` and `sources` (standard library); this file turns it into
French or English widgets and pictures. Nothing typed here leaves the computer.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt

from .apps.kit import big_button
from .apps.kit import status as _status
from .i18n import pick, t
from .search_engine import Result, Web, explain, load_web, why_above, words
from .sources import (
    VERDICTS,
    advice,
    emotion_clues,
    find_photo,
    load_items,
    load_photos,
    news_item,
    reasons,
    reverse_image_search,
    review,
    urgency_words,
)

PART_COLOURS = {"words": "#1f5fa8", "links": "#d14900", "fresh": "#2e7d32"}
STYLE = """<style>
.tremplin-serp { max-width: 46rem; font-size: 1.05rem; line-height: 1.45; }
.tremplin-serp .hit { border-bottom: 1px solid #ccc; padding: 0.6rem 0; }
.tremplin-serp .title { color: #1a0dab; font-size: 1.3rem; text-decoration: underline; }
.tremplin-serp .site { color: #1b6b2f; }
.tremplin-serp .ad { background: #fff3c4; border: 2px solid #7a5c00; border-radius: 4px;
  padding: 0 0.4rem; font-weight: bold; color: #4a3800; }
.tremplin-serp .why { background: #f2f4f7; border-left: 4px solid #1f3b63; margin-top: 0.4rem;
  padding: 0.3rem 0.6rem; }
.tremplin-news { border: 2px solid #1f3b63; border-radius: 8px; padding: 0.6rem 1rem;
  max-width: 46rem; font-size: 1.1rem; line-height: 1.45; }
.tremplin-judge .widget-toggle-buttons .widget-toggle-button { min-height: 44px; width: auto;
  font-size: 1.05rem; padding: 0 0.8rem; }
</style>"""


def long_date(day: date, lang: str) -> str:
    """28 septembre 2026 / 28 September 2026."""
    month = t("info.months", lang).split(",")[day.month - 1]
    number = t("info.first_day", lang) if day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"


# --- the search box ------------------------------------------------------------------------------

def highlight(text: str, web: Web, query: str) -> str:
    """`text` made safe for HTML, with the words of the search in bold, as engines show them."""
    asked = {root for _typed, root in web.query_words(query)}
    out, end = [], 0
    for match in re.finditer(r"\w+", text):
        if set(words(match.group(), web.stop_words)) & asked:
            out += [html.escape(text[end:match.start()]), f"<b>{html.escape(match.group())}</b>"]
            end = match.end()
    return "".join(out) + html.escape(text[end:])


def result_html(result: Result, following: Result | None, web: Web, query: str,
                lang: str) -> str:
    """One result as on a results page, with "why here?" under it."""
    page = result.page
    label = f'<span class="ad">{t("info.serp.sponsored", lang)}</span> ' if page.sponsored else ""
    why = "".join(f"<li>{html.escape(line)}</li>" for line in explain(result, lang))
    if following is not None:
        why += f"<li><i>{html.escape(why_above(result, following, lang))}</i></li>"
    return (f'<div class="hit">{label}<span class="site">{html.escape(page.site)}</span> · '
            f'{long_date(page.date, lang)}<br><span class="title">{html.escape(page.title)}</span>'
            f"<br>{highlight(page.text, web, query)}"
            f'<div class="why"><b>{t("info.serp.why", lang)}</b><ul>{why}</ul></div></div>')


def results_html(query: str, lang: str) -> str:
    """The whole results page for `query`: how many results, then each one."""
    web = load_web(lang)
    results = web.search(query)
    if not query.strip():
        return _status(t("info.serp.empty", lang))
    if not results:
        return _status(t("info.serp.none", lang, query=html.escape(query)))
    head = t("info.serp.count", lang, count=len(results), query=html.escape(query),
             today=long_date(web.today, lang))
    cards = "".join(result_html(result, following, web, query, lang) for result, following
                    in zip(results, [*results[1:], None], strict=True))
    return f'<div class="tremplin-serp">{_status(f"<p>{head}</p>")}{cards}</div>'


def search_box(lang: str, query: str = "") -> w.VBox:
    """Module activity: type a search, press Enter or the button, read the results and why."""
    box = w.Text(value=query, placeholder=t("info.serp.placeholder", lang),
                 description=t("info.serp.label", lang), style={"description_width": "initial"},
                 layout=w.Layout(width="min(100%, 30rem)", min_height="44px"),
                 continuous_update=False)
    page = w.HTML(results_html(query, lang))

    def show(_event: object = None) -> None:
        page.value = results_html(box.value, lang)

    box.observe(show, names="value")
    button = big_button(t("info.serp.button", lang), show)
    return w.VBox([w.HTML(STYLE), w.HBox([box, button]), page])


def score_chart(query: str, lang: str) -> Any:
    """The parts of each result's score as stacked bars, first result at the top; adverts get
    no bar, only the word "paid"."""
    results = load_web(lang).search(query)
    if not results:
        fig, ax = plt.subplots(figsize=(8, 1.2))
        ax.axis("off")
        ax.text(0, 0.5, t("info.serp.none", lang, query=query), va="center", wrap=True)
        return fig
    fig, ax = plt.subplots(figsize=(10, 0.6 * len(results) + 2.2))
    labels = []
    for row, result in enumerate(results):
        title = result.page.title
        title = title if len(title) <= 36 else title[:35] + "…"
        labels.append(f"[{t('info.serp.sponsored', lang)}] {title}" if result.page.sponsored
                      else title)
        if result.page.sponsored:
            ax.text(0.2, row, t("info.chart.paid", lang), va="center", color="#4a3800")
            continue
        left = 0
        for part, value in (("words", result.word_points), ("links", result.link_points),
                            ("fresh", result.fresh_points)):
            if value:
                ax.barh(row, value, left=left, color=PART_COLOURS[part], edgecolor="white")
                ax.text(left + value / 2, row, str(value), ha="center", va="center",
                        color="white", fontweight="bold")
            left += value
        ax.text(left + 0.2, row, t("info.chart.total", lang, total=result.total), va="center")
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour) for colour in PART_COLOURS.values()]
    fig.legend(handles, [t(f"info.part.{part}", lang) for part in PART_COLOURS],
               loc="lower center", ncol=3, frameon=False)
    ax.set_yticks(range(len(results)), labels)
    ax.set_ylim(len(results) - 0.5, -0.5)  # first result at the top
    ax.set_xlim(0, max([r.total for r in results] + [1]) + 4)
    ax.set_xlabel(t("info.chart.x", lang))
    ax.set_title(t("info.chart.title", lang, query=query))
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    return fig


# --- judging a news item -----------------------------------------------------------------------

def photo_html(photo_id: str, lang: str) -> str:
    """A photo of the small web drawn as grey squares, with its caption."""
    photo = find_photo(photo_id)
    square = '<span style="width:20px;height:20px;background:rgb({0},{0},{0})"></span>'
    rows = "".join('<div style="display:flex">' + "".join(square.format(level * 28)
                                                          for level in row) + "</div>"
                   for row in photo.grey)
    caption = html.escape(pick(photo.caption, lang))
    return f'<div role="img" aria-label="{caption}">{rows}</div><p>📷 <i>{caption}</i></p>'


def news_html(item_id: str, lang: str) -> str:
    """The item as a reader meets it: who, when, the headline, the text, the picture."""
    item = news_item(item_id)
    photo = photo_html(item.photo, lang) if item.photo else ""
    return (f'<div class="tremplin-news"><p><b>{html.escape(item.site)}</b> — '
            f"{html.escape(pick(item.author, lang))} — {long_date(item.published, lang)}</p>"
            f'<p style="font-size:1.4rem"><b>{html.escape(pick(item.headline, lang))}</b></p>'
            f"<p>{html.escape(pick(item.text, lang))}</p>{photo}</div>")


def review_html(item_id: str, ticks: dict[str, bool | None], verdict: str | None,
                lang: str) -> str:
    """Feedback on the learner's checklist: each answer with its reason, then the verdict."""
    item = news_item(item_id)
    checked = review(item, ticks, verdict)
    if not checked.complete:
        return _status(t("info.judge.incomplete", lang))
    lines = []
    for criterion, alarm, why in reasons(item, lang):
        mark = "✔" if checked.right[criterion] else "✘"
        sign = t("info.judge.alarm" if alarm else "info.judge.fine", lang)
        lines.append(f"<li>{mark} <b>{t(f'info.criterion.{criterion}', lang)}</b> {sign}. "
                     f"{html.escape(why)}</li>")
    clues = emotion_clues(f"{pick(item.headline, lang)} {pick(item.text, lang)}",
                          urgency_words(lang))
    if clues:
        lines.append(f"<li>{t('info.judge.clues', lang, clues=html.escape(' · '.join(clues)))}"
                     "</li>")
    score = t("info.judge.score", lang, right=checked.score, total=len(item.criteria))
    hint = t(f"info.advice.{advice(len(item.alarms))}", lang, count=len(item.alarms))
    said = t("info.judge.verdict_right" if checked.verdict_right else "info.judge.verdict_wrong",
             lang)
    return _status(f"<p><b>{score}</b></p><ul>{''.join(lines)}</ul><p>{hint}</p>"
                   f"<p><b>{said}</b> {html.escape(pick(item.summary, lang))}</p>")


def judge_item(lang: str, item_id: str | None = None) -> w.VBox:
    """Module activity: read a news item, answer the checklist (reassuring or warning sign),
    give a verdict, then compare with the reasons. « Article suivant » goes on to another."""
    items = [item.id for item in load_items()]
    position = items.index(item_id) if item_id else 0
    card, feedback, rows = w.HTML(), w.HTML(), w.VBox()
    answers: dict[str, w.ToggleButtons] = {}
    signs = [(t("info.judge.fine_button", lang), False), (t("info.judge.alarm_button", lang), True)]
    wide = {"button_width": "auto"}
    verdict = w.ToggleButtons(options=[(t(f"info.verdict.{v}", lang), v) for v in VERDICTS],
                              index=None, style=wide)

    def show() -> None:
        item = load_items()[position]
        card.value = news_html(item.id, lang)
        answers.clear()
        for criterion in item.criteria:
            answers[criterion] = w.ToggleButtons(options=signs, index=None, style=wide)
        rows.children = [w.VBox([w.HTML(f"<b>{t(f'info.question.{criterion}', lang)}</b>"),
                                 toggle]) for criterion, toggle in answers.items()]
        verdict.index = None
        feedback.value = ""

    def check(_button: w.Button) -> None:
        ticks = {criterion: toggle.value for criterion, toggle in answers.items()}
        feedback.value = review_html(items[position], ticks, verdict.value, lang)

    def following(_button: w.Button) -> None:
        nonlocal position
        position = (position + 1) % len(items)
        show()

    show()
    activity = w.VBox([w.HTML(STYLE), card, rows,
                       w.HTML(f"<b>{t('info.judge.verdict_question', lang)}</b>"), verdict,
                       w.HBox([big_button(t("info.judge.check", lang), check),
                               big_button(t("info.judge.next", lang), following)]), feedback])
    activity.add_class("tremplin-judge")
    return activity


# --- the pretend reverse image search ------------------------------------------------------------

def image_search(photo_id: str, lang: str) -> Any:
    """Print where the same photo was seen, oldest first, and draw each copy found. A photo
    name the search does not know gets the list of the names it knows, not a traceback."""
    try:
        found = reverse_image_search(photo_id)
    except KeyError:
        print(t("info.image.unknown", lang, photo=photo_id,
                known=", ".join(photo.id for photo in load_photos())))
        return None
    for number, sighting in enumerate(found):
        photo = sighting.photo
        key = "info.image.first" if number == 0 else "info.image.again"
        print(t(key, lang, date=long_date(photo.date, lang), site=photo.site,
                caption=pick(photo.caption, lang), diff=sighting.difference,
                squares=len(photo.grey) * len(photo.grey[0])))
    fig, axes = plt.subplots(1, len(found), figsize=(3.2 * len(found), 2.8), squeeze=False)
    for ax, sighting in zip(axes[0], found, strict=True):
        ax.imshow(sighting.photo.grey, cmap="gray", vmin=0, vmax=9)
        ax.set_title(f"{long_date(sighting.photo.date, lang)}\n{sighting.photo.site}", fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    return fig
