"""The questions of the placement test, read from `data/app-placement-questions.yaml`.

Questions are data so that a trainer can reword, reorder or add one without touching code;
loading checks every entry and names the file and the question to fix, in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..frameworks import frameworks
from ..i18n import DATA, LANGUAGES, t

QUESTIONS_FILE = DATA / "app-placement-questions.yaml"
AREAS = ("1", "2", "3", "4", "5")  # DigComp 2.2 areas
ANSWERS = 3  # per question, plus "I don't know": every screen has the same four buttons
MIN_QUESTIONS = 2  # an area is never judged on a single answer
TOP_LEVEL = 4  # question levels go from 1 (easy) to 4


class QuestionError(ValueError):
    """The questions file cannot be used; the message names the file and the question."""


@dataclass(frozen=True)
class Question:
    id: str
    area: str
    competence: str  # qualified, e.g. "digcomp:4.2"
    level: int
    text: dict[str, str]
    answers: tuple[dict[str, str], ...]
    right: int  # index in `answers`


def _texts(value: Any, key: str) -> dict[str, str]:
    if not isinstance(value, dict) or any(
            not isinstance(value.get(lang), str) or not value[lang].strip() for lang in LANGUAGES):
        raise ValueError(t("app.placement.need_texts", key=key))
    return {lang: value[lang] for lang in LANGUAGES}


def _question(raw: dict[str, Any]) -> Question:
    """One entry of the file as a Question; a ValueError says what is wrong with it."""
    area = str(raw.get("area"))
    if area not in AREAS:
        raise ValueError(t("app.placement.bad_area", value=raw.get("area"), known=", ".join(AREAS)))
    competence = str(raw.get("competence"))
    known = frameworks()["digcomp"].competences
    framework, _, cid = competence.partition(":")
    if framework != "digcomp" or cid not in known or known[cid].area != area:
        raise ValueError(t("app.placement.bad_competence", value=competence, area=area))
    level = raw.get("level")
    if not isinstance(level, int) or not 1 <= level <= TOP_LEVEL:
        raise ValueError(t("app.placement.bad_level", value=level))
    answers = raw.get("answers")
    if not isinstance(answers, list) or len(answers) != ANSWERS:
        raise ValueError(t("app.placement.need_answers", count=ANSWERS))
    right = raw.get("right")
    if not isinstance(right, int) or isinstance(right, bool) or not 0 <= right < ANSWERS:
        raise ValueError(t("app.placement.bad_right", last=ANSWERS - 1, value=right))
    texts = _texts(raw.get("question"), "question")
    return Question(str(raw["id"]), area, competence, level, texts,
                    tuple(_texts(a, f"answers[{i}]") for i, a in enumerate(answers)), right)


def load_questions(path: Path = QUESTIONS_FILE) -> tuple[Question, ...]:
    """The questions in the file's order, each checked, and at least MIN_QUESTIONS per area."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise QuestionError(t("app.placement.bad_file", file=path.name, problem=exc)) from exc
    entries = raw.get("questions") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise QuestionError(t("app.placement.bad_file", file=path.name,
                              problem=t("app.placement.need_list")))
    found: list[Question] = []
    for number, entry in enumerate(entries, start=1):
        qid = entry.get("id") if isinstance(entry, dict) else None
        where = qid if isinstance(qid, str) and qid.strip() else f"#{number}"
        try:
            if where != qid:
                raise ValueError(t("app.placement.need_id"))
            if any(q.id == qid for q in found):
                raise ValueError(t("app.placement.repeated_id"))
            found.append(_question(entry))
        except ValueError as exc:
            raise QuestionError(t("app.placement.bad_entry", file=path.name, id=where,
                                  problem=exc)) from exc
    for area in AREAS:
        count = sum(q.area == area for q in found)
        if count < MIN_QUESTIONS:
            raise QuestionError(t("app.placement.bad_file", file=path.name, problem=t(
                "app.placement.too_few", area=area, count=count, minimum=MIN_QUESTIONS)))
    return tuple(found)
