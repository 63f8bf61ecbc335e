"""State of the "Binaire et pixels / Binary and pixels" app: eight bits, and what they mean."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import t
from ..numbers import BYTE, PLACES, from_bits, grey, letter


@dataclass
class BinaryPixels:
    """Eight switches and a language: everything the page shows is computed from these."""

    lang: str = "fr"
    bits: list[int] = field(default_factory=lambda: [0] * BYTE)

    places = PLACES

    def set_bit(self, index: int, on: bool) -> None:
        self.bits[index] = int(on)

    def reset(self) -> None:
        self.bits = [0] * BYTE

    @property
    def number(self) -> int:
        return from_bits(self.bits)

    def text(self, key: str, **params: object) -> str:
        return t(f"app.binary.{key}", self.lang, **params)

    def bit_tooltip(self, index: int) -> str:
        state = self.text("on" if self.bits[index] else "off")
        return self.text("bit_tooltip", place=self.places[index], state=state)

    def result_html(self) -> str:
        """The three readings of the same byte: a number, a letter, a shade of grey."""
        number = self.number
        shown = letter(number)
        letter_text = f"« {shown} »" if shown else self.text("no_letter")
        colour = grey(number)
        return (
            '<div class="tremplin-result" role="status" aria-live="polite">'
            f"<p>{self.text('number', number=number)}</p>"
            f"<p>{self.text('letter', letter=letter_text)}</p>"
            f'<p>{self.text("pixel", number=number)} '
            f'<span class="tremplin-swatch" style="background:{colour}" role="img" '
            f'aria-label="{self.text("swatch", number=number)}"></span></p></div>'
        )
