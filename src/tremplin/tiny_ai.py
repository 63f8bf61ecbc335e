"""The machine behind « L'IA au quotidien / AI in everyday life »: models that learn from examples.

Two tiny classifiers a learner can watch learn, guess and fail: a word-count model (naive Bayes)
that sorts short messages into spam / normal, and a k-nearest-neighbour model that sorts fruit by
two measurements. Around them: accuracy, a confusion table, a seeded train/test split, and the bias
experiment (a group that is rare in the training data is served worse). Standard library only, so
a later edition can run the same code in the browser; deterministic, so the numbers the module's
text quotes are the numbers the learner sees.
"""

from __future__ import annotations

import csv
import math
import random
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from .i18n import DATA, normalise_lang, t

SPAM, NORMAL = "spam", "normal"  # the labels of the messages, the same in both languages
SEED = 4  # the split of every activity: change it and the test set changes
TEST_SHARE = 0.25
Item = TypeVar("Item")


class Message(NamedTuple):
    text: str
    label: str


class Fruit(NamedTuple):
    width: float  # centimetres
    height: float
    label: str  # "pomme" / "apple"…
    group: str  # the orchard it comes from: "vallée" / "valley"…


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a shipped CSV file; lines starting with # are notes for the people who edit it."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def load_messages(lang: str) -> list[Message]:
    """The made-up messages of ``data/ai-messages-<lang>.csv``, each labelled spam or normal."""
    return [Message(row["text"], row["label"])
            for row in _rows(f"ai-messages-{normalise_lang(lang)}.csv")]


def load_fruits(lang: str | None = None) -> list[Fruit]:
    """The fruit of ``data/ai-points.csv``, named in `lang` (with their codes when None)."""
    def name(kind: str, code: str) -> str:
        return t(f"ai.{kind}.{code}", lang) if lang else code

    return [Fruit(float(row["width"]), float(row["height"]), name("fruit", row["fruit"]),
                  name("orchard", row["orchard"])) for row in _rows("ai-points.csv")]


# --- words and the word-count model -------------------------------------------------------------

def words(text: str) -> list[str]:
    """The words of a message, in small letters, without punctuation: "Gagnez 500 €!" gives
    ["gagnez", "500"]. The model only ever sees these: not the meaning, not the sender."""
    return re.findall(r"[^\W_]+", text.lower())


class Push(NamedTuple):
    """Why one word pushed a guess: the label where it was seen more, and the times seen."""
    word: str
    towards: str
    seen: dict[str, int]
    strength: float  # how many times likelier under `towards`, as a logarithm


@dataclass
class WordModel:
    """A word-count model (naive Bayes). Learning is counting: for each label, how many messages
    and how often each word. Guessing is asking, word after word, which label saw it more often;
    a word never seen in training does not count at all."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    messages: Counter[str] = field(default_factory=Counter)

    def learn(self, text: str, label: str) -> None:
        self.messages[label] += 1
        self.counts.setdefault(label, Counter()).update(words(text))

    @property
    def labels(self) -> list[str]:
        return sorted(self.counts)

    def vocabulary(self) -> set[str]:
        return set().union(*self.counts.values())

    def _likelihood(self, word: str, label: str, size: int) -> float:
        """Chance of meeting `word` in a message of `label`. One is added to every count (Laplace)
        so that a word never seen in spam does not make spam impossible."""
        seen = self.counts[label]
        return (seen[word] + 1) / (seen.total() + size)

    def scores(self, text: str) -> dict[str, float]:
        """Log-score of each label: how common the label is, times the chance of each word."""
        vocabulary, total = self.vocabulary(), sum(self.messages.values())
        return {label: math.log(self.messages[label] / total) + sum(
            math.log(self._likelihood(word, label, len(vocabulary)))
            for word in words(text) if word in vocabulary) for label in self.labels}

    def probabilities(self, text: str) -> dict[str, float]:
        """How sure the model is of each label, between 0 and 1 (they add up to 1)."""
        scores = self.scores(text)
        top = max(scores.values())
        powers = {label: math.exp(score - top) for label, score in scores.items()}
        return {label: power / sum(powers.values()) for label, power in powers.items()}

    def predict(self, text: str) -> str:
        scores = self.scores(text)
        return max(self.labels, key=lambda label: scores[label])  # ties: first label

    def pushes(self, text: str) -> list[Push]:
        """The known words of `text`, strongest push first: each says where it pulls the guess."""
        size, out = len(self.vocabulary()), []
        for word in dict.fromkeys(w for w in words(text) if w in self.vocabulary()):
            chances = {label: self._likelihood(word, label, size) for label in self.labels}
            ranked = sorted(self.labels, key=lambda label: -chances[label])
            out.append(Push(word, ranked[0], {lb: self.counts[lb][word] for lb in self.labels},
                            math.log(chances[ranked[0]] / chances[ranked[-1]])))
        return sorted(out, key=lambda push: -push.strength)

    def unknown(self, text: str) -> list[str]:
        """Words of `text` the model never met in training: it cannot use them."""
        return list(dict.fromkeys(w for w in words(text) if w not in self.vocabulary()))


def train_words(examples: Iterable[Message]) -> WordModel:
    model = WordModel()
    for text, label in examples:
        model.learn(text, label)
    return model


# --- the nearest-neighbour model -----------------------------------------------------------------

@dataclass(frozen=True)
class NeighbourModel:
    """A k-nearest-neighbour model: it keeps every example it was shown, and guesses the label
    most of the `k` closest examples carry. Learning is only remembering."""

    examples: tuple[Fruit, ...]
    k: int = 3

    def nearest(self, width: float, height: float, k: int | None = None) -> list[Fruit]:
        """The `k` examples closest to the point; equally close ones keep their order."""
        return sorted(self.examples, key=lambda fruit: math.dist(
            (fruit.width, fruit.height), (width, height)))[:k or self.k]

    def predict(self, width: float, height: float) -> str:
        """The label most neighbours carry; a tie goes to the label of the closest one."""
        nearest = [fruit.label for fruit in self.nearest(width, height)]
        votes = Counter(nearest)
        return max(nearest, key=lambda label: (votes[label], -nearest.index(label)))


def train_neighbours(examples: Iterable[Fruit], k: int = 3) -> NeighbourModel:
    return NeighbourModel(tuple(examples), k)


# --- measuring a model ---------------------------------------------------------------------------

def accuracy(predicted: Sequence[str], actual: Sequence[str]) -> float:
    """The share of right guesses, from 0 (all wrong) to 1 (all right)."""
    if len(predicted) != len(actual) or not actual:
        raise ValueError("accuracy needs as many guesses as true labels, and at least one")
    return sum(guess == truth for guess, truth in zip(predicted, actual, strict=True)) / len(actual)


def confusion(predicted: Sequence[str], actual: Sequence[str]) -> dict[tuple[str, str], int]:
    """How often each true label (first) got each guess (second), zeros included: the diagonal
    holds the right guesses, every other box one kind of mistake."""
    labels = sorted(set(actual) | set(predicted))
    found = Counter(zip(actual, predicted, strict=True))
    return {(truth, guess): found[(truth, guess)] for truth in labels for guess in labels}


def _label(item: object) -> Hashable:
    return getattr(item, "label", None)


def split(items: Sequence[Item], test_share: float = TEST_SHARE, seed: int = SEED,
          by: Callable[[Item], Hashable] = _label) -> tuple[list[Item], list[Item]]:
    """(training, test): the items shuffled with `seed`, and a share kept aside to test on, since
    a model must be judged on examples it never saw. Each group given by `by` (the label, unless
    told otherwise) is split on its own, so the test set holds the groups in the same proportion
    as the data: 6 spams out of 13, not 13 spams by bad luck."""
    groups: dict[Hashable, list[Item]] = {}
    for item in items:
        groups.setdefault(by(item), []).append(item)
    rng, training, test = random.Random(seed), [], []
    for group in groups.values():
        shuffled = list(group)
        rng.shuffle(shuffled)
        cut = round(len(shuffled) * test_share)
        test += shuffled[:cut]
        training += shuffled[cut:]
    return training, test


# --- bias: a group rare in the training data ------------------------------------------------------

@dataclass(frozen=True)
class BiasResult:
    """One run of the bias experiment: what the model learned from, and how it did on the test."""

    training: tuple[Fruit, ...]
    test: tuple[Fruit, ...]
    predicted: tuple[str, ...]
    rare: str

    def accuracy_of(self, group: str) -> float:
        pairs = [(guess, fruit.label) for guess, fruit in zip(self.predicted, self.test,
                                                              strict=True) if fruit.group == group]
        return accuracy(*zip(*pairs, strict=True))

    def count_of(self, group: str) -> int:
        return sum(fruit.group == group for fruit in self.training)


def bias_experiment(fruits: Sequence[Fruit], rare_in_training: int = 2, seed: int = SEED,
                    k: int = 3, rare: str | None = None) -> BiasResult:
    """Train on every training fruit of the common groups but only `rare_in_training` of the
    `rare` group (the least common one by default), then test on all groups. The rare group's
    fruit are taken in turn from each label, so a few of them still show every kind."""
    rare = rare or min(sorted({f.group for f in fruits}), key=[f.group for f in fruits].count)
    training, test = split(fruits, seed=seed, by=lambda fruit: (fruit.group, fruit.label))
    pool = [fruit for fruit in training if fruit.group == rare]
    by_label = [[f for f in pool if f.label == label] for label in sorted({f.label for f in pool})]
    in_turn = [f for row in zip(*by_label, strict=False) for f in row]
    in_turn += [f for f in pool if f not in in_turn]
    kept = tuple([f for f in training if f.group != rare] + in_turn[:rare_in_training])
    model = train_neighbours(kept, k)
    return BiasResult(kept, tuple(test), tuple(model.predict(f.width, f.height) for f in test),
                      rare)
