"""matplotlib charts for "Données et tableaux / Data and tables": a table drawn, then questioned.

Each chart is drawn on an Axes by a `draw_*` function, so the same drawing serves a picture in the
notebook (the public functions, through pyplot, shown like the pictures of `tremplin.pictures`) and
an image inside a widget (`tremplin.table_widgets`, through a bare Figure that pyplot never shows).
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from .i18n import t
from .tables import Row, format_number, needs_grouping, sort_rows

BLUE, ORANGE = "#1f5fa8", "#d14900"  # the kit's colours, readable on white and by most eyes


def _numbers_on_axis(ax: Axes, lang: str) -> None:
    """Tick labels written as the learner writes numbers (246 000 in French, 246,000 in English)."""
    ax.yaxis.set_major_formatter(FuncFormatter(
        lambda value, _pos: format_number(value, lang, 0, group=True)))


def draw_bars(ax: Axes, rows: list[Row], label_column: str, value_column: str, lang: str,
              axis_start: float = 0) -> None:
    """A bar chart of one column against another. Bars start at `axis_start`: 0 is honest, any
    other value cuts the bottom of every bar off, and the differences look bigger than they are."""
    labels = [str(row[label_column]) for row in rows]
    values = [row[value_column] for row in rows]
    bars = ax.bar(labels, values, color=BLUE)
    group = needs_grouping(values)
    ax.bar_label(bars, labels=[format_number(v, lang, group=group) for v in values], padding=3,
                 fontsize=10 if len(rows) <= 6 else 8)  # ten labels must not overlap
    top = max(values, default=1)
    ax.set_ylim(axis_start, top + (top - axis_start) * 0.15)
    ax.set_xlabel(label_column)
    ax.set_ylabel(value_column)
    _numbers_on_axis(ax, lang)
    if axis_start:
        ax.spines["left"].set_color(ORANGE)
        ax.spines["left"].set_linewidth(3)


def bar_chart(rows: list[Row], label_column: str, value_column: str, lang: str,
              title: str | None = None, axis_start: float = 0) -> Any:
    """A simple bar chart of a small table, for a picture in a module or an exercise (where
    `axis_start` above 0 draws the misleading version a learner must see through)."""
    fig, ax = plt.subplots(figsize=(7, 3.5))
    draw_bars(ax, rows, label_column, value_column, lang, axis_start)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def percent_change(first: float, last: float) -> float:
    """How much `last` grew (or shrank) compared with `first`, in percent: 100 → 166 is +66."""
    return (last - first) / first * 100


def signed(value: float, lang: str) -> str:
    """A change with its sign, rounded to a whole number: "+66", "-6"."""
    rounded = round(value)
    return ("+" if rounded > 0 else "") + format_number(rounded, lang)


def draw_period(ax: Axes, rows: list[Row], year_column: str, value_column: str,
                first_year: int, lang: str) -> str:
    """Bars from `first_year` to the last year; returns the headline such a chart would carry.
    Picking the first year is picking the story: start at a bad year and any rise looks huge."""
    shown = [row for row in rows if row[year_column] >= first_year]
    draw_bars(ax, shown, year_column, value_column, lang)
    first, last = shown[0], shown[-1]
    headline = t("tables.chart.period_change", lang, first=first[year_column],
                 last=last[year_column], change=signed(percent_change(
                     first[value_column], last[value_column]), lang))
    ax.set_title(headline, fontsize=10)
    return headline


def totals_and_ratios(rows: list[Row], name_column: str, total_column: str, ratio_column: str,
                      lang: str) -> Any:
    """Two rankings of the same places side by side: by total, then per inhabitant. The biggest
    place wins the first; the second says where each inhabitant borrows most."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.8))
    for ax, column, colour, title in ((axes[0], total_column, BLUE, "tables.chart.total_title"),
                                      (axes[1], ratio_column, ORANGE, "tables.chart.ratio_title")):
        ranked = sort_rows(rows, column)  # smallest first: barh draws from the bottom up
        values = [row[column] for row in ranked]
        bars = ax.barh([str(row[name_column]) for row in ranked], values, color=colour)
        group = needs_grouping(values)
        ax.bar_label(bars, labels=[format_number(v, lang, group=group) for v in values],
                     padding=3)
        ax.set_xlim(0, max(values) * 1.25)
        ax.set_xticks([])
        ax.set_title(t(title, lang))
    fig.tight_layout()
    return fig
