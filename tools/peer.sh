#!/usr/bin/env bash
# Prepare an independent reference peer (../shared/peers/NAME) in a writable
# cache folder and run it: shared/ is read-only, so `npm ci` happens in a copy.
#   tools/peer.sh verify DIR [--bench] ...   -> dbvc: node verify.mjs DIR ...
#   tools/peer.sh issue OUT --n N --seed S   -> dbvc: node issue.mjs OUT ...
#   tools/peer.sh oid4vc-path                -> prepare the oid4vc peer, print its folder
#   tools/peer.sh oid4vc-server ARGS         -> oid4vc: node server.mjs ARGS
#   tools/peer.sh oid4vc-client ARGS         -> oid4vc: node client.mjs ARGS
# Cache folders: $WALLET_PEER_CACHE (dbvc) and $WALLET_OID4VC_CACHE (oid4vc),
# by default .cache/dbvc and .cache/oid4vc in the project.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${WALLET_SHARED:-$here/../shared}

# prepare NAME CACHE: copy the peer and `npm ci` once per package-lock.json.
prepare() {
  local src="$shared/peers/$1" cache=$2
  [ -d "$src" ] || { echo "peer not found at $src" >&2; exit 2; }
  if [ ! -f "$cache/.ready" ] || ! cmp -s "$src/package-lock.json" "$cache/package-lock.json"; then
    rm -rf "$cache"; mkdir -p "$cache"
    cp -r "$src"/. "$cache"/; chmod -R u+w "$cache"
    (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error >&2)
    touch "$cache/.ready"
  fi
}

cmd=${1:-}; [ $# -gt 0 ] && shift
case "$cmd" in
  verify|issue)
    cache=${WALLET_PEER_CACHE:-$here/.cache/dbvc}
    prepare dbvc "$cache"
    exec node "$cache/$cmd.mjs" "$@" ;;
  oid4vc-path|oid4vc-server|oid4vc-client)
    cache=${WALLET_OID4VC_CACHE:-$here/.cache/oid4vc}
    prepare oid4vc "$cache"
    case "$cmd" in
      oid4vc-path) echo "$cache" ;;
      oid4vc-server) exec node "$cache/server.mjs" "$@" ;;
      oid4vc-client) exec node "$cache/client.mjs" "$@" ;;
    esac ;;
  *) echo "usage: tools/peer.sh verify|issue|oid4vc-path|oid4vc-server|oid4vc-client ARGS" >&2; exit 2 ;;
esac
