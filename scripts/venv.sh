# Shared by start.sh and test.sh: make .venv with the kit installed, only when needed.
ensure_venv() {
  local extra="$1" stamp=".venv/.installed$1"
  local py="${PYTHON:-python3}"
  if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Tremplin a besoin de Python 3.11 ou plus récent / Tremplin needs Python 3.11 or newer." >&2
    exit 1
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installation de Tremplin dans .venv / Installing Tremplin into .venv…"
    [ -x .venv/bin/python ] || "$py" -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$extra"
    touch "$stamp"
  fi
}

# Debian packages the kit needs, installed when missing: bubblewrap isolates learners' code while
# grading; chromium is only for the browser tests. Usage: ensure_debian_packages bwrap:bubblewrap …
ensure_debian_packages() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "À installer / to install: ${missing[*]}" >&2
    return 0
  fi
  echo "Installation de / Installing ${missing[*]}…"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
