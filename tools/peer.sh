#!/usr/bin/env bash
# Prepare the independent reference peer (../shared/peers/dbvc) in a writable
# cache folder and run it: shared/ is read-only, so `npm ci` happens in a copy.
#   tools/peer.sh verify DIR [--bench] ...   -> node verify.mjs DIR ...
#   tools/peer.sh issue OUT --n N --seed S   -> node issue.mjs OUT ...
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${WALLET_SHARED:-$here/../shared}
cache=${WALLET_PEER_CACHE:-$here/.cache/dbvc}
src="$shared/peers/dbvc"
[ -d "$src" ] || { echo "peer not found at $src" >&2; exit 2; }
if [ ! -f "$cache/.ready" ] || ! cmp -s "$src/package-lock.json" "$cache/package-lock.json"; then
  rm -rf "$cache"; mkdir -p "$cache"
  cp -r "$src"/. "$cache"/; chmod -R u+w "$cache"
  (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >&2)
  touch "$cache/.ready"
fi
cmd=$1; shift
case "$cmd" in
  verify) exec node "$cache/verify.mjs" "$@" ;;
  issue) exec node "$cache/issue.mjs" "$@" ;;
  *) echo "usage: tools/peer.sh verify|issue ARGS" >&2; exit 2 ;;
esac
