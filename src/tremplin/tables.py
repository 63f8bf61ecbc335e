"""The machine behind "Données et tableaux / Data and tables": rows, columns and a tiny spreadsheet.

A table is a list of rows and a row is a dict from column name to value, the shape a learner can
print and read. Standard library only (no pandas): an app in the browser will run the same code,
and the module, the exercise and the widgets share this one tested truth.

The shipped tables (``data/tables-*.csv``) are fictional but plausible. Their headers and coded
values (``book``, ``town``) are language-neutral; `load_table` puts them in the learner's language,
so a French learner filters on ``"livre"`` and an English one on ``"book"``.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .i18n import DATA, normalise_lang, t

Row = dict[str, Any]
AGGREGATES = ("sum", "mean", "count")


# --- reading a table ---------------------------------------------------------------------------

def _number(text: str) -> int | float | str:
    """A cell as Python reads it: "12" is 12, "3.5" is 3.5, anything else stays text."""
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        return text
    return float(text) if "." in text else int(text)


def read_csv(path: Path) -> list[Row]:
    """Rows of a CSV file with a header line; lines starting with # are notes, not data."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{key: _number(value.strip()) for key, value in row.items()}
            for row in csv.DictReader(lines)]


def label(code: str, lang: str, kind: str = "column") -> str:
    """The word a learner reads for a column or a coded value; unknown codes stay as they are
    (a place name like "Bellevue" needs no translation)."""
    try:
        return t(f"tables.{kind}.{code.lower()}", lang)
    except KeyError:
        return code


def load_table(name: str, lang: str | None = None) -> list[Row]:
    """A shipped table (``data/tables-<name>.csv``), in `lang` if given, else with its codes."""
    rows = read_csv(DATA / f"tables-{name}.csv")
    if lang is None:
        return rows
    lang = normalise_lang(lang)
    return [{label(key, lang): label(value, lang, "value") if isinstance(value, str) else value
             for key, value in row.items()} for row in rows]


# --- sorting, filtering, grouping -------------------------------------------------------------

def _sort_key(value: Any) -> tuple[int, Any]:
    """Numbers before text, text without capitals mattering ("bd" next to "BD")."""
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value).casefold())


def sort_rows(rows: Iterable[Row], column: str, descending: bool = False) -> list[Row]:
    """A new list sorted on one column; rows with equal values keep their order (stable sort)."""
    return sorted(rows, key=lambda row: _sort_key(row[column]), reverse=descending)


def filter_rows(rows: Iterable[Row], column: str, value: Any) -> list[Row]:
    """The rows whose `column` holds `value`; the table itself is left untouched."""
    return [row for row in rows if row[column] == value]


def distinct(rows: Iterable[Row], column: str) -> list[Any]:
    """The different values of a column, in the order they first appear."""
    return list(dict.fromkeys(row[column] for row in rows))


def total(rows: Iterable[Row], column: str) -> int | float:
    return sum(row[column] for row in rows)


def mean(rows: Iterable[Row], column: str) -> float:
    values = [row[column] for row in rows]
    if not values:
        raise ValueError(f"no rows: the mean of {column!r} is undefined")
    return sum(values) / len(values)


def group_by(rows: Iterable[Row], key: str, value: str, how: str = "sum") -> list[Row]:
    """A new, smaller table: one row per value of `key`, with the sum, mean or count of `value`
    in the group, as a spreadsheet's pivot table does. The result keeps the two column names."""
    if how not in AGGREGATES:
        raise ValueError(f"how must be one of {', '.join(AGGREGATES)}, not {how!r}")
    groups: dict[Any, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    result = {"sum": lambda g: total(g, value), "mean": lambda g: mean(g, value), "count": len}
    return [{key: name, value: result[how](group)} for name, group in groups.items()]


def add_ratio(rows: Iterable[Row], numerator: str, denominator: str, name: str,
              digits: int = 1) -> list[Row]:
    """Copies of the rows with one more column, numerator ÷ denominator: loans per inhabitant
    compares a village and a town fairly, where the totals only say which one is bigger."""
    return [{**row, name: round(row[numerator] / row[denominator], digits)} for row in rows]


# --- showing a table ---------------------------------------------------------------------------

def format_number(value: Any, lang: str, digits: int | None = None,
                  group: bool | None = None) -> str:
    """A number as people write it: 246 000 and 4,1 in French, 246,000 and 4.1 in English.
    Thousands are grouped from 10 000 on unless `group` says otherwise, so that a year stays 2024;
    a column passes group=True when some of its numbers are that big, so its digits line up."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return str(value)
    if digits is None:
        digits = 0 if float(value).is_integer() else 1
    if group is None:
        group = abs(value) >= 10_000
    text = f"{value:{',' if group else ''}.{digits}f}"
    if normalise_lang(lang) == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def needs_grouping(values: Iterable[Any]) -> bool:
    """Whether a column of numbers is written with grouped thousands (one has five digits)."""
    return any(isinstance(v, int | float) and abs(v) >= 10_000 for v in values)


def table_html(rows: list[Row], lang: str, columns: list[str] | None = None,
               caption: str | None = None) -> str:
    """The table as HTML, large and high-contrast, numbers right-aligned so digits line up."""
    columns = columns or (list(rows[0]) if rows else [])
    cell = "border:1px solid #1f3b63;padding:0.3rem 0.7rem;"
    grouped = {c: needs_grouping(row[c] for row in rows) for c in columns}
    head = "".join(f'<th scope="col" style="{cell}background:#e8eef7">{html.escape(str(c))}</th>'
                   for c in columns)

    def td(value: Any, column: str) -> str:
        align = "right" if isinstance(value, int | float) else "left"
        shown = format_number(value, lang, group=grouped[column])
        return f'<td style="{cell}text-align:{align}">{html.escape(shown)}</td>'

    body = "".join("<tr>" + "".join(td(row[c], c) for c in columns) + "</tr>" for row in rows)
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<table style="border-collapse:collapse;font-size:1.1rem;color:#111">{title}'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
