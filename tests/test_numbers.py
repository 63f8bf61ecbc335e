"""The machine behind the first topic, and the app's state, without any widget."""

from __future__ import annotations

import pytest

from tremplin.apps.binary_pixels import BinaryPixels
from tremplin.apps.kit import follow_lang, query_lang
from tremplin.numbers import binary, from_bits, grey, image_bytes, letter, to_bits


def test_counting_to_ten_in_binary():
    assert [binary(n) for n in range(11)] == [
        "0", "1", "10", "11", "100", "101", "110", "111", "1000", "1001", "1010"]


def test_bits_and_numbers_round_trip_over_a_whole_byte():
    assert to_bits(5) == [0, 0, 0, 0, 0, 1, 0, 1]
    assert all(from_bits(to_bits(n)) == n for n in range(256))
    with pytest.raises(ValueError):
        to_bits(256)
    with pytest.raises(ValueError):
        from_bits([0, 2])


def test_letters_and_grey_pixels_are_numbers():
    assert letter(65) == "A" and letter(97) == "a" and letter(7) is None
    assert grey(0) == "#000000" and grey(255) == "#ffffff"
    assert image_bytes(1920, 1080) == 6_220_800


def test_app_state_shows_number_letter_and_pixel_in_the_chosen_language():
    app = BinaryPixels(lang="fr")
    app.set_bit(1, True)
    app.set_bit(7, True)
    assert app.number == 65
    html = app.result_html()
    assert "Nombre : 65" in html and "« A »" in html and "#414141" in html
    app.lang = "en"
    assert "Number: 65" in app.result_html()
    app.reset()
    assert app.number == 0 and "Number: 0" in app.result_html()


@pytest.mark.parametrize(("query", "lang"), [
    ("lang=en", "en"), ("lang=fr", "fr"), ("x=1&lang=en", "en"), ("lang=de", "fr"), ("", "fr"),
])
def test_the_address_chooses_the_app_language(query, lang):
    assert query_lang(query) == lang


@pytest.mark.parametrize(("query", "switched"), [
    ("lang=en", ["en"]), ("lang=fr", []), ("", []), ("lang=de", []),
])
def test_an_app_drawn_in_french_switches_once_to_the_address_language(monkeypatch, query,
                                                                        switched):
    monkeypatch.setenv("QUERY_STRING", query)  # what Voilà gives the kernel of a visit
    monkeypatch.delenv("TREMPLIN_LANGUAGE", raising=False)
    seen: list[str] = []
    follow_lang("fr", seen.append)
    assert seen == switched


@pytest.mark.parametrize(("query", "switched"), [("", ["en"]), ("lang=fr", [])])
def test_an_english_kit_switches_its_apps_to_english_unless_asked_for_french(monkeypatch, query,
                                                                            switched):
    monkeypatch.setenv("TREMPLIN_LANGUAGE", "en")
    monkeypatch.setenv("QUERY_STRING", query)
    seen: list[str] = []
    follow_lang("fr", seen.append)
    assert seen == switched
