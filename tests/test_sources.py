"""The source checklist, the made-up news items, the pretend reverse image search, and the
"judge this item" activity built on them."""

from __future__ import annotations

from datetime import date

import matplotlib
import pytest

from tremplin.info_widgets import image_search, judge_item, long_date, news_html, review_html
from tremplin.sources import (
    CRITERIA,
    VERDICTS,
    advice,
    difference,
    emotion_clues,
    find_photo,
    fingerprint,
    is_older_than,
    items_from_data,
    load_items,
    load_photos,
    news_item,
    photo_older_than_news,
    reasons,
    reverse_image_search,
    review,
    urgency_words,
)

matplotlib.use("Agg")

TODAY = date(2026, 10, 1)


# --- the shipped items ---------------------------------------------------------------------------

def test_every_item_is_complete_in_both_languages_with_a_known_verdict():
    items = load_items()
    assert len(items) == 6
    assert {item.verdict for item in items} == set(VERDICTS)
    photos = {photo.id for photo in load_photos()}
    for item in items:
        for texts in (item.author, item.headline, item.text, item.summary):
            assert texts["fr"].strip() and texts["en"].strip(), item.id
        expected = CRITERIA if item.photo else CRITERIA[:-1]
        assert item.criteria == expected, item.id
        assert item.photo is None or item.photo in photos
        for check in item.checks:
            assert check.reason["fr"] and check.reason["en"], (item.id, check.criterion)
        assert item.published <= TODAY


def test_the_verdicts_follow_the_checks():
    assert news_item("library-robots").alarms == ()
    assert news_item("flu-vaccine").alarms == ()
    assert news_item("free-buses").alarms == ("when",)
    assert set(news_item("lemon-cure").alarms) == {"who", "evidence", "corroboration", "emotion"}
    assert "image" in news_item("flood-photo").alarms
    assert [item.id for item in load_items() if item.verdict == "true"] == ["library-robots",
                                                                           "flu-vaccine"]


def test_a_data_file_with_an_unknown_verdict_is_refused():
    entry = {"id": "x", "site": "s", "author": {}, "published": TODAY, "headline": {},
             "text": {}, "summary": {}, "checks": {}, "verdict": "maybe"}
    with pytest.raises(ValueError, match="maybe"):
        items_from_data({"items": [entry]})


# --- the checklist -------------------------------------------------------------------------------

def test_review_marks_each_answer_right_wrong_or_missing():
    item = news_item("free-buses")
    checked = review(item, {"who": False, "when": False, "evidence": False, "emotion": True},
                     "misleading")
    assert checked.right == {"who": True, "when": False, "evidence": True,
                             "corroboration": None, "emotion": False}
    assert checked.score == 2 and not checked.complete and checked.verdict_right
    full = review(item, {criterion: criterion == "when" for criterion in item.criteria}, "true")
    assert full.complete and full.score == 5 and not full.verdict_right
    with pytest.raises(ValueError):
        review(item, {}, "fake")


def test_reasons_come_in_the_language_asked_in_the_checklist_order():
    said = reasons(news_item("free-buses"), "en")
    assert [criterion for criterion, _alarm, _why in said] == list(CRITERIA[:-1])
    assert said[1][:2] == ("when", True) and said[1][2].startswith("The article is from 1 March")
    assert reasons(news_item("free-buses"), "fr")[1][2].startswith("L'article date du 1er mars")


def test_advice_grows_with_the_warning_signs():
    assert [advice(count) for count in range(5)] == ["trust", "check", "check", "doubt", "doubt"]


def test_old_news_is_flagged_strictly_before_the_limit():
    assert is_older_than(date(2021, 3, 1), date(2025, 10, 1))
    assert not is_older_than(date(2025, 10, 1), date(2025, 10, 1))
    old = [item.id for item in load_items() if is_older_than(item.published, date(2025, 10, 1))]
    assert old == ["free-buses"]


def test_emotion_clues_find_capitals_exclamations_and_urgent_words():
    flood = news_item("flood-photo")
    clues = emotion_clues(flood.text["fr"], urgency_words("fr"))
    assert clues[:2] == ["REGARDEZ", "!!!"]
    assert {"Partagez", "censuré", "Les médias se taisent"} <= set(clues)
    assert emotion_clues("Share fast!! AMAZING", urgency_words("en")) == ["Share", "fast", "!!",
                                                                          "AMAZING"]
    for calm in ("library-robots", "flu-vaccine", "free-buses"):
        for lang in ("fr", "en"):
            item = news_item(calm)
            assert emotion_clues(f"{item.headline[lang]} {item.text[lang]}",
                                 urgency_words(lang)) == [], (calm, lang)
    assert emotion_clues("CV 2026 OK", ()) == []  # short capitals and numbers are no shouting


# --- the pretend reverse image search ------------------------------------------------------------

def test_a_fingerprint_ignores_lightening_but_not_a_different_picture():
    photo = ["1234", "5678"]
    assert fingerprint(photo) == "00001111"
    assert fingerprint(["2345", "6789"]) == fingerprint(photo)
    assert difference(fingerprint(photo), fingerprint(["8765", "4321"])) == 8
    with pytest.raises(ValueError):
        difference("01", "011")


def test_reverse_search_finds_the_old_flood_photo_first():
    found = reverse_image_search("flood-infochoc")
    assert [(s.photo.id, s.difference) for s in found] == [("flood-port-lunel", 2),
                                                           ("flood-infochoc", 0)]
    assert found[0].photo.date.year == 2015
    assert [s.photo.id for s in reverse_image_search("bear-naturewow")] == ["bear-ai-gallery",
                                                                           "bear-naturewow"]
    assert [s.photo.id for s in reverse_image_search("robots-library")] == ["robots-library"]
    assert [s.photo.id for s in reverse_image_search("snowy-street")] == ["snowy-street"]


def test_only_reused_photos_are_older_than_their_news():
    assert photo_older_than_news(news_item("flood-photo"))
    assert photo_older_than_news(news_item("polar-bear"))
    assert not photo_older_than_news(news_item("library-robots"))
    assert not photo_older_than_news(news_item("lemon-cure"))  # no photo at all


def test_image_search_prints_the_first_appearance_and_draws_each_copy(capsys):
    fig = image_search("flood-infochoc", "fr")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Première apparition : le 2 novembre 2015, sur echo-port-lunel.fr")
    assert "2 case(s) différente(s) sur 96" in lines[0]
    assert len(fig.axes) == 2


def test_an_unknown_photo_name_gets_the_known_names_not_a_traceback(capsys):
    with pytest.raises(KeyError):
        find_photo("flood-photo")  # an item's id, not a photo's
    assert image_search("flood-photo", "en") is None
    said = capsys.readouterr().out
    assert said.startswith('I know no photo called "flood-photo".')
    assert "flood-infochoc, bear-ai-gallery" in said


# --- the activity --------------------------------------------------------------------------------

def test_dates_are_written_in_words():
    assert long_date(date(2026, 10, 1), "fr") == "1er octobre 2026"
    assert long_date(date(2015, 11, 2), "en") == "2 November 2015"


def test_news_card_shows_who_when_the_headline_and_the_photo():
    card = news_html("flood-photo", "en")
    assert "@InfoChoc_Valbourg" in card and "28 September 2026" in card
    assert "Valbourg under water" in card and 'role="img"' in card
    assert 'role="img"' not in news_html("lemon-cure", "fr")


def test_review_html_asks_for_every_answer_then_explains_each_one():
    assert "Répondez d'abord" in review_html("lemon-cure", {"who": True}, "false", "fr")
    ticks = {"who": True, "when": True, "evidence": True, "corroboration": True, "emotion": True}
    said = review_html("lemon-cure", ticks, "false", "en")
    assert "You got 4 questions out of 5 right." in said
    assert "✘ <b>When?</b> Reassuring." in said
    assert "Well spotted!" in said and "4 warning signs" in said
    assert "AMAZING" in said  # the emotion clues are pointed out


def test_judge_item_checks_the_answers_and_moves_to_the_next_item():
    activity = judge_item("en", "free-buses")
    card, rows, _label, verdict, buttons, feedback = activity.children[1:]
    assert "Valbourg buses become free" in card.value
    assert len(rows.children) == 5
    for row, criterion in zip(rows.children, news_item("free-buses").criteria, strict=True):
        row.children[1].value = criterion == "when"
    verdict.value = "misleading"
    check, following = buttons.children
    check.click()
    assert "You got 5 questions out of 5 right." in feedback.value
    assert "Well spotted!" in feedback.value
    following.click()
    assert "Flu vaccine" in card.value and feedback.value == "" and verdict.value is None
    following.click()
    assert "Valbourg under water" in card.value and len(rows.children) == 6
