"""The machine behind "Comment marche Internet / How the Internet works", simulated.

A small made-up network (a home box, routers in French towns, two submarine cables, four data
centres), the fastest route (Dijkstra), transfer times, and the whole trip of a message: the DNS
lookup (`network_dns`), then packets lost, resent and put back in order (`network_packets`) along
the route. Standard library only and
seeded: the module, its exercise and the "Voyage d'un paquet" app (which may run in a browser)
share one tested truth, and the same seed always tells the same story.

Addresses come from the ranges kept for examples (RFC 5737) and names end in `.example`
(RFC 2606): they look real, and nobody can mistake them for a real site.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import pairwise

from .network_dns import Lookup, Resolver
from .network_packets import Delivery, Packet, deliver, reassemble, split_message


@dataclass(frozen=True)
class Place:
    """A machine on the map: the home box, a router, a cable's landing station, a data centre."""

    id: str
    kind: str  # "home", "router", "landing" or "datacentre"
    address: str
    x: float  # where to draw it: a sketch, not a real map
    y: float
    names: tuple[str, str]  # (French, English)

    def label(self, lang: str) -> str:
        return self.names[1] if lang == "en" else self.names[0]


@dataclass(frozen=True)
class Link:
    """A cable between two places: its delay (latency) and how much it carries each second."""

    a: str
    b: str
    delay_ms: float
    bandwidth_mbps: float  # megabits per second
    kind: str  # "home", "fibre" or "submarine"


def _place(id_: str, kind: str, address: str, x: float, y: float, fr: str, en: str = "") -> Place:
    return Place(id_, kind, address, x, y, (fr, en or fr))


# Delays are rounded from distance: light in glass covers about 200 km per millisecond, and each
# router adds a little. The home line is the slow part: the bandwidth widget changes it.
PLACES = (
    _place("home", "home", "203.0.113.7", 3.9, 3.9, "Maison", "Home"),
    _place("lyon", "router", "192.0.2.1", 5.0, 3.7, "Lyon"),
    _place("paris", "router", "192.0.2.2", 4.4, 6.0, "Paris"),
    _place("lille", "router", "192.0.2.3", 4.7, 7.4, "Lille"),
    _place("strasbourg", "router", "192.0.2.4", 6.4, 5.8, "Strasbourg"),
    _place("nantes", "router", "192.0.2.5", 2.6, 5.1, "Nantes"),
    _place("bordeaux", "router", "192.0.2.6", 2.9, 3.0, "Bordeaux"),
    _place("marseille", "router", "192.0.2.7", 5.4, 1.9, "Marseille"),
    _place("saint_hilaire", "landing", "192.0.2.8", 1.3, 4.6, "Saint-Hilaire-de-Riez"),
    _place("virginia_beach", "landing", "192.0.2.9", -3.6, 4.6, "Virginia Beach"),
    _place("singapore", "landing", "192.0.2.10", 11.0, 1.2, "Singapour", "Singapore"),
    _place("dc_paris", "datacentre", "198.51.100.10", 3.8, 6.8,
           "Centre de données (Paris)", "Data centre (Paris)"),
    _place("dc_marseille", "datacentre", "198.51.100.20", 6.3, 1.3,
           "Centre de données (Marseille)", "Data centre (Marseille)"),
    _place("dc_virginia", "datacentre", "198.51.100.30", -3.6, 5.8,
           "Centre de données (Virginie)", "Data centre (Virginia)"),
    _place("dc_singapore", "datacentre", "198.51.100.40", 11.0, 2.6,
           "Centre de données (Singapour)", "Data centre (Singapore)"),
)
GIGA = 1_000  # megabits per second in a gigabit per second
LINKS = (
    Link("home", "lyon", 5, 100, "home"),
    Link("lyon", "paris", 3, 100 * GIGA, "fibre"),
    Link("lyon", "marseille", 2, 100 * GIGA, "fibre"),
    Link("lyon", "strasbourg", 3, 40 * GIGA, "fibre"),
    Link("paris", "lille", 2, 40 * GIGA, "fibre"),
    Link("paris", "strasbourg", 3, 40 * GIGA, "fibre"),
    Link("paris", "nantes", 3, 40 * GIGA, "fibre"),
    Link("nantes", "bordeaux", 2, 40 * GIGA, "fibre"),
    Link("bordeaux", "marseille", 4, 40 * GIGA, "fibre"),
    Link("nantes", "saint_hilaire", 1, 100 * GIGA, "fibre"),
    Link("saint_hilaire", "virginia_beach", 33, 250_000 * GIGA, "submarine"),  # Dunant, 6,600 km
    Link("marseille", "singapore", 80, 100_000 * GIGA, "submarine"),  # ~15,000 km under the sea
    Link("paris", "dc_paris", 1, 100 * GIGA, "fibre"),
    Link("marseille", "dc_marseille", 1, 100 * GIGA, "fibre"),
    Link("virginia_beach", "dc_virginia", 1, 100 * GIGA, "fibre"),
    Link("singapore", "dc_singapore", 1, 100 * GIGA, "fibre"),
)


class NoRoute(LookupError):
    """No chain of cables joins the two places (every way was cut)."""


@dataclass(frozen=True)
class Route:
    """The places a packet crosses, in order, with the time it takes and the narrowest cable."""

    places: tuple[str, ...]
    delay_ms: float
    bandwidth_mbps: float

    def seconds(self, size_bytes: int) -> float:
        return transfer_seconds(size_bytes, self.bandwidth_mbps, self.delay_ms)


class Network:
    """Places joined by links. Immutable: cutting a cable gives a new network."""

    def __init__(self, places: tuple[Place, ...] = PLACES, links: tuple[Link, ...] = LINKS):
        self.places = {place.id: place for place in places}
        self.links = links
        unknown = {end for link in links for end in (link.a, link.b)} - set(self.places)
        if unknown:
            raise ValueError(f"links to unknown places: {sorted(unknown)}")

    def link(self, a: str, b: str) -> Link:
        for link in self.links:
            if {link.a, link.b} == {a, b}:
                return link
        raise KeyError(f"no cable between {a} and {b}")

    def neighbours(self, name: str) -> list[tuple[str, Link]]:
        return sorted((link.b if link.a == name else link.a, link) for link in self.links
                      if name in (link.a, link.b))

    def without(self, a: str, b: str) -> Network:
        """The same network with the cable between a and b cut (an anchor, a digger...)."""
        cut = self.link(a, b)
        return Network(tuple(self.places.values()), tuple(li for li in self.links if li != cut))

    def with_home_bandwidth(self, mbps: float) -> Network:
        """The same network with a faster or slower home line (ADSL, 4G, fibre...)."""
        links = tuple(Link(li.a, li.b, li.delay_ms, mbps, li.kind) if li.kind == "home" else li
                      for li in self.links)
        return Network(tuple(self.places.values()), links)

    def place_of(self, address: str) -> Place:
        for place in self.places.values():
            if place.address == address:
                return place
        raise KeyError(f"no machine has the address {address}")

    def route(self, start: str, end: str) -> Route:
        """The route with the smallest total delay (Dijkstra): always grow the closest place."""
        best = {start: 0.0}
        before: dict[str, str] = {}
        queue = [(0.0, start)]
        done: set[str] = set()
        while queue:
            delay, here = heapq.heappop(queue)
            if here in done:
                continue
            done.add(here)
            if here == end:
                break
            for there, link in self.neighbours(here):
                through = delay + link.delay_ms
                if there not in best or through < best[there]:
                    best[there], before[there] = through, here
                    heapq.heappush(queue, (through, there))
        if end not in done:
            raise NoRoute(f"no way from {start} to {end}")
        path = [end]
        while path[-1] != start:
            path.append(before[path[-1]])
        path.reverse()
        narrowest = min((self.link(a, b).bandwidth_mbps for a, b in pairwise(path)),
                        default=float("inf"))
        return Route(tuple(path), best[end], narrowest)


def transfer_seconds(size_bytes: int, bandwidth_mbps: float, delay_ms: float = 0) -> float:
    """Time to receive a file: the delay (latency), plus its size in bits over the bandwidth.

    A byte is 8 bits and connections are sold in megabits per second: 1 MB at 8 Mbit/s is 1 s.
    """
    if bandwidth_mbps <= 0:
        raise ValueError("the bandwidth must be more than 0")
    return delay_ms / 1000 + size_bytes * 8 / (bandwidth_mbps * 1_000_000)


def duration_parts(seconds: float) -> tuple[int, int, float]:
    """(hours, minutes, seconds) of a duration, for people: 4000 s is 1 h 6 min 40 s."""
    hours, rest = divmod(seconds, 3600)
    minutes, rest = divmod(rest, 60)
    return int(hours), int(minutes), rest


@dataclass(frozen=True)
class Journey:
    """A message sent from home to a site: the lookup, the route, the packets and what arrived.
    Route, delivery and received stay None when the name was not found."""

    lookup: Lookup
    route: Route | None
    packets: tuple[Packet, ...]
    delivery: Delivery | None
    received: str | None

    @property
    def seconds(self) -> float:
        """The first try takes the route's delay; each round of resending costs a round trip
        more (the receiver says what is missing, the sender sends it again); the bits
        themselves take their size over the bandwidth."""
        if self.route is None or self.delivery is None:
            return 0.0
        size = sum(len(p.data.encode("utf-8")) for p in self.packets)
        trips = 2 * max(self.delivery.rounds, 1) - 1
        return transfer_seconds(size, self.route.bandwidth_mbps, self.route.delay_ms * trips)


def travel(message: str, name: str, *, network: Network | None = None,
           resolver: Resolver | None = None, size: int = 6, loss: float = 0.2,
           seed: int = 0) -> Journey:
    """Everything that happens when you send `message` to the site `name` from home."""
    network = network or Network()
    found = (resolver or Resolver()).lookup(name)
    packets = tuple(split_message(message, size))
    if not found.found:
        return Journey(found, None, packets, None, None)
    route = network.route("home", network.place_of(str(found.address)).id)
    delivery = deliver(list(packets), loss, seed)
    return Journey(found, route, packets, delivery, reassemble(list(delivery.arrived)))
