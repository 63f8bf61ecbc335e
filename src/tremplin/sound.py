"""How a sound becomes numbers: measure a wave often (sampling), write each measure on a few bits.

Standard library only, so that a later in-browser edition of the kit can run the same code.
A measure is kept as a whole number from 0 to 2**bits - 1 (a "step" of a staircase), because
that is what the learner should see: a sound, once in a computer, is a list of numbers.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from collections.abc import Sequence

LA = 440  # Hz: the "A" of a tuning fork, the note orchestras tune to
CD_RATE = 44_100  # measures per second on a music CD
CD_BITS = 16  # bits per measure on a music CD: 65 536 steps
STEREO = 2  # two channels, one per ear
SONG_SECONDS = 180  # a three-minute song
VOLUME = 0.8  # the wave stays a little below the top and bottom steps: no clipping, not too loud
PLAY_RATE = CD_RATE  # every browser plays WAV files at this rate
PLAY_GAIN = 0.3  # played quietly: a 2-bit staircase reaches the top step, harsh in headphones


def steps(bits: int) -> int:
    """How many different values a measure written on `bits` bits can take: 2, 4, 8…"""
    if not 1 <= bits <= 16:
        raise ValueError(f"a measure is written on 1 to 16 bits, not {bits}")
    return 2**bits


def measure(value: float, bits: int) -> int:
    """The step nearest to a height between -1 (bottom) and 1 (top): 0 … steps(bits) - 1."""
    if not -1.0 <= value <= 1.0:
        raise ValueError(f"a wave's height goes from -1 to 1, not {value}")
    return round((value + 1) / 2 * (steps(bits) - 1))


def height(level: int, bits: int) -> float:
    """Back from a step to a height between -1 and 1: what a loudspeaker will play."""
    top = steps(bits) - 1
    if not 0 <= level <= top:
        raise ValueError(f"with {bits} bits a measure goes from 0 to {top}, not {level}")
    return level / top * 2 - 1


def sample_wave(frequency: float, rate: int, bits: int, seconds: float,
                volume: float = VOLUME) -> list[int]:
    """Measure a pure note `rate` times a second for `seconds`, each measure on `bits` bits.

    This is sampling: the computer never keeps the wave itself, only these numbers.
    """
    if rate <= 0 or seconds < 0:
        raise ValueError("the rate must be positive and the duration zero or more")
    count = round(seconds * rate)
    return [measure(volume * math.sin(2 * math.pi * frequency * k / rate), bits)
            for k in range(count)]


def sound_bytes(seconds: float, rate: int = CD_RATE, bits: int = CD_BITS,
                channels: int = STEREO) -> int:
    """Size of an uncompressed sound: seconds × measures per second × bytes × channels.

    A three-minute song as on a CD: sound_bytes(180) == 31_752_000 bytes.
    """
    return math.ceil(seconds * rate * channels * bits / 8)


def held(levels: Sequence[int], rate: int, play_rate: int = PLAY_RATE) -> list[int]:
    """The same measures at `play_rate`, each one held until the next one comes.

    Low rates (1 000 a second) do not play in every browser, and holding each measure makes
    the staircase of the drawing audible: few measures sound rough, as they look.
    """
    if play_rate < rate:
        raise ValueError("hold measures only to a faster rate")
    count = len(levels) * play_rate // rate
    return [levels[i * rate // play_rate] for i in range(count)]


def wav_bytes(levels: Sequence[int], rate: int, bits: int, gain: float = 1.0) -> bytes:
    """A mono WAV file holding the measures: 8-bit samples up to 8 bits, else 16-bit.

    `gain` (0 to 1) only turns the volume down; the shape of the staircase stays the same.

    The file is built in memory with the `wave` module; an ipywidgets.Audio or IPython
    Audio widget plays it as it is.
    """
    width = 1 if bits <= 8 else 2
    if width == 1:  # 8-bit WAV is unsigned: 0 is the bottom, 255 the top
        frames = bytes(round((gain * height(v, bits) + 1) / 2 * 255) for v in levels)
    else:  # 16-bit WAV is signed, little-endian
        frames = struct.pack(f"<{len(levels)}h", *(round(gain * height(v, bits) * 32767)
                                                   for v in levels))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


def tone_wav(rate: int, bits: int, seconds: float = 1.0, frequency: float = LA) -> bytes:
    """A note sampled at `rate` and `bits`, ready to play: the sound of the module's sliders."""
    levels = sample_wave(frequency, rate, bits, seconds)
    return wav_bytes(held(levels, rate), PLAY_RATE, bits, PLAY_GAIN)
