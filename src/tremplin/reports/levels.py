"""The level rule: from a learner's graded cells to a level 1–8 per competence.

In the words of a trainer:

* Each graded question of an exercise is tagged, in the exercise's source notebook, with the
  competences it shows and a level from 1 to 8. A question tagged with a DigComp competence
  also counts for the matching CRCN competences (and the other way round), through the
  crosswalk shipped with the kit.
* For one learner and one competence, we take every question of that competence the learner
  has handed in. A question still waiting for a grade by hand does not count, neither for nor
  against the learner: it is only shown as "pending".
* A level is reached when the learner has earned at least the mastery threshold (70 % by
  default, setting ``mastery_threshold``) of the points of the questions at that level and
  below, and the same holds for every lower level among the questions. So a failed easy
  question cannot be made up by a lucky hard one: level 3 needs level 2 to hold as well.
* The competence's level is the highest level reached this way; if even the lowest level
  among the questions is not reached, the competence has no level yet.

Everything here is a pure function of plain records, so the rule can be tested on hand-made
cases and explained from the data it returns (points, pending questions, questions used).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from ..frameworks import frameworks, in_framework
from .data import AssignmentInfo, CellResult

EPSILON = 1e-9  # points are floats: 0.7 × 10 must count as reached with 7 points


@dataclass(frozen=True)
class CompetenceLevel:
    """A learner's level in one competence, with what it was computed from."""

    competence: str  # qualified id in the report framework, e.g. "digcomp:3.4"
    level: int | None  # None: not reached yet
    points: float  # earned, in the cells graded so far
    max_points: float  # possible, in the cells graded so far
    pending: int  # cells waiting for a manual grade, left out of both sums
    grade_ids: tuple[tuple[str, str], ...]  # (assignment, grade id) of every cell used


def level_reached(cells: Iterable[tuple[int, float, float]], threshold: float) -> int | None:
    """The highest level k such that, for k and every lower level j present among the cells,
    the points earned in cells of level ≤ j are at least `threshold` × the points possible there.

    `cells` are (level, earned, possible) of graded cells only (pending ones are left out first).
    """
    earned: dict[int, float] = defaultdict(float)
    possible: dict[int, float] = defaultdict(float)
    for level, got, out_of in cells:
        if out_of > 0:
            earned[level] += got
            possible[level] += out_of
    reached = None
    total_earned = total_possible = 0.0
    for level in sorted(possible):
        total_earned += earned[level]
        total_possible += possible[level]
        if total_earned + EPSILON < threshold * total_possible:
            break
        reached = level
    return reached


@cache
def _in_framework(qualified_id: str, framework_id: str) -> tuple[str, ...]:
    return in_framework(qualified_id, framework_id)


def competences_in(qualified_ids: Iterable[str], framework_id: str) -> tuple[str, ...]:
    """What tagged competences stand for in the report framework (crosswalk applied, no repeats)."""
    found: dict[str, None] = {}
    for qid in qualified_ids:
        found.update(dict.fromkeys(_in_framework(qid, framework_id)))
    return tuple(found)


def framework_order(framework_id: str) -> dict[str, int]:
    """Position of every qualified competence id in the framework, to sort reports the same way."""
    fw = frameworks()[framework_id]
    return {f"{fw.id}:{cid}": i for i, cid in enumerate(fw.competences)}


def competence_levels(
    results: Iterable[CellResult],
    assignments: Mapping[str, AssignmentInfo],
    framework: str = "digcomp",
    threshold: float = 0.7,
) -> dict[str, dict[str, CompetenceLevel]]:
    """Levels of every learner in every competence of `framework` they have evidence for.

    Returns {learner: {qualified competence id: CompetenceLevel}}, learners sorted by id and
    competences in the framework's order. Cells of unknown assignments or without competence
    tags (level < 1) carry no evidence and are skipped.
    """
    if framework not in frameworks():
        raise KeyError(framework)
    # learner -> competence -> list of (level, score, max, assignment, grade_id)
    cells: dict[str, dict[str, list[tuple[int, float | None, float, str, str]]]] = {}
    for r in results:
        info = assignments.get(r.assignment)
        evidence = info.evidence.get(r.grade_id) if info else None
        if evidence is None or evidence.level < 1:
            continue
        mine = cells.setdefault(r.learner, {})
        for qid in competences_in(evidence.competences, framework):
            mine.setdefault(qid, []).append(
                (evidence.level, r.score, r.max_score, r.assignment, r.grade_id))
    order = framework_order(framework)
    return {
        learner: {qid: _one_competence(qid, found[qid], threshold)
                  for qid in sorted(found, key=order.__getitem__)}
        for learner, found in sorted(cells.items())
    }


def _one_competence(qid: str, cells: list[tuple[int, float | None, float, str, str]],
                    threshold: float) -> CompetenceLevel:
    graded = [(level, score, out_of) for level, score, out_of, _, _ in cells if score is not None]
    return CompetenceLevel(
        competence=qid,
        level=level_reached(graded, threshold),
        points=sum(score for _, score, _ in graded),
        max_points=sum(out_of for _, _, out_of in graded),
        pending=sum(1 for c in cells if c[1] is None),
        grade_ids=tuple(sorted({(a, g) for *_, a, g in cells})),
    )


def format_points(value: float, lang: str | None = None) -> str:
    """Points as people write them: 3, 2.5 (2,5 in French), never 3.0 nor 2.4999999.

    Without a language (files for spreadsheets and programs), the decimal point is a dot.
    """
    text = f"{round(value, 2):g}"
    return text.replace(".", ",") if lang == "fr" else text
