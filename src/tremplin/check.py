"""`tremplin check`: everything an author must get right before content reaches a learner.

Metadata against the schema and the frameworks, French and English in step, every notebook runs,
and every exercise passes nbgrader's validation with its solution while each of its test cells
fails once the solutions and the answers to questions are removed (a test that passes on a blank
answer proves nothing).
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from .bilingual import check_pairs
from .i18n import t
from .metadata import Problem, check_notebook, notebook_meta
from .paths import relative_name

CELL_TIMEOUT = 120
# A kernel that dies before answering its first message (seen once in CI, with two workers
# starting kernels side by side on a busy machine) ran none of the notebook: start it again.
KERNEL_STARTS = 2
NEVER_STARTED = "Kernel died before replying to kernel_info"


def execute_notebook(path: Path, root: Path) -> list[Problem]:
    """Run a notebook top to bottom in a fresh kernel, as a learner pressing Run All would."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        number = next((n for n, c in enumerate(nb.cells, 1) if any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), "notebook")
        first_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        return [Problem(relative_name(path, root), str(number), t("exec.failed", error=first_line))]
    return []


def validate_exercise(path: Path, root: Path) -> list[Problem]:
    """nbgrader's own validator: solution passes; with solutions and question answers cleared
    (as in the released notebook), every test fails."""
    from nbgrader.preprocessors import ClearSolutions
    from nbgrader.validator import Validator

    from .questions import ClearAnswers

    rel = relative_name(path, root)
    nb = nbformat.read(path, as_version=4)
    out: list[Problem] = []
    results = Validator(validate_all=True).validate(str(path))
    for failed in results.get("failed", []) + results.get("type_changed", []):
        out.append(Problem(rel, _cell_of(nb, failed["source"]), t(
            "exercise.solution_fails", source=failed["source"].splitlines()[0])))
    released, _ = ClearAnswers().preprocess(*ClearSolutions().preprocess(copy.deepcopy(nb), {}))
    with tempfile.TemporaryDirectory() as tmp:
        blank = Path(tmp) / path.name
        nbformat.write(released, blank)
        results = Validator(invert=True).validate(str(blank))
    for passed in results.get("passed", []):
        out.append(Problem(rel, _cell_of(nb, passed["source"]), t(
            "exercise.blank_passes", source=passed["source"].splitlines()[0])))
    return out


def _cell_of(nb: nbformat.NotebookNode, source: str) -> str:
    """The 1-based number of the cell nbgrader is talking about (it reports only its source)."""
    return next((str(n) for n, cell in enumerate(nb.cells, 1)
                 if cell.source.strip() == source.strip()), "notebook")


def check_one(path: Path, root: Path) -> list[Problem]:
    """Run one notebook the way its kind asks. In its own process: nbgrader's validator
    changes the working folder, which threads would share."""
    try:
        kind = notebook_meta(path).get("kind")
    except Exception:  # unreadable: already reported by check_notebook
        return []
    for attempt in range(1, KERNEL_STARTS + 1):
        try:
            if kind == "exercise":
                return validate_exercise(path, root)
            return execute_notebook(path, root)
        except RuntimeError as exc:
            if NEVER_STARTED in str(exc) and attempt < KERNEL_STARTS:
                continue  # the kernel died before running anything: not the notebook's fault
            return [Problem(relative_name(path, root), "notebook", t("exec.failed", error=exc))]
        except Exception as exc:  # a broken notebook is one problem, not the end of the check
            return [Problem(relative_name(path, root), "notebook", t("exec.failed", error=exc))]
    return []


def _quiet_kernels() -> None:
    """Worker set-up: kernels inherit the worker's stderr, where every one of them warns about
    TCP transport. Authors need the problems (returned as values), not that noise."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def run_checks(paths: list[Path], root: Path, *, execute: bool = True, jobs: int = 2,
               progress: Callable[[str], None] | None = None) -> list[Problem]:
    """All problems of the given notebooks; never stops at the first bad file."""
    problems: list[Problem] = []
    for path in paths:
        problems += check_notebook(path, root)
    problems += check_pairs(paths, root)
    if not execute:
        return problems

    with ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_quiet_kernels) as pool:
        futures = {path: pool.submit(check_one, path, root) for path in paths}
        for path, future in futures.items():
            if progress:
                progress(relative_name(path, root))
            problems += future.result()
    return problems
