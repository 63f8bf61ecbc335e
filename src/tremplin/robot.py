"""A robot on a grid that follows written instructions to the letter, for "Algorithmes débranchés".

A person fills the gaps of a vague instruction ("avance un peu"); a machine cannot. The robot reads
one instruction a line, in French or English, and stops at the first one that is not precise
enough, saying why in plain words: that is what an algorithm is, a recipe precise enough for a
machine. Standard library only, so a later browser edition can reuse it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .i18n import t

HEADINGS = ((0, -1), (1, 0), (0, 1), (-1, 0))  # up, right, down, left: a right turn adds 1
ARROWS = "▲▶▼◀"
_FORWARD = {"avance", "avancer", "avancez", "marche", "forward", "move", "go", "walk"}
_TURN = {"tourne", "tourner", "tournez", "turn"}
_SIDES = {"gauche": -1, "left": -1, "droite": 1, "right": 1}
_NUMBERS = {word: n for n, words in enumerate((
    (), ("un", "une", "one"), ("deux", "two"), ("trois", "three"), ("quatre", "four"),
    ("cinq", "five"), ("six",), ("sept", "seven"), ("huit", "eight"), ("neuf", "nine"),
    ("dix", "ten"))) for word in words}
# Words a person understands and a machine cannot measure: the heart of the activity.
_VAGUE = {"peu", "quelques", "plusieurs", "beaucoup", "loin", "bout", "encore", "little", "bit",
          "few", "some", "several", "lot", "far", "more", "while"}
_FILLER = {"a", "au", "de", "d", "du", "la", "le", "les", "l", "fois", "case", "cases", "carre",
           "carres", "pas", "the", "to", "by", "square", "squares", "step", "steps", "times",
           "forward", "ahead"}  # "move forward 2", "go ahead 2"


def _words(line: str) -> list[str]:
    """A line as plain lower-case words: no accents, apostrophes or punctuation."""
    plain = unicodedata.normalize("NFKD", line.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.findall(r"[a-z]+|\d+", plain)


@dataclass(frozen=True)
class Stuck:
    """Why the robot stopped: the 1-based line, its text, and a reason with a message key."""

    line: int
    text: str
    reason: str
    words: str = ""


@dataclass
class RobotRun:
    """A grid with a start, a heading and a goal, and what one program made the robot do."""

    width: int = 5
    height: int = 5
    start: tuple[int, int] = (0, 4)
    heading: int = 0
    goal: tuple[int, int] = (3, 1)
    path: list[tuple[int, int]] = field(default_factory=list)
    stuck: Stuck | None = None
    facing: int = field(init=False)

    def __post_init__(self) -> None:
        self.facing = self.heading

    @property
    def position(self) -> tuple[int, int]:
        return self.path[-1] if self.path else self.start

    @property
    def reached_goal(self) -> bool:
        return self.stuck is None and self.position == self.goal

    def follow(self, program: str) -> RobotRun:
        """Run `program`, one instruction a line, and stop at the first line that is not
        precise enough or that would take the robot off the grid. Starts again each time."""
        self.path, self.stuck, self.facing = [self.start], None, self.heading
        for number, line in enumerate(program.splitlines(), start=1):
            words = _words(line)
            if words:
                self.stuck = self._do(words, number, line.strip())
            if self.stuck:
                break
        return self

    def _do(self, words: list[str], number: int, text: str) -> Stuck | None:
        verb, rest = words[0], [w for w in words[1:] if w not in _FILLER]
        if any(w in _VAGUE for w in rest):  # quote all but the verb: "un peu", not "peu"
            return Stuck(number, text, "vague", text.split(maxsplit=1)[1])
        if verb in _TURN:
            sides = [w for w in rest if w in _SIDES]
            if len(sides) != 1:
                return Stuck(number, text, "which_side")
            extra = [w for w in rest if w not in _SIDES]
            if extra:
                return Stuck(number, text, "extra_words", " ".join(extra))
            self.facing = (self.facing + _SIDES[sides[0]]) % 4
            return None
        if verb in _FORWARD:
            counts = [int(w) if w.isdigit() else _NUMBERS[w] for w in rest
                      if w.isdigit() or w in _NUMBERS]
            if len(counts) != 1:
                return Stuck(number, text, "how_many")
            extra = [w for w in rest if not (w.isdigit() or w in _NUMBERS)]
            if extra:
                return Stuck(number, text, "extra_words", " ".join(extra))
            return self._forward(counts[0], number, text)
        return Stuck(number, text, "unknown", verb)

    def _forward(self, count: int, number: int, text: str) -> Stuck | None:
        dx, dy = HEADINGS[self.facing]
        for _ in range(count):
            x, y = self.position[0] + dx, self.position[1] + dy
            if not (0 <= x < self.width and 0 <= y < self.height):
                return Stuck(number, text, "wall")
            self.path.append((x, y))
        return None

    @property
    def arrow(self) -> str:
        """The robot drawn facing where it faces now."""
        return ARROWS[self.facing]

    def message(self, lang: str) -> str:
        """What happened, in one or two plain sentences."""
        if self.stuck:
            s = self.stuck
            return t(f"algorithms.robot_{s.reason}", lang, line=s.line, text=s.text, words=s.words)
        return t("algorithms.robot_goal" if self.reached_goal else "algorithms.robot_elsewhere",
                 lang, steps=len(self.path) - 1)
