"""The description every notebook carries under ``metadata.tremplin``, and its checker.

Following the Carpentries, a lesson states its minutes, objectives (each starting with a verb),
key points, prerequisites and instructor notes; we keep them in notebook metadata so that tools
(pathways, reports, handouts) read them as data. Graded cells carry their competence evidence in
``cell.metadata.tremplin`` (outside ``metadata.nbgrader``, whose schema rejects extra keys).
Problems are reported as ``file:cell: problem`` in words an author understands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .frameworks import resolve
from .i18n import DATA, LANGUAGES, t
from .paths import relative_name
from .questions import QUESTION_KINDS, answer_problem

KEY = "tremplin"
KINDS = ("module", "exercise", "app")
GRADE_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")


@dataclass(frozen=True)
class Problem:
    path: str
    cell: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.cell}: {self.message}"


@dataclass(frozen=True)
class Evidence:
    """What a graded cell shows: competences (qualified ids), the level, the points."""

    grade_id: str
    competences: tuple[str, ...]
    level: int
    points: float


@cache
def english_verbs() -> frozenset[str]:
    data = yaml.safe_load((DATA / "verbs.yaml").read_text(encoding="utf-8"))
    return frozenset(data["en"])


@cache
def audiences() -> dict[str, dict[str, str]]:
    return yaml.safe_load((DATA / "audiences.yaml").read_text(encoding="utf-8"))


def starts_with_verb(text: str, lang: str) -> bool:
    """A heuristic good enough for authors: French infinitives end in -er/-ir/-re/-oir."""
    first = re.split(r"[\s,'’]", text.strip(), maxsplit=1)[0].lower()
    if lang == "fr":
        return len(first) > 2 and first.endswith(("er", "ir", "re"))
    return first in english_verbs()


def _check_texts(meta: dict[str, Any], key: str, bilingual: bool) -> list[str]:
    value = meta.get(key)
    if bilingual:
        if not isinstance(value, dict) or any(not value.get(lang) for lang in LANGUAGES):
            return [t("meta.need_both", key=key)]
    elif not isinstance(value, str) or not value.strip():
        return [t("meta.need_text", key=key)]
    return []


def _check_competences(value: Any, level: Any) -> list[str]:
    out = []
    if not isinstance(value, list) or not value:
        out.append(t("meta.need_competences"))
    else:
        for qid in value:
            try:
                resolve(str(qid))
            except KeyError as exc:
                out.append(exc.args[0])
    if not isinstance(level, int) or not 1 <= level <= 8:
        out.append(t("meta.bad_level", value=level))
    return out


def check_notebook_meta(meta: Any, path: str) -> list[str]:
    """Problems with a notebook's ``metadata.tremplin``, as plain sentences."""
    if not isinstance(meta, dict):
        return [t("meta.missing", key=KEY)]
    kind = meta.get("kind")
    if kind not in KINDS:
        return [t("meta.bad_kind", value=kind, kinds=", ".join(KINDS))]
    out: list[str] = []
    if not isinstance(meta.get("id"), str) or not re.fullmatch(r"[a-z0-9-]+", meta["id"]):
        out.append(t("meta.bad_id", value=meta.get("id")))
    bilingual = kind == "app"
    lang = meta.get("lang")
    if not bilingual and lang not in LANGUAGES:
        out.append(t("meta.bad_lang", value=lang))
    for key in ("title", "summary"):
        out += _check_texts(meta, key, bilingual)
    if not bilingual:
        for key in ("objectives", "key_points", "instructor_notes"):
            items = meta.get(key)
            if not (isinstance(items, list) and items and all(isinstance(i, str) for i in items)):
                out.append(t("meta.need_list", key=key))
        for i, objective in enumerate(meta.get("objectives") or [], start=1):
            if isinstance(objective, str) and not starts_with_verb(objective, str(lang)):
                out.append(t("meta.objective_verb", n=i, text=objective))
        if not isinstance(meta.get("prerequisites"), list):
            out.append(t("meta.need_list_or_empty", key="prerequisites"))
    duration = meta.get("duration")
    if not isinstance(duration, dict) or not all(
        isinstance(duration.get(k), int) and duration[k] >= 0 for k in ("teaching", "exercises")
    ):
        out.append(t("meta.bad_duration"))
    audience = meta.get("audience")
    if not isinstance(audience, list) or not audience:
        out.append(t("meta.need_list", key="audience"))
    else:
        out += [t("meta.bad_audience", value=a, known=", ".join(audiences()))
                for a in audience if a not in audiences()]
    return out + _check_competences(meta.get("competences"), meta.get("level"))


def is_graded(cell: Any) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade"))


def _check_question(cell: Any, following: Any) -> list[str]:
    """A question cell (``tremplin.question``) is a plain code cell holding its answer, and the
    graded test that checks it comes right after: ClearAnswers and the learner rely on both."""
    kind = cell.get("metadata", {}).get(KEY, {}).get("question")
    if kind is None:
        return []
    if kind not in QUESTION_KINDS:
        return [t("questions.bad_kind", value=kind, kinds=", ".join(QUESTION_KINDS))]
    out = []
    grader = cell.get("metadata", {}).get("nbgrader", {})
    if cell.cell_type != "code" or any(grader.get(k) for k in ("solution", "grade", "locked",
                                                                "task")):
        out.append(t("questions.not_plain"))
    elif problem := answer_problem(kind, cell.source):
        out.append(problem)
    if not (following is not None and following.cell_type == "code" and is_graded(following)
            and not following.metadata["nbgrader"].get("solution")):
        out.append(t("questions.needs_test"))
    return out


def check_cells(nb: Any) -> list[tuple[int, str]]:
    """Problems with graded cells: (1-based cell number, sentence)."""
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for number, cell in enumerate(nb.cells, start=1):
        grader = cell.get("metadata", {}).get("nbgrader", {})
        grade_id = grader.get("grade_id")
        if grade_id is not None:
            if not GRADE_ID.match(grade_id):
                out.append((number, t("cell.bad_grade_id", value=grade_id)))
            if grade_id in seen:
                out.append((number, t("cell.duplicate_grade_id", value=grade_id)))
            seen.add(grade_id)
        following = nb.cells[number] if number < len(nb.cells) else None
        out += [(number, msg) for msg in _check_question(cell, following)]
        if not is_graded(cell):
            continue
        tags = cell.get("metadata", {}).get(KEY, {})
        found = _check_competences(tags.get("competences"), tags.get("level"))
        out += [(number, msg) for msg in found]
        is_test = cell.cell_type == "code" and not grader.get("solution")
        if is_test and not cell.source.lstrip().startswith("#"):
            out.append((number, t("cell.test_needs_comment", grade_id=grade_id)))
    return out


def check_notebook(path: Path, root: Path) -> list[Problem]:
    """Every metadata problem of one notebook file, located by file and cell."""
    rel = relative_name(path, root)
    try:
        nb = _read(path)
    except Exception as exc:  # unreadable JSON, wrong nbformat: say so, don't crash the run
        return [Problem(rel, "notebook", t("nb.unreadable", error=exc))]
    problems = [Problem(rel, "notebook", m) for m in check_notebook_meta(nb.metadata.get(KEY), rel)]
    problems += [Problem(rel, str(n), m) for n, m in check_cells(nb)]
    problems += [Problem(rel, str(n), t("nb.has_outputs")) for n, c in enumerate(nb.cells, 1)
                 if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count"))]
    return problems


def _read(path: Path) -> Any:
    """nbformat, imported here: it loads jsonschema (seconds), which apps reading only the
    kit's metadata, and every kernel importing tremplin, should not pay for."""
    import nbformat

    return nbformat.read(path, as_version=4)


def notebook_meta(path: Path) -> dict[str, Any]:
    """The kit's metadata (the `tremplin` key) of a notebook file: id, lang, title, kind…"""
    return dict(_read(path).metadata.get(KEY, {}))


def evidence_by_grade_id(source_notebook: Path) -> dict[str, Evidence]:
    """Competence evidence of every graded cell, read from the *source* notebook.

    Learners can edit metadata in their copy, and autograde drops custom metadata of the cells
    it restores, so grading must look evidence up here, by grade id, never in a submission.
    """
    nb = _read(source_notebook)
    found = {}
    for cell in nb.cells:
        if is_graded(cell):
            grader = cell.metadata["nbgrader"]
            tags = cell.metadata.get(KEY, {})
            found[grader["grade_id"]] = Evidence(
                grader["grade_id"], tuple(tags.get("competences", ())), int(tags.get("level", 0)),
                float(grader.get("points", 0)))
    return found
