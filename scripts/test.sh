#!/usr/bin/env bash
# Install what the tests need (the kit with its test extra, Debian's chromium, bubblewrap and npm
# when missing, axe-core from npm), then run ruff and the whole test suite, browser tests included. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv "[test]"
ensure_debian_packages chromium:chromium bwrap:bubblewrap npm:npm
# axe-core (npm registry) for the apps' accessibility audit, pinned by tests/a11y/package-lock.json
if [ ! -f tests/a11y/node_modules/axe-core/axe.min.js ] \
   || [ tests/a11y/package-lock.json -nt tests/a11y/node_modules/axe-core/axe.min.js ]; then
  npm ci --prefix tests/a11y --no-audit --no-fund --loglevel=error
fi
export PATH="$PWD/.venv/bin:$PATH"  # nbgrader shells out to alembic by bare name
ruff check .
python -m pytest --durations=20 "$@"
