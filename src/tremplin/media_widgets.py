"""Activities of "Tout est nombre" on sound and compression: touch first, name it after.

Sliders sample a note and show the dots the computer keeps, the sound they make and the size
they take; a row of pixels to click shows run-length encoding getting shorter or longer.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from .apps.kit import TARGET
from .compression import format_number, human_size, rle_size, run_lengths
from .i18n import t
from .sound import (
    LA,
    SONG_SECONDS,
    STEREO,
    VOLUME,
    height,
    sample_wave,
    sound_bytes,
    steps,
    tone_wav,
)

RATES = (1_000, 2_000, 4_000, 8_000, 16_000, 44_100)  # measures per second; 44 100 on a CD
DEPTHS = (2, 4, 8, 16)  # bits per measure; 16 on a CD
WINDOW = 0.005  # seconds drawn: a little more than two back-and-forths of the note A
STARTING_ROW = (0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0)
INK, PAPER = "#111111", "#ffffff"
LABEL_WIDTH = {"description_width": "10rem"}  # both sliders start at the same place


def sampling_picture(rate: int, bits: int, lang: str) -> Any:
    """The real wave in grey, the measures kept as dots, joined as the computer holds them."""
    fig, ax = plt.subplots(figsize=(8, 3.6))
    smooth = [i * WINDOW / 400 for i in range(401)]
    ax.plot([s * 1000 for s in smooth], [VOLUME * math.sin(2 * math.pi * LA * s) for s in smooth],
            color="#9a9a9a", linewidth=3, label=t("media.picture_true", lang))
    kept = [height(level, bits) for level in sample_wave(LA, rate, bits, WINDOW)]
    times = [k / rate * 1000 for k in range(len(kept))]
    ax.step([*times, WINDOW * 1000], [*kept, kept[-1]], where="post", color="#1f5fa8",
            linewidth=1.5)  # each measure is held until the next one
    ax.plot(times, kept, "o", color="#1f5fa8", markersize=6 if len(kept) < 60 else 3,
            label=t("media.picture_kept", lang))
    if steps(bits) <= 16:  # few steps: draw them, each measure must sit on one
        for level in range(steps(bits)):
            ax.axhline(height(level, bits), color="#d14900", linewidth=0.6, alpha=0.5)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel(t("media.picture_x", lang))
    ax.set_ylabel(t("media.picture_y", lang))
    ax.set_title(t("media.picture_title", lang, rate=format_number(rate, lang), bits=bits))
    ax.set_xlim(0, WINDOW * 1000)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False)
    fig.tight_layout()
    return fig


def labelled_slider(label: str, short: str, options: Sequence[tuple[str, int]],
                    value: int) -> tuple[w.HTML, w.SelectionSlider]:
    """A slider named twice: `description` beside it, and a visible sentence above it, since
    screen readers do not link a slider's description to its handle."""
    slider = w.SelectionSlider(options=list(options), value=value, description=short,
                               continuous_update=False, style=LABEL_WIDTH,
                               layout=w.Layout(width="36rem"))
    return w.HTML(f"<p><b>{html.escape(label)}</b></p>"), slider


def sampling_explorer(lang: str) -> w.VBox:
    """Module activity: choose measures per second and bits per measure; see, hear, weigh."""
    rate_label, rate = labelled_slider(
        t("media.rate_label", lang), t("media.rate", lang),
        [(format_number(r, lang), r) for r in RATES], 8_000)
    bits_label, bits = labelled_slider(
        t("media.bits_label", lang), t("media.bits", lang), [(str(b), b) for b in DEPTHS], 16)
    picture = w.Output()
    status = w.HTML()
    player = w.Audio(format="wav", autoplay=False, controls=True)

    def update(_change: object = None) -> None:
        first = sample_wave(LA, rate.value, bits.value, 8 / rate.value)
        lines = [
            t("media.status_rate", lang, rate=format_number(rate.value, lang), bits=bits.value,
              steps=format_number(steps(bits.value), lang)),
            t("media.status_first", lang, numbers=", ".join(str(m) for m in first)),
            t("media.status_second", lang,
              size=human_size(sound_bytes(1, rate.value, bits.value, 1), lang)),
            t("media.status_song", lang, size=human_size(
                sound_bytes(SONG_SECONDS, rate.value, bits.value, STEREO), lang)),
        ]
        status.value = ('<div role="status" aria-live="polite">'
                        + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</div>")
        player.value = tone_wav(rate.value, bits.value)
        picture.clear_output(wait=True)
        with picture:
            fig = sampling_picture(rate.value, bits.value, lang)
            display(fig)
            plt.close(fig)

    rate.observe(update, names="value")
    bits.observe(update, names="value")
    update()
    listen = w.HTML(f"<p><b>{html.escape(t('media.listen', lang))}</b></p>")
    return w.VBox([rate_label, rate, bits_label, bits, picture, listen, player, status])


def rle_lines(row: Sequence[int], lang: str) -> list[str]:
    """What the RLE activity says: the row pixel by pixel, by runs, and which is shorter."""
    words = {(True, 0): "media.run_white_one", (False, 0): "media.run_white_many",
             (True, 1): "media.run_black_one", (False, 1): "media.run_black_many"}
    runs = ", ".join(t(words[(count == 1, pixel)], lang, count=count)
                     for count, pixel in run_lengths(row))
    before, after = len(row), rle_size(row)
    if after < before:
        verdict = t("media.rle_shorter", lang, before=before, after=after)
    elif after > before:
        verdict = t("media.rle_longer", lang, before=before, after=after)
    else:
        verdict = t("media.rle_same", lang, before=before)
    return [t("media.rle_row", lang, pixels=" ".join(map(str, row)), count=before),
            t("media.rle_runs", lang, runs=runs, count=after), verdict]


def rle_explorer(lang: str, row: Sequence[int] = STARTING_ROW) -> w.VBox:
    """Module activity: click pixels of a row (1 = black, 0 = white) and watch its code change."""
    pixels = list(row)
    result = w.HTML()
    buttons: list[w.Button] = []

    def paint(index: int) -> None:
        button, black = buttons[index], pixels[index] == 1
        button.description = str(pixels[index])
        button.style.button_color = INK if black else PAPER
        button.style.text_color = PAPER if black else INK
        button.style.font_size = "1.3rem"
        colour = t("media.pixel_black", lang) if black else t("media.pixel_white", lang)
        button.tooltip = t("media.pixel_tooltip", lang, n=index + 1, count=len(pixels),
                           colour=colour)

    def show() -> None:
        result.value = ('<div role="status" aria-live="polite">'
                        + "".join(f"<p>{html.escape(line)}</p>" for line in rle_lines(pixels, lang))
                        + "</div>")

    for index in range(len(pixels)):
        button = w.Button(layout=w.Layout(width=TARGET, height=TARGET, border="2px solid #1f3b63"))

        def flip(_button: w.Button, index: int = index) -> None:
            pixels[index] = 1 - pixels[index]
            paint(index)
            show()

        button.on_click(flip)
        buttons.append(button)
        paint(index)
    show()
    return w.VBox([w.HBox(buttons, layout=w.Layout(flex_flow="row wrap")), result])
