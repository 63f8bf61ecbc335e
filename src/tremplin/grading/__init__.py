"""Grading with nbgrader: the course, sandboxed parallel autograding, feedback, forgetting."""
