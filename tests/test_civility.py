"""Netiquette checker, harassment scenario, screen time and footprint: what the learner reads."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest

from tremplin.citizenship_widgets import (
    SCENARIO,
    footprint_chart,
    harassment_scenario,
    number,
    screen_time_chart,
    screen_time_explorer,
    screen_time_lines,
    show_attachment,
    tone_checker,
    tone_html,
)
from tremplin.civility import (
    ADVICE_CODES,
    Advice,
    calmer,
    capital_share,
    car_km,
    check_message,
    is_shouting,
    phone_kg_a_year,
    plain,
    rude_word_list,
    rude_words,
    stored_copies,
    waking_days_a_year,
    weekly_hours,
    yearly_kg,
)
from tremplin.i18n import load_all


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


def test_messages_are_compared_without_capitals_accents_or_punctuation():
    assert plain("Tais-toi, CRÉTIN !") == "tais toi cretin"
    words = rude_word_list()
    assert 20 <= len(words) <= 80 and len(set(words)) == len(words)
    assert all(word == plain(word) for word in words)


def test_hurtful_words_are_found_as_whole_words_in_order():
    assert rude_words("Tais-toi, espèce de CRÉTIN") == ("tais toi", "cretin")
    assert rude_words("You are USELESS, shut up!") == ("useless", "shut up")
    assert rude_words("Il faut annuler la réunion, c'est nul") == ("nul",)
    assert rude_words("Bonjour, pouvez-vous m'aider ?") == ()
    assert rude_words("quel idiot", words=("idiot",)) == ("idiot",)


@pytest.mark.parametrize(("message", "shouting"), [
    ("BONJOUR À TOUS, RÉUNION DEMAIN", True), ("WHERE IS MY PARCEL? thanks", True),
    ("Bonjour à tous", False), ("OK", False), ("RSA et CAF : où aller ?", False),
    ("123 !!!", False), ("", False),
])
def test_a_message_in_capitals_reads_as_shouting(message, shouting):
    assert is_shouting(message) is shouting


def test_capital_share_counts_letters_only():
    assert capital_share("AB cd 12 !") == 0.5
    assert capital_share("ÉTÉ") == 1.0 and capital_share("...") == 0.0


def test_the_checker_lists_what_to_look_at_hurtful_words_first():
    found = check_message("VOUS ÊTES NULS, JE N'AI RIEN REÇU !!!", recipients=30)
    assert [a.code for a in found] == ["rude", "shouting", "exclamations", "reply_all"]
    assert found[0].words == ("nuls",) and found[2].count == 3 and found[3].count == 30
    assert check_message("Bonjour, merci pour votre aide.") == []
    assert check_message("Merci !", recipients=5) == []
    assert [a.code for a in check_message("Merci !", recipients=6)] == ["reply_all"]
    assert set(ADVICE_CODES) == {"rude", "shouting", "exclamations", "reply_all"}


def test_a_calmer_version_lowers_the_voice_but_keeps_the_words():
    assert calmer("JE N'AI RIEN REÇU !!! VOUS ÊTES NULS.") == "Je n'ai rien reçu ! Vous êtes nuls."
    assert calmer("WHERE IS IT?!? i WAITED") == "Where is it? I waited"
    assert calmer("Bonjour, merci.") == "Bonjour, merci."


def test_the_tone_checker_speaks_kindly_in_both_languages():
    fr = text_of(tone_html("JE SUIS FURIEUX !!!", 12, "fr"))
    assert "MAJUSCULES" in fr and "3 points d'exclamation" in fr and "12 personnes" in fr
    assert "Je suis furieux !" in fr
    en = text_of(tone_html("You are useless", 1, "en"))
    assert "“useless”" in en and "facts, not the person" in en and "calmer" not in en
    assert "calm" in text_of(tone_html("Thank you for your help.", 1, "en"))
    assert "Type a message" in text_of(tone_html("   ", 1, "en"))
    catalogue = load_all()
    assert all(f"citizenship.tone.{code}" in catalogue for code in ADVICE_CODES)
    assert Advice("rude", words=("nul",)).words == ("nul",)


def test_typing_in_the_tone_checker_updates_the_advice():
    activity = tone_checker("fr")
    _style, box, people, result = activity.children
    assert "MAJUSCULES" in text_of(result.value)  # the example message shouts
    box.value = "Bonjour, merci pour votre réponse."
    assert "Rien à signaler" in text_of(result.value)
    people.value = 40
    assert "40 personnes" in text_of(result.value)


def test_the_scenario_opens_each_step_after_a_good_choice_and_ends_with_help():
    activity = harassment_scenario("en")
    steps = activity.children[2]
    assert len(steps.children) == 1
    first = steps.children[0]
    first.children[1].click()  # reply in the same tone: kind feedback, no next step
    assert "Better not to reply" in text_of(first.children[-1].value)
    assert len(steps.children) == 1
    for index, (_step, choices, good) in enumerate(SCENARIO):
        step = steps.children[index]
        step.children[1 + choices.index(sorted(good)[0])].click()
        assert "✔" in step.children[-1].value
    assert len(steps.children) == len(SCENARIO) + 1
    assert "3018" in text_of(steps.children[-1].value)
    steps.children[2].children[3].click()  # a second good answer opens nothing more
    assert len(steps.children) == len(SCENARIO) + 1


def test_every_scenario_choice_has_a_question_and_an_answer_in_both_languages():
    catalogue = load_all()
    for step, choices, good in SCENARIO:
        assert good <= set(choices)
        for key in (f"{step}.question", *(f"{step}.{c}" for c in choices),
                    *(f"{step}.{c}_why" for c in choices)):
            assert f"citizenship.scenario.{key}" in catalogue, key


def test_screen_time_adds_up_the_week_and_the_year():
    assert weekly_hours({"video": 2, "social": 1.5}) == {"video": 14, "social": 10.5}
    assert waking_days_a_year(3) == 68 and waking_days_a_year(0) == 0
    assert screen_time_lines({"video": 2, "games": 1}, "fr") == [
        "Par jour : 3 h d'écran.",
        "Sur un an : 1\u202f095 h, soit 68 journées entières d'éveil (de 16 h)."]
    assert number(4.5, "fr") == "4,5" and number(1642, "en") == "1,642"


def test_the_screen_time_chart_follows_the_sliders():
    fig = screen_time_chart({"video": 2, "social": 1}, "en")
    assert fig.axes[0].get_title() == "Screen time in one week: 21 h"
    assert [bar.get_width() for bar in fig.axes[0].patches] == [14, 7]
    plt.close(fig)
    activity = screen_time_explorer("fr", {"video": 1})
    sliders, status = activity.children[1:6], activity.children[-1]
    assert "Par jour : 1 h d'écran" in text_of(status.value)
    sliders[0].value = 3
    sliders[3].value = 0.5
    assert "Par jour : 3,5 h d'écran" in text_of(status.value)


def test_footprint_orders_of_magnitude_favour_keeping_a_phone():
    assert yearly_kg("video", 1) == pytest.approx(10.95)
    assert yearly_kg("calls", 1) == pytest.approx(3.65)
    assert yearly_kg("email", 20) == pytest.approx(0.73)
    assert phone_kg_a_year(2) == 23 and phone_kg_a_year(4) == 13
    assert phone_kg_a_year(2) > 2 * yearly_kg("video", 1) > 100 * yearly_kg("email", 1)
    assert car_km(11) == 55
    with pytest.raises(ValueError):
        phone_kg_a_year(0)


def test_the_footprint_chart_says_kg_and_car_kilometres():
    fig = footprint_chart("fr", video_hours=2, years_kept=3)
    ax = fig.axes[0]
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels[0] == "2 h de vidéo par jour" and labels[-1] == "Un téléphone gardé 5 ans"
    values = [text.get_text() for text in ax.texts]
    assert "22 kg ≈ 109 km en voiture" in values and "0,7 kg ≈ 4 km en voiture" in values
    plt.close(fig)


def test_a_link_keeps_one_copy_where_an_attachment_keeps_many(capsys):
    assert stored_copies(20) == 21 and stored_copies(20, link=True) == 1
    show_attachment(5, 20, "en")
    out = capsys.readouterr().out.splitlines()
    assert out == ["Sending a 5 MB file to 20 people: 21 copies kept on servers, 105 MB in all.",
                   "Sharing a link to the file, kept in one place (20 people, 5 MB): 1 copy, "
                   "5 MB in all."]
