"""Competence frameworks as data: what ships, and what an author sees when a file is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import tremplin

from tremplin.frameworks import (
    FrameworkError,
    crosswalk,
    frameworks,
    in_framework,
    load_crosswalk,
    load_framework,
    resolve,
)
from tremplin.i18n import DATA


def test_digcomp_has_five_areas_twenty_one_competences_and_four_bands():
    digcomp = frameworks()["digcomp"]
    assert len(digcomp.areas) == 5
    assert sorted(digcomp.competences, key=lambda c: tuple(map(int, c.split(".")))) == [
        "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3",
        "3.4", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4"]
    assert (digcomp.source, digcomp.licence, digcomp.levels) == ("JRC128415", "CC BY 4.0", 8)
    assert [(b.title["en"], b.levels) for b in digcomp.bands] == [
        ("Foundation", (1, 2)), ("Intermediate", (3, 4)), ("Advanced", (5, 6)),
        ("Highly specialised", (7, 8))]
    assert digcomp.title("3.4", "en") == "Programming"
    assert digcomp.title("3.4", "fr") == "Programmer"


def test_crcn_has_five_domains_sixteen_competences_and_its_own_levels():
    crcn = frameworks()["crcn"]
    assert len(crcn.areas) == 5
    assert len(crcn.competences) == 16
    assert min(crcn.competences) == "1.1" and max(crcn.competences) == "5.2"
    assert [(b.title["fr"], b.levels) for b in crcn.bands] == [
        ("Novice", (1, 2)), ("Indépendant", (3, 4)), ("Avancé", (5, 6)), ("Expert", (7, 8))]
    assert "2019-919" in crcn.source
    assert crcn.band_of(4).title["fr"] == "Indépendant"


def test_every_competence_has_a_french_and_an_english_title():
    for fw in frameworks().values():
        for comp in fw.competences.values():
            assert comp.title["fr"].strip() and comp.title["en"].strip(), (fw.id, comp.id)
            assert comp.title["fr"] != comp.title["en"] or fw.id == "crcn"


def test_crosswalk_reads_both_ways():
    links = crosswalk()
    assert "crcn:3.4" in links["digcomp:3.4"]
    assert "digcomp:3.4" in links["crcn:3.4"]
    assert in_framework("digcomp:3.4", "crcn") == ("crcn:3.4",)
    assert in_framework("digcomp:3.4", "digcomp") == ("digcomp:3.4",)
    every_digcomp = {f"digcomp:{c}" for c in frameworks()["digcomp"].competences}
    assert every_digcomp <= set(links), "every DigComp competence maps to the CRCN"


def test_resolve_says_what_to_write_for_an_unqualified_or_unknown_id():
    with pytest.raises(KeyError, match="digcomp:"):
        resolve("3.4")
    with pytest.raises(KeyError, match="9.9"):
        resolve("digcomp:9.9")


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def test_a_competence_missing_its_english_title_names_the_file_and_the_entry(tmp_path):
    data = copy_data(tmp_path)
    path = data / "digcomp.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('en: "Programming"', 'de: "Programmierung"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError) as err:
        load_framework(path)
    message = str(err.value)
    assert "digcomp.yaml" in message and "3.4" in message and "en" in message


def test_a_competence_filed_under_the_wrong_area_is_refused(tmp_path):
    data = copy_data(tmp_path)
    path = data / "crcn.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('id: "5.2"', 'id: "4.9"'),
                    encoding="utf-8")
    with pytest.raises(FrameworkError) as err:
        load_framework(path)
    assert "crcn.yaml" in str(err.value) and "4.9" in str(err.value)


def test_bands_that_leave_a_level_uncovered_are_refused(tmp_path):
    data = copy_data(tmp_path)
    path = data / "digcomp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("levels: [7, 8]", "levels: [7]"),
                    encoding="utf-8")
    with pytest.raises(FrameworkError, match="digcomp.yaml"):
        load_framework(path)


def test_invalid_yaml_names_the_file(tmp_path):
    path = tmp_path / "digcomp.yaml"
    path.write_text("id: digcomp\nareas: [\n", encoding="utf-8")
    with pytest.raises(FrameworkError, match="digcomp.yaml"):
        load_framework(path)


def test_a_crosswalk_link_to_an_unknown_competence_names_the_link(tmp_path):
    data = copy_data(tmp_path)
    path = data / "crosswalk.yaml"
    text = path.read_text(encoding="utf-8").replace(
        '{from: "3.4", to: ["3.4"]', '{from: "3.4", to: ["3.9"]')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError) as err:
        load_crosswalk(path, frameworks())
    assert "crosswalk.yaml" in str(err.value) and "3.9" in str(err.value)


def test_tremplin_frameworks_lists_both_and_marks_the_default():
    result = tremplin("frameworks", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    digcomp = next(line for line in lines if line.startswith("digcomp:"))
    crcn = next(line for line in lines if line.startswith("crcn:"))
    assert "DigComp 2.2" in digcomp and "used for reports" in digcomp
    assert "used for reports" not in crcn
    assert "21" in result.stdout and "16" in result.stdout


def test_tremplin_frameworks_details_one_framework_in_french():
    result = tremplin("frameworks", "crcn", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "crcn:5.2" in result.stdout
    assert "Novice 1–2" in result.stdout
