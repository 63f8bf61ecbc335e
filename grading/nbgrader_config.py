"""nbgrader course of the kit: the standard layout, with sources kept in ../exercises.

Run nbgrader's own commands from this folder (`cd grading && nbgrader generate_assignment
02-tout-est-nombre`), or the kit's (`tremplin grade`, `tremplin feedback`, `tremplin report`);
release/, submitted/, autograded/, feedback/ and gradebook.db appear here.
The kit's settings come from `use_kit_defaults` (see `tremplin.grading.config`): stubs in both
languages, tick-box questions cleared on release, sandboxed and time-budgeted autograding,
feedback without hidden tests. Override any of them below that call.
"""

import os

from tremplin.grading.config import use_kit_defaults

c = get_config()  # noqa: F821 (provided by nbgrader when it reads this file)

HERE = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.root = HERE
c.CourseDirectory.course_id = "tremplin"
# The exercises are authored in the kit's exercises/ folder; nbgrader reads them from there.
c.CourseDirectory.source_directory = os.path.relpath(os.path.join(HERE, "..", "exercises"), HERE)
# A busy timeout, so parallel graders wait for each other instead of failing "database is locked".
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db") + "?timeout=30"
use_kit_defaults(c)
