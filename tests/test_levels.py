"""The level rule on small hand-made cases, each one a sentence of the rule a trainer reads."""

from __future__ import annotations

import pytest

from tremplin.metadata import Evidence
from tremplin.reports.data import AssignmentInfo, CellResult
from tremplin.reports.levels import competence_levels, format_points, level_reached


def course(*cells: tuple[str, tuple[str, ...], int, float]) -> dict[str, AssignmentInfo]:
    """One assignment "ex" whose cells are (grade id, competences, level, points)."""
    evidence = {g: Evidence(g, comps, level, points) for g, comps, level, points in cells}
    return {"ex": AssignmentInfo("ex", "fr", "Exercice", evidence)}


def scores(learner: str, course_: dict[str, AssignmentInfo],
           **got: float | None) -> list[CellResult]:
    ev = course_["ex"].evidence
    return [CellResult(learner, "ex", g, s, ev[g].points) for g, s in got.items()]


def test_a_level_is_reached_with_enough_points_at_that_level():
    assert level_reached([(2, 2, 2), (2, 1, 1)], 0.7) == 2
    assert level_reached([(2, 7, 10)], 0.7) == 2  # exactly the threshold counts


def test_a_level_is_not_reached_below_the_threshold():
    assert level_reached([(2, 1, 2), (2, 0, 2)], 0.7) is None
    assert level_reached([(2, 6.9, 10)], 0.7) is None


def test_a_failed_lower_level_blocks_a_higher_one_even_with_many_points_there():
    # ≤ 3 taken together is 9/10, but level 1 alone is 0/1: nothing is reached
    assert level_reached([(1, 0, 1), (3, 9, 9)], 0.7) is None


def test_the_highest_level_whose_lower_levels_all_hold_is_the_level():
    # ≤ 2: 2/2 holds; ≤ 3: 2/4 fails, so level 4 (≤ 4: 6/8 = 75 %) is not reached either
    assert level_reached([(2, 2, 2), (3, 0, 2), (4, 4, 4)], 0.7) == 2
    # points at lower levels carry the higher one: ≤ 3 is 3/4 even with 1/2 at level 3
    assert level_reached([(2, 2, 2), (3, 1, 2)], 0.7) == 3


def test_the_threshold_is_a_parameter():
    assert level_reached([(2, 1, 2)], 0.5) == 2
    assert level_reached([(2, 1, 2)], 0.6) is None


def test_cells_worth_no_points_carry_no_level():
    assert level_reached([(3, 0, 0)], 0.7) is None


def test_pending_manual_grades_are_left_out_of_both_sums_and_counted():
    c = course(("auto_one", ("digcomp:1.3",), 2, 2), ("by_hand", ("digcomp:1.3",), 3, 2))
    found = competence_levels(scores("ana", c, auto_one=2, by_hand=None), c)["ana"]["digcomp:1.3"]
    assert (found.level, found.points, found.max_points, found.pending) == (2, 2, 2, 1)


def test_a_competence_with_only_pending_cells_has_no_level_yet():
    c = course(("by_hand", ("digcomp:5.2",), 2, 2))
    found = competence_levels(scores("ana", c, by_hand=None), c)["ana"]["digcomp:5.2"]
    assert (found.level, found.points, found.max_points, found.pending) == (None, 0, 0, 1)


def test_the_cells_used_are_returned_to_explain_the_level():
    c = course(("count_bits", ("digcomp:3.4",), 2, 2), ("read_bits", ("digcomp:1.3",), 2, 1))
    levels = competence_levels(scores("ana", c, count_bits=2, read_bits=0), c)["ana"]
    assert levels["digcomp:3.4"].grade_ids == (("ex", "count_bits"),)
    assert levels["digcomp:1.3"].grade_ids == (("ex", "read_bits"),)
    assert levels["digcomp:1.3"].level is None


def test_a_digcomp_cell_counts_for_the_crcn_competences_of_the_crosswalk():
    # crosswalk: DigComp 1.3 ↔ CRCN 1.2 and 1.3
    c = course(("sort_files", ("digcomp:1.3",), 2, 2))
    levels = competence_levels(scores("ana", c, sort_files=2), c, framework="crcn")["ana"]
    assert list(levels) == ["crcn:1.2", "crcn:1.3"]
    assert all(x.level == 2 and x.max_points == 2 for x in levels.values())


def test_a_crcn_cell_counts_for_digcomp_and_a_cell_tagged_twice_counts_once():
    c = course(("sort_files", ("crcn:1.3",), 2, 2),
               ("name_files", ("digcomp:1.3", "crcn:1.3"), 2, 1))
    results = scores("ana", c, sort_files=2, name_files=1)
    assert competence_levels(results, c)["ana"]["digcomp:1.3"].max_points == 3
    assert competence_levels(results, c, framework="crcn")["ana"]["crcn:1.3"].max_points == 3


def test_cells_without_evidence_or_of_unknown_assignments_are_ignored():
    c = course(("tagged", ("digcomp:2.1",), 1, 1), ("untagged", (), 0, 1))
    results = [*scores("ana", c, tagged=1, untagged=0),
               CellResult("ana", "elsewhere", "tagged", 0, 1)]
    levels = competence_levels(results, c)["ana"]
    assert list(levels) == ["digcomp:2.1"]
    assert levels["digcomp:2.1"].max_points == 1


def test_learners_and_competences_come_in_a_stable_order():
    c = course(("a_q", ("digcomp:5.1",), 1, 1), ("b_q", ("digcomp:1.1",), 1, 1))
    results = [*scores("zoe", c, a_q=1, b_q=1), *scores("ana", c, a_q=0, b_q=1)]
    levels = competence_levels(results, c)
    assert list(levels) == ["ana", "zoe"]
    assert list(levels["zoe"]) == ["digcomp:1.1", "digcomp:5.1"]  # the framework's order


def test_an_unknown_framework_is_refused():
    with pytest.raises(KeyError):
        competence_levels([], {}, framework="nope")


@pytest.mark.parametrize(("value", "lang", "text"), [
    (3.0, None, "3"), (2.5, None, "2.5"), (2.5, "fr", "2,5"), (2.5, "en", "2.5"),
    (0.1 + 0.2, None, "0.3"),
])
def test_points_are_written_as_people_write_them(value, lang, text):
    assert format_points(value, lang) == text
