"""Activities of "Algorithmes débranchés / Algorithms unplugged": touch first, then name.

Widgets (guess my number, cards sorted by clicking, a robot that follows instructions), printed
step lists and one chart. The logic they show lives in `algorithms` and `robot`, without widgets.
"""

from __future__ import annotations

import html
import random
from collections.abc import Sequence
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt

from .algorithms import (
    SORTS,
    CardTable,
    GuessGame,
    binary_search,
    describe_step,
    guesses_by_halving,
    linear_search,
    worst_steps,
)
from .apps.kit import TARGET, big_button
from .apps.kit import status as _status
from .i18n import t
from .robot import RobotRun

BLUE, GREY, GREEN = "#1f5fa8", "#dddddd", "#2e7d32"


# --- guess my number ---------------------------------------------------------------------------

def range_strip(game: GuessGame) -> str:
    """One thin bar per number: blue while still possible, grey once ruled out."""
    low, high = game.possible
    cells = "".join(
        f'<span style="flex:1;height:28px;background:'
        f'{(GREEN if game.found else BLUE) if low <= n <= high else GREY}"></span>'
        for n in range(game.low, game.high + 1))
    ends = (f'<div style="display:flex;justify-content:space-between"><span>{game.low}</span>'
            f"<span>{game.high}</span></div>")
    return f'<div style="display:flex;gap:1px" aria-hidden="true">{cells}</div>{ends}'


def guess_the_number(lang: str, low: int = 1, high: int = 100) -> w.VBox:
    """Module activity: guess a secret number, told only "bigger" or "smaller" each time."""
    game = GuessGame(low, high)
    number = w.IntText(description=t("algorithms.guess_prompt", lang),
                       layout=w.Layout(width="14rem", height=TARGET))
    answer, strip, computer = w.HTML(), w.HTML(), w.HTML()

    def show(said: str) -> None:
        low_left, high_left = game.possible
        left = t("algorithms.guess_left", lang, count=len(game.guesses), left=high_left - low_left
                 + 1, low=low_left, high=high_left)
        answer.value = _status(f"<p><b>{said}</b></p><p>{left}</p>")
        strip.value = range_strip(game)

    def guess(_button: w.Button) -> None:
        outcome = game.guess(number.value)
        if outcome == "outside":
            show(t("algorithms.guess_outside", lang, low=game.low, high=game.high))
        else:
            shown = game.secret if outcome == "found" else number.value
            show(t(f"algorithms.guess_{outcome}", lang, number=shown, count=len(game.guesses)))

    def new_game(_button: w.Button | None = None) -> None:
        nonlocal game
        game = GuessGame(low, high)
        computer.value = ""
        show(t("algorithms.guess_start", lang, low=low, high=high))

    def computer_plays(_button: w.Button) -> None:
        computer.value = computer_game(random.randint(low, high), lang, low, high)

    new_game()
    buttons = w.HBox([big_button(t("algorithms.guess_new", lang), new_game),
                      big_button(t("algorithms.guess_computer", lang), computer_plays)])
    guess_row = w.HBox([number, big_button(t("algorithms.guess_button", lang), guess)])
    return w.VBox([guess_row, answer, strip, buttons, computer])


def computer_game(secret: int, lang: str, low: int = 1, high: int = 100) -> str:
    """The halving player's game, one line per guess, with how many numbers are left."""
    lines = [t("algorithms.guess_computer_secret", lang, secret=secret)]
    for count, guess in enumerate(guesses_by_halving(secret, low, high), start=1):
        if guess < secret:
            low = guess + 1
        elif guess > secret:
            high = guess - 1
        else:
            lines.append(t("algorithms.guess_computer_found", lang, count=count, number=guess))
            break
        lines.append(t("algorithms.guess_computer_line", lang, count=count, number=guess,
                       left=high - low + 1))
    return "<br>".join(lines)


# --- searching a list ----------------------------------------------------------------------------

def compare_searches(items: Sequence[Any], target: Any, lang: str) -> None:
    """Print what each search looks at to find `target` in sorted `items`, and its steps."""
    for key, search in (("linear", linear_search), ("binary", binary_search)):
        found = search(items, target)
        seen = ", ".join(str(items[i]) for i in found.positions)
        print(t("algorithms.search_seen", lang, method=t(f"algorithms.search_{key}", lang),
                seen=seen, steps=found.steps))
    if found.index is None:
        print(t("algorithms.search_missing", lang, target=target))


def search_steps_chart(lang: str, largest: int = 1000) -> Any:
    """Steps at worst as the list grows: a straight line one by one, nearly flat by halving."""
    sizes = range(1, largest + 1)
    fig, ax = plt.subplots(figsize=(7, 4))
    for key, colour in (("linear", "#d14900"), ("binary", BLUE)):
        ax.plot(sizes, [worst_steps(n, key) for n in sizes], color=colour, linewidth=3,
                label=t(f"algorithms.search_{key}", lang))
    linear, binary = worst_steps(largest, "linear"), worst_steps(largest, "binary")
    ax.annotate(t("algorithms.chart_note", lang, size=largest, linear=linear, binary=binary),
                xy=(largest, binary), xytext=(largest * 0.35, largest * 0.12),
                arrowprops={"arrowstyle": "->"})
    ax.set_title(t("algorithms.chart_title", lang))
    ax.set_xlabel(t("algorithms.chart_x", lang))
    ax.set_ylabel(t("algorithms.chart_y", lang))
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig


# --- sorting cards -------------------------------------------------------------------------------

def card_sorter(lang: str, cards: Sequence[Any]) -> w.VBox:
    """Module activity: sort cards by hand, two clicks per swap, with the swaps counted."""
    table = CardTable(list(cards))
    status = w.HTML()
    buttons = [big_button("", lambda _b, i=i: click(i)) for i in range(len(cards))]
    for button in buttons:
        button.layout.width, button.layout.height = TARGET, "96px"
        button.style.font_size, button.style.font_weight = "28px", "bold"

    def draw() -> None:
        for index, (button, card) in enumerate(zip(buttons, table.cards, strict=True)):
            button.description = str(card)
            button.tooltip = t("algorithms.card_tooltip", lang, card=card)
            button.button_style = ("success" if table.is_sorted else
                                   "warning" if index == table.selected else "")
        if table.is_sorted:
            said = t("algorithms.cards_done", lang, count=table.swaps)
        elif table.selected is not None:
            said = t("algorithms.cards_picked", lang, card=table.cards[table.selected])
        else:
            said = t("algorithms.cards_swaps", lang, count=table.swaps)
        status.value = _status(said)

    def click(index: int) -> None:
        if not table.is_sorted:
            table.click(index)
            draw()

    def again(_button: w.Button) -> None:
        nonlocal table
        table = CardTable(list(cards))
        draw()

    draw()
    return w.VBox([w.HTML(f"<p>{t('algorithms.cards_help', lang)}</p>"), w.HBox(buttons),
                   status, big_button(t("algorithms.cards_again", lang), again)])


def show_sort(cards: Sequence[Any], method: str, lang: str) -> None:
    """Print every step of a sorting method on `cards`, then the counts."""
    record = SORTS[method](cards)
    for number, step in enumerate(record.steps, start=1):
        print(f"{number:>3}. {describe_step(step, lang):<22} → {' '.join(map(str, step.cards))}")
    print(t("algorithms.sort_result", lang, cards=" ".join(map(str, record.cards))))


def compare_sorts(cards: Sequence[Any], lang: str) -> None:
    """Print the comparisons and swaps each method needs for the same cards."""
    for method, sort in SORTS.items():
        record = sort(cards)
        print(t("algorithms.sort_total", lang, method=t(f"algorithms.sort_{method}", lang),
                comparisons=record.comparisons, swaps=record.swaps, steps=len(record.steps)))


# --- the robot that follows instructions ---------------------------------------------------------

def grid_html(run: RobotRun) -> str:
    """The grid as a table: the robot's arrow, the star, and the squares it went through."""
    visited = set(run.path)
    rows = []
    for y in range(run.height):
        cells = []
        for x in range(run.width):
            mark = (run.arrow if (x, y) == run.position else
                    "★" if (x, y) == run.goal else "")
            colour = "#cfe0f5" if (x, y) in visited else "#ffffff"
            cells.append(f'<td style="width:56px;height:56px;border:2px solid #1f3b63;'
                         f'background:{colour};text-align:center;font-size:32px;'
                         f'color:{"#111" if mark != "★" else "#d14900"}">{mark}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table style="border-collapse:collapse" aria-hidden="true">{"".join(rows)}</table>'


def robot_playground(lang: str, program: str) -> w.VBox:
    """Module activity: write instructions, run the robot, see where it gets stuck and why."""
    run = RobotRun()
    box = w.Textarea(value=program, description=t("algorithms.robot_program", lang), rows=6,
                     layout=w.Layout(width="32rem"))
    picture, said = w.HTML(grid_html(run)), w.HTML(_status(t("algorithms.robot_ready", lang)))

    def go(_button: w.Button) -> None:
        run.follow(box.value)
        picture.value = grid_html(run)
        said.value = _status(html.escape(run.message(lang)))

    legend = w.HTML(f"<p>{t('algorithms.robot_legend', lang)}</p>")
    return w.VBox([legend, box, big_button(t("algorithms.robot_run", lang), go), picture, said])
