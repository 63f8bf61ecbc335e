"""The machine behind "Dans la machine / Inside the machine": gates, the toy computer, memory,
slowness and energy, and what the module's widgets and pictures show a learner."""

from __future__ import annotations

import math

import matplotlib
import pytest

matplotlib.use("Agg")

from tremplin.device_widgets import energy_calculator, memory_caretaker, slow_computer_helper
from tremplin.i18n import load_all
from tremplin.machine import (
    GATES,
    PARTS,
    ToyComputer,
    and_gate,
    facts,
    footprint_per_year,
    gigabytes_to_megabytes,
    how_many_fit,
    manufacturing_share,
    not_gate,
    or_gate,
    share_memory,
    slow_computer_advice,
    truth_table,
    watt_hours,
    yearly_cost,
    yearly_kwh,
)
from tremplin.machine_pictures import footprint_chart, transistor_chart
from tremplin.machine_widgets import circuit_svg, lamp_circuit, number_text, toy_computer


def test_switches_one_after_the_other_or_side_by_side_make_and_and_or():
    assert truth_table("and") == [((0, 0), 0), ((0, 1), 0), ((1, 0), 0), ((1, 1), 1)]
    assert truth_table("or") == [((0, 0), 0), ((0, 1), 1), ((1, 0), 1), ((1, 1), 1)]
    assert truth_table("not") == [((0,), 1), ((1,), 0)]
    assert and_gate(True, True) == 1 and or_gate(0, 0) == 0 and not_gate(0) == 1
    with pytest.raises(ValueError, match="0 \\(off\\) or 1 \\(on\\)"):
        and_gate(2, 1)


def test_the_toy_computer_reads_adds_and_shows_through_the_right_parts():
    computer = ToyComputer([12, 30])
    steps = [computer.step() for _ in range(4)]
    assert [step.key for step in steps] == ["read", "read", "add", "show"]
    assert steps[0].parts == ("input", "processor", "memory") and steps[0].fields["value"] == 12
    assert steps[2].fields == {"a": "a", "b": "b", "x": 12, "y": 30, "box": "total", "value": 42}
    assert "output" in steps[3].parts and all(set(s.parts) <= set(PARTS) for s in steps)
    assert computer.memory == {"a": 12, "b": 30, "total": 42} and computer.screen == [42]
    assert computer.keyboard == [] and computer.finished
    with pytest.raises(IndexError):
        computer.step()


def test_memory_and_storage_sizes_count_as_on_the_box():
    assert gigabytes_to_megabytes(8) == 8000
    assert gigabytes_to_megabytes(0.5) == 500
    assert how_many_fit(128, 3) == 42_666
    assert how_many_fit(1, 0.1) == 10_000  # not 9 999 because of rounding in floats
    with pytest.raises(ValueError):
        how_many_fit(1, 0)


def test_the_operating_system_spills_onto_the_disk_only_past_the_ram():
    fits = share_memory([2, 1], ram_gb=8, system_gb=2)
    assert fits.used_gb == 5 and not fits.full and fits.overflow_gb == 0
    full = share_memory([2, 3, 2, 0.5], ram_gb=8, system_gb=2)
    assert full.full and full.overflow_gb == 1.5
    assert not share_memory([6], ram_gb=8, system_gb=2).full  # exactly full still fits


@pytest.mark.parametrize(("memory", "disk", "advice"), [
    (95, 40, ["close_programs", "restart"]),
    (40, 5, ["free_disk"]),
    (95, 5, ["close_programs", "restart", "free_disk"]),
    (40, 60, ["restart", "update", "ask_help"]),
])
def test_a_slow_computer_gets_the_advice_its_gauges_call_for(memory, disk, advice):
    assert slow_computer_advice(memory, disk) == advice


def test_energy_is_power_times_time_and_the_shipped_devices_match_their_sources():
    assert watt_hours(10, 1.5) == 15 and watt_hours(40, 0) == 0
    assert yearly_kwh(1000, 1) == 365
    assert yearly_cost(1000, 1, 0.2) == pytest.approx(73)
    devices = {d["id"]: d for d in facts("energy")["devices"]}
    assert 80 <= yearly_kwh(devices["box"]["watts"], devices["box"]["hours"]) <= 130  # ADEME ≈ 97
    assert 30 <= yearly_kwh(devices["laptop"]["watts"], devices["laptop"]["hours"]) <= 60  # ≈ 44
    assert watt_hours(devices["phone"]["watts"], devices["phone"]["hours"]) == 15


def test_keeping_a_phone_longer_shrinks_each_years_share_and_making_it_is_most_of_it():
    phone = facts("energy")["phone_footprint"]
    making, using = phone["manufacturing_kg"], phone["usage_kg_per_year"]
    per_year = [footprint_per_year(making, using, years) for years in (2, 3, 4, 5)]
    assert per_year == sorted(per_year, reverse=True)
    assert per_year[0] == 23 and per_year[2] == 13
    assert 0.75 <= manufacturing_share(making, using, 3) <= 0.9  # ADEME/Arcep: about 80 %
    with pytest.raises(ValueError):
        footprint_per_year(making, using, 0)


def test_every_text_the_widgets_look_up_by_id_exists_in_both_languages():
    catalogue = load_all()
    keys = [f"machine.device_{d['id']}" for d in facts("energy")["devices"]]
    keys += [f"machine.app_{a['id']}" for a in facts("memory")["apps"]]
    keys += [f"machine.circuit_{gate}" for gate in GATES] + [f"machine.part_{p}" for p in PARTS]
    keys += [f"machine.advice_{k}" for m, d in ((95, 5), (40, 60))
             for k in slow_computer_advice(m, d)]
    keys += [f"machine.{k}_{op}" for k in ("line", "step") for op in ("read", "add", "show")]
    assert sorted(k for k in keys if k not in catalogue) == []
    assert all(len(catalogue["machine.chips_ticks"][lang].split("|")) == 8 for lang in ("fr", "en"))


def test_numbers_are_written_the_way_learners_write_them():
    assert number_text(0.5, "fr") == "0,5" and number_text(0.5, "en") == "0.5"
    assert number_text(105.12, "fr") == "105,1" and number_text(2880.0, "en") == "2880"


def status(box) -> str:
    return " ".join(child.value for child in box.children if hasattr(child, "value")
                    and isinstance(child.value, str))


def test_the_lamp_lights_only_when_the_circuit_lets_the_current_through():
    box = lamp_circuit("fr")
    (series, parallel, fridge), switches = box.children[1].children, box.children[2].children
    assert series.button_style == "primary" and "La lampe est éteinte." in status(box)
    switches[0].value = True
    assert "La lampe est éteinte." in status(box) and switches[0].description == "A : allumé"
    switches[1].value = True
    assert "La lampe est allumée." in status(box) and "#ffd43b" in box.children[3].value
    switches[0].value = False
    parallel.click()
    assert "La lampe est allumée." in status(box) and parallel.button_style == "primary"
    fridge.click()
    assert switches[1].disabled and "La lampe est allumée." in status(box)
    switches[0].value = True
    assert "La lampe est éteinte." in status(box) and "appuyer sur le bouton" in status(box)
    assert "The lamp is on." in circuit_svg("and", 1, 1, "en")


def test_the_toy_computer_widget_walks_the_numbers_to_the_screen():
    box = toy_computer("en", 5, 7)
    view = box.children[3]
    next_step, restart = box.children[2].children
    for _ in range(3):
        next_step.click()
    assert "5 + 7 = 12" in view.value and "total = 12" in view.value
    next_step.click()
    assert "sends 12 to the screen" in view.value
    next_step.click()
    assert "Program finished!" in view.value
    box.children[1].children[0].value = 20  # typing another number starts again
    assert "Step 0 of 4" in view.value and "20 7" in view.value
    next_step.click()
    restart.click()
    assert "Step 0 of 4" in view.value


def test_opening_too_many_programs_fills_the_desk():
    box = memory_caretaker("fr")
    toggles = [*box.children[0].children, *box.children[1].children]
    assert "Tout tient sur le bureau" in box.children[2].value
    for button in toggles[:3]:  # browser 2 + video call 1 + word processor 0.5 + system 2
        button.value = True
    assert "5,5 Go" in box.children[2].value and "Tout tient" in box.children[2].value
    toggles[3].value = True  # + photo editor 2 = 7.5
    toggles[4].value = True  # + game 3 = 10.5
    assert "pose 2,5 Go dans le placard" in box.children[2].value


def test_the_slow_computer_helper_follows_its_gauges():
    box = slow_computer_helper("en", memory_used=40, disk_free=60)
    assert "Let the updates finish" in box.children[2].value
    box.children[1].value = 3
    assert "Make room on the disk" in box.children[2].value
    assert "Close the programs" not in box.children[2].value


def test_the_energy_calculator_gives_watt_hours_and_euros():
    box = energy_calculator("fr")
    choice, hours, out = box.children
    assert "Par jour : 15 Wh" in out.value
    choice.value = "box"
    assert hours.value == 24 and "Par an : 105,1 kWh" in out.value and "21 €" in out.value
    hours.value = 12
    assert "Par jour : 144 Wh" in out.value


def test_pictures_show_the_shipped_numbers_with_labels_in_the_learners_language():
    chips = transistor_chart("en")
    ax = chips.axes[0]
    years, counts = ax.lines[0].get_data()
    assert len(years) == 8 and counts[0] == 2300 and math.log10(counts[-1]) > 10
    assert [label.get_text() for label in ax.get_yticklabels()][-1] == "10 billion"
    fig = footprint_chart("fr")
    ax = fig.axes[0]
    tops = [bar.get_height() + bar.get_y() for bar in ax.patches[4:]]
    assert tops == sorted(tops, reverse=True) and tops[0] == 23
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["2 ans", "3 ans", "4 ans",
                                                                 "5 ans"]
    assert any(text.get_text() == "87 %" for text in ax.texts)
