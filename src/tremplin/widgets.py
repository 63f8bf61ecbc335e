"""ipywidgets activities used by the modules and the apps (built here once, tested here)."""

from __future__ import annotations

import html

import ipywidgets as w

from .apps.binary_pixels import BinaryPixels
from .apps.kit import TARGET, big_toggle
from .i18n import t
from .numbers import binary


def bit_buttons(state: BinaryPixels, on_change=None) -> list[w.ToggleButton]:
    """One large switch per bit, left (128) to right (1), kept in step with `state`."""
    buttons = []
    for index in range(len(state.bits)):
        button = big_toggle("0", state.bit_tooltip(index))

        def flip(change, index=index, button=button):
            state.set_bit(index, change["new"])
            button.description = str(state.bits[index])
            button.tooltip = state.bit_tooltip(index)
            if on_change:
                on_change()

        button.observe(flip, names="value")
        buttons.append(button)
    return buttons


def place_labels(state: BinaryPixels) -> w.HBox:
    """The value of each place (128 … 1), written above its switch."""
    return w.HBox([w.HTML(f"<b>{p}</b>", layout=w.Layout(width=TARGET)) for p in state.places])


def bit_explorer(lang: str) -> w.VBox:
    """Module activity: switch bits on and off and read the number, letter and grey pixel."""
    state = BinaryPixels(lang=lang)
    result = w.HTML(state.result_html())
    buttons = bit_buttons(state, on_change=lambda: setattr(result, "value", state.result_html()))
    return w.VBox([place_labels(state), w.HBox(buttons), result])


def letter_explorer(lang: str, word: str = "Bonjour") -> w.VBox:
    """Module activity: type a word and see the code of each letter, in decimal and binary."""
    box = w.Text(value=word, description=t("widget.word", lang))
    table = w.HTML()

    def show(_change=None) -> None:
        rows = "".join(
            f"<tr><td>{html.escape(ch)}</td><td>{ord(ch)}</td><td><code>{binary(ord(ch))}</code>"
            "</td></tr>" for ch in box.value[:20])
        head = "".join(f"<th>{t(k, lang)}</th>" for k in
                       ("widget.letter", "widget.code", "widget.binary"))
        table.value = f"<table><tr>{head}</tr>{rows}</table>"

    box.observe(show, names="value")
    show()
    return w.VBox([box, table])
