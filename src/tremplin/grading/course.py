"""An nbgrader course as the kit sees it: its folder, its configuration, its gradebook.

A course is nbgrader's standard layout (`source/ release/ submitted/ autograded/ feedback/`
and `nbgrader_config.py` under one root), so a trainer who knows nbgrader finds nothing unusual
and can use nbgrader's commands and formgrader on it. The kit only adds a hidden `.tremplin/`
folder for what nbgrader has no place for (grading statuses, the pseudonym secret).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

from ..i18n import t
from ..paths import kit_root

CONFIG_FILE = "nbgrader_config.py"
STATE_DIR = ".tremplin"


class CourseError(ValueError):
    """The course cannot be used as it is; the message says what to do."""


@dataclass(frozen=True)
class Course:
    root: Path
    config: Config

    @property
    def coursedir(self) -> CourseDirectory:
        return CourseDirectory(config=self.config)

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    @property
    def course_id(self) -> str:
        return self.coursedir.course_id

    @property
    def state(self) -> Path:
        """The kit's own folder inside the course (created on first use, private)."""
        folder = self.root / STATE_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder

    def folder(self, kind: str, learner: str = ".", assignment: str = "") -> Path:
        """`kind` is source, release, submitted, autograded or feedback, as nbgrader names them."""
        cd = self.coursedir
        name = getattr(cd, f"{kind}_directory")
        return Path(cd.format_path(name, learner, assignment))


def default_course() -> Path:
    """The demo course shipped with the kit (`grading/`)."""
    return kit_root() / "grading"


def open_course(root: Path | None = None) -> Course:
    """Read a course's `nbgrader_config.py`; the gradebook is made ready before it is used."""
    root = (root or default_course()).resolve()
    if not (root / CONFIG_FILE).is_file():
        raise CourseError(t("course.missing", folder=str(root)))
    config = PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config()
    config.CourseDirectory.setdefault("root", str(root))
    course = Course(root, config)
    ensure_gradebook(course)
    return course


def _alembic_on_path() -> None:
    # nbgrader runs `alembic` by bare name when it creates a gradebook: make it findable even
    # when the kit's virtual environment is not activated.
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def _sqlite_path(db_url: str) -> Path | None:
    if not db_url.startswith("sqlite:///"):
        return None
    return Path(db_url.removeprefix("sqlite:///").split("?")[0])


def _half_made(path: Path) -> bool:
    """A gradebook whose creation failed: nbgrader's tables but no alembic version."""
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return bool(tables) and "alembic_version" not in tables


def _has_grades(path: Path) -> bool:
    with sqlite3.connect(path) as db:
        try:
            return db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()[0] > 0
        except sqlite3.Error:
            return False


def _write_ahead(path: Path) -> None:
    """SQLite's write-ahead log: graders writing in parallel no longer block each other's reads,
    which otherwise leaves workers sleeping in SQLite's busy handler. The mode stays in the file."""
    with sqlite3.connect(path) as db:
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")


def ensure_gradebook(course: Course) -> None:
    """Create the gradebook if needed, never leaving (or trusting) a half-made one.

    It is built under a temporary name and moved into place only once complete; a half-made
    file left by an earlier failure is replaced if it holds no grades, and reported otherwise.
    """
    _alembic_on_path()
    path = _sqlite_path(course.db_url)
    if path is None:  # another database server: nbgrader's own checks apply
        Gradebook(course.db_url, course.course_id).close()
        return
    if path.exists() and path.stat().st_size > 0:
        if not _half_made(path):
            _write_ahead(path)
            return
        if _has_grades(path):
            raise CourseError(t("course.half_made_with_grades", file=str(path)))
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    query = course.db_url.partition("?")[2]
    try:
        Gradebook(f"sqlite:///{partial}" + (f"?{query}" if query else ""),
                  course.course_id).close()
    except Exception as exc:
        partial.unlink(missing_ok=True)
        raise CourseError(t("course.gradebook_failed", file=str(path), error=exc)) from exc
    _write_ahead(partial)
    os.replace(partial, path)


def init_course(folder: Path, *, course_id: str, exercises: Path | None = None) -> Course:
    """Make a new course in `folder` with the kit's exercises as its sources, and its gradebook.

    A folder that already holds a course is left alone: a new course never overwrites one.
    """
    folder = folder.resolve()
    if (folder / CONFIG_FILE).exists():
        raise CourseError(t("course.exists", folder=str(folder)))
    exercises = exercises or kit_root() / "exercises"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(exercises, folder / "source", dirs_exist_ok=False,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    text = (Path(__file__).with_name("course_config.py.txt").read_text(encoding="utf-8")
            .replace("{course_id}", course_id))
    tmp = folder / (CONFIG_FILE + ".partial")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, folder / CONFIG_FILE)
    return open_course(folder)
