"""How long `tremplin report` takes to write a course's reports, PDFs included.

    .venv/bin/python benchmarks/report_speed.py [--learners 300] [--jobs N] [--repeat 2]

Synthetic course: 12 assignments of ~10 graded cells each (levels 1–6, DigComp competences,
some cells graded by hand), and learners of mixed ability who get cells right, partly right or
wrong, a few manual grades still pending. The random seed is fixed, so every run builds the
same course. Target: under 10 s for 300 learners on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from tremplin.frameworks import frameworks
from tremplin.metadata import Evidence
from tremplin.paths import kit_root
from tremplin.reports.build import build_reports
from tremplin.reports.data import AssignmentInfo, CellResult
from tremplin.reports.profile import modules_of_kit

SEED = 20240611


def synthetic_course(learners: int, assignments: int = 12, seed: int = SEED):
    """(results, assignments) of a made-up course, the same for the same arguments."""
    rng = random.Random(seed)
    competences = [f"digcomp:{cid}" for cid in frameworks()["digcomp"].competences]
    infos = []
    for a in range(1, assignments + 1):
        lang = "fr" if a % 3 else "en"
        evidence = {}
        for c in range(rng.randint(8, 12)):
            grade_id = f"question_{c + 1}"
            tags = tuple(rng.sample(competences, rng.choice((1, 1, 2))))
            evidence[grade_id] = Evidence(grade_id, tags, rng.choice((1, 2, 2, 3, 3, 4, 5, 6)),
                                          float(rng.choice((1, 1, 2, 2, 3))))
        infos.append(AssignmentInfo(f"ex{a:02d}", lang, f"Exercice {a}", evidence))
    results = []
    for n in range(learners):
        learner = f"learner{n:03d}"
        ability = rng.betavariate(4, 2.5)  # most learners fairly good, a few struggling
        for info in infos:
            if rng.random() < 0.08:  # assignment not handed in
                continue
            for grade_id, ev in info.evidence.items():
                chance = max(0.05, ability - 0.08 * (ev.level - 2))
                roll = rng.random()
                if roll < 0.03:
                    score = None  # manual grade pending
                elif roll < chance:
                    score = ev.points
                elif roll < chance + 0.15 and ev.points > 1:
                    score = float(rng.randint(1, int(ev.points) - 1))
                else:
                    score = 0.0
                results.append(CellResult(learner, info.id, grade_id, score, ev.points))
    return results, {a.id: a for a in infos}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    results, assignments = synthetic_course(args.learners)
    modules = modules_of_kit(kit_root())
    cells = sum(len(a.evidence) for a in assignments.values())
    times = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="tremplin-report-") as tmp:
            start = time.perf_counter()
            summary = build_reports(results=results, assignments=assignments, modules=modules,
                                    out=Path(tmp), jobs=args.jobs)
            times.append(time.perf_counter() - start)
            size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file())
    best, median = min(times), statistics.median(times)
    print(f"{summary.learners} learners × {len(assignments)} assignments ({cells} graded cells, "
          f"{len(results)} results), {os.cpu_count()} cores, jobs={args.jobs or 'all'}")
    print(f"files: {len(summary.learner_files) + 2}, {size / 1e6:.1f} MB")
    print(f"total: median {median:.2f} s, best {best:.2f} s over {args.repeat} runs; "
          f"per learner: {1000 * median / summary.learners:.1f} ms")


if __name__ == "__main__":
    main()
