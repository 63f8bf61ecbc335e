"""Keyboard, mouse and saving practice for "Premiers pas / First steps": the activities' state.

Standard library only: the widgets of `first_steps_activities` show these states, and a later
in-browser app can show them with other widgets. Nothing here reads a real key or a real disk: the
learner practises in words and in memory, where a mistake costs nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .first_steps import plain

SHORTCUTS = ("run", "undo", "save", "copy", "paste", "find")


def check_typing(target: str, typed: str) -> tuple[str, int]:
    """(verdict, letters right from the start) for a word being typed. The verdict names the
    message to show: done, going, case (a capital missing), lower (a capital too many), accent,
    wrong or too_long."""
    right = next((i for i, (a, b) in enumerate(zip(target, typed, strict=False)) if a != b),
                 min(len(target), len(typed)))
    if typed == target:
        return "done", right
    if right == len(typed):
        return "going", right
    if right == len(target):
        return "too_long", right
    expected, got = target[right], typed[right]
    if expected.casefold() == got.casefold():
        return ("case" if expected.isupper() else "lower"), right
    if plain(expected) == plain(got):
        return "accent", right
    return "wrong", right


@dataclass
class ClickGame:
    """A star hides in one of `size` × `size` big squares; each hit moves it elsewhere."""

    size: int = 3
    goal: int = 5
    seed: int | None = None
    hits: int = 0
    misses: int = 0
    target: int = 0

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self.reset()

    def reset(self) -> None:
        self.hits = self.misses = 0
        self.target = self._random.randrange(self.size * self.size)

    @property
    def done(self) -> bool:
        return self.hits >= self.goal

    def click(self, square: int) -> bool:
        """Whether the square clicked held the star; a hit moves the star to another square."""
        if square != self.target:
            self.misses += 1
            return False
        self.hits += 1
        self.target = self._random.choice([s for s in range(self.size ** 2) if s != square])
        return True


@dataclass
class Draft:
    """A text being written: `text` is on the screen (memory), `saved` is on the disk."""

    text: str = ""
    saved: str = ""

    @property
    def unsaved(self) -> bool:
        return self.text != self.saved

    def save(self) -> None:
        self.saved = self.text

    def power_cut(self) -> str:
        """The computer goes off: memory forgets, the disk keeps. Returns what was lost: the
        words added since the last save, or the whole screen when the saved part was changed
        too; empty when everything was saved."""
        lost = ""
        if self.unsaved:
            added = bool(self.saved) and self.text.startswith(self.saved)
            lost = (self.text[len(self.saved):] if added else self.text).strip()
        self.text = self.saved
        return lost


@dataclass
class ShortcutQuiz:
    """Each shortcut asked once, in words, among four choices; a point when found first time."""

    seed: int | None = None
    number: int = 0
    score: int = 0
    choices: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self.order = self._random.sample(SHORTCUTS, len(SHORTCUTS))
        self._tries = 0
        self._deal()

    @property
    def task(self) -> str | None:
        """The shortcut asked now (an id of SHORTCUTS), None once every one was asked."""
        return self.order[self.number] if self.number < len(self.order) else None

    def _deal(self) -> None:
        task = self.task
        others = [s for s in SHORTCUTS if s != task]
        self.choices = [] if task is None else [task, *self._random.sample(others, 3)]
        self._random.shuffle(self.choices)

    def answer(self, choice: str) -> bool:
        self._tries += 1
        right = choice == self.task
        if right and self._tries == 1:
            self.score += 1
        return right

    def next(self) -> None:
        self.number += 1
        self._tries = 0
        self._deal()
