"""`tremplin grade`: autograde every new submission of a course, learners in parallel.

Work is split by learner (never two jobs on one learner: nbgrader's output folders would
clash) over a pool of processes, each driving nbgrader in-process, which saves nbgrader's
start-up per learner and uses every core while kernels start. SQLite's busy timeout, set in the
course's database URL, lets the workers take turns writing the gradebook.
What each submission gave is kept in `.tremplin/grades.json`, so re-running grades only what
changed, and the summary can say why a submission scored what it did.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from nbgrader.api import Gradebook

from ..i18n import t
from .autograde import Outcome, grade_learner
from .course import Course, CourseError, open_course
from .sandbox import SandboxUnavailable, bwrap_argv

STATE_FILE = "grades.json"


def read_state(course: Course) -> dict[str, dict[str, Any]]:
    """The outcomes of earlier runs; a damaged file is set aside (never overwritten) and ignored."""
    path = course.state / STATE_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    except ValueError:
        pass
    os.replace(path, path.with_suffix(".damaged.json"))
    return {}


def write_state(course: Course, state: dict[str, dict[str, Any]]) -> None:
    path = course.state / STATE_FILE
    tmp = path.with_suffix(".partial")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False), "utf-8")
    os.replace(tmp, path)


def check_sandbox() -> None:
    """Refuse to grade unconfined: bubblewrap must be there and able to make namespaces."""
    argv = bwrap_argv(["/bin/true"], workdir="/tmp", private="/tmp", memory_mb=64)
    probe = subprocess.run(argv, capture_output=True, text=True)
    if probe.returncode != 0:
        raise SandboxUnavailable(t("grade.sandbox_failed", error=probe.stderr.strip()))


def submissions(course: Course, assignments: list[str] | None) -> dict[str, list[str]]:
    """Assignments submitted, by learner, as found in `submitted/<learner>/<assignment>/`."""
    found: dict[str, list[str]] = defaultdict(list)
    root = course.folder("submitted")
    with Gradebook(course.db_url, course.course_id) as gb:
        known = {a.name for a in gb.assignments}
    for wanted in assignments or []:
        if wanted not in known:
            raise CourseError(t("grade.not_generated", assignment=wanted))
    for folder in sorted(p for p in root.glob("*/*") if p.is_dir()) if root.is_dir() else []:
        learner, assignment = folder.parent.name, folder.name
        if assignment in known and (not assignments or assignment in assignments):
            found[learner].append(assignment)
    return dict(found)


def _worker_start(log: str) -> None:
    # nbgrader and the kernels write their logs to this process's stdout and stderr; keep
    # them in a file so the trainer's terminal shows the progress bar and the summary only.
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)


def _run_pool(course: Course, work: dict[str, list[str]], jobs: int, force: bool,
              state: dict[str, dict[str, Any]], done: Callable[[list[Outcome]], None]) -> None:
    pending = dict(work)
    for _attempt in range(2):  # a worker that dies takes the pool down: retry once, then report
        log = str(course.state / "grade.log")
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start,
                                 initargs=(log,)) as pool:
            futures = {pool.submit(grade_learner, str(course.root), learner, assignments,
                                   force, state): learner
                       for learner, assignments in pending.items()}
            try:
                for future in as_completed(futures):
                    done(future.result())
                    pending.pop(futures[future])
                return
            except BrokenProcessPool:
                continue
    done([Outcome(learner, a, "failed", detail="worker crashed")
          for learner, assignments in pending.items() for a in assignments])


def grade(*, course: Path | None = None, assignments: list[str] | None = None,
          jobs: int | None = None, force: bool = False,
          progress: Callable[[int, int], None] | None = None) -> list[Outcome]:
    """Autograde the course's submissions not graded yet (all of them with `force`)."""
    the_course = open_course(course)
    check_sandbox()
    work = submissions(the_course, assignments)
    total = sum(len(a) for a in work.values())
    state = read_state(the_course)
    outcomes: list[Outcome] = []

    def done(batch: list[Outcome]) -> None:
        for outcome in batch:
            key = f"{outcome.learner}/{outcome.assignment}"
            if outcome.status != "already":
                state[key] = outcome.as_dict()
            outcomes.append(outcome)
        write_state(the_course, state)
        if progress:
            progress(len(outcomes), total)

    if progress:
        progress(0, total)
    if work:
        _run_pool(the_course, work, max(1, jobs or os.cpu_count() or 1), force, state, done)
    return sorted(outcomes, key=lambda o: (o.learner, o.assignment))

