"""matplotlib pictures for "Comment marche Internet": the network drawn, the cables measured."""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import Any

import matplotlib.pyplot as plt
import yaml
from matplotlib.ticker import FuncFormatter

from .i18n import DATA, pick, t
from .network import Network, Route

# Colour and shape both say the kind of place, so the map reads without colour vision too.
STYLE = {
    "home": ("#d14900", "s", "network.kind_home"),
    "router": ("#1f5fa8", "o", "network.kind_router"),
    "landing": ("#2a7a3b", "^", "network.kind_landing"),
    "datacentre": ("#6b3fa0", "D", "network.kind_datacentre"),
}
ROUTE_COLOUR = "#c0002a"
# Where each name goes around its symbol, in points (dx, dy, alignment): above unless crowded.
LABELS = {"home": (-10, 0, "right"), "lyon": (10, -4, "left"), "dc_paris": (-12, 0, "right"),
          "saint_hilaire": (0, -20, "center"), "dc_marseille": (0, -20, "center"),
          "nantes": (-10, 4, "right")}


def say_number(value: float, lang: str, digits: int = 0) -> str:
    """A number as each language writes it: 40 000 and 0,5 in French, 40,000 and 0.5 in English."""
    text = f"{value:,.{digits}f}"
    if lang == "en":
        return text
    return text.replace(",", "\u202f").replace(".", ",")


@cache
def facts() -> dict[str, Any]:
    """The real facts shipped with the kit (cables, energy), sourced in the file."""
    return yaml.safe_load((DATA / "network-facts.yaml").read_text(encoding="utf-8"))


def draw_network(lang: str, route: Route | None = None, network: Network | None = None,
                 cut: tuple[str, str] | None = None) -> Any:
    """The network as a sketch: submarine cables dashed, the route thick and red, a cut cable
    crossed out. Positions are a sketch of France and beyond, not a real map."""
    network = network or Network()
    on_route = {frozenset(pair) for pair in pairwise(route.places)} if route else set()
    fig, ax = plt.subplots(figsize=(10, 5))
    for link in network.links:
        a, b = network.places[link.a], network.places[link.b]
        used = frozenset((link.a, link.b)) in on_route
        ax.plot([a.x, b.x], [a.y, b.y], zorder=1,
                color=ROUTE_COLOUR if used else "#8a8a8a", linewidth=4 if used else 1.5,
                linestyle="--" if link.kind == "submarine" else "-")
    if cut:
        a, b = network.places[cut[0]], network.places[cut[1]]
        ax.plot([a.x, b.x], [a.y, b.y], color="#8a8a8a", linestyle=":", zorder=1)
        ax.plot((a.x + b.x) / 2, (a.y + b.y) / 2, marker="X", markersize=18, color=ROUTE_COLOUR,
                zorder=3)
    for kind, (colour, marker, key) in STYLE.items():
        places = [p for p in network.places.values() if p.kind == kind]
        ax.scatter([p.x for p in places], [p.y for p in places], s=140, c=colour, marker=marker,
                   edgecolors="black", zorder=2, label=t(key, lang))
        for place in places:
            dx, dy, align = LABELS.get(place.id, (0, 15, "center"))
            ax.annotate(place.label(lang), (place.x, place.y), xytext=(dx, dy), va="center",
                        textcoords="offset points", ha=align, fontsize=9, zorder=4,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                              "alpha": 0.85})
    ax.text(-1.0, 3.4, t("network.atlantic", lang), ha="center", style="italic", color="#1f5fa8")
    ax.set_axis_off()
    ax.legend(loc="lower left", fontsize=9, frameon=False)
    if route:
        hops = len(route.places) - 1
        ax.set_title(t("network.route_title", lang, delay=route.delay_ms, hops=hops))
    fig.tight_layout()
    return fig


def cable_lengths(lang: str) -> Any:
    """Three real submarine cables next to the distance around the Earth."""
    data = facts()
    names = [cable["name"] for cable in data["cables"]] + [t("network.earth", lang)]
    lengths = [cable["length_km"] for cable in data["cables"]] + [data["earth_circumference_km"]]
    colours = ["#1f5fa8"] * len(data["cables"]) + ["#8a8a8a"]
    fig, ax = plt.subplots(figsize=(8, 3))
    ax.barh(names, lengths, color=colours)
    for y, (cable, length) in enumerate(zip(data["cables"] + [None], lengths, strict=True)):
        label = pick(cable["ends"], lang) if cable else ""
        ax.text(length, y, f"  {say_number(length, lang)} km  {label}", va="center", fontsize=9)
    ax.set_xlim(0, max(lengths) * 2.1)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: say_number(value, lang)))
    ax.set_xlabel(t("network.length_km", lang))
    ax.invert_yaxis()
    fig.tight_layout()
    return fig
