"""`tremplin feedback`: each learner's feedback, in their language, without the hidden tests.

Feedback is nbgrader's own (`generate_feedback`, HTML in `feedback/<learner>/<assignment>/`),
with two steps added in the kit's configuration: `ClearHiddenTests` (stock feedback shows the
hidden tests, which lets the next group pass without learning) and `ShowCompetences`, which
says under each graded cell which competences it evidences and at which level. nbgrader's
feedback page is written in English; for a French assignment its labels are translated.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

from ..frameworks import resolve
from ..i18n import pick, t
from ..metadata import evidence_by_grade_id, notebook_meta
from .course import Course, open_course

# nbgrader's feedback template labels, as French readers should see them.
FRENCH_LABELS = {
    ">Test cell<": ">Cellule de test<",
    ">Coding free-response<": ">Réponse en code<",
    ">Written response<": ">Réponse écrite<",
    ">Task<": ">Tâche<",
    ">Comment<": ">Commentaire<",
    "(Score: ": "(Note : ",
    ">Student's answer<": ">Votre réponse<",
    ">Student's task<": ">Votre tâche<",
    "Grade cell: <code>": "Cellule notée : <code>",
    "Task: <code>": "Tâche : <code>",
    "<b>Comments:</b>": "<b>Commentaires :</b>",
    "Score: ": "Note : ",
}


def assignment_lang(source_notebook: Path) -> str:
    return notebook_meta(source_notebook).get("lang", "fr")


def competence_note(competences: tuple[str, ...], level: int, lang: str) -> str:
    """One line naming the competences a cell evidences, in the learner's words."""
    names = []
    for qid in competences:
        framework, cid = resolve(qid)
        names.append(t("feedback.competence", lang, framework=pick(framework.name, lang), id=cid,
                       title=framework.title(cid, lang)))
    band = pick(resolve(competences[0])[0].band_of(level).title, lang) if competences else ""
    return t("feedback.evidences", lang, competences="; ".join(names), level=level, band=band)


class ShowCompetences(NbGraderPreprocessor):
    """Add, under each graded cell of a feedback notebook, the competences it evidences."""

    def preprocess(self, nb: nbformat.NotebookNode, resources: dict) -> tuple:
        info = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        source = Path(coursedir.format_path(coursedir.source_directory, ".", info["assignment"]))
        source = source / f"{info['notebook']}.ipynb"
        if not source.is_file():
            return nb, resources
        evidence = evidence_by_grade_id(source)
        lang = assignment_lang(source)
        cells = []
        for cell in nb.cells:
            cells.append(cell)
            found = evidence.get(cell.metadata.get("nbgrader", {}).get("grade_id", ""))
            if found and found.competences and cell.metadata["nbgrader"].get("grade"):
                note = competence_note(found.competences, found.level, lang)
                cells.append(nbformat.v4.new_markdown_cell(f"*{note}*"))
        nb.cells = cells
        return nb, resources


def localise(page: str, lang: str) -> str:
    """nbgrader's feedback page with its labels in `lang` and the page's language declared."""
    if lang != "fr":
        return page.replace("<html>", '<html lang="en">', 1)
    for english, french in FRENCH_LABELS.items():
        page = page.replace(english, french)
    return page.replace("<html>", '<html lang="fr">', 1)


def write_feedback(*, course: Path | None = None, assignments: list[str] | None = None,
                   learners: list[str] | None = None) -> list[Path]:
    """Feedback for every autograded submission (or those asked); returns the pages written."""
    the_course: Course = open_course(course)
    api = NbGraderAPI(config=the_course.config)
    written = []
    graded = sorted(p for p in the_course.folder("autograded").glob("*/*") if p.is_dir())
    for folder in graded:
        learner, assignment = folder.parent.name, folder.name
        if (assignments and assignment not in assignments) or (learners and learner not in
                                                               learners):
            continue
        result = api.generate_feedback(assignment, learner, force=True)
        if not result.get("success"):
            raise RuntimeError(t("feedback.failed", learner=learner, assignment=assignment,
                                 error=(result.get("error") or "").strip().splitlines()[-1:]))
        for page in sorted(the_course.folder("feedback", learner, assignment).glob("*.html")):
            source = the_course.folder("source", ".", assignment) / f"{page.stem}.ipynb"
            lang = assignment_lang(source) if source.is_file() else "fr"
            tmp = page.with_suffix(".partial")
            tmp.write_text(localise(page.read_text(encoding="utf-8"), lang), encoding="utf-8")
            os.replace(tmp, page)
            written.append(page)
    return written
