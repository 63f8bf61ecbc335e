#!/usr/bin/env bash
# Install the kit in .venv (first run, or when pyproject.toml changed) and open JupyterLab on it,
# in French. Extra arguments go to `tremplin lab` (e.g. --lang en, --port 8890, --no-browser).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv ""
ensure_debian_packages bwrap:bubblewrap  # tremplin grade runs learners' code inside it
exec .venv/bin/tremplin lab "$@"
