"""Keep the French and English versions of each module and exercise in step.

A module exists as two notebooks, one per language, sharing ``metadata.tremplin.id``. Their code
must be the same (only the text inside strings and comments may differ), their graded cells the
same grade ids and points, their competence tags and durations the same: the English version is
a translation, never a different lesson. Apps are one notebook speaking both languages.
"""

from __future__ import annotations

import io
import tokenize
from collections import defaultdict
from pathlib import Path
from typing import Any

import nbformat

from .i18n import LANGUAGES, t
from .metadata import KEY, Problem
from .paths import relative_name

SHARED_META = ("kind", "duration", "audience", "level", "competences")
_MASKED = {tokenize.STRING, tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE}
_MASKED |= {getattr(tokenize, n) for n in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
            if hasattr(tokenize, n)}


def code_shape(source: str) -> list[str]:
    """The code with its strings and comments blanked out: what must match across languages."""
    try:
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        return [tok.string if tok.type not in _MASKED else "…" for tok in tokens]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return source.split()


def _cell_signature(cell: Any) -> tuple:
    grader = cell.get("metadata", {}).get("nbgrader", {})
    keys = ("grade_id", "grade", "solution", "locked", "points", "task")
    return (cell.cell_type, tuple(grader.get(k) for k in keys), cell.get("metadata", {}).get(KEY))


def compare_pair(fr_nb: Any, en_nb: Any, fr_name: str, en_name: str) -> list[Problem]:
    """Where the English notebook `en_nb` has drifted from the French `fr_nb`."""
    out: list[Problem] = []
    fr_meta, en_meta = fr_nb.metadata.get(KEY, {}), en_nb.metadata.get(KEY, {})
    for key in SHARED_META:
        if fr_meta.get(key) != en_meta.get(key):
            out.append(Problem(en_name, "notebook", t("pair.meta_differs", key=key, other=fr_name)))
    if len(fr_nb.cells) != len(en_nb.cells):
        out.append(Problem(en_name, "notebook", t("pair.cell_count", mine=len(en_nb.cells),
                                                  theirs=len(fr_nb.cells), other=fr_name)))
    for number, (fr_cell, en_cell) in enumerate(zip(fr_nb.cells, en_nb.cells, strict=False), 1):
        if _cell_signature(fr_cell) != _cell_signature(en_cell):
            out.append(Problem(en_name, str(number), t("pair.cell_differs", other=fr_name)))
        elif fr_cell.cell_type == "code" and code_shape(fr_cell.source) != code_shape(
                en_cell.source):
            out.append(Problem(en_name, str(number), t("pair.code_differs", other=fr_name)))
        elif not en_cell.source.strip() or not fr_cell.source.strip():
            out.append(Problem(en_name, str(number), t("pair.empty_cell", other=fr_name)))
    return out


def check_pairs(paths: list[Path], root: Path) -> list[Problem]:
    """Group notebooks by (kind, id) and check that each lesson exists in step in both languages."""
    groups: dict[tuple[str, str], dict[str, tuple[str, Any]]] = defaultdict(dict)
    out: list[Problem] = []
    for path in paths:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # reported by the metadata check; nothing to pair
            continue
        meta = nb.metadata.get(KEY, {})
        if meta.get("kind") in ("module", "exercise") and meta.get("lang") in LANGUAGES:
            name = relative_name(path, root)
            lang_group = groups[(meta["kind"], str(meta.get("id")))]
            if meta["lang"] in lang_group:
                out.append(Problem(name, "notebook", t("pair.twice", language=meta["lang"],
                                                       other=lang_group[meta["lang"]][0])))
            lang_group[meta["lang"]] = (name, nb)
    for (_kind, lesson), versions in sorted(groups.items()):
        missing = [lang for lang in LANGUAGES if lang not in versions]
        if missing:
            name = next(iter(versions.values()))[0]
            out.append(Problem(name, "notebook", t("pair.missing", id=lesson,
                                                   langs=", ".join(missing))))
            continue
        (fr_name, fr_nb), (en_name, en_nb) = versions["fr"], versions["en"]
        out += compare_pair(fr_nb, en_nb, fr_name, en_name)
    return out
