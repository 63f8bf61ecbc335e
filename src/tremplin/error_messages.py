"""Python's error messages, read aloud calmly: what happened, on which line, what to try.

A red traceback in English is where many beginners stop. The message is precise, though: its last
line names the kind of error, and a line number says where. `explain_exception` turns an exception
into an `Explanation` in French or English, kind and plain, which keeps Python's own words visible
so that learners learn to read them. The notebook helpers never let an error escape:

- ``explain(code, lang)`` runs a snippet and explains its error (a module cell stays green while it
  shows a NameError);
- ``explain_last_error(lang)`` explains the last red error of the notebook (IPython keeps it in
  ``sys.last_value``).

Standard library only, texts in ``data/messages-programming.yaml``: a later edition runs this in
the browser.
"""

from __future__ import annotations

import builtins
import difflib
import html
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from .i18n import normalise_lang, t

SNIPPET = "<code>"  # the file name of a snippet run by `explain`, found again in its traceback

# (exception class, pattern in its message or None, kind). The first match wins: subclasses and
# the precise messages of Python 3.11+ come before the general case.
RULES: tuple[tuple[type[BaseException], str | None, str], ...] = (
    (IndentationError, r"expected an indented block", "indent_expected"),
    (IndentationError, r"unexpected indent", "indent_unexpected"),
    (IndentationError, None, "indent_mismatch"),  # TabError and "unindent does not match"
    (SyntaxError, r"expected ':'", "missing_colon"),
    (SyntaxError, r"never closed|was not closed|unexpected EOF", "unclosed_bracket"),
    (SyntaxError, r"unterminated|EOL while scanning|EOF while scanning", "unclosed_quote"),
    (SyntaxError, r"meant '=='|cannot assign to", "equals_sign"),
    (SyntaxError, r"forgot a comma", "missing_comma"),
    (SyntaxError, None, "syntax"),
    (NameError, None, "name"),
    (TypeError, r"concatenate|unsupported operand|must be str|can't multiply", "mixed_types"),
    (TypeError, r"positional argument|required .*argument|takes .* arguments?", "arguments"),
    (TypeError, r"not callable", "not_callable"),
    (TypeError, None, "type"),
    (ZeroDivisionError, None, "zero_division"),
    (IndexError, None, "index"),
    (KeyError, None, "key"),
    (ValueError, r"invalid literal|could not convert", "not_a_number"),
    (ValueError, None, "value"),
    (AttributeError, None, "attribute"),
    (ImportError, None, "module"),
    (NotImplementedError, None, "not_implemented"),
    (RecursionError, None, "recursion"),
    (AssertionError, None, "assertion"),
    (FileNotFoundError, None, "file"),
    (BaseException, None, "other"),
)
KINDS = tuple(dict.fromkeys(kind for _, _, kind in RULES))
_LIBRARIES = tuple(str(Path(p)) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix}) + (
    str(Path(__file__).parent),)


@dataclass(frozen=True)
class Explanation:
    """One error told calmly. `kind` is "none" when the code ran without error."""

    kind: str
    lang: str
    original: str  # Python's own last line, e.g. "NameError: name 'x' is not defined"
    title: str
    meaning: str
    advice: tuple[str, ...]
    line_number: int | None = None
    line: str | None = None
    column: int | None = None  # 1-based, for syntax errors: where Python stopped reading

    def _where(self) -> list[str]:
        if self.line_number is None:
            return []
        out = [t("programming.explain.where", self.lang, number=self.line_number)]
        if self.line is not None:
            out.append("    " + self.line)
            if self.column:
                out.append("    " + " " * (self.column - 1) + "^")
        return out

    def text(self) -> str:
        """Plain text, for a terminal, a test or a screen reader."""
        if self.kind == "none":
            return f"{self.title}\n{self.meaning}"
        lines = [t("programming.explain.heading", self.lang), "",
                 f"{t('programming.explain.python_said', self.lang)} {self.original}",
                 *self._where(), "", f"{self.title}. {self.meaning}", "",
                 t("programming.explain.try", self.lang)]
        lines += [f"- {step}" for step in self.advice]
        return "\n".join(lines)

    __str__ = text

    def _repr_pretty_(self, printer: Any, _cycle: bool) -> None:
        """What IPython shows where HTML is not displayed (a terminal, a text export)."""
        printer.text(self.text())

    def _repr_html_(self) -> str:
        """Calm colours (blue and green, never red), Python's words kept in a code box."""
        if self.kind == "none":
            return (f'<div style="border-left:6px solid #2e7d32;padding:.5em 1em;'
                    f'background:#eef7ee"><b>✅ {html.escape(self.title)}</b><br>'
                    f"{html.escape(self.meaning)}</div>")
        where = "\n".join(self._where())
        steps = "".join(f"<li>{html.escape(step)}</li>" for step in self.advice)
        return (
            '<div style="border-left:6px solid #1f5fa8;padding:.5em 1em;background:#eef3fa;'
            'color:#111">'
            f"<p>💡 <b>{html.escape(t('programming.explain.heading', self.lang))}</b></p>"
            f"<p>{html.escape(t('programming.explain.python_said', self.lang))}</p>"
            f"<pre style='background:#fff;padding:.4em'>{html.escape(self.original)}"
            f"{chr(10) * 2 + html.escape(where) if where else ''}</pre>"
            f"<p><b>{html.escape(self.title)}.</b> {html.escape(self.meaning)}</p>"
            f"<p><b>{html.escape(t('programming.explain.try', self.lang))}</b></p>"
            f"<ul>{steps}</ul></div>")


def kind_of(error: BaseException) -> str:
    """Which of `KINDS` an exception is, from its class and the words of its message."""
    message = error.msg if isinstance(error, SyntaxError) else str(error)
    for cls, pattern, kind in RULES:
        if isinstance(error, cls) and (pattern is None or re.search(pattern, message or "")):
            return kind
    return "other"  # pragma: no cover - BaseException matches everything


def _user_frame(tb: TracebackType | None, code: str | None) -> tuple[int | None, str | None]:
    """(line number, line) of the learner's own code where the error happened: the deepest
    frame of the snippet, or else the deepest frame outside Python and the installed libraries
    (a notebook cell), so an error raised inside `int()` points at the learner's `int(...)`."""
    frames = traceback.extract_tb(tb)
    if code is not None:
        mine = [f for f in frames if f.filename == SNIPPET]
        lines = code.splitlines()
        if mine and mine[-1].lineno and mine[-1].lineno <= len(lines):
            return mine[-1].lineno, lines[mine[-1].lineno - 1].rstrip()
        return (mine[-1].lineno, None) if mine else (None, None)
    mine = [f for f in frames if not f.filename.startswith(_LIBRARIES + ("<frozen",))]
    frame = (mine or frames or [None])[-1]
    if frame is None:
        return None, None
    return frame.lineno, (frame.line or None)


def _close_name(name: str, namespace: dict[str, Any] | None) -> str | None:
    """The known name closest to a mistyped one (`pritn` → `print`), or None."""
    known = [n for n in (namespace or {}) if not n.startswith("_")] + dir(builtins)
    found = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    return found[0] if found else None


def explain_exception(error: BaseException, lang: str, code: str | None = None,
                      namespace: dict[str, Any] | None = None) -> Explanation:
    """The calm explanation of `error`. `code` is the snippet it came from, if any (to show the
    line); `namespace` holds the names the code could use (to suggest one for a typo)."""
    lang = normalise_lang(lang)
    kind = kind_of(error)
    fields: dict[str, object] = {"error": type(error).__name__}
    if isinstance(error, NameError | AttributeError | ImportError):
        fields["name"] = getattr(error, "name", None) or "?"
    if isinstance(error, KeyError):
        fields["key"] = repr(error.args[0]) if error.args else "?"
    advice = t(f"programming.error.{kind}.try", lang, **fields).splitlines()
    if kind == "name" and (close := _close_name(str(fields["name"]), namespace)):
        advice.insert(0, t("programming.explain.did_you_mean", lang, name=close))
    if isinstance(error, SyntaxError):
        original = f"{type(error).__name__}: {error.msg}"
        line = error.text.rstrip("\n") if error.text else None
        column = error.offset if line is not None and error.offset else None
        if isinstance(error, IndentationError):
            column = None  # the indent is the problem: show it as typed, no caret
        elif line is not None:
            stripped = line.lstrip()  # the caret follows the line, shown without its indent
            column = column and max(1, column - (len(line) - len(stripped)))
            line = stripped
        number = error.lineno
    else:
        original = "".join(traceback.format_exception_only(type(error), error)).strip()
        original = original.splitlines()[-1]
        number, line = _user_frame(error.__traceback__, code)
        line, column = (line.strip() if line else None), None
    return Explanation(kind, lang, original, t(f"programming.error.{kind}.title", lang, **fields),
                       t(f"programming.error.{kind}.meaning", lang, **fields),
                       tuple(step.strip() for step in advice if step.strip()),
                       number, line, column)


def no_error(lang: str, key: str = "none") -> Explanation:
    """What `explain` says when there is nothing to explain (`key`: none, or nothing_yet)."""
    lang = normalise_lang(lang)
    return Explanation("none", lang, "", t(f"programming.explain.{key}_title", lang),
                       t(f"programming.explain.{key}_meaning", lang), ())


def explain(code: str, lang: str, namespace: dict[str, Any] | None = None) -> Explanation:
    """Run `code` (in `namespace`, a fresh one by default) and explain its error, if any.
    Nothing escapes: a module cell that shows an error stays a cell that runs."""
    namespace = {} if namespace is None else namespace
    try:
        exec(compile(code, SNIPPET, "exec"), namespace)  # the learner's own snippet, on purpose
    except Exception as error:  # every error is what we came to explain
        return explain_exception(error, lang, code, namespace)
    return no_error(lang)


def explain_last_error(lang: str) -> Explanation:
    """Explain the last red error shown in this notebook (IPython keeps it in sys.last_value)."""
    error = getattr(sys, "last_value", None)
    if error is None:
        return no_error(lang, "nothing_yet")
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        shell = None
    return explain_exception(error, lang, namespace=shell.user_ns if shell else None)
