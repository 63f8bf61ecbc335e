"""ipywidgets activities of "Dans la machine / Inside the machine" about living with a device:
the operating system sharing out memory, what to try when a computer is slow, and energy.

The answers come from `tremplin.machine` and its data files; `machine_widgets` holds the activities
about how the machine works inside (switches, the toy computer) and the shared small helpers.
"""

from __future__ import annotations

import html

import ipywidgets as w

from .i18n import t
from .machine import (
    facts,
    share_memory,
    slow_computer_advice,
    watt_hours,
    yearly_cost,
    yearly_kwh,
)
from .machine_widgets import INK, number_text, toggle

# --- the operating system shares out memory ------------------------------------------------------

APP_COLOURS = ("#1f77b4", "#2ca02c", "#9467bd", "#e377c2", "#8c564b", "#17becf")


def memory_bar_html(open_apps: list[tuple[str, float]], lang: str) -> str:
    """The desk (RAM) as a bar: the system, then each open program; past the red line, the cupboard.
    """
    computer = facts("memory")["computer"]
    ram, system = computer["ram_gb"], computer["system_gb"]
    share = share_memory([gb for _, gb in open_apps], ram, system)
    scale = max(ram, share.used_gb)
    pieces = [(t("machine.system_part", lang, gb=number_text(system, lang)), system, "#777")]
    pieces += [(name, gb, APP_COLOURS[i % len(APP_COLOURS)]) for i, (name, gb) in
               enumerate(open_apps)]
    segments = "".join(
        f'<div title="{html.escape(name)}" style="width:{100 * gb / scale:.2f}%;'
        f'background:{colour};color:#fff;overflow:hidden;white-space:nowrap;font-size:0.9rem;padding:0.2rem">'
        f"{html.escape(name)}</div>" for name, gb, colour in pieces)
    line = (f'<div style="position:absolute;left:{100 * ram / scale:.2f}%;right:0;top:-6px;'
            'bottom:-6px;border-left:4px solid #c92a2a;background:rgba(201,42,42,0.35)"></div>')
    gauge = t("machine.memory_gauge", lang, used=number_text(share.used_gb, lang),
              ram=number_text(ram, lang))
    verdict = (t("machine.memory_full", lang, overflow=number_text(share.overflow_gb, lang))
               if share.full else t("machine.memory_fits", lang))
    return (f'<div style="position:relative;display:flex;height:2.6rem;max-width:40rem;'
            f'border:2px solid {INK};margin:0.8rem 0">{segments}{line}</div>'
            f'<p role="status" aria-live="polite" style="font-size:1.2rem">{gauge}<br>'
            f"<b>{html.escape(verdict)}</b></p>")


def memory_caretaker(lang: str) -> w.VBox:
    """Module activity: open programs one by one and watch the operating system share out the
    8 GB of RAM, until the desk is full and the computer slows down."""
    apps = facts("memory")["apps"]
    names = {app["id"]: t(f"machine.app_{app['id']}", lang) for app in apps}
    toggles = {app["id"]: toggle(t("machine.app_size", lang, name=names[app["id"]],
                                   gb=number_text(app["gb"], lang)), width="17rem")
               for app in apps}
    bar = w.HTML()

    def show(_change=None) -> None:
        bar.value = memory_bar_html([(names[app["id"]], app["gb"]) for app in apps
                                     if toggles[app["id"]].value], lang)

    for button in toggles.values():
        button.observe(show, names="value")
    show()
    buttons = list(toggles.values())
    return w.VBox([w.HBox(buttons[:3]), w.HBox(buttons[3:]), bar])


# --- my computer is slow -------------------------------------------------------------------------

def advice_html(memory_used_percent: float, disk_free_percent: float, lang: str) -> str:
    items = "".join(f"<li>{html.escape(t(f'machine.advice_{key}', lang))}</li>" for key in
                    slow_computer_advice(memory_used_percent, disk_free_percent))
    return (f'<div role="status" aria-live="polite"><b>{t("machine.advice_title", lang)}</b>'
            f"<ol>{items}</ol></div>")


def slow_computer_helper(lang: str, memory_used: int = 95, disk_free: int = 40) -> w.VBox:
    """Module activity: set the two gauges a task manager shows and read what to try first."""
    style, layout = {"description_width": "16rem"}, w.Layout(width="36rem", min_height="44px")
    memory = w.IntSlider(value=memory_used, min=0, max=100, description=t(
        "machine.gauge_memory", lang), style=style, layout=layout)
    disk = w.IntSlider(value=disk_free, min=0, max=100, description=t(
        "machine.gauge_disk", lang), style=style, layout=layout)
    out = w.HTML()

    def show(_change=None) -> None:
        out.value = advice_html(memory.value, disk.value, lang)

    memory.observe(show, names="value")
    disk.observe(show, names="value")
    show()
    return w.VBox([memory, disk, out])


# --- energy --------------------------------------------------------------------------------------

def energy_text(device: dict, hours: float, lang: str) -> str:
    """Power, energy per day and per year, and the bill, for one device used `hours` a day."""
    watts, price = device["watts"], facts("energy")["euros_per_kwh"]
    return t("machine.energy_result", lang, watts=number_text(watts, lang),
             wh=number_text(watt_hours(watts, hours), lang),
             kwh=number_text(yearly_kwh(watts, hours), lang),
             euros=number_text(yearly_cost(watts, hours, price), lang))


def energy_calculator(lang: str) -> w.VBox:
    """Module activity: pick a device and its hours of use a day; read watt-hours and euros."""
    devices = {device["id"]: device for device in facts("energy")["devices"]}
    style = {"description_width": "10rem"}
    choice = w.Dropdown(options=[(t(f"machine.device_{key}", lang), key) for key in devices],
                        description=t("machine.device_label", lang), style=style,
                        layout=w.Layout(width="30rem", min_height="44px"))
    hours = w.FloatSlider(value=devices[choice.value]["hours"], min=0, max=24, step=0.5,
                          description=t("machine.hours_label", lang), style=style,
                          layout=w.Layout(width="36rem", min_height="44px"))
    out = w.HTML()

    def pick(_change=None) -> None:
        hours.value = devices[choice.value]["hours"]
        show()

    def show(_change=None) -> None:
        out.value = (f'<p role="status" aria-live="polite" style="font-size:1.3rem">'
                     f"{html.escape(energy_text(devices[choice.value], hours.value, lang))}</p>")

    choice.observe(pick, names="value")
    hours.observe(show, names="value")
    show()
    return w.VBox([choice, hours, out])
