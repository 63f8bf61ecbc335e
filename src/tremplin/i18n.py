"""French and English texts, kept as data so that no learner-facing string lives only in code.

French is the kit's first language, English its second. Every message exists in both: the
catalogue is checked on load, so a message missing one language is an error at start, not a
blank label in front of a learner.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
DATA = Path(__file__).parent / "data"


class CatalogueError(ValueError):
    """A message catalogue is malformed; the text says which file and which key."""


def normalise_lang(value: str | None) -> str:
    """Map 'en_GB.UTF-8', 'EN', 'fr-FR' and the like to one of LANGUAGES (French if unknown)."""
    code = (value or "").strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def user_lang() -> str:
    """The language of the person at the keyboard: TREMPLIN_LANG, then the system's LANG."""
    return normalise_lang(os.environ.get("TREMPLIN_LANGUAGE") or os.environ.get("LANG"))


def load_catalogue(path: Path) -> dict[str, dict[str, str]]:
    """Read a YAML catalogue of `key: {fr: ..., en: ...}` and insist on both languages."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogueError(f"{path.name}: expected a mapping of message keys")
    for key, texts in raw.items():
        if not isinstance(texts, dict):
            raise CatalogueError(f"{path.name}: {key}: expected {{fr: ..., en: ...}}")
        missing = [lang for lang in LANGUAGES if not str(texts.get(lang) or "").strip()]
        if missing:
            raise CatalogueError(f"{path.name}: {key}: missing text for {', '.join(missing)}")
    return raw


def catalogue_files(data: Path = DATA) -> list[Path]:
    """`messages.yaml` plus one `messages-<area>.yaml` per part of the kit (grading, reports…)."""
    return [data / "messages.yaml", *sorted(data.glob("messages-*.yaml"))]


def load_all(data: Path = DATA) -> dict[str, dict[str, str]]:
    """Every catalogue file merged; a key defined in two files is an error naming both."""
    merged: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    for path in catalogue_files(data):
        for key, texts in load_catalogue(path).items():
            if key in merged:
                raise CatalogueError(f"{path.name}: {key}: already defined in {origin[key]}")
            merged[key], origin[key] = texts, path.name
    return merged


@cache
def _messages() -> dict[str, dict[str, str]]:
    return load_all()


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The message `key` in `lang` (default: the user's), with `{name}` fields filled in."""
    texts = _messages()[key]
    return texts[normalise_lang(lang) if lang else user_lang()].format(**params)


def pick(texts: dict[str, str], lang: str | None = None) -> str:
    """One language out of a `{fr: ..., en: ...}` mapping found in data files."""
    return texts[normalise_lang(lang) if lang else user_lang()]
