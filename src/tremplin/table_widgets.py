"""ipywidgets activities of "Données et tableaux / Data and tables": touch first, then name.

A table to sort and filter with drop-down lists, a mini spreadsheet whose total follows the numbers
typed, and two charts to question (an axis that does not start at 0, a period picked to tell a
story). The logic lives in `tables`, `spreadsheet` and `table_charts`; here it is only wired up.
"""

from __future__ import annotations

import html
import io
from typing import Any

import ipywidgets as w
from matplotlib.figure import Figure

from .apps.kit import status
from .i18n import t
from .spreadsheet import FormulaError, Sheet
from .table_charts import draw_bars, draw_period, percent_change, signed
from .tables import Row, distinct, filter_rows, format_number, load_table, sort_rows, table_html
from .tables import total as column_total

WIDE = {"description_width": "initial"}
DPI = 110
AXIS_SIZE, PERIOD_SIZE = (6.5, 3.5), (8, 3.5)  # inches, as matplotlib counts
CELL = ("border:1px solid #1f3b63;min-height:48px;line-height:48px;padding:0 0.6rem;"
        "font-size:1.2rem;")
# Large targets and type for the lists, boxes and sliders (the apps' stylesheet is not loaded in
# a module): applies inside the activities' boxes only, which carry the class tremplin-tables.
_STYLE = w.HTML(
    "<style>.tremplin-tables .widget-inline-hbox {height: auto; min-height: 52px}"
    " .tremplin-tables select, .tremplin-tables input"
    " {min-height: 48px; font-size: 1.2rem !important}"
    " .tremplin-tables .widget-label, .tremplin-tables code {font-size: 1.1rem}</style>")


def _box(text: str = "") -> w.HTML:
    """A line of text that screen readers read again whenever it changes."""
    return w.HTML(status(text))


def _say(box: w.HTML, text: str) -> None:
    box.value = status(text)


def _activity(*children: w.Widget) -> w.VBox:
    """The box of an activity, with the style that makes its targets large (first child)."""
    box = w.VBox([_STYLE, *children])
    box.add_class("tremplin-tables")
    return box


def _picture(size: tuple[float, float]) -> w.Image:
    """An image shown at its own size (a chart blown up to the page width looks blurred)."""
    return w.Image(format="png", width=str(round(size[0] * DPI)),
                   layout=w.Layout(max_width="100%"))


def _png(draw: Any, size: tuple[float, float]) -> bytes:
    """Draw on a Figure that pyplot never sees (no second copy under the cell) and return a PNG."""
    fig = Figure(figsize=size)
    draw(fig.add_subplot())
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def show_table(rows: list[Row], lang: str, columns: list[str] | None = None,
               caption: str | None = None) -> w.HTML:
    """A table shown under the cell, large and with its numbers written the learner's way."""
    return w.HTML(table_html(rows, lang, columns, caption))


def _filter_column(rows: list[Row]) -> str | None:
    """The text column with the fewest different values (zone, type): the natural one to filter."""
    texts = [c for c in rows[0] if isinstance(rows[0][c], str) and len(distinct(rows, c)) > 1]
    return min(texts, key=lambda c: len(distinct(rows, c)), default=None)


def table_explorer(rows: list[Row], lang: str, total: str | None = None) -> w.VBox:
    """Module activity: sort and filter a table with drop-down lists and watch it change.
    With `total`, the sum of that column over the rows shown, so filtering visibly changes it."""
    columns = list(rows[0])
    unsorted = (t("tables.widget.no_sort", lang), "")
    sort_by = w.Dropdown(options=[unsorted] + [(c, c) for c in columns],
                         description=t("tables.widget.sort_by", lang), style=WIDE,
                         layout=w.Layout(width="26rem"))
    order = w.Dropdown(options=[(t("tables.widget.ascending", lang), False),
                                (t("tables.widget.descending", lang), True)],
                       description=t("tables.widget.order", lang), style=WIDE,
                       layout=w.Layout(width="30rem"))
    column = _filter_column(rows)
    choices = [(t("tables.widget.all_rows", lang), None)]
    if column:
        choices += [(t("tables.widget.only", lang, column=column, value=value), value)
                    for value in distinct(rows, column)]
    show = w.Dropdown(options=choices, description=t("tables.widget.show", lang), style=WIDE,
                      layout=w.Layout(width="30rem"))
    table, status = w.HTML(), _box()

    def refresh(_change: Any = None) -> None:
        shown = rows if show.value is None else filter_rows(rows, column, show.value)
        if sort_by.value:
            shown = sort_rows(shown, sort_by.value, descending=order.value)
        table.value = table_html(shown, lang, columns)
        text = t("tables.widget.rows_shown", lang, shown=len(shown), count=len(rows))
        if total:
            text += " " + t("tables.widget.total", lang, column=total,
                            value=format_number(column_total(shown, total), lang))
        _say(status, html.escape(text))

    for widget in (sort_by, order, show):
        widget.observe(refresh, names="value")
    refresh()
    return _activity(w.HBox([sort_by, order]), show, status, table)


def _code(content: Any) -> str:
    """What is typed in a cell, as code, on the line of the cell it stands beside."""
    return f'<code style="line-height:48px">{html.escape(str(content))}</code>'


def _sheet_text(sheet: Sheet, ref: str, lang: str) -> str:
    """What a spreadsheet shows in a cell: the result, or #ERREUR and why."""
    try:
        return html.escape(format_number(sheet.value(ref), lang))
    except FormulaError as exc:
        reason = t(f"tables.error.{exc.code}", lang)
        return html.escape(t("tables.sheet.error", lang, reason=reason))


def mini_sheet(lang: str) -> w.VBox:
    """Module activity: three numbers, a total and an average that recompute as soon as a number
    changes, and one cell where the learner writes a formula of their own."""
    labels = ("tables.sheet.books", "tables.sheet.comics", "tables.sheet.dvds",
              "tables.sheet.total", "tables.sheet.mean", "tables.sheet.yours")
    sheet = Sheet({"B1": 120, "B2": 45, "B3": 30, "B4": t("tables.sheet.formula_sum", lang),
                   "B5": t("tables.sheet.formula_mean", lang),
                   "B6": t("tables.sheet.formula_yours", lang)})
    for row, key in enumerate(labels, start=1):
        sheet.set(f"A{row}", t(key, lang))
    results = {row: w.HTML() for row in (4, 5, 6)}

    def refresh(_change: Any = None) -> None:
        for row, box in results.items():
            box.value = (f'<div class="tremplin-sheet-result" style="{CELL}background:#e8eef7;'
                         f'font-weight:bold">{_sheet_text(sheet, f"B{row}", lang)}</div>')

    def typed_number(change: dict, ref: str, content: w.HTML) -> None:
        sheet.set(ref, change["new"])
        content.value = _code(change["new"])
        refresh()

    grid = [w.HTML(f"<b>{html.escape(text)}</b>") for text in
            ("", "A", "B", t("tables.sheet.content", lang))]
    for row in range(1, 7):
        label = w.HTML(f'<div style="{CELL}">{html.escape(sheet.content(f"A{row}"))}</div>')
        if row <= 3:  # a number the learner changes
            content = w.HTML(_code(sheet.content(f"B{row}")))
            shown: w.Widget = w.IntText(value=sheet.content(f"B{row}"),
                                        layout=w.Layout(width="100%"))
            shown.observe(lambda change, ref=f"B{row}", box=content: typed_number(
                change, ref, box), names="value")
        elif row <= 5:  # a formula, shown beside its result
            shown, content = results[row], w.HTML(_code(sheet.content(f"B{row}")))
        else:  # the learner's own formula
            shown, content = results[row], w.Text(
                value=sheet.content("B6"), continuous_update=False,
                placeholder=t("tables.sheet.type_formula", lang), layout=w.Layout(width="100%"))
            content.observe(lambda change: (sheet.set("B6", change["new"]), refresh()),
                            names="value")
        grid += [w.HTML(f'<b style="line-height:48px">{row}</b>'), label, shown, content]
    refresh()
    sheet_box = w.GridBox(grid, layout=w.Layout(grid_template_columns="2rem 9rem 9rem 18rem",
                                                grid_gap="6px", align_items="center"))
    return _activity(sheet_box)


def axis_explorer(lang: str) -> w.VBox:
    """Module activity: move where the vertical axis starts and compare how much bigger the last
    bar looks with how much bigger the number really is."""
    rows = load_table("years", lang)[-3:]
    year, loans = list(rows[0])
    low, high = rows[0][loans], rows[-1][loans]
    slider = w.IntSlider(value=(low // 5000 - 1) * 5000, min=0, max=(low // 5000) * 5000,
                         step=5000, description=t("tables.chart.axis_start", lang), style=WIDE,
                         readout=False,  # the sentence below says it, written the learner's way
                         layout=w.Layout(width="40rem"))
    picture, status = _picture(AXIS_SIZE), _box()

    def refresh(_change: Any = None) -> None:
        start = slider.value
        picture.value = _png(lambda ax: draw_bars(ax, rows, year, loans, lang, start), AXIS_SIZE)
        warning = (t("tables.chart.axis_cut", lang, start=format_number(start, lang)) if start
                   else t("tables.chart.axis_full", lang))
        reading = t("tables.chart.axis_reading", lang, first=rows[0][year], last=rows[-1][year],
                    apparent=format_number((high - start) / (low - start), lang, 1),
                    real=format_number(high / low, lang, 1),
                    change=signed(percent_change(low, high), lang))
        _say(status, f"<p>{html.escape(warning)}</p><p>{html.escape(reading)}</p>")

    slider.observe(refresh, names="value")
    refresh()
    return _activity(slider, status, picture)


def period_explorer(lang: str, first_year: int = 2020) -> w.VBox:
    """Module activity: choose the first year of a chart and watch its headline change story."""
    rows = load_table("years", lang)
    year, loans = list(rows[0])
    years = [row[year] for row in rows]
    slider = w.IntSlider(value=first_year, min=years[0], max=years[-2], step=1,
                         description=t("tables.chart.period_start", lang), style=WIDE,
                         layout=w.Layout(width="40rem"))
    picture, status = _picture(PERIOD_SIZE), _box()

    def refresh(_change: Any = None) -> None:
        headline: list[str] = []
        picture.value = _png(lambda ax: headline.append(
            draw_period(ax, rows, year, loans, slider.value, lang)), PERIOD_SIZE)
        note = t("tables.chart.lockdown", lang) if slider.value <= 2020 else ""
        _say(status, f"<p><b>{html.escape(headline[0])}</b></p><p>{html.escape(note)}</p>")

    slider.observe(refresh, names="value")
    refresh()
    return _activity(slider, status, picture)
