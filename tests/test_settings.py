"""Typed settings: a default and a description each, read from tremplin.toml and the environment."""

from __future__ import annotations

import os

import pytest
from conftest import tremplin
from helpers import ROOT

from tremplin.settings import Settings, load_settings, reference


def test_defaults_are_digcomp_and_french(tmp_path):
    assert load_settings(tmp_path) == Settings(framework="digcomp", language="fr")


def test_the_file_then_the_environment_choose(tmp_path, monkeypatch):
    (tmp_path / "tremplin.toml").write_text('[tremplin]\nframework = "crcn"\n', encoding="utf-8")
    assert load_settings(tmp_path).framework == "crcn"
    monkeypatch.setenv("TREMPLIN_FRAMEWORK", "digcomp")
    monkeypatch.setenv("TREMPLIN_LANGUAGE", "en")
    assert load_settings(tmp_path) == Settings(framework="digcomp", language="en")


@pytest.mark.parametrize(("toml", "words"), [
    ('[tremplin]\nframework = "pix"\n', ["framework", "pix", "digcomp", "crcn"]),
    ('[tremplin]\ncolour = "blue"\n', ["colour"]),
    ("[tremplin\n", ["tremplin.toml"]),
])
def test_a_wrong_settings_file_says_what_is_wrong(tmp_path, toml, words):
    (tmp_path / "tremplin.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_settings(tmp_path)
    assert all(word in str(err.value) for word in words), str(err.value)


def test_every_setting_has_a_description_in_both_languages():
    for lang in ("fr", "en"):
        rows = reference(lang)
        assert [name for name, _, _ in rows] == ["framework", "language", "mastery_threshold"]
        assert all(description.strip() for _, _, description in rows)
    assert reference("fr")[0][2] != reference("en")[0][2]


def test_tremplin_settings_prints_values_defaults_and_descriptions():
    result = tremplin("settings", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "framework = digcomp" in result.stdout and "Competence framework" in result.stdout


def test_a_bad_setting_in_the_environment_stops_the_cli_with_a_french_message(tmp_path):
    env = dict(os.environ, TREMPLIN_FRAMEWORK="pix", TREMPLIN_ROOT=str(ROOT))
    result = tremplin("frameworks", env=env)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Erreur : le réglage framework vaut « pix » ; valeurs possibles : digcomp, crcn")


def test_the_readme_documents_every_setting_in_both_languages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lang in ("fr", "en"):
        for name, default, description in reference(lang):
            assert f"| `{name}` | `{default}` | {description} |" in readme, (lang, name)


def test_the_mastery_threshold_is_read_as_a_number_and_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("TREMPLIN_MASTERY_THRESHOLD", "0,8")
    assert load_settings(tmp_path).mastery_threshold == 0.8
    monkeypatch.setenv("TREMPLIN_MASTERY_THRESHOLD", "1.5")
    with pytest.raises(ValueError, match="mastery_threshold"):
        load_settings(tmp_path)
    monkeypatch.setenv("TREMPLIN_MASTERY_THRESHOLD", "beaucoup")
    with pytest.raises(ValueError, match="beaucoup"):
        load_settings(tmp_path)
