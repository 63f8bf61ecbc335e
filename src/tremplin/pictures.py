"""matplotlib pictures for the modules: the machine drawn, then named."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt

from .i18n import t


def pixel_grid(grid: tuple[tuple[int, ...], ...], lang: str) -> Any:
    """Draw a black-and-white picture with the 0 or 1 of each pixel written on it."""
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.imshow(grid, cmap="Greys", vmin=0, vmax=1)
    for y, row in enumerate(grid):
        for x, bit in enumerate(row):
            ax.text(x, y, str(bit), ha="center", va="center", fontsize=14,
                    color="white" if bit else "black")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(t("picture.pixel_grid_title", lang, count=len(grid) * len(grid[0])))
    fig.tight_layout()
    return fig


def place_values(lang: str) -> Any:
    """Bar chart of the eight places of a byte (1, 2, 4 … 128): each bit doubles the one before."""
    places = [2**i for i in range(8)]
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.bar([str(p) for p in places], places, color="#1f5fa8")
    ax.set_xlabel(t("picture.place_values_x", lang))
    ax.set_ylabel(t("picture.place_values_y", lang))
    fig.tight_layout()
    return fig
