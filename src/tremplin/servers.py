"""Command lines of the two servers the kit starts: JupyterLab for learners, Voilà for apps.

Built as lists (never shell strings) by keyword-only functions, so the CLI, the tests and the
instructor guide all start exactly the same servers.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from jupyter_core.paths import jupyter_data_dir

LAB_LOCALES = {"fr": "fr_FR", "en": "en"}
# Voilà loads every installed lab extension (nbgrader's logs errors there); the apps need only
# Voilà's own widgets manager, which it ships in place of JupyterLab's.
VOILA_EXTENSIONS = ["@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8"]
CULL_IDLE_SECONDS = 600  # Voilà kernels outlive closed tabs (~100 MB each): always cull


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
                 open_browser: bool = True, extra: list[str] | None = None
                 ) -> tuple[list[str], dict[str, str], Path]:
    """(argv, environment, working folder) to start one Voilà server for every app."""
    argv = [sys.executable, "-m", "voila", str(root / "voila_apps")]
    argv += [f"--Voila.ip={ip}"] if ip else []
    argv += _common("", port, open_browser)
    argv += [f"--VoilaConfiguration.extension_allowlist={name}" for name in VOILA_EXTENSIONS]
    argv += [
        "--VoilaConfiguration.show_tracebacks=False",
        f"--VoilaExporter.language_code={lang}",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
    ] + list(extra or [])
    env = dict(os.environ, TREMPLIN_ROOT=str(root), TREMPLIN_LANGUAGE=lang)
    return argv, env, root
