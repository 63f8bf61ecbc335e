"""nbgrader's Execute, made to survive whatever a submission does and to say what happened.

Stock nbgrader gives each cell its own time limit, so a function that loops forever, called by
ten test cells, costs ten time limits; a kernel killed by the learner's code (`os._exit`, memory)
fails the whole submission; a cell printing megabytes is kept whole in memory. Here:

- the submission has a time *budget*: each cell gets at most what is left of it, and once it is
  spent the remaining cells are not run (they earn nothing, and the reason is recorded);
- when the kernel dies, or hangs ignoring interruptions, the cells already run keep their
  grades and the rest are marked;
- output beyond a size is dropped while it arrives, with a note in the cell.

What happened is left in `INCIDENTS`, for the grading summary.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from time import monotonic
from typing import Any

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer

from .sandbox import SandboxedKernelManager

# What happened to each notebook executed by this process, by notebook name: nbgrader's API
# returns only success and a log, so the grader reads incidents here after each run.
INCIDENTS: dict[str, list[str]] = {}


class _Prestarted:
    """One kernel started ahead per process, so its start-up overlaps nbgrader's own work."""

    def __init__(self) -> None:
        self.km: Any = None

    @staticmethod
    def _kernel_name(owner: Execute, nb: NotebookNode) -> str:
        return owner.kernel_name or nb.metadata.get("kernelspec", {}).get("name", "python3")

    def _new(self, owner: Execute, nb: NotebookNode) -> Any:
        name = self._kernel_name(owner, nb)
        # Not owner.kernel_manager_class: nbgrader's constructor sets it, and the configured
        # (sandboxed) class only replaces it once nbclient re-reads the configuration.
        km = SandboxedKernelManager(kernel_name=name, config=owner.config, own_workdir=True)
        run_sync(km.start_kernel)(extra_arguments=owner.extra_arguments)
        return km

    def launch(self, owner: Execute, nb: NotebookNode) -> None:
        try:
            self.km = self._new(owner, nb)
        except Exception:  # noqa: BLE001 (the next notebook will start its own)
            self.km = None

    def take(self, owner: Execute, nb: NotebookNode) -> Any:
        km, self.km = self.km, None
        name = self._kernel_name(owner, nb)
        if km is not None and km.kernel_name == name and run_sync(km.is_alive)():
            return km
        if km is not None:
            run_sync(km.shutdown_kernel)()
        return self._new(owner, nb)


prestarted = _Prestarted()


def _copy_inputs(folder: Path, workdir: str) -> None:
    """Give a kernel started ahead a copy of the files next to its notebook."""
    for path in folder.iterdir() if folder.is_dir() else []:
        if path.suffix != ".ipynb" and path.name != "timestamp.txt":
            copy = shutil.copytree if path.is_dir() else shutil.copy2
            copy(path, Path(workdir) / path.name)


def _note(cell: NotebookNode, name: str, text: str) -> None:
    cell.outputs.append(new_output("error", ename=name, evalue=text, traceback=[f"{name}: {text}"]))


class BudgetedExecute(Execute):
    """Execute with a time budget per submission, kernel-death tolerance and an output cap."""

    budget = Integer(120, help="Seconds of execution allowed for a whole submission.").tag(
        config=True)
    max_output_chars = Integer(100_000, help="Characters of output kept per cell.").tag(
        config=True)
    prestart = Bool(False, help="Start the next notebook's kernel while this one is finished "
                    "and saved (hides kernel start-up; used by `tremplin grade`).").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> Any:
        if not self.prestart or km is not None:
            return self._preprocess(nb, resources, km)
        km = prestarted.take(self, nb)
        _copy_inputs(Path((resources or {}).get("metadata", {}).get("path") or "."), km.workdir)
        try:
            return self._preprocess(nb, resources, km)
        finally:
            if self.kc is not None:
                self.kc.stop_channels()
            run_sync(km.shutdown_kernel)()
            prestarted.launch(self, nb)

    def _preprocess(self, nb: NotebookNode, resources: Any, km: Any) -> Any:
        self._deadline: float | None = None  # set at the first cell: kernel start-up is free
        self._stopped: str | None = None
        self._incidents: list[str] = []
        self.timeout_func = self._time_left
        try:
            nb, resources = super().preprocess(nb, resources, km)
        except DeadKernelError:  # died while starting or shutting down: keep what was graded
            self._incidents.append("kernel_died")
        resources = resources if resources is not None else self.resources
        name = (resources or {}).get("unique_key") or "notebook"
        INCIDENTS[str(name)] = sorted(set(self._incidents))
        return nb, resources

    def _time_left(self, cell: NotebookNode) -> int:
        # Never 0: nbclient reads a zero or negative timeout as "wait forever".
        left = int((self._deadline or monotonic() + self.budget) - monotonic()) + 1
        return max(1, min(self.timeout or self.budget, left))

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> Any:
        if cell.cell_type != "code":
            return cell, resources
        if self._deadline is None:
            self._deadline = monotonic() + self.budget
        if self._stopped is None and monotonic() >= self._deadline:
            self._stopped = "budget_spent"
            self._incidents.append("budget_spent")
        if self._stopped == "budget_spent":
            _note(cell, "TimeBudgetSpent", f"not run: the submission used its {self.budget} s")
            return cell, self.resources
        if self._stopped in ("kernel_died", "kernel_stuck"):
            _note(cell, "KernelDied", "not run: the kernel stopped or hung in an earlier cell")
            return cell, self.resources
        self._chars, self._trimmed = 0, False
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stopped = "kernel_died"
            self._incidents.append("kernel_died")
            _note(cell, "KernelDied", "the kernel stopped while running this cell")
            return cell, self.resources
        except CellTimeoutError:  # interrupted, yet still busy: the code ignores interruptions
            self._stopped = "kernel_stuck"
            self._incidents += ["timeout", "kernel_stuck"]
            _note(cell, "CellTimeoutError", "the cell ran out of time and would not stop")
            return cell, self.resources
        if any(o.get("ename") == "CellTimeoutError" for o in cell.outputs):
            self._incidents.append("timeout")
        if any(o.get("ename") == "MemoryError" for o in cell.outputs):
            self._incidents.append("memory")
        return cell, resources

    def output(self, outs: list[NotebookNode], msg: dict[str, Any], display_id: str | None,
               cell_index: int) -> NotebookNode | None:
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + len(str(content.get("data", "")))
        self._chars += size
        if self._chars > self.max_output_chars and msg.get("msg_type") != "error":
            if "output_trimmed" not in self._incidents:
                self._incidents.append("output_trimmed")
            if not self._trimmed:
                self._trimmed = True
                outs.append(new_output("stream", name="stdout", text=(
                    f"\n… output trimmed after {self.max_output_chars} characters …\n")))
            return None
        return super().output(outs, msg, display_id, cell_index)
