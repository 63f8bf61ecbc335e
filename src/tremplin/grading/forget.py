"""`tremplin forget LEARNER`: erase a learner from a course, everywhere the kit keeps them.

The right to erasure (GDPR art. 17) must be one command a librarian can run and trust: it
removes the learner's submissions, autograded copies and feedback (nbgrader's folders), their
grades (nbgrader's gradebook, through its own `remove_student`), the kit's grading statuses and
log lines, their files in the nbgrader exchange, and their reports; the group reports that
listed them are then rebuilt without them. It says what it removed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nbgrader.api import Gradebook, MissingEntry

from .course import Course, open_course
from .grade import STATE_FILE, read_state, write_state

REPORTS_FILE = "reports.json"


def report_dirs(course: Course) -> dict[Path, dict[str, Any]]:
    """Folders where `tremplin report` wrote this course's reports, with the options used
    (remembered so that forget can find and rebuild them)."""
    path = course.state / REPORTS_FILE
    try:
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        known = {}
    return {Path(folder): options for folder, options in known.items()} \
        if isinstance(known, dict) else {}


def remember_report_dir(course: Course, out: Path, options: dict[str, Any]) -> None:
    known = {str(folder): opts for folder, opts in report_dirs(course).items()}
    known[str(out.resolve())] = options
    tmp = course.state / (REPORTS_FILE + ".partial")
    tmp.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, course.state / REPORTS_FILE)


def _remove(path: Path, removed: list[Path]) -> None:
    if path.is_dir():
        shutil.rmtree(path)
        removed.append(path)
    elif path.exists():
        path.unlink()
        removed.append(path)


def _exchange_inbound(course: Course) -> Path | None:
    root = course.config.get("Exchange", {}).get("root", "/srv/nbgrader/exchange")
    inbound = Path(root) / course.course_id / "inbound"
    return inbound if inbound.is_dir() else None


Rebuild = Callable[[Course, Path, dict[str, Any]], object]


def forget(*, learner: str, course: Path | None = None,
           rebuild: Rebuild | None = None) -> list[Path | str]:
    """Remove everything of `learner`; return what was removed (paths, and gradebook/state)."""
    the_course = open_course(course)
    removed: list[Path] = []
    for kind in ("submitted", "autograded", "feedback"):
        _remove(the_course.folder(kind, learner), removed)
    _remove(the_course.state / "staging" / learner, removed)
    inbound = _exchange_inbound(the_course)
    for path in sorted(inbound.glob(f"{learner}+*")) if inbound else []:
        _remove(path, removed)
    for out in report_dirs(the_course):
        _remove(out / "learners" / f"{learner}.html", removed)
        _remove(out / "learners" / f"{learner}.pdf", removed)
        _remove(out / "badges" / learner, removed)
    found: list[Path | str] = list(removed)
    with Gradebook(the_course.db_url, the_course.course_id) as gb:
        try:
            gb.remove_student(learner)
            found.append(f"gradebook:{learner}")
        except MissingEntry:
            pass
    state = read_state(the_course)
    mine = [key for key in state if key.split("/")[0] == learner]
    if mine:
        write_state(the_course, {k: v for k, v in state.items() if k not in mine})
        found.append(the_course.state / STATE_FILE)
    log = the_course.state / "grade.log"
    if log.exists():
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        mention = re.compile(rf"(?<![\w-]){re.escape(learner)}(?![\w-])")
        kept = [line for line in lines if not mention.search(line)]
        if len(kept) != len(lines):
            log.write_text("".join(kept), encoding="utf-8")
            found.append(log)
    if rebuild and found:
        for out, options in report_dirs(the_course).items():
            if out.is_dir():
                rebuild(the_course, out, options)
    return found
