"""The level scale drawn and named: bars per framework area, as inline SVG written by hand.

SVG by hand rather than a plotting library because a course builds hundreds of pages at once
and each chart is a few rectangles; it also lets every chart carry what screen readers need
(role="img", a <title>, a <desc> listing every value) and real text labels that can be read
without the colours. The bar geometry (`area_bars`) is shared with the PDF, so both show the
same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from ..frameworks import Band, Framework
from ..i18n import pick, t
from .levels import CompetenceLevel

# Plain-words description of each band, by (framework id, band id): literal catalogue keys, so
# the catalogue test sees them; tests check that every band of every framework has one.
BAND_PLAIN = {
    ("digcomp", "foundation"): "report.band_plain.digcomp_foundation",
    ("digcomp", "intermediate"): "report.band_plain.digcomp_intermediate",
    ("digcomp", "advanced"): "report.band_plain.digcomp_advanced",
    ("digcomp", "highly-specialised"): "report.band_plain.digcomp_highly_specialised",
    ("crcn", "novice"): "report.band_plain.crcn_novice",
    ("crcn", "independent"): "report.band_plain.crcn_independent",
    ("crcn", "advanced"): "report.band_plain.crcn_advanced",
    ("crcn", "expert"): "report.band_plain.crcn_expert",
}

INK, PAPER, BAR, STRIPE, GRID = "#111111", "#ffffff", "#1d4e89", "#eef1f5", "#8a8f98"
WIDTH, LEFT, UNIT, ROW, TOP = 720, 70, 74, 40, 34  # px; UNIT is the width of one level


def level_name(fw: Framework, level: int | None, lang: str) -> str:
    """"Niveau 2 · Fondamental", "Level 5 · Advanced", or "Not reached yet"."""
    if level is None:
        return t("report.not_reached", lang)
    return t("report.level_name", lang, level=level, band=pick(fw.band_of(level).title, lang))


def band_plain(fw: Framework, band: Band, lang: str) -> str:
    """What a band means in everyday words, completing "you can …"."""
    return t(BAND_PLAIN[(fw.id, band.id)], lang)


def area_title(fw: Framework, area: str, lang: str) -> str:
    return t("report.area", lang, id=area, title=pick(fw.areas[area], lang))


@dataclass(frozen=True)
class Bar:
    """One competence on the 0–8 scale (0: not reached yet)."""

    code: str  # the competence id within its framework, e.g. "1.3"
    title: str
    level: int
    level_text: str


def area_bars(fw: Framework, levels: Mapping[str, CompetenceLevel],
              lang: str) -> list[tuple[str, list[Bar]]]:
    """(area title, bars) for every area where the learner has evidence, in framework order."""
    by_area: dict[str, list[Bar]] = {}
    for qid, found in levels.items():
        code = qid.partition(":")[2]
        comp = fw.competences[code]
        by_area.setdefault(comp.area, []).append(Bar(
            code, pick(comp.title, lang), found.level or 0, level_name(fw, found.level, lang)))
    return [(area_title(fw, area, lang), by_area[area]) for area in fw.areas if area in by_area]


def area_svg(fw: Framework, heading: str, bars: list[Bar], lang: str) -> str:
    """A horizontal bar chart of one area: a row per competence, bands shaded and named on top,
    the level written at the end of each bar."""
    height = TOP + ROW * len(bars) + 28
    title = t("report.chart.title", lang, area=heading)
    desc = "; ".join(t("report.chart.bar", lang, competence=f"{b.code} {b.title}",
                       level=b.level_text) for b in bars)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" style="max-width:{WIDTH}px" font-family="sans-serif" font-size="18">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
        f'<rect width="{WIDTH}" height="{height}" fill="{PAPER}"/>',
    ]
    plot_bottom = TOP + ROW * len(bars)
    for i, band in enumerate(fw.bands):
        x = LEFT + UNIT * (min(band.levels) - 1)
        width = UNIT * len(band.levels)
        if i % 2 == 0:
            out.append(f'<rect x="{x}" y="{TOP - 4}" width="{width}" '
                       f'height="{plot_bottom - TOP + 4}" fill="{STRIPE}"/>')
        out.append(f'<text x="{x + width / 2:g}" y="{TOP - 12}" text-anchor="middle" '
                   f'font-size="14" fill="{INK}">{escape(pick(band.title, lang))}</text>')
    for level in range(fw.levels + 1):
        x = LEFT + UNIT * level
        out.append(f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{plot_bottom + 2}" stroke="{GRID}" '
                   f'stroke-width="1"/><text x="{x}" y="{plot_bottom + 20}" text-anchor="middle" '
                   f'font-size="16" fill="{INK}">{level}</text>')
    for row, bar in enumerate(bars):
        y = TOP + ROW * row
        out.append(f'<text x="{LEFT - 10}" y="{y + ROW / 2 + 6:g}" text-anchor="end" '
                   f'fill="{INK}">{escape(bar.code)}</text>')
        if bar.level:
            out.append(f'<rect x="{LEFT}" y="{y + 5}" width="{UNIT * bar.level}" '
                       f'height="{ROW - 10}" fill="{BAR}"/>')
        out.append(f'<text x="{LEFT + UNIT * bar.level + 6}" y="{y + ROW / 2 + 6:g}" '
                   f'font-weight="bold" fill="{INK}">{bar.level}</text>')
    out.append("</svg>")
    return "".join(out)
