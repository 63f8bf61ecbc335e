"""Cookies and trackers, simulated: the machine behind « Vie privée et identité numérique ».

A few made-up websites (tracking-sites.yaml) embed trackers: the site's own cookie (first party,
needed for the basket or the language, no consent asked) and other companies' trackers (third
parties) for audience measurement, advertising or share buttons. A consent banner asks about those
three purposes; the answer given on each site decides which trackers see the page. From the pages
a tracker saw, it guesses interests: what an advertising company "believes" about you.

Standard library only, so the app « Traces et cookies » can run it in a browser later. Knowledge is
recomputed from the visits and the answer in force at each visit: changing one's mind stops
future tracking but does not erase what was already seen (that takes the right to erasure).
The sentences around the results are written by `privacy_widgets`; only the site, page and
interest labels (data) are read here, in French or English.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
PURPOSES: tuple[str, ...] = ("necessary", "measure", "ads", "social")
ASKED: tuple[str, ...] = PURPOSES[1:]  # what a consent banner asks about
SURE_FROM = 2  # pages seen before a guess counts as "sure"


def read_data(name: str) -> Any:
    """A data file written as JSON inside YAML, whole-line `#` comments allowed: the standard
    library reads it (no PyYAML in a browser), and YAML tools still read it too."""
    text = (DATA / name).read_text(encoding="utf-8")
    return json.loads("\n".join(line for line in text.splitlines()
                                if not line.lstrip().startswith("#")))


def in_lang(texts: Mapping[str, str], lang: str) -> str:
    """One language out of a {fr, en} mapping of a data file (French unless English is asked)."""
    return texts["en" if lang == "en" else "fr"]


@dataclass(frozen=True)
class Tracker:
    """Whoever receives a visit: a site's own cookie (purpose "necessary") or a company."""

    id: str
    name: str
    domain: str
    purpose: str


@dataclass(frozen=True)
class Page:
    id: str
    site: str
    path: str
    titles: Mapping[str, str]
    interests: tuple[str, ...]
    trackers: tuple[str, ...]  # every tracker the page embeds, the site's own first

    def title(self, lang: str) -> str:
        return in_lang(self.titles, lang)


@dataclass(frozen=True)
class Interest:
    id: str
    sensitive: bool  # health, opinions…: GDPR special categories
    beliefs: Mapping[str, str]
    ads: Mapping[str, str]

    def belief(self, lang: str) -> str:
        return in_lang(self.beliefs, lang)

    def advert(self, lang: str) -> str:
        return in_lang(self.ads, lang)


@dataclass(frozen=True)
class Consent:
    """The answer to a site's banner: yes or no for each purpose it asks about."""

    measure: bool = False
    ads: bool = False
    social: bool = False

    def allows(self, purpose: str) -> bool:
        return purpose == "necessary" or bool(getattr(self, purpose))

    @property
    def choice(self) -> str:
        """"accept_all", "refuse_all" or "custom": how the banner was answered."""
        said = [self.allows(purpose) for purpose in ASKED]
        return "accept_all" if all(said) else "refuse_all" if not any(said) else "custom"


ACCEPT_ALL = Consent(measure=True, ads=True, social=True)
REFUSE_ALL = Consent()  # also what no answer means: silence is not consent


@dataclass(frozen=True)
class World:
    """The made-up web of the module: sites, their pages, trackers and the interests guessed."""

    sites: Mapping[str, Mapping[str, Any]]
    pages: Mapping[str, Page]
    trackers: Mapping[str, Tracker]
    interests: Mapping[str, Interest]
    purposes: Mapping[str, Mapping[str, str]]
    demo_visits: tuple[str, ...]

    def site_of(self, page_id: str) -> Mapping[str, Any]:
        return self.sites[self.pages[page_id].site]

    def is_third_party(self, tracker_id: str, page_id: str) -> bool:
        """A third party is any tracker whose address is not the site's own."""
        return self.trackers[tracker_id].domain != self.site_of(page_id)["domain"]

    def third_parties(self, page_id: str) -> tuple[Tracker, ...]:
        return tuple(self.trackers[tid] for tid in self.pages[page_id].trackers
                     if self.is_third_party(tid, page_id))

    def allowed(self, page_id: str, consent: Consent) -> tuple[Tracker, ...]:
        """The trackers of the page that the answer lets in: they see the visit."""
        return tuple(self.trackers[tid] for tid in self.pages[page_id].trackers
                     if consent.allows(self.trackers[tid].purpose))


@cache
def world() -> World:
    """The sites of tracking-sites.yaml; each site's own cookie becomes a first-party tracker."""
    raw = read_data("tracking-sites.yaml")
    sites = {site["id"]: site for site in raw["sites"]}
    trackers = {site["id"]: Tracker(site["id"], site["name"], site["domain"], "necessary")
                for site in raw["sites"]}
    trackers |= {one["id"]: Tracker(**one) for one in raw["trackers"]}
    pages = {page["id"]: Page(page["id"], page["site"], page["path"], page["title"],
                              tuple(page["interests"]), tuple(page["trackers"]))
             for page in raw["pages"]}
    interests = {one["id"]: Interest(one["id"], one["sensitive"], one["belief"], one["ads"])
                 for one in raw["interests"]}
    return World(sites, pages, trackers, interests, raw["purposes"], tuple(raw["demo_visits"]))


@dataclass(frozen=True)
class Knowledge:
    """What one tracker saw: the pages, in the order visited (a page seen twice counts twice)."""

    tracker: Tracker
    pages: tuple[str, ...]

    def sites(self, w: World | None = None) -> tuple[str, ...]:
        """The sites it followed you on, without repeats: more than one means cross-site."""
        w = w or world()
        return tuple(dict.fromkeys(w.pages[page].site for page in self.pages))


@dataclass(frozen=True)
class Belief:
    """One guess about you and the pages it rests on."""

    interest: Interest
    pages: tuple[str, ...]

    @property
    def sure(self) -> bool:
        return len(self.pages) >= SURE_FROM


Visit = tuple[str, Consent]  # a page, and the answer in force on its site at that moment


def knowledge_of(visits: Iterable[Visit], w: World | None = None) -> dict[str, Knowledge]:
    """What every tracker (those who saw nothing too, in data order) learnt from the visits."""
    w = w or world()
    seen: dict[str, list[str]] = {tid: [] for tid in w.trackers}
    for page_id, consent in visits:
        for tracker in w.allowed(page_id, consent):
            seen[tracker.id].append(page_id)
    return {tid: Knowledge(w.trackers[tid], tuple(pages)) for tid, pages in seen.items()}


def what_trackers_learn(pages: Iterable[str], consent: Consent | Mapping[str, Consent],
                        w: World | None = None) -> dict[str, Knowledge]:
    """Knowledge after visiting `pages` with one answer for every site, or one per site id
    (a site left out was not answered: nothing but its own cookie sees the page)."""
    w = w or world()
    return knowledge_of(((page, consent if isinstance(consent, Consent)
                          else consent.get(w.pages[page].site, REFUSE_ALL)) for page in pages), w)


def profile(knowledge: Knowledge, w: World | None = None) -> list[Belief]:
    """The tracker's guesses, the best-supported first: each interest of each page it saw."""
    w = w or world()
    found: dict[str, list[str]] = {}
    for page in knowledge.pages:
        for interest in w.pages[page].interests:
            found.setdefault(interest, []).append(page)
    ranked = sorted(found.items(), key=lambda item: -len(item[1]))  # stable: first seen first
    return [Belief(w.interests[interest], tuple(pages)) for interest, pages in ranked]


class Session:
    """One person browsing: the banner answered on each site, and every visit with the answer in
    force then. The state an activity or an app keeps; everything shown is computed from it."""

    def __init__(self, w: World | None = None) -> None:
        self.world = w or world()
        self.answers: dict[str, Consent] = {}
        self.visits: list[Visit] = []

    def needs_banner(self, page_id: str) -> bool:
        """A site shows its banner until it has an answer."""
        return self.world.pages[page_id].site not in self.answers

    def answer(self, site_id: str, consent: Consent) -> None:
        self.answers[site_id] = consent

    def change_mind(self, site_id: str) -> None:
        """Withdraw the answer: the banner comes back; what was seen before stays seen."""
        self.answers.pop(site_id, None)

    def visit(self, page_id: str) -> tuple[Tracker, ...]:
        """Open a page; returns the trackers that saw it. Unanswered banner: refused."""
        consent = self.answers.get(self.world.pages[page_id].site, REFUSE_ALL)
        self.visits.append((page_id, consent))
        return self.world.allowed(page_id, consent)

    def knowledge(self) -> dict[str, Knowledge]:
        return knowledge_of(self.visits, self.world)

    def forget(self) -> None:
        """Start again as a new person: no answers, no visits."""
        self.answers.clear()
        self.visits.clear()
