"""Netiquette, screen time and footprint: the arithmetic behind « Citoyenneté, droit et civilité ».

A written message has no voice and no face: capitals read as shouting, a row of "!!!" as anger,
a hurtful word stays on screen, and "reply all" sends it to everyone. The checker below spots
those four things and answers with codes; `citizenship_widgets` turns the codes into kind,
practical suggestions, never a verdict on the person.

Screen time and footprint are plain multiplications of daily habits by rounded, sourced orders
of magnitude (see the comments): enough to compare uses, never to measure one person.
Standard library only, so a browser app can reuse it later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

SHOUT_SHARE = 0.7    # share of capital letters from which a message reads as shouting
MIN_LETTERS = 6      # "OK", "SNCF" or "RSA" alone are not shouting
MANY_EXCLAMATIONS = 3
MANY_RECIPIENTS = 6  # from this many people, "reply all" deserves a second thought
ADVICE_CODES = ("rude", "shouting", "exclamations", "reply_all")


@dataclass(frozen=True)
class Advice:
    """One thing to look at again before sending: a code, and what was found."""

    code: str                     # one of ADVICE_CODES
    words: tuple[str, ...] = ()   # the hurtful words found, for "rude"
    count: int = 0                # how many "!" or recipients, for the others


def plain(text: str) -> str:
    """`text` without capitals, accents or punctuation, words separated by single spaces:
    "Tais-toi, CRÉTIN !" and "tais toi cretin" are read the same way."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(" " if not (ch.isalnum() or ch.isspace()) else ch
                   for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(kept.casefold().split())


@cache
def rude_word_list() -> tuple[str, ...]:
    """The small shipped list of hurtful words (French and English), written plainly."""
    lines = (DATA / "citizenship-rude-words.txt").read_text(encoding="utf-8").splitlines()
    return tuple(dict.fromkeys(plain(line) for line in lines
                               if line.strip() and not line.startswith("#")))


def rude_words(text: str, words: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The hurtful words or phrases of the list found in `text`, as whole words, in the
    order they appear ("nul" is found in "t'es nul", not in "annuler")."""
    padded = f" {plain(text)} "
    found = [(padded.find(f" {word} "), word) for word in (words or rude_word_list())
             if f" {word} " in padded]
    return tuple(word for _, word in sorted(found))


def capital_share(text: str) -> float:
    """The share of letters written in capitals, from 0 (none) to 1 (all)."""
    letters = [ch for ch in text if ch.isalpha() and ch.upper() != ch.lower()]
    return sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0


def is_shouting(text: str) -> bool:
    """True when the message is written (nearly) all in capitals: online, that is shouting."""
    letters = sum(ch.isalpha() for ch in text)
    return letters >= MIN_LETTERS and capital_share(text) >= SHOUT_SHARE


def exclamations(text: str) -> int:
    return text.count("!")


def check_message(text: str, recipients: int = 1) -> list[Advice]:
    """What to look at again before sending `text` to `recipients` people; empty when the
    message reads calmly. Hurtful words come first: they matter most."""
    advice = []
    if found := rude_words(text):
        advice.append(Advice("rude", words=found))
    if is_shouting(text):
        advice.append(Advice("shouting"))
    if (count := exclamations(text)) >= MANY_EXCLAMATIONS:
        advice.append(Advice("exclamations", count=count))
    if recipients >= MANY_RECIPIENTS:
        advice.append(Advice("reply_all", count=recipients))
    return advice


def calmer(text: str) -> str:
    """The same words in a calmer voice: shouting back to sentence case, "!!!" and "?!" to one
    sign. Hurtful words are left alone on purpose: only the writer can choose better ones."""
    out = text
    if is_shouting(out):
        out = re.sub(r"(^|[.!?]\s+|\n\s*)(\w)", lambda m: m[1] + m[2].upper(), out.lower())
        out = re.sub(r"\bi\b", "I", out)  # English "I" stays a capital
    return re.sub(r"[!?]{2,}", lambda m: "?" if "?" in m[0] else "!", out)


# --- screen time ------------------------------------------------------------------------------

SCREEN_USES = ("video", "social", "games", "calls", "other")
WAKING_HOURS = 16  # a day awake, to say a yearly total in days of one's life


def weekly_hours(daily: Mapping[str, float]) -> dict[str, float]:
    """Hours a week for each use, from hours a day: the week makes habits visible."""
    return {use: round(hours * 7, 1) for use, hours in daily.items()}


def waking_days_a_year(hours_a_day: float) -> int:
    """How many whole days awake (16 hours) `hours_a_day` add up to in a year."""
    return int(hours_a_day * 365 // WAKING_HOURS)


# --- environmental footprint -----------------------------------------------------------------
# Greenhouse gases in grams of CO2 equivalent (g CO2e), rounded to an order of magnitude.
# - Video and calls: ADEME's comparator impactco2.fr (« usage numérique », 2022) gives ≈ 15 kg for
#   520 hours of video streaming on a computer (≈ 29 g an hour, rounded to 30) and ≈ 6 kg for
#   728 hours of video calls (≈ 8 g an hour, rounded to 10).
# - E-mails: the same tool gives ≈ 0.4 kg for 3 172 e-mails (≈ 0.13 g each, rounded to 0.1).
# - Phone: making one ≈ 40 kg, using it ≈ 3 kg a year in France (as machine-energy.yaml: ADEME
#   impactco2.fr and makers' figures). The ADEME-Arcep study (January 2022) finds that devices
#   make 65 to 90 % of digital's impact, manufacturing first: keeping them longer helps most.
# - Car: ≈ 0.2 kg CO2e a kilometre for one person in a petrol car (ADEME impactco2.fr), used only
#   to compare.
GRAMS: dict[str, float] = {"video": 30, "calls": 10, "email": 0.1}  # an hour, an hour, each
PHONE_MANUFACTURING_KG = 40
PHONE_USE_KG_PER_YEAR = 3
CAR_KG_PER_KM = 0.2


def yearly_kg(use: str, amount_a_day: float) -> float:
    """kg CO2e a year for `amount_a_day` hours (video, calls) or e-mails (email) every day."""
    return GRAMS[use] * amount_a_day * 365 / 1000


def phone_kg_a_year(years_kept: float) -> float:
    """A phone's footprint per year of use: its making shared over the years it is kept,
    plus its yearly use. Keeping it 4 years instead of 2 nearly halves it."""
    if years_kept <= 0:
        raise ValueError("a phone is kept for more than 0 years")
    return PHONE_MANUFACTURING_KG / years_kept + PHONE_USE_KG_PER_YEAR


def car_km(kg: float) -> int:
    """The same greenhouse gases as that many kilometres in a petrol car: a familiar yardstick."""
    return round(kg / CAR_KG_PER_KM)


def stored_copies(recipients: int, link: bool = False) -> int:
    """Copies of an attachment kept on servers: one per recipient plus the sender's "Sent"
    copy, each kept until deleted; a link to one shared file keeps a single copy."""
    return 1 if link else recipients + 1
