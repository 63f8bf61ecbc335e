"""The kiosk under a workshop's load, for real: ten visitors opening the same app at once all get
a working app from kernels started ahead. Times are printed, never asserted: the benchmark
(benchmarks/apps_speed.py) is where speed is judged."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, free_port, running, tremplin_argv
from helpers import ROOT

from tremplin.apps.launcher import app_entries

pytestmark = pytest.mark.browser

APP = "binaire-et-pixels.ipynb"
BURST = 10


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


def start_kiosk(*extra: str):
    port = free_port()
    argv = tremplin_argv("apps", "--kiosk", "--no-browser", f"--port={port}", "--pool", "1",
                         *extra)
    base = f"http://127.0.0.1:{port}"
    return base, running(argv, f"{base}/voila/static/voila.js")


async def visitor(browser, url: str) -> float:
    context = await browser.new_context(locale="fr-FR")
    page = await context.new_page()
    started = time.monotonic()
    await page.goto(url, timeout=120_000)
    await page.get_by_role("heading", name="Binaire et pixels").wait_for(timeout=120_000)
    await page.locator(".widget-toggle-button").nth(7).click()
    await page.get_by_text("Nombre : 1", exact=True).wait_for(timeout=60_000)
    elapsed = time.monotonic() - started
    await context.close()
    return elapsed


async def burst(url: str) -> list[float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        times = await asyncio.gather(*(visitor(browser, url) for _ in range(BURST)))
        await browser.close()
    return list(times)


def pool_size(warm: int = 1) -> int:
    """Kernels the kiosk keeps ready: one per public app, `warm` for the app under test."""
    return sum(warm if e.file == APP else 1 for e in app_entries(ROOT / "voila_apps") if e.kiosk)


def test_ten_visitors_at_once_each_get_a_working_app_from_the_pool():
    base, server = start_kiosk("--warm", f"{APP}={BURST}")
    with server as proc:
        wait_for_kernels(proc.pid, pool_size(BURST))
        # A thread of its own: the other browser tests' Playwright keeps an event loop marked
        # running in this one, where asyncio.run() refuses to start.
        with ThreadPoolExecutor(1) as thread:
            times = thread.submit(asyncio.run, burst(f"{base}/voila/render/{APP}")).result()
    print("\nburst of", BURST, "visitors, seconds to a working app:",
          " ".join(f"{t:.2f}" for t in sorted(times)))
    assert len(times) == BURST
