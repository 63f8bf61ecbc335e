"""ipywidgets activities of « Programmer pas à pas / Programming step by step».

Each one lets a learner touch an idea before the module names it: buttons that move the turtle
and write the line of code each click stands for (a program), labelled boxes (variables), a fork
that lights the branch taken (a condition), and a small lab where broken code is run, explained
calmly and fixed (reading an error message).
"""

from __future__ import annotations

import contextlib
import html
import io
import sys
from typing import Any

import ipywidgets as w

from .apps.kit import big_button
from .error_messages import explain
from .grid_turtle import GridTurtle
from .i18n import t

BOX = ("display:inline-block;margin:.4em 1em .4em 0;vertical-align:top;text-align:center;"
       "font-size:1.1rem")
TAG = "background:#ffe9a8;border:2px solid #8a6d00;border-radius:6px 6px 0 0;padding:.1em .6em"
CONTENT = "border:3px solid #1f3b63;background:#fff;padding:.6em 1.2em;min-width:4em"


def turtle_pad(lang: str, size: int = 9) -> w.VBox:
    """Buttons move the turtle; under the grid, the line of code each click wrote.
    "Touch, then name it": the list of lines the learner built is a program."""
    turtle = GridTurtle(size, size)
    grid = w.HTML()
    listing = w.HTML()
    note = w.HTML()

    def show(bumped: bool = False) -> None:
        grid.value = turtle.as_html()
        note.value = f"<p>{html.escape(t('programming.pad_bump', lang))}</p>" if bumped else ""
        if not turtle.program:
            listing.value = f"<p>{html.escape(t('programming.pad_empty', lang))}</p>"
            return
        lines = "\n".join(f"{n:>2}  {html.escape(line)}"
                          for n, line in enumerate(turtle.program, start=1))
        heading = html.escape(t("programming.pad_program", lang, count=len(turtle.program)))
        listing.value = f"<p><b>{heading}</b></p><pre style='font-size:1.1rem'>{lines}</pre>"

    def forward(_button: w.Button) -> None:
        show(bumped=turtle.forward(1) == 0)

    def turn(name: str) -> None:
        getattr(turtle, name)()
        show()

    def pen(button: w.Button) -> None:
        if turtle.pen_is_down:
            turtle.pen_up()
        else:
            turtle.pen_down()
        button.description = t("programming.pad_pen_down" if not turtle.pen_is_down
                               else "programming.pad_pen_up", lang)
        show()

    def clear(_button: w.Button) -> None:
        turtle.reset()
        pen_button.description = t("programming.pad_pen_up", lang)
        show()

    pen_button = big_button(t("programming.pad_pen_up", lang), pen)
    buttons = [big_button(t("programming.pad_forward", lang), forward),
               big_button(t("programming.pad_left", lang), lambda _b: turn("left")),
               big_button(t("programming.pad_right", lang), lambda _b: turn("right")),
               pen_button, big_button(t("programming.pad_clear", lang), clear)]
    show()
    pad = w.VBox([w.HBox(buttons, layout=w.Layout(flex_flow="row wrap")), note,
                  w.HBox([grid, listing], layout=w.Layout(flex_flow="row wrap",
                                                          grid_gap="2em"))])
    pad.turtle = turtle  # for tests and curious trainers: the state behind the picture
    return pad


def _kind_of_value(value: object, lang: str) -> str:
    kinds = ((bool, "truth"), (int, "whole"), (float, "decimal"), (str, "text"), (list, "list"))
    kind = next((key for cls, key in kinds if isinstance(value, cls)), "other")
    return t(f"programming.box_{kind}", lang)


def _as_typed(value: object) -> str:
    """The value as a learner types it: a text between double quotes, cut if it is long."""
    shown = f'"{value}"' if isinstance(value, str) else repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def boxes_html(values: dict[str, Any], lang: str) -> str:
    """Each variable drawn as a box with its label (the name) on top, its value inside and the
    kind of value underneath: a text keeps its quotes, so "15" and 15 look different."""
    out = []
    for name, value in values.items():
        out.append(
            f'<div style="{BOX}"><div style="{TAG}">🏷️ {html.escape(name)}</div>'
            f'<div style="{CONTENT}"><code style="font-size:1.3rem">'
            f"{html.escape(_as_typed(value))}</code></div>"
            f"<div><i>{html.escape(_kind_of_value(value, lang))}</i></div></div>")
    return f"<div>{''.join(out)}</div>"


def variable_boxes(*names: str, lang: str, namespace: dict[str, Any] | None = None) -> w.HTML:
    """The boxes of the variables `names`, read from `namespace` (by default, the globals of
    the notebook cell that calls this). A name with no box yet says which cell to run."""
    found = sys._getframe(1).f_globals if namespace is None else namespace
    values = {name: found[name] for name in names if name in found}
    missing = "".join(f"<p>{html.escape(t('programming.box_missing', lang, name=name))}</p>"
                      for name in names if name not in found)
    return w.HTML(boxes_html(values, lang) + missing)


def fork_html(age: int, lang: str) -> str:
    """The fork of `if age >= 18`: the question, two roads, the one taken lit in green, and
    the code with the line Python runs highlighted."""
    adult = age >= 18
    lit = "background:#e3f4e3;border:3px solid #2e7d32;font-weight:bold"
    dim = "background:#f2f2f2;border:2px dashed #999;color:#666"
    road = "padding:.6em 1em;text-align:center;width:14em"
    yes, no = (lit, dim) if adult else (dim, lit)
    adult_text, minor_text = t("programming.fork_adult", lang), t("programming.fork_minor", lang)
    code = [f"age = {age}", "if age >= 18:", f'    print("{adult_text}")', "else:",
            f'    print("{minor_text}")']
    taken = 2 if adult else 4
    listing = "\n".join(
        f'<span style="background:#e3f4e3;font-weight:bold">{html.escape(line)}</span>'
        if n in (0, 1, taken) else html.escape(line) for n, line in enumerate(code))
    question = html.escape(t("programming.fork_question", lang))
    return (
        '<div style="font-size:1.1rem"><div style="text-align:center;width:30em;padding:.4em;'
        f'border:2px solid #1f3b63;border-radius:1em">{question} <b>({age})</b></div>'
        '<div style="display:flex;gap:2em;margin-top:.6em">'
        f'<div style="{road};{yes}">↙ {html.escape(t("programming.fork_yes", lang))}<br>'
        f"{html.escape(adult_text)}</div>"
        f'<div style="{road};{no}">↘ {html.escape(t("programming.fork_no", lang))}<br>'
        f"{html.escape(minor_text)}</div></div>"
        f"<p>{html.escape(t('programming.fork_code', lang))}</p><pre>{listing}</pre></div>")


def condition_fork(lang: str, age: int = 15) -> w.VBox:
    """Move the slider: the fork lights the road that `if age >= 18` takes."""
    slider = w.IntSlider(value=age, min=0, max=100, description=t("programming.fork_age", lang),
                         layout=w.Layout(width="30em"))
    picture = w.HTML(fork_html(age, lang))
    slider.observe(lambda change: setattr(picture, "value", fork_html(change["new"], lang)),
                   names="value")
    return w.VBox([slider, picture])


def run_snippet(code: str, lang: str) -> str:
    """Run `code` as the lab does: what it printed, then the calm explanation of its error."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        explanation = explain(code, lang)
    out = ""
    if printed.getvalue():
        out += (f"<p>{html.escape(t('programming.lab_output', lang))}</p>"
                f"<pre>{html.escape(printed.getvalue())}</pre>")
    return out + explanation._repr_html_()


def error_lab(code: str, lang: str) -> w.VBox:
    """A small workbench: code with a mistake, a Run button, and the explanation of what went
    wrong. The learner fixes the code until the explanation turns green."""
    area = w.Textarea(value=code, rows=max(3, code.count("\n") + 2),
                      layout=w.Layout(width="40em"))
    result = w.HTML()

    def run(_button: w.Button) -> None:
        result.value = run_snippet(area.value, lang)

    lab = w.VBox([area, big_button(t("programming.lab_run", lang), run), result])
    run(None)
    return lab
