"""A tiny spreadsheet for "Données et tableaux / Data and tables": cells, formulas, recomputing.

Cells are named by a column letter and a row number (B2). Each holds a number, a text or a formula
(``=B1+B2``, ``=SOMME(B1:B3)``, ``=SUM(B1:B3)``: French and English function names both work).
Standard library only, so an app in the browser can run it; `tremplin.table_widgets.mini_sheet`
draws it with ipywidgets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

REF = re.compile(r"([A-Z])([1-9][0-9]*)")  # one letter per column: A to Z is plenty here
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Z][1-9][0-9]*)(?![A-Z])|([A-Z]+)|(.))")
FUNCTIONS = {"SUM": sum, "SOMME": sum, "AVERAGE": lambda v: sum(v) / len(v),
             "MOYENNE": lambda v: sum(v) / len(v), "MIN": min, "MAX": max}
ERRORS = ("syntax", "cycle", "div_zero", "text", "unknown_function", "empty")


class FormulaError(ValueError):
    """A formula that cannot be computed; `code` (one of ERRORS) names why, for a message."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def cells_in(first: str, last: str) -> list[str]:
    """The cells of a range, row by row: cells_in("A1", "B2") == ["A1", "B1", "A2", "B2"]."""
    (c1, r1), (c2, r2) = REF.fullmatch(first).groups(), REF.fullmatch(last).groups()
    cols = [chr(c) for c in range(min(ord(c1), ord(c2)), max(ord(c1), ord(c2)) + 1)]
    rows = range(min(int(r1), int(r2)), max(int(r1), int(r2)) + 1)
    return [f"{col}{row}" for row in rows for col in cols]


class Sheet:
    """Cells named A1, B2…, each holding a number, a text or a formula such as ``=B1+B2`` or
    ``=SOMME(B1:B3)``. Nothing is stored but what was typed: `value` computes a formula each
    time it is read, so changing one number changes every total that depends on it."""

    def __init__(self, cells: Mapping[str, Any] | None = None) -> None:
        self._cells: dict[str, Any] = {}
        for ref, content in (cells or {}).items():
            self.set(ref, content)

    def set(self, ref: str, content: Any) -> None:
        """Type `content` into a cell: "12" and "3,5" become numbers, "" empties the cell."""
        ref = ref.strip().upper()
        if not REF.fullmatch(ref):
            raise ValueError(f"{ref!r} is not a cell name such as B2")
        if isinstance(content, str):
            content = content.strip()
            number = None if content.startswith("=") else _number(content.replace(",", "."))
            content = content if number is None else number
        if content == "" or content is None:
            self._cells.pop(ref, None)
        else:
            self._cells[ref] = content

    def content(self, ref: str) -> Any:
        """What was typed in the cell (the formula itself, not its result); None if empty."""
        return self._cells.get(ref.upper())

    def value(self, ref: str, _seen: tuple[str, ...] = ()) -> Any:
        """What the cell shows: its number or text, or the result of its formula."""
        ref = ref.upper()
        if ref in _seen:
            raise FormulaError("cycle", " → ".join((*_seen, ref)))
        content = self._cells.get(ref)
        if not (isinstance(content, str) and content.startswith("=")):
            return content
        result = _Formula(content[1:], self, (*_seen, ref)).run()
        return int(result) if isinstance(result, float) and result.is_integer() else result


class _Formula:
    """Reads a formula left to right (a recursive-descent parser): no eval, so a cell can only
    add, subtract, multiply, divide and call the few functions a beginner meets first."""

    def __init__(self, text: str, sheet: Sheet, seen: tuple[str, ...]) -> None:
        self.tokens = [next(kind for kind in m.groups() if kind is not None)
                       for m in _TOKEN.finditer(text.upper().strip())]
        self.sheet, self.seen, self.at = sheet, seen, 0

    def run(self) -> Any:
        result = self.sum()
        if self.at != len(self.tokens):
            raise FormulaError("syntax", "".join(self.tokens[self.at:]))
        return result

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise FormulaError("syntax", f"expected {expected or 'more'}")
        self.at += 1
        return token

    def sum(self) -> float:
        result = self.product()
        while self.peek() in ("+", "-"):
            result = result + self.product() if self.take() == "+" else result - self.product()
        return result

    def product(self) -> float:
        result = self.factor()
        while self.peek() in ("*", "/"):
            if self.take() == "*":
                result *= self.factor()
            else:
                divisor = self.factor()
                if divisor == 0:
                    raise FormulaError("div_zero")
                result /= divisor
        return result

    def factor(self) -> float:
        token = self.take()
        if token in ("-", "+"):
            return -self.factor() if token == "-" else self.factor()
        if token == "(":
            result = self.sum()
            self.take(")")
            return result
        if token[0].isdigit():
            return float(token) if "." in token else int(token)
        if REF.fullmatch(token):
            value = self.sheet.value(token, self.seen)
            if isinstance(value, str):
                raise FormulaError("text", token)
            return value or 0
        if token in FUNCTIONS:
            return self.call(FUNCTIONS[token])
        raise FormulaError("unknown_function" if token.isalpha() else "syntax", token)

    def call(self, function: Any) -> float:
        """A function over ranges (B1:B3) and values, separated by ; or , as in spreadsheets."""
        self.take("(")
        values: list[float] = []
        while True:
            if REF.fullmatch(self.peek() or "") and self.tokens[self.at + 1:self.at + 2] == [":"]:
                first, _, last = self.take(), self.take(), self.take()
                found = [self.sheet.value(ref, self.seen) for ref in cells_in(first, last)]
                values += [v for v in found if isinstance(v, int | float)]  # text, empty: skipped
            else:
                values.append(self.sum())
            separator = self.take()
            if separator == ")":
                break
            if separator not in (";", ","):
                raise FormulaError("syntax", separator)
        if not values:
            raise FormulaError("empty")
        return function(values)


def _number(text: str) -> int | float | None:
    """A typed number ("12", "-3.5"), or None when the text is not one ("nan" is a word here)."""
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
        return None
    return float(text) if "." in text else int(text)
