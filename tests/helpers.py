"""Small builders for notebooks used as bad inputs in tests."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
EXERCISE_FR = ROOT / "exercises" / "02-tout-est-nombre" / "02-tout-est-nombre.ipynb"
EXERCISE_EN = ROOT / "exercises" / "02-everything-is-a-number" / "02-everything-is-a-number.ipynb"
APP = ROOT / "voila_apps" / "binaire-et-pixels.ipynb"


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def write(nb: nbformat.NotebookNode, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def graded_cells(nb: nbformat.NotebookNode) -> list[tuple[int, nbformat.NotebookNode]]:
    """(1-based number, cell) of every graded cell."""
    return [(n, c) for n, c in enumerate(nb.cells, 1)
            if c.get("metadata", {}).get("nbgrader", {}).get("grade")]


def changed(path: Path, edit) -> nbformat.NotebookNode:
    """A copy of the notebook at `path` after `edit(nb)`; the file itself is untouched."""
    nb = copy.deepcopy(read(path))
    edit(nb)
    return nb
