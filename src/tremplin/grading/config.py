"""The kit's nbgrader settings, shared by every course so that nbgrader's own commands and
`tremplin grade` behave alike.

A course's `nbgrader_config.py` calls `use_kit_defaults(c)` and keeps only what is its own
(root, course id, sources). The settings a trainer may want to change are ordinary nbgrader
(traitlets) options and can be overridden after that call:

- `Execute.timeout`: seconds per cell (default 30);
- `BudgetedExecute.budget`: seconds for a whole submission (default 120);
- `BudgetedExecute.max_output_chars`: output kept per cell (default 100 000 characters);
- `SandboxedKernelManager.memory_mb`: memory of a grading kernel (default 1024 MB).
"""

from __future__ import annotations

import copy

from traitlets.config import Config

EXECUTE = "tremplin.grading.execute.BudgetedExecute"
KERNEL_MANAGER = "tremplin.grading.sandbox.SandboxedKernelManager"

# nbgrader 0.9's autograde steps, with Execute replaced by the budgeted, sandboxed one.
AUTOGRADE_STEPS = [
    EXECUTE,
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# nbgrader 0.9's feedback steps, plus: hide the hidden tests (stock feedback shows them), and
# say under each graded cell which competences it evidences.
FEEDBACK_STEPS = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "tremplin.grading.feedback.ShowCompetences",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]


def use_kit_defaults(c: Config) -> None:
    """Apply the kit's settings to an nbgrader configuration object."""
    from ..questions import GENERATE_PREPROCESSORS

    # Tick-box and short-answer questions: released notebooks get unticked boxes, empty quotes.
    c.GenerateAssignment.preprocessors = GENERATE_PREPROCESSORS
    # One assignment per language; stubs left in released notebooks speak both languages.
    c.ClearSolutions.code_stub = {
        "python": "# VOTRE CODE ICI / YOUR CODE HERE\nraise NotImplementedError()",
    }
    c.ClearSolutions.text_stub = "VOTRE RÉPONSE ICI / YOUR ANSWER HERE"
    c.Execute.timeout = 30
    c.Autograde.autograde_preprocessors = AUTOGRADE_STEPS
    c.BudgetedExecute.kernel_manager_class = KERNEL_MANAGER
    c.GenerateFeedback.preprocessors = FEEDBACK_STEPS


def enforce_grading(config: Config) -> Config:
    """A copy of a course's configuration in which autograding is always sandboxed and budgeted,
    whatever the course file says: `tremplin grade` never runs learners' code unconfined."""
    merged = copy.deepcopy(config)  # Config.merge would share its sections with the original
    steps = list(merged.Autograde.get("autograde_preprocessors", AUTOGRADE_STEPS))
    steps = [EXECUTE if _is_stock_execute(s) else s for s in steps]
    if EXECUTE not in steps:
        steps.insert(0, EXECUTE)
    merged.Autograde.autograde_preprocessors = steps
    merged.BudgetedExecute.kernel_manager_class = KERNEL_MANAGER
    merged.BudgetedExecute.prestart = True
    url = merged.CourseDirectory.get("db_url", "")
    if url.startswith("sqlite:") and "timeout=" not in url:  # parallel writers wait their turn
        merged.CourseDirectory.db_url = url + ("&" if "?" in url else "?") + "timeout=30"
    return merged


def _is_stock_execute(step: object) -> bool:
    name = step if isinstance(step, str) else f"{step.__module__}.{step.__qualname__}"
    return name.endswith(".Execute") or name.endswith("ExecutePreprocessor")
