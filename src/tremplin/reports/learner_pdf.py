"""The learner's report as a PDF, to print or send: the same texts as the HTML page.

Written with fpdf2 (pure Python, on PyPI) and its built-in Helvetica in the Windows-1252
encoding, which covers French (é è à ç « » ’ œ …): a built-in font needs no font file to
read, subset and embed, which makes a PDF about ten times faster than with an embedded TrueType
font, and the text stays extractable. A character outside that encoding (a name in another
script) is written without its accent, or as "?", rather than failing the whole report.
Lines are wrapped here, word by word, because fpdf2's own wrapping is slow on long lines.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from fpdf import FPDF

from ..frameworks import Framework, frameworks
from ..i18n import pick
from .charts import Bar
from .learner_page import LearnerView

FONT, ENCODING = "Helvetica", "cp1252"
BODY, SMALL, LINE = 12, 11, 6.5  # points, points, mm
INK, BAR, STRIPE = (17, 17, 17), (29, 78, 137), (238, 241, 245)
NO_DATE = datetime(1970, 1, 1, tzinfo=UTC)  # fpdf2 always writes a date: a fixed one by default
COLUMNS = (0.41, 0.09, 0.21, 0.14, 0.15)  # share of the text width per table column


def printable(text: str) -> str:
    """`text` with every character the built-in fonts cannot show replaced by its closest one."""
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text:
        try:
            char.encode(ENCODING)
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode(ENCODING, "ignore").decode(ENCODING)
            out.append(base or "?")
    return "".join(out)


class _Report(FPDF):
    def wrap(self, text: str, width: float) -> list[str]:
        """Greedy word wrap of `text` into lines that fit a cell `width` mm wide (cells have an
        inner margin on each side)."""
        width -= 2 * self.c_margin
        lines: list[str] = []
        line = ""
        for word in printable(text).split():
            candidate = f"{line} {word}" if line else word
            if line and self.get_string_width(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        return [*lines, line] if line else lines

    def room(self, height: float) -> None:
        """Start a new page when `height` mm would not fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, size: float) -> None:
        self.room(size * 0.9)
        self.set_font(FONT, "B", size)
        for line in self.wrap(text, self.epw):
            self.cell(0, size * 0.5, line, new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)
        self.set_font(FONT, "", BODY)

    def paragraph(self, text: str, indent: float = 0) -> None:
        for line in self.wrap(text, self.epw - indent):
            self.room(LINE)
            self.set_x(self.l_margin + indent)
            self.cell(0, LINE, line, new_x="LMARGIN", new_y="NEXT")

    def bullets(self, texts: list[str]) -> None:
        for text in texts:
            self.room(LINE)
            self.cell(6, LINE, "\u2022")
            self.paragraph(text, indent=6)
            self.ln(1)

    def bars(self, fw: Framework, lang: str, bars: list[Bar]) -> None:
        """The area's chart: bands shaded and named, a rectangle and the level per competence."""
        label, unit, row = 14, (self.epw - 24) / fw.levels, 7
        self.room(6 + row * len(bars) + 6)
        x0, top = self.l_margin + label, self.get_y() + 5
        self.set_font(FONT, "", SMALL - 1)
        for i, band in enumerate(fw.bands):
            x, width = x0 + unit * (min(band.levels) - 1), unit * len(band.levels)
            if i % 2 == 0:
                self.set_fill_color(*STRIPE)
                self.rect(x, top, width, row * len(bars), style="F")
            self.set_xy(x, top - 5)
            self.cell(width, 5, printable(pick(band.title, lang)), align="C")
        self.set_font(FONT, "B", BODY)
        self.set_fill_color(*BAR)
        for i, bar in enumerate(bars):
            y = top + row * i
            self.set_xy(self.l_margin, y)
            self.cell(label - 2, row, printable(bar.code), align="R")
            if bar.level:
                self.rect(x0, y + 1, unit * bar.level, row - 2, style="F")
            self.set_xy(x0 + unit * bar.level + 1, y)
            self.cell(8, row, str(bar.level))
        self.set_font(FONT, "", SMALL)
        for level in range(fw.levels + 1):
            self.set_xy(x0 + unit * level - 3, top + row * len(bars))
            self.cell(6, 5, str(level), align="C")
        self.set_xy(self.l_margin, top + row * len(bars) + 8)
        self.set_font(FONT, "", BODY)

    def grid(self, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        """A table whose cells wrap; the header is repeated on every new page."""
        widths = [self.epw * share for share in COLUMNS]

        def row(values: tuple[str, ...], style: str) -> None:
            self.set_font(FONT, style, SMALL)
            lines = [self.wrap(v, w - 2) or [""] for v, w in zip(values, widths, strict=True)]
            height = max(map(len, lines)) * 5.5 + 2
            if self.get_y() + height > self.page_break_trigger:
                self.add_page()
                if style == "":
                    row(columns, "B")
                    self.set_font(FONT, "", SMALL)
            x, y = self.l_margin, self.get_y()
            for text, width in zip(lines, widths, strict=True):
                self.rect(x, y, width, height)
                for n, line in enumerate(text):
                    self.set_xy(x + 1, y + 1 + 5.5 * n)
                    self.cell(width - 2, 5.5, line)
                x += width
            self.set_xy(self.l_margin, y + height)

        row(columns, "B")
        for values in rows:
            row(values, "")
        self.ln(3)
        self.set_font(FONT, "", BODY)


def learner_pdf(view: LearnerView, created: datetime | None = None) -> bytes:
    """The PDF of a learner's report; dated 1970-01-01 unless `created` is given, so the same
    grades always give the same file."""
    pdf = _Report(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_margins(18, 16)
    pdf.set_auto_page_break(True, 16)
    pdf.set_creation_date(created or NO_DATE)
    pdf.set_title(printable(f"{view.title} · {view.who}"))
    pdf.set_lang(view.lang)
    pdf.set_text_color(*INK)
    pdf.add_page()
    pdf.heading(view.title, 20)
    pdf.set_font(FONT, "B", BODY)
    pdf.paragraph(view.who)
    pdf.set_font(FONT, "", BODY)
    pdf.paragraph(view.rule)
    pdf.ln(3)
    fw = frameworks()[view.framework]
    if view.empty:
        pdf.paragraph(view.empty)
    else:
        pdf.heading(view.charts_heading, 15)
        for heading, bars in view.areas:
            pdf.heading(heading, 12)
            pdf.bars(fw, view.lang, bars)
        pdf.heading(view.table_heading, 15)
        pdf.grid(view.columns, view.rows)
    pdf.heading(view.achieved_heading, 15)
    pdf.bullets(view.achievements)
    pdf.heading(view.pending_heading, 15)
    pdf.paragraph(view.pending)
    pdf.ln(3)
    pdf.heading(view.next_heading, 15)
    pdf.bullets(view.modules)
    return bytes(pdf.output())
