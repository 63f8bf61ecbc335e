"""Packets: a message cut into numbered pieces, some lost on the way, resent, put back in order.

Standard library only and seeded (see `tremplin.network`): the same seed loses the same packets.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import NamedTuple


class Packet(NamedTuple):
    """One piece of a message, with its number (from 1) and how many pieces there are."""

    number: int
    total: int
    data: str


def split_message(message: str, size: int) -> list[Packet]:
    """Cut a message into packets of `size` characters (real packets hold about 1,500 bytes)."""
    if size < 1:
        raise ValueError("a packet holds at least 1 character")
    pieces = [message[i:i + size] for i in range(0, len(message), size)] or [""]
    return [Packet(number, len(pieces), piece) for number, piece in enumerate(pieces, 1)]


def missing(packets: list[Packet]) -> list[int]:
    """The numbers of the packets not received yet: the ones to ask for again."""
    if not packets:
        return []
    return sorted(set(range(1, packets[0].total + 1)) - {p.number for p in packets})


def reassemble(packets: list[Packet]) -> str:
    """Put the packets back in order by their numbers and join them into the message."""
    gaps = missing(packets)
    if gaps:
        raise ValueError(f"packets still missing: {gaps}")
    ordered = {p.number: p for p in packets}  # a packet received twice counts once
    return "".join(ordered[number].data for number in sorted(ordered))


class Hop(NamedTuple):
    """One try at sending one packet: in which round, and whether it was lost on the way."""

    round: int
    number: int
    lost: bool


@dataclass(frozen=True)
class Delivery:
    """What happened to the packets: every try, and the order in which they arrived."""

    hops: tuple[Hop, ...]
    arrived: tuple[Packet, ...]

    @property
    def rounds(self) -> int:
        return max((hop.round for hop in self.hops), default=0)

    @property
    def lost(self) -> list[int]:
        return [hop.number for hop in self.hops if hop.lost]


def deliver(packets: list[Packet], loss: float = 0.2, seed: int = 0,
            max_rounds: int = 100) -> Delivery:
    """Send every packet; each is lost with probability `loss`. Packets take different ways, so
    they arrive in any order; the receiver asks again for the missing ones, round after round."""
    if not 0 <= loss < 1:
        raise ValueError("loss is a probability from 0 to less than 1")
    rng = random.Random(seed)
    hops: list[Hop] = []
    arrived: list[Packet] = []
    waiting = list(packets)
    for round_ in range(1, max_rounds + 1):
        if not waiting:
            break
        rng.shuffle(waiting)
        lost = [p for p in waiting if rng.random() < loss]
        hops += [Hop(round_, p.number, p in lost) for p in waiting]
        arrived += [p for p in waiting if p not in lost]
        waiting = sorted(lost)
    if waiting:
        raise RuntimeError(f"packets never arrived after {max_rounds} rounds")
    return Delivery(tuple(hops), tuple(arrived))
