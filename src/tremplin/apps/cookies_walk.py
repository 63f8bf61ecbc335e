"""The walk of "Traces et cookies / Traces and cookies": which made-up site of module 10 the
visitor browses, its pages in menu order and a line of make-believe content for each page
(app-cookies.yaml). Who tracks each page, and what they guess, stays in tracking-sites.yaml:
this file only points into it, and says which entry to fix when it points wrong.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..i18n import LANGUAGES
from ..tracking import World, read_data, world

DATA_FILE = "app-cookies.yaml"


class WalkError(ValueError):
    """app-cookies.yaml does not fit tracking-sites.yaml; the text says which entry to fix."""


@dataclass(frozen=True)
class Walk:
    """The site the visitor browses, its pages in menu order, and a line of content for each."""

    site: str
    pages: tuple[str, ...]
    bodies: Mapping[str, Mapping[str, str]]


def parse_walk(raw: Any, wld: World) -> Walk:
    """Check the app's data against module 10's sites, saying which entry is wrong."""
    if not isinstance(raw, dict) or raw.get("site") not in wld.sites:
        site = raw.get("site") if isinstance(raw, dict) else None
        raise WalkError(f"{DATA_FILE}: site {site!r}: not a site of tracking-sites.yaml")
    site, pages, bodies = raw["site"], [], {}
    for number, entry in enumerate(raw.get("pages") or [], start=1):
        page_id = entry.get("id") if isinstance(entry, dict) else None
        where = f"{DATA_FILE}: page {number} ({page_id!r})"
        if page_id not in wld.pages or wld.pages[page_id].site != site:
            raise WalkError(f"{where}: not a page of the site {site!r} in tracking-sites.yaml")
        body = entry.get("body")
        if not isinstance(body, dict) or any(not str(body.get(lang) or "").strip()
                                             for lang in LANGUAGES):
            raise WalkError(f"{where}: body needs a French (fr) and an English (en) text")
        pages.append(page_id)
        bodies[page_id] = body
    if not 3 <= len(pages) <= 4:
        raise WalkError(f"{DATA_FILE}: pages: give 3 or 4 pages, not {len(pages)}")
    return Walk(site, tuple(pages), bodies)


@cache
def walk() -> Walk:
    try:
        raw = read_data(DATA_FILE)
    except (OSError, json.JSONDecodeError) as exc:
        raise WalkError(f"{DATA_FILE}: cannot be read: {exc}") from exc
    return parse_walk(raw, world())
