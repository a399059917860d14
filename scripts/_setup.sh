# Shared set-up, sourced by scripts/serve, scripts/build and scripts/test:
# a virtual environment in .venv with the hash-locked dependencies of requirements.txt.
# Needs only Python 3.11+ on the PATH (the pinned Material needs 3.11).

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1  # MkDocs 1.6 is pinned on purpose; see README

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "error: Python 3.11 or newer is needed (none found on the PATH)." >&2
  exit 1
}

# Create .venv when missing; reinstall when requirements.txt or pyproject.toml changed since the last install.
# The venv gets exactly the lock: every package of requirements.txt at its pinned version, each file
# matching a hash the lock holds, and nothing a resolver picks on the day (--no-deps: a dependency's
# own ranges, such as WeasyPrint's fonttools[woff]>=…, are never resolved against the registry).
# check_lock then proves the lock complete; this project's plugin module is installed on its own, editable.
ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating $VENV ..."
    "$(find_python)" -m venv "$VENV"
  fi
  local wanted installed=""
  wanted="$(cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  [ -f "$VENV/.requirements.sha256" ] && installed="$(cat "$VENV/.requirements.sha256")"
  if [ "$wanted" != "$installed" ]; then
    echo "Installing the locked dependencies (requirements.txt) ..."
    rm -f "$VENV/.requirements.sha256"
    check_pins
    if ! "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$ROOT/requirements.txt"; then
      echo "error: pip refused requirements.txt (its message is above). Every line must pin one version with == and its hashes:" \
        "refresh the lock with scripts/lock-requirements, never by hand (CONTRIBUTING, \"Change a dependency\")." >&2
      exit 1
    fi
    check_lock
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$ROOT"
    echo "$wanted" >"$VENV/.requirements.sha256"
  fi
}

# Every requirement of the lock pins one exact version (pip would take a range from an installed
# package without a word, and refuse it only in a new venv).
check_pins() {
  local loose
  loose="$(grep -nE '^[^[:space:]#-]' "$ROOT/requirements.txt" | grep -vE '^[0-9]+:[A-Za-z0-9][A-Za-z0-9._-]*==[^[:space:];]+( *;[^\\]*)? *\\?$' |
    sed -E 's/ *\\$//; s/^([0-9]+):/line \1: /' | paste -sd ';' | sed 's/;/; /g')" || true
  [ -z "$loose" ] || lock_error "$loose pins no exact version (name==version)"
}

# Stop with one error naming the package when what the lock installed is not complete and
# consistent: `pip check` (every installed package's requirements and their versions), then
# requirements.in resolved offline against the installed packages alone, which also follows the
# extras that pip check does not (WeasyPrint's fonttools[woff] needs brotli and zopfli).
check_lock() {
  local report
  if ! report="$("$VENV/bin/python" -m pip check --disable-pip-version-check 2>&1)"; then
    report="$(grep -v '^No broken' <<<"$report" | sed 's/\.$//' | paste -sd ';' | sed 's/;/; /g')"
    lock_error "incomplete or inconsistent: $report"
  fi
  if ! report="$(PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS="" PIP_CONSTRAINT="" "$VENV/bin/python" -m pip install \
      --dry-run --no-index --quiet --disable-pip-version-check -r "$ROOT/requirements.in" 2>&1)"; then
    report="$(sed -En 's/^ERROR: Could not find a version that satisfies the requirement ([^;[:space:]]+).* \(from ([^ )]+)( [^)]*\))?\) \(from versions:.*/\1, required by \2, is not in it/p' <<<"$report" |
      sed 's/required by -r,/required by requirements.in,/' | paste -sd ';' | sed 's/;/; /g')"
    lock_error "incomplete: ${report:-requirements.in cannot be resolved from what requirements.txt installs (pip install --dry-run --no-index -r requirements.in says why)}"
  fi
}

lock_error() {
  echo "error: requirements.txt: $1." \
    "Refresh it with scripts/lock-requirements and commit it (CONTRIBUTING, \"Change a dependency\")." >&2
  exit 1
}

# The quality gates' tools: Java for the Nu HTML Checker, and the npm packages of
# package-lock.json (vnu-jar, lighthouse) in node_modules. Installs Debian's
# packages when running as root with apt; elsewhere says what is missing (and, with
# CI=true, stops: the checks that need them may not be skipped). A failed install
# stops the script.
ensure_quality_tools() {
  local apt_packages=()
  command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)
  if [ ${#apt_packages[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing ${apt_packages[*]} ..."
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
    elif [ "${CI:-}" = "true" ]; then
      echo "error: ${apt_packages[*]} missing: the HTML and Lighthouse checks need them (CI=true: they may not be skipped)." >&2
      exit 1
    else
      echo "warning: ${apt_packages[*]} missing: the HTML and Lighthouse checks need them and will not run." >&2
    fi
  fi
  if command -v npm >/dev/null 2>&1; then
    local wanted installed=""
    wanted="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
    [ -f "$ROOT/node_modules/.package-lock.sha256" ] && installed="$(cat "$ROOT/node_modules/.package-lock.sha256")"
    if [ "$wanted" != "$installed" ]; then
      echo "Installing the pinned npm packages (package-lock.json) ..."
      if ! (cd "$ROOT" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error); then
        echo "error: npm ci failed (see above); the HTML and Lighthouse checks need node_modules." >&2
        exit 1
      fi
      echo "$wanted" >"$ROOT/node_modules/.package-lock.sha256"
    fi
  fi
}

# Text shaping for the link-preview cards: Pillow draws them with libraqm (its wheels bring
# it, and load FriBiDi from the system), so Macedonian and Serbian get their own letter
# forms. Installs Debian's packages when Pillow cannot shape and running as root with apt;
# elsewhere stops with what to install (the build would stop too: link_previews.RAQM_HINT).
ensure_text_shaping() {
  "$VENV/bin/python" -c 'import sys; from PIL import features; sys.exit(not features.check("raqm"))' 2>/dev/null && return
  install_or_stop "text shaping, for the link-preview cards" \
    "the link-preview cards need Pillow's text shaping (libraqm with FriBiDi)" "brew install libraqm fribidi" libraqm0 libfribidi0
}

# Install Debian's packages ($4…) for what needs them ($1) when running as root with apt;
# elsewhere, or when the install fails, stop: $2 needs them, $3 installs them on macOS.
install_or_stop() {
  local purpose="$1" need="$2" mac="$3"
  shift 3
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $* ($purpose) ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null && return
  fi
  echo "error: $need: install $* (Debian/Ubuntu: apt-get install $*; macOS: $mac)." >&2
  exit 1
}

# Pango (with HarfBuzz's subsetter), which WeasyPrint draws the conclusions' PDFs with.
# Installs Debian's packages when missing and running as root with apt; elsewhere
# stops with what to install. Not needed when the PDFs are off (SITE_PDF=off).
ensure_pango() {
  [ "${SITE_PDF:-on}" = "off" ] && return
  local libraries missing=() ldconfig
  ldconfig="$(command -v ldconfig || echo /sbin/ldconfig)"
  libraries="$("$ldconfig" -p 2>/dev/null || true)"
  grep -q 'libpango-1.0.so.0' <<<"$libraries" || missing+=(libpango-1.0-0)
  grep -q 'libpangoft2-1.0.so.0' <<<"$libraries" || missing+=(libpangoft2-1.0-0)
  grep -q 'libharfbuzz-subset.so.0' <<<"$libraries" || missing+=(libharfbuzz-subset0)
  [ ${#missing[@]} -eq 0 ] && return
  install_or_stop "Pango, for the PDFs" "the PDFs of the conclusions need Pango (or build without the PDFs with SITE_PDF=off)" \
    "brew install pango" "${missing[@]}"
}
