"""The machine behind "Dans la machine / Inside the machine": what each part of a computer does.

Switches that light a lamp (the logic gates a processor is built from), a toy computer a learner
steps through (input, processor, memory, output), memory against storage, the operating system
sharing out memory, what to do when a computer is slow, and the energy and footprint of devices.
No widgets and no pictures here, so the module, its exercise and a later app share one tested
truth. The small tables (chips, devices, memory) are data files, read once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from .i18n import DATA

MB_PER_GB = 1000  # as on a shop's label: 1 GB = 1000 MB (a computer may count 1024)


@cache
def facts(name: str) -> dict[str, Any]:
    """One of the module's data files: "chips", "energy" or "memory" (machine-<name>.yaml)."""
    return yaml.safe_load((DATA / f"machine-{name}.yaml").read_text(encoding="utf-8"))


# --- switches and gates: a processor is billions of these ---------------------------------------

def _bit(value: int | bool) -> int:
    if value not in (0, 1):
        raise ValueError(f"a switch is 0 (off) or 1 (on), not {value!r}")
    return int(value)


def and_gate(a: int, b: int) -> int:
    """Two switches one after the other: the lamp lights only if A and B are both on."""
    return _bit(a) & _bit(b)


def or_gate(a: int, b: int) -> int:
    """Two switches side by side: the lamp lights if A or B (or both) is on."""
    return _bit(a) | _bit(b)


def not_gate(a: int) -> int:
    """The fridge's switch: the lamp lights when the button is *not* pressed."""
    return 1 - _bit(a)


GATES = {"and": and_gate, "or": or_gate, "not": not_gate}


def truth_table(gate: str) -> list[tuple[tuple[int, ...], int]]:
    """Every position of the switches and what the lamp does: [((a, b), lamp), ...]."""
    function = GATES[gate]
    inputs = 1 if gate == "not" else 2
    rows = [tuple((n >> i) & 1 for i in reversed(range(inputs))) for n in range(2**inputs)]
    return [(row, function(*row)) for row in rows]


# --- a toy computer: input, processor, memory, output --------------------------------------------

# The recipe (the program): read two numbers, add them up, show the total.
PROGRAM: tuple[tuple[str, ...], ...] = (
    ("read", "a"), ("read", "b"), ("add", "a", "b", "total"), ("show", "total"))
PARTS = ("input", "processor", "memory", "output")


@dataclass(frozen=True)
class Step:
    """What one step did: the parts that worked, and what to tell (a message key and fields)."""

    parts: tuple[str, ...]
    key: str
    fields: dict[str, Any]


@dataclass
class ToyComputer:
    """A computer small enough to watch: the keyboard holds the numbers the learner typed."""

    keyboard: list[int]
    program: tuple[tuple[str, ...], ...] = PROGRAM
    memory: dict[str, int] = field(default_factory=dict)
    screen: list[int] = field(default_factory=list)
    line: int = 0

    @property
    def finished(self) -> bool:
        return self.line >= len(self.program)

    def step(self) -> Step:
        """Carry out the next line of the program, as the processor does, one at a time."""
        if self.finished:
            raise IndexError("the program is finished")
        op, *args = self.program[self.line]
        if op == "read":
            value = self.keyboard.pop(0)
            self.memory[args[0]] = value
            done = Step(("input", "processor", "memory"), "read", {"value": value, "box": args[0]})
        elif op == "add":
            a, b, target = args
            total = self.memory[a] + self.memory[b]
            self.memory[target] = total
            done = Step(("memory", "processor"), "add", {
                "a": a, "b": b, "x": self.memory[a], "y": self.memory[b], "box": target,
                "value": total})
        elif op == "show":
            self.screen.append(self.memory[args[0]])
            done = Step(("memory", "processor", "output"), "show", {
                "box": args[0], "value": self.memory[args[0]]})
        else:
            raise ValueError(f"unknown instruction {op!r}")
        self.line += 1
        return done


# --- memory (the desk) and storage (the cupboard) ------------------------------------------------

def gigabytes_to_megabytes(gigabytes: float) -> float:
    """1 GB is 1000 MB, as on the box a device is sold in."""
    return gigabytes * MB_PER_GB


def how_many_fit(space_gb: float, item_mb: float) -> int:
    """How many files of `item_mb` MB fit in `space_gb` GB (whole files only)."""
    if item_mb <= 0:
        raise ValueError("a file takes some room")
    return math.floor(gigabytes_to_megabytes(space_gb) / item_mb + 1e-9)


@dataclass(frozen=True)
class MemoryShare:
    """How the operating system shares out memory: what is used, and what spills onto the disk."""

    ram_gb: float
    used_gb: float

    @property
    def overflow_gb(self) -> float:
        """What no longer fits on the desk and goes to the cupboard (the disk): everything slows."""
        return round(max(0.0, self.used_gb - self.ram_gb), 2)

    @property
    def full(self) -> bool:
        return self.used_gb > self.ram_gb


def share_memory(app_gb: list[float], ram_gb: float, system_gb: float) -> MemoryShare:
    """The memory the open programs and the operating system itself ask for, out of `ram_gb`."""
    return MemoryShare(ram_gb, round(system_gb + sum(app_gb), 2))


def slow_computer_advice(memory_used_percent: float, disk_free_percent: float) -> list[str]:
    """What to try first when a computer is slow, read off two gauges of the task manager.

    Memory nearly full (90 % or more): close programs and tabs, then restart. Disk nearly full
    (10 % free or less): delete or move files, empty the bin. Neither: the cause is elsewhere
    (updates running, a faulty program): restart, update, then ask for help.
    """
    advice = []
    if memory_used_percent >= 90:
        advice += ["close_programs", "restart"]
    if disk_free_percent <= 10:
        advice += ["free_disk"]
    return advice or ["restart", "update", "ask_help"]


# --- energy and footprint -------------------------------------------------------------------------

def watt_hours(watts: float, hours: float) -> float:
    """Energy used: power (W) times time (h). A 10 W device on for 3 h uses 30 Wh."""
    return watts * hours


def yearly_kwh(watts: float, hours_per_day: float) -> float:
    """Energy over a year of daily use, in kWh (1 kWh = 1000 Wh)."""
    return watt_hours(watts, hours_per_day) * 365 / 1000


def yearly_cost(watts: float, hours_per_day: float, euros_per_kwh: float) -> float:
    """What a year of daily use costs on the electricity bill, in euros."""
    return yearly_kwh(watts, hours_per_day) * euros_per_kwh


def footprint_per_year(manufacturing_kg: float, usage_kg_per_year: float, years: float) -> float:
    """A device's footprint for each year it is used: making it is shared out over its years."""
    if years <= 0:
        raise ValueError("a device is kept for some time")
    return manufacturing_kg / years + usage_kg_per_year


def manufacturing_share(manufacturing_kg: float, usage_kg_per_year: float, years: float) -> float:
    """The part of a device's whole footprint that comes from making it (0 to 1)."""
    return manufacturing_kg / (manufacturing_kg + usage_kg_per_year * years)
