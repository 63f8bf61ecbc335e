"""The source checklist: six questions to ask of a piece of news before believing or sharing it.

Who wrote it? When? With what evidence? Do other sources say the same? Does it play on emotion
or urgency? Does its picture really show what it says? Each made-up news item of
news-items.yaml carries the checklist's answers with their reasons, and the verdict found by
checking elsewhere (true, misleading, false). The checklist raises doubts, it does not decide:
a count of warning signs gives advice (`advice`), never the verdict.

Pictures are checked with a pretend reverse image search: each photo becomes a fingerprint (a
square is 1 if brighter than the photo's average, else 0, as in the "average hash" real tools
start from), and photos whose fingerprints differ in a few squares are the same photo, even
lightened or with a logo added. The oldest one shows where the photo really comes from.

Plain Python (standard library) so that the app « Vrai ou faux » can reuse it: `load_items`,
`review` (a learner's ticks against the reference), `reasons`, `advice`, `emotion_clues`,
`is_older_than`, `reverse_image_search`. Only the `_raw` loader reads the shipped YAML file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from .i18n import DATA, pick
from .search_engine import plain

CRITERIA = ("who", "when", "evidence", "corroboration", "emotion", "image")
VERDICTS = ("true", "misleading", "false")
SAME_PHOTO = 8  # fingerprints that differ in at most 8 of their 96 squares: the same photo


@dataclass(frozen=True)
class Check:
    """One question of the checklist for one item: is it a warning sign, and why."""

    criterion: str
    alarm: bool
    reason: Mapping[str, str]


@dataclass(frozen=True)
class NewsItem:
    id: str
    site: str
    author: Mapping[str, str]
    published: date
    headline: Mapping[str, str]
    text: Mapping[str, str]
    checks: tuple[Check, ...]
    verdict: str  # one of VERDICTS
    summary: Mapping[str, str]
    photo: str | None = None  # id of the photo posted with it

    @property
    def criteria(self) -> tuple[str, ...]:
        """The questions that apply (no picture, no question about the picture)."""
        return tuple(check.criterion for check in self.checks)

    @property
    def alarms(self) -> tuple[str, ...]:
        return tuple(check.criterion for check in self.checks if check.alarm)

    def check(self, criterion: str) -> Check:
        return next(check for check in self.checks if check.criterion == criterion)


@dataclass(frozen=True)
class Photo:
    """A picture as a reverse image search knows it: where and when it was seen."""

    id: str
    date: date
    site: str
    caption: Mapping[str, str]
    rows: tuple[str, ...]  # grey levels, 0 (black) to 9 (white), one digit per square

    @property
    def grey(self) -> list[list[int]]:
        return [[int(level) for level in row] for row in self.rows]


@dataclass(frozen=True)
class Review:
    """A learner's answers to the checklist, compared with the reference."""

    item: NewsItem
    right: Mapping[str, bool | None]  # per criterion; None: not answered
    verdict: str | None = None

    @property
    def score(self) -> int:
        return sum(1 for ok in self.right.values() if ok)

    @property
    def complete(self) -> bool:
        return all(ok is not None for ok in self.right.values()) and self.verdict is not None

    @property
    def verdict_right(self) -> bool:
        return self.verdict == self.item.verdict


def review(item: NewsItem, ticks: Mapping[str, bool | None], verdict: str | None = None) -> Review:
    """Compare `ticks` (criterion → True for "warning sign", False for "reassuring", None for
    no answer yet) with the item's checklist."""
    if verdict is not None and verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {VERDICTS}, not {verdict!r}")
    right = {criterion: None if ticks.get(criterion) is None
             else ticks[criterion] == item.check(criterion).alarm for criterion in item.criteria}
    return Review(item, right, verdict)


def reasons(item: NewsItem, lang: str) -> list[tuple[str, bool, str]]:
    """(criterion, is it a warning sign, why) for each question, in `lang`: what a learner
    reads once they have answered, here or in the app « Vrai ou faux »."""
    return [(check.criterion, check.alarm, pick(check.reason, lang)) for check in item.checks]


def advice(alarm_count: int) -> str:
    """What a number of warning signs suggests: "trust" (none), "check" (one or two),
    "doubt" (three or more). Advice only: the verdict comes from checking elsewhere."""
    return "trust" if alarm_count == 0 else "check" if alarm_count <= 2 else "doubt"


def is_older_than(published: date, limit: date) -> bool:
    """True when `published` is strictly before `limit`: news to read with its date in mind."""
    return published < limit


def emotion_clues(text: str, words: tuple[str, ...]) -> list[str]:
    """The words that push readers to react before thinking: WORDS IN CAPITALS, runs of "!!",
    and the urgency `words` found in `text` (see `urgency_words`). In reading order, once each."""
    found: list[tuple[int, str]] = []
    for match in re.finditer(r"\w{4,}", text):
        if match.group().isupper() and not match.group().isdigit():
            found.append((match.start(), match.group()))
    found += [(match.start(), match.group()) for match in re.finditer(r"!{2,}", text)]
    flat = "".join((plain(ch) or " ")[0] for ch in text)  # one letter each: positions match
    for word in words:
        for match in re.finditer(rf"\b{re.escape(plain(word))}\b", flat):
            found.append((match.start(), text[match.start():match.end()]))
    seen: dict[str, None] = {}
    for _start, clue in sorted(found):
        seen.setdefault(clue, None)
    return list(seen)


# --- the pretend reverse image search -----------------------------------------------------------

def fingerprint(rows: tuple[str, ...] | list[str]) -> str:
    """One bit per square: 1 if brighter than the picture's average, else 0. Lightening the
    whole photo changes the average too, so the fingerprint stays the same."""
    levels = [int(level) for row in rows for level in row]
    average = sum(levels) / len(levels)
    return "".join("1" if level > average else "0" for level in levels)


def difference(first: str, second: str) -> int:
    """How many squares of two fingerprints differ."""
    if len(first) != len(second):
        raise ValueError("fingerprints of pictures of different sizes")
    return sum(a != b for a, b in zip(first, second, strict=True))


@dataclass(frozen=True)
class Sighting:
    photo: Photo
    difference: int


def reverse_image_search(photo_id: str, photos: tuple[Photo, ...] | None = None) -> list[Sighting]:
    """Every place the same photo was seen (itself included), oldest first."""
    photos = load_photos() if photos is None else photos
    wanted = fingerprint(find_photo(photo_id, photos).rows)
    found = [Sighting(photo, difference(wanted, fingerprint(photo.rows))) for photo in photos]
    return sorted((s for s in found if s.difference <= SAME_PHOTO),
                  key=lambda s: (s.photo.date, s.photo.id))


def find_photo(photo_id: str, photos: tuple[Photo, ...] | None = None) -> Photo:
    """The photo `photo_id`; KeyError (naming it) when the reverse search knows no such photo."""
    for photo in load_photos() if photos is None else photos:
        if photo.id == photo_id:
            return photo
    raise KeyError(photo_id)


def photo_older_than_news(item: NewsItem, photos: tuple[Photo, ...] | None = None) -> bool:
    """True when the item's photo was already online before the item: an old picture reused."""
    if item.photo is None:
        return False
    return reverse_image_search(item.photo, photos)[0].photo.date < item.published


# --- the shipped data -------------------------------------------------------------------------

@cache
def _raw() -> dict:
    import yaml  # the data file only: the browser edition may hand the items over itself

    return yaml.safe_load((DATA / "news-items.yaml").read_text(encoding="utf-8"))


def items_from_data(raw: Mapping) -> tuple[NewsItem, ...]:
    """News items from the YAML file's content; the checks keep the order of CRITERIA."""
    items = []
    for entry in raw["items"]:
        checks = tuple(Check(name, bool(entry["checks"][name]["alarm"]),
                             {lang: text for lang, text in entry["checks"][name].items()
                              if lang != "alarm"})
                       for name in CRITERIA if name in entry["checks"])
        if entry["verdict"] not in VERDICTS:
            raise ValueError(f"{entry['id']}: unknown verdict {entry['verdict']!r}")
        items.append(NewsItem(entry["id"], entry["site"], entry["author"], entry["published"],
                              entry["headline"], entry["text"], checks, entry["verdict"],
                              entry["summary"], entry.get("photo")))
    return tuple(items)


@cache
def load_items() -> tuple[NewsItem, ...]:
    return items_from_data(_raw())


def news_item(item_id: str) -> NewsItem:
    return next(item for item in load_items() if item.id == item_id)


@cache
def load_photos() -> tuple[Photo, ...]:
    return tuple(Photo(entry["id"], entry["date"], entry["site"], entry["caption"],
                       tuple(entry["rows"])) for entry in _raw()["photos"])


def urgency_words(lang: str) -> tuple[str, ...]:
    return tuple(pick(_raw()["urgency"], lang))
