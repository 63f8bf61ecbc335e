"""Where the satisfaction survey keeps its answers, and how anyone reads them back.

One JSON file per response, in one folder. Several kiosk kernels may write at the same moment
without any lock: each writes a file of its own, under a random name, first as a hidden temporary
file that `os.replace` then renames in one step, so a reader never meets half a response.
Nothing personal is kept: the answers (codes from the questions file), the app's language and
the day. E-mail addresses and phone numbers are cut out of the comment, and the file's own
times are set to midnight so that not even the hour of the visit is left on disk.

`load_responses(folder)` is the public way to read the answers (the trainer's page and the
activity report use it): a damaged file is skipped and counted, never deleted or rewritten.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from ..i18n import DATA, LANGUAGES
from ..paths import kit_root

QUESTIONS_FILE = DATA / "app-survey-questions.yaml"
FOLDER_VARIABLE = "TREMPLIN_SURVEY_DIR"
FORMAT = 1  # written in every file, so a later layout can still read the older ones
KINDS = ("workshop", "choice", "comment")
COMMENT_MAX = 500  # characters kept: a short comment, not a letter
REMOVED = "[…]"  # what stands where an e-mail address or a phone number was
WORKSHOP_ID = re.compile(r"[a-z0-9-]{1,80}")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
EMAIL = re.compile(r"[^\s@]+@[\w.-]*\w|\S+\s*[(\[]\s*(?:at|arobase)\s*[)\]]\s*\S+", re.IGNORECASE)
PHONE = re.compile(r"\+?(?:\d[\s.\-()]{0,2}){7,}\d")  # 8 digits or more, however spaced


class SurveyDataError(ValueError):
    """The questions file is malformed; the text names the file and the entry to fix."""


@dataclass(frozen=True)
class Option:
    value: int | str  # what is stored, never translated
    text: dict[str, str]  # what the visitor reads, in each language


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # one of KINDS
    ask: dict[str, str]
    short: dict[str, str]  # its name on the trainer's page
    options: tuple[Option, ...] = ()
    scale: bool = False  # values 1..n, averaged
    other: dict[str, str] = field(default_factory=dict)  # workshop: the "other" answer


@dataclass(frozen=True)
class Response:
    """One visitor's answers, the app's language and the day: nothing that names a person."""

    day: date
    lang: str
    answers: dict[str, Any]  # question id -> value; the comment only when one was written

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "date": self.day.isoformat(), "lang": self.lang,
                "answers": dict(self.answers)}


def _texts(entry: dict[str, Any], key: str, fail: Any) -> dict[str, str]:
    value = entry.get(key)
    if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip()
                                          for lang in LANGUAGES):
        fail(f"'{key}' needs a text in each language ({', '.join(LANGUAGES)})")
    return {lang: str(value[lang]) for lang in LANGUAGES}


def questions_from_data(raw: Any, name: str = QUESTIONS_FILE.name) -> tuple[Question, ...]:
    """The questions described in the file's content, checked: an author's mistake is an error
    naming the file and the question, not a broken screen in front of a visitor."""
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list):
        raise SurveyDataError(f"{name}: expected 'questions:' followed by a list")
    found: list[Question] = []
    for number, entry in enumerate(raw["questions"], start=1):
        label = entry.get("id") if isinstance(entry, dict) else None

        def fail(problem: str, number: int = number, label: Any = label) -> None:
            raise SurveyDataError(f"{name}: question {number} ({label or '?'}): {problem}")

        if not isinstance(entry, dict):
            fail("expected a mapping with id, kind, ask, short")
        if not isinstance(label, str) or not re.fullmatch(r"[a-z]+", label) or \
                label in {q.id for q in found}:
            fail("'id' must be a new word in small letters")
        if entry.get("kind") not in KINDS:
            fail(f"'kind' must be one of {', '.join(KINDS)}")
        options = []
        for option in (entry.get("options") or []) if entry["kind"] == "choice" else []:
            value = option.get("value") if isinstance(option, dict) else None
            if isinstance(value, bool) or not isinstance(value, int | str):
                fail(f"option {len(options) + 1}: 'value' must be a number or a word")
            options.append(Option(value, _texts(option, "text", fail)))
        values = [option.value for option in options]
        if entry["kind"] == "choice" and (len(values) < 2 or len(set(values)) < len(values)):
            fail("a choice needs two options or more, with different values")
        scale = bool(entry.get("scale"))
        if scale and values != list(range(1, len(values) + 1)):
            fail("the options of a scale have the values 1, 2, 3…")
        other = _texts(entry, "other", fail) if entry["kind"] == "workshop" else {}
        found.append(Question(label, entry["kind"], _texts(entry, "ask", fail),
                              _texts(entry, "short", fail), tuple(options), scale, other))
    return tuple(found)


@cache
def questions() -> tuple[Question, ...]:
    import yaml  # only the data file needs it

    return questions_from_data(yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8")))


def survey_folder() -> Path:
    """TREMPLIN_SURVEY_DIR when set (a shared folder, the tests), else inside the kit."""
    if os.environ.get(FOLDER_VARIABLE):
        return Path(os.environ[FOLDER_VARIABLE])
    return kit_root() / ".tremplin" / "survey"


def scrub(comment: str) -> str:
    """The comment without e-mail addresses or phone numbers (visitors are asked not to write
    any; some will), without control characters, and no longer than COMMENT_MAX."""
    text = "".join(c for c in comment[:COMMENT_MAX * 4] if c.isprintable() or c == "\n")
    text = PHONE.sub(REMOVED, EMAIL.sub(REMOVED, text))
    return text.strip()[:COMMENT_MAX].strip()


def parse_response(data: Any) -> Response:
    """A response from a file's JSON content; ValueError says what is wrong with it."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a survey response of format {FORMAT}")
    day, lang, answers = data.get("date"), data.get("lang"), data.get("answers")
    if not isinstance(day, str) or not DAY.fullmatch(day):
        raise ValueError(f"date {day!r} is not a day written YYYY-MM-DD")
    if lang not in LANGUAGES or not isinstance(answers, dict):
        raise ValueError("no language or no answers")
    kept: dict[str, Any] = {}
    for question in questions():
        value = answers.get(question.id)
        if question.kind == "comment":
            if value is not None and (not isinstance(value, str) or len(value) > COMMENT_MAX):
                raise ValueError(f"{question.id}: not a short text")
            if value:
                kept[question.id] = value
            continue
        if question.kind == "workshop":
            valid = isinstance(value, str) and WORKSHOP_ID.fullmatch(value)
        else:
            valid = any(type(value) is type(o.value) and value == o.value
                        for o in question.options)
        if not valid:
            raise ValueError(f"{question.id}: unexpected answer {value!r}")
        kept[question.id] = value
    return Response(date.fromisoformat(day), lang, kept)


def save_response(response: Response, folder: Path | str) -> Path:
    """Write one response as a file of its own and return its path. The comment is scrubbed
    here, whoever calls; a response that would not read back raises ValueError, unwritten."""
    answers = dict(response.answers)
    for question in questions():
        if question.kind == "comment" and isinstance(answers.get(question.id), str):
            answers[question.id] = scrub(answers[question.id])
    checked = parse_response(Response(response.day, response.lang, answers).to_json())
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(checked.to_json(), ensure_ascii=False, indent=1, sort_keys=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text + "\n")
            out.flush()
            os.fsync(out.fileno())
        midnight = datetime.combine(checked.day, time()).timestamp()
        os.utime(temporary, (midnight, midnight))
        final = folder / f"{checked.day.isoformat()}-{uuid.uuid4().hex}.json"
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return final


def load_responses(folder: Path | str) -> tuple[list[Response], int]:
    """(responses, skipped): every response of `folder` in day order, and how many `.json`
    files could not be read as one (damaged, half-copied, edited by hand). Those are left
    exactly as they are, for a person to look at. No folder yet: no responses."""
    folder = Path(folder)
    if not folder.is_dir():
        return [], 0
    responses: list[Response] = []
    skipped = 0
    for path in sorted(folder.glob("*.json")):
        try:
            responses.append(parse_response(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError, RecursionError):  # JSON and decoding errors are ValueErrors
            skipped += 1
    responses.sort(key=lambda response: response.day)
    return responses, skipped
