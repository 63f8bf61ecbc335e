"""The kiosk under a workshop's load, for real (`tremplin apps --kiosk`, Voilà, its kernels): ten
visitors opening the same app at once all get a working app from kernels started ahead, and a
run of visits one after another leaves the pool as it was and the server's memory within a bound.
Visitors speak Voilà's protocol (tests/voila_visitor.py), so the server is what is measured, not
ten browsers sharing its two cores. Times are printed, never asserted: the benchmarks
(benchmarks/apps_speed.py, benchmarks/kiosk_soak.py) are where speed is judged."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import free_port, running, tremplin_argv
from helpers import ROOT
from voila_visitor import APP, visit

from tremplin.apps.launcher import app_entries

BURST = 10
SOAK = 20  # visits in CI (its 30 minutes); benchmarks/kiosk_soak.py makes the 200 of a day
MEMORY_BOUND_MIB = 60  # what the server may keep after a day of visits (it starts at ≈150)


def descendants(pid: int) -> list[int]:
    """Every process started, directly or not, by `pid` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def kernels(server_pid: int) -> int:
    return sum(1 for p in descendants(server_pid) if "ipykernel_launcher" in cmdline(p))


def wait_for_kernels(server_pid: int, count: int, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while kernels(server_pid) != count:
        assert time.monotonic() < deadline, f"{kernels(server_pid)} kernels, expected {count}"
        time.sleep(0.5)


def cpu_seconds(server_pid: int) -> float:
    """CPU time used so far by the server and its kernels (user + system, from /proc)."""
    ticks = 0
    for pid in [server_pid, *descendants(server_pid)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_until_warm(server_pid: int, count: int, timeout: float = 300) -> None:
    """Until the pools hold `count` kernels that have built their apps: started, then quiet
    (a kernel started ahead runs its app and waits for its visitor; the server, which drives
    that run, then rests too)."""
    wait_for_kernels(server_pid, count, timeout)
    deadline = time.monotonic() + timeout
    used = cpu_seconds(server_pid)
    while True:
        time.sleep(2)
        now = cpu_seconds(server_pid)
        if now - used < 0.3:
            return
        assert time.monotonic() < deadline, "the kernels started ahead never settled"
        used = now


def start_kiosk(*extra: str):
    port = free_port()
    argv = tremplin_argv("apps", "--kiosk", "--no-browser", f"--port={port}", "--pool", "1",
                         *extra)
    base = f"http://127.0.0.1:{port}"
    return base, running(argv, f"{base}/voila/static/voila.js")


def server_memory(server_pid: int) -> int:
    """Resident memory of the Voilà server process itself (kernels apart), in MiB."""
    for pid in [server_pid, *descendants(server_pid)]:
        if " -m voila " in cmdline(pid):
            status = Path(f"/proc/{pid}/status").read_text()
            return int(status.split("VmRSS:")[1].split()[0]) // 1024
    raise AssertionError("no Voilà server among the processes")


def pool_size(warm: int = 1) -> int:
    """Kernels the kiosk keeps ready: one per public app, `warm` for the app under test."""
    return sum(warm if e.file == APP else 1 for e in app_entries(ROOT / "voila_apps") if e.kiosk)


async def _together(base: str, count: int) -> list[float]:
    return list(await asyncio.gather(*(visit(base) for _ in range(count))))


def together(base: str, count: int) -> list[float]:
    """`count` visitors at the same moment; seconds each waited. In a thread of its own: the
    browser tests' Playwright keeps an event loop marked running in this one."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _together(base, count)).result()


def test_ten_visitors_at_once_each_get_a_working_app_from_the_pool():
    base, server = start_kiosk("--warm", f"{APP}={BURST}")
    with server as proc:
        wait_until_warm(proc.pid, pool_size(BURST))
        times = together(base, BURST)
        # Each visitor holds a kernel of their own, and the pool fills up again behind them.
        wait_for_kernels(proc.pid, pool_size(BURST) + BURST)
    print(f"\nburst of {BURST} visitors, seconds from asking for the page to the app's answer:",
          " ".join(f"{t:.2f}" for t in sorted(times)))
    assert len(times) == BURST


def test_a_day_of_visitors_leaves_the_pool_as_it_was_and_the_server_within_its_memory():
    base, server = start_kiosk("--warm", f"{APP}=2", "--cull", "5")
    with server as proc:
        wait_until_warm(proc.pid, pool_size(2))
        together(base, 1)  # the server's first visit loads what every visit uses
        wait_until_warm(proc.pid, pool_size(2))
        before = server_memory(proc.pid)
        times = []
        for _ in range(SOAK):
            times += together(base, 1)
            time.sleep(0.5)  # the next visitor sits down
        # Left pages' kernels are culled: back to the pool, no more.
        wait_for_kernels(proc.pid, pool_size(2))
        grown = server_memory(proc.pid) - before
    print(f"\n{SOAK} visits one after another: median {statistics.median(times):.2f} s, "
          f"slowest {max(times):.2f} s; server memory grew by {grown} MiB")
    assert len(times) == SOAK
    assert grown <= MEMORY_BOUND_MIB
