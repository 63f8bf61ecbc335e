"""`tremplin`: a thin command line over the package's keyword-only functions."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import cli_grading, servers
from .check import run_checks
from .curriculum import coverage, modules_of_kit
from .frameworks import FrameworkError, frameworks
from .i18n import LANGUAGES, pick, t, user_lang
from .paths import content_notebooks, kit_root
from .pathways import (
    PathwayError,
    describe,
    load_pathways,
    modules_in_both_languages,
    pathways_file,
    plan,
)
from .settings import load_settings, reference


def _serve(command: tuple[list[str], dict[str, str], Path]) -> int:
    argv, env, cwd = command
    try:
        return subprocess.call(argv, env=env, cwd=cwd)
    except KeyboardInterrupt:
        return 0


def cmd_lab(args: argparse.Namespace, extra: list[str]) -> int:
    root = kit_root()
    lang = args.lang or load_settings(root).language
    return _serve(servers.lab_command(root=root, lang=lang, ip=args.ip, port=args.port,
                                      open_browser=not args.no_browser, extra=extra))


def cmd_apps(args: argparse.Namespace, extra: list[str]) -> int:
    root = kit_root()
    lang = args.lang or load_settings(root).language
    return _serve(servers.apps_command(root=root, lang=lang, ip=args.ip, port=args.port,
                                       open_browser=not args.no_browser, extra=extra,
                                       kiosk=args.kiosk, pool=args.pool, idle_seconds=args.idle,
                                       warm=_warm(args.warm), cull_seconds=args.cull))


def _warm(values: list[str] | None) -> dict[str, int]:
    """`--warm FILE=N` options as {file: pool size}."""
    found = {}
    for value in values or []:
        name, _, size = value.partition("=")
        if not size.isdigit():
            raise ValueError(t("apps.bad_warm", value=value))
        found[name if name.endswith(".ipynb") else f"{name}.ipynb"] = int(size)
    return found


def cmd_check(args: argparse.Namespace, _extra: list[str]) -> int:
    root = kit_root()
    paths = [Path(p).resolve() for p in args.paths] or content_notebooks(root)
    paths = [n for p in paths for n in (sorted(p.rglob("*.ipynb")) if p.is_dir() else [p])
             if ".ipynb_checkpoints" not in n.parts]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(t("check.no_such_file", file=missing[0]), file=sys.stderr)
        return 2
    problems = run_checks(paths, root, execute=not args.no_execute, jobs=args.jobs,
                          progress=lambda name: print(t("check.running", file=name),
                                                      file=sys.stderr))
    messages = [str(problem) for problem in problems]
    if not args.paths and pathways_file(root).is_file():  # pathways must name real modules
        try:
            load_pathways()
        except PathwayError as exc:
            messages.append(str(exc))
    for message in messages:
        print(message)
    print(t("check.summary", files=len(paths), problems=len(messages)), file=sys.stderr)
    return 1 if messages else 0


def cmd_frameworks(args: argparse.Namespace, _extra: list[str]) -> int:
    lang = args.lang or user_lang()
    default = load_settings(kit_root()).framework
    for fw in frameworks().values():
        if args.framework and fw.id != args.framework:
            continue
        mark = t("frameworks.default", lang) if fw.id == default else ""
        print(f"{fw.id}: {pick(fw.name, lang)}{mark}")
        print("  " + t("frameworks.about", lang, competences=len(fw.competences),
                       areas=len(fw.areas), levels=fw.levels, source=fw.source,
                       licence=fw.licence))
        bands = ", ".join(f"{pick(b.title, lang)} {b.levels[0]}–{b.levels[-1]}" for b in fw.bands)
        print("  " + t("frameworks.levels", lang, bands=bands))
        if args.framework:
            for aid, title in fw.areas.items():
                print(f"  {aid}. {pick(title, lang)}")
                for comp in fw.competences.values():
                    if comp.area == aid:
                        print(f"    {fw.id}:{comp.id}  {pick(comp.title, lang)}")
    return 0


def cmd_settings(args: argparse.Namespace, _extra: list[str]) -> int:
    lang = args.lang or user_lang()
    current = load_settings(kit_root())
    for name, default, description in reference(lang):
        print(f"{name} = {getattr(current, name)}  ({t('settings.default', lang)} {default})")
        print(f"    {description}")
    return 0


def cmd_pathways(args: argparse.Namespace, _extra: list[str]) -> int:
    lang = args.lang or user_lang()
    modules = modules_of_kit(kit_root())
    found = load_pathways(known_modules=modules_in_both_languages(modules))
    if args.pathway and args.pathway not in found:
        raise ValueError(t("pathways.unknown", value=args.pathway, known=", ".join(found)))
    for pid, pathway in found.items():
        if not args.pathway or pid == args.pathway:
            print("\n".join(describe(plan(pathway, lang, modules))))
    return 0


def cmd_coverage(args: argparse.Namespace, _extra: list[str]) -> int:
    lang = args.lang or user_lang()
    fw = frameworks()[args.framework or load_settings(kit_root()).framework]
    table = coverage(kit_root(), fw.id)
    for qid, exercises in table.items():
        print(t("coverage.line", lang, competence=qid, title=fw.title(qid.split(":")[1], lang),
                exercises=", ".join(exercises) or t("coverage.none", lang)))
    covered = sum(1 for exercises in table.values() if exercises)
    print(t("coverage.summary", lang, covered=covered, total=len(table)), file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tremplin", description=t("cli.description"))
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in (("lab", cmd_lab), ("apps", cmd_apps)):
        p = sub.add_parser(name, help=t(f"cli.{name}"))
        p.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
        p.add_argument("--port", type=int, help=t("cli.port"))
        p.add_argument("--ip", default="127.0.0.1", help=t("cli.ip"))
        p.add_argument("--no-browser", action="store_true", help=t("cli.no_browser"))
        p.set_defaults(func=func, passthrough=True)
        if name == "apps":
            p.add_argument("--kiosk", action="store_true", help=t("cli.kiosk"))
            p.add_argument("--pool", type=int, default=servers.KIOSK_POOL, help=t("cli.pool"))
            p.add_argument("--idle", type=int, default=servers.KIOSK_IDLE, help=t("cli.idle"))
            p.add_argument("--warm", action="append", metavar="APP=N", help=t("cli.warm"))
            p.add_argument("--cull", type=int, metavar="SECONDS", help=t("cli.cull"))
    p = sub.add_parser("check", help=t("cli.check"))
    p.add_argument("paths", nargs="*", help=t("cli.check_paths"))
    p.add_argument("--no-execute", action="store_true", help=t("cli.no_execute"))
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help=t("cli.jobs"))
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("frameworks", help=t("cli.frameworks"))
    p.add_argument("framework", nargs="?", help=t("cli.framework_id"))
    p.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
    p.set_defaults(func=cmd_frameworks)
    p = sub.add_parser("settings", help=t("cli.settings"))
    p.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
    p.set_defaults(func=cmd_settings)
    p = sub.add_parser("pathways", help=t("cli.pathways"))
    p.add_argument("pathway", nargs="?", help=t("cli.pathway_id"))
    p.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
    p.set_defaults(func=cmd_pathways)
    p = sub.add_parser("coverage", help=t("cli.coverage"))
    p.add_argument("--framework", choices=("digcomp", "crcn"), help=t("cli.coverage_framework"))
    p.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
    p.set_defaults(func=cmd_coverage)
    cli_grading.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "passthrough", False):
        parser.error(t("cli.unknown_args", args=" ".join(extra)))
    try:
        return args.func(args, extra)
    except (FrameworkError, ValueError, RuntimeError) as exc:
        print(t("cli.error", error=exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
