#!/usr/bin/env bash
# Benchmark of merzim-server (not a test): wrk on loopback, bounded durations,
# the load generator and the service sharing the machine's cores, so the
# figures that matter are ratios measured in the same run.
#
#   bash server/bench/run.sh            # 10 s per endpoint, 1M NDJSON lines, 600 s RSS run
#   DURATION=5 RSS_SECONDS=120 bash server/bench/run.sh
#
# Prints: requests/s, p50 and p99 of /healthz, POST /v1/evaluate (a term
# line) and GET /v1/is-working-day/{date}, and their ratios to /healthz; the
# lines/s of one NDJSON body of 1,000,000 lines; the service's RSS sampled
# during a mixed load of RSS_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
LINES=${LINES:-1000000}
RSS_SECONDS=${RSS_SECONDS:-600}

cargo build --release -q -p merzim-server
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/merzim-server
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
RUST_LOG=warn,merzim_server=info "$BIN" --listen "127.0.0.1:$PORT" --request-timeout 600 >"$WORK/log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do curl -sf "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load: wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency, same machine"

cat >"$WORK/term.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":"a1","submitted":"2026-03-20T16:30:00","term":"22 working days","channel":"portal"}'
LUA

# The service's CPU time so far, in clock ticks (utime + stime).
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

run() { # name url [script]
  local name=$1 url=$2 script=${3:-}
  local out cpu0 cpu1 reqs
  cpu0=$(cpu)
  if [ -n "$script" ]; then
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$url")
  else
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
  fi
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  cpu1=$(cpu)
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$name $rps $p50 $p99 ${non2xx:-0} $(( (cpu1 - cpu0) * TICK_US )) $reqs" >>"$WORK/results"
}

# Warm up, then each endpoint twice, interleaved.
wrk -t1 -c4 -d2s "$BASE/healthz" >/dev/null
for round in 1 2; do
  run healthz "$BASE/healthz"
  run evaluate "$BASE/v1/evaluate" "$WORK/term.lua"
  run is-working-day "$BASE/v1/is-working-day/2026-03-20"
done
python3 - "$WORK/results" <<'PY'
import sys, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, rps, p50, p99, bad, cpu_us, reqs = line.split()
    rows[name].append((float(rps), p50, p99, int(bad), int(cpu_us) / max(int(reqs), 1)))
best = {k: max(v) for k, v in rows.items()}
cost = {k: sum(r[4] for r in v) / len(v) for k, v in rows.items()}
h, hc = best["healthz"][0], cost["healthz"]
print(f"{'endpoint':<32}{'req/s':>9}{'p50':>10}{'p99':>10}{'vs healthz':>12}"
      f"{'CPU/req':>10}{'CPU ratio':>11}{'non-2xx':>9}")
for name, label in (("healthz", "GET /healthz"), ("evaluate", "POST /v1/evaluate (term line)"),
                    ("is-working-day", "GET /v1/is-working-day/{date}")):
    rps, p50, p99, bad, _ = best[name]
    c = cost[name]
    print(f"{label:<32}{rps:>9.0f}{p50:>10}{p99:>10}{rps / h:>11.0%}"
          f"{c:>8.1f}us{hc / c:>10.0%}{bad:>9}")
print("(req/s, p50, p99: best of two interleaved runs; CPU/req: the service's CPU time")
print(" per request, mean of the two runs; CPU ratio: healthz's CPU/req over the endpoint's,")
print(" the rate ratio the endpoints would have if the service had the cores to itself)")
PY

echo
echo "NDJSON: one POST /v1/evaluate body of $LINES lines"
python3 - "$LINES" >"$WORK/lines.ndjson" <<'PY'
import sys
n = int(sys.argv[1])
terms = ["1 working day", "22 working days", "30 calendar days", "2 hours", "1 month"]
out = sys.stdout
for i in range(n):
    y = 2000 + i % 28
    m = 1 + (i // 28) % 12
    d = 1 + (i // 336) % 28
    out.write('{"id":%d,"submitted":"%04d-%02d-%02dT%02d:%02d","term":"%s"}\n'
              % (i, y, m, d, 8 + i % 10, i % 60, terms[i % len(terms)]))
PY
size=$(stat -c %s "$WORK/lines.ndjson")
t=$(curl -s -o "$WORK/answers" -w '%{time_total}' -X POST -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/lines.ndjson" "$BASE/v1/evaluate")
answers=$(wc -l <"$WORK/answers")
python3 -c "import sys; n, t, s = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]); print(f'{n} lines ({s/1e6:.0f} MB) in {t:.2f} s: {n/t:,.0f} lines/s')" "$answers" "$t" "$size"
[ "$answers" -eq "$LINES" ] || { echo "expected $LINES answers, got $answers" >&2; exit 1; }
grep "stream done" "$WORK/log" | sed 's/\x1b\[[0-9;]*m//g' | sed 's/.*stream done/  service log: stream done/' || true
# The same lines through the CLI's `merzim batch` (the same library streamer,
# no HTTP), when its release build is there, for the ratio.
CLI=${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/merzim
if [ -x "$CLI" ]; then
  start=$(date +%s.%N)
  "$CLI" batch <"$WORK/lines.ndjson" >"$WORK/cli-answers"
  end=$(date +%s.%N)
  python3 -c "import sys; n, t = int(sys.argv[1]), float(sys.argv[2]) - float(sys.argv[3]); print(f'merzim batch, same lines: {t:.2f} s: {n/t:,.0f} lines/s')" "$LINES" "$end" "$start"
  cmp -s "$WORK/answers" "$WORK/cli-answers" && echo "  the service's answers are byte for byte those of merzim batch" \
    || { echo "the service's answers differ from merzim batch" >&2; exit 1; }
fi
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "RSS during $RSS_SECONDS s of mixed load (evaluate, is-working-day, calendar, healthz)"
rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
echo "  before: $(rss) kB"
cat >"$WORK/mixed.lua" <<'LUA'
local paths = {"/healthz", "/v1/is-working-day/2026-03-20", "/v1/calendar/2026", "/v1/due?submitted=2026-03-20T16:30&term=22%20working%20days&explain=true"}
local i = 0
request = function()
  i = i + 1
  if i % 5 == 0 then
    return wrk.format("POST", "/v1/evaluate", {["Content-Type"] = "application/json"},
      '{"id":' .. i .. ',"submitted":"2026-03-20T16:30","term":"22 working days"}')
  end
  return wrk.format("GET", paths[(i % 4) + 1])
end
LUA
wrk -t1 -c"$CONNECTIONS" -d"${RSS_SECONDS}s" -s "$WORK/mixed.lua" "$BASE" >"$WORK/mixed.out" &
WRK=$!
samples=()
step=$(( RSS_SECONDS / 10 )); [ "$step" -ge 1 ] || step=1
while kill -0 $WRK 2>/dev/null; do samples+=("$(rss)"); sleep "$step"; done
echo "  samples (kB, every ${step} s): ${samples[*]}"
echo "  after: $(rss) kB; $(awk '/Requests\/sec/ {print $2}' "$WORK/mixed.out") req/s"
