"""The learner's own page: their levels, what they achieved, what is pending, what to take next.

The page is handed to the learner, so it speaks their language (the profile's), names levels
the way the framework does ("Niveau 2 · Fondamental"), and says in plain words what a level
means. `learner_view` computes every text once; the HTML here and the PDF (learner_pdf) only lay
it out, so both always say the same thing. The HTML is one self-contained file (inline CSS and
SVG): it opens from a USB stick or an e-mail with no network, in large, high-contrast type.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..frameworks import frameworks
from ..i18n import pick, t
from .charts import Bar, area_bars, area_svg, band_plain, level_name
from .levels import format_points
from .profile import LearnerProfile


@dataclass(frozen=True)
class LearnerView:
    """Every text of a learner's report, in the learner's language, ready to lay out."""

    lang: str
    framework: str
    title: str
    who: str
    rule: str
    charts_heading: str
    areas: list[tuple[str, list[Bar]]]
    table_heading: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]  # competence, level number, level name, points, pending
    empty: str  # said instead of the charts and table when nothing is graded yet
    achieved_heading: str
    achievements: list[str]
    pending_heading: str
    pending: str
    next_heading: str
    modules: list[str]


def learner_view(profile: LearnerProfile, threshold: float) -> LearnerView:
    """The texts of `profile`'s report, in the profile's language."""
    lang, fw = profile.lang, frameworks()[profile.framework]
    rows, achievements = [], []
    for qid, found in profile.levels.items():
        code = qid.partition(":")[2]
        title = f"{code} {fw.title(code, lang)}"
        name = level_name(fw, found.level, lang)
        points = t("report.points_of", lang, points=format_points(found.points, lang),
                   max=format_points(found.max_points, lang))
        rows.append((title, str(found.level or 0), name, points, str(found.pending)))
        if found.level:
            achievements.append(t("report.achievement", lang, competence=title, level=name,
                                  plain=band_plain(fw, fw.band_of(found.level), lang)))
    if profile.pending_cells:
        pending = t("report.learner.pending", lang, cells=profile.pending_cells,
                    points=format_points(profile.pending_points, lang))
    else:
        pending = t("report.learner.pending_none", lang)
    modules = [t("report.learner.module", lang, title=m.title, path=m.path)
               for m in profile.recommended] or [t("report.learner.next_none", lang)]
    return LearnerView(
        lang=lang,
        framework=fw.id,
        title=t("report.learner.title", lang),
        who=t("report.learner.who", lang, learner=profile.learner),
        rule=t("report.learner.rule", lang, framework=pick(fw.name, lang),
               percent=format_points(threshold * 100, lang)),
        charts_heading=t("report.learner.charts", lang),
        areas=area_bars(fw, profile.levels, lang),
        table_heading=t("report.learner.table", lang),
        columns=(t("report.col.competence", lang), t("report.col.level", lang),
                 t("report.col.level_name", lang), t("report.col.points", lang),
                 t("report.col.pending", lang)),
        rows=rows,
        empty="" if rows else t("report.learner.no_evidence", lang),
        achieved_heading=t("report.learner.achieved", lang),
        achievements=achievements or [t("report.learner.none_achieved", lang)],
        pending_heading=t("report.learner.pending_title", lang),
        pending=pending,
        next_heading=t("report.learner.next", lang),
        modules=modules,
    )


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:1.25rem;
line-height:1.5;color:#111;background:#fff;max-width:52rem;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:2rem;margin:.5rem 0}
h2{font-size:1.5rem;margin-top:2rem;border-bottom:3px solid #1d4e89}
h3{font-size:1.25rem}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #444;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#1d4e89;color:#fff}td.n{text-align:center;font-weight:bold}
li{margin:.4rem 0}code{font-size:1rem;background:#eef1f5;padding:0 .2rem}
""".replace("\n", "")


def page(lang: str, title: str, body: list[str], wide: bool = False) -> str:
    """A complete, self-contained HTML document (shared with the group overview, whose wide
    tables get the whole window)."""
    style = STYLE + ("body{max-width:none}" if wide else "")
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def table(columns: tuple[str, ...], rows: list[tuple[str, ...]], numeric: set[int]) -> str:
    """An HTML table, every text escaped; columns in `numeric` are centred and bold."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{escape(v)}</td>' if i in numeric else
                         f"<td>{escape(v)}</td>" for i, v in enumerate(row)) + "</tr>\n"
        for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def _items(texts: list[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{escape(x)}</li>\n" for x in texts) + "</ul>"


def learner_html(view: LearnerView) -> str:
    """The learner's report as one HTML document in their language."""
    fw = frameworks()[view.framework]
    body = [f"<h1>{escape(view.title)}</h1>", f"<p><strong>{escape(view.who)}</strong></p>",
            f"<p>{escape(view.rule)}</p>"]
    if view.empty:
        body.append(f"<p>{escape(view.empty)}</p>")
    else:
        body.append(f"<h2>{escape(view.charts_heading)}</h2>")
        for heading, bars in view.areas:
            body += [f"<h3>{escape(heading)}</h3>", area_svg(fw, heading, bars, view.lang)]
        body += [f"<h2>{escape(view.table_heading)}</h2>", table(view.columns, view.rows, {1, 4})]
    body += [f"<h2>{escape(view.achieved_heading)}</h2>", _items(view.achievements),
             f"<h2>{escape(view.pending_heading)}</h2>", f"<p>{escape(view.pending)}</p>",
             f"<h2>{escape(view.next_heading)}</h2>", _items(view.modules)]
    return page(view.lang, f"{view.title} · {view.who}", body)
