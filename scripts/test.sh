#!/usr/bin/env bash
# Install what the tests need (the kit with its test extra, Debian's chromium and bubblewrap when
# missing), then run ruff and the whole test suite, browser tests included. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv "[test]"
ensure_debian_packages chromium:chromium bwrap:bubblewrap
export PATH="$PWD/.venv/bin:$PATH"  # nbgrader shells out to alembic by bare name
ruff check .
python -m pytest "$@"
