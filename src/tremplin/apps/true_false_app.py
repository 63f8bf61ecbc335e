"""State of the "Vrai ou faux / True or false" app: made-up news, one per screen, to judge.

The items and their checklist are module 08's (`tremplin.sources`: `load_items`, `review`,
`reasons`, `advice`, `emotion_clues`), so the app and the module always tell the same story;
`app-truefalse-items.yaml` adds two social media posts in the same format, read by the same
loader. What this file adds is the beginner's view: the item as a post on a phone, three or
four big answers, then the checks that decide, each with its answer for this item.

Nothing the visitor does is stored, logged or sent: the answers live in this object only.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import ipywidgets as w

from ..i18n import DATA, pick, t
from ..sources import (
    CRITERIA,
    NewsItem,
    advice,
    emotion_clues,
    find_photo,
    items_from_data,
    load_items,
    reasons,
    review,
    urgency_words,
)
from .kit import choice_buttons, status

ANSWERS = ("true", "false", "misleading", "unknown")  # the big buttons, in this order
SCREENS = ("question", "answer", "end")
EXTRA_ITEMS = DATA / "app-truefalse-items.yaml"


class ItemsError(ValueError):
    """An entry of the app's items file cannot be read; the text says which file and entry."""


def read_items(path: Path = EXTRA_ITEMS) -> tuple[NewsItem, ...]:
    """The items of one YAML file in the format of news-items.yaml, each checked on its own so
    that a mistake names the file and the entry to fix, not a bare KeyError."""
    import yaml  # the data file only, as in tremplin.sources

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = raw["items"]
    except (OSError, yaml.YAMLError, TypeError, KeyError) as exc:
        raise ItemsError(f"{path.name}: expected a list under 'items' ({exc})") from exc
    items: list[NewsItem] = []
    for number, entry in enumerate(entries, 1):
        name = entry.get("id", "?") if isinstance(entry, dict) else "?"
        try:
            items += items_from_data({"items": [entry]})
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ItemsError(f"{path.name}: item {number} ({name}): missing or wrong {exc}"
                             ) from exc
    return tuple(items)


@cache
def app_items() -> tuple[NewsItem, ...]:
    """Module 08's items, then the app's own."""
    return load_items() + read_items()


def long_date(day: date, lang: str) -> str:
    """28 septembre 2026 / 28 September 2026, with module 08's month names."""
    month = t("info.months", lang).split(",")[day.month - 1]
    number = t("info.first_day", lang) if day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"


def photo_svg(photo_id: str, lang: str) -> str:
    """The item's photo as the reverse image search knows it: grey squares, named by its
    caption for screen readers."""
    photo = find_photo(photo_id)
    caption = html.escape(pick(photo.caption, lang))
    squares = "".join(
        f'<rect x="{x}" y="{y}" width="1" height="1" fill="rgb({level * 28},{level * 28},'
        f'{level * 28})"/>' for y, row in enumerate(photo.grey) for x, level in enumerate(row))
    return (f'<svg class="tf-photo" viewBox="0 0 12 8" role="img" aria-label="{caption}" '
            f'shape-rendering="crispEdges">{squares}</svg><p class="tf-caption">{caption}</p>')


@dataclass
class TrueFalse:
    """The language, the item on screen, the screen, and the answers given so far: everything
    the page shows is computed from these."""

    lang: str = "fr"
    items: tuple[NewsItem, ...] = field(default_factory=app_items)
    position: int = 0
    screen: str = "question"
    given: dict[int, str] = field(default_factory=dict)  # item position: one of ANSWERS

    def text(self, key: str, **params: object) -> str:
        return t(f"app.truefalse.{key}", self.lang, **params)

    @property
    def item(self) -> NewsItem:
        return self.items[self.position]

    def right(self, position: int) -> bool:
        """Was the answer to item `position` right? "I don't know" never is, kindly."""
        choice = self.given[position]
        verdict = None if choice == "unknown" else choice
        return review(self.items[position], {}, verdict).verdict_right

    @property
    def score(self) -> int:
        return sum(self.right(position) for position in self.given)

    def answer(self, choice: str) -> None:
        """Keep the visitor's answer to the item on screen and show why."""
        if choice not in ANSWERS:
            raise ValueError(f"answer must be one of {ANSWERS}, not {choice!r}")
        if self.screen == "question":
            self.given[self.position] = choice
            self.screen = "answer"

    def next(self) -> None:
        """The next item, or the score once every item was judged."""
        if self.position + 1 < len(self.items):
            self.position += 1
            self.screen = "question"
        else:
            self.screen = "end"

    def reset(self) -> None:
        self.position, self.screen, self.given = 0, "question", {}

    def display(self, *screens: str) -> str | None:
        """The CSS display of a box shown on `screens`."""
        return None if self.screen in screens else "none"

    # --- what the visitor reads -------------------------------------------------------------

    def answer_labels(self) -> list[str]:
        return [self.text(f"answer.{choice}") for choice in ANSWERS]

    def next_label(self) -> str:
        return self.text("see_score" if self.position + 1 == len(self.items) else "next")

    def progress_html(self) -> str:
        if self.screen == "end":
            return f"<h2>{html.escape(self.text('end_title'))}</h2>"
        return "<h2>" + html.escape(self.text(
            "progress", number=self.position + 1, total=len(self.items))) + "</h2>"

    def card_html(self) -> str:
        """The item as a visitor meets it on a phone: who, when, headline, text, picture."""
        item = self.item
        initial = item.site.lstrip("@")[:1].upper()
        photo = photo_svg(item.photo, self.lang) if item.photo else ""
        published = self.text("published", date=long_date(item.published, self.lang))
        return (
            f'<div class="tf-card"><div class="tf-head"><span class="tf-avatar" '
            f'aria-hidden="true">{html.escape(initial)}</span><div>'
            f'<p class="tf-site">{html.escape(item.site)}</p>'
            f'<p class="tf-meta">{html.escape(pick(item.author, self.lang))}</p>'
            f'<p class="tf-meta">{html.escape(published)}</p>'
            f'</div></div><p class="tf-headline">{html.escape(pick(item.headline, self.lang))}</p>'
            f"<p>{html.escape(pick(item.text, self.lang))}</p>{photo}</div>")

    def question_html(self) -> str:
        return f'<p class="tf-question">{html.escape(self.text("question"))}</p>'

    def feedback_html(self) -> str:
        """Right or not, and the item's verdict in a sentence: read out at once."""
        if self.screen != "answer":
            return ""
        choice = self.given[self.position]
        said = ("right" if self.right(self.position) else
                "unknown" if choice == "unknown" else "wrong")
        mark = {"right": "✓", "wrong": "✗", "unknown": "?"}[said]
        return status(
            f'<p class="tf-said tf-{said}"><b>{mark} {html.escape(self.text(f"said.{said}"))}</b>'
            f"</p><p>{html.escape(pick(self.item.summary, self.lang))}</p>")

    def score_html(self) -> str:
        """The score so far, just above "Next", after the checks."""
        if self.screen != "answer":
            return ""
        return "<p><b>" + html.escape(self.text(
            "score", score=self.score, count=len(self.given))) + "</b></p>"

    def checks_html(self) -> str:
        """The checks that decide, each with its answer for this item, then the words that
        push to react and module 08's advice for this many warning signs."""
        item = self.item
        lines = []
        for criterion, alarm, why in reasons(item, self.lang):
            sign = (f'<span class="tf-alarm">⚠ {html.escape(self.text("alarm"))}</span>' if alarm
                    else f'<span class="tf-fine">✓ {html.escape(self.text("fine"))}</span>')
            lines.append(f"<li><b>{html.escape(self.text(f'check.{criterion}'))}</b> {sign}"
                         f"<br>{html.escape(why)}</li>")
        clues = emotion_clues(f"{pick(item.headline, self.lang)} {pick(item.text, self.lang)}",
                              urgency_words(self.lang))
        clue_line = (f"<p>{html.escape(self.text('clues', clues=' · '.join(clues)))}</p>"
                     if clues else "")
        count = len(item.alarms)
        return (f"<h3>{html.escape(self.text('checks_title'))}</h3>"
                f'<ul class="tf-checks">{"".join(lines)}</ul>{clue_line}'
                f"<p>{html.escape(t(f'info.advice.{advice(count)}', self.lang, count=count))}</p>")

    def end_html(self) -> str:
        """The score, a kind word, and the questions to ask of any news from now on."""
        if self.screen != "end":
            return ""
        total = len(self.items)
        kind = "great" if self.score >= total - 1 else "good" if self.score * 2 >= total else "more"
        remember = "".join(f"<li>{html.escape(self.text(f'remember.{criterion}'))}</li>"
                           for criterion in CRITERIA)
        return (status(f"<p><b>{html.escape(self.text('final', score=self.score, total=total))}"
                       f"</b></p><p>{html.escape(self.text(f'kind.{kind}'))}</p>")
                + f"<h3>{html.escape(self.text('remember_title'))}</h3><ol>{remember}</ol>"
                + f"<p><b>{html.escape(self.text('doubt'))}</b></p>")


def answer_buttons(app: TrueFalse, on_pick: Callable[[str], None]) -> w.VBox:
    """The answers as the kit's big buttons, side by side when the screen is wide enough:
    `on_pick` gets one of ANSWERS."""
    box = choice_buttons(app.answer_labels(), lambda index: on_pick(ANSWERS[index]))
    box.add_class("tf-answers")
    return box


STYLE = """<style>
.tremplin-app .widget-html-content { font-size: 1.3rem; line-height: 1.5; }
.tremplin-app .tremplin-big.jupyter-button { width: auto; max-width: 100%; height: auto;
  white-space: normal; }
.tf-card { border: 3px solid #1f3b63; border-radius: 12px; padding: 0.8rem 1rem;
  background: #fff; max-width: 36rem; }
.tf-card p { margin: 0.3rem 0; }
.tf-head { display: flex; gap: 0.8rem; align-items: flex-start; }
.tf-avatar { flex: none; display: inline-flex; width: 3rem; height: 3rem; border-radius: 50%;
  align-items: center; justify-content: center; font-weight: bold; font-size: 1.5rem;
  color: #fff; background: #1f3b63; }
.tf-site { font-weight: bold; overflow-wrap: anywhere; }
.tf-meta { color: #333; font-size: 1.1rem; }
.tf-headline { font-size: 1.5rem; font-weight: bold; line-height: 1.3; }
.tf-photo { display: block; width: 100%; max-width: 15rem; border: 2px solid #111; }
.tf-caption { font-style: italic; }
.tf-question { font-size: 1.5rem; font-weight: bold; margin-top: 1rem; }
.tf-right { color: #1b5e20; } .tf-wrong { color: #a00020; } .tf-unknown { color: #1f3b63; }
.tf-alarm { color: #a00020; font-weight: bold; white-space: nowrap; }
.tf-fine { color: #1b5e20; font-weight: bold; white-space: nowrap; }
.tf-checks li { margin-bottom: 0.6rem; }
.tf-answers.widget-vbox { display: grid; gap: 0.5rem;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr)); max-width: 30rem; }
.tf-answers .tremplin-big.jupyter-button { margin: 0; }
</style>"""
