"""Every text exists in French and English, with the same fields to fill in."""

from __future__ import annotations

import re
import string

import pytest
from helpers import ROOT

from tremplin.i18n import CatalogueError, load_all, load_catalogue, normalise_lang, t

SOURCES = list((ROOT / "src" / "tremplin").rglob("*.py"))


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_the_same_fields_in_both_languages():
    catalogue = load_all()
    assert len(catalogue) > 50
    for key, texts in catalogue.items():
        assert fields(texts["fr"]) == fields(texts["en"]), key


def test_every_message_the_code_asks_for_exists():
    catalogue = load_all()
    asked = set()
    for path in SOURCES:
        asked |= set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text()))
    assert asked, "the scan found the t(...) calls"
    assert sorted(asked - set(catalogue)) == []


def test_messages_come_in_the_language_asked():
    assert t("cli.lab", "fr").startswith("Ouvrir JupyterLab")
    assert t("cli.lab", "en").startswith("Open JupyterLab")
    assert t("meta.bad_level", "en", value=9) != t("meta.bad_level", "fr", value=9)


@pytest.mark.parametrize(("value", "expected"), [
    ("fr_FR.UTF-8", "fr"), ("en_GB.UTF-8", "en"), ("EN", "en"), ("fr-CA", "fr"),
    ("de_DE", "fr"), (None, "fr"), ("", "fr"),
])
def test_system_languages_map_to_the_kits_two(value, expected):
    assert normalise_lang(value) == expected


def test_a_catalogue_missing_english_names_the_key(tmp_path):
    path = tmp_path / "messages.yaml"
    path.write_text('hello: {fr: "Bonjour"}\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="hello"):
        load_catalogue(path)


def test_a_key_defined_in_two_catalogue_files_names_both(tmp_path):
    (tmp_path / "messages.yaml").write_text('hello: {fr: "Bonjour", en: "Hello"}\n')
    (tmp_path / "messages-extra.yaml").write_text('hello: {fr: "Salut", en: "Hi"}\n')
    with pytest.raises(CatalogueError, match="messages-extra.yaml: hello: already defined in "
                                             "messages.yaml"):
        load_all(tmp_path)
