"""A toy search engine over a tiny made-up web: why one page comes before another.

Real engines weigh hundreds of signals. This one keeps three that a learner can check by hand,
each worth points: the words of the search found in the page (in the title, and how often in the
text, up to a limit so that repeating a word is no trick), the links other pages make to it
(popularity, the idea behind PageRank), and how recent it is. Adverts ("sponsorisé") come first,
marked, because they are paid for, not earned: they win no points at all.

The logic is plain Python (standard library), so the later browser edition can reuse it; only
`load_web` reads the shipped YAML file, and `explain` turns a result into sentences (i18n).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .i18n import DATA, normalise_lang, pick, t

TITLE_POINTS = 2  # a word of the search in the page's title
MAX_REPEATS = 3  # a word counted at most 3 times in the text: repeating it 50 times earns nothing
LINK_POINTS = 1  # for each other page with a link to this one
FRESH_POINTS = ((365, 2), (3 * 365, 1))  # younger than one year: 2 points; than three years: 1
MAX_ADS = 2


def plain(text: str) -> str:
    """`text` without capitals or accents: "Médiathèque" and "mediatheque" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A crude root, so that "horaires" finds "horaire" and "libraries" finds "library"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str, stop_words: Iterable[str] = ()) -> list[str]:
    """The words of `text` the engine looks at: roots, without small words ("le", "the")."""
    skip = {plain(word) for word in stop_words}
    return [stem(word) for word in re.findall(r"[a-z0-9]+", plain(text))
            if len(word) > 1 and word not in skip]


@dataclass(frozen=True)
class Page:
    """One page of the small web, in one language."""

    id: str
    site: str
    date: date
    title: str
    text: str
    links: tuple[str, ...] = ()
    sponsored: bool = False
    keywords: tuple[str, ...] = ()  # adverts: the words the advertiser paid for


@dataclass(frozen=True)
class WordMatch:
    """One word of the search, and where the page has it."""

    word: str  # as the person typed it
    in_title: bool
    count: int  # times in the text

    @property
    def points(self) -> int:
        return TITLE_POINTS * self.in_title + min(self.count, MAX_REPEATS)


@dataclass(frozen=True)
class Result:
    """A page found, with every part of its score kept so that it can be explained."""

    page: Page
    matches: tuple[WordMatch, ...] = ()  # the words of the search found in the page
    missing: tuple[str, ...] = ()  # the words of the search not found
    linked_from: tuple[str, ...] = ()  # ids of the other pages linking to it
    age_days: int = 0

    @property
    def word_points(self) -> int:
        return sum(match.points for match in self.matches)

    @property
    def link_points(self) -> int:
        return LINK_POINTS * len(self.linked_from)

    @property
    def fresh_points(self) -> int:
        return next((points for days, points in FRESH_POINTS if self.age_days < days), 0)

    @property
    def total(self) -> int:
        """Adverts have no score: their place is bought."""
        if self.page.sponsored:
            return 0
        return self.word_points + self.link_points + self.fresh_points


@dataclass(frozen=True)
class Web:
    """The pages of one language, the day it is "today", and the small words to skip."""

    pages: tuple[Page, ...]
    today: date
    stop_words: frozenset[str] = field(default_factory=frozenset)

    def page(self, page_id: str) -> Page:
        return next(page for page in self.pages if page.id == page_id)

    def linked_from(self, page: Page) -> tuple[str, ...]:
        """The other (non-advert) pages with a link to `page`."""
        return tuple(other.id for other in self.pages if page.id in other.links
                     and other.id != page.id and not other.sponsored)

    def query_words(self, query: str) -> list[tuple[str, str]]:
        """(word as typed, its root) for each different word of the search."""
        found: dict[str, str] = {}
        for typed in re.findall(r"\w+", query):
            for root in words(typed, self.stop_words):
                found.setdefault(root, typed)
        return [(typed, root) for root, typed in found.items()]

    def score(self, page: Page, query: str) -> Result:
        """Every part of `page`'s score for `query`."""
        title, text = words(page.title, self.stop_words), words(page.text, self.stop_words)
        asked = self.query_words(query)
        matches = tuple(WordMatch(typed, root in title, text.count(root)) for typed, root in asked
                        if root in title or root in text)
        missing = tuple(typed for typed, root in asked if root not in title and root not in text)
        return Result(page, matches, missing, self.linked_from(page),
                      (self.today - page.date).days)

    def ads(self, query: str) -> list[Result]:
        """Adverts whose paid-for words are in the search, in the order they were bought."""
        asked = {root for _typed, root in self.query_words(query)}
        return [Result(page) for page in self.pages if page.sponsored
                and asked & {root for word in page.keywords for root in words(word)}][:MAX_ADS]

    def search(self, query: str) -> list[Result]:
        """The results page: adverts first, then every page with at least one word of the
        search, best score first (ties: more word points, more links, newer, then by id)."""
        found = [self.score(page, query) for page in self.pages if not page.sponsored]
        found = [result for result in found if result.matches]
        found.sort(key=lambda r: (-r.total, -r.word_points, -r.link_points, r.age_days,
                                  r.page.id))
        return self.ads(query) + found


@cache
def _raw() -> dict:
    import yaml  # the data file only: the browser edition may hand the pages over itself

    return yaml.safe_load((DATA / "search-pages.yaml").read_text(encoding="utf-8"))


def web_from_data(raw: dict, lang: str) -> Web:
    """The small web of `raw` (the YAML file's content) in one language."""
    lang = normalise_lang(lang)
    pages = tuple(Page(
        id=item["id"], site=item["site"], date=item["date"], title=pick(item["title"], lang),
        text=pick(item["text"], lang), links=tuple(item.get("links") or ()),
        sponsored=bool(item.get("sponsored")),
        keywords=tuple(pick(item["keywords"], lang)) if item.get("keywords") else ())
        for item in raw["pages"])
    return Web(pages, raw["today"], frozenset(raw["stop_words"][lang]))


@cache
def load_web(lang: str) -> Web:
    """The shipped small web (src/tremplin/data/search-pages.yaml) in `lang`."""
    return web_from_data(_raw(), lang)


def search(query: str, lang: str) -> list[Result]:
    return load_web(lang).search(query)


# --- why a result is where it is, in plain words ---------------------------------------------

def age_text(days: int, lang: str) -> str:
    """"il y a 3 mois", "7 years ago"… (months under a year, then years)."""
    if days < 31:
        return t("info.age.days", lang, count=days)
    if days < 365:
        months = days // 30
        return t(f"info.age.months_{'one' if months == 1 else 'many'}", lang, count=months)
    years = days // 365
    return t(f"info.age.years_{'one' if years == 1 else 'many'}", lang, count=years)


def explain_word(match: WordMatch, lang: str) -> str:
    """One word of the search and the points it earns, in a sentence."""
    where = []
    if match.in_title:
        where.append(t("info.why.in_title", lang, points=TITLE_POINTS))
    if match.count > MAX_REPEATS:
        where.append(t("info.why.in_text_capped", lang, count=match.count, most=MAX_REPEATS))
    elif match.count:
        where.append(t(f"info.why.in_text_{'one' if match.count == 1 else 'many'}", lang,
                       count=match.count))
    return t("info.why.word", lang, word=match.word, where=t("info.why.and", lang).join(where),
             points=match.points)


def explain(result: Result, lang: str) -> list[str]:
    """Why this result is on the page, one short sentence per part of its score."""
    if result.page.sponsored:
        return [t("info.why.sponsored", lang)]
    lines = [explain_word(match, lang) for match in result.matches]
    if result.missing:
        lines.append(t("info.why.missing", lang, words=", ".join(result.missing)))
    count = len(result.linked_from)
    lines.append(t(f"info.why.links_{min(count, 2)}", lang, count=count,
                   points=result.link_points))
    lines.append(t(f"info.why.fresh_{result.fresh_points}", lang,
                   age=age_text(result.age_days, lang), points=result.fresh_points))
    lines.append(t("info.why.total", lang, words=result.word_points, links=result.link_points,
                   fresh=result.fresh_points, total=result.total))
    return lines


def why_above(upper: Result, lower: Result, lang: str) -> str:
    """Why `upper` comes before `lower`, naming the parts where it wins and where it loses."""
    if upper.page.sponsored:
        return t("info.why.above_paid", lang)
    parts = (("words", upper.word_points, lower.word_points),
             ("links", upper.link_points, lower.link_points),
             ("fresh", upper.fresh_points, lower.fresh_points))
    wins = [t(f"info.part.{name}", lang) for name, mine, theirs in parts if mine > theirs]
    losses = [t(f"info.part.{name}", lang) for name, mine, theirs in parts if mine < theirs]
    key = "info.why.above" if upper.total > lower.total else "info.why.above_tie"
    said = t(key, lang, title=lower.page.title, mine=upper.total, theirs=lower.total)
    if wins:
        said += " " + t("info.why.above_wins", lang, parts=", ".join(wins))
    if losses:
        said += " " + t("info.why.above_losses", lang, parts=", ".join(losses))
    return said
