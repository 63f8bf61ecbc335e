"""Competence reports: levels per learner, learner pages (HTML, PDF), group overview, CSV, badges."""
