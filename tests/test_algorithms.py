"""Algorithms unplugged: searches and sorts that count their steps, the robot, and the widgets."""

from __future__ import annotations

import random

import matplotlib
import pytest

from tremplin.algorithm_widgets import (
    card_sorter,
    compare_searches,
    compare_sorts,
    computer_game,
    grid_html,
    guess_the_number,
    robot_playground,
    search_steps_chart,
    show_sort,
)
from tremplin.algorithms import (
    CardTable,
    GuessGame,
    binary_search,
    describe_step,
    guesses_by_halving,
    insertion_sort,
    linear_search,
    selection_sort,
    worst_steps,
)
from tremplin.i18n import load_all
from tremplin.robot import RobotRun

matplotlib.use("Agg")

NAMES = ["Alice", "Bruno", "Chloé", "David", "Emma", "Farid", "Gabriel", "Hugo", "Inès", "Jules",
         "Karim", "Léa", "Manon", "Nina", "Oscar", "Paul"]


# --- searching -----------------------------------------------------------------------------------

def test_linear_search_looks_at_every_item_up_to_the_target():
    found = linear_search(NAMES, "Nina")
    assert found.index == 13 and found.steps == 14 and found.positions == tuple(range(14))
    missing = linear_search(NAMES, "Zoé")
    assert missing.index is None and missing.steps == len(NAMES)


def test_binary_search_halves_what_is_left():
    found = binary_search(NAMES, "Nina")
    assert [NAMES[i] for i in found.positions] == ["Hugo", "Léa", "Nina"]
    assert found.index == 13 and found.steps == 3
    assert binary_search(NAMES, "Hugo").steps == 1
    assert binary_search(NAMES, "Aaron").index is None
    assert binary_search([], "Alice") == linear_search([], "Alice")


def test_both_searches_find_every_item_and_binary_never_exceeds_its_worst_case():
    for size in range(1, 130):
        items = list(range(0, 2 * size, 2))
        for position, item in enumerate(items):
            assert linear_search(items, item).index == position
            found = binary_search(items, item)
            assert found.index == position
            assert found.steps <= worst_steps(size, "binary")
        assert max(binary_search(items, x).steps for x in range(-1, 2 * size + 1)) == \
            worst_steps(size, "binary")


def test_worst_steps_for_a_thousand_names():
    assert worst_steps(1000, "linear") == 1000
    assert worst_steps(1000, "binary") == 10
    assert worst_steps(1_000_000, "binary") == 20
    with pytest.raises(ValueError):
        worst_steps(10, "magic")


def test_halving_finds_any_number_from_1_to_100_in_at_most_seven_guesses():
    assert guesses_by_halving(50) == [50]
    assert guesses_by_halving(73) == [50, 75, 62, 68, 71, 73]
    assert max(len(guesses_by_halving(n)) for n in range(1, 101)) == 7
    with pytest.raises(ValueError):
        guesses_by_halving(101)


def test_the_guessing_game_narrows_the_possible_numbers():
    game = GuessGame(secret=42)
    assert game.guess(50) == "smaller" and game.possible == (1, 49)
    assert game.guess(25) == "bigger" and game.possible == (26, 49)
    assert game.guess(0) == "outside" and game.guesses == [50, 25]
    assert game.guess(60) == "smaller" and game.possible == (26, 49)  # a silly guess gains nothing
    assert game.guess(42) == "found" and game.found and game.possible == (42, 42)
    assert game.guess(7) == "found" and len(game.guesses) == 4
    random.seed(3)
    assert 1 <= GuessGame().secret <= 100


# --- sorting -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sort", [selection_sort, insertion_sort])
def test_sorts_put_any_cards_in_order(sort):
    rng = random.Random(7)
    for size in range(9):
        cards = [rng.randint(1, 10) for _ in range(size)]
        record = sort(cards)
        assert record.cards == sorted(cards)
        assert record.start == tuple(cards)
        assert record.comparisons + record.swaps == len(record.steps)


def test_selection_sort_compares_every_pair_and_swaps_at_most_once_per_place():
    record = selection_sort([5, 3, 8, 1, 4])
    assert record.comparisons == 10 and record.swaps == 2
    assert [describe_step(s, "fr") for s in record.steps[:5]] == [
        "Comparer 3 et 5", "Comparer 8 et 3", "Comparer 1 et 3", "Comparer 4 et 1",
        "Échanger 5 et 1"]
    assert record.steps[4].cards == (1, 3, 8, 5, 4)
    assert selection_sort([1, 2, 3, 4]).swaps == 0


def test_insertion_sort_is_quick_on_cards_already_in_order():
    assert insertion_sort([1, 2, 3, 4, 5, 6, 7]).comparisons == 6
    assert selection_sort([1, 2, 3, 4, 5, 6, 7]).comparisons == 21
    backwards = insertion_sort([4, 3, 2, 1])
    assert backwards.swaps == 6 and describe_step(backwards.steps[1], "en") == "Swap 4 and 3"


def test_cards_sorted_by_hand_count_the_swaps():
    table = CardTable([3, 1, 2])
    table.click(0)
    assert table.selected == 0
    table.click(0)  # clicking the picked card again drops it
    assert table.selected is None and table.swaps == 0
    table.click(0)
    table.click(1)
    assert table.cards == [1, 3, 2] and table.swaps == 1 and not table.is_sorted
    table.click(2)
    table.click(1)
    assert table.cards == [1, 2, 3] and table.swaps == 2 and table.is_sorted


# --- the robot -----------------------------------------------------------------------------------

def test_a_precise_program_reaches_the_star_in_french_or_english():
    for program in ("avance 3\ntourne à droite\navance 3",
                    "Avance de trois cases.\n\nTourne a droite\navance 3 cases",
                    "move forward 3\nturn right\nforward three squares"):
        run = RobotRun().follow(program)
        assert run.reached_goal and run.position == (3, 1) and run.arrow == "▶", program
        assert run.message("fr").startswith("Bravo")
        assert len(run.path) == 7


@pytest.mark.parametrize(("program", "reason", "line", "quoted"), [
    ("avance un peu\ntourne", "vague", 1, "« un peu »"),
    ("avance 1\ntourne\navance 2", "which_side", 2, "« tourne »"),
    ("avance jusqu'à l'étoile", "how_many", 1, "combien de cases"),
    ("tourne à droite puis avance", "extra_words", 1, "« puis avance »"),
    ("saute 2", "unknown", 1, "« saute »"),
    ("avance 9", "wall", 1, "bord de la grille"),
])
def test_the_robot_stops_at_the_first_imprecise_line_and_says_why(program, reason, line, quoted):
    run = RobotRun().follow(program)
    assert run.stuck is not None and run.stuck.reason == reason and run.stuck.line == line
    assert not run.reached_goal
    message = run.message("fr")
    assert message.startswith(f"Ligne {line}, ") and quoted in message
    assert run.message("en").startswith(f"Line {line}, ")


def test_the_robot_stops_at_the_edge_and_starts_again_on_each_run():
    run = RobotRun()
    run.follow("avance 9")
    assert run.position == (0, 0)  # went as far as it could
    run.follow("tourne à droite\navance 1")
    assert run.stuck is None and run.path == [(0, 4), (1, 4)] and run.arrow == "▶"
    assert "pas sur l'étoile" in run.message("fr")


def test_every_robot_reason_has_a_message():
    catalogue = load_all()
    for reason in ("vague", "which_side", "how_many", "extra_words", "unknown", "wall", "goal",
                   "elsewhere"):
        assert f"algorithms.robot_{reason}" in catalogue


# --- what the learner sees ----------------------------------------------------------------------

def test_printed_searches_and_sorts(capsys):
    compare_searches(NAMES, "Nina", "fr")
    compare_sorts([1, 2, 3], "en")
    show_sort([2, 1], "insertion", "en")
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("Nina. Nombre d'étapes : 14.")
    assert out[1] == ("Recherche dichotomique (en coupant en deux) : regarde Hugo, Léa, Nina. "
                      "Nombre d'étapes : 3.")
    assert out[2] == "Selection sort: 3 comparisons and 0 swaps, 3 steps in all."
    assert out[3] == "Insertion sort: 2 comparisons and 0 swaps, 2 steps in all."
    assert "Compare 1 and 2" in out[4] and "Swap 2 and 1" in out[5]
    assert out[6] == "Sorted cards: 1 2"
    compare_searches(NAMES, "Zoé", "en")
    assert capsys.readouterr().out.splitlines()[-1] == '"Zoé" is not in the list.'


def test_the_computer_plays_by_halving():
    text = computer_game(73, "en")
    assert text.count("the computer says") == 6 and "Numbers still possible: 3." in text
    assert text.endswith("Guess 6: the computer says 73. Found it!")
    assert computer_game(50, "fr").endswith("Essai 1 : l'ordinateur dit 50. Trouvé !")


def test_guess_widget_answers_bigger_or_smaller_and_greys_out_numbers():
    box = guess_the_number("en")
    guess_row, answer, strip, buttons, computer = box.children
    number, guess = guess_row.children
    assert "between 1 and 100" in answer.value
    # find the secret by halving, through the widget, as a learner would
    low, high = 1, 100
    for _ in range(7):
        number.value = (low + high) // 2
        guess.click()
        if "BIGGER" in answer.value:
            low = number.value + 1
        elif "SMALLER" in answer.value:
            high = number.value - 1
        else:
            break
    assert "Well done!" in answer.value and strip.value.count("#2e7d32") == 1
    buttons.children[1].click()
    assert "the computer says" in computer.value
    buttons.children[0].click()
    assert computer.value == "" and "between 1 and 100" in answer.value


def test_card_widget_swaps_on_two_clicks_and_congratulates():
    box = card_sorter("fr", [2, 1, 3])
    cards, status = box.children[1].children, box.children[2]
    assert [c.description for c in cards] == ["2", "1", "3"]
    cards[0].click()
    assert "Carte choisie : 2" in status.value and cards[0].button_style == "warning"
    cards[1].click()
    assert [c.description for c in cards] == ["1", "2", "3"]
    assert "Nombre d'échanges : 1" in status.value
    assert all(c.button_style == "success" for c in cards)
    box.children[3].click()
    assert [c.description for c in cards] == ["2", "1", "3"] and "Échanges : 0" in status.value


def test_robot_widget_runs_the_written_program():
    box = robot_playground("fr", "avance un peu")
    program, run, picture, said = box.children[1:]
    assert "attend vos instructions" in said.value
    run.click()
    assert "« un peu »" in said.value
    program.value = "avance 3\ntourne à droite\navance 3"
    run.click()
    assert "Bravo" in said.value and picture.value.count("#cfe0f5") == 7
    assert "▶" in picture.value and "★" not in picture.value  # the robot stands on the star


def test_grid_shows_the_star_and_the_robot_before_it_moves():
    cells = grid_html(RobotRun())
    assert cells.count("<td") == 25 and "★" in cells and "▲" in cells


def test_search_chart_has_both_lines_and_the_thousand_items_note():
    fig = search_steps_chart("fr")
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == [
        "Recherche simple (un par un)", "Recherche dichotomique (en coupant en deux)"]
    assert lines[0].get_ydata()[-1] == 1000 and lines[1].get_ydata()[-1] == 10
    assert any("1000 éléments : 1000 étapes contre 10" in text.get_text() for text in ax.texts)
