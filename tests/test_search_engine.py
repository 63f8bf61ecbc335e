"""The toy search engine: what it counts, the order it gives, and how it says why."""

from __future__ import annotations

from datetime import date

import matplotlib
import pytest

from tremplin.info_widgets import highlight, results_html, score_chart, search_box
from tremplin.search_engine import (
    Page,
    Web,
    age_text,
    explain,
    load_web,
    search,
    stem,
    why_above,
    words,
)

matplotlib.use("Agg")

# The module's three searches, in both languages, and the order the learner is told about.
SEARCHES = {
    "library": ({"fr": "horaires médiathèque", "en": "library hours"},
                ["ad-ereader", "library", "readers-blog", "workshops", "town-hall", "job-point",
                 "agenda"]),
    "cv": ({"fr": "atelier CV", "en": "CV workshop"}, ["ad-cv", "workshops", "job-point"]),
    "flu": ({"fr": "grippe citron", "en": "flu lemon"},
            ["lemon-miracle", "health-centre", "lemon-forum"]),
}


def ids(results):
    return [result.page.id for result in results]


def parts(result):
    return (result.word_points, result.link_points, result.fresh_points, result.total)


def tiny_web(*pages: Page) -> Web:
    return Web(pages, date(2026, 10, 1), frozenset({"the", "of"}))


def page(page_id: str, title: str, text: str = "", **more) -> Page:
    return Page(page_id, f"{page_id}.example", more.pop("day", date(2026, 9, 1)), title, text,
                **more)


# --- reading words -------------------------------------------------------------------------------

def test_words_drop_capitals_accents_small_words_and_plurals():
    assert words("Les HORAIRES de la Médiathèque", ["les", "de", "la"]) == ["horaire",
                                                                             "mediatheque"]
    assert words("l'atelier d'écriture") == ["atelier", "ecriture"]
    assert words("Libraries and hours", ["and"]) == ["library", "hour"]
    assert stem("bus") == "bus" and stem("press") == "press"


# --- the module's searches -----------------------------------------------------------------------

@pytest.mark.parametrize("name", SEARCHES)
def test_each_search_gives_the_order_the_module_describes_in_both_languages(name):
    queries, expected = SEARCHES[name]
    french, english = search(queries["fr"], "fr"), search(queries["en"], "en")
    assert ids(french) == expected
    assert ids(english) == expected
    assert [parts(r) for r in french] == [parts(r) for r in english]


def test_the_library_beats_the_wordier_old_blog_on_links_and_freshness():
    library, blog = search("horaires médiathèque", "fr")[1:3]
    assert parts(library) == (6, 4, 2, 12)
    assert parts(blog) == (8, 1, 0, 9)
    assert blog.age_days > 7 * 365


def test_the_miracle_cure_comes_first_although_it_is_false():
    miracle, centre = search("grippe citron", "fr")[:2]
    assert miracle.total > centre.total
    citron = next(match for match in miracle.matches if match.word == "citron")
    assert citron.count == 5 and citron.points == 2 + 3  # title, then at most 3 repeats


# --- the rules, on pages made for the test -------------------------------------------------------

def test_a_word_earns_two_in_the_title_and_one_per_time_in_the_text_up_to_three():
    web = tiny_web(page("a", "Soup", "soup soup soup soup soup soup"), page("b", "Bread", "soup"))
    first, second = web.search("soup")
    assert (first.page.id, first.word_points) == ("a", 5)
    assert (second.page.id, second.word_points) == ("b", 1)


def test_each_other_page_linking_here_earns_a_point_but_adverts_and_itself_do_not():
    web = tiny_web(page("a", "Soup", links=("a",)), page("b", "Bread", links=("a",)),
                   page("c", "Cake", links=("a",)),
                   page("ad", "Buy soup", sponsored=True, keywords=("soup",), links=("a",)))
    assert web.linked_from(web.page("a")) == ("b", "c")
    assert web.search("soup")[1].link_points == 2


@pytest.mark.parametrize(("day", "points"), [
    (date(2026, 9, 1), 2), (date(2025, 10, 2), 2), (date(2025, 10, 1), 1), (date(2024, 1, 1), 1),
    (date(2023, 10, 1), 0), (date(2001, 1, 1), 0)])
def test_freshness_points_by_age(day, points):
    web = tiny_web(page("a", "Soup", day=day))
    assert web.search("soup")[0].fresh_points == points


def test_pages_without_any_word_of_the_search_are_left_out():
    web = tiny_web(page("a", "Soup"), page("b", "Bread"))
    assert ids(web.search("soup")) == ["a"]
    assert web.search("cake") == []
    assert web.search("the of") == []  # only small words: nothing to look for


def test_adverts_come_first_only_for_the_words_bought_and_earn_nothing():
    web = tiny_web(page("a", "Soup recipe", "soup"),
                   page("ad", "Soup pans", sponsored=True, keywords=("soups", "pan")))
    found = web.search("soup")
    assert ids(found) == ["ad", "a"] and found[0].total == 0
    assert ids(web.search("recipe")) == ["a"]


def test_ties_go_to_more_word_points_then_links_then_newer_pages():
    web = tiny_web(page("old", "Soup", day=date(2024, 9, 1), links=("new",)),
                   page("new", "Soup", day=date(2026, 9, 1), links=("old",)))
    assert ids(web.search("soup")) == ["new", "old"]  # same words and links: newer first


# --- why, in words -------------------------------------------------------------------------------

def test_explain_says_each_part_and_the_total():
    library = search("horaires médiathèque", "fr")[1]
    lines = explain(library, "fr")
    assert lines[0] == "Le mot « horaires » : dans le titre (+2) et 1 fois dans le texte (+1)."
    assert "4 autres pages ont un lien vers elle (+4)." in lines
    assert lines[-1] == "Total : 6 (mots) + 4 (liens) + 2 (fraîcheur) = 12 points."
    miracle = search("flu lemon", "en")[0]
    assert any("5 times in the text, but no more than 3 count (+3)" in line
               for line in explain(miracle, "en"))


def test_explain_marks_adverts_and_missing_words():
    advert, _library, _blog, workshops = search("library hours", "en")[:4]
    assert explain(advert, "en") == [
        "Paid advert: the advertiser paid to be shown at the top when people search for these "
        "words. It earns no points."]
    assert "Not in the page: hours (+0)." in explain(workshops, "en")


def test_why_above_names_where_a_page_wins_and_loses():
    results = search("library hours", "en")
    said = why_above(results[1], results[2], "en")
    assert said == ('Ahead of "Library hours: our tips": 12 points against 9. It wins on: links '
                    "to the page, freshness. It loses on: words found.")
    assert "paid for" in why_above(results[0], results[1], "en")
    assert why_above(results[-2], results[-1], "fr").startswith("À égalité avec")


def test_ages_are_said_in_days_months_or_years():
    assert age_text(6, "fr") == "il y a 6 jours"
    assert age_text(40, "en") == "1 month ago"
    assert age_text(240, "fr") == "il y a 8 mois"
    assert age_text(800, "en") == "2 years ago"


# --- what the learner sees -----------------------------------------------------------------------

def test_the_results_page_shows_the_sponsored_label_the_why_and_bold_words():
    page_html = results_html("atelier CV", "fr")
    assert page_html.count('class="hit"') == 3
    assert "Sponsorisé" in page_html and "Pourquoi ici ?" in page_html
    assert "<b>CV</b>" in page_html
    assert "Aucune page" in results_html("zzz", "fr")
    assert highlight("Les <horaires>", load_web("fr"), "horaires") == "Les &lt;<b>horaires</b>&gt;"


def test_the_search_box_updates_its_results_when_a_search_is_typed():
    box = search_box("en")
    text, _button = box.children[1].children
    results = box.children[2]
    assert "Type some words" in results.value
    text.value = "flu lemon"
    assert "Hot lemon cures the flu" in results.value


def test_the_chart_draws_one_row_per_result_and_no_bar_for_adverts():
    fig = score_chart("library hours", "en")
    ax = fig.axes[0]
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert len(labels) == 7 and labels[0].startswith("[Sponsored]")
    assert len(ax.patches) == sum(bool(part) for result in search("library hours", "en")[1:]
                                  for part in parts(result)[:3])
    assert score_chart("zzz", "fr").axes[0].texts
