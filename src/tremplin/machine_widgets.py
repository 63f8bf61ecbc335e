"""ipywidgets activities of "Dans la machine / Inside the machine": things to touch, then name.

Here, how the machine works inside: switches lighting a lamp (logic gates) and a toy computer to
step through; `device_widgets` holds those about living with a device (memory, slowness, energy).
Each activity is a function taking the language and returning a widget box; what it shows is
computed by `tremplin.machine`, so the tests of that module cover the answers given here.
"""

from __future__ import annotations

import html

import ipywidgets as w

from .apps.kit import TARGET, big_button
from .i18n import t
from .machine import GATES, ToyComputer, truth_table

ACTIVE, IDLE, INK = "#fff3bf", "#f4f6fa", "#1f3b63"


def number_text(value: float, lang: str) -> str:
    """A number as a learner writes it: one decimal at most, a comma in French (0,5 Go)."""
    text = f"{round(value, 1):g}" if abs(value) < 1e6 else f"{round(value):d}"
    return text.replace(".", ",") if lang == "fr" else text


def toggle(description: str, tooltip: str = "", width: str = "14rem") -> w.ToggleButton:
    """A large switch with a label (apps/kit's `big_toggle` is square, for one figure)."""
    button = w.ToggleButton(description=description, tooltip=tooltip,
                            layout=w.Layout(width=width, min_height=TARGET))
    button.add_class("tremplin-big")
    return button


# --- switches and a lamp -------------------------------------------------------------------------

def _switch(x: int, y: int, closed: bool, label: str) -> str:
    """A switch drawn between (x, y) and (x + 40, y): its lever down (closed) or raised (open)."""
    end = (x + 40, y) if closed else (x + 34, y - 18)
    return (f'<circle cx="{x}" cy="{y}" r="3"/><circle cx="{x + 40}" cy="{y}" r="3"/>'
            f'<line x1="{x}" y1="{y}" x2="{end[0]}" y2="{end[1]}" stroke-width="4"/>'
            f'<text x="{x - 18}" y="{y - 7}" font-size="16" stroke="none">{label}</text>')


def circuit_svg(gate: str, a: int, b: int, lang: str) -> str:
    """The circuit of `gate` with its switches as they are and the lamp lit or not."""
    lit = GATES[gate](a) if gate == "not" else GATES[gate](a, b)
    wires = ["M40 55 V100 M40 112 V160 H340 V126 M340 90 V55"]
    if gate == "and":
        wires.append("M40 55 H120 M160 55 H220 M260 55 H340")
        parts = _switch(120, 55, bool(a), "A") + _switch(220, 55, bool(b), "B")
    elif gate == "or":
        wires.append("M40 55 H110 M110 30 V80 M110 30 H170 M210 30 H270 M110 80 H170 M210 80 H270"
                     " M270 30 V80 M270 55 H340")
        parts = _switch(170, 30, bool(a), "A") + _switch(170, 80, bool(b), "B")
    else:  # the fridge: the contact is made while the button is *not* pressed
        wires.append("M40 55 H170 M210 55 H340")
        parts = _switch(170, 55, not a, "A")
    rays = "".join(f'<line x1="{340 + 24 * dx}" y1="{108 + 24 * dy}" x2="{340 + 34 * dx}" '
                   f'y2="{108 + 34 * dy}" stroke="#e67700" stroke-width="3"/>'
                   for dx, dy in ((1, 0), (0.7, -0.7), (0.7, 0.7))) if lit else ""
    label = t("machine.circuit_alt", lang, lamp=t("machine.lamp_on" if lit else "machine.lamp_off",
                                                  lang))
    return (f'<svg width="420" height="180" viewBox="0 0 420 180" role="img" '
            f'aria-label="{html.escape(label)}" stroke="#111" fill="#111" stroke-width="3" '
            'font-family="sans-serif">'
            f'<path d="{" ".join(wires)}" fill="none"/>'
            '<line x1="22" y1="100" x2="58" y2="100"/><line x1="30" y1="112" x2="50" y2="112" '
            'stroke-width="7"/>'
            f'<text x="56" y="140" font-size="15" stroke="none">{t("machine.battery", lang)}</text>'
            f'{parts}<circle cx="340" cy="108" r="18" fill="{"#ffd43b" if lit else "#dddddd"}"/>'
            '<path d="M328 96 L352 120 M352 96 L328 120" stroke-width="2"/>'
            f'{rays}<text x="364" y="150" font-size="15" stroke="none">'
            f'{t("machine.lamp", lang)}</text></svg>')


def truth_table_html(gate: str, a: int, b: int, lang: str) -> str:
    """Every position of the switches and the lamp, the row of the current position in yellow."""
    names = ("A",) if gate == "not" else ("A", "B")
    now = (a,) if gate == "not" else (a, b)
    cell = 'style="border:1px solid #999;padding:0.2rem 1rem;text-align:center"'
    head = "".join(f"<th {cell}>{name}</th>" for name in (*names, t("machine.table_lamp", lang)))
    rows = "".join(
        f'<tr style="background:{ACTIVE if row == now else "transparent"}">'
        + "".join(f"<td {cell}>{bit}</td>" for bit in row) + f"<td {cell}><b>{lamp}</b></td></tr>"
        for row, lamp in truth_table(gate))
    legend = t("machine.table_legend", lang)
    if gate == "not":
        legend += " " + t("machine.fridge_hint", lang)
    return (f'<table style="border-collapse:collapse;font-size:1.2rem"><tr>{head}</tr>{rows}'
            f"</table><p>{legend}</p>")


def lamp_circuit(lang: str) -> w.VBox:
    """Module activity: two switches and a lamp, wired one after the other, side by side, or as
    the fridge's button. The learner finds when the lamp lights before the gates are named.
    The circuits are picked with large buttons (the chosen one dark), easy to hit for anyone."""
    switches = {name: toggle("", t("machine.switch_tooltip", lang, name=name), "10rem")
                for name in ("A", "B")}
    chosen = {"gate": "and"}
    circuits: dict[str, w.Button] = {}
    drawing, status, table = w.HTML(), w.HTML(), w.HTML()

    def show(_change=None) -> None:
        a, b, gate = int(switches["A"].value), int(switches["B"].value), chosen["gate"]
        for name, button in switches.items():
            state = t("machine.on" if button.value else "machine.off", lang)
            button.description = t("machine.switch_state", lang, name=name, state=state)
        for key, button in circuits.items():
            button.button_style = "primary" if key == gate else ""
        switches["B"].disabled = gate == "not"
        lit = GATES[gate](a) if gate == "not" else GATES[gate](a, b)
        drawing.value = circuit_svg(gate, a, b, lang)
        status.value = (f'<p role="status" aria-live="polite" style="font-size:1.4rem">'
                        f'<b>{t("machine.lamp_on" if lit else "machine.lamp_off", lang)}</b></p>')
        table.value = truth_table_html(gate, a, b, lang)

    def pick(gate: str) -> None:
        chosen["gate"] = gate
        show()

    for gate in ("and", "or", "not"):
        circuits[gate] = big_button(t(f"machine.circuit_{gate}", lang),
                                    lambda _button, gate=gate: pick(gate))
    for button in switches.values():
        button.observe(show, names="value")
    show()
    return w.VBox([w.HTML(f"<b>{t('machine.circuit_label', lang)}</b>"),
                   w.HBox(list(circuits.values())), w.HBox(list(switches.values())), drawing,
                   status, table])


# --- the toy computer ----------------------------------------------------------------------------

def _box(title: str, body: str, active: bool) -> str:
    colour, border = (ACTIVE, "#d14900") if active else (IDLE, INK)
    return (f'<div style="border:3px solid {border};background:{colour};border-radius:8px;'
            f'padding:0.5rem;min-width:9rem"><b>{title}</b><div style="font-size:1.3rem">'
            f"{body}</div></div>")


def computer_html(computer: ToyComputer, parts: tuple[str, ...], said: str, lang: str) -> str:
    """The four parts side by side (those that just worked in yellow), the program and the step."""
    empty = t("machine.memory_empty", lang)
    bodies = {
        "input": " ".join(map(str, computer.keyboard)) or empty,
        "processor": t("machine.step_count", lang, done=computer.line,
                       total=len(computer.program)),
        "memory": "<br>".join(f"{box} = {value}" for box, value in computer.memory.items())
        or empty,
        "output": " ".join(map(str, computer.screen)) or empty,
    }
    boxes = "".join(_box(t(f"machine.part_{part}", lang), bodies[part], part in parts)
                    for part in ("input", "processor", "memory", "output"))
    lines = []
    for number, (op, *args) in enumerate(computer.program):
        names = dict(zip(("box",) if op != "add" else ("a", "b", "box"), args, strict=True))
        text = html.escape(t(f"machine.line_{op}", lang, **names))
        current = number == computer.line - 1
        lines.append(f"<li>{'▶ <b>' + text + '</b>' if current else text}</li>")
    return (f'<div style="display:flex;gap:0.5rem;flex-wrap:wrap">{boxes}</div>'
            f"<p><b>{t('machine.program_title', lang)}</b></p><ol>{''.join(lines)}</ol>"
            f'<p role="status" aria-live="polite" style="font-size:1.3rem">{html.escape(said)}</p>')


def toy_computer(lang: str, first: int = 12, second: int = 30) -> w.VBox:
    """Module activity: type two numbers, then follow them step by step from the keyboard to the
    processor, the memory and the screen."""
    keys = ("machine.first_number", "machine.second_number")
    numbers = [w.IntText(value=value, description=t(key, lang), layout=w.Layout(width="14rem"))
               for value, key in zip((first, second), keys, strict=True)]
    view = w.HTML()
    state: dict[str, ToyComputer] = {}

    def restart(_event=None) -> None:
        state["computer"] = ToyComputer([box.value for box in numbers])
        view.value = computer_html(state["computer"], (), t("machine.step_start", lang), lang)

    def next_step(_button=None) -> None:
        computer = state["computer"]
        if computer.finished:
            view.value = computer_html(computer, (), t("machine.step_done", lang), lang)
            return
        step = computer.step()
        view.value = computer_html(computer, step.parts, t(f"machine.step_{step.key}", lang,
                                                           **step.fields), lang)

    for box in numbers:
        box.observe(restart, names="value")
    restart()
    buttons = w.HBox([big_button(t("machine.next_step", lang), next_step),
                      big_button(t("machine.restart", lang), restart)])
    return w.VBox([w.HTML(f"<b>{t('machine.keyboard_title', lang)}</b>"), w.HBox(numbers),
                   buttons, view])

