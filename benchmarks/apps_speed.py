"""Time from request to an interactive app, for every app: a plain `tremplin apps` server (each
visit starts a kernel) against `tremplin apps --kiosk` (kernels started ahead), side by side in
one run, in a real headless Chromium. Target: under 1.5 s in kiosk mode on a 2-core machine.

    .venv/bin/python benchmarks/apps_speed.py [--rounds 3]

"Interactive" = the app's widgets are on screen and answer: its first button is visible and
enabled. Each kiosk visit waits until the pool is full again, as on a kiosk between visitors.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tremplin.apps.launcher import app_entries  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(*args: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    home = tempfile.mkdtemp(prefix="tremplin-bench-")
    env = dict(os.environ, JUPYTER_DATA_DIR=f"{home}/data", JUPYTER_RUNTIME_DIR=f"{home}/run",
               JUPYTER_CONFIG_DIR=f"{home}/config", MPLCONFIGDIR=f"{home}/mpl")
    proc = subprocess.Popen([sys.executable, "-m", "tremplin.cli", "apps", "--no-browser",
                             f"--port={port}", *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(f"{base}/voila/static/voila.js", timeout=2)
            return proc, base
        except OSError:
            time.sleep(0.5)
    raise SystemExit("server did not start")


def interactive_after(browser, url: str) -> float:
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    started = time.monotonic()
    page.goto(url, timeout=120_000)
    page.locator(".jupyter-widgets button:enabled").first.wait_for(timeout=120_000)
    elapsed = time.monotonic() - started
    context.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--settle", type=float, default=8.0,
                        help="seconds between kiosk visits, for the pool to refill")
    args = parser.parse_args()
    apps = [e.file for e in app_entries(ROOT / "voila_apps") if e.kiosk]
    cold, cold_url = start()
    kiosk, kiosk_url = start("--kiosk", "--pool", "1")
    time.sleep(10 + 3 * len(apps))  # let the kiosk fill its pools
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            interactive_after(browser, f"{cold_url}/voila/render/{apps[0]}")  # browser cache
            for app in apps:
                plain, warm = [], []
                for _ in range(args.rounds):
                    plain.append(interactive_after(browser, f"{cold_url}/voila/render/{app}"))
                    warm.append(interactive_after(browser, f"{kiosk_url}/voila/render/{app}"))
                    time.sleep(args.settle)
                rows.append((app, statistics.median(plain), statistics.median(warm)))
            browser.close()
    finally:
        for proc in (cold, kiosk):
            os.killpg(proc.pid, 15)
    print(f"{'app':34} {'tremplin apps':>14} {'--kiosk':>9} {'ratio':>6}  (median of "
          f"{args.rounds}, seconds to an interactive app, {os.cpu_count()} cores)")
    for app, plain, warm in rows:
        print(f"{app:34} {plain:14.2f} {warm:9.2f} {plain / warm:6.1f}")
    print(f"{'all apps (median)':34} {statistics.median(r[1] for r in rows):14.2f} "
          f"{statistics.median(r[2] for r in rows):9.2f}")


if __name__ == "__main__":
    main()
