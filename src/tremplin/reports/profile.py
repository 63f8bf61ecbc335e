"""A learner's profile: levels, language, points still to be graded, and modules to take next.

The profile is what both the learner's page and PDF are made from, so the two always agree.
The language is the one the learner worked in (the language of most of the exercises they
handed in), because the page is given to them, not to the trainer.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..i18n import LANGUAGES, normalise_lang
from ..metadata import KEY
from ..paths import content_notebooks
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


def modules_of_kit(root: Path) -> list[ModuleInfo]:
    """Every teaching module of the kit, from its notebook's metadata, in path order.

    Only the metadata is read (as JSON, without validating the cells): reports must stay fast,
    and `tremplin check` is what validates notebooks.
    """
    found = []
    for path in content_notebooks(root):
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))["metadata"].get(KEY) or {}
        except (OSError, ValueError, KeyError, AttributeError):
            continue  # `tremplin check` names unreadable notebooks; a report just skips them
        if meta.get("kind") != "module" or meta.get("lang") not in LANGUAGES:
            continue
        found.append(ModuleInfo(
            id=str(meta.get("id")), lang=meta["lang"], title=str(meta.get("title")),
            path=path.relative_to(root).as_posix(),
            competences=tuple(meta.get("competences") or ()), level=int(meta.get("level") or 1)))
    return found
