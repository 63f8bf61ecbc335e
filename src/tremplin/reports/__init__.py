"""Competence reports: levels, learner pages (HTML, PDF), group overview, CSV, badges."""
