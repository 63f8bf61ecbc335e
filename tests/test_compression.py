"""Why files have sizes, and why some shrink: runs of pixels, zip, units, the pixel activity."""

from __future__ import annotations

import pytest

from tremplin.compression import (
    everyday_sizes,
    expand,
    format_number,
    human_size,
    jumbled_text,
    rle_size,
    run_lengths,
    text_bytes,
    zip_sizes,
)
from tremplin.media_widgets import STARTING_ROW, rle_explorer, rle_lines

ROWS = [(), (0,), (1, 1, 1), (0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0), (0, 1) * 6, (1, 0, 0, 1)]


def test_a_row_is_written_as_runs_of_how_many_and_which_colour():
    assert run_lengths((0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0)) == [(3, 0), (4, 1), (5, 0)]
    assert run_lengths(()) == []


@pytest.mark.parametrize("row", ROWS)
def test_run_length_encoding_loses_nothing(row):
    assert expand(run_lengths(row)) == list(row)


def test_runs_are_shorter_when_colours_repeat_and_longer_when_they_alternate():
    assert rle_size((0,) * 12) == 2  # "12 white"
    assert rle_size(STARTING_ROW) == 6 < len(STARTING_ROW)
    assert rle_size((0, 1) * 6) == 24 > 12


def test_zip_shrinks_what_repeats_and_hardly_what_looks_random():
    before, after = zip_sizes("Bonjour ! " * 100)
    assert before == 1_000 and after < 50
    ten_times_longer = zip_sizes("Bonjour ! " * 1_000)[1]
    assert ten_times_longer < 100  # ten times the text, still a few dozen bytes once zipped
    jumbled = jumbled_text(1_000)
    assert jumbled == jumbled_text(1_000) and len(jumbled) == 1_000  # the same each time
    before, after = zip_sizes(jumbled)
    assert before == 1_000 and after > 800


def test_a_text_takes_one_byte_per_plain_letter_and_more_for_accents():
    assert text_bytes("Bonjour") == 7
    assert text_bytes("été") == 5


def test_numbers_are_written_the_way_each_language_writes_them():
    assert format_number(6_220_800, "fr") == "6\u202f220\u202f800"
    assert format_number(6_220_800, "en") == "6,220,800"
    assert format_number(6.22, "fr", 1) == "6,2" and format_number(6.22, "en", 1) == "6.2"


@pytest.mark.parametrize(("size", "fr", "en"), [
    (0, "0 octet", "0 bytes"),
    (1, "1 octet", "1 byte"),
    (999, "999 octets", "999 bytes"),
    (1_000, "1 ko", "1 kB"),
    (1_500, "1,5 ko", "1.5 kB"),
    (999_600, "1 Mo", "1 MB"),  # rounds up to the next unit, never "1 000 ko"
    (6_220_800, "6,2 Mo", "6.2 MB"),
    (31_752_000, "31,8 Mo", "31.8 MB"),
    (250_000_000, "250 Mo", "250 MB"),
    (9_331_200_000, "9,3 Go", "9.3 GB"),
    (2_000_000_000_000, "2 To", "2 TB"),
])
def test_sizes_are_given_in_ko_mo_go_and_kb_mb_gb(size, fr, en):
    assert human_size(size, "fr").replace("\u202f", " ") == fr
    assert human_size(size, "en") == en


def test_everyday_files_show_their_sum_and_their_size():
    rows = everyday_sizes("fr")
    assert [size for _, size in rows] == [2_000, 6_220_800, 31_752_000, 9_331_200_000]
    lines = [line.replace("\u202f", " ") for line, _ in rows]
    assert "1 920 × 1 080 pixels × 3 octets" in lines[1] and lines[1].endswith("≈ 6,2 Mo")
    assert "44 100 mesures" in lines[2] and lines[3].endswith("≈ 9,3 Go")
    english = [line for line, _ in everyday_sizes("en")]
    assert "1,920 × 1,080 pixels × 3 bytes" in english[1] and english[3].endswith("≈ 9.3 GB")


def test_the_activity_says_whether_runs_are_shorter_or_longer():
    assert rle_lines(STARTING_ROW, "fr")[1].startswith("Par plages : 3 blancs, 4 noirs, 5 blancs")
    assert rle_lines(STARTING_ROW, "fr")[2] == "Plus court : 6 nombres au lieu de 12."
    assert rle_lines((0, 1) * 6, "en")[2].startswith("Longer: 24 numbers instead of 12!")
    assert rle_lines((1, 0, 0, 1), "en")[1].startswith("By runs: 1 black, 2 white, 1 black")
    assert rle_lines((1, 1, 0, 0), "en")[2] == "Same length: 4 numbers either way."


def test_clicking_a_pixel_flips_it_and_rewrites_the_code():
    box = rle_explorer("fr")
    row, result = box.children
    pixels = list(row.children)
    assert len(pixels) == 12 and pixels[3].description == "1" and pixels[0].description == "0"
    assert "Pixel 1 sur 12 : blanc" in pixels[0].tooltip
    assert "aria-live" in result.value and "6 nombres au lieu de 12" in result.value
    for index in (3, 4, 5, 6):  # paint the black run white: one run of 12 white
        pixels[index].click()
    assert pixels[3].description == "0" and "noir" not in pixels[3].tooltip
    assert "12 blancs" in result.value and "2 nombres au lieu de 12" in result.value
    pixels[0].click()
    assert pixels[0].description == "1" and pixels[0].style.button_color == "#111111"
    assert "1 noir, 11 blancs" in result.value
