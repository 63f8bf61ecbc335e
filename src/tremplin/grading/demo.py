"""A demo course with simulated learners, to try grading, feedback and reports in minutes.

Submissions are made the way learners make them: from the *released* notebook, with answers
typed into the answer cells. The right answers come from the source notebook's solutions; a
learner profile decides which answers get typed (all, some, none), so the demo, the tests and
the benchmarks see realistic right, partly right and wrong work.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from pathlib import Path

import nbformat
from nbgrader.apps import NbGraderAPI

from ..i18n import t
from ..metadata import KEY, notebook_meta
from .course import Course, init_course, open_course

PROFILES = ("right", "partial", "wrong")
FIRST_NAMES = ("camille", "dominique", "sacha", "alex", "yanis", "lina", "noa", "jo", "maxime",
               "charlie")
TIMESTAMP = "2026-11-20 14:30:00.000000 UTC"
_DELIMITER = re.compile(r"^\s*(###|#)?\s*(BEGIN|END) SOLUTION\s*$", re.MULTILINE)


def learner_ids(count: int) -> list[str]:
    """Readable learner ids: camille, dominique, … then camille-2, dominique-2, …"""
    return [FIRST_NAMES[i % len(FIRST_NAMES)] + (f"-{i // len(FIRST_NAMES) + 1}"
                                                 if i >= len(FIRST_NAMES) else "")
            for i in range(count)]


def _answer_cell(cell: nbformat.NotebookNode) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("solution")
                or cell.metadata.get(KEY, {}).get("question"))


def right_answer(cell: nbformat.NotebookNode) -> str:
    """A source answer cell as a learner would type it: the solution, without delimiters."""
    return "\n".join(line for line in cell.source.splitlines() if not _DELIMITER.match(line))


def submission(source: Path, released: Path, profile: str) -> nbformat.NotebookNode:
    """A learner's notebook: the released one with the answers this profile gives."""
    src = nbformat.read(source, as_version=4)
    nb = nbformat.read(released, as_version=4)
    answers = [(s, r) for s, r in zip(src.cells, nb.cells, strict=True) if _answer_cell(s)]
    for n, (src_cell, cell) in enumerate(answers):
        if profile == "right" or (profile == "partial" and n % 2 == 0):
            cell.source = right_answer(src_cell)
    return nb


def topics(course: Course) -> dict[str, dict[str, str]]:
    """Source assignments grouped by topic (the notebooks' shared id): {topic: {lang: name}}."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted(course.folder("source").glob("*/*.ipynb")):
        meta = notebook_meta(path)
        found[meta.get("id", path.parent.name)][meta.get("lang", "fr")] = path.parent.name
    return dict(found)


def build_demo(folder: Path, *, learners: int = 6, course_id: str = "demo",
               english_every: int = 4, exercises: Collection[str] = ()) -> Course:
    """Make (or complete) a course in `folder` with the exercises (ids shared by both languages;
    default: all) generated and submitted by `learners` simulated learners: one in
    `english_every` works in English (0: nobody), profiles take turns."""
    course = open_course(folder) if (folder / "nbgrader_config.py").exists() else \
        init_course(folder, course_id=course_id)
    api = NbGraderAPI(config=course.config)
    by_topic = topics(course)
    unknown = sorted(set(exercises) - set(by_topic))
    if unknown:
        raise ValueError(t("course.unknown_exercise", value=", ".join(unknown),
                           known=", ".join(sorted(by_topic))))
    by_topic = {k: v for k, v in by_topic.items() if not exercises or k in exercises}
    for topic in by_topic.values():
        for assignment in topic.values():
            result = api.generate_assignment(assignment, force=True)
            if not result.get("success"):
                raise RuntimeError(result.get("error") or result.get("log"))
    for i, learner in enumerate(learner_ids(learners)):
        profile = PROFILES[i % len(PROFILES)]
        for topic in by_topic.values():
            english = english_every and i % english_every == english_every - 1
            assignment = topic.get("en" if english else "fr") or next(iter(topic.values()))
            out = course.folder("submitted", learner, assignment)
            out.mkdir(parents=True, exist_ok=True)
            (out / "timestamp.txt").write_text(TIMESTAMP, encoding="utf-8")
            for source in sorted(course.folder("source", ".", assignment).glob("*.ipynb")):
                released = course.folder("release", ".", assignment) / source.name
                nbformat.write(submission(source, released, profile), out / source.name)
    return course
