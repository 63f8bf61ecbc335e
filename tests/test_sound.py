"""A sound becomes numbers: sampling, steps, sizes, a WAV file that plays, and the sliders."""

from __future__ import annotations

import io
import struct
import wave

import pytest

from tremplin.media_widgets import sampling_explorer
from tremplin.sound import (
    CD_RATE,
    PLAY_GAIN,
    height,
    held,
    measure,
    sample_wave,
    sound_bytes,
    steps,
    tone_wav,
    wav_bytes,
)


def read_wav(data: bytes) -> tuple[wave._wave_params, bytes]:
    with wave.open(io.BytesIO(data), "rb") as wav:
        return wav.getparams(), wav.readframes(wav.getnframes())


def test_a_measure_is_a_step_from_zero_to_the_top_of_its_bits():
    assert steps(2) == 4 and steps(8) == 256 and steps(16) == 65_536
    assert measure(-1, 8) == 0 and measure(1, 8) == 255 and measure(1, 2) == 3
    assert height(0, 8) == -1 and height(255, 8) == 1
    with pytest.raises(ValueError):
        measure(1.5, 8)
    with pytest.raises(ValueError):
        height(4, 2)
    with pytest.raises(ValueError):
        steps(17)


def test_more_bits_keep_the_wave_more_faithfully():
    heights = [i / 100 - 1 for i in range(201)]

    def worst(bits: int) -> float:
        return max(abs(height(measure(x, bits), bits) - x) for x in heights)

    assert worst(2) > worst(4) > worst(8) > worst(16)
    assert worst(16) < 1 / 65_535 + 1e-12


def test_sampling_keeps_rate_measures_a_second_within_the_steps_of_its_bits():
    measures = sample_wave(440, 8_000, 8, 1)
    assert len(measures) == 8_000
    assert all(0 <= m <= 255 for m in measures)
    assert measures[:4] == [128, 162, 193, 215]  # the wave starts in the middle and climbs
    assert len(set(sample_wave(440, 8_000, 2, 1))) <= 4
    assert len(sample_wave(440, 1_000, 16, 0.005)) == 5


def test_the_size_of_a_sound_is_seconds_times_rate_times_bytes_times_channels():
    assert sound_bytes(180) == 180 * 44_100 * 2 * 2 == 31_752_000  # a CD song
    assert sound_bytes(1, 8_000, 8, 1) == 8_000  # one second of telephone
    assert sound_bytes(1, 1_000, 2, 1) == 250  # 2 bits are a quarter of a byte


def test_a_wav_file_holds_the_measures_with_the_size_the_formula_says():
    params, frames = read_wav(wav_bytes(sample_wave(440, 8_000, 8, 1), 8_000, 8))
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 1, 8_000)
    assert len(frames) == sound_bytes(1, 8_000, 8, 1)
    params, frames = read_wav(wav_bytes([0, 65_535], CD_RATE, 16))
    assert params.sampwidth == 2
    assert struct.unpack("<2h", frames) == (-32_767, 32_767)


def test_a_tone_plays_at_the_cd_rate_with_only_the_steps_it_was_measured_on():
    params, frames = read_wav(tone_wav(1_000, 2))
    assert (params.framerate, params.nframes) == (CD_RATE, CD_RATE)
    assert len(set(frames)) <= 4  # a 2-bit sound is a staircase of four steps
    params, frames = read_wav(tone_wav(CD_RATE, 16))
    samples = struct.unpack(f"<{CD_RATE}h", frames)
    assert params.sampwidth == 2 and len(set(samples)) > 1_000
    assert max(map(abs, samples)) <= PLAY_GAIN * 32_767  # played quietly, for headphones


def test_held_repeats_each_measure_until_the_next():
    assert held([1, 2], 1, 3) == [1, 1, 1, 2, 2, 2]
    assert len(held(list(range(8_000)), 8_000)) == CD_RATE
    with pytest.raises(ValueError):
        held([1, 2], 3, 1)


@pytest.mark.parametrize(("lang", "words"), [("fr", "fois par seconde"),
                                             ("en", "times a second")])
def test_the_sliders_change_what_the_learner_sees_hears_and_weighs(lang, words):
    box = sampling_explorer(lang)
    rate_label, rate, bits_label, bits, _picture, _listen, player, status = box.children
    assert rate.description and bits.description  # named beside the slider…
    assert words in rate_label.value.lower()  # …and by a visible sentence above it

    def shown() -> str:
        return status.value.replace("\u202f", " ")  # French writes 8 000 with a thin space

    assert "aria-live" in status.value and ("8 000" if lang == "fr" else "8,000") in shown()
    rate.value, bits.value = CD_RATE, 8
    assert ("44 100" if lang == "fr" else "44,100") in shown()
    assert ("15,9 Mo" if lang == "fr" else "15.9 MB") in status.value  # 3 min, stereo, 8 bits
    params, _ = read_wav(player.value)
    assert params.sampwidth == 1 and params.framerate == CD_RATE
