#!/usr/bin/env bash
# Benchmark of the PostgreSQL extension (not a test): run .ci/postgres.sh
# first (it installs the extension); this script starts the Debian cluster if
# it is down, makes a database merzim_bench with
#   t(d date, n int)           1M rows, d in 2015..2026, n in 0..60
#   s(submitted timestamp)     1M rows, 2015..2026, at any minute
#   holidays(day date)         the weekdays off and the working weekends, as a
#                              team copies them into SQL today
# and times, best of five (psql \timing; REPEAT=...), serial and with a parallel plan:
#   sum over merzim.add_working_days(d, n)  vs the floor d + n
#   a PL/pgSQL loop over the holidays table (on 5,000 rows, per row)
#   (merzim.due(submitted, '22 working days')).due and merzim.due_at(…)
#     vs the floor submitted + 22 days
# and the CPU time of the backend for the serial queries (steadier than wall
# time on a shared machine), and shows EXPLAIN ANALYZE of the parallel plans. Needs root (runs psql as
# postgres). ROWS=... to change the table size.
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${ROWS:-1000000}
PLPGSQL_ROWS=${PLPGSQL_ROWS:-5000}
DB=merzim_bench

pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online || pg_ctlcluster 15 main start
PSQL=(runuser -u postgres -- env PGOPTIONS="-c lc_messages=C" psql -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
"${PSQL[@]}" -d $DB -At -c "SELECT version()"

"${PSQL[@]}" -d $DB <<SQL
CREATE EXTENSION merzim;
SELECT setseed(0.21) \gset
CREATE TABLE t AS
SELECT date '2015-01-01' + (random() * 4380)::int AS d, (random() * 60)::int AS n
FROM generate_series(1, $ROWS);
CREATE TABLE s AS
SELECT timestamp '2015-01-01' + (random() * 4380 * 1440)::int * interval '1 minute' AS submitted
FROM generate_series(1, $ROWS);
-- What a team keeps today: the days off that fall on weekdays, and the
-- weekend days that are worked, copied from a published calendar.
CREATE TABLE holidays (day date PRIMARY KEY, working boolean NOT NULL);
INSERT INTO holidays
SELECT c.date, c.working FROM generate_series(2014, 2027) AS y, merzim.calendar(y) c
WHERE (extract(isodow FROM c.date) < 6) <> c.working;
VACUUM ANALYZE t; VACUUM ANALYZE s; VACUUM ANALYZE holidays;

-- The usual PL/pgSQL: step day by day, skipping weekends and holidays.
CREATE FUNCTION plpgsql_add_working_days(start date, n int) RETURNS date
LANGUAGE plpgsql STABLE PARALLEL SAFE AS \$\$
DECLARE
    d date := start;
    left_ int := n;
    w boolean;
BEGIN
    LOOP
        d := d + 1;
        SELECT h.working INTO w FROM holidays h WHERE h.day = d;   -- no row: NULL
        IF coalesce(w, extract(isodow FROM d) < 6) THEN
            left_ := left_ - 1;
            EXIT WHEN left_ = 0;
        END IF;
    END LOOP;
    RETURN d;
END \$\$;
CREATE TABLE t_small AS SELECT * FROM t WHERE n > 0 LIMIT $PLPGSQL_ROWS;
-- The loop gives the library's answers (n > 0, five-day week).
SELECT count(*) AS plpgsql_disagreements FROM t_small
WHERE plpgsql_add_working_days(d, n) <> merzim.add_working_days(d, n);
SQL

# Best of $REPEAT wall times of a query, in ms.
REPEAT=${REPEAT:-5}
best() {
  local settings=$1 query=$2
  {
    echo "$settings"
    echo '\timing on'
    for _ in $(seq "$REPEAT"); do echo "$query;"; done
  } | "${PSQL[@]}" -d $DB | awk '/^Time:/ {print $2}' | sort -n | head -1
}

serial="SET max_parallel_workers_per_gather = 0;"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"

q_floor="SELECT sum((d + n) - date '2000-01-01') FROM t"
q_merzim="SELECT sum(merzim.add_working_days(d, n) - date '2000-01-01') FROM t"
q_plpgsql_small="SELECT sum(plpgsql_add_working_days(d, n) - date '2000-01-01') FROM t_small"
q_merzim_small="SELECT sum(merzim.add_working_days(d, n) - date '2000-01-01') FROM t_small"
q_due_floor="SELECT sum(extract(epoch FROM submitted + interval '22 days')) FROM s"
q_due="SELECT sum(extract(epoch FROM (merzim.due(submitted, '22 working days')).due)) FROM s"
q_due_at="SELECT sum(extract(epoch FROM merzim.due_at(submitted, '22 working days'))) FROM s"

declare -A S P
measure() { S[$1]=$(best "$serial" "$2"); P[$1]=$(best "$parallel" "$2"); }
measure floor "$q_floor"
measure merzim "$q_merzim"
measure merzim_small "$q_merzim_small"
measure plpgsql "$q_plpgsql_small"
measure due_floor "$q_due_floor"
measure due "$q_due"
measure due_at "$q_due_at"

printf '\n%-52s %11s %11s\n' "query (best of $REPEAT; $ROWS rows unless said)" "serial ms" "parallel ms"
line() { printf '%-52s %11s %11s\n' "$1" "${S[$2]}" "${P[$2]}"; }
line "floor: sum(d + n)" floor
line "merzim.add_working_days(d, n)" merzim
line "merzim.add_working_days, $PLPGSQL_ROWS rows" merzim_small
line "PL/pgSQL loop over holidays, $PLPGSQL_ROWS rows" plpgsql
line "floor: submitted + interval '22 days'" due_floor
line "(merzim.due(submitted, '22 working days')).due" due
line "merzim.due_at(submitted, '22 working days')" due_at

# Wall time moves with whatever else the machine runs; the CPU time of the
# backend (user + system, /proc/<pid>/stat) moves much less. Serial runs in
# one session, $CPU_REPEAT times each.
CPU_REPEAT=${CPU_REPEAT:-10}
TICK_MS=$((1000 / $(getconf CLK_TCK)))
coproc PSQLC { "${PSQL[@]}" -At -d $DB; }
echo "SET max_parallel_workers_per_gather = 0; SELECT pg_backend_pid();" >&"${PSQLC[1]}"
read -r BPID <&"${PSQLC[0]}"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$BPID/stat"; }
declare -A C
cpu() {
  local before after _
  echo "$2;" >&"${PSQLC[1]}"; read -r _ <&"${PSQLC[0]}" # warm
  before=$(cpu_ticks)
  for _ in $(seq "$CPU_REPEAT"); do echo "$2;" >&"${PSQLC[1]}"; read -r _ <&"${PSQLC[0]}"; done
  after=$(cpu_ticks)
  C[$1]=$(awk -v t=$((after - before)) -v ms="$TICK_MS" -v n="$CPU_REPEAT" 'BEGIN { printf "%.1f", t * ms / n }')
}
cpu floor "$q_floor"
cpu merzim "$q_merzim"
cpu plpgsql "SELECT sum(plpgsql_add_working_days(d, n) - date '2000-01-01') FROM (SELECT * FROM t_small LIMIT 500) x"
cpu due_floor "$q_due_floor"
cpu due "$q_due"
cpu due_at "$q_due_at"
echo '\q' >&"${PSQLC[1]}"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
per_row() { awk -v ms="$1" -v n="$2" 'BEGIN { printf "%.0f", ms * 1e6 / n }'; }
echo
echo "CPU time of the backend, serial, mean of $CPU_REPEAT runs (ms): floor ${C[floor]}, add_working_days ${C[merzim]},"
echo "  PL/pgSQL on 500 rows ${C[plpgsql]}, due floor ${C[due_floor]}, due() ${C[due]}, due_at() ${C[due_at]}"
echo
echo "add_working_days / floor:  wall serial $(ratio "${S[merzim]}" "${S[floor]}")x, parallel $(ratio "${P[merzim]}" "${P[floor]}")x; CPU $(ratio "${C[merzim]}" "${C[floor]}")x (goal: within 2x)"
echo "PL/pgSQL loop / add_working_days, per row:  wall $(per_row "${S[plpgsql]}" "$PLPGSQL_ROWS") / $(per_row "${S[merzim]}" "$ROWS") ns = $(ratio "$(per_row "${S[plpgsql]}" "$PLPGSQL_ROWS")" "$(per_row "${S[merzim]}" "$ROWS")")x;" \
  "CPU $(per_row "${C[plpgsql]}" 500) / $(per_row "${C[merzim]}" "$ROWS") ns = $(ratio "$(per_row "${C[plpgsql]}" 500)" "$(per_row "${C[merzim]}" "$ROWS")")x (goal: at least 100x)"
echo "due() / floor:             wall serial $(ratio "${S[due]}" "${S[due_floor]}")x, parallel $(ratio "${P[due]}" "${P[due_floor]}")x; CPU $(ratio "${C[due]}" "${C[due_floor]}")x (goal: within 3x)"
echo "due_at() / floor:          wall serial $(ratio "${S[due_at]}" "${S[due_floor]}")x, parallel $(ratio "${P[due_at]}" "${P[due_floor]}")x; CPU $(ratio "${C[due_at]}" "${C[due_floor]}")x"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== EXPLAIN ANALYZE, parallel"
"${PSQL[@]}" -d $DB <<SQL
$parallel
EXPLAIN (ANALYZE, COSTS OFF) $q_merzim;
EXPLAIN (ANALYZE, COSTS OFF) $q_due;
SQL

"${PSQL[@]}" -d postgres -c "DROP DATABASE $DB"
