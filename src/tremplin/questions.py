"""Questions a beginner answers without writing code, and that stock nbgrader grades.

Most learners in a library workshop will not write Python, but anyone can tick a box or write a
word, as on paper. The answer cell is a plain code cell (no nbgrader role) holding one string, so
the learner meets no syntax but the quotes, and ``metadata.tremplin.question`` says its kind:

- ``choice``: the string lists the choices, one per line, each after a box ``[ ]``; the learner
  ticks by typing an x: ``[x] 256``;
- ``short``: a word or a number, typed between the quotes: ``answer_unit = "octet"``.

The source notebook holds the right answers, so nbgrader's validation passes; `ClearAnswers`, run by
``nbgrader generate_assignment`` right after ``ClearSolutions``, unticks the boxes and empties the
quotes in the released copy. The graded test cell after each question calls the checks below: they
forgive the ways beginners type (X or ✓ for a tick, capitals, accents, "3,5" for 3.5) and fail with
a kind sentence in the exercise's language. ``check_ticked`` and ``check_written`` give nothing
away and belong in the visible tests; ``check_choice``, ``check_text`` and ``check_number`` name
the right answer and belong in the hidden tests.

`ClearAnswers` and `GENERATE_PREPROCESSORS` need nbgrader, whose import adds seconds: they are built
on first use (see `__getattr__`), so a learner's kernel importing the checks stays quick.
"""

from __future__ import annotations

import io
import math
import re
import tokenize
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from .i18n import LANGUAGES, normalise_lang, t

QUESTION_KINDS: tuple[str, ...] = ("choice", "short")

# A box opens a line: "[ ] label". Any mark inside counts as a tick (x, X, ✓, *, "x " and the
# rest), as a trainer counts any mark on a paper form; only blanks mean "not ticked".
_BOX = re.compile(r"^(?P<indent>[ \t]*)\[(?P<mark>[^\]\n]*)\](?P<label>.*)$", re.MULTILINE)
# A Python string literal, split into its opening (prefix and quotes), its text and its closing.
_LITERAL = re.compile(r"^(?P<open>[A-Za-z]*(?P<quote>'''|\"\"\"|'|\"))(?P<text>.*)(?P=quote)$",
                      re.DOTALL)
# A number as people type it: "12", "3,5", "3.5", "1 000", "1.000,5", "-2" (spaces of any kind).
_SEPARATORS = " \u00a0\u202f\u2009'’.,"
_NUMBER = re.compile(rf"[-+−]?\d+(?:[{_SEPARATORS}]\d+)*")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


# --- reading what the learner typed -------------------------------------------------------------

def ticked(answer: str) -> list[str]:
    """The labels of the ticked boxes, in order, as written (outer spaces removed)."""
    return [box["label"].strip() for box in _BOX.finditer(answer) if box["mark"].strip()]


def normalise(text: str) -> str:
    """`text` as a trainer would read it: no capitals, accents, punctuation or extra spaces.

    "  L’Octet. " and "l'octet" both become "l octet": beginners type capitals by accident, skip
    accents on a keyboard they don't know, and get ’ or ' depending on the device.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    kept = "".join(" " if unicodedata.category(ch).startswith("P") else ch
                   for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(kept.casefold().split())


def _readings(number: str) -> tuple[float, ...]:
    """Every value a typed number can mean: "1,000" is 1 in French and 1000 in English, and a
    learner is right if either reading is. Empty when it is no number at all ("3 4")."""
    sign = -1.0 if number[0] in "-−" else 1.0
    body = number.lstrip("+-−")
    found: list[float] = []
    for point in (",", ".", None):
        if point is None:
            whole, fraction = body, ""
        elif point in body:
            whole, _, fraction = body.rpartition(point)
        else:
            continue
        thousands = re.escape("".join(sep for sep in _SEPARATORS if sep != point))
        if (re.fullmatch(rf"\d+|\d{{1,3}}(?:[{thousands}]\d{{3}})+", whole)
                and re.fullmatch(r"\d*", fraction)):
            found.append(sign * float(re.sub(r"\D", "", whole) + "." + (fraction or "0")))
    return tuple(dict.fromkeys(found))


# --- checks for the graded test cells ----------------------------------------------------------

class WrongAnswer(AssertionError):
    """A check that failed, told to a learner. In a notebook, IPython shows only the sentence
    (`_render_traceback_`): a traceback through this module would scare a beginner and say
    nothing they can act on. nbgrader still sees an error, so the test cell scores 0."""

    def _render_traceback_(self) -> list[str]:
        return str(self).splitlines()


def _say(lang: str | None, message: Callable[[str], str], between: str = "\n") -> str:
    """A message in the exercise's language, or in both (French first) when none is given: the
    learner must always be able to read why a check failed."""
    return between.join(message(one) for one in ((normalise_lang(lang),) if lang else LANGUAGES))


def _as_text(answer: object, lang: str | None) -> str:
    """The answer as text. A bare number (`answer = 12`, quotes forgotten) is fine; anything else
    means the quotes were broken, which the learner is told how to mend."""
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        return str(answer)
    if not isinstance(answer, str):
        raise WrongAnswer(_say(lang, lambda lg: t("questions.not_text", lg)))
    return answer


def check_ticked(answer: object, count: int | None = 1, *, lang: str | None = None) -> list[str]:
    """Visible test of a choice question: the boxes are there and `count` of them are ticked
    (None: at least one). It does not say which box is right, so it can be shown to learners.
    Returns the ticked labels."""
    text = _as_text(answer, lang)
    if not _BOX.search(text):
        raise WrongAnswer(_say(lang, lambda lg: t("questions.no_boxes", lg)))
    labels = ticked(text)
    if not labels:
        raise WrongAnswer(_say(lang, lambda lg: t("questions.none_ticked", lg)))
    if count == 1 and len(labels) > 1:
        raise WrongAnswer(_say(lang, lambda lg: t("questions.tick_one", lg, count=len(labels))))
    if count is not None and len(labels) != count:
        raise WrongAnswer(_say(lang, lambda lg: t(
            "questions.tick_count", lg, count=len(labels), expected=count)))
    return labels


def check_choice(answer: object, expected: str | Iterable[str], *, lang: str | None = None) -> None:
    """Hidden test of a choice question: exactly the `expected` label(s) are ticked. Labels are
    compared once normalised, so a learner who retyped "256 " is not punished for the space."""
    wanted = {normalise(label) for label in ([expected] if isinstance(expected, str) else expected)}
    labels = check_ticked(answer, len(wanted), lang=lang)
    if {normalise(label) for label in labels} != wanted:
        if len(wanted) == 1:
            raise WrongAnswer(_say(lang, lambda lg: t("questions.wrong_choice", lg)))
        raise WrongAnswer(_say(lang, lambda lg: t("questions.wrong_choices", lg)))


def check_written(answer: object, *, lang: str | None = None) -> str:
    """Visible test of a short answer: something is written between the quotes. Returns it."""
    text = _as_text(answer, lang)
    if not text.strip():
        raise WrongAnswer(_say(lang, lambda lg: t("questions.nothing_written", lg)))
    return text


def check_text(answer: object, *accepted: str, lang: str | None = None) -> None:
    """Hidden test of a short answer: it is one of the `accepted` answers, read with `normalise`
    (list the other spellings you accept: "octet", "octets", "un octet"...)."""
    if not accepted:
        raise ValueError("check_text needs at least one accepted answer")
    text = check_written(answer, lang=lang)
    if normalise(text) not in {normalise(one) for one in accepted}:
        raise WrongAnswer(_say(lang, lambda lg: t("questions.wrong_text", lg)))


def check_number(answer: object, expected: float, tolerance: float = 0, *,
                 lang: str | None = None) -> None:
    """Hidden test of a number answer: `expected`, give or take `tolerance`. Accepts "3,5" and
    "3.5", "1 000", and a unit after the number (" 3 Mo"); not two numbers ("3 ou 4")."""
    text = check_written(answer, lang=lang)
    numbers = _NUMBER.findall(text)
    if not numbers:
        raise WrongAnswer(_say(lang, lambda lg: t("questions.not_a_number", lg, answer=text)))
    values = _readings(numbers[0]) if len(numbers) == 1 else ()
    if not values:
        raise WrongAnswer(_say(lang, lambda lg: t(
            "questions.several_numbers", lg, answer=text)))
    if not any(math.isclose(value, expected, rel_tol=1e-9, abs_tol=tolerance)
               for value in values):
        raise WrongAnswer(_say(lang, lambda lg: t("questions.wrong_number", lg)))


# --- the released notebook: answers removed ----------------------------------------------------

def _literals(source: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the string literals of `source`: where answers are typed."""
    starts = [0]
    for line in source.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
    return [(starts[tok.start[0] - 1] + tok.start[1], starts[tok.end[0] - 1] + tok.end[1])
            for tok in tokens if tok.type == tokenize.STRING and _LITERAL.match(tok.string)]


def _texts(source: str) -> list[str]:
    """What the string literals of `source` hold, between their quotes."""
    return [_LITERAL.match(source[a:b])["text"] for a, b in _literals(source)]


def answer_problem(kind: str, source: str) -> str | None:
    """What keeps an author's question cell from working, in a sentence; None when it is fine."""
    if kind not in QUESTION_KINDS:
        return t("questions.bad_kind", value=kind, kinds=", ".join(QUESTION_KINDS))
    texts = _texts(source)
    if kind == "choice" and not any(_BOX.search(text) for text in texts):
        return t("questions.source_no_boxes")
    if kind == "short" and not texts:
        return t("questions.source_no_quotes")
    return None


def blank_answer(kind: str, source: str, lang: str | None = None) -> str:
    """The question cell as learners receive it: every box unticked (``choice``) or every string
    emptied (``short``), and a first comment saying what to do unless the author wrote one.
    Raises ValueError, with `answer_problem`'s sentence, on a cell it cannot clear."""
    problem = answer_problem(kind, source)
    if problem:
        raise ValueError(problem)
    if kind == "choice":
        many = sum(len(ticked(text)) for text in _texts(source)) > 1
        hint = _say(lang, lambda lg: t("questions.hint_choice_many", lg) if many
                    else t("questions.hint_choice_one", lg), " / ")
    else:
        hint = _say(lang, lambda lg: t("questions.hint_short", lg), " / ")
    out, end = [], 0
    for start, stop in _literals(source):
        literal = _LITERAL.match(source[start:stop])
        text = _BOX.sub(r"\g<indent>[ ]\g<label>", literal["text"]) if kind == "choice" else ""
        out += [source[end:start], literal["open"], text, literal["quote"]]
        end = stop
    blank = "".join(out) + source[end:]
    return blank if blank.lstrip().startswith("#") else f"# {hint}\n{blank}"


@cache
def _clear_answers() -> type:
    from nbgrader.preprocessors import NbGraderPreprocessor

    from .metadata import KEY

    class ClearAnswers(NbGraderPreprocessor):
        """nbgrader preprocessor: removes the answers of the cells tagged
        ``metadata.tremplin.question`` (see `blank_answer`), as ClearSolutions does for code.
        Hints are written in the notebook's ``metadata.tremplin.lang`` (both languages if none)."""

        def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
            lang = nb.metadata.get(KEY, {}).get("lang")
            self._lang = lang if lang in LANGUAGES else None
            return super().preprocess(nb, resources)

        def preprocess_cell(self, cell: Any, resources: dict, index: int) -> tuple[Any, dict]:
            kind = cell.metadata.get(KEY, {}).get("question")
            if kind is not None and cell.cell_type == "code":
                try:
                    cell.source = blank_answer(kind, cell.source, self._lang)
                except ValueError as exc:
                    raise ValueError(t("questions.in_cell", cell=index + 1, problem=exc)) from exc
            return cell, resources

    ClearAnswers.__module__, ClearAnswers.__qualname__ = __name__, "ClearAnswers"
    return ClearAnswers


@cache
def _generate_preprocessors() -> tuple[type, ...]:
    """nbgrader's own GenerateAssignment list, read from nbgrader (so it follows upgrades), with
    ClearAnswers right after ClearSolutions: answers go before checksums and hidden tests."""
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import ClearSolutions

    default = list(GenerateAssignment.class_traits()["preprocessors"].default())
    at = default.index(ClearSolutions) + 1
    return (*default[:at], _clear_answers(), *default[at:])


def __getattr__(name: str) -> Any:
    """`ClearAnswers` (the preprocessor class) and `GENERATE_PREPROCESSORS` (the list to give
    ``c.GenerateAssignment.preprocessors``), built on first use because they import nbgrader."""
    if name == "ClearAnswers":
        return _clear_answers()
    if name == "GENERATE_PREPROCESSORS":
        return list(_generate_preprocessors())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
