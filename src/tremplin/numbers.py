"""The machine behind "Tout est nombre / Everything is a number": bits, letters and pixels.

Pure functions with no widgets, so the module, the exercise and the app share one tested truth.
"""

from __future__ import annotations

BYTE = 8
PLACES = tuple(2**i for i in reversed(range(BYTE)))  # 128, 64, ..., 1: left to right, as written


def to_bits(number: int, width: int = BYTE) -> list[int]:
    """The bits of `number`, most significant first: to_bits(5) == [0, 0, 0, 0, 0, 1, 0, 1]."""
    if not 0 <= number < 2**width:
        raise ValueError(f"{number} does not fit in {width} bits (0 to {2**width - 1})")
    return [(number >> i) & 1 for i in reversed(range(width))]


def from_bits(bits: list[int] | tuple[int, ...]) -> int:
    """The number that bits (most significant first) stand for: add the places that are on."""
    value = 0
    for bit in bits:
        if bit not in (0, 1):
            raise ValueError(f"a bit is 0 or 1, not {bit!r}")
        value = value * 2 + bit
    return value


def binary(number: int) -> str:
    """The shortest binary writing of a number, as people write it: binary(10) == '1010'."""
    return "".join(map(str, to_bits(number, max(1, number.bit_length()))))


def letter(code: int) -> str | None:
    """The character a code stands for in ASCII, or None for codes with no visible letter."""
    return chr(code) if 33 <= code <= 126 else None


def grey(number: int) -> str:
    """The CSS colour of a pixel whose brightness is one byte: 0 is black, 255 is white."""
    if not 0 <= number <= 255:
        raise ValueError(f"a byte goes from 0 to 255, not {number}")
    return f"#{number:02x}{number:02x}{number:02x}"


def image_bytes(width: int, height: int, bytes_per_pixel: int = 3) -> int:
    """Size of an uncompressed picture: every pixel is red, green and blue, one byte each."""
    return width * height * bytes_per_pixel
