"""Find what a learner changed in the cells they were not meant to change.

nbgrader restores altered test cells before grading, so tampering earns nothing; but it only
logs a checksum warning, which also appears for every honest submission when hidden tests
exist, so it cannot tell anyone. Comparing the submission with the *released* notebook can:
each protected cell (test cells, read-only cells) and each answer cell is looked up by its
grade id, and what differs is recorded per cell for the trainer.
"""

from __future__ import annotations

from dataclasses import dataclass

from nbformat import NotebookNode

# nbgrader metadata that defines what a cell is worth and how it is graded.
DEFINING_KEYS = ("grade", "solution", "locked", "points", "task")


@dataclass(frozen=True)
class Finding:
    grade_id: str
    problem: str  # "deleted" or "altered"


def _by_grade_id(nb: NotebookNode) -> dict[str, NotebookNode]:
    cells = {}
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id and grade_id not in cells:
            cells[grade_id] = cell
    return cells


def _protected(cell: NotebookNode) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return bool(meta.get("locked")) or (bool(meta.get("grade")) and not meta.get("solution"))


def _defining(cell: NotebookNode) -> dict[str, object]:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return {key: meta.get(key) for key in DEFINING_KEYS if meta.get(key) is not None}


def _changed(original: NotebookNode, cell: NotebookNode) -> bool:
    if cell.get("cell_type") != original.cell_type or _defining(cell) != _defining(original):
        return True
    return _protected(original) and cell.get("source", "").strip() != original.source.strip()


def compare_with_release(released: NotebookNode, submitted: NotebookNode) -> list[Finding]:
    """Protected or graded cells of `released` that are missing or changed in `submitted`."""
    mine = _by_grade_id(submitted)
    findings = []
    for grade_id, original in _by_grade_id(released).items():
        graded = original.metadata.get("nbgrader", {}).get("grade")
        if not (graded or _protected(original)):
            continue
        cell = mine.get(grade_id)
        if cell is None:
            findings.append(Finding(grade_id, "deleted"))
        elif _changed(original, cell):
            findings.append(Finding(grade_id, "altered"))
    return findings
