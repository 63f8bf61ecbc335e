"""The kit's curriculum as data: its modules (read from their notebooks' metadata) and the
competences its exercises give evidence for.

Reports recommend modules from here, pathways add up their minutes from here, and the coverage
table tells authors which competences of a framework no graded cell assesses yet. Only metadata
is read, as JSON, without validating cells: `tremplin check` is what validates notebooks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .frameworks import frameworks
from .i18n import LANGUAGES
from .metadata import KEY
from .paths import content_notebooks
from .reports.data import ModuleInfo
from .reports.levels import competences_in


def _kit_notebooks(root: Path) -> Iterator[tuple[Path, dict[str, Any], dict[str, Any]]]:
    """(path, kit metadata, whole notebook) of every readable notebook; unreadable ones are
    skipped here because `tremplin check` names them."""
    for path in content_notebooks(root):
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
            meta = nb["metadata"].get(KEY) or {}
        except (OSError, ValueError, KeyError, AttributeError):
            continue
        if isinstance(meta, dict) and meta.get("lang") in LANGUAGES:
            yield path, meta, nb


def minutes(meta: dict[str, Any]) -> int:
    """Workshop time of a module: teaching plus exercises, as its metadata states them."""
    duration = meta.get("duration") or {}
    try:
        return int(duration.get("teaching", 0)) + int(duration.get("exercises", 0))
    except (TypeError, ValueError, AttributeError):
        return 0


def modules_of_kit(root: Path) -> list[ModuleInfo]:
    """Every teaching module of the kit, one entry per language, in path order."""
    return [ModuleInfo(
        id=str(meta.get("id")), lang=meta["lang"], title=str(meta.get("title")),
        path=path.relative_to(root).as_posix(),
        competences=tuple(meta.get("competences") or ()), level=int(meta.get("level") or 1),
        minutes=minutes(meta))
        for path, meta, _ in _kit_notebooks(root) if meta.get("kind") == "module"]


def exercise_evidence(root: Path) -> dict[str, set[str]]:
    """Qualified competence ids assessed by the graded cells of each exercise, by exercise id.

    Both languages of an exercise share their grade ids and tags, so their evidence is merged.
    """
    found: dict[str, set[str]] = {}
    for _, meta, nb in _kit_notebooks(root):
        if meta.get("kind") != "exercise":
            continue
        tags = found.setdefault(str(meta.get("id")), set())
        for cell in nb.get("cells", []):
            grader = cell.get("metadata", {}).get("nbgrader", {})
            if grader.get("grade") or grader.get("task"):
                tags.update(cell["metadata"].get(KEY, {}).get("competences", ()))
    return found


def coverage(root: Path, framework_id: str) -> dict[str, list[str]]:
    """For every competence of the framework (qualified id, in the framework's order), the
    exercises assessing it.

    A tag of the other framework counts through the shipped crosswalk, exactly as reports count
    it, so an empty list means a learner's report could never show that competence.
    """
    table: dict[str, list[str]] = {
        f"{framework_id}:{cid}": [] for cid in frameworks()[framework_id].competences}
    for exercise, tags in sorted(exercise_evidence(root).items()):
        for cid in competences_in(tags, framework_id):
            if exercise not in table[cid]:
                table[cid].append(exercise)
    return table


def modules_table(root: Path, lang: str) -> str:
    """The curriculum as the README and the guide show it: one Markdown row per module, in the
    kit's order, with its minutes and competences (a test keeps those documents in step)."""
    header = {"fr": "| Module | Durée | Compétences |\n|---|---|---|",
              "en": "| Module | Length | Competences |\n|---|---|---|"}[lang]
    rows = [f"| [{m.title}]({m.path}) | {m.minutes} min | {_by_framework(m.competences)} |"
            for m in modules_of_kit(root) if m.lang == lang]
    return "\n".join([header, *rows])


def _by_framework(qualified_ids: tuple[str, ...]) -> str:
    """("digcomp:1.3", "digcomp:3.4", "crcn:1.3") → "DigComp 1.3, 3.4 · CRCN 1.3"."""
    groups: dict[str, list[str]] = {}
    for qid in qualified_ids:
        framework, _, competence = qid.partition(":")
        groups.setdefault(framework, []).append(competence)
    names = {"digcomp": "DigComp", "crcn": "CRCN"}
    return " · ".join(f"{names.get(f, f)} {', '.join(ids)}" for f, ids in groups.items())
