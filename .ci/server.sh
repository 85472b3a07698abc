#!/usr/bin/env bash
# CI for the HTTP service (server/): builds merzim-server, starts it on a free
# loopback port, reads every drop-in dialect back with Python's own parsers
# (server/tests/dialects.py), runs schemathesis against the served OpenAPI
# document (no 5xx, every answer within the schema), then stops the service
# with SIGTERM and checks that it exits cleanly. Fails loudly when a tool is
# missing. The Python tools go into a virtualenv under target/ (reused when
# present).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
command -v "$PY" >/dev/null || { echo "python3 is required" >&2; exit 1; }
command -v cargo >/dev/null || { echo "cargo is required" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
export CARGO_TERM_COLOR=never PIP_DISABLE_PIP_VERSION_CHECK=1

echo "== cargo build -p merzim-server"
cargo build -p merzim-server
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/debug/merzim-server

VENV=$ROOT/target/ci-server-venv
if ! "$VENV/bin/python" -c "import icalendar, schemathesis" 2>/dev/null; then
  echo "== virtualenv with schemathesis and icalendar ($VENV)"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install -q schemathesis icalendar
fi
"$VENV/bin/python" -c "import icalendar, schemathesis" \
  || { echo "schemathesis and icalendar could not be installed" >&2; exit 1; }
ST="$VENV/bin/schemathesis"
[ -x "$ST" ] || ST="$VENV/bin/st"
[ -x "$ST" ] || { echo "the schemathesis command is missing from $VENV/bin" >&2; exit 1; }

PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
LOG=$(mktemp)
"$BIN" --listen "127.0.0.1:$PORT" >"$LOG" 2>&1 &
PID=$!
cleanup() {
  if kill -0 "$PID" 2>/dev/null; then kill "$PID" 2>/dev/null || true; fi
  rm -f "$LOG"
}
trap cleanup EXIT
for _ in $(seq 100); do
  curl -sf "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; echo "merzim-server did not start" >&2; exit 1; }
  sleep 0.1
done
curl -sf "$BASE/healthz" >/dev/null || { cat "$LOG" >&2; echo "merzim-server does not answer" >&2; exit 1; }
echo "   merzim-server (pid $PID) on $BASE"

echo "== drop-in dialects read back (isdayoff, Nager.Date, CSV, iCalendar, 1C), every day"
"$VENV/bin/python" server/tests/dialects.py "$BASE"

echo "== schemathesis against $BASE/openapi.json"
# (run from a scratch directory: schemathesis keeps a cache where it runs)
ST_DIR=$(mktemp -d)
(cd "$ST_DIR" && "$ST" run "$BASE/openapi.json" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-50}" \
  --request-timeout 20 \
  --no-color)
rm -rf "$ST_DIR"

echo "== SIGTERM: graceful shutdown"
kill -TERM "$PID"
for _ in $(seq 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then echo "merzim-server did not stop on SIGTERM" >&2; exit 1; fi
wait "$PID" && echo "   exited with 0" || { echo "merzim-server exited with $?" >&2; tail -20 "$LOG" >&2; exit 1; }
grep -q "shutting down" "$LOG" || { echo "no shutdown in the log" >&2; exit 1; }
echo "== merzim-server: ok"
