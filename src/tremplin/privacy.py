"""Rights over one's data, traces and audiences, as data and small rules (GDPR, photos, posts).

Which GDPR right fits a situation, the letter that asks a company to apply it and the date by
which it must answer; what the metadata of a photo tells and what is left once it is removed;
who sees a post for each privacy setting; what a search on a name shows. Everything lives in
privacy.yaml (made-up people and companies); this file only reads and combines it.

Standard library only, like `tracking`, so the app « Traces et cookies » can run it in a browser.
The frame sentences of the activities are written by `privacy_widgets`.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from .tracking import in_lang, read_data

RIGHTS: tuple[str, ...] = ("access", "rectification", "erasure", "objection")
SETTINGS: tuple[str, ...] = ("public", "friends", "only_me")
EXIF_MOMENT = "%Y:%m:%d %H:%M:%S"  # how cameras write the date and time of a photo


@cache
def data() -> dict[str, Any]:
    return read_data("privacy.yaml")


# --- rights and situations -----------------------------------------------------------------------

@dataclass(frozen=True)
class Right:
    id: str
    article: int
    names: Mapping[str, str]
    does: Mapping[str, str]

    def name(self, lang: str) -> str:
        return in_lang(self.names, lang)

    def what_it_does(self, lang: str) -> str:
        return in_lang(self.does, lang)


@dataclass(frozen=True)
class Situation:
    id: str
    right: str
    texts: Mapping[str, str]

    def text(self, lang: str) -> str:
        return in_lang(self.texts, lang)


def rights() -> dict[str, Right]:
    return {one["id"]: Right(one["id"], one["article"], one["name"], one["does"])
            for one in data()["rights"]}


def situations() -> list[Situation]:
    return [Situation(one["id"], one["right"], one["text"]) for one in data()["situations"]]


def right_for(situation_id: str) -> str:
    """The right that fits a situation of privacy.yaml, e.g. "erasure" for an old ad."""
    return next(one.right for one in situations() if one.id == situation_id)


# --- deadlines and dates -------------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 January + 1 month = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def answer_deadline(received: date) -> date:
    """The day by which a company must answer a request received on `received` (article 12)."""
    return add_months(received, data()["answer_months"])


def extended_deadline(received: date) -> date:
    """The latest answer for a complex request: two more months, if the person was told why
    within the first month."""
    return add_months(received, data()["answer_months"] + data()["extra_months"])


def long_date(day: date, lang: str) -> str:
    """14 juin 2025 / 14 June 2025: dates as people write them, without the system's locale."""
    cal = data()["calendar"]
    return in_lang(cal["date"], lang).format(day=day.day, year=day.year,
                                             month=in_lang(cal["months"], lang)[day.month - 1])


def moment(exif_time: str, lang: str) -> str:
    """A camera's "2025:06:14 08:47:12" said plainly: "le samedi 14 juin 2025 à 8 h 47"."""
    when = datetime.strptime(exif_time, EXIF_MOMENT)
    cal = data()["calendar"]
    return in_lang(cal["moment"], lang).format(
        weekday=in_lang(cal["weekdays"], lang)[when.weekday()], date=long_date(when, lang),
        hour=when.hour, minute=when.minute)


# --- request letters -----------------------------------------------------------------------------

def request_letter(right: str, lang: str, *, name: str | None = None,
                   company: str | None = None, reference: str | None = None,
                   details: str | None = None, sent: date | None = None) -> str:
    """A letter asking `company` to apply `right`, ready to copy; the deadline is one month after
    `sent` (a letter takes a few days to arrive: the real one is a little later)."""
    if right not in RIGHTS:
        raise ValueError(f"unknown right {right!r}; expected one of {', '.join(RIGHTS)}")
    letter, example = data()["letter"], data()["letter"]["example"]
    name = name or example["name"]
    sent = sent or date.today()
    details = details or in_lang(letter["default_details"][right], lang).format(name=name)
    fields = {"name": name, "company": company or example["company"],
              "reference": reference or in_lang(example["reference"], lang),
              "date": long_date(sent, lang), "deadline": long_date(answer_deadline(sent), lang),
              "subject": in_lang(letter["subject"][right], lang),
              "request": in_lang(letter["request"][right], lang).format(details=details)}
    return "\n".join(part.format(**fields) for part in in_lang(letter["parts"], lang))


# --- a photo's metadata --------------------------------------------------------------------------

@dataclass(frozen=True)
class Reveal:
    kind: str  # place, time, author, device, size
    personal: bool
    text: str


def example_photo() -> dict[str, Any]:
    """The metadata of the module's made-up photo, as a camera writes it (EXIF-like)."""
    return dict(data()["photo"]["metadata"])


def photo_reveals(metadata: Mapping[str, Any], lang: str) -> list[Reveal]:
    """What each kind of metadata tells, for the kinds whose fields are all there."""
    found = []
    for kind in data()["photo"]["kinds"]:
        if all(name in metadata for name in kind["fields"]):
            fields = dict(metadata)
            if "DateTimeOriginal" in metadata:
                fields["moment"] = moment(metadata["DateTimeOriginal"], lang)
            found.append(Reveal(kind["id"], kind["personal"],
                                in_lang(kind["says"], lang).format(**fields)))
    return found


def without(metadata: Mapping[str, Any], *kinds: str) -> dict[str, Any]:
    """The metadata once the fields of `kinds` are removed (what a "remove location" does)."""
    removed = {name for kind in data()["photo"]["kinds"] if kind["id"] in kinds
               for name in kind["fields"]}
    return {name: value for name, value in metadata.items() if name not in removed}


# --- who sees a post -----------------------------------------------------------------------------

def people() -> list[dict[str, Any]]:
    return list(data()["audience"]["people"])


def sees(setting: str, circle: str) -> str:
    """"yes", "no" or "if_shared": can someone of `circle` (me, friends, others) see the post?
    With "friends", a friend can still screenshot and pass it on."""
    if setting not in SETTINGS:
        raise ValueError(f"unknown setting {setting!r}; expected one of {', '.join(SETTINGS)}")
    if circle == "me" or setting == "public":
        return "yes"
    if setting == "friends":
        return "yes" if circle == "friends" else "if_shared"
    return "no"


def audience(setting: str) -> list[tuple[dict[str, Any], str]]:
    """Each person of the example and whether they see a post published with `setting`."""
    return [(person, sees(setting, person["circle"])) for person in people()]


# --- a search on one's name ----------------------------------------------------------------------

def search_name() -> str:
    return data()["search"]["name"]


def search_results() -> list[dict[str, Any]]:
    """What a search engine shows for the made-up person, each with who published it and what
    to do about it (keep, delete, ask a friend, ask for erasure, a namesake)."""
    return list(data()["search"]["results"])
