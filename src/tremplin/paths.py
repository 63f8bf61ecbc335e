"""Where the kit's content lives, so every command finds it from any working folder."""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_DIRS = ("modules", "exercises", "voila_apps")


def kit_root() -> Path:
    """The kit's folder: TREMPLIN_ROOT, else the nearest parent of the working folder holding
    the content folders, else the checkout this package was installed from (editable install)."""
    if os.environ.get("TREMPLIN_ROOT"):
        return Path(os.environ["TREMPLIN_ROOT"]).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if all((folder / name).is_dir() for name in CONTENT_DIRS):
            return folder
    return Path(__file__).resolve().parents[2]


def relative_name(path: Path, root: Path) -> str:
    """How messages name a file: relative to the kit when inside it, else as given."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def content_notebooks(root: Path) -> list[Path]:
    """Every committed notebook of the kit (checkpoints excluded), in a stable order."""
    found = []
    for name in CONTENT_DIRS:
        found += [p for p in (root / name).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
    return sorted(found)
