"""Why files have sizes, and why some shrink when compressed while others hardly do.

Standard library only, so that a later in-browser edition of the kit can run the same code.
Sizes use the units people see in their file manager and phone, each 1 000 times the one before
(ko, Mo, Go in French; kB, MB, GB in English).
"""

from __future__ import annotations

import random
import string
import zlib
from collections.abc import Sequence

from .i18n import normalise_lang, t
from .numbers import image_bytes
from .sound import CD_BITS, CD_RATE, SONG_SECONDS, STEREO, sound_bytes

UNITS = ("media.unit_kilo", "media.unit_mega", "media.unit_giga", "media.unit_tera")
FULL_HD = (1920, 1080)
FRAMES_PER_SECOND = 25  # European television and most phone videos
PAGE_LETTERS = 2_000  # a page of a novel, spaces included


# --- run-length encoding: "5 white" instead of "white, white, white, white, white" ---

def run_lengths(row: Sequence[int]) -> list[tuple[int, int]]:
    """The runs of a row of pixels, as (how many, which value): 0001100 -> [(3,0),(2,1),(2,0)]."""
    runs: list[tuple[int, int]] = []
    for pixel in row:
        if runs and runs[-1][1] == pixel:
            runs[-1] = (runs[-1][0] + 1, pixel)
        else:
            runs.append((1, pixel))
    return runs


def expand(runs: Sequence[tuple[int, int]]) -> list[int]:
    """The row back from its runs: nothing is lost, which is what "lossless" means."""
    return [pixel for count, pixel in runs for _ in range(count)]


def rle_size(row: Sequence[int]) -> int:
    """How many numbers the run-length code writes: two per run (how many, which colour)."""
    return 2 * len(run_lengths(row))


# --- zip: the same idea, on any file ---

def text_bytes(text: str) -> int:
    """The bytes a text takes in a file (UTF-8: one per plain letter, two for é, four for 😀)."""
    return len(text.encode("utf-8"))


def zip_sizes(text: str) -> tuple[int, int]:
    """A text's size before and after the compression inside .zip files (zlib, best level)."""
    data = text.encode("utf-8")
    return len(data), len(zlib.compress(data, 9))


def jumbled_text(length: int, seed: int = 2) -> str:
    """Characters drawn at random (the same ones each time): nothing repeats, little to shrink."""
    draw = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + string.punctuation
    return "".join(draw.choice(alphabet) for _ in range(length))


# --- why files have sizes ---

def format_number(number: float, lang: str, decimals: int = 0) -> str:
    """A number as people write it: 6 220 800 and 6,2 in French; 6,220,800 and 6.2 in English."""
    text = f"{number:,.{decimals}f}"
    if normalise_lang(lang) == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")  # narrow no-break space
    return text


def human_size(size: int, lang: str) -> str:
    """A size in the largest unit that keeps a number of 1 or more: 6 220 800 -> "6,2 Mo"."""
    if size < 1000:
        one = size == 1 or (size == 0 and normalise_lang(lang) == "fr")  # « 0 octet », "0 bytes"
        unit = t("media.unit_byte", lang) if one else t("media.unit_bytes", lang)
        return f"{size} {unit}"
    index, value = 0, size / 1000
    while index < len(UNITS) - 1 and round(value) >= 1000:
        index, value = index + 1, value / 1000
    shown = format_number(value, lang, 1 if value < 100 else 0)
    shown = shown.removesuffix(format_number(0, lang, 1)[1:])  # 6,0 Mo -> 6 Mo
    return f"{shown} {t(UNITS[index], lang)}"


def everyday_sizes(lang: str) -> list[tuple[str, int]]:
    """A text, a photo, a song and a minute of video, uncompressed: a line each and its bytes."""
    width, height = FULL_HD
    photo = image_bytes(width, height)

    def n(number: int) -> str:
        return format_number(number, lang)

    rows = [
        (t("media.size_text", lang, letters=n(PAGE_LETTERS)), PAGE_LETTERS),
        (t("media.size_photo", lang, width=n(width), height=n(height)), photo),
        (t("media.size_song", lang, seconds=n(SONG_SECONDS), rate=n(CD_RATE),
           bytes=CD_BITS // 8, channels=STEREO), sound_bytes(SONG_SECONDS)),
        (t("media.size_video", lang, seconds=60, fps=FRAMES_PER_SECOND, photo=n(photo)),
         60 * FRAMES_PER_SECOND * photo),
    ]
    return [(t("media.size_line", lang, what=what, bytes=n(size), size=human_size(size, lang)),
             size) for what, size in rows]
