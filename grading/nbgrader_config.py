"""nbgrader course of the kit: the standard layout, with sources kept in ../exercises.

Run nbgrader's own commands from this folder (`cd grading && nbgrader generate_assignment
02-tout-est-nombre`); release/, submitted/, autograded/, feedback/ and gradebook.db appear here.
"""

import os

c = get_config()  # noqa: F821 (provided by nbgrader when it reads this file)

HERE = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.root = HERE
c.CourseDirectory.course_id = "tremplin"
# The exercises are authored in the kit's exercises/ folder; nbgrader reads them from there.
c.CourseDirectory.source_directory = os.path.relpath(os.path.join(HERE, "..", "exercises"), HERE)
# A busy timeout, so parallel graders wait for each other instead of failing "database is locked".
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db") + "?timeout=30"

# One assignment per language: a learner does the French or the English version and gets full
# marks for it; both versions share grade ids, so competence evidence is read the same way.
# Stubs left in released notebooks speak both languages.
c.ClearSolutions.code_stub = {
    "python": "# VOTRE CODE ICI / YOUR CODE HERE\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "VOTRE RÉPONSE ICI / YOUR ANSWER HERE"
c.ExecutePreprocessor.timeout = 60

# Tick-box and short-answer questions (tremplin.questions): nbgrader's default preprocessors, with
# ClearAnswers right after ClearSolutions, so released notebooks have unticked boxes, empty quotes.
from tremplin.questions import GENERATE_PREPROCESSORS  # noqa: E402

c.GenerateAssignment.preprocessors = GENERATE_PREPROCESSORS
