"""The machine behind "Algorithmes débranchés / Algorithms unplugged": methods that count steps.

Searching and sorting written so that every step a person would make by hand (look at a card,
compare two cards, swap them) is recorded and counted: the learner then compares two methods by
their steps, as in CS Unplugged. Following instructions lives in `robot`. Standard library only:
a later edition of the kit runs this in the browser.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .i18n import t

# --- searching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    """Where the target was found (None: not there) and the positions looked at, in order."""

    index: int | None
    positions: tuple[int, ...]

    @property
    def steps(self) -> int:
        """One step per item looked at: what a person flipping cards would count."""
        return len(self.positions)


def linear_search(items: Sequence[Any], target: Any) -> SearchResult:
    """Look at the items one by one from the start: works on any list, sorted or not."""
    for index, item in enumerate(items):
        if item == target:
            return SearchResult(index, tuple(range(index + 1)))
    return SearchResult(None, tuple(range(len(items))))


def binary_search(items: Sequence[Any], target: Any) -> SearchResult:
    """Look at the middle, then keep only the half that can hold the target. Needs sorted items:
    on an unsorted list it may miss a target that is there."""
    low, high, seen = 0, len(items) - 1, []
    while low <= high:
        middle = (low + high) // 2
        seen.append(middle)
        if items[middle] == target:
            return SearchResult(middle, tuple(seen))
        if items[middle] < target:
            low = middle + 1
        else:
            high = middle - 1
    return SearchResult(None, tuple(seen))


def worst_steps(size: int, method: str) -> int:
    """The most steps a search can take in a list of `size` items: `size` looking one by one,
    the number of times `size` can be halved (its length in binary) with binary search."""
    if method == "linear":
        return size
    if method == "binary":
        return size.bit_length()
    raise ValueError(f"unknown search method {method!r} (linear or binary)")


def guesses_by_halving(secret: int, low: int = 1, high: int = 100) -> list[int]:
    """The guesses of a player who always says the middle of what is left: 50, 25, 37…"""
    if not low <= secret <= high:
        raise ValueError(f"{secret} is not between {low} and {high}")
    guesses = []
    while True:
        guess = (low + high) // 2
        guesses.append(guess)
        if guess == secret:
            return guesses
        low, high = (guess + 1, high) if guess < secret else (low, guess - 1)


@dataclass
class GuessGame:
    """"Guess my number": the secret, the guesses so far and the numbers still possible."""

    low: int = 1
    high: int = 100
    secret: int | None = None
    guesses: list[int] = field(default_factory=list)
    possible: tuple[int, int] = field(init=False)

    def __post_init__(self) -> None:
        if self.secret is None:
            self.secret = random.randint(self.low, self.high)
        self.possible = (self.low, self.high)

    @property
    def found(self) -> bool:
        return self.secret in self.guesses

    def guess(self, number: int) -> str:
        """'bigger', 'smaller' or 'found' (the secret is bigger than the guess, or smaller…);
        'outside' for a number out of the game, which does not count as a guess."""
        if self.found:  # the game is over: more guesses change nothing
            return "found"
        if not self.low <= number <= self.high:
            return "outside"
        self.guesses.append(number)
        low, high = self.possible
        if number == self.secret:
            self.possible = (number, number)
            return "found"
        if number < (self.secret or 0):
            self.possible = (max(low, number + 1), high)
            return "bigger"
        self.possible = (low, min(high, number - 1))
        return "smaller"


# --- sorting -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SortStep:
    """One move of a sorting method: 'compare' or 'swap' the cards at two positions; `cards` is
    the row after the move, so a step can be shown on its own."""

    kind: str
    first: int
    second: int
    cards: tuple[Any, ...]


@dataclass(frozen=True)
class SortRecord:
    """A sort, step by step, and its counts: the sorted cards are the last step's row."""

    start: tuple[Any, ...]
    steps: tuple[SortStep, ...]

    @property
    def cards(self) -> list[Any]:
        return list(self.steps[-1].cards if self.steps else self.start)

    @property
    def comparisons(self) -> int:
        return sum(step.kind == "compare" for step in self.steps)

    @property
    def swaps(self) -> int:
        return sum(step.kind == "swap" for step in self.steps)


class _Recorder:
    """The row of cards being sorted, writing down each comparison and swap as it happens."""

    def __init__(self, cards: Sequence[Any]) -> None:
        self.start, self.row, self.steps = tuple(cards), list(cards), []

    def smaller(self, first: int, second: int) -> bool:
        """Compare two cards (one step): is the card at `first` smaller than at `second`?"""
        self.steps.append(SortStep("compare", first, second, tuple(self.row)))
        return self.row[first] < self.row[second]

    def swap(self, first: int, second: int) -> None:
        self.row[first], self.row[second] = self.row[second], self.row[first]
        self.steps.append(SortStep("swap", first, second, tuple(self.row)))

    def record(self) -> SortRecord:
        return SortRecord(self.start, tuple(self.steps))


def selection_sort(cards: Sequence[Any]) -> SortRecord:
    """Find the smallest card, put it first; find the smallest of the rest, put it second…"""
    row = _Recorder(cards)
    for place in range(len(cards) - 1):
        smallest = place
        for other in range(place + 1, len(cards)):
            if row.smaller(other, smallest):
                smallest = other
        if smallest != place:
            row.swap(place, smallest)
    return row.record()


def insertion_sort(cards: Sequence[Any]) -> SortRecord:
    """Take the cards one by one and slide each to the left past the bigger ones, as players
    arrange a hand of cards."""
    row = _Recorder(cards)
    for place in range(1, len(cards)):
        while place > 0 and row.smaller(place, place - 1):
            row.swap(place - 1, place)
            place -= 1
    return row.record()


SORTS = {"selection": selection_sort, "insertion": insertion_sort}


def describe_step(step: SortStep, lang: str) -> str:
    """A step in words, with the card values: 'Compare 7 and 3', 'Swap 7 and 3'."""
    first, second = step.cards[step.first], step.cards[step.second]
    if step.kind == "swap":  # the row is shown after the swap: name the cards as they were
        first, second = second, first
    return t(f"algorithms.step_{step.kind}", lang, first=first, second=second)


@dataclass
class CardTable:
    """Cards sorted by hand: click one card, then another, and they change places."""

    cards: list[Any]
    selected: int | None = None
    swaps: int = 0

    def click(self, index: int) -> None:
        """First click picks a card, second click swaps; clicking the picked card drops it."""
        if self.selected is None:
            self.selected = index
        elif self.selected == index:
            self.selected = None
        else:
            first = self.selected
            self.cards[first], self.cards[index] = self.cards[index], self.cards[first]
            self.swaps += 1
            self.selected = None

    @property
    def is_sorted(self) -> bool:
        return all(a <= b for a, b in zip(self.cards, self.cards[1:], strict=False))
