"""The learner's report as a PDF, to print or send: the same texts as the HTML page.

Written with fpdf2 (pure Python, on PyPI) and its built-in Helvetica in the Windows-1252
encoding, which covers French (é è à ç « » ’ œ …): a built-in font needs no font file to
read, subset and embed, which makes a PDF about ten times faster than with an embedded TrueType
font, and the text stays extractable. A character outside that encoding (a name in another
script) is written without its accent, or as "?", rather than failing the whole report.
Text is placed and wrapped here rather than with fpdf2's cells, which are much slower.
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
_EM: dict[tuple[str, str], float] = {}  # widths of words met so far, in 1/1000 of the font size
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
    """fpdf2 with the few drawing steps a report needs, written on `text()`: placing strings
    ourselves, with widths read from the font's table, is ten times faster than `cell()`."""

    def width(self, text: str) -> float:
        """Width in mm of `text` (already `printable`) in the current font."""
        font = self.current_font
        key = (font.fontkey, text)
        em = _EM.get(key)
        if em is None:  # the table is indexed by cp1252 bytes read as latin-1 characters
            em = _EM[key] = sum(font.cw[c] for c in text.encode(ENCODING).decode("latin-1"))
        return em * self.font_size / 1000

    def put(self, x: float, y: float, height: float, text: str, align: str = "L",
            box: float = 0) -> None:
        """Write `text` in a line `height` mm tall whose top is at `y`; "C"/"R" align it in a
        box `box` mm wide starting at `x`."""
        if align != "L":
            x += (box - self.width(text)) / (2 if align == "C" else 1)
        self.text(x, y + height / 2 + 0.3 * self.font_size, text)

    def wrap(self, text: str, width: float) -> list[str]:
        """Greedy word wrap of `text` into lines at most `width` mm wide."""
        space = self.width(" ")
        lines: list[str] = []
        line, used = "", 0.0
        for word in printable(text).split():
            size = self.width(word)
            if line and used + space + size > width:
                lines.append(line)
                line, used = word, size
            else:
                line, used = (f"{line} {word}", used + space + size) if line else (word, size)
        return [*lines, line] if line else lines

    def room(self, height: float) -> None:
        """Start a new page when `height` mm would not fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def lines(self, text: str, height: float, indent: float = 0) -> None:
        """A paragraph in the current font, wrapped to the page, from the current position."""
        for line in self.wrap(text, self.epw - indent):
            self.room(height)
            self.put(self.l_margin + indent, self.get_y(), height, line)
            self.set_y(self.get_y() + height)

    def heading(self, text: str, size: float) -> None:
        self.room(size * 1.2)
        self.set_font(FONT, "B", size)
        self.lines(text, size * 0.5)
        self.set_y(self.get_y() + 1.5)
        self.set_font(FONT, "", BODY)

    def bullets(self, texts: list[str]) -> None:
        for text in texts:
            self.room(LINE)
            self.put(self.l_margin, self.get_y(), LINE, "\u2022")
            self.lines(text, LINE, indent=6)
            self.set_y(self.get_y() + 1)

    def bars(self, fw: Framework, lang: str, bars: list[Bar]) -> None:
        """The area's chart: bands shaded and named, a rectangle and the level per competence."""
        label, unit, row = 14, (self.epw - 24) / fw.levels, 7
        self.room(6 + row * len(bars) + 6)
        x0, top = self.l_margin + label, self.get_y() + 5
        bottom = top + row * len(bars)
        self.set_font(FONT, "", SMALL - 1)
        self.set_fill_color(*STRIPE)
        for i, band in enumerate(fw.bands):
            x, width = x0 + unit * (min(band.levels) - 1), unit * len(band.levels)
            if i % 2 == 0:
                self.rect(x, top, width, bottom - top, style="F")
            self.put(x, top - 5, 5, printable(pick(band.title, lang)), "C", width)
        self.set_font(FONT, "B", BODY)
        self.set_fill_color(*BAR)
        for i, bar in enumerate(bars):
            y = top + row * i
            self.put(self.l_margin, y, row, printable(bar.code), "R", label - 3)
            if bar.level:
                self.rect(x0, y + 1, unit * bar.level, row - 2, style="F")
            self.put(x0 + unit * bar.level + 1.5, y, row, str(bar.level))
        self.set_font(FONT, "", SMALL)
        for level in range(fw.levels + 1):
            self.put(x0 + unit * level - 3, bottom, 5, str(level), "C", 6)
        self.set_y(bottom + 8)
        self.set_font(FONT, "", BODY)

    def grid(self, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        """A table whose cells wrap; the header is repeated on every new page."""
        widths = [self.epw * share for share in COLUMNS]
        pad, line = 1.5, 5.5

        def row(values: tuple[str, ...], style: str) -> None:
            self.set_font(FONT, style, SMALL)
            cells = [self.wrap(v, w - 2 * pad) or [""] for v, w in zip(values, widths, strict=True)]
            height = max(map(len, cells)) * line + 2
            if self.get_y() + height > self.page_break_trigger:
                self.add_page()
                if style == "":
                    row(columns, "B")
                    self.set_font(FONT, "", SMALL)
            x, y = self.l_margin, self.get_y()
            for text, width in zip(cells, widths, strict=True):
                self.rect(x, y, width, height)
                for n, part in enumerate(text):
                    self.put(x + pad, y + 1 + line * n, line, part)
                x += width
            self.set_y(y + height)

        row(columns, "B")
        for values in rows:
            row(values, "")
        self.set_y(self.get_y() + 3)
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
    pdf.lines(view.who, LINE)
    pdf.set_font(FONT, "", BODY)
    pdf.lines(view.rule, LINE)
    pdf.set_y(pdf.get_y() + 3)
    fw = frameworks()[view.framework]
    if view.empty:
        pdf.lines(view.empty, LINE)
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
    pdf.lines(view.pending, LINE)
    pdf.set_y(pdf.get_y() + 3)
    pdf.heading(view.next_heading, 15)
    pdf.bullets(view.modules)
    return bytes(pdf.output())
