"""A next-word machine for « L'IA au quotidien / AI in everyday life »: how a chatbot can write
something false.

It reads a few true sentences and keeps only which word came after which; then it writes new
sentences word by word, each word picked among those it saw after the one before. The result
sounds right and is mostly false: a hallucination seen from the inside. Real chatbots learn from
billions of texts with far richer models, but they too write the likely next word, not the true
one. Standard library only, and seeded, so a sentence can be written again.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from .i18n import DATA, normalise_lang


def load_sentences(lang: str) -> list[str]:
    """The true sentences of ``data/ai-sentences-<lang>.txt`` the little writer learns from."""
    text = (DATA / f"ai-sentences-{normalise_lang(lang)}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def sentence_words(sentence: str) -> list[str]:
    """The words of a sentence, its final full stop (or ! or ?) counted as one more word."""
    return re.findall(r"[^\s.!?]+|[.!?]", sentence)


def next_words(sentences: Iterable[str]) -> dict[str, list[str]]:
    """For each word, every word seen right after it ("" opens a sentence, "." ends it): all a
    generative model keeps here is what tends to come next, never whether a sentence was true."""
    follows: dict[str, list[str]] = {}
    for sentence in sentences:
        tokens = ["", *sentence_words(sentence)]
        for word, after in zip(tokens, tokens[1:], strict=False):
            follows.setdefault(word, []).append(after)
    return follows


def join_words(tokens: Iterable[str]) -> str:
    """Words back into a sentence, with no space before its final full stop."""
    return re.sub(r" ([.!?])", r"\1", " ".join(tokens))


def write_sentence(follows: dict[str, list[str]], seed: int, limit: int = 30) -> str:
    """A sentence drawn word by word, each one picked among those seen after the one before,
    as often as it was seen there, until a full stop."""
    rng, word, out = random.Random(seed), "", []
    while len(out) < limit and word in follows:
        word = rng.choice(follows[word])
        out.append(word)
        if word in (".", "!", "?"):
            break
    return join_words(out)
