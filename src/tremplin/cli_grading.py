"""The trainer's commands: `course`, `grade`, `feedback`, `report`, `forget`.

Each is a thin layer over a keyword-only function of `tremplin.grading` or `tremplin.reports`
that a script can call directly; here we only parse, print in the user's language, and choose
the exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .i18n import t


def course_arg(value: str | None) -> Path | None:
    """`--course`, else the working folder when it is a course (as with nbgrader), else None
    (the kit's demo course, grading/)."""
    if value:
        return Path(value)
    here = Path.cwd()
    return here if (here / "nbgrader_config.py").is_file() else None


def progress_bar(done: int, total: int) -> None:
    """A bar on a terminal; a line per tenth of the work when printing to a file."""
    width = 30
    filled = width * done // total if total else width
    line = t("grade.progress", bar="█" * filled + "·" * (width - filled), done=done, total=total)
    if sys.stderr.isatty():
        print("\r" + line, end="\n" if done == total else "", file=sys.stderr, flush=True)
    elif total and (done == total or done % max(1, total // 10) == 0):
        print(line, file=sys.stderr, flush=True)


def _reasons(outcome) -> str:
    words = [t(f"grade.reason.{code}") for code in outcome.reasons]
    words += [t("grade.reason.unreadable", files=", ".join(outcome.unreadable))
              ] if outcome.unreadable else []
    for problem in ("deleted", "altered"):
        cells = [g for g, p in sorted(outcome.cells.items()) if p == problem]
        if cells:
            words.append(t(f"grade.reason.{problem}", cells=", ".join(cells)))
    if outcome.detail:
        words.append(outcome.detail)
    return "; ".join(words)


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  "
              + row[-1])


def cmd_course(args: argparse.Namespace, _extra: list[str]) -> int:
    from .grading.course import init_course
    from .grading.demo import build_demo

    folder = Path(args.folder)
    if args.action == "init":
        course = init_course(folder, course_id=args.id or folder.resolve().name)
        print(t("course.created", folder=str(course.root)))
    else:
        course = build_demo(folder, learners=args.learners, exercises=args.exercise or ())
        print(t("course.demo_created", folder=str(course.root), learners=args.learners))
    return 0


def cmd_grade(args: argparse.Namespace, _extra: list[str]) -> int:
    from .grading.grade import grade

    outcomes = grade(course=course_arg(args.course), assignments=args.assignments or None,
                     jobs=args.jobs, force=args.force, progress=progress_bar)
    if not outcomes:
        print(t("grade.nothing"))
        return 0
    rows = [[t("grade.col.learner"), t("grade.col.assignment"), t("grade.col.score"),
             t("grade.col.status"), t("grade.col.reason")]]
    for o in outcomes:
        score = "–" if o.score is None else f"{o.score:g}/{o.max_score:g}"
        rows.append([o.learner, o.assignment, score, t(f"grade.status.{o.status}"), _reasons(o)])
    print_table(rows)
    failed = sum(o.status == "failed" for o in outcomes)
    print(t("grade.summary", total=len(outcomes), failed=failed), file=sys.stderr)
    return 1 if failed else 0


def cmd_feedback(args: argparse.Namespace, _extra: list[str]) -> int:
    from .grading.feedback import write_feedback

    pages = write_feedback(course=course_arg(args.course), assignments=args.assignments or None,
                           learners=args.learner or None)
    for page in pages:
        print(page)
    print(t("feedback.summary", count=len(pages)), file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace, _extra: list[str]) -> int:
    from .reports.course import report

    summary = report(course=course_arg(args.course), out=Path(args.out) if args.out else None,
                     framework=args.framework, names=args.names, lang=args.lang)
    print(t("report.written", folder=str(summary.out), learners=summary.learners,
            badges=len(summary.badges)))
    print(f"  {summary.index}")
    print(f"  {summary.csv}")
    return 0


def cmd_forget(args: argparse.Namespace, _extra: list[str]) -> int:
    from .grading.forget import forget
    from .reports.course import rebuild_reports

    removed = forget(learner=args.learner, course=course_arg(args.course),
                     rebuild=rebuild_reports)
    if not removed:
        print(t("forget.nothing", learner=args.learner))
        return 0
    print(t("forget.done", learner=args.learner))
    for item in removed:
        print(f"  - {item}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("course", help=t("cli.course"))
    p.add_argument("action", choices=["init", "demo"], help=t("cli.course_action"))
    p.add_argument("folder", help=t("cli.course_folder"))
    p.add_argument("--id", help=t("cli.course_id"))
    p.add_argument("--learners", type=int, default=6, help=t("cli.course_learners"))
    p.add_argument("--exercise", action="append", metavar="ID", help=t("cli.course_exercise"))
    p.set_defaults(func=cmd_course)
    p = sub.add_parser("grade", help=t("cli.grade"))
    p.add_argument("assignments", nargs="*", help=t("cli.assignments"))
    p.add_argument("--course", help=t("cli.course_option"))
    p.add_argument("--jobs", type=int, help=t("cli.grade_jobs"))
    p.add_argument("--force", action="store_true", help=t("cli.force"))
    p.set_defaults(func=cmd_grade)
    p = sub.add_parser("feedback", help=t("cli.feedback"))
    p.add_argument("assignments", nargs="*", help=t("cli.assignments"))
    p.add_argument("--course", help=t("cli.course_option"))
    p.add_argument("--learner", action="append", help=t("cli.learner"))
    p.set_defaults(func=cmd_feedback)
    p = sub.add_parser("report", help=t("cli.report"))
    p.add_argument("--course", help=t("cli.course_option"))
    p.add_argument("--out", help=t("cli.report_out"))
    p.add_argument("--framework", choices=["digcomp", "crcn"], help=t("cli.report_framework"))
    p.add_argument("--names", action="store_true", help=t("cli.report_names"))
    p.add_argument("--lang", choices=["fr", "en"], help=t("cli.lang"))
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("forget", help=t("cli.forget"))
    p.add_argument("learner", help=t("cli.forget_learner"))
    p.add_argument("--course", help=t("cli.course_option"))
    p.set_defaults(func=cmd_forget)

