"""Competence frameworks (DigComp 2.2, CRCN) and the crosswalk between them, loaded from YAML.

The frameworks are data, not code, so that a trainer can read them and a new edition is a file
to add. Loading validates every entry and names the file and the entry when something is wrong,
because the person fixing a framework file is an author, not a programmer.
Competences are referred to everywhere by qualified ids such as ``digcomp:3.4`` or ``crcn:1.2``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .i18n import DATA, LANGUAGES, pick, t

FRAMEWORK_FILES = ("digcomp.yaml", "crcn.yaml")
CROSSWALK_FILE = "crosswalk.yaml"


class FrameworkError(ValueError):
    """A framework file is wrong; the message names the file, the entry and what to fix."""


@dataclass(frozen=True)
class Competence:
    id: str
    area: str
    title: dict[str, str]


@dataclass(frozen=True)
class Band:
    id: str
    levels: tuple[int, ...]
    title: dict[str, str]


@dataclass(frozen=True)
class Framework:
    id: str
    name: dict[str, str]
    version: str
    source: str
    licence: str
    levels: int
    bands: tuple[Band, ...]
    areas: dict[str, dict[str, str]]
    competences: dict[str, Competence]

    def band_of(self, level: int) -> Band:
        """The proficiency band (e.g. Foundation) that a level 1–8 belongs to."""
        for band in self.bands:
            if level in band.levels:
                return band
        raise ValueError(t("framework.level_out_of_range", level=level, levels=self.levels))

    def title(self, competence_id: str, lang: str | None = None) -> str:
        return pick(self.competences[competence_id].title, lang)


def _texts(value: Any, where: str, file: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise FrameworkError(t("framework.bad_texts", file=file, where=where))
    for lang in LANGUAGES:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            raise FrameworkError(t("framework.missing_lang", file=file, where=where, language=lang))
    return {lang: value[lang] for lang in LANGUAGES}


def _id(value: Any, where: str, file: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FrameworkError(t("framework.bad_id", file=file, where=where, value=value))
    return value


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FrameworkError(t("framework.missing_file", file=str(path))) from exc
    except yaml.YAMLError as exc:
        raise FrameworkError(t("framework.bad_yaml", file=path.name, error=exc)) from exc
    if not isinstance(raw, dict):
        raise FrameworkError(t("framework.not_mapping", file=path.name))
    return raw


def _require(raw: dict[str, Any], key: str, where: str, file: str) -> Any:
    if key not in raw:
        raise FrameworkError(t("framework.missing_key", file=file, where=where, key=key))
    return raw[key]


def load_framework(path: Path) -> Framework:
    """Read and validate one framework file."""
    file = path.name
    raw = _read_yaml(path)
    fid = _id(_require(raw, "id", "id", file), "id", file)
    levels = _require(raw, "levels", "levels", file)
    bands: list[Band] = []
    for i, band in enumerate(_require(raw, "bands", "bands", file)):
        where = f"bands[{i}]"
        band_levels = tuple(_require(band, "levels", where, file))
        if not all(isinstance(x, int) and 1 <= x <= levels for x in band_levels):
            raise FrameworkError(t("framework.bad_band", file=file, where=where, levels=levels))
        title = _texts(_require(band, "title", where, file), f"{where}.title", file)
        bands.append(Band(_id(band.get("id"), where, file), band_levels, title))
    covered = sorted(x for band in bands for x in band.levels)
    if covered != list(range(1, levels + 1)):
        raise FrameworkError(t("framework.bands_gap", file=file, levels=levels))
    areas: dict[str, dict[str, str]] = {}
    competences: dict[str, Competence] = {}
    for i, area in enumerate(_require(raw, "areas", "areas", file)):
        aid = _id(_require(area, "id", f"areas[{i}]", file), f"areas[{i}]", file)
        areas[aid] = _texts(_require(area, "title", f"area {aid}", file), f"area {aid}", file)
        for j, comp in enumerate(_require(area, "competences", f"area {aid}", file)):
            cid = _id(comp.get("id"), f"area {aid}, competences[{j}]", file)
            where = f"competence {cid}"
            if cid in competences:
                raise FrameworkError(t("framework.duplicate", file=file, where=where))
            if not cid.startswith(aid + "."):
                raise FrameworkError(t("framework.wrong_area", file=file, where=where, area=aid))
            title = _texts(_require(comp, "title", where, file), f"{where}.title", file)
            competences[cid] = Competence(cid, aid, title)
    return Framework(
        id=fid,
        name=_texts(_require(raw, "name", "name", file), "name", file),
        version=str(_require(raw, "version", "version", file)),
        source=str(_require(raw, "source", "source", file)),
        licence=str(_require(raw, "licence", "licence", file)),
        levels=levels,
        bands=tuple(bands),
        areas=areas,
        competences=competences,
    )


def load_crosswalk(path: Path, frameworks: dict[str, Framework]) -> dict[str, tuple[str, ...]]:
    """Read the crosswalk as a map from qualified id to the qualified ids it corresponds to."""
    file = path.name
    raw = _read_yaml(path)
    source = frameworks.get(_require(raw, "from", "from", file))
    target = frameworks.get(_require(raw, "to", "to", file))
    if source is None or target is None:
        known = ", ".join(frameworks)
        raise FrameworkError(t("framework.crosswalk_unknown", file=file, known=known))
    links: dict[str, tuple[str, ...]] = {}
    for i, link in enumerate(_require(raw, "links", "links", file)):
        frm = str(link.get("from"))
        where = f"links[{i}] ({frm})"
        if frm not in source.competences:
            raise FrameworkError(t("framework.unknown_competence", file=file, where=where,
                                   id=frm, framework=source.id))
        for to in link.get("to") or []:
            if to not in target.competences:
                raise FrameworkError(t("framework.unknown_competence", file=file, where=where,
                                       id=to, framework=target.id))
        targets = tuple(f"{target.id}:{to}" for to in link["to"])
        links[f"{source.id}:{frm}"] = targets
        for qid in targets:  # the crosswalk reads both ways
            links.setdefault(qid, ())
            links[qid] += (f"{source.id}:{frm}",)
    return links


@cache
def frameworks(data: Path = DATA) -> dict[str, Framework]:
    """All shipped frameworks by id (cached: they are read once per process)."""
    loaded = [load_framework(data / name) for name in FRAMEWORK_FILES]
    return {fw.id: fw for fw in loaded}


@cache
def crosswalk(data: Path = DATA) -> dict[str, tuple[str, ...]]:
    return load_crosswalk(data / CROSSWALK_FILE, frameworks(data))


def resolve(qualified_id: str) -> tuple[Framework, str]:
    """Split ``digcomp:3.4`` into its framework and competence id, or say what to write."""
    fid, sep, cid = qualified_id.partition(":")
    known = frameworks()
    if not sep or fid not in known:
        raise KeyError(t("competence.unqualified", id=qualified_id, known=", ".join(known)))
    if cid not in known[fid].competences:
        raise KeyError(t("competence.unknown", id=cid, framework=pick(known[fid].name)))
    return known[fid], cid


def in_framework(qualified_id: str, framework_id: str) -> tuple[str, ...]:
    """The competence(s) of `framework_id` that a qualified id stands for, via the crosswalk."""
    framework, cid = resolve(qualified_id)
    if framework.id == framework_id:
        return (qualified_id,)
    return tuple(q for q in crosswalk().get(qualified_id, ()) if q.startswith(framework_id + ":"))
