"""Build every report of a course into one folder, from plain records.

    out/index.html              group overview (trainer's language, learners by label)
    out/competences.csv         one row per learner and competence
    out/learners/<id>.html/.pdf each learner's report, in their language, named by learner id
    out/badges/<id>/...         Open Badges, when a badge writer is given

Every file is written to a temporary file in its folder and then renamed over the old one, so
a build that fails half way (disk full, a bad record, Ctrl+C) leaves each report either as it
was or complete, never cut off. Learner files are rendered in a pool of processes when there are
many (PDFs dominate the time), which keeps a 300-learner course well under ten seconds on two
cores; the output is the same either way.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..frameworks import frameworks
from ..i18n import t
from .csv_export import competences_csv
from .data import AssignmentInfo, CellResult, ModuleInfo
from .group import Label, cell_stats, group_html
from .learner_page import learner_html, learner_view
from .learner_pdf import learner_pdf
from .profile import LearnerProfile, learner_profiles

BadgeWriter = Callable[[str, str, int, str, Path], Path]
POOL_FROM = 40  # fewer learners than this: starting processes costs more than it saves


@dataclass(frozen=True)
class ReportSummary:
    out: Path
    index: Path
    csv: Path
    learners: int
    learner_files: tuple[Path, ...]  # .html and .pdf of every learner, in learner order
    badges: tuple[Path, ...]
    levels_reached: int  # (learner, competence) pairs with a level


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        os.chmod(tmp, 0o644)  # mkstemp makes files private; reports are meant to be opened
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def check_learner_id(learner: str) -> str:
    """A learner id usable as a file name, or an error saying why it is not."""
    if not learner or learner.startswith(".") or any(c in learner for c in "/\\\0"):
        raise ValueError(t("report.bad_learner_id", None, learner=learner))
    return learner


def _learner_files(profile: LearnerProfile, threshold: float, folder: Path,
                   created: datetime | None) -> tuple[Path, Path]:
    view = learner_view(profile, threshold)
    html = write_atomic(folder / f"{profile.learner}.html", learner_html(view))
    pdf = write_atomic(folder / f"{profile.learner}.pdf", learner_pdf(view, created))
    return html, pdf


def _learner_batch(profiles: list[LearnerProfile], threshold: float, folder: Path,
                   created: datetime | None) -> list[tuple[Path, Path]]:
    """One worker's share (batches, not single learners: fewer round trips between processes)."""
    return [_learner_files(p, threshold, folder, created) for p in profiles]


def _render_learners(profiles: list[LearnerProfile], threshold: float, folder: Path,
                     created: datetime | None, jobs: int | None) -> list[tuple[Path, Path]]:
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(profiles) < POOL_FROM:
        return _learner_batch(profiles, threshold, folder, created)
    batches = [profiles[i::jobs] for i in range(jobs)]
    with ProcessPoolExecutor(jobs) as pool:
        done = pool.map(_learner_batch, batches, [threshold] * jobs, [folder] * jobs,
                        [created] * jobs)
        by_learner = {html.stem: (html, pdf) for batch in done for html, pdf in batch}
    return [by_learner[p.learner] for p in profiles]


def build_reports(
    *,
    results: Iterable[CellResult],
    assignments: Mapping[str, AssignmentInfo] | Iterable[AssignmentInfo],
    modules: Sequence[ModuleInfo],
    out: Path,
    framework: str = "digcomp",
    threshold: float = 0.7,
    label: Label = None,
    default_lang: str = "fr",
    badge_writer: BadgeWriter | None = None,
    lang: str | None = None,
    created: datetime | None = None,
    jobs: int | None = None,
) -> ReportSummary:
    """Write every report of a course into `out` and say what was written.

    `label` names learners in the group overview and the CSV (pseudonyms, normally); learner
    files are named by learner id because each is handed to that learner. `lang` is the
    trainer's language for the overview (default: `default_lang`, which is also the language of
    a learner whose exercises do not settle it). `created` dates the PDFs; without it the output
    depends only on the grades. `jobs` caps the processes rendering learner files.
    """
    if framework not in frameworks():
        raise ValueError(t("settings.bad_value", None, name="framework", value=framework,
                           allowed=", ".join(frameworks())))
    if not isinstance(assignments, Mapping):
        assignments = {a.id: a for a in assignments}
    rows = list(results)
    profiles = learner_profiles(rows, assignments, modules, framework=framework,
                                threshold=threshold, default_lang=default_lang)
    for learner in profiles:
        check_learner_id(learner)
    overview = group_html(profiles, cell_stats(rows, assignments), assignments,
                          framework=framework, threshold=threshold, lang=lang or default_lang,
                          label=label)
    index = write_atomic(out / "index.html", overview)
    csv = write_atomic(out / "competences.csv", competences_csv(profiles, label))
    files = _render_learners(list(profiles.values()), threshold, out / "learners", created, jobs)
    badges = []
    reached = [(p, qid, found.level) for p in profiles.values()
               for qid, found in p.levels.items() if found.level is not None]
    if badge_writer is not None:
        for profile, qid, level in reached:
            folder = out / "badges" / profile.learner
            folder.mkdir(parents=True, exist_ok=True)
            badges.append(badge_writer(profile.learner, qid, level, profile.lang, folder))
    return ReportSummary(out=out, index=index, csv=csv, learners=len(profiles),
                         learner_files=tuple(f for pair in files for f in pair),
                         badges=tuple(badges), levels_reached=len(reached))
