#!/bin/sh
# Rebuild the share viewer page (resources/viewer/) from web/ with the exact
# npm packages of web/package-lock.json. The output is byte-for-byte the same
# on every run (tests/web/test_viewer_build.py checks it); commit it.
#   sh tools/build_viewer.sh            npm ci, then build into resources/viewer
#   sh tools/build_viewer.sh --out DIR  build somewhere else (e.g. to compare)
set -eu
cd "$(dirname "$0")/../web"
command -v node >/dev/null 2>&1 || { echo "build_viewer: node (>= 20) is needed" >&2; exit 2; }
npm ci --no-audit --no-fund --loglevel=error >&2
exec node build.mjs "$@"
