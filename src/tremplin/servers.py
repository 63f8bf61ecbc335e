"""Command lines of the two servers the kit starts: JupyterLab for learners, Voilà for apps.

Built as lists (never shell strings) by keyword-only functions, so the CLI, the tests and the
instructor guide all start exactly the same servers.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from jupyter_core.paths import jupyter_data_dir

from .apps.launcher import TEMPLATE_NAME, AppEntry, app_entries, write_template
from .i18n import t

LAB_LOCALES = {"fr": "fr_FR", "en": "en"}
# Voilà loads every installed lab extension (nbgrader's logs errors there); the apps need only
# Voilà's own widgets manager, which it ships in place of JupyterLab's.
VOILA_EXTENSIONS = ["@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8"]
CULL_IDLE_SECONDS = 600  # Voilà kernels outlive closed tabs (~100 MB each): always cull
KIOSK_CULL_SECONDS = 120  # a kiosk sees many short visits: free a left tab's kernel sooner
KIOSK_POOL = 2  # kernels kept started ahead per app in kiosk mode (~100 MB each)
KIOSK_NICENESS = 10  # kiosk kernels yield the CPU to the server and to visitors' pages
KIOSK_IDLE = 180  # seconds without a touch before a kiosk page goes back to the launcher


def _common(ip: str, port: int | None, open_browser: bool) -> list[str]:
    args = [f"--ServerApp.ip={ip}"] if ip else []
    args += [f"--port={port}"] if port else []
    args += [] if open_browser else ["--no-browser"]
    return args


def lab_settings_dir(lang: str) -> Path:
    """A JupyterLab user-settings folder whose interface language is `lang`.

    JupyterLab stores the chosen language as a user setting; pointing JUPYTERLAB_SETTINGS_DIR
    at a folder where we write it is what makes `tremplin lab` open in French by default.
    """
    folder = Path(jupyter_data_dir()) / "tremplin" / "lab-settings"
    plugin = folder / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    plugin.parent.mkdir(parents=True, exist_ok=True)
    plugin.write_text(json.dumps({"locale": LAB_LOCALES[lang]}), encoding="utf-8")
    return folder


def lab_command(*, root: Path, lang: str, ip: str = "127.0.0.1", port: int | None = None,
                open_browser: bool = True, extra: list[str] | None = None
                ) -> tuple[list[str], dict[str, str], Path]:
    """(argv, environment, working folder) to start JupyterLab on the kit's folder, in `lang`.

    It starts from `grading/`, where nbgrader looks for its configuration: that is what makes
    nbgrader's Formgrader in the lab find the kit's course.
    """
    argv = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}"]
    argv += _common(ip, port, open_browser) + list(extra or [])
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")  # JupyterLab refuses root without it (kiosks, containers)
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(lab_settings_dir(lang)))
    return argv, env, root / "grading"


def apps_command(*, root: Path, lang: str, ip: str = "127.0.0.1", port: int | None = None,
                 open_browser: bool = True, extra: list[str] | None = None,
                 kiosk: bool = False, pool: int = KIOSK_POOL, idle_seconds: int = KIOSK_IDLE,
                 warm: dict[str, int] | None = None, cull_seconds: int | None = None
                 ) -> tuple[list[str], dict[str, str], Path]:
    """(argv, environment, working folder) to start one Voilà server for every app, with the
    launcher at `/`. Kiosk mode serves only the public apps (copied read-only, trainers' pages
    left out), with kernels started ahead, idle kernels culled sooner, and pages returning to the
    launcher after `idle_seconds` without a touch. `warm` gives some apps a larger pool (the app
    a whole group opens at the start of a workshop): {"mot-de-passe-solide.ipynb": 10}."""
    share = Path(jupyter_data_dir()) / "tremplin" / f"voila-{'kiosk' if kiosk else 'apps'}-{port}"
    entries = [e for e in app_entries(root / "voila_apps") if e.kiosk or not kiosk]
    write_template(share, entries, lang=lang, idle_seconds=idle_seconds if kiosk else 0)
    served = kiosk_folder(root / "voila_apps", share / "apps", entries) if kiosk \
        else root / "voila_apps"
    argv = [sys.executable, "-m", "voila", str(served), f"--template={TEMPLATE_NAME}"]
    argv += [f"--Voila.ip={ip}"] if ip else []
    argv += _common("", port, open_browser)
    argv += [f"--VoilaConfiguration.extension_allowlist={name}" for name in VOILA_EXTENSIONS]
    cull = cull_seconds or (KIOSK_CULL_SECONDS if kiosk else CULL_IDLE_SECONDS)
    argv += [
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.strip_sources=True",
        f"--VoilaExporter.language_code={lang}",
        f"--MappingKernelManager.cull_idle_timeout={cull}",
        f"--MappingKernelManager.cull_interval={min(60, cull)}",
    ]
    env = dict(os.environ, TREMPLIN_ROOT=str(root), TREMPLIN_LANGUAGE=lang,
               JUPYTER_PATH=_joined(share, os.environ.get("JUPYTER_PATH")))
    if kiosk:
        argv += ["--preheat_kernel=True", f"--pool_size={pool}"]
        unknown = sorted(set(warm or {}) - {e.file for e in entries})
        if unknown:
            raise ValueError(t("apps.unknown_warm", value=", ".join(unknown),
                               known=", ".join(e.file for e in entries)))
        pools = {"default": {"pool_size": pool}} | {
            name: {"pool_size": size} for name, size in (warm or {}).items()}
        config = share / "config"
        config.mkdir(parents=True, exist_ok=True)  # read by Voilà as voila.json
        (config / "voila.json").write_text(json.dumps(
            {"VoilaKernelManager": {"kernel_pools_config": pools}}), encoding="utf-8")
        env["JUPYTER_CONFIG_PATH"] = _joined(config, os.environ.get("JUPYTER_CONFIG_PATH"))
        write_gentle_kernel(share)
    argv += list(extra or [])
    return argv, env, root


def write_gentle_kernel(share: Path) -> None:
    """The kiosk's Python kernel, started at a lower CPU priority (`nice`), found first through
    JUPYTER_PATH. Why: when a group opens its apps at once, Voilà refills every pool at that very
    moment; kernels warming up for later visitors must not slow the pages of the people already
    there (the server, and the browser when it runs on the same machine)."""
    spec = share / "kernels" / "python3"
    spec.mkdir(parents=True, exist_ok=True)
    argv = ["nice", "-n", str(KIOSK_NICENESS), sys.executable, "-m", "ipykernel_launcher",
            "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": argv, "display_name": "Python 3", "language": "python"}), encoding="utf-8")


def _joined(first: Path, rest: str | None) -> str:
    return os.pathsep.join(p for p in (str(first), rest or "") if p)


def kiosk_folder(apps: Path, folder: Path, entries: list[AppEntry]) -> Path:
    """A read-only copy of the public apps (and their pictures): what the kiosk serves, so a
    trainer's page cannot be opened there and no app file can be changed through the server."""
    if folder.exists():
        for path in folder.rglob("*"):
            path.chmod(0o700 if path.is_dir() else 0o600)
        shutil.rmtree(folder)
    (folder / "pictures").mkdir(parents=True)
    for entry in entries:
        shutil.copy2(apps / entry.file, folder / entry.file)
        picture = apps / "pictures" / f"{entry.id}.svg"
        if picture.is_file():
            shutil.copy2(picture, folder / "pictures" / picture.name)
    for path in [*folder.rglob("*"), folder]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    return folder
