"""`tremplin grade` never runs learners' code unconfined, whatever the course's file says."""

from __future__ import annotations

from traitlets.config import Config

from tremplin.grading.config import EXECUTE, KERNEL_MANAGER, enforce_grading, use_kit_defaults


def test_a_stock_course_config_is_made_sandboxed_budgeted_and_patient():
    stock = Config()
    stock.CourseDirectory.db_url = "sqlite:////srv/course/gradebook.db"
    stock.Autograde.autograde_preprocessors = ["nbgrader.preprocessors.Execute",
                                               "nbgrader.preprocessors.SaveAutoGrades"]
    enforced = enforce_grading(stock)
    assert enforced.Autograde.autograde_preprocessors == [
        EXECUTE, "nbgrader.preprocessors.SaveAutoGrades"]
    assert enforced.BudgetedExecute.kernel_manager_class == KERNEL_MANAGER
    assert enforced.CourseDirectory.db_url == "sqlite:////srv/course/gradebook.db?timeout=30"
    assert stock.CourseDirectory.db_url == "sqlite:////srv/course/gradebook.db"  # untouched


def test_the_kit_defaults_hide_hidden_tests_in_feedback_and_sandbox_autograde():
    c = Config()
    use_kit_defaults(c)
    assert "nbgrader.preprocessors.ClearHiddenTests" in c.GenerateFeedback.preprocessors
    assert c.Autograde.autograde_preprocessors[0] == EXECUTE
    assert enforce_grading(c).Autograde.autograde_preprocessors.count(EXECUTE) == 1
