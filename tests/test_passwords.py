"""Password arithmetic, habits thieves try first, passphrases, and what the learner reads."""

from __future__ import annotations

import re
from dataclasses import astuple

import matplotlib.pyplot as plt
import pytest

from tremplin.i18n import load_all
from tremplin.passwords import (
    KINDS,
    VERDICTS,
    alphabet_size,
    analyse,
    character_kinds,
    common_passwords,
    guesses,
    passphrase,
    passphrase_guesses,
    seconds_to_guess,
    verdict,
    word_list,
)
from tremplin.security_widgets import (
    MAIL,
    UNITS,
    guesses_chart,
    guesses_line,
    guesses_text,
    password_meter,
    phishing_activity,
    plain_duration,
    verdict_html,
)

YEAR = 365 * 24 * 3600
REASONS = ("empty", "common", "word", "leet", "keyboard", "sequence", "repeat", "year",
           "known_words", "too_short", "only_lower", "only_upper", "only_digits", "only_letters")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


def test_guesses_are_the_alphabet_to_the_power_of_the_length():
    assert guesses(10, 4) == 10_000
    assert guesses(26, 8) == 208_827_064_576
    assert [alphabet_size(p) for p in ("abc", "aB", "aB1", "aB1!", "a b", "é")] == [
        26, 52, 62, 95, 59, 64]
    assert character_kinds("Zé9?a") == ("lower", "upper", "digits", "symbols", "other")
    assert seconds_to_guess(10**10) == 1
    assert seconds_to_guess(10**400) == float("inf")


def test_a_random_password_is_counted_by_brute_force_alone():
    found = analyse("x7#Kp9!qLm2$")
    assert found.alphabet == 95 and found.length == 12
    assert found.guesses == found.brute_force == 95**12
    assert found.verdict == "strong" and found.reasons == ()
    short = analyse("zkqvbt")
    assert short.guesses == 26**6
    assert short.reasons == ("too_short", "only_lower")


@pytest.mark.parametrize(("password", "reason"), [
    ("123456", "common"), ("AZERTY", "common"), ("azerty123", "common"), ("Soleil2024!", "year"),
    ("pomme77", "word"), ("p@ssw0rd", "leet"), ("qsdfgh42", "keyboard"),
    ("abcdefghij", "sequence"), ("aaaaaaaaaaaaaaaaaa", "repeat"), ("12031985", "year"),
    ("Zorglub1985", "year"),
])
def test_habits_thieves_try_first_are_named_and_found_within_a_day(password, reason):
    found = analyse(password)
    assert reason in found.reasons
    assert found.guesses < found.brute_force
    assert found.verdict == "very_weak" and found.seconds < 24 * 3600


@pytest.mark.parametrize(("password", "reasons"), [
    ("ZORGLUBBLOP", ("too_short", "only_upper")), ("ZorglubBlop", ("too_short", "only_letters")),
    ("8265", ("too_short", "only_digits")), ("zorglubblopfan", ("only_lower",)),
])
def test_a_plain_make_up_is_explained(password, reasons):
    found = analyse(password)
    assert found.reasons == reasons
    assert found.guesses == found.brute_force


def test_a_common_password_is_found_at_its_place_in_the_list():
    assert common_passwords()[:2] == ("123456", "123456789")
    assert analyse("123456").guesses == 1
    assert analyse("Soleil2024!").reasons[:2] == ("common", "year")


def test_the_analysis_keeps_no_part_of_the_password():
    secret = "Biblio-Tremplin-2024"
    found = analyse(secret)
    kept = " ".join(map(str, astuple(found)))
    assert "Biblio" not in kept and "Tremplin" not in kept and secret not in repr(found)


def test_passphrases_are_drawn_from_the_list_and_seeded_draws_repeat():
    phrase = passphrase(6, "fr", seed=42)
    assert phrase == passphrase(6, "fr", seed=42) != passphrase(6, "fr", seed=43)
    assert len(phrase.split("-")) == 6 and set(phrase.split("-")) <= set(word_list("fr"))
    assert passphrase(4, "en", seed=1, separator=" ").count(" ") == 3
    assert passphrase(6, "en") != passphrase(6, "en")  # unseeded: 400**6 possibilities
    assert passphrase_guesses(6, "fr") == 400**6


def test_a_passphrase_is_counted_in_words_not_letters():
    six = analyse(passphrase(6, "fr", seed=7))
    assert six.guesses == 400**6 < six.brute_force
    assert six.reasons == ("known_words",) and six.word_count == 6
    assert six.verdict == "weak"
    assert analyse(passphrase(9, "en", seed=7)).verdict == "strong"


def test_word_lists_are_small_plain_and_distinct():
    for lang in ("fr", "en"):
        words = word_list(lang)
        assert len(words) == 400 and len(set(words)) == 400
        assert all(re.fullmatch(r"[a-z]{3,10}", word) for word in words)
    common = common_passwords()
    assert 100 < len(common) < 400 and all(p == p.lower() and " " not in p for p in common)


def test_verdicts_follow_the_time_to_try_everything():
    assert verdict(3600) == "very_weak"
    assert verdict(2 * 24 * 3600) == "weak"
    assert verdict(1000 * YEAR) == "fair"
    assert verdict(10**6 * YEAR) == "strong"
    assert [name for name, _ in VERDICTS] == ["very_weak", "weak", "fair"]


@pytest.mark.parametrize(("seconds", "fr", "en"), [
    (0.2, "instantanément", "instantly"), (1, "1 seconde", "1 second"),
    (90, "1 minute", "1 minute"), (3 * 3600, "3 heures", "3 hours"),
    (400 * 24 * 3600, "1 an", "1 year"), (250 * YEAR, "2 siècles", "2 centuries"),
    (3 * 10**6 * YEAR, "3 millions d'années", "3 million years"),
    (10**20 * YEAR, "plus longtemps que l'âge de l'Univers (14 milliards d'années)",
     "longer than the age of the Universe (14 billion years)"),
])
def test_durations_are_said_in_plain_units(seconds, fr, en):
    assert plain_duration(seconds, "fr") == fr
    assert plain_duration(seconds, "en") == en


def test_numbers_of_guesses_are_said_plainly():
    assert guesses_text(10_000, "fr") == "10\u202f000 essais"
    assert guesses_text(10_000, "en") == "10,000 guesses"
    assert guesses_text(10**10, "fr") == "10 milliards d'essais"
    assert guesses_text(208_827_064_576, "en") == "about 208 billion guesses"
    assert guesses_text(95**12, "fr") == "un nombre d'essais à 24 chiffres"
    assert guesses_line(10, 4, "en") == ("10 choices per place, 4 places: 10⁴ = 10,000 guesses. "
                                         "Time to try them all, at 10 billion guesses per "
                                         "second: instantly.")


def test_every_code_has_its_words_in_both_languages():
    catalogue = load_all()
    keys = [f"security.reason.{code}" for code in REASONS]
    keys += [f"security.verdict.{name}" for name, _ in VERDICTS] + ["security.verdict.strong"]
    keys += [f"security.kind.{kind}" for kind in KINDS]
    keys += [f"security.duration.{unit}_{n}" for unit, _ in UNITS for n in ("one", "many")]
    keys += [f"security.mail.{part}{end}" for part, _ in MAIL for end in ("", "_why")]
    assert [key for key in keys if key not in catalogue] == []


def test_the_verdict_tells_the_arithmetic_and_the_reasons():
    text = text_of(verdict_html(analyse("azerty123"), "fr"))
    assert "Très faible" in text and "36⁹" in text and "instantanément" in text
    assert "les plus utilisés" in text and "moins de 12 caractères" in text
    assert "Tapez un mot de passe" in text_of(verdict_html(analyse(""), "fr"))


def test_the_password_box_updates_as_one_types_and_prints_nothing(capsys):
    meter = password_meter("en")
    hidden, shown, toggle = meter.children[1].children
    result = meter.children[2]
    assert "Type a made-up password" in text_of(result.value)
    hidden.value = "soleil"
    assert "Very weak" in text_of(result.value)
    hidden.value = "x7#Kp9!qLm2$"
    assert "Strong" in text_of(result.value) and "95¹²" in text_of(result.value)
    assert shown.layout.display == "none"
    toggle.value = True
    assert hidden.layout.display == "none" and shown.value == "x7#Kp9!qLm2$"
    assert capsys.readouterr() == ("", "")


def test_the_phishing_activity_counts_only_real_clues():
    activity = phishing_activity("fr")
    parts = activity.children[2].children[1:]
    explain, score = activity.children[3], activity.children[4]
    clues = [button for button, (_, is_clue) in zip(parts, MAIL, strict=True) if is_clue]
    fine = [button for button, (_, is_clue) in zip(parts, MAIL, strict=True) if not is_clue]
    fine[0].click()
    assert "Rien de louche" in text_of(explain.value) and "0 sur 6" in text_of(score.value)
    clues[0].click()
    clues[0].click()
    assert "Indice" in text_of(explain.value) and "1 sur 6" in text_of(score.value)
    for button in clues:
        button.click()
    assert "6 sur 6" in text_of(score.value) and "Bravo" in text_of(score.value)


def test_the_chart_draws_four_alphabets_on_a_log_scale():
    fig = guesses_chart("fr")
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    assert len(ax.get_legend().get_texts()) == 4
    assert len(ax.lines) == 4 + len(VERDICTS)
    plt.close(fig)
