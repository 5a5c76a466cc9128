#!/usr/bin/env bash
# Build the one-folder bundle on Linux (dist/hbm-assess/hbm-assess) and check it with --smoke.
#
# The Linux build is the proof of the Windows one: the same spec, so a missing data file, a hidden
# import or a frozen-path bug shows here first. Needs the app and PyInstaller installed in the
# Python used (default .venv/bin/python; pip install -e '.[bundle]').
#   bash packaging/build-linux.sh            # -> dist/hbm-assess/
#   DIST=/tmp/out WORK=/tmp/work bash packaging/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
DIST=${DIST:-dist}
WORK=${WORK:-build}

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "build-linux.sh: PyInstaller is not installed in $PYTHON; run: $PYTHON -m pip install -e '.[bundle]'" >&2
    exit 2
fi

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/hbm-assess.spec

# Run from the result with nothing of the build environment: no venv, no PYTHONPATH.
env -i PATH=/usr/bin:/bin HOME="${HOME:-/tmp}" LANG=C.UTF-8 "$DIST/hbm-assess/hbm-assess" --smoke

echo "Built $DIST/hbm-assess/ ($(du -sh "$DIST/hbm-assess" | cut -f1)); start it with $DIST/hbm-assess/hbm-assess"
