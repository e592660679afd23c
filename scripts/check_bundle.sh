#!/usr/bin/env bash
# Build the desktop bundle from build.spec and check that the frozen executable works on its own.
#
# The checks run a copy of the bundle outside the repository, from an empty folder, with an
# environment that cannot reach the source tree or any Python packages (env -i, PATH=/usr/bin:/bin):
# --version, init --demo small, evaluate (JSON), report facility-inspection and county-summary (PDF),
# template (xlsx), and the GUI offscreen: on a database given with --db, on the default database in
# the user data folder, and creating a demo database there.
#
# Usage: scripts/check_bundle.sh            (builds into dist/ and build/ of the repository)
# Environment: PYTHON (default python3), BUNDLE_DIST / BUNDLE_WORK (output / work folders),
#              KEEP_CHECK_DIR=1 keeps the temporary folder with the databases, PDFs and logs.
# Exit status 0 when every check passes; otherwise 1 with the failed check on stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
DIST=${BUNDLE_DIST:-$ROOT/dist}
WORK=${BUNDLE_WORK:-$ROOT/build}
NAME=township-desk
CHECK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/township-bundle-check.XXXXXX")
GUI_TIMEOUT=${GUI_TIMEOUT:-180}

cleanup() {
    if [[ "${KEEP_CHECK_DIR:-}" == 1 ]]; then
        echo "check folder kept: $CHECK_DIR"
    else
        rm -rf "$CHECK_DIR"
    fi
}
trap cleanup EXIT

fail() {
    echo "check_bundle: FAIL: $*" >&2
    exit 1
}

pass() {
    echo "  ok   $*"
}

# ---- build -------------------------------------------------------------------------------------
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    requirement=$(cd "$ROOT" && "$PYTHON" -c \
        "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['bundle'][0])")
    echo "installing $requirement (the 'bundle' extra) ..."
    "$PYTHON" -m pip install --quiet "$requirement" || fail "cannot install $requirement"
fi

echo "building $NAME with PyInstaller $("$PYTHON" -m PyInstaller --version) ..."
build_log=$CHECK_DIR/pyinstaller.log
started=$(date +%s)
if ! (cd "$ROOT" && "$PYTHON" -m PyInstaller --noconfirm --distpath "$DIST" --workpath "$WORK" build.spec) \
        >"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    fail "pyinstaller build.spec failed (log above)"
fi
build_seconds=$(( $(date +%s) - started ))
BUNDLE=$DIST/$NAME
[[ -x "$BUNDLE/$NAME" ]] || fail "no executable at $BUNDLE/$NAME"
bundle_size=$(du -sh "$BUNDLE" | cut -f1)
bundle_files=$(find "$BUNDLE" -type f | wc -l)
echo "build time: ${build_seconds} s; bundle: $BUNDLE, $bundle_size in $bundle_files files"

# ---- run the frozen executable in isolation ----------------------------------------------------
# A copy outside the repository proves nothing is found through the source tree.
cp -a "$BUNDLE" "$CHECK_DIR/bundle"
EXE=$CHECK_DIR/bundle/$NAME
HOME_DIR=$CHECK_DIR/home
DATA_HOME=$CHECK_DIR/xdg-data
RUN_DIR=$CHECK_DIR/run
OUT=$CHECK_DIR/out
mkdir -p "$HOME_DIR" "$DATA_HOME" "$RUN_DIR" "$OUT"

# Run the bundle with nothing inherited: no PYTHONPATH, no virtualenv, no source tree on any path.
frozen() {
    (cd "$RUN_DIR" && env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 \
        XDG_DATA_HOME="$DATA_HOME" XDG_CONFIG_HOME="$CHECK_DIR/xdg-config" \
        XDG_STATE_HOME="$CHECK_DIR/xdg-state" XDG_CACHE_HOME="$CHECK_DIR/xdg-cache" \
        XDG_RUNTIME_DIR="$CHECK_DIR/xdg-runtime" QT_QPA_PLATFORM=offscreen \
        "$@")
}

# frozen_check NAME ARGS...: run the executable; show its output and fail on a non-zero status.
frozen_check() {
    local label=$1
    shift
    local log=$OUT/$label.log
    if ! frozen "$EXE" "$@" >"$log" 2>&1; then
        cat "$log" >&2
        fail "$label: '$NAME $*' exited non-zero"
    fi
}

check_pdf() {
    local label=$1 file=$2 min_bytes=$3
    [[ -f "$file" ]] || fail "$label: $file was not written"
    [[ "$(head -c 5 "$file")" == "%PDF-" ]] || fail "$label: $file does not start with %PDF-"
    local size
    size=$(stat -c %s "$file")
    (( size >= min_bytes )) || fail "$label: $file has only $size bytes (expected at least $min_bytes)"
    pass "$label: $(basename "$file"), $size bytes"
}

mkdir -p "$CHECK_DIR/xdg-runtime" && chmod 700 "$CHECK_DIR/xdg-runtime"
echo "checks (bundle copy: $CHECK_DIR/bundle, run from $RUN_DIR):"

# Every file the spec ships (its DATA_PATTERNS) is in the bundle's data folder.
shipped=$("$PYTHON" - "$ROOT" "$CHECK_DIR/bundle/_internal" <<'PY'
import ast, sys
from pathlib import Path
root, bundle = Path(sys.argv[1]), Path(sys.argv[2])
tree = ast.parse((root / "build.spec").read_text(encoding="utf-8"))
patterns = next(ast.literal_eval(n.value) for n in tree.body
                if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "DATA_PATTERNS")
files = [(path, bundle / folder / path.name) for pattern, folder in patterns for path in root.glob(pattern)]
missing = [str(target) for _source, target in files if not target.is_file()]
if missing:
    sys.exit("missing from the bundle: " + ", ".join(missing))
print(f"{len(files)} files")
PY
) || fail "shipped files: $shipped"
pass "shipped files (fonts, translations, policy, divisions, icons, migrations): $shipped in the bundle"

expected_version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/desktop_app/__init__.py")
version_output=$(frozen "$EXE" --version 2>&1) || fail "--version exited non-zero: $version_output"
[[ "$version_output" == "$NAME $expected_version" ]] \
    || fail "--version printed '$version_output', expected '$NAME $expected_version'"
pass "--version: $version_output"

DB=$OUT/d.sqlite3
frozen_check init init --db "$DB" --demo small
[[ -s "$DB" ]] || fail "init: $DB was not created"
pass "init --demo small: $(stat -c %s "$DB") bytes"

frozen_check evaluate evaluate --db "$DB" --as-of 2025-12-31 --json "$OUT/evaluate.json"
summary=$("$PYTHON" - "$OUT/evaluate.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
if not data:
    sys.exit("the JSON is empty")
print(f"{type(data).__name__} with {len(data)} top-level entries")
PY
) || fail "evaluate: $OUT/evaluate.json is not valid JSON ($summary)"
pass "evaluate --json: $summary"

facility=$("$PYTHON" - "$DB" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute("SELECT code FROM facilities ORDER BY code LIMIT 1").fetchone()
print(row[0] if row else "")
PY
)
[[ -n "$facility" ]] || fail "the demo database holds no facility"
frozen_check report-facility report facility-inspection --db "$DB" --facility "$facility" --out "$OUT/x.pdf"
check_pdf "report facility-inspection ($facility)" "$OUT/x.pdf" 5000

frozen_check report-county report county-summary --db "$DB" --division 410821000000 --year 2025 --out "$OUT/y.pdf"
check_pdf "report county-summary 410821000000 2025" "$OUT/y.pdf" 5000

frozen_check template template --out "$OUT/t.xlsx"
[[ "$(head -c 2 "$OUT/t.xlsx")" == "PK" ]] || fail "template: $OUT/t.xlsx is not an xlsx (zip) file"
pass "template: t.xlsx, $(stat -c %s "$OUT/t.xlsx") bytes"

# The GUI: signs in as the demo administrator and quits once the main window is ready.
gui() {
    local label=$1
    shift
    local log=$OUT/$label.log status=0
    frozen env TOWNSHIP_DESK_EXIT_WHEN_READY=1 TOWNSHIP_DESK_AUTOLOGIN=admin:Demo1234 \
        timeout "$GUI_TIMEOUT" "$EXE" "$@" >"$log" 2>&1 || status=$?
    if (( status != 0 )); then
        cat "$log" >&2
        (( status == 124 )) && fail "$label: the GUI did not become ready within $GUI_TIMEOUT s"
        fail "$label: the GUI exited with status $status"
    fi
}

started=$(date +%s)
gui gui-db --db "$DB"
pass "GUI offscreen on --db demo database: exit 0 in $(( $(date +%s) - started )) s"

USER_DATA=$DATA_HOME/TownshipDesk
frozen_check init-default init --db "$USER_DATA/township-desk.sqlite3" --demo small
started=$(date +%s)
gui gui-default
pass "GUI offscreen without --db: opened $USER_DATA/township-desk.sqlite3, exit 0 in $(( $(date +%s) - started )) s"

started=$(date +%s)
gui gui-demo --demo small
[[ -s "$USER_DATA/township-desk-demo-small.sqlite3" ]] \
    || fail "GUI --demo small did not create $USER_DATA/township-desk-demo-small.sqlite3"
pass "GUI offscreen --demo small: created $USER_DATA/township-desk-demo-small.sqlite3, exit 0 in $(( $(date +%s) - started )) s"

[[ -s "$CHECK_DIR/xdg-state/TownshipDesk/log/township-desk.log" ]] \
    || fail "the GUI wrote no log file under \$XDG_STATE_HOME/TownshipDesk/log"
pass "log file in the user log folder"

echo "check_bundle: all checks passed (build ${build_seconds} s, bundle $bundle_size)"
