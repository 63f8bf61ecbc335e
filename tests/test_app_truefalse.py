"""The "Vrai ou faux / True or false" app's state: module 08's items and checklist, judged one
per screen, with the checks that decide and a score."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from tremplin.apps.true_false_app import (
    ANSWERS,
    ItemsError,
    TrueFalse,
    app_items,
    long_date,
    photo_svg,
    read_items,
)
from tremplin.sources import CRITERIA, NewsItem, load_items


def visible(markup: str) -> str:
    """The text a visitor reads, tags removed and entities put back."""
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_the_app_shows_module_08s_items_then_its_own_in_the_same_format():
    items = app_items()
    assert items[:6] == load_items()  # the module's items, read by the module's loader
    assert [item.id for item in items[6:]] == ["bridge-works", "prize-phones"]
    assert all(isinstance(item, NewsItem) for item in items)
    assert {item.verdict for item in items} == {"true", "misleading", "false"}
    assert len({item.id for item in items}) == len(items)


def test_a_broken_items_file_names_the_file_and_the_entry(tmp_path):
    path = tmp_path / "app-truefalse-items.yaml"
    path.write_text("items:\n  - id: good-one\n    site: x\n", encoding="utf-8")
    with pytest.raises(ItemsError, match=r"app-truefalse-items.yaml: item 1 \(good-one\)"):
        read_items(path)
    path.write_text("not a list\n", encoding="utf-8")
    with pytest.raises(ItemsError, match="app-truefalse-items.yaml: expected a list"):
        read_items(path)


def test_the_first_screen_shows_the_post_and_four_answers():
    app = TrueFalse(lang="fr")
    assert app.screen == "question"
    assert visible(app.progress_html()).strip() == "Information 1 sur 8"
    card = visible(app.card_html())
    assert "@InfoChoc_Valbourg" in card
    assert "Publié le 28 septembre 2026" in card
    assert "Valbourg sous les eaux" in card
    assert "Valbourg ce matin, rue de la Gare" in card  # the photo's caption
    assert app.answer_labels() == ["Vrai", "Faux", "Trompeur", "Je ne sais pas"]
    assert visible(app.question_html()).strip() == "Selon vous, c'est :"
    assert app.display("question") is None and app.display("answer") == "none"
    assert app.feedback_html() == "" and app.score_html() == ""


def test_a_right_answer_is_praised_with_the_summary_and_the_score():
    app = TrueFalse(lang="fr")
    app.answer("misleading")  # the flood photo is an old photo with a new caption
    assert app.screen == "answer" and app.score == 1
    feedback = app.feedback_html()
    assert 'role="status"' in feedback
    assert "✓ Bien vu !" in visible(feedback)
    assert "la photo date de 2015" in visible(feedback)
    assert "Score : 1 sur 1" in visible(app.score_html())
    assert app.next_label() == "Suivant"


def test_a_wrong_answer_says_not_quite_and_i_dont_know_is_met_kindly():
    app = TrueFalse(lang="en")
    app.answer("true")
    assert "✗ Not quite." in visible(app.feedback_html())
    assert app.score == 0
    app.next()
    app.answer("unknown")
    said = visible(app.feedback_html())
    assert "It is good to say so when you don't know" in said
    assert "True. A known source" in said  # the library robots are real news
    assert "Score: 0 out of 2" in visible(app.score_html())


def test_the_checks_that_decide_each_have_their_answer_for_this_item():
    app = TrueFalse(lang="fr")
    app.answer("false")
    checks = visible(app.checks_html())
    for label in ("Qui l'a écrit ?", "Quand ?", "Quelles preuves ?",
                  "D'autres sources le disent ?", "Émotion, urgence ?",
                  "L'image est-elle réutilisée ?"):
        assert label in checks
    assert checks.count("Signe d'alerte") == 5 and checks.count("Rassurant") == 1
    assert "la même photo en 2015, à Port-Lunel" in checks
    assert "Mots qui poussent à réagir trop vite" in checks and "REGARDEZ" in checks
    assert "5 signes d'alerte : méfiance !" in checks  # module 08's advice


def test_an_item_without_a_photo_asks_nothing_about_a_picture():
    app = TrueFalse(lang="en")
    app.position = [item.id for item in app.items].index("free-buses")
    app.answer("misleading")
    checks = visible(app.checks_html())
    assert "Is the picture reused?" not in checks
    assert checks.count("Warning sign") == 1  # only the date: it is from 2021
    assert "The article is from 1 March 2021" in checks
    assert "Words that push you" not in checks  # a calm text has no such words


def test_answering_twice_counts_once_and_an_unknown_answer_is_refused():
    app = TrueFalse()
    app.answer("misleading")
    app.answer("false")  # a second click before "Next"
    assert app.given == {0: "misleading"}
    with pytest.raises(ValueError, match="answer must be one of"):
        app.answer("maybe")


def test_after_the_last_item_the_score_and_the_questions_to_remember():
    app = TrueFalse(lang="fr")
    for item in app.items:
        assert app.screen == "question"
        app.answer(item.verdict if item.id != "lemon-cure" else "unknown")
        app.next_label()
        app.next()
    assert app.screen == "end" and app.score == len(app.items) - 1
    end = visible(app.end_html())
    assert "Bonnes réponses : 7 sur 8." in end
    assert "Bravo !" in end
    assert "Dans le doute, ne partagez pas." in end
    assert len(re.findall(r"<li>", app.end_html())) == len(CRITERIA)
    assert visible(app.progress_html()).strip() == "C'est fini !"
    assert app.display("end") is None and app.display("question", "answer") == "none"


def test_the_last_item_offers_to_see_the_score_and_start_again_resets():
    app = TrueFalse(lang="en")
    app.position = len(app.items) - 1
    assert app.next_label() == "See my score"
    app.answer("false")
    app.next()
    assert "Right answers: 1 out of 8." in visible(app.end_html())
    assert "It is not easy" in visible(app.end_html())
    app.reset()
    assert (app.position, app.screen, app.given) == (0, "question", {})


def test_switching_language_redraws_every_text():
    app = TrueFalse(lang="fr")
    app.answer("misleading")
    app.lang = "en"
    assert "Well spotted!" in visible(app.feedback_html())
    assert "Who wrote it?" in visible(app.checks_html())
    assert "Posted on 28 September 2026" in visible(app.card_html())
    assert app.answer_labels() == ["True", "False", "Misleading", "I don't know"]
    assert len(ANSWERS) == len(app.answer_labels())


def test_dates_and_photos_as_a_visitor_reads_them():
    assert long_date(date(2021, 3, 1), "fr") == "1er mars 2021"
    assert long_date(date(2021, 3, 1), "en") == "1 March 2021"
    svg = photo_svg("flood-infochoc", "en")
    assert 'role="img"' in svg and 'aria-label="Valbourg this morning, Station Street!!!"' in svg
    assert svg.count("<rect") == 12 * 8
