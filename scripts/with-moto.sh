#!/usr/bin/env bash
# Runs a command with the emulator (local/emulator/moto-server: moto from .venv/emulator with the
# project's changes, see local/emulator/moto_server.py) up on a free 127.0.0.1 port:
#   scripts/with-moto.sh mvn -q verify -DskipITs=false
# The command gets AWS_ENDPOINT_URL, AWS_REGION=eu-west-3 and fake credentials; moto is stopped
# afterwards whatever happens. Its exit code is the command's.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${EMULATOR_VENV:-$root/.venv/emulator}"
case "$venv" in /*) ;; *) venv="$root/$venv" ;; esac
python="$venv/bin/python"
moto="$root/local/emulator/moto-server"

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-moto.sh <command> [args...]" >&2
  exit 2
fi
if [ ! -x "$python" ]; then
  echo "with-moto: $python not found: run 'make emulator' first" >&2
  exit 2
fi

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp "${TMPDIR:-/tmp}/with-moto.XXXXXX")"
EMULATOR_PYTHON_BIN="$python" "$moto" -H 127.0.0.1 -p "$port" >"$log" 2>&1 </dev/null &
moto_pid=$!

stop_moto() {
  if kill -0 "$moto_pid" 2>/dev/null; then
    kill "$moto_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$moto_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$moto_pid" 2>/dev/null || true
  fi
  wait "$moto_pid" 2>/dev/null || true
  rm -f "$log"
}
trap stop_moto EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

answers() {
  "$python" - "$port" <<'PY' 2>/dev/null
import sys, urllib.request
urllib.request.urlopen("http://127.0.0.1:%s/moto-api/" % sys.argv[1], timeout=1).read(1)
PY
}

up=""
for _ in $(seq 1 300); do
  if ! kill -0 "$moto_pid" 2>/dev/null; then
    echo "with-moto: moto_server exited while starting; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  if answers; then up=yes; break; fi
  sleep 0.1
done
if [ -z "$up" ]; then
  echo "with-moto: moto_server did not answer on 127.0.0.1:$port within 30 s; its output:" >&2
  cat "$log" >&2
  exit 1
fi

export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
export AWS_REGION=eu-west-3
export AWS_DEFAULT_REGION=eu-west-3
export AWS_ACCESS_KEY_ID=local
export AWS_SECRET_ACCESS_KEY=local
unset AWS_SESSION_TOKEN AWS_PROFILE
echo "with-moto: emulator at $AWS_ENDPOINT_URL (pid $moto_pid)" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
