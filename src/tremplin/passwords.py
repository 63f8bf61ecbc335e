"""What a password costs a thief: the machine behind « Cybersécurité au quotidien ».

A thief who cannot ask the owner tries passwords one after the other. With an alphabet of A signs
and a length of L, there are A to the power L passwords to try (brute force), unless the password
follows a habit thieves try first: a very common password, a dictionary word with digits around
it, a year, a keyboard row, a repeated sign (dictionary attack). Either way the answer is a number
of guesses, and time is that number divided by the thief's speed: arithmetic a learner can check.

Standard library only, so the app "Mot de passe solide" can run it in the browser later. A password
is never kept: functions look at it and return numbers and codes (`Analysis` has no field for
it), and nothing is printed or logged. The codes (verdicts, reasons, kinds of characters,
duration units) are turned into French or English sentences by `security_widgets`.
"""

from __future__ import annotations

import random
import re
import secrets
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# The speed we state everywhere: a thief who stole a site's file of (badly protected) passwords
# and tries them offline with graphics cards. A website that blocks after a few tries is far slower.
GUESSES_PER_SECOND = 10_000_000_000
SECONDS_PER_YEAR = 365 * 24 * 3600
RECOMMENDED_LENGTH = 12  # CNIL and ANSSI advice for a password used alone

# Kinds of characters and how many signs each adds to the alphabet a thief must try.
# "other" (é, ç, ß…) is a rough count of the extra letters of European keyboards.
KINDS: dict[str, int] = {"lower": 26, "upper": 26, "digits": 10, "symbols": 33, "other": 64}
SYMBOLS = frozenset(string.punctuation + " ")

# Verdicts by the time a thief needs to try every possibility, at the stated speed.
VERDICTS: tuple[tuple[str, float], ...] = (
    ("very_weak", 24 * 3600),                 # under a day
    ("weak", 100 * SECONDS_PER_YEAR),         # under a century
    ("fair", 100_000 * SECONDS_PER_YEAR),     # under a thousand centuries
)
STRONG = "strong"

# What a thief's lists cost: a dictionary of words, names and leaked passwords (real ones are
# larger still), a few hundred keyboard rows and sequences, the years and dates people use.
DICTIONARY_GUESSES = 1_000_000
LEET_GUESSES = 100 * DICTIONARY_GUESSES  # the usual swaps (@ for a, 0 for o…) of every word
ROW_GUESSES = 1_000
YEAR_GUESSES = 200       # 1900 to 2099
DATE_GUESSES = 36_525    # every day of a century

KEYBOARD_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm",
                 "1234567890", "&é\"'(-è_çà)=", "1qaz2wsx3edc4rfv", "1aqw2zsx3edc4rfv")
SEQUENCES = (string.ascii_lowercase, string.digits)
LEET = str.maketrans("@4310!$5+7", "aaeioissst")
SEPARATORS = re.compile(r"[-_ .,/+]+")
AFFIXES = re.compile(r"^([\W\d_]*)(.*?)([\W\d_]*)$", re.DOTALL)  # signs | letters… | signs


@dataclass(frozen=True)
class Analysis:
    """What a password costs a thief. Holds no part of the password itself."""

    length: int
    kinds: tuple[str, ...]
    alphabet: int
    brute_force: int    # alphabet ** length: every possible password of this length
    guesses: int        # what a thief really needs: fewer when a habit gives the password away
    seconds: float      # time to try `guesses` at the stated speed
    verdict: str        # very_weak, weak, fair or strong
    reasons: tuple[str, ...]
    word_count: int = 0  # words of a known list, when the password is a passphrase of them


def _read_list(name: str) -> tuple[str, ...]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(dict.fromkeys(s.strip().lower() for s in lines
                               if s.strip() and not s.startswith("#")))


@cache
def common_passwords() -> tuple[str, ...]:
    """The shipped list of very common passwords, most common first (lowercase)."""
    return _read_list("passwords-common.txt")


@cache
def word_list(lang: str) -> tuple[str, ...]:
    """The shipped passphrase words of a language ("fr" or "en")."""
    return _read_list(f"passphrase-words-{lang}.txt")


@cache
def _rank() -> dict[str, int]:
    return {word: rank for rank, word in enumerate(common_passwords(), start=1)}


@cache
def _dictionary() -> frozenset[str]:
    return frozenset(common_passwords()) | frozenset(word_list("fr")) | frozenset(word_list("en"))


def character_kinds(password: str) -> tuple[str, ...]:
    """The kinds of characters used, in the order of `KINDS`."""
    found = set()
    for ch in password:
        if ch in string.ascii_lowercase:
            found.add("lower")
        elif ch in string.ascii_uppercase:
            found.add("upper")
        elif ch in string.digits:
            found.add("digits")
        elif ch in SYMBOLS:
            found.add("symbols")
        else:
            found.add("other")
    return tuple(kind for kind in KINDS if kind in found)


def alphabet_size(password: str) -> int:
    """How many signs a thief must try at each place: the sizes of the kinds used, added."""
    return sum(KINDS[kind] for kind in character_kinds(password))


def guesses(alphabet: int, length: int) -> int:
    """Every password of `length` signs from an `alphabet`: alphabet × alphabet × … (length)."""
    return alphabet**length


def seconds_to_guess(count: int, per_second: int = GUESSES_PER_SECOND) -> float:
    """Seconds to try `count` guesses at `per_second` (infinite beyond what a float holds)."""
    try:
        return count / per_second
    except OverflowError:
        return float("inf")


def verdict(seconds: float) -> str:
    """very_weak, weak, fair or strong, from the time to try every possibility."""
    return next((name for name, limit in VERDICTS if seconds < limit), STRONG)


def _simple(text: str) -> tuple[int, str] | None:
    """Guesses and reason when `text` (lowercase) is a habit: a keyboard row, a sequence, a
    repeated sign or group, a year or a date."""
    if re.fullmatch(r"(19|20)\d\d", text):
        return YEAR_GUESSES, "year"
    if text.isdigit() and _is_date(text):
        return DATE_GUESSES, "year"
    if len(text) >= 3:
        if any(text in seq or text in seq[::-1] for seq in SEQUENCES):
            return ROW_GUESSES, "sequence"
        if any(text in row or text in row[::-1] for row in KEYBOARD_ROWS):
            return ROW_GUESSES, "keyboard"
        if repeat := re.fullmatch(r"(.{1,4}?)\1+", text):
            chunk = repeat[1]
            return max(alphabet_size(chunk), 1) ** len(chunk) * len(text), "repeat"
    return None


def _is_date(digits: str) -> bool:
    """ddmmyy, ddmmyyyy or yyyymmdd: a birthday, the first thing a thief who knows you tries."""
    days_months = []
    if len(digits) == 6:
        days_months.append((digits[:2], digits[2:4]))
    if len(digits) == 8 and digits[4:6] in ("19", "20"):
        days_months.append((digits[:2], digits[2:4]))
    if len(digits) == 8 and digits[:2] in ("19", "20"):
        days_months.append((digits[6:], digits[4:6]))
    return any(1 <= int(day) <= 31 and 1 <= int(month) <= 12 for day, month in days_months)


def _word(core: str) -> tuple[int, str] | None:
    """Guesses and reason when `core` (the letters part, lowercase) is a known word."""
    if core in _rank():
        return _rank()[core], "common"
    if core in _dictionary():
        return DICTIONARY_GUESSES, "word"
    swapped = {core.translate(LEET), core.replace("1", "l").translate(LEET)}
    if swapped != {core} and swapped & _dictionary():
        return LEET_GUESSES, "leet"
    return _simple(core)


def _affix(affix: str) -> tuple[int, str | None]:
    """Guesses for the digits and signs around a word, and the habit they follow if any
    ("2024!" is a year and a sign: 200 years times 33 signs)."""
    if not affix:
        return 1, None
    digits = "".join(ch for ch in affix if ch.isdigit())
    signs = len(affix) - len(digits)
    if habit := _simple(affix):
        return habit
    if digits and signs and (habit := _simple(digits)):
        return habit[0] * KINDS["symbols"] ** signs, habit[1]
    return alphabet_size(affix) ** len(affix), None


def _passphrase(low: str) -> tuple[int, int] | None:
    """(guesses, word count) when `low` is two or more words of one shipped list."""
    parts = [part for part in SEPARATORS.split(low) if part]
    if len(parts) < 2:
        return None
    for words in (frozenset(word_list("fr")), frozenset(word_list("en")), _dictionary()):
        if all(part in words for part in parts):
            return len(words) ** len(parts), len(parts)
    return None


def _habits(password: str) -> tuple[int, tuple[str, ...], int] | None:
    """What a thief trying habits first needs: (guesses, reasons, word count), or None."""
    low = password.lower()
    if low in _rank():
        return _rank()[low], ("common",), 0
    if whole := _simple(low):
        return whole[0], (whole[1],), 0
    if phrase := _passphrase(low):
        return phrase[0], ("known_words",), phrase[1]
    prefix, core, suffix = AFFIXES.match(password).groups()
    word = _word(core.lower()) if core else None
    reasons = [word[1]] if word else []
    total = word[0] * (2 if core != core.lower() else 1) if word else guesses(
        alphabet_size(core), len(core))
    for affix in (prefix, suffix):
        count, reason = _affix(affix)
        total *= count
        if reason and reason not in reasons:
            reasons.append(reason)
    return (total, tuple(reasons), 0) if reasons else None


def _composition(password: str, kinds: tuple[str, ...]) -> list[str]:
    """Plain weaknesses of the make-up: too short, one or two kinds of characters only."""
    out = ["too_short"] if len(password) < RECOMMENDED_LENGTH else []
    only = {("lower",): "only_lower", ("upper",): "only_upper", ("digits",): "only_digits",
            ("lower", "upper"): "only_letters"}
    if kinds in only:
        out.append(only[kinds])
    return out


def analyse(password: str, per_second: int = GUESSES_PER_SECOND) -> Analysis:
    """Everything a learner reads about a password, as numbers and codes (see module doc)."""
    kinds = character_kinds(password)
    alphabet = alphabet_size(password)
    brute = guesses(alphabet, len(password))
    if not password:
        return Analysis(0, (), 0, 1, 1, 0.0, "very_weak", ("empty",))
    habits = _habits(password)
    count, reasons, words = (min(habits[0], brute), habits[1], habits[2]) if habits else (
        brute, (), 0)
    seconds = seconds_to_guess(count, per_second)
    rating = verdict(seconds)
    if rating != STRONG:
        reasons += tuple(_composition(password, kinds))
    return Analysis(len(password), kinds, alphabet, brute, count, seconds, rating, reasons, words)


def passphrase(word_count: int = 6, lang: str = "fr", *, seed: int | None = None,
               separator: str = "-") -> str:
    """`word_count` words drawn at random from the shipped list of `lang`.

    Drawn with `secrets` (the operating system's unpredictable randomness). `seed` makes the
    draw repeatable, for tests and worked examples only: a seeded phrase is a public one.
    """
    words = word_list(lang)
    chooser = random.Random(seed).choice if seed is not None else secrets.choice
    return separator.join(chooser(words) for _ in range(word_count))


def passphrase_guesses(word_count: int, lang: str = "fr") -> int:
    """Every phrase of `word_count` words from the list: a word is one sign of a big alphabet."""
    return guesses(len(word_list(lang)), word_count)
