"""`tremplin grade --jobs 2` against stock `nbgrader autograde`, side by side in one run.

30 learners hand in the French exercise of « Tout est nombre » (right, partly right and wrong
work in turns). Two identical copies of the course are made; nbgrader's own command grades
one, `tremplin grade` the other; both gradebooks must agree on every score. Both use the same
course configuration (sandboxed, budgeted kernels), so the difference is the way of working:
nbgrader grades one learner after another in one process, tremplin learners in parallel.

    .venv/bin/python benchmarks/grade_speed.py [--learners 30] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tremplin.grading.demo import build_demo

BIN = Path(sys.executable).parent
ASSIGNMENT = "02-tout-est-nombre"


def scores(course: Path) -> dict[str, float]:
    with sqlite3.connect(course / "gradebook.db") as db:
        rows = db.execute(
            "SELECT a.student_id, SUM(COALESCE(g.manual_score, g.auto_score, 0)) FROM grade g "
            "JOIN submitted_notebook n ON g.notebook_id = n.id JOIN submitted_assignment a "
            "ON n.assignment_id = a.id GROUP BY a.student_id").fetchall()
    return dict(rows)


def timed(argv: list[str], cwd: Path) -> float:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{argv[0]} failed:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tremplin-bench-"))
    stock, ours = work / "stock", work / "tremplin"
    build_demo(stock, learners=args.learners, english_every=0,
               exercises=("everything-is-a-number",))
    shutil.copytree(stock, ours)
    with sqlite3.connect(stock / "gradebook.db") as db:
        cells = db.execute("SELECT COUNT(*) FROM grade_cells g JOIN base_cell c ON g.id = c.id "
                           "JOIN notebook n ON c.notebook_id = n.id WHERE n.name = ?",
                           (ASSIGNMENT,)).fetchone()[0]
    print(f"{args.learners} learners × 1 assignment of {cells} graded cells, "
          f"{os.cpu_count()} cores")
    t_stock = timed([str(BIN / "nbgrader"), "autograde", ASSIGNMENT], stock)
    t_ours = timed([str(BIN / "tremplin"), "grade", "--jobs", str(args.jobs)], ours)
    same = scores(stock) == scores(ours) and len(scores(ours)) == args.learners
    n = args.learners
    for name, seconds in (("stock nbgrader autograde", t_stock),
                          (f"tremplin grade --jobs {args.jobs}", t_ours)):
        print(f"{name:24} : {seconds:6.1f} s  ({seconds / n:.2f} s per submission)")
    print(f"speed-up                 : ×{t_stock / t_ours:.2f}  (target ×1.7)")
    print(f"same scores in both gradebooks: {'yes' if same else 'NO'}")
    shutil.rmtree(work, ignore_errors=True)
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
