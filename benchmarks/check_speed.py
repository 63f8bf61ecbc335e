"""How long `tremplin check` takes on the kit, one notebook at a time versus in parallel.

Measured side by side in one run, so the ratio holds on whatever machine runs it:
    .venv/bin/python benchmarks/check_speed.py [--repeat N]
Each notebook starts its own kernel (and exercises run nbgrader's validator twice), which is why
`tremplin check` runs notebooks in separate processes: this prints what that buys.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from tremplin.check import run_checks
from tremplin.paths import content_notebooks, kit_root


def timed(jobs: int, repeat: int) -> list[float]:
    root = kit_root()
    paths = content_notebooks(root)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        problems = run_checks(paths, root, jobs=jobs)
        times.append(time.perf_counter() - start)
        if problems:
            raise SystemExit("the kit has problems; run `tremplin check` first:\n"
                             + "\n".join(map(str, problems)))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    notebooks = len(content_notebooks(kit_root()))
    rows = [("metadata only (--no-execute)", None), ("1 process", 1), (f"{cores} processes", cores)]
    results = {}
    for label, jobs in rows:
        if jobs is None:
            start = time.perf_counter()
            run_checks(content_notebooks(kit_root()), kit_root(), execute=False)
            results[label] = [time.perf_counter() - start]
        else:
            results[label] = timed(jobs, args.repeat)
    base = statistics.median(results["1 process"])
    print(f"tremplin check on {notebooks} notebooks, {cores} cores, median of {args.repeat} runs")
    for label, times in results.items():
        median = statistics.median(times)
        print(f"  {label:<30} {median:7.2f} s   ×{base / median:5.2f} vs 1 process")


if __name__ == "__main__":
    main()
