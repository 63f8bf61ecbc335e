"""What reports are built from: plain records read out of nbgrader's gradebook.

Reports never touch the gradebook themselves, so they can be built from a real course or from
generated records (tests, benchmarks) alike, and their speed does not depend on the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..metadata import Evidence


@dataclass(frozen=True)
class CellResult:
    """One graded cell of one learner's submission."""

    learner: str
    assignment: str
    grade_id: str
    score: float | None  # None while a manual grade is still to be entered in formgrader
    max_score: float


@dataclass(frozen=True)
class AssignmentInfo:
    """An assignment as its source notebook describes it (evidence is read from the source)."""

    id: str
    lang: str
    title: str
    evidence: dict[str, Evidence] = field(default_factory=dict)


@dataclass(frozen=True)
class ModuleInfo:
    """A teaching module a report can recommend, from the module notebook's metadata."""

    id: str
    lang: str
    title: str
    path: str  # relative to the kit, e.g. modules/fr/02-tout-est-nombre.ipynb
    competences: tuple[str, ...]
    level: int
    minutes: int = 0  # teaching plus exercises, as the metadata states
