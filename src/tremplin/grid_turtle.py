"""A turtle that walks on a grid of squares: the first machine a beginner programs.

Python's own `turtle` opens a window and draws lines; neither a test nor a browser edition can
check that. This turtle paints whole cells of a grid and remembers which ones, so a drawing is
data: a test compares the painted cells with the expected shape, a widget shows them as a table,
and `draw` makes a matplotlib picture. One rule says everything: **while the pen is down, the cell
under the turtle is painted**. Each command is also written down as the line of code that asks for
it (``turtle.forward(1)``), so a learner who clicks buttons sees the program they are writing.

Standard library only (matplotlib is imported inside `draw`): a later edition runs it in the
browser.
"""

from __future__ import annotations

import html
from typing import Any

# Headings in degrees, as Python's turtle counts them: 0 is east (right), 90 is north (up).
STEPS = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}
ARROWS = {0: "▶", 90: "▲", 180: "◀", 270: "▼"}
PAINT = "#1f5fa8"  # the kit's blue, dark enough for white text and a clear contrast


Cell = tuple[int, int]


class GridTurtle:
    """A turtle on a `width` × `height` grid. Cells are (x, y): x to the right, y upwards.

    It starts in the middle facing east with its pen down (so its first cell is painted), and
    stops at the edge of the grid instead of falling off: `forward` returns the steps it really
    took, so a widget can say "the turtle bumped into the wall" rather than raise an error.
    """

    def __init__(self, width: int = 11, height: int = 11) -> None:
        if width < 1 or height < 1:
            raise ValueError(f"a grid needs at least one cell, not {width} × {height}")
        self.width, self.height = width, height
        self.reset()

    def reset(self) -> None:
        """Back to the start: middle of the grid, facing east, pen down, nothing painted."""
        self.x, self.y = self.width // 2, self.height // 2
        self.heading = 0
        self.pen_is_down = True
        self._painted: dict[Cell, None] = {}  # a dict keeps the order cells were painted in
        self.program: list[str] = []
        self._paint()

    @property
    def position(self) -> Cell:
        return (self.x, self.y)

    @property
    def painted(self) -> frozenset[Cell]:
        """Every painted cell: what a test compares with the expected drawing."""
        return frozenset(self._painted)

    def shape(self) -> frozenset[Cell]:
        """The painted cells moved to the corner (0, 0): the same drawing anywhere on the grid,
        turned left or right, gives the same shape if it is symmetric like a square."""
        return normalised(self._painted)

    def _paint(self) -> None:
        if self.pen_is_down:
            self._painted[self.position] = None

    def forward(self, steps: int = 1) -> int:
        """Walk `steps` cells straight ahead, painting each one if the pen is down.
        Returns the steps taken: fewer than asked when the turtle reached the edge."""
        if not isinstance(steps, int) or steps < 0:
            raise ValueError(f"forward takes a whole number of cells (0 or more), not {steps!r}")
        self.program.append(f"turtle.forward({steps})")
        dx, dy = STEPS[self.heading]
        taken = 0
        while taken < steps and 0 <= self.x + dx < self.width and 0 <= self.y + dy < self.height:
            self.x, self.y = self.x + dx, self.y + dy
            self._paint()
            taken += 1
        return taken

    def _turn(self, angle: int, sign: int, name: str) -> None:
        if not isinstance(angle, int) or angle % 90:
            raise ValueError(f"on a grid the turtle turns by quarter turns (90, 180…), "
                             f"not {angle!r}")
        self.program.append(f"turtle.{name}()" if angle == 90 else f"turtle.{name}({angle})")
        self.heading = (self.heading + sign * angle) % 360

    def left(self, angle: int = 90) -> None:
        """Turn on the spot, a quarter turn to the left unless told otherwise."""
        self._turn(angle, 1, "left")

    def right(self, angle: int = 90) -> None:
        """Turn on the spot, a quarter turn to the right unless told otherwise."""
        self._turn(angle, -1, "right")

    def pen_up(self) -> None:
        """Lift the pen: the turtle moves without painting."""
        self.program.append("turtle.pen_up()")
        self.pen_is_down = False

    def pen_down(self) -> None:
        """Put the pen down: the cell under the turtle, and every cell it walks on, is painted."""
        self.program.append("turtle.pen_down()")
        self.pen_is_down = True
        self._paint()

    @property
    def arrow(self) -> str:
        return ARROWS[self.heading]

    def as_text(self) -> str:
        """The grid in characters, top row first: # painted, · empty, an arrow for the turtle.
        Readable without the picture (screen readers, tests, a printed handout)."""
        rows = []
        for y in reversed(range(self.height)):
            rows.append(" ".join(self.arrow if (x, y) == self.position
                                 else "#" if (x, y) in self._painted else "·"
                                 for x in range(self.width)))
        return "\n".join(rows)

    def as_html(self, cell_px: int = 28) -> str:
        """The grid as an HTML table, for widgets: painted cells blue, the turtle an arrow."""
        style = (f"width:{cell_px}px;height:{cell_px}px;border:1px solid #999;text-align:center;"
                 f"font-size:{cell_px * 2 // 3}px;padding:0;")
        rows = []
        for y in reversed(range(self.height)):
            cells = []
            for x in range(self.width):
                painted = (x, y) in self._painted
                colours = f"background:{PAINT};color:#fff;" if painted else "color:#111;"
                mark = html.escape(self.arrow) if (x, y) == self.position else ""
                cells.append(f'<td style="{style}{colours}">{mark}</td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
        return f'<table style="border-collapse:collapse">{"".join(rows)}</table>'


def normalised(cells: Any) -> frozenset[Cell]:
    """`cells` moved so that the lowest x and the lowest y are 0 (the empty set stays empty)."""
    cells = list(cells)
    if not cells:
        return frozenset()
    left, bottom = min(x for x, _ in cells), min(y for _, y in cells)
    return frozenset((x - left, y - bottom) for x, y in cells)


def square_outline(side: int) -> frozenset[Cell]:
    """The cells a square of `side` steps paints, from the corner (0, 0): its border, which is
    `side + 1` cells wide because the turtle paints the cell it starts on."""
    return frozenset((x, y) for x in range(side + 1) for y in range(side + 1)
                     if x in (0, side) or y in (0, side))


def draw(turtle: GridTurtle, lang: str) -> Any:
    """matplotlib picture of the grid: painted cells in blue, the turtle as an arrow."""
    import matplotlib.pyplot as plt

    from .i18n import t

    size = max(3.0, min(6.0, 0.45 * max(turtle.width, turtle.height)))
    fig, ax = plt.subplots(figsize=(size, size * turtle.height / turtle.width))
    for x, y in turtle.painted:
        ax.add_patch(plt.Rectangle((x, y), 1, 1, color=PAINT))
    ax.text(turtle.x + 0.5, turtle.y + 0.5, turtle.arrow, ha="center", va="center",
            fontsize=14, color="#fff" if turtle.position in turtle.painted else "#111")
    ax.set_xticks(range(turtle.width + 1), labels=[])
    ax.set_yticks(range(turtle.height + 1), labels=[])
    ax.tick_params(length=0)
    ax.grid(color="#999", linewidth=0.8)
    ax.set_xlim(0, turtle.width)
    ax.set_ylim(0, turtle.height)
    ax.set_aspect("equal")
    ax.set_title(t("programming.picture_title", lang, count=len(turtle.painted)))
    fig.tight_layout()
    return fig
