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
