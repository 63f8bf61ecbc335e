"""State and rules of the "Test de positionnement / Placement test" app.

A visitor says who they are, answers a dozen practical questions (one per screen, "I don't
know" always offered), and gets an estimated level in each of the five DigComp 2.2 areas, the
kit's modules worth taking first and a pathway. Everything is computed here from the answers
kept in memory: nothing is stored or sent. The questions are data, read by
`placement_questions`; the result as a PDF is made by `placement_pdf`, the screens' HTML by
`placement_view`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..curriculum import modules_of_kit
from ..i18n import pick, t
from ..paths import kit_root
from ..pathways import (
    Pathway,
    PathwayError,
    Plan,
    format_minutes,
    load_pathways,
    modules_in_both_languages,
    plan,
)
from ..reports.data import ModuleInfo
from ..reports.levels import competences_in
from .placement_questions import ANSWERS, AREAS, MIN_QUESTIONS, Question, load_questions

LEVELS = ("beginner", "foundation", "intermediate")
HARD = 3  # questions of this level and above show an intermediate user
BEGINNER_BELOW, INTERMEDIATE_FROM = 0.25, 0.65  # shares of the weighted points
MAX_MODULES = 3  # a short list a beginner can act on
# (answer key, pathway audience) of the first screen; "other" picks by the results
AUDIENCES: tuple[tuple[str, str | None], ...] = (
    ("senior", "seniors"), ("job", "job-seekers"), ("teen", "teenagers"), ("other", None))
STAFF = "library-staff"  # a pathway for trainers, never proposed to a visitor


@dataclass(frozen=True)
class AreaResult:
    area: str
    asked: int
    right: int
    points: int  # levels of the questions answered right
    possible: int  # levels of every question asked
    level: str | None  # one of LEVELS; None when fewer than MIN_QUESTIONS were asked


def area_level(asked: list[tuple[Question, bool]]) -> str | None:
    """The level shown for one area, from its questions and whether each was answered right.

    In a trainer's words: each question is worth its level in points (an easy question 1, a
    hard one up to 4); a wrong answer and "I don't know" are both worth 0, so being honest
    never costs more than a wrong guess. The share of the points earned gives the level:
    under 25 % is *beginner*, from 65 % *intermediate* — but only with at least one right
    answer to a question of level 3 or 4, otherwise easy questions alone would make an
    intermediate — and *foundation* in between. With fewer than two questions the area is not
    judged (None).
    """
    if len(asked) < MIN_QUESTIONS:
        return None
    possible = sum(q.level for q, _ in asked)
    share = sum(q.level for q, ok in asked if ok) / possible
    if share < BEGINNER_BELOW:
        return "beginner"
    if share >= INTERMEDIATE_FROM and any(ok and q.level >= HARD for q, ok in asked):
        return "intermediate"
    return "foundation"


def score(questions: tuple[Question, ...], answers: list[int | None]) -> dict[str, AreaResult]:
    """Results per area (in AREAS order); `answers[i]` is the index picked for question i, or
    None for "I don't know"."""
    results = {}
    for area in AREAS:
        asked = [(q, a == q.right) for q, a in zip(questions, answers, strict=True)
                 if q.area == area]
        results[area] = AreaResult(
            area, len(asked), sum(ok for _, ok in asked), sum(q.level for q, ok in asked if ok),
            sum(q.level for q, _ in asked), area_level(asked))
    return results


def weakest_areas(results: dict[str, AreaResult]) -> tuple[str, ...]:
    """The areas to work on first: the judged ones at the lowest level reached. An area judged
    intermediate is never called weak, so a visitor good everywhere gets none."""
    judged = [r for r in results.values() if r.level is not None]
    if not judged:
        return ()
    lowest = min(LEVELS.index(r.level) for r in judged)
    if LEVELS[lowest] == "intermediate":
        return ()
    return tuple(r.area for r in judged if LEVELS.index(r.level) == lowest)


def digcomp_of(module: ModuleInfo) -> set[str]:
    """The DigComp competences a module teaches (a CRCN tag counts through the crosswalk)."""
    return set(competences_in(module.competences, "digcomp"))


def _area(qualified_id: str) -> str:
    return qualified_id.partition(":")[2].partition(".")[0]


def recommend_modules(modules: list[ModuleInfo], weak: tuple[str, ...], missed: set[str],
                      lang: str, limit: int = MAX_MODULES) -> list[ModuleInfo]:
    """Modules in `lang` for the weak areas: those teaching a competence the visitor missed
    there (else, if none does, any module of those areas), easier levels first, then those
    teaching more of the missed competences, then more of the weak areas, then the kit's order.
    """
    mine = [m for m in modules if m.lang == lang]
    missed = {c for c in missed if _area(c) in weak}
    candidates = [m for m in mine if digcomp_of(m) & missed] or [
        m for m in mine if {_area(c) for c in digcomp_of(m)} & set(weak)]
    return sorted(candidates, key=lambda m: (
        m.level, -len(digcomp_of(m) & missed),
        -len({_area(c) for c in digcomp_of(m)} & set(weak)), mine.index(m)))[:limit]


def choose_pathway(pathways: dict[str, Pathway], audience: str | None, weak: tuple[str, ...],
                   modules: list[ModuleInfo]) -> Pathway | None:
    """The pathway written for the visitor's audience; for "other" (or an audience without a
    pathway), the one whose modules cover most of the weak areas (all areas when none is
    weak), then with the largest share of its modules on them. Trainers' pathways never."""
    offered = [p for p in pathways.values() if p.audience != STAFF]
    for pathway in offered:
        if audience is not None and pathway.audience == audience:
            return pathway
    target = set(weak or AREAS)
    areas = {m.id: {_area(c) for c in digcomp_of(m)} for m in modules}

    def fit(p: Pathway) -> tuple[int, float]:
        on_target = [areas.get(mid, set()) & target for mid in p.modules]
        covered = set().union(*on_target)
        return len(covered), sum(map(bool, on_target)) / len(p.modules)

    return max(offered, key=fit, default=None)  # max keeps the first of equals: file order


@dataclass
class Placement:
    """Everything the app shows is computed from these: the audience picked on the first
    screen (None until then) and one answer per question so far (None = "I don't know")."""

    lang: str = "fr"
    questions: tuple[Question, ...] = ()
    modules: list[ModuleInfo] = field(default_factory=list)
    pathways: dict[str, Pathway] = field(default_factory=dict)
    audience: str | None = None  # a key of AUDIENCES
    answers: list[int | None] = field(default_factory=list)

    @classmethod
    def start(cls, lang: str = "fr") -> Placement:
        """The app with the kit's questions, modules and pathways. A pathways file that does
        not load (`tremplin check` reports it to trainers) only leaves the pathway out."""
        modules = modules_of_kit(kit_root())
        try:
            pathways = load_pathways(known_modules=modules_in_both_languages(modules))
        except PathwayError:
            pathways = {}
        return cls(lang, load_questions(), modules, pathways)

    def text(self, key: str, **params: object) -> str:
        return t(f"app.placement.{key}", self.lang, **params)

    @property
    def finished(self) -> bool:
        return len(self.answers) == len(self.questions)

    @property
    def question(self) -> Question | None:
        """The question on screen, or None on the first screen and on the results."""
        if self.audience is None or self.finished:
            return None
        return self.questions[len(self.answers)]

    def options(self) -> list[str]:
        """The four button texts of the current screen."""
        if self.audience is None:
            return [self.text(f"audience_{key}") for key, _ in AUDIENCES]
        if self.question is None:
            return []
        return [pick(a, self.lang) for a in self.question.answers] + [self.text("dont_know")]

    def choose(self, index: int) -> None:
        """A button of the current screen was pressed: the last one of a question is "I don't
        know"; on the results, buttons do nothing."""
        if self.audience is None:
            self.audience = AUDIENCES[index][0]
        elif not self.finished:
            self.answers.append(index if index < ANSWERS else None)

    def back(self) -> None:
        if self.answers:
            self.answers.pop()
        else:
            self.audience = None

    def reset(self) -> None:
        self.audience, self.answers = None, []

    def results(self) -> dict[str, AreaResult]:
        return score(self.questions, self.answers)

    def missed(self) -> set[str]:
        return {q.competence for q, a in zip(self.questions, self.answers, strict=True)
                if a != q.right}

    def recommended(self) -> list[ModuleInfo]:
        return recommend_modules(self.modules, weakest_areas(self.results()), self.missed(),
                                 self.lang)

    def pathway(self) -> Plan | None:
        audience = dict(AUDIENCES).get(self.audience or "other")
        chosen = choose_pathway(self.pathways, audience, weakest_areas(self.results()),
                                self.modules)
        return plan(chosen, self.lang, self.modules) if chosen else None

    def advice(self) -> list[str]:
        """Plain sentences: one per weak area, or praise; a word of thanks for honesty first
        when "I don't know" was at least half of the answers."""
        lines = [self.text(f"advice_{area}") for area in weakest_areas(self.results())]
        honest = 2 * self.answers.count(None) >= len(self.questions)
        return [self.text("advice_honest")] * honest + (lines or [self.text("advice_all_good")])

    def level_text(self, result: AreaResult) -> str:
        level = self.text(f"level_{result.level}") if result.level else self.text("not_judged")
        return self.text("area_line", area=self.text(f"area_{result.area}"), level=level)

    def right_count(self, result: AreaResult) -> str:
        return self.text("right_count", right=result.right, asked=result.asked)

    def module_line(self, module: ModuleInfo) -> str:
        """"Premiers pas (45 min)": a module's title and workshop time."""
        return self.text("module_line", title=module.title,
                         duration=format_minutes(module.minutes, self.lang))

    def pathway_total(self, chosen: Plan) -> str:
        return self.text("pathway_total", count=len(chosen.steps),
                         duration=format_minutes(chosen.minutes, self.lang))
