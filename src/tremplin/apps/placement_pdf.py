"""The placement test's result as a short PDF (one or two pages) the visitor keeps or prints.

It says exactly what the result screen says, with the same sentences from the same catalogue,
and is drawn with the learners' report writer (fpdf2's built-in Helvetica in Windows-1252:
no font file to embed, text that stays readable by a screen reader or a copy-paste). No name
and no date are written: the file is only about the answers just given.
"""

from __future__ import annotations

from ..i18n import pick
from ..reports import learner_pdf as report
from ..reports.learner_pdf import FONT, LINE, _Report, printable
from .placement import AreaResult, Placement

BAR_SHARE = {None: 0.0, "beginner": 1 / 3, "foundation": 2 / 3, "intermediate": 1.0}
BAR_HEIGHT, BAR_WIDTH, SMALL_LINE = 5.5, 90.0, 5.5  # mm


def _area(pdf: _Report, app: Placement, result: AreaResult) -> None:
    """One area: its level in words (bold), then its bar with the right answers beside it."""
    pdf.room(2 * LINE + 2)
    pdf.set_font(FONT, "B", report.BODY)
    pdf.lines(app.level_text(result), LINE)
    pdf.set_font(FONT, "", report.BODY)
    x, y = pdf.l_margin, pdf.get_y()
    pdf.set_draw_color(*report.BAR)
    pdf.set_fill_color(*report.BAR)
    pdf.rect(x, y + 0.5, BAR_WIDTH, BAR_HEIGHT)
    if BAR_SHARE[result.level]:
        pdf.rect(x, y + 0.5, BAR_WIDTH * BAR_SHARE[result.level], BAR_HEIGHT, style="F")
    pdf.put(x + BAR_WIDTH + 4, y, LINE, printable(app.right_count(result)))
    pdf.set_y(y + LINE + 2.5)


def result_pdf(app: Placement) -> bytes:
    """The PDF of the finished test in `app.lang`; the same answers always give the same file."""
    pdf = _Report(format="A4")
    pdf.core_fonts_encoding = report.ENCODING
    pdf.set_margins(18, 14)
    pdf.set_auto_page_break(True, 12)
    pdf.set_creation_date(report.NO_DATE)
    pdf.set_title(printable(app.text("pdf_title")))
    pdf.set_lang(app.lang)
    pdf.set_text_color(*report.INK)
    pdf.add_page()
    pdf.heading(app.text("pdf_title"), 20)
    pdf.lines(app.text("result_intro"), LINE)
    pdf.set_y(pdf.get_y() + 3)
    for result in app.results().values():
        _area(pdf, app, result)
    pdf.heading(app.text("advice_title"), 15)
    pdf.bullets(app.advice())
    pdf.heading(app.text("modules_title"), 15)
    modules = [app.module_line(module) for module in app.recommended()]
    if modules:
        pdf.bullets(modules)
    else:
        pdf.lines(app.text("modules_none"), LINE)
    pdf.heading(app.text("pathway_title"), 15)
    chosen = app.pathway()
    if chosen is None:
        pdf.lines(app.text("pathway_none"), LINE)
    else:
        pdf.set_font(FONT, "B", report.BODY)
        pdf.lines(pick(chosen.pathway.title, app.lang), LINE)
        pdf.set_font(FONT, "", report.BODY)
        pdf.lines(pick(chosen.pathway.summary, app.lang), LINE)
        for number, step in enumerate(chosen.steps, 1):
            pdf.lines(f"{number}. {app.module_line(step)}", LINE, indent=6)
        pdf.lines(app.pathway_total(chosen), LINE)
    pdf.set_y(pdf.get_y() + 3)
    pdf.set_font(FONT, "", report.SMALL)
    pdf.lines(app.text("rule"), SMALL_LINE)
    pdf.lines(app.text("nothing_stored"), SMALL_LINE)
    return bytes(pdf.output())
