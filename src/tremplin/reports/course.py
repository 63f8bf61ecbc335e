"""`tremplin report`: a course's reports, from nbgrader's gradebook and the kit's settings.

The glue between grading and reports: grades are read from the gradebook (manual grades
entered in formgrader included), evidence from the source notebooks, the framework and the
mastery threshold from the kit's settings, pseudonyms from the course's secret. Where reports
were written is remembered in the course, so that `tremplin forget` finds them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..curriculum import modules_of_kit
from ..grading.course import Course, open_course
from ..grading.forget import remember_report_dir
from ..grading.results import assignments, cell_results
from ..paths import kit_root
from ..settings import load_settings
from .badges import badge_writer
from .build import ReportSummary, build_reports
from .pseudonyms import course_secret, labeller


def report_course(the_course: Course, out: Path, *, framework: str | None = None,
                  names: bool = False, lang: str | None = None,
                  jobs: int | None = None) -> ReportSummary:
    """Build every report of an open course into `out`."""
    settings = load_settings(kit_root())
    secret = course_secret(the_course.root)
    lang = lang or settings.language
    out.mkdir(parents=True, exist_ok=True)
    remember_report_dir(the_course, out, {"framework": framework, "names": names, "lang": lang})
    writer = badge_writer(issuer_name=the_course.course_id, issuer_id=None,
                          course_id=the_course.course_id, valid_from=datetime.now(UTC),
                          salt_secret=secret, mastery_threshold=settings.mastery_threshold)
    return build_reports(
        results=cell_results(the_course), assignments=assignments(the_course),
        modules=modules_of_kit(kit_root()), out=out,
        framework=framework or settings.framework, threshold=settings.mastery_threshold,
        label=labeller(secret, names, lang), default_lang=settings.language, lang=lang,
        badge_writer=writer, jobs=jobs)


def report(*, course: Path | None = None, out: Path | None = None, framework: str | None = None,
           names: bool = False, lang: str | None = None, jobs: int | None = None
           ) -> ReportSummary:
    """Reports of a course (default folder: `<course>/reports`)."""
    the_course = open_course(course)
    return report_course(the_course, (out or the_course.root / "reports").resolve(),
                         framework=framework, names=names, lang=lang, jobs=jobs)


def rebuild_reports(the_course: Course, out: Path, options: dict[str, Any]) -> None:
    """Rebuild a report folder, with the options it was made with, after a learner was
    forgotten (group pages list everyone)."""
    report_course(the_course, out, **options)
