"""Files and folders for "Premiers pas / First steps": paths, names, extensions, a file tree.

Standard library only, no widgets: the module, its exercise, the activities and a later in-browser
app share one tested truth. The learner's folders live in memory (`FileTree`), so nothing they
create, move or lose during a workshop ever touches the real disk. The keyboard, mouse and saving
practice is in `first_steps_practice`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .i18n import t

SEPARATOR = "/"
FORBIDDEN = '/\\:*?"<>|'  # characters Windows refuses in a name: the strictest rule wins
# What an extension says about a file: one plain word per family, told in the learner's language.
KINDS = {
    "pdf": "pdf", "doc": "text", "docx": "text", "odt": "text", "txt": "text",
    "jpg": "image", "jpeg": "image", "png": "image", "gif": "image", "heic": "image",
    "mp3": "sound", "wav": "sound", "ogg": "sound", "mp4": "video", "mov": "video",
    "avi": "video", "xlsx": "table", "ods": "table", "csv": "table", "zip": "archive",
    "exe": "program", "msi": "program", "ipynb": "notebook",
}
# The home folder of the workshop's imaginary learner; names are catalogue keys, None is a file.
SAMPLE: dict[str, Any] = {
    "desktop": {},
    "documents": {"cv": None, "letter": None},
    "pictures": {"grandma": None, "birthday": None},
    "music": {"song": None},
    "downloads": {"water_bill": None, "benefits": None, "phone_photo": None, "recipe": None},
}


# --- paths and names ---------------------------------------------------------------------------

def join_path(*names: str) -> str:
    """The address of a file: its folders, biggest first, then its name, glued with "/"."""
    return SEPARATOR.join(part for name in names for part in split_path(name))


def split_path(path: str) -> list[str]:
    """The names along a path, biggest folder first: empty pieces ("a//b", "/a/") are dropped."""
    return [part for part in path.split(SEPARATOR) if part]


def split_name(name: str) -> tuple[str, str]:
    """("photo-mamie", "jpg") for "photo-mamie.jpg": the extension follows the *last* dot, so
    "facture.pdf.exe" is a program. A name with no dot, or only a leading one, has none."""
    stem, dot, ext = name.rpartition(".")
    return (stem, ext) if dot and stem and ext else (name, "")


def extension(name: str) -> str:
    """The extension of a file name, in small letters ("JPG" and "jpg" are the same kind)."""
    return split_name(name)[1].lower()


def file_kind(name: str, lang: str) -> str:
    """What kind of file a name announces, in a few plain words ("une image (photo, dessin)")."""
    return t(f"first_steps.kind.{KINDS.get(extension(name), 'unknown')}", lang)


def count_with_extension(names: list[str], ext: str) -> int:
    """How many names end with this extension ("pdf" or ".pdf", any case)."""
    wanted = ext.lower().lstrip(".")
    return sum(extension(name) == wanted for name in names)


# --- a file tree in memory ---------------------------------------------------------------------

class TreeError(ValueError):
    """A step the learner cannot take in the file tree, told in a sentence that says why."""


@dataclass
class FileTree:
    """Folders (dicts) holding files (None) and folders, under a home folder called `name`."""

    name: str
    lang: str = "fr"
    root: dict[str, Any] = field(default_factory=dict)

    def _error(self, key: str, **fields: object) -> TreeError:
        return TreeError(t(f"first_steps.tree.{key}", self.lang, **fields))

    def _folder(self, path: str) -> dict[str, Any]:
        folder = self.root
        for part in split_path(path):
            if not isinstance(folder.get(part), dict):
                raise self._error("no_folder", path=path)
            folder = folder[part]
        return folder

    def _parent(self, path: str) -> tuple[dict[str, Any], str]:
        parts = split_path(path)
        if not parts:
            raise self._error("empty_name")
        return self._folder(join_path(*parts[:-1])), parts[-1]

    def is_folder(self, path: str) -> bool:
        try:
            self._folder(path)
        except TreeError:
            return False
        return True

    def exists(self, path: str) -> bool:
        try:
            parent, name = self._parent(path)
        except TreeError:
            return False
        return name in parent

    def folders(self, path: str = "") -> list[str]:
        """Sub-folders of a folder, sorted as a file explorer shows them."""
        return sorted((n for n, v in self._folder(path).items() if isinstance(v, dict)),
                      key=str.casefold)

    def files(self, path: str = "") -> list[str]:
        return sorted((n for n, v in self._folder(path).items() if v is None), key=str.casefold)

    def _new(self, path: str, name: str | None, value: dict[str, Any] | None) -> str:
        if name is None:
            parts = split_path(path) or [""]
            path, name = join_path(*parts[:-1]), parts[-1]
        parent = self._folder(path)
        bad = sorted({ch for ch in name if ch in FORBIDDEN})
        if not name.strip():
            raise self._error("empty_name")
        if bad:
            raise self._error("bad_name", name=name, chars=" ".join(bad))
        if name in parent:
            raise self._error("taken", name=name)
        parent[name] = value
        return join_path(path, name)

    def make_folder(self, path: str, name: str | None = None) -> str:
        """Create an empty folder at `path` ("Documents/Factures"), or called `name` inside the
        folder `path` when the name comes as typed (a "/" in it is then refused, not followed).
        Its parent must exist, as in a real file explorer. Returns its path."""
        return self._new(path, name, {})

    def add_file(self, path: str, name: str | None = None) -> str:
        return self._new(path, name, None)

    def move(self, path: str, folder: str) -> str:
        """Put a file or folder into another folder; returns its new path."""
        parent, name = self._parent(path)
        if name not in parent:
            raise self._error("missing", path=path)
        target = self._folder(folder)
        if split_path(folder)[:len(split_path(path))] == split_path(path):
            raise self._error("into_itself", name=name)
        if target is parent:
            raise self._error("already_there", name=name)
        if name in target:
            raise self._error("taken", name=name)
        target[name] = parent.pop(name)
        return join_path(folder, name)

    def walk(self, path: str = "", depth: int = 0) -> Iterator[tuple[int, str, bool]]:
        """(depth, path, is a folder) for everything under `path`, folders first, as drawn."""
        for name in self.folders(path):
            yield depth, join_path(path, name), True
            yield from self.walk(join_path(path, name), depth + 1)
        for name in self.files(path):
            yield depth, join_path(path, name), False

    def find(self, word: str) -> list[str]:
        """Paths of the files whose name holds `word`, whatever the capitals and accents."""
        wanted = plain(word)
        return [path for _, path, is_dir in self.walk()
                if not is_dir and wanted in plain(split_path(path)[-1])]

    def lines(self) -> list[str]:
        """The tree as text, like the `tree` command: one line per folder or file."""
        out = [f"📁 {self.name}"]

        def branch(path: str, rails: str) -> None:
            entries = [(n, True) for n in self.folders(path)] + [(n, False)
                                                                  for n in self.files(path)]
            for i, (name, is_dir) in enumerate(entries):
                last = i == len(entries) - 1
                out.append(f"{rails}{'└── ' if last else '├── '}{'📁' if is_dir else '📄'} {name}")
                if is_dir:
                    branch(join_path(path, name), rails + ("    " if last else "│   "))

        branch("", "")
        return out


def plain(text: str) -> str:
    """`text` without capitals or accents: how a search box compares names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def sample_tree(lang: str) -> FileTree:
    """A fresh copy of Marie's folders, named in the learner's language."""
    def build(spec: dict[str, Any]) -> dict[str, Any]:
        return {t(f"first_steps.sample.{key}", lang): None if sub is None else build(sub)
                for key, sub in spec.items()}
    return FileTree(t("first_steps.sample.home", lang), lang, build(SAMPLE))
