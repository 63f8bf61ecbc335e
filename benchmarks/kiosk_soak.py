"""A day at the kiosk: 200 visits one after another to `tremplin apps --kiosk`, each asking for
"Binaire et pixels", pressing a switch and waiting for the answer (Voilà's own protocol, as in
tests/test_kiosk_load.py, whose helpers this uses). Every 25 visits it prints the running
kernels and the server's memory; at the end it waits for left pages' kernels to be culled and
checks that the kernels are back to the pool size and the server's memory within the bound the
tests state.

    .venv/bin/python benchmarks/kiosk_soak.py [--visits 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from test_kiosk_load import (  # noqa: E402
    APP,
    MEMORY_BOUND_MIB,
    kernels,
    pool_size,
    server_memory,
    start_kiosk,
    together,
    wait_until_warm,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between visitors")
    args = parser.parse_args()
    base, server = start_kiosk("--warm", f"{APP}=2", "--cull", "5")
    with server as proc:
        wait_until_warm(proc.pid, pool_size(2))
        together(base, 1)
        wait_until_warm(proc.pid, pool_size(2))
        before = server_memory(proc.pid)
        print(f"pool {pool_size(2)} kernels, server {before} MiB before the first visit")
        print("visits  kernels  server MiB  median s  slowest s")
        times: list[float] = []
        for number in range(1, args.visits + 1):
            times += together(base, 1)
            time.sleep(args.pause)
            if number % 25 == 0:
                print(f"{number:>6}  {kernels(proc.pid):>7}  {server_memory(proc.pid):>10}  "
                      f"{statistics.median(times[-25:]):>8.2f}  {max(times[-25:]):>9.2f}")
        wait_until_warm(proc.pid, pool_size(2))
        after = server_memory(proc.pid)
    print(f"after the culling: {pool_size(2)} kernels (the pool), server {after} MiB "
          f"(+{after - before} MiB; bound {MEMORY_BOUND_MIB} MiB): "
          f"{'within' if after - before <= MEMORY_BOUND_MIB else 'OVER'} the bound")


if __name__ == "__main__":
    main()
