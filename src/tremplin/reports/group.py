"""The trainer's overview of a group: levels at a glance, and how each graded question behaved.

Three parts, each answering a trainer's question:
* a heatmap learners × competences ("who is where?"), with the level written in every box so it
  reads without colour (printed in black and white, or by someone who does not see colours);
* every graded question with its success rate and discrimination index ("which questions work?");
* the questions nobody fully passed ("what did I not teach well, or what is broken?").
Learners appear under the label the caller gives (pseudonyms by default, computed elsewhere):
this page may be projected or sent outside the library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import escape

from ..frameworks import frameworks
from ..i18n import pick, t
from .charts import level_name
from .data import AssignmentInfo, CellResult
from .learner_page import page, table
from .levels import EPSILON, format_points, framework_order
from .profile import LearnerProfile

Label = Callable[[str], str] | Mapping[str, str] | None
GROUP_SHARE = 0.27  # Kelley's upper and lower groups
MIN_LEARNERS = 4  # below this, upper and lower groups of one learner say nothing
HEAT = ("#ffffff", "#e3ecf7", "#c6d9ef", "#a3c1e4", "#7fa6d6", "#4f81bd", "#35689f", "#1d4e89",
        "#0b2f5c")  # level 0 to 8, light to dark; text turns white from level 5


def labeller(label: Label) -> Callable[[str], str]:
    """One way to name learners: identity, a function, or a mapping (every learner in it)."""
    if label is None:
        return str
    if callable(label):
        return label
    return label.__getitem__


def by_label(profiles: Mapping[str, LearnerProfile],
             name: Callable[[str], str]) -> list[tuple[str, LearnerProfile]]:
    """(label, profile) sorted by label: never in the order of the real ids, which would let
    anyone who knows the group put names back on pseudonyms."""
    return sorted(((name(x), p) for x, p in profiles.items()), key=lambda pair: pair[0])


@dataclass(frozen=True)
class CellStats:
    """How one graded question of an assignment went over the group."""

    assignment: str
    grade_id: str
    competences: tuple[str, ...]
    level: int
    graded: int  # learners with a grade (pending manual grades excluded)
    full: int  # learners with full points
    success: float | None  # mean share of the points earned
    discrimination: float | None  # None with fewer than MIN_LEARNERS graded


def discrimination_index(cell: Mapping[str, float], total: Mapping[str, float]) -> float | None:
    """Upper–lower 27 % index: mean share earned on the question by the 27 % of learners with
    the best total share over the assignment, minus the same for the 27 % with the lowest.

    From -1 to 1; near 0 or below, the question does not tell strong and weak learners apart.
    Ties on the total are broken by learner id, so the result does not depend on input order.
    """
    learners = sorted((x for x in cell if x in total), key=lambda x: (total[x], x))
    if len(learners) < MIN_LEARNERS:
        return None
    k = max(1, round(GROUP_SHARE * len(learners)))
    lower, upper = learners[:k], learners[-k:]
    return sum(cell[x] for x in upper) / k - sum(cell[x] for x in lower) / k


def cell_stats(results: Iterable[CellResult],
               assignments: Mapping[str, AssignmentInfo]) -> list[CellStats]:
    """Statistics of every graded cell of every assignment, assignments in id order."""
    shares: dict[tuple[str, str], dict[str, float]] = {}
    sums: dict[tuple[str, str], list[float]] = {}  # (assignment, learner) -> [earned, possible]
    for r in results:
        if r.score is None or r.max_score <= 0 or r.assignment not in assignments:
            continue
        shares.setdefault((r.assignment, r.grade_id), {})[r.learner] = r.score / r.max_score
        got = sums.setdefault((r.assignment, r.learner), [0.0, 0.0])
        got[0] += r.score
        got[1] += r.max_score
    found = []
    for aid in sorted(assignments):
        total = {learner: e / p for (a, learner), (e, p) in sums.items() if a == aid and p > 0}
        for grade_id, evidence in assignments[aid].evidence.items():
            cell = shares.get((aid, grade_id), {})
            found.append(CellStats(
                assignment=aid, grade_id=grade_id, competences=evidence.competences,
                level=evidence.level, graded=len(cell),
                full=sum(1 for s in cell.values() if s >= 1 - EPSILON),
                success=sum(cell.values()) / len(cell) if cell else None,
                discrimination=discrimination_index(cell, total)))
    return found


def _decimal(value: float | None, lang: str) -> str:
    if value is None:
        return t("report.na", lang)
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "fr" else text


def _heatmap(profiles: Mapping[str, LearnerProfile], framework: str, lang: str,
             name: Callable[[str], str]) -> str:
    fw = frameworks()[framework]
    order = framework_order(framework)
    columns = sorted({q for p in profiles.values() for q in p.levels}, key=order.__getitem__)
    head = "".join(
        f'<th scope="col" title="{escape(fw.title(q.partition(":")[2], lang))}">'
        f'{escape(q.partition(":")[2])}</th>' for q in columns)
    rows = []
    for label, profile in by_label(profiles, name):
        boxes = []
        for qid in columns:
            found = profile.levels.get(qid)
            if found is None:
                boxes.append('<td class="n">–</td>')
                continue
            level = found.level or 0
            ink = "#ffffff" if level >= 5 else "#111111"
            boxes.append(f'<td class="n" style="background:{HEAT[level]};color:{ink}" '
                         f'title="{escape(level_name(fw, found.level, lang))}">{level}</td>')
        rows.append(f'<tr><th scope="row">{escape(label)}</th>{"".join(boxes)}</tr>')
    return (f'<table>\n<thead><tr><th scope="col">{escape(t("report.col.learner", lang))}</th>'
            f"{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def group_html(profiles: Mapping[str, LearnerProfile], stats: list[CellStats],
               assignments: Mapping[str, AssignmentInfo], *, framework: str, threshold: float,
               lang: str, label: Label = None) -> str:
    """The group overview page, in the trainer's language `lang`."""
    name = labeller(label)
    fw = frameworks()[framework]
    title = t("report.group.title", lang)
    summary = t("report.group.summary", lang, learners=len(profiles), framework=pick(fw.name, lang),
                percent=format_points(threshold * 100, lang))
    columns = (t("report.col.assignment", lang), t("report.col.grade_id", lang),
               t("report.col.competences", lang), t("report.col.level", lang),
               t("report.col.graded", lang), t("report.col.success", lang),
               t("report.col.discrimination", lang))
    rows = [(assignments[s.assignment].title, s.grade_id, ", ".join(s.competences), str(s.level),
             str(s.graded),
             t("report.percent", lang, value=round(s.success * 100)) if s.success is not None
             else t("report.na", lang),
             _decimal(s.discrimination, lang)) for s in stats]
    nobody = [f"{assignments[s.assignment].title} · {s.grade_id}"
              for s in stats if s.graded and not s.full]
    if nobody:
        nobody_html = "<ul>\n" + "".join(f"<li>{escape(x)}</li>\n" for x in nobody) + "</ul>"
    else:
        nobody_html = "<p>" + escape(t("report.group.nobody_none", lang)) + "</p>"
    texts = [t("report.group.heatmap", lang), t("report.group.heatmap_help", lang),
             t("report.group.cells", lang), t("report.group.success_help", lang),
             t("report.group.discrimination_help", lang), t("report.group.nobody", lang)]
    heat, heat_help, cells, success_help, discrimination_help, nobody_title = map(escape, texts)
    body = [
        f"<h1>{escape(title)}</h1>", f"<p>{escape(summary)}</p>",
        f"<h2>{heat}</h2>", f"<p>{heat_help}</p>", _heatmap(profiles, framework, lang, name),
        f"<h2>{cells}</h2>", f"<p>{success_help}</p>", f"<p>{discrimination_help}</p>",
        table(columns, rows, {3, 4, 5, 6}),
        f"<h2>{nobody_title}</h2>", nobody_html,
    ]
    return page(lang, title, body, wide=True)
