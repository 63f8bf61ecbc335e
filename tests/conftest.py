"""Shared fixtures: an isolated Jupyter home, free ports, real servers and a real Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pytest
from helpers import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_configure(config: pytest.Config) -> None:
    """Keep Jupyter's files out of the home folder, and find nbgrader's alembic on PATH."""
    home = Path(tempfile.mkdtemp(prefix="tremplin-tests-"))
    for name, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                      ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython"),
                      ("MPLCONFIGDIR", "mpl")):
        os.environ[name] = str(home / sub)
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    os.environ.pop("TREMPLIN_LANGUAGE", None)
    os.environ.pop("TREMPLIN_FRAMEWORK", None)
    os.environ["LANG"] = "fr_FR.UTF-8"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tremplin_argv(*args: str) -> list[str]:
    """The `tremplin` command line, run by this interpreter (the tests' virtual environment)."""
    return [sys.executable, "-m", "tremplin.cli", *args]


def tremplin(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None,
             timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the `tremplin` command as a user would, capturing what it prints."""
    return subprocess.run(tremplin_argv(*args), cwd=cwd, text=True,
                          capture_output=True, env=env, timeout=timeout)


@contextmanager
def running(argv: list[str], ready_url: str, *, env: dict[str, str] | None = None,
            timeout: float = 120) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server, wait until `ready_url` answers, and stop it (and its kernels) after."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            _wait_ready(proc, ready_url, log, timeout)
            yield proc
        finally:
            stop(proc)


def _wait_ready(proc: subprocess.Popen[bytes], url: str, log: IO[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError as err:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                tail = log.read().decode(errors="replace")[-3000:]
                raise RuntimeError(f"server did not start:\n{tail}") from err
            time.sleep(0.3)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started in its own session, with every kernel it started."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 15)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def tablet(browser):
    """A lending-library tablet: 768 px wide, touch only (no hover, no mouse); use `.tap()`."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 768, "height": 1024},
                                  has_touch=True, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def apps_url():
    """One `tremplin apps` server for every app test of the session, as the README starts it."""
    port = free_port()
    argv = tremplin_argv("apps", "--no-browser", f"--port={port}")
    base = f"http://127.0.0.1:{port}"
    with running(argv, f"{base}/voila/static/voila.js"):
        yield base


def app_leaks(page) -> list[str]:
    """Code or error text a visitor must never see on an app's page."""
    body = page.locator("body").inner_text()
    return [leak for leak in ("Traceback", "import ", "def ", "Error", "Exception") if leak in body]
