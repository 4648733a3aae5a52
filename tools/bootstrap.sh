#!/bin/sh
# One-step set-up for a fresh Debian machine (Python >= 3.11), used by README and CI.
#   sh tools/bootstrap.sh run    install, then open the demo (desktop app; CLI demo without a display)
#   sh tools/bootstrap.sh test   install with test extras, then run the whole test suite
# System packages (Qt runtime libraries, poppler for PDF checks, fonts, Xvfb for the real-window
# screenshots (tools/screenshots.py --x11), Node for the reference peers and the viewer build,
# Chromium for the viewer's browser tests and the issuer sign-in test, PostgreSQL for the
# share-service tests, xdg-utils for `wallet desktop install`) are installed with apt-get when
# missing and we are root or
# have sudo.
set -eu
mode=${1:-run}
shift 2>/dev/null || true
cd "$(dirname "$0")/.."

need_pkgs=""
have_pkg() { dpkg -s "$1" >/dev/null 2>&1; }
if command -v dpkg >/dev/null 2>&1; then
  for p in python3-venv libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
           libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 \
           libxcb-xinerama0 libxcb-xkb1 \
           libxcb-cursor0 poppler-utils fonts-dejavu-core xvfb xauth xdg-utils; do
    have_pkg "$p" || need_pkgs="$need_pkgs $p"
  done
  if [ "$mode" = test ] && ! command -v node >/dev/null 2>&1; then need_pkgs="$need_pkgs nodejs npm"; fi
  # the share viewer's browser tests drive Debian's Chromium (never a Playwright download)
  if [ "$mode" = test ]; then have_pkg chromium || need_pkgs="$need_pkgs chromium"; fi
  # The share-service tests start a throw-away PostgreSQL cluster (initdb + pg_ctl; tools/pgcluster.py).
  if [ "$mode" = test ] && ! have_pkg postgresql; then need_pkgs="$need_pkgs postgresql"; fi
fi
if [ -n "$need_pkgs" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = none ]; then
    echo "bootstrap: please install these Debian packages first:$need_pkgs" >&2
  else
    echo "bootstrap: installing system packages:$need_pkgs" >&2
    $SUDO apt-get update -qq >&2 || true
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need_pkgs >&2
  fi
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >&2
# Byte-compile the wallet as a normal (non-editable) install does: with
# PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile
# every module from source in every process (~45% of a cold `wallet verify`).
compile_wallet() { .venv/bin/python -m compileall -q wallet >&2; }
case "$mode" in
  run)
    .venv/bin/python -m pip install -q -e . >&2
    compile_wallet
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then
      exec .venv/bin/wallet-gui --demo "$@"
    else
      echo "bootstrap: no display found; running the command-line demo instead" >&2
      exec .venv/bin/wallet demo "$@"
    fi
    ;;
  test)
    .venv/bin/python -m pip install -q -e '.[test]' >&2
    compile_wallet
    exec .venv/bin/python -m pytest "$@"
    ;;
  *) echo "usage: sh tools/bootstrap.sh run|test" >&2; exit 2 ;;
esac
