"""The placement test's screens as HTML, in the visitor's language.

One HTML widget shows the current screen: the welcome and "who are you?", a question with its
progress line, or the result. What changes is inside a live region (`status()`), so a screen
reader reads each new question and the result out. The result carries its own PDF as a data
link: nothing leaves the page, and nothing is kept once the tab is closed.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from ..i18n import pick
from .kit import status
from .placement import AreaResult, Placement

STYLE = (Path(__file__).parent / "placement.css").read_text(encoding="utf-8")
BAR_WIDTH = {None: 0, "beginner": 34, "foundation": 67, "intermediate": 100}  # % of the bar


def screen_html(app: Placement) -> str:
    """The whole current screen (the answer buttons are widgets of their own, below it)."""
    question = app.question
    if app.audience is None:
        body = (f"<p>{escape(app.text('intro', count=len(app.questions)))}</p>"
                + status(f"<h2>{escape(app.text('who'))}</h2>"))
    elif question is not None:
        progress = app.text("progress", number=len(app.answers) + 1, total=len(app.questions))
        body = status(f'<p class="placement-progress">{escape(progress)}</p>'
                      f"<h2>{escape(pick(question.text, app.lang))}</h2>")
    else:
        body = result_html(app)
    return f'<style>{STYLE}</style><div class="placement-screen">{body}</div>'


def bar_html(app: Placement, result: AreaResult) -> str:
    """One area: its level in words and its right answers, over a bar as long as the level
    (the bar repeats the words for the eye; screen readers skip it)."""
    return (f"<li><p><strong>{escape(app.level_text(result))}</strong> — "
            f"{escape(app.right_count(result))}</p>"
            '<div class="placement-bar" aria-hidden="true"><div class="placement-fill" '
            f'style="width:{BAR_WIDTH[result.level]}%"></div></div></li>')


def _items(texts: list[str], tag: str = "ul") -> str:
    return f"<{tag}>{''.join(f'<li>{escape(text)}</li>' for text in texts)}</{tag}>"


def result_html(app: Placement) -> str:
    """The result: levels per area, advice, modules, pathway, then download and print."""
    bars = "".join(bar_html(app, result) for result in app.results().values())
    parts = [status(f"<h2>{escape(app.text('result_title'))}</h2>"
                    f"<p>{escape(app.text('done'))} {escape(app.text('result_intro'))}</p>"
                    f'<ul class="placement-bars">{bars}</ul>'),
             f"<h2>{escape(app.text('advice_title'))}</h2>", _items(app.advice()),
             f"<h2>{escape(app.text('modules_title'))}</h2>"]
    modules = [app.module_line(module) for module in app.recommended()]
    parts.append(_items(modules) if modules else f"<p>{escape(app.text('modules_none'))}</p>")
    parts.append(f"<h2>{escape(app.text('pathway_title'))}</h2>")
    chosen = app.pathway()
    if chosen is None:
        parts.append(f"<p>{escape(app.text('pathway_none'))}</p>")
    else:
        parts += [f"<p><strong>{escape(pick(chosen.pathway.title, app.lang))}</strong><br>"
                  f"{escape(pick(chosen.pathway.summary, app.lang))}</p>",
                  _items([app.module_line(step) for step in chosen.steps], "ol"),
                  f"<p>{escape(app.pathway_total(chosen))}</p>"]
    parts += [f'<p class="placement-small">{escape(app.text(key))}</p>'
              for key in ("rule", "nothing_stored")]
    parts.append(f'<div class="placement-actions">{download_link(app)}'
                 '<button type="button" class="placement-action placement-light" '
                 f'onclick="window.print()">{escape(app.text("print"))}</button></div>')
    return "".join(parts)


def download_link(app: Placement) -> str:
    """The PDF of the result inside the link itself (a `data:` address): a download that works
    offline and leaves no file on the server."""
    from .placement_pdf import result_pdf  # fpdf2 is loaded only once someone has finished

    data = base64.b64encode(result_pdf(app)).decode("ascii")
    return (f'<a class="placement-action" download="{escape(app.text("pdf_file"))}" '
            f'href="data:application/pdf;base64,{data}">{escape(app.text("download"))}</a>')
