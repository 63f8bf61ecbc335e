"""The DNS, the Internet's phone book: a site's name in, the address of its computer out.

The lookup keeps each question it asks, as a real resolver does: its own memory first (the
cache), then a root server ("who handles .example?"), the server of that ending ("who handles
meteo.example?"), and the site's own name server ("what is its address?"). Standard library only
(see `tremplin.network`). Names end in `.example` and addresses are kept for examples (RFC 2606,
RFC 5737): this phone book is made up, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# Two names may give the same address, as in the real DNS: one site, a French and an English name.
SITES = {
    "bibliotheque.example": "198.51.100.10",
    "library.example": "198.51.100.10",
    "meteo.example": "198.51.100.20",
    "weather.example": "198.51.100.20",
    "video.example": "198.51.100.30",
    "photos.example": "198.51.100.40",
}
STEPS = ("cache", "root", "tld", "authoritative")  # who is asked, in the order they are asked


class Step(NamedTuple):
    """One question of a lookup: who was asked about which name, and what they answered
    (an address, the name of the next server to ask, or None when they don't know)."""

    asked: str  # one of STEPS
    name: str
    answer: str | None


@dataclass(frozen=True)
class Lookup:
    name: str
    address: str | None
    steps: tuple[Step, ...]

    @property
    def found(self) -> bool:
        return self.address is not None


def normalise_name(text: str) -> str:
    """What people type, as the DNS reads it: "https://www.Meteo.example/page" is meteo.example.
    Capitals do not count in names; the page after the "/" is not part of the name."""
    name = text.strip().lower()
    for scheme in ("https://", "http://"):
        name = name.removeprefix(scheme)
    name = name.split("/", 1)[0].rstrip(".")
    return name.removeprefix("www.")


def ending(name: str) -> str:
    """The last part of a name (its top-level domain): "example" for meteo.example."""
    return name.rsplit(".", 1)[-1]


class Resolver:
    """The DNS resolver of the home box: it asks the servers in turn and remembers the answers."""

    def __init__(self, table: dict[str, str] | None = None):
        self.table = {normalise_name(name): address
                      for name, address in (SITES if table is None else table).items()}
        self.cache: dict[str, str] = {}

    def lookup(self, text: str) -> Lookup:
        name = normalise_name(text)
        if name in self.cache:
            return Lookup(name, self.cache[name], (Step("cache", name, self.cache[name]),))
        steps = [Step("cache", name, None)]
        tld = ending(name)
        known = {ending(known) for known in self.table}
        steps.append(Step("root", tld, f"ns.{tld}" if tld in known and "." in name else None))
        if steps[-1].answer is None:
            return Lookup(name, None, tuple(steps))
        zone = ".".join(name.split(".")[-2:])
        steps.append(Step("tld", zone, f"ns.{zone}" if zone in self.table else None))
        if steps[-1].answer is None:
            return Lookup(name, None, tuple(steps))
        address = self.table.get(name)
        steps.append(Step("authoritative", name, address))
        if address is not None:
            self.cache[name] = address
        return Lookup(name, address, tuple(steps))

    def forget(self) -> None:
        """Empty the memory, as restarting the box does."""
        self.cache.clear()
