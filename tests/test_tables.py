"""Tables, the tiny spreadsheet and the activities of "Données et tableaux / Data and tables"."""

from __future__ import annotations

import ipywidgets as w
import pytest

from tremplin.i18n import t
from tremplin.spreadsheet import ERRORS, FormulaError, Sheet, cells_in
from tremplin.table_charts import bar_chart, percent_change, signed, totals_and_ratios
from tremplin.table_widgets import axis_explorer, mini_sheet, period_explorer, table_explorer
from tremplin.tables import (
    add_ratio,
    distinct,
    filter_rows,
    format_number,
    group_by,
    load_table,
    mean,
    read_csv,
    sort_rows,
    table_html,
    total,
)

# --- the shipped tables ------------------------------------------------------------------------

def test_tables_load_with_codes_or_in_the_learners_language():
    assert load_table("branches")[0] == {"branch": "Centre", "area": "town", "inhabitants": 24000,
                                         "loans": 98000, "hours": 40}
    assert load_table("branches", "fr")[0] == {"site": "Centre", "zone": "ville",
                                               "habitants": 24000, "emprunts": 98000, "heures": 40}
    loans = load_table("loans", "en")
    assert len(loans) == 48 and loans[0] == {"month": 1, "type": "book", "loans": 12670}
    assert distinct(load_table("loans", "fr"), "type") == ["livre", "BD", "DVD", "revue"]
    assert list(load_table("years", "fr")[0]) == ["année", "emprunts"]


def test_the_three_tables_tell_the_same_story():
    """A careful learner may add things up: the network lent 246 000 documents in 2024 in every
    table, and the branches serve 60 000 inhabitants."""
    years = {row["year"]: row["loans"] for row in load_table("years")}
    assert total(load_table("loans"), "loans") == years[2024] == 246_000
    assert total(load_table("branches"), "loans") == 246_000
    assert total(load_table("branches"), "inhabitants") == 60_000


def test_notes_in_a_csv_are_skipped_and_numbers_read(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("# a note\nname,count,share\nnan,3,0.5\n# another\nB,-2,x\n", encoding="utf-8")
    assert read_csv(path) == [{"name": "nan", "count": 3, "share": 0.5},
                              {"name": "B", "count": -2, "share": "x"}]


# --- sorting, filtering, grouping -------------------------------------------------------------

ROWS = [{"name": "b", "kind": "x", "n": 2}, {"name": "A", "kind": "y", "n": 5},
        {"name": "c", "kind": "x", "n": 2}, {"name": "d", "kind": "x", "n": 11}]


def test_sorting_numbers_and_text_and_keeping_ties_in_order():
    assert [r["name"] for r in sort_rows(ROWS, "n")] == ["b", "c", "A", "d"]
    assert [r["name"] for r in sort_rows(ROWS, "n", descending=True)] == ["d", "A", "b", "c"]
    assert [r["name"] for r in sort_rows(ROWS, "name")] == ["A", "b", "c", "d"]  # not "A" last
    assert [r["name"] for r in ROWS] == ["b", "A", "c", "d"], "the table itself is unchanged"


def test_filtering_keeps_matching_rows_only():
    assert [r["name"] for r in filter_rows(ROWS, "kind", "x")] == ["b", "c", "d"]
    assert filter_rows(ROWS, "kind", "z") == []
    villages = filter_rows(load_table("branches", "fr"), "zone", "village")
    assert [r["site"] for r in villages] == ["Saint-Roch", "Val-Fleuri", "Les Prés", "Le Moulin"]


def test_grouping_makes_a_smaller_table_of_sums_means_or_counts():
    assert group_by(ROWS, "kind", "n") == [{"kind": "x", "n": 15}, {"kind": "y", "n": 5}]
    assert group_by(ROWS, "kind", "n", "mean") == [{"kind": "x", "n": 5}, {"kind": "y", "n": 5}]
    assert group_by(ROWS, "kind", "n", "count") == [{"kind": "x", "n": 3}, {"kind": "y", "n": 1}]
    loans = load_table("loans", "fr")
    assert group_by(loans, "type", "emprunts", "mean") == [
        {"type": "livre", "emprunts": 12300}, {"type": "BD", "emprunts": 3690},
        {"type": "DVD", "emprunts": 2050}, {"type": "revue", "emprunts": 2460}]
    with pytest.raises(ValueError, match="how must be"):
        group_by(ROWS, "kind", "n", "median")
    with pytest.raises(ValueError):
        mean([], "n")


def test_per_inhabitant_ranks_villages_above_the_big_central_library():
    branches = load_table("branches", "en")
    per_person = add_ratio(branches, "loans", "inhabitants", "per inhabitant")
    assert sort_rows(branches, "loans", descending=True)[0]["branch"] == "Centre"
    assert sort_rows(per_person, "per inhabitant", descending=True)[0] == {
        **branches[-1], "per inhabitant": 7.5}
    assert "per inhabitant" not in branches[0], "the original rows are left as they were"


@pytest.mark.parametrize(("value", "lang", "shown"), [
    (246000, "fr", "246\u202f000"), (246000, "en", "246,000"), (4.08, "fr", "4,1"),
    (4.08, "en", "4.1"), (2024, "fr", "2024"), (12300.0, "en", "12,300"), ("BD", "fr", "BD"),
])
def test_numbers_are_written_the_learners_way(value, lang, shown):
    assert format_number(value, lang) == shown


def test_a_table_in_html_escapes_text_and_aligns_numbers_right():
    page = table_html([{"name": "<b>", "n": 12000}], "fr", caption="T & co")
    assert "&lt;b&gt;" in page and "<b>" not in page and "T &amp; co" in page
    assert "text-align:right\">12\u202f000</td>" in page


# --- the tiny spreadsheet ----------------------------------------------------------------------

def test_a_total_recomputes_when_a_number_changes():
    sheet = Sheet({"B1": 120, "B2": 45, "B3": 30, "B4": "=SOMME(B1:B3)", "B5": "=average(b1:b3)"})
    assert (sheet.value("B4"), sheet.value("B5")) == (195, 65)
    sheet.set("B2", "60")
    assert (sheet.value("B4"), sheet.value("B5")) == (210, 70)
    assert sheet.content("B4") == "=SOMME(B1:B3)", "the cell keeps the formula, not the result"


@pytest.mark.parametrize(("formula", "value"), [
    ("=B1+B2*2", 60), ("=(B1+B2)*2", 100), ("=B1/B2", 4), ("=-B1+1", -39), ("=B1-B9", 40),
    ("=SUM(B1;B2;5)", 55), ("=MAX(B1:B2)", 40), ("=min(B1, B2)", 10), ("= 2.5 * 2", 5),
    ("=SUM(A1:B2)", 50), ("=MOYENNE(B1:B2)", 25),
])
def test_formulas_a_beginner_meets_first(formula, value):
    sheet = Sheet({"A1": "label", "B1": 40, "B2": 10, "C1": formula})
    assert sheet.value("C1") == value


@pytest.mark.parametrize(("formula", "code"), [
    ("=B1/0", "div_zero"), ("=B1+", "syntax"), ("=B1 B2", "syntax"), ("=FOO(B1)",
                                                                      "unknown_function"),
    ("=C1+1", "cycle"), ("=A1*2", "text"), ("=SUM(A1:A1)", "empty"), ("=SUM(B1 B2)", "syntax"),
    ("=", "syntax"), ("=B1*1,5", "syntax"),
])
def test_broken_formulas_say_why_in_both_languages(formula, code):
    sheet = Sheet({"A1": "label", "B1": 40, "C1": formula})
    with pytest.raises(FormulaError) as caught:
        sheet.value("C1")
    assert caught.value.code == code
    assert t(f"tables.error.{code}", "fr") != t(f"tables.error.{code}", "en")


def test_every_error_has_a_message_and_cells_are_named_properly():
    assert all(t(f"tables.error.{code}", "en") for code in ERRORS)
    assert cells_in("B2", "A1") == ["A1", "B1", "A2", "B2"]
    sheet = Sheet({"b1": " 3,5 "})
    assert sheet.value("B1") == 3.5
    sheet.set("B1", "")
    assert sheet.content("B1") is None
    with pytest.raises(ValueError, match="cell name"):
        sheet.set("hello", 1)


# --- the activities ----------------------------------------------------------------------------

def test_table_explorer_sorts_filters_and_totals_what_is_shown():
    box = table_explorer(load_table("branches", "fr"), "fr", total="emprunts")
    (sort_by, order), show, status, table = box.children[1].children, *box.children[2:]
    assert "8 lignes affichées sur 8" in status.value and "246\u202f000" in status.value
    sort_by.value, order.value = "emprunts", True
    assert table.value.index("Centre") < table.value.index("Le Moulin")
    order.value = False
    assert table.value.index("Le Moulin") < table.value.index("Centre")
    show.value = "village"
    assert "4 lignes affichées sur 8" in status.value and "44\u202f000" in status.value
    assert "Centre" not in table.value


def test_mini_sheet_total_follows_a_typed_number_and_a_typed_formula():
    cells = mini_sheet("en").children[1].children
    results = [c for c in cells if isinstance(c, w.HTML) and "tremplin-sheet-result" in c.value]
    assert [r.value.split(">")[1].split("<")[0] for r in results] == ["195", "65", "75"]
    next(c for c in cells if isinstance(c, w.IntText) and c.value == 45).value = 150
    assert ">300<" in results[0].value and ">100<" in results[1].value
    formula = next(c for c in cells if isinstance(c, w.Text) and not isinstance(c, w.IntText))
    formula.value = "=B4/0"
    assert "#ERROR: division by zero" in results[2].value
    assert "=SUM(B1:B3)" in str([c.value for c in cells if isinstance(c, w.HTML)])


def test_the_axis_explorer_shows_how_much_a_cut_axis_exaggerates():
    _style, slider, status, picture = axis_explorer("en").children
    assert slider.value == 225_000 and bytes(picture.value).startswith(b"\x89PNG")
    assert "looks 3.5 times" in status.value and "1.1 times as many" in status.value
    slider.value = 0
    assert "starts at 0" in status.value and "looks 1.1 times" in status.value


def test_the_period_explorer_changes_the_headline_with_the_first_year():
    _style, slider, status, _picture = period_explorer("fr").children
    assert "De 2020 à 2024, les emprunts ont changé de +66 %" in status.value
    slider.value = 2015
    assert "changé de -6 %" in status.value
    slider.value = 2022
    assert "confinement" not in status.value
    assert signed(percent_change(148_000, 246_000), "en") == "+66"


def test_pictures_draw_the_tables():
    fig = bar_chart(group_by(load_table("loans", "en"), "type", "loans"), "type", "loans", "en")
    assert [tick.get_text() for tick in fig.axes[0].get_xticklabels()] == [
        "book", "comic", "DVD", "magazine"]
    branches = add_ratio(load_table("branches", "fr"), "emprunts", "habitants", "par habitant")
    fig = totals_and_ratios(branches, "site", "emprunts", "par habitant", "fr")
    assert [ax.get_title() for ax in fig.axes] == ["Emprunts en tout", "Emprunts par habitant"]
    assert fig.axes[1].get_yticklabels()[-1].get_text() == "Le Moulin"
