# Shared set-up, sourced by scripts/serve, scripts/build and scripts/test:
# a virtual environment in .venv with the pinned dependencies of requirements.txt.
# Needs only Python 3.10+ on the PATH.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1  # MkDocs 1.6 is pinned on purpose; see README

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3.10 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "error: Python 3.10 or newer is needed (none found on the PATH)." >&2
  exit 1
}

# Create .venv when missing; reinstall when requirements.txt or pyproject.toml changed since the last install.
ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating $VENV ..."
    "$(find_python)" -m venv "$VENV"
  fi
  local wanted installed=""
  wanted="$(cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  [ -f "$VENV/.requirements.sha256" ] && installed="$(cat "$VENV/.requirements.sha256")"
  if [ "$wanted" != "$installed" ]; then
    echo "Installing the pinned dependencies (requirements.txt) ..."
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements.txt"
    echo "$wanted" >"$VENV/.requirements.sha256"
  fi
}
