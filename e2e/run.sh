#!/usr/bin/env bash
# `make e2e`: Chorus in Microsoft's M365 Agents Playground (a Teams client that needs no tenant),
# driven by headless Chromium through a scenario, with a screenshot after each step.
# Installs what it needs on first use: Debian's chromium, and the Playground and playwright-core
# from npm into a cache folder (no browser download). Not part of `make test`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CHORUS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chorus-e2e}
PLAYGROUND=@microsoft/m365agentsplayground@0.2.28
PLAYWRIGHT=playwright-core@1.65.1
SHOTS=${SHOTS_DIR:-$ROOT/e2e/screenshots/$(date +%Y%m%d-%H%M%S)}
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium (once)..."
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
STAMP="$CACHE/node_modules/.chorus-${PLAYGROUND//\//_}-$PLAYWRIGHT"
if [ ! -f "$STAMP" ]; then
  echo "Installing $PLAYGROUND and $PLAYWRIGHT into $CACHE (once)..."
  mkdir -p "$CACHE"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$CACHE" --no-audit --no-fund \
    --loglevel=error "$PLAYGROUND" "$PLAYWRIGHT"
  touch "$STAMP"
fi

free_port() { "$ROOT/.venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() {  # url, what, pid
  for _ in $(seq 150); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 stopped; its log:"; cat "$WORK/$2.log"; exit 1; }
    sleep 0.2
  done
  echo "$2 did not start; its log:"; cat "$WORK/$2.log"; exit 1
}

CHORUS_PORT=$(free_port)
PLAYGROUND_PORT=$(free_port)
mkdir -p "$SHOTS"

# Both run in a scratch folder (the Playground writes its devTools/ log where it starts).
# Chorus with a fresh database, Teams in anonymous local mode, nothing else configured.
(cd "$WORK" && exec env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 TZ=UTC \
  CHORUS_TEAMS=anonymous CHORUS_DB="$WORK/chorus.db" CHORUS_SCHEDULER=off PORT="$CHORUS_PORT" \
  "$ROOT/.venv/bin/chorus" serve >"$WORK/chorus.log" 2>&1) &
PIDS+=($!)
wait_for "http://127.0.0.1:$CHORUS_PORT/healthz" chorus "${PIDS[-1]}"

(cd "$WORK" && exec env TEAMSAPPTESTER_BROWSER=none node "$CACHE/node_modules/@microsoft/m365agentsplayground/cli.js" \
  --app-endpoint "http://127.0.0.1:$CHORUS_PORT/api/messages" --channel-id msteams \
  --port "$PLAYGROUND_PORT" --disable-telemetry >"$WORK/playground.log" 2>&1) &
PIDS+=($!)
wait_for "http://127.0.0.1:$PLAYGROUND_PORT/" playground "${PIDS[-1]}"

status=0
NODE_PATH="$CACHE/node_modules" SHOTS_DIR="$SHOTS" PLAYGROUND_URL="http://127.0.0.1:$PLAYGROUND_PORT/" \
  node "$ROOT/e2e/scenario.js" || status=$?
if grep -q "Traceback" "$WORK/chorus.log"; then
  echo "chorus serve logged a traceback:"; grep -A20 Traceback "$WORK/chorus.log"; status=1
fi
echo "Screenshots: $SHOTS"
exit $status
