"""Pathways: ordered lists of modules for one audience, kept as data in `modules/pathways.yaml`.

A pathway names modules by their language-neutral id; titles and minutes come from the modules'
own metadata, so a module that grows or is renamed never leaves a pathway out of date. Loading
checks every entry against the kit and says what to fix, in the author's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .curriculum import modules_of_kit
from .i18n import DATA, LANGUAGES, pick, t
from .paths import kit_root
from .reports.data import ModuleInfo

PATHWAYS_FILE = "pathways.yaml"  # in the kit's modules/ folder, beside the modules it lists
AUDIENCES_FILE = DATA / "audiences.yaml"


class PathwayError(ValueError):
    """pathways.yaml cannot be used as it is; the message names the pathway and what to fix."""


@dataclass(frozen=True)
class Pathway:
    id: str
    audience: str
    title: dict[str, str]
    summary: dict[str, str]
    modules: tuple[str, ...]  # module ids, in the order a group takes them


@dataclass(frozen=True)
class Plan:
    """A pathway in one language: its modules with their minutes, and the total."""

    pathway: Pathway
    lang: str
    steps: tuple[ModuleInfo, ...]

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


def _texts(raw: dict[str, Any], key: str, where: str) -> dict[str, str]:
    value = raw.get(key)
    if not isinstance(value, dict) or any(
            not isinstance(value.get(lang), str) or not value[lang].strip() for lang in LANGUAGES):
        raise PathwayError(t("pathways.need_both", where=where, key=key))
    return {lang: value[lang] for lang in LANGUAGES}


def pathways_file(root: Path | None = None) -> Path:
    return (root or kit_root()) / "modules" / PATHWAYS_FILE


def load_pathways(path: Path | None = None, *, known_modules: set[str] | None = None,
                  audiences_file: Path = AUDIENCES_FILE) -> dict[str, Pathway]:
    """Read and check the pathways (default: the kit's); `known_modules` defaults to the
    modules of the kit that exist in both languages (a pathway must work for a French and an
    English group alike)."""
    path = path or pathways_file()
    if known_modules is None:
        known_modules = modules_in_both_languages()
    audiences = set(yaml.safe_load(audiences_file.read_text(encoding="utf-8")))
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PathwayError(t("pathways.missing_file", file=path)) from exc
    except yaml.YAMLError as exc:
        raise PathwayError(t("pathways.bad_yaml", file=path.name, error=exc)) from exc
    if not isinstance(raw, dict) or not raw:
        raise PathwayError(t("pathways.not_mapping", file=path.name))
    found = {}
    for pid, entry in raw.items():
        where = f"{path.name}:{pid}"
        if not isinstance(entry, dict):
            raise PathwayError(t("pathways.not_mapping", file=where))
        audience = entry.get("audience")
        if audience not in audiences:
            raise PathwayError(t("pathways.bad_audience", where=where, value=audience,
                                 known=", ".join(sorted(audiences))))
        modules = entry.get("modules")
        if not isinstance(modules, list) or not modules:
            raise PathwayError(t("pathways.need_modules", where=where))
        for module in modules:
            if module not in known_modules:
                raise PathwayError(t("pathways.unknown_module", where=where, value=module,
                                     known=", ".join(sorted(known_modules))))
        repeated = sorted({m for m in modules if modules.count(m) > 1})
        if repeated:
            raise PathwayError(t("pathways.repeated", where=where, value=", ".join(repeated)))
        found[str(pid)] = Pathway(str(pid), audience, _texts(entry, "title", where),
                                  _texts(entry, "summary", where), tuple(modules))
    return found


def modules_in_both_languages(modules: list[ModuleInfo] | None = None) -> set[str]:
    """Ids of the modules written in every language of the kit."""
    modules = modules_of_kit(kit_root()) if modules is None else modules
    by_lang = {lang: {m.id for m in modules if m.lang == lang} for lang in LANGUAGES}
    return set.intersection(*by_lang.values())


def plan(pathway: Pathway, lang: str, modules: list[ModuleInfo]) -> Plan:
    """The pathway's modules in `lang`, in order, with their titles, files and minutes."""
    index = {m.id: m for m in modules if m.lang == lang}
    return Plan(pathway, lang, tuple(index[mid] for mid in pathway.modules))


def format_minutes(total: int, lang: str) -> str:
    """90 → "1 h 30" (both languages write hours this way on a workshop poster)."""
    hours, rest = divmod(total, 60)
    if not hours:
        return t("pathways.minutes", lang, minutes=rest)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def describe(p: Plan) -> list[str]:
    """The lines `tremplin pathways ID` prints: title, summary, numbered modules, total."""
    lines = [f"{pick(p.pathway.title, p.lang)} ({p.pathway.id})",
             f"  {pick(p.pathway.summary, p.lang)}"]
    for number, step in enumerate(p.steps, 1):
        lines.append(f"  {number}. {step.title} — {format_minutes(step.minutes, p.lang)}"
                     f"  ({step.path})")
    lines.append("  " + t("pathways.total", p.lang, count=len(p.steps),
                          duration=format_minutes(p.minutes, p.lang)))
    return lines
