"""matplotlib pictures of « L'IA au quotidien / AI in everyday life »: a model's guesses, drawn.

The fruit map colours every spot of the page with what the nearest-neighbour model would answer
there, so a learner sees the border it learned (and where it falls short); the bias chart puts
the success of each group side by side. Each `draw_*` works on an Axes: the widgets draw on a
Figure that pyplot never shows, a notebook picture through pyplot.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap

from .i18n import t
from .tiny_ai import Fruit, NeighbourModel

BLUE, ORANGE = "#1f5fa8", "#d14900"  # the kit's colours, told apart by most colour-blind eyes
NAVY, RED = "#1f3b63", "#b00020"  # success bars: not the fruit colours, so no one reads a fruit
LIGHT = {"apple": "#fbd9c4", "pear": "#cfe0f4"}
# Each fruit has a colour and a shape: the shape still tells them apart in black and white.
STYLE = {"apple": (ORANGE, "o"), "pear": (BLUE, "^")}
WIDTHS, HEIGHTS = (3.5, 9.5), (4.0, 12.0)  # centimetres shown on the map
STEP = 0.1


def _codes(lang: str) -> dict[str, str]:
    """The code ("apple") of each fruit name in the learner's language ("pomme")."""
    return {t(f"ai.fruit.{code}", lang): code for code in STYLE}


def fruit_regions(model: NeighbourModel, lang: str) -> list[list[int]]:
    """What the model answers at every spot of the map (0: apple, 1: pear), bottom row first.
    Thousands of guesses: an activity whose model does not change computes it once."""
    columns = round((WIDTHS[1] - WIDTHS[0]) / STEP)
    rows = round((HEIGHTS[1] - HEIGHTS[0]) / STEP)
    codes, code_of = list(STYLE), _codes(lang)
    return [[codes.index(code_of[model.predict(WIDTHS[0] + (c + 0.5) * STEP,
                                               HEIGHTS[0] + (r + 0.5) * STEP)])
             for c in range(columns)] for r in range(rows)]


def draw_fruit_map(ax: Axes, model: NeighbourModel, lang: str,
                   point: tuple[float, float] | None = None, rare: str | None = None,
                   tested: Sequence[tuple[Fruit, str]] = (),
                   regions: list[list[int]] | None = None) -> None:
    """The model's answer at every spot (light colours), the fruit it learned from, and a new
    fruit as a black star joined to its nearest neighbours. Fruit of the `rare` group are drawn
    with a thick black edge, so a learner can count how few the model saw; `tested` fruit (with
    the model's guess) are hollow, and a cross marks each one it got wrong."""
    codes, code_of = list(STYLE), _codes(lang)
    ax.imshow(regions or fruit_regions(model, lang), extent=(*WIDTHS, *HEIGHTS), origin="lower",
              aspect="auto", cmap=ListedColormap([LIGHT[code] for code in codes]), vmin=0,
              vmax=len(codes) - 1)
    for code in codes:
        colour, marker = STYLE[code]
        for is_rare in (False, True):
            shown = [f for f in model.examples
                     if code_of[f.label] == code and (f.group == rare) == is_rare]
            if shown:
                ax.scatter([f.width for f in shown], [f.height for f in shown], s=70 if is_rare
                           else 45, color=colour, marker=marker, linewidths=2.5 if is_rare else 0,
                           edgecolors="black" if is_rare else "none",
                           label=f"{t(f'ai.fruit.{code}', lang)}" + (f" ({rare})" if is_rare
                                                                     else ""))
    for code in codes:
        colour, marker = STYLE[code]
        shown = [fruit for fruit, _guess in tested if code_of[fruit.label] == code]
        if shown:
            ax.scatter([f.width for f in shown], [f.height for f in shown], s=70, marker=marker,
                       facecolors="white", edgecolors=colour, linewidths=2,
                       label=t("ai.picture.tested", lang, fruit=t(f"ai.fruit.{code}", lang)))
    wrong = [fruit for fruit, guess in tested if guess != fruit.label]
    if wrong:
        ax.scatter([f.width for f in wrong], [f.height for f in wrong], s=160, marker="x",
                   color="black", linewidths=2.5, label=t("ai.picture.wrong", lang), zorder=3)
    if point:
        for fruit in model.nearest(*point):
            ax.plot([point[0], fruit.width], [point[1], fruit.height], color="black",
                    linewidth=1, linestyle="--")
        ax.scatter([point[0]], [point[1]], s=320, marker="*", color="black",
                   label=t("ai.picture.new_fruit", lang), zorder=3)
    ax.set_xlim(*WIDTHS)
    ax.set_ylim(*HEIGHTS)
    ax.set_xlabel(t("ai.picture.width", lang))
    ax.set_ylabel(t("ai.picture.height", lang))
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)


def draw_group_success(ax: Axes, groups: Sequence[str], shares: Sequence[float],
                       lang: str) -> None:
    """One bar per group: the share of its test fruit the model got right, in percent."""
    percents = [round(share * 100) for share in shares]
    bars = ax.bar(list(groups), percents, color=[NAVY if p >= 90 else RED for p in percents])
    ax.bar_label(bars, labels=[f"{p} %" for p in percents], padding=3, fontsize=12)
    ax.set_ylim(0, 115)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.set_ylabel(t("ai.picture.success", lang))
    ax.set_title(t("ai.picture.success_title", lang))


def fruit_groups(fruits: Sequence[Fruit]) -> list[str]:
    """The orchards, in the order they first appear in the data."""
    return list(dict.fromkeys(fruit.group for fruit in fruits))
