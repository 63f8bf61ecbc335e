"""Run a learner's notebook in a kernel that cannot see other learners, the gradebook or the net.

Stock nbgrader starts the grading kernel with the trainer's rights (nbgrader #483): a submission
could read every other submission, rewrite `gradebook.db` or send work out. Here the kernel runs
under Debian's `bubblewrap` (unprivileged Linux namespaces, the sandbox Flatpak uses):

- a new mount namespace shows only the system, the Python installation, the kit's package code,
  a private temporary folder, and the one folder being graded; the course (other learners,
  gradebook, sources with solutions) is simply not there;
- a new network namespace has no interface but a down loopback: nothing can be reached;
- a new PID namespace hides and protects every other process; capabilities are dropped;
- the kernel talks to the grader over Unix sockets (ZeroMQ `ipc`) in a folder private to that
  kernel, because TCP to the grader is exactly what the network namespace forbids;
- an address-space limit caps memory, so a runaway list ends in `MemoryError`, not in the
  machine swapping.
"""

from __future__ import annotations

import os
import shutil
import site
import sys
import tempfile
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Integer

import tremplin

from ..i18n import t

BWRAP = "bwrap"
# What a kernel may read: the system and the Python that runs it. Nothing of the course.
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/etc")
# Environment passed into the sandbox; everything else (tokens, paths of the course) stays out.
PASSED_ENV = ("LANG", "LC_ALL", "LANGUAGE", "TREMPLIN_LANGUAGE", "NBGRADER_EXECUTION", "TZ")


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces here; grading must not run unconfined."""


def python_dirs() -> list[str]:
    """Folders the kernel needs to import Python, ipykernel and `tremplin` (editable or not)."""
    dirs = {sys.prefix, sys.base_prefix, str(Path(tremplin.__file__).resolve().parents[1])}
    dirs.update(p for p in site.getsitepackages() if os.path.isdir(p))
    # Keep the shortest paths only: binding /a and /a/b twice is useless.
    kept: list[str] = []
    for d in sorted(dirs, key=len):
        if not any(d == k or d.startswith(k.rstrip("/") + "/") for k in kept):
            kept.append(d)
    return kept


def bwrap_argv(command: list[str], *, workdir: str, private: str, memory_mb: int) -> list[str]:
    """The bubblewrap command line that runs `command` confined to `workdir` and `private`."""
    path = shutil.which(BWRAP)
    if path is None:
        raise SandboxUnavailable(t("grade.no_bwrap"))
    argv = [path, "--unshare-all", "--die-with-parent", "--proc", "/proc", "--dev", "/dev",
            "--tmpfs", "/tmp", "--clearenv"]
    for folder in SYSTEM_DIRS:
        argv += ["--ro-bind-try", folder, folder]
    for folder in python_dirs():
        argv += ["--ro-bind", folder, folder]
    argv += ["--bind", private, private, "--bind", workdir, workdir, "--chdir", workdir]
    env = {"HOME": "/tmp", "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
           "MPLCONFIGDIR": "/tmp/matplotlib", "IPYTHONDIR": "/tmp/ipython",
           "JUPYTER_RUNTIME_DIR": private, "OPENBLAS_NUM_THREADS": "1", "MPLBACKEND": "Agg",
           "PYTHONDONTWRITEBYTECODE": "1"}
    env.update({k: os.environ[k] for k in PASSED_ENV if k in os.environ})
    for key, value in env.items():
        argv += ["--setenv", key, value]
    # Run as a script, not `-m`: importing the tremplin package would cost seconds per kernel.
    limit = [sys.executable, str(Path(__file__).with_name("limits.py")), str(memory_mb), "--"]
    return [*argv, "--", *limit, *command]


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run inside `bwrap_argv`, reached through Unix sockets."""

    memory_mb = Integer(1024, help="Address-space limit of a grading kernel, in MB.").tag(
        config=True)
    own_workdir = Bool(False, help="Run in a private working folder (for kernels started before "
                       "their notebook is known), instead of the launching folder.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.transport = "ipc"
        self._private = tempfile.mkdtemp(prefix="tremplin-kernel-")
        os.chmod(self._private, 0o700)
        self.connection_file = os.path.join(self._private, "kernel.json")
        self.ip = os.path.join(self._private, "socket")
        self.workdir = os.path.join(self._private, "work")
        os.mkdir(self.workdir)

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        # A signal sent to bwrap would kill the sandbox, not interrupt the cell: ask ipykernel
        # to interrupt itself through its control channel instead.
        self.kernel_spec.interrupt_mode = "message"
        return await super()._async_pre_start_kernel(**kw)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        workdir = self.workdir if self.own_workdir else str(
            Path(self._launch_args.get("cwd") or os.getcwd()).resolve())
        return bwrap_argv(command, workdir=workdir, private=self._private,
                          memory_mb=self.memory_mb)

    async def _async_shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        # A grading kernel has nothing to save: stop it at once instead of waiting politely.
        await super()._async_shutdown_kernel(now=True, restart=restart)

    shutdown_kernel = _async_shutdown_kernel

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart)
        if not restart:
            shutil.rmtree(self._private, ignore_errors=True)
