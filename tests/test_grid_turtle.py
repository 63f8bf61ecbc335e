"""The grid turtle of « Programmer pas à pas »: a drawing is the set of cells it painted, and
the widgets that show it (buttons writing code, boxes, the fork)."""

from __future__ import annotations

import matplotlib
import pytest

from tremplin.grid_turtle import GridTurtle, draw, normalised, square_outline
from tremplin.programming_widgets import (
    boxes_html,
    condition_fork,
    fork_html,
    turtle_pad,
    variable_boxes,
)

matplotlib.use("Agg")


def square(turtle: GridTurtle, side: int, turn: str = "left") -> None:
    for _ in range(4):
        turtle.forward(side)
        getattr(turtle, turn)()


def test_the_turtle_starts_in_the_middle_facing_east_on_a_painted_cell():
    turtle = GridTurtle(11, 11)
    assert turtle.position == (5, 5) and turtle.heading == 0 and turtle.arrow == "▶"
    assert turtle.painted == {(5, 5)} and turtle.program == []


def test_forward_paints_every_cell_walked_on():
    turtle = GridTurtle()
    assert turtle.forward(3) == 3
    assert turtle.painted == {(5, 5), (6, 5), (7, 5), (8, 5)}
    turtle.left()
    turtle.forward(2)
    assert turtle.position == (8, 7)
    assert (8, 6) in turtle.painted and (8, 7) in turtle.painted and len(turtle.painted) == 6


def test_a_square_paints_its_border_whichever_way_it_turns():
    for turn in ("left", "right"):
        turtle = GridTurtle()
        square(turtle, 4, turn)
        assert turtle.shape() == square_outline(4)
        assert len(turtle.painted) == 16
        assert turtle.position == (5, 5) and turtle.heading == 0


def test_square_outline_is_the_border_only():
    assert square_outline(1) == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert (1, 1) not in square_outline(2) and len(square_outline(2)) == 8
    assert square_outline(0) == {(0, 0)}


def test_with_the_pen_up_nothing_is_painted_until_it_goes_down():
    turtle = GridTurtle()
    turtle.pen_up()
    turtle.forward(2)
    assert turtle.painted == {(5, 5)}
    turtle.pen_down()
    assert turtle.painted == {(5, 5), (7, 5)}
    assert turtle.program == ["turtle.pen_up()", "turtle.forward(2)", "turtle.pen_down()"]


def test_the_turtle_stops_at_the_edge_and_says_how_far_it_went():
    turtle = GridTurtle(5, 5)
    assert turtle.forward(10) == 2
    assert turtle.position == (4, 2)
    assert turtle.forward(1) == 0


def test_turns_are_quarter_turns_written_as_code():
    turtle = GridTurtle()
    turtle.left()
    assert turtle.arrow == "▲"
    turtle.right(180)
    assert turtle.arrow == "▼"
    turtle.right(270)
    assert turtle.heading == 0 and turtle.arrow == "▶"
    assert turtle.program == ["turtle.left()", "turtle.right(180)", "turtle.right(270)"]
    with pytest.raises(ValueError, match="quarter turns"):
        turtle.left(45)
    with pytest.raises(ValueError, match="whole number"):
        turtle.forward(-1)


def test_reset_forgets_the_drawing_and_the_program():
    turtle = GridTurtle()
    square(turtle, 2)
    turtle.reset()
    assert turtle.painted == {(5, 5)} and turtle.program == [] and turtle.pen_is_down


def test_the_text_grid_shows_paint_and_turtle_top_row_first():
    turtle = GridTurtle(3, 3)
    turtle.left()
    turtle.forward(1)
    assert turtle.as_text() == "· ▲ ·\n· # ·\n· · ·"
    assert normalised([]) == frozenset()


def test_the_html_grid_has_one_cell_per_square_and_colours_the_painted_ones():
    turtle = GridTurtle(4, 3)
    turtle.forward(1)
    page = turtle.as_html()
    assert page.count("<td") == 12 and page.count("background:#1f5fa8") == 2
    assert "▶" in page


def test_the_picture_counts_the_painted_cells_in_the_learners_language():
    turtle = GridTurtle()
    square(turtle, 3)
    assert draw(turtle, "fr").axes[0].get_title() == "La tortue a colorié 12 case(s)"
    assert draw(turtle, "en").axes[0].get_title() == "The turtle painted 12 cell(s)"


def test_each_click_on_the_pad_writes_the_line_of_code_it_stands_for():
    pad = turtle_pad("fr")
    forward, left, right, pen, clear = pad.children[0].children
    listing = pad.children[2].children[1]
    assert "Cliquez sur un bouton" in listing.value
    forward.click()
    left.click()
    forward.click()
    assert "Votre programme (3 ligne(s))" in listing.value
    assert " 1  turtle.forward(1)\n 2  turtle.left()\n 3  turtle.forward(1)" in listing.value
    assert len(pad.turtle.painted) == 3
    pen.click()
    assert pen.description == "✎ Baisser le crayon" and not pad.turtle.pen_is_down
    right.click()
    forward.click()
    assert len(pad.turtle.painted) == 3 and "turtle.pen_up()" in listing.value
    clear.click()
    assert pad.turtle.program == [] and pen.description == "✎ Lever le crayon"


def test_the_pad_says_when_the_turtle_bumps_into_the_edge():
    pad = turtle_pad("en", size=3)
    forward = pad.children[0].children[0]
    forward.click()
    assert pad.children[1].value == ""
    forward.click()
    assert "Bump!" in pad.children[1].value


def test_boxes_show_label_value_and_kind_with_quotes_around_text():
    page = boxes_html({"age": 15, "first_name": "Camille", "price": 2.5, "ok": True}, "fr")
    assert "🏷️ age" in page and "<code style=\"font-size:1.3rem\">15</code>" in page
    assert "&quot;Camille&quot;" in page and "texte" in page and "nombre entier" in page
    assert "nombre à virgule" in page and "vrai ou faux" in page
    assert "&quot;" + "a" * 38 + "…</code>" in boxes_html({"long": "a" * 60}, "fr")


def test_variable_boxes_name_the_missing_ones():
    page = variable_boxes("age", "city", lang="en", namespace={"age": 16}).value
    assert ">16</code>" in page and 'No box called &quot;city&quot; yet' in page


answer = 42  # a module global, as a notebook cell's variable is


def test_variable_boxes_default_to_the_globals_of_the_calling_cell():
    assert ">42</code>" in variable_boxes("answer", lang="fr").value


@pytest.mark.parametrize(("age", "taken", "skipped"), [
    (15, "Vous êtes mineur.", "Vous êtes majeur."), (18, "Vous êtes majeur.", "Vous êtes mineur."),
])
def test_the_fork_lights_the_road_taken(age, taken, skipped):
    page = fork_html(age, "fr")
    lit = '<span style="background:#e3f4e3;font-weight:bold">'
    assert f'{lit}    print(&quot;{taken}&quot;)</span>' in page
    assert f'{lit}    print(&quot;{skipped}&quot;)' not in page
    assert f"{lit}age = {age}</span>" in page


def test_moving_the_slider_redraws_the_fork():
    fork = condition_fork("en", age=10)
    slider, picture = fork.children
    assert "You are a minor." in picture.value and "(10)" in picture.value
    slider.value = 30
    assert "(30)" in picture.value and "age = 30" in picture.value
