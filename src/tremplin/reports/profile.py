"""A learner's profile: levels, language, points still to be graded, and modules to take next.

The profile is what both the learner's page and PDF are made from, so the two always agree.
The language is the one the learner worked in (the language of most of the exercises they
handed in), because the page is given to them, not to the trainer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..i18n import LANGUAGES, normalise_lang
from .data import AssignmentInfo, CellResult, ModuleInfo
from .levels import CompetenceLevel, competence_levels, competences_in

MAX_RECOMMENDED = 3


@dataclass(frozen=True)
class LearnerProfile:
    learner: str
    lang: str
    framework: str
    levels: dict[str, CompetenceLevel]  # every competence with evidence, in framework order
    pending_cells: int  # cells waiting for a manual grade
    pending_points: float  # the points those cells are worth
    recommended: tuple[ModuleInfo, ...]


def learner_lang(submitted: Iterable[str], assignments: Mapping[str, AssignmentInfo],
                 default: str) -> str:
    """The language of most of the assignments handed in; `default` on a tie or with none."""
    counts = Counter(assignments[a].lang for a in set(submitted)
                     if a in assignments and assignments[a].lang in LANGUAGES)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return normalise_lang(default)
    return ranked[0][0]


def recommend(levels: Mapping[str, CompetenceLevel], modules: Sequence[ModuleInfo], lang: str,
              framework: str, limit: int = MAX_RECOMMENDED) -> tuple[ModuleInfo, ...]:
    """Modules in the learner's language that teach what they have not reached yet.

    First the modules for competences the learner was assessed in but did not reach at the
    module's level (what to work on again), then those for competences not assessed yet (what
    is new); each group keeps the order of `modules`, so the advice is stable.
    """
    again: list[ModuleInfo] = []
    new: list[ModuleInfo] = []
    for module in modules:
        if module.lang != lang:
            continue
        covered = competences_in(module.competences, framework)
        if any(q in levels and (levels[q].level or 0) < module.level for q in covered):
            again.append(module)
        elif any(q not in levels for q in covered):
            new.append(module)
    return tuple((again + new)[:limit])


def learner_profiles(
    results: Iterable[CellResult],
    assignments: Mapping[str, AssignmentInfo],
    modules: Sequence[ModuleInfo],
    *,
    framework: str = "digcomp",
    threshold: float = 0.7,
    default_lang: str = "fr",
) -> dict[str, LearnerProfile]:
    """The profile of every learner with at least one graded cell, sorted by learner id."""
    rows = [r for r in results if r.assignment in assignments]
    levels = competence_levels(rows, assignments, framework, threshold)
    submitted: dict[str, set[str]] = {}
    pending: dict[str, set[tuple[str, str, float]]] = {}
    for r in rows:
        submitted.setdefault(r.learner, set()).add(r.assignment)
        if r.score is None:
            pending.setdefault(r.learner, set()).add((r.assignment, r.grade_id, r.max_score))
    profiles = {}
    for learner in sorted(submitted):
        lang = learner_lang(submitted[learner], assignments, default_lang)
        mine = levels.get(learner, {})
        waiting = pending.get(learner, set())
        profiles[learner] = LearnerProfile(
            learner=learner, lang=lang, framework=framework, levels=mine,
            pending_cells=len(waiting), pending_points=sum(p for *_, p in waiting),
            recommended=recommend(mine, modules, lang, framework))
    return profiles
