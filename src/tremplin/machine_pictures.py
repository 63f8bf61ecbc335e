"""matplotlib pictures of "Dans la machine / Inside the machine": ever more transistors on a chip,
and a phone's footprint shared out over the years it is kept.

Numbers come from the module's data files (sources in their comments), never from here.
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt

from .i18n import t
from .machine import facts, footprint_per_year, manufacturing_share

KEPT_YEARS = (2, 3, 4, 5)


def transistor_chart(lang: str) -> Any:
    """Transistors per chip from 1971 to 2020, on a scale where each line is ten times more:
    on an ordinary scale, every chip before 2012 would lie flat on the floor."""
    chips = facts("chips")["chips"]
    years = [chip["year"] for chip in chips]
    counts = [chip["transistors"] for chip in chips]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(years, counts, "o-", color="#1f5fa8", linewidth=2, markersize=8)
    for chip in chips:
        ax.annotate(chip["name"], (chip["year"], chip["transistors"]), textcoords="offset points",
                    xytext=(-4, 8), ha="right", fontsize=9)
    ax.set_yscale("log")
    ax.set_yticks([10**power for power in range(3, 11)],
                  t("machine.chips_ticks", lang).split("|"))
    ax.minorticks_off()
    ax.set_xlim(min(years) - 6, max(years) + 3)
    ax.set_ylim(1000, 10**10.6)
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(t("machine.chips_title", lang))
    ax.set_xlabel(t("machine.chips_x", lang))
    ax.set_ylabel(t("machine.chips_y", lang))
    fig.tight_layout()
    return fig


def footprint_chart(lang: str, kept_years: tuple[int, ...] = KEPT_YEARS) -> Any:
    """A phone's footprint per year of use, if kept 2, 3, 4 or 5 years: making it is shared out
    over more years, so each year weighs less; using it costs about the same every year."""
    phone = facts("energy")["phone_footprint"]
    making = [phone["manufacturing_kg"] / years for years in kept_years]
    using = [phone["usage_kg_per_year"]] * len(kept_years)
    labels = [t("machine.footprint_tick", lang, years=years) for years in kept_years]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.bar(labels, making, color="#c92a2a", label=t("machine.footprint_making", lang))
    ax.bar(labels, using, bottom=making, color="#f59f00", label=t("machine.footprint_using", lang))
    for x, years in enumerate(kept_years):
        total = footprint_per_year(phone["manufacturing_kg"], phone["usage_kg_per_year"], years)
        share = manufacturing_share(phone["manufacturing_kg"], phone["usage_kg_per_year"], years)
        ax.text(x, total + 0.4, f"{total:.0f} kg", ha="center", fontsize=11, fontweight="bold")
        ax.text(x, making[x] / 2, f"{share:.0%}".replace("%", " %") if lang == "fr"
                else f"{share:.0%}", ha="center", color="white", fontsize=10)
    ax.set_ylim(0, max(m + u for m, u in zip(making, using, strict=True)) * 1.15)
    ax.set_title(t("machine.footprint_title", lang))
    ax.set_xlabel(t("machine.footprint_x", lang))
    ax.set_ylabel(t("machine.footprint_y", lang))
    ax.legend()
    fig.tight_layout()
    return fig
