"""The trainer's page of the satisfaction survey: how many answered, from which workshop and in
which language, one chart per question, the average satisfaction, the comments, and a CSV file
to download, for the last 7 days, the last 30 days or everything.

It only reads the store (`survey_store.load_responses`), and says how many damaged files it
skipped without touching them. Answers are stored as codes; they are shown here in the page's
language, so French and English answers add up in the same bars.
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import ipywidgets as w

from ..i18n import LANGUAGES, t
from ..paths import kit_root
from .kit import LANGUAGE_NAMES, figure, status
from .survey import OTHER, esc, workshops
from .survey_store import Question, Response, load_responses, questions, survey_folder

PERIODS: dict[str, int | None] = {"week": 7, "month": 30, "all": None}  # days, None: all
BAR = "#1f3b63"
SPREADSHEET_RISK = ("=", "+", "-", "@")  # a cell starting so is a formula in a spreadsheet


@dataclass
class SurveyResults:
    """The responses read from the store, the period chosen and the page's language."""

    lang: str = "fr"
    folder: Path | None = None  # default: survey_folder()
    root: Path | None = None  # the kit whose modules name the workshops (default: kit_root())
    period: str = "all"
    today: Callable[[], date] = date.today
    responses: list[Response] = field(default_factory=list)
    skipped: int = 0

    def __post_init__(self) -> None:
        self.questions: tuple[Question, ...] = questions()
        self.workshops = {ws.id: ws for ws in workshops(self.root or kit_root())}

    def reload(self) -> None:
        """Read the folder again: answers keep arriving while the page is open."""
        self.responses, self.skipped = load_responses(self.store())

    def store(self) -> Path:
        return self.folder or survey_folder()

    def text(self, key: str, **params: object) -> str:
        return t(f"app.survey.results.{key}", self.lang, **params)

    def title_html(self) -> str:
        return (f"<h1>{esc(self.text('title'))}</h1>"
                f"<p>{esc(self.text('intro'))}</p>")

    def start(self) -> date | None:
        days = PERIODS[self.period]
        return None if days is None else self.today() - timedelta(days=days - 1)

    def selected(self) -> list[Response]:
        """The responses of the period: today and the days before it, today included."""
        start = self.start()
        if start is None:
            return list(self.responses)
        return [r for r in self.responses if start <= r.day <= self.today()]

    def question(self, key: str) -> Question:
        return next(q for q in self.questions if q.id == key)

    def answer_text(self, question: Question, value: Any) -> str:
        """An answer as the page's reader says it; an unknown workshop keeps its id."""
        if question.kind == "workshop":
            if value == OTHER:
                return question.other[self.lang]
            found = self.workshops.get(str(value))
            return found.title[self.lang] if found else str(value)
        for option in question.options:
            if option.value == value:
                return option.text[self.lang]
        return str(value)

    def counts(self, key: str) -> list[tuple[str, int]]:
        """(answer, how many) for a question: every option in its order, or, for the
        workshop, the workshops that were chosen, most chosen first."""
        question = self.question(key)
        chosen = Counter(r.answers.get(key) for r in self.selected())
        if question.kind == "workshop":
            named = [(self.answer_text(question, value), n) for value, n in chosen.items()]
            return sorted(named, key=lambda item: (-item[1], item[0].lower()))
        return [(option.text[self.lang], chosen[option.value]) for option in question.options]

    def language_counts(self) -> list[tuple[str, int]]:
        chosen = Counter(r.lang for r in self.selected())
        return [(LANGUAGE_NAMES[lang], chosen[lang]) for lang in LANGUAGES]

    def average(self) -> tuple[float, int] | None:
        """(average, top of the scale) of the satisfaction scale, None without answers."""
        scale = next((q for q in self.questions if q.scale), None)
        values = [r.answers[scale.id] for r in self.selected() if scale and scale.id in r.answers]
        if scale is None or not values:
            return None
        return sum(values) / len(values), len(scale.options)

    def number(self, value: float) -> str:
        shown = f"{value:.1f}"
        return shown.replace(".", ",") if self.lang == "fr" else shown

    def day(self, day: date) -> str:
        return day.strftime("%d/%m/%Y") if self.lang == "fr" else day.isoformat()

    def _list(self, items: list[tuple[str, int]]) -> str:
        return "<ul>" + "".join(f"<li>{esc(self.text('item', name=name, n=n))}</li>"
                                for name, n in items) + "</ul>"

    def summary_html(self) -> str:
        """The period, the counts and the average, in a region screen readers read out when
        the period changes."""
        period = self.text(f"period_{self.period}")
        start = self.start()
        parts = [self.text("shown_all", period=period) if start is None else self.text(
            "shown_since", period=period, start=self.day(start), end=self.day(self.today()))]
        chosen = self.selected()
        parts.append(self.text("count", n=len(chosen)) if chosen else self.text("none"))
        if self.skipped:
            parts.append(self.text("skipped", n=self.skipped, folder=self.store()))
        average = self.average()
        if average is not None:
            parts.append(self.text("average", value=self.number(average[0]), top=average[1]))
        body = "".join(f"<p>{esc(part)}</p>" for part in parts)
        if chosen:
            workshop = next((q.id for q in self.questions if q.kind == "workshop"), None)
            body += f"<h2>{esc(self.text('by_language'))}</h2>"
            body += self._list(self.language_counts())
            if workshop:
                body += f"<h2>{esc(self.text('by_workshop'))}</h2>"
                body += self._list(self.counts(workshop))
            body += f"<h2>{esc(self.text('by_question'))}</h2>"
        return status(body)

    def chart_alt(self, key: str) -> str:
        """What the chart shows, in words: every bar's name and number."""
        items = ", ".join(self.text("item", name=name, n=n) for name, n in self.counts(key))
        return self.text("chart_alt", question=self.question(key).short[self.lang],
                         counts=items, n=len(self.selected()))

    def charts(self) -> list[w.HTML]:
        """One bar chart per question answered by a choice, as images with their numbers in
        the text alternative; none when the period has no response."""
        if not self.selected():
            return []
        return [figure(bar_chart(q.short[self.lang], self.counts(q.id)), self.chart_alt(q.id))
                for q in self.questions if q.kind != "comment"]

    def comments_html(self) -> str:
        """The comments of the period, newest first, each with its day and workshop."""
        comment = next((q for q in self.questions if q.kind == "comment"), None)
        workshop = next((q for q in self.questions if q.kind == "workshop"), None)
        found = [r for r in reversed(self.selected()) if comment and r.answers.get(comment.id)]
        title = f"<h2>{esc(self.text('comments'))}</h2>"
        if not found or comment is None:
            return f"{title}<p>{esc(self.text('no_comments'))}</p>"
        items = []
        for response in found:
            where = self.answer_text(workshop, response.answers.get(workshop.id)) \
                if workshop else ""
            items.append(f"<li><strong>{esc(self.day(response.day))} · "
                         f"{esc(where)}</strong><br>"
                         f'<span style="white-space: pre-line">'
                         f"{esc(response.answers[comment.id])}</span></li>")
        return f"{title}<ul>{''.join(items)}</ul>"

    def csv_text(self) -> str:
        """The responses of the period as a table: one row each, answers in the page's
        language, satisfaction as a number. French spreadsheets expect `;` between cells."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";" if self.lang == "fr" else ",", lineterminator="\n")
        writer.writerow([self.text("date"), self.text("language")]
                        + [q.short[self.lang] for q in self.questions])
        for response in self.selected():
            row = [response.day.isoformat(), LANGUAGE_NAMES[response.lang]]
            for question in self.questions:
                value = response.answers.get(question.id, "")
                row.append(value if question.scale or question.kind == "comment"
                           else self.answer_text(question, value))
            writer.writerow([_safe_cell(cell) for cell in row])
        return out.getvalue()

    def download_html(self) -> str:
        """A link that downloads the CSV file, made in the page: nothing goes on the web."""
        data = quote("\ufeff" + self.csv_text())  # the mark tells spreadsheets it is UTF-8
        return (f'<a class="tremplin-download" download="{self.text("csv_name")}" '
                f'href="data:text/csv;charset=utf-8,{data}">'
                f"{esc(self.text('download'))}</a>")


def _safe_cell(value: Any) -> Any:
    """A text a spreadsheet would run as a formula is kept as plain text."""
    if isinstance(value, str) and value.startswith(SPREADSHEET_RISK):
        return "'" + value
    return value


def bar_chart(title: str, items: list[tuple[str, int]]) -> Any:
    """Horizontal bars, large words, the number at the end of each bar, no axis to read."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 1.4 + 0.6 * len(items)), dpi=100)
    axes = fig.add_subplot()
    positions = list(range(len(items)))
    values = [n for _, n in items]
    axes.barh(positions, values, color=BAR)
    axes.set_yticks(positions, labels=[textwrap.fill(name, 26) for name, _ in items],
                    fontsize=14)
    axes.invert_yaxis()
    axes.set_xlim(0, max([*values, 1]) * 1.2)
    for position, value in zip(positions, values, strict=True):
        axes.text(value, position, f" {value}", va="center", fontsize=14, color="#111")
    axes.set_title(title, fontsize=16, loc="left")
    axes.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    return fig
