#!/usr/bin/env bash
# Benchmark of the PostgreSQL extension (not a test): run .ci/postgres.sh
# first (it installs the extension); this script starts the Debian cluster if
# it is down, makes a database merzim_bench with
#   t(d date, n int)           1M rows, d in 2015..2026, n in 0..60
#   s(submitted timestamp)     1M rows, 2015..2026, at any minute
#   holidays(day date)         the weekdays off and the working weekends, as a
#                              team copies them into SQL today
# and times, best of three (psql \timing), serial and with a parallel plan:
#   sum over merzim.add_working_days(d, n)  vs the floor d + n
#   a PL/pgSQL loop over the holidays table (on 20k rows, per row)
#   (merzim.due(submitted, '22 working days')).due and merzim.due_at(…)
#     vs the floor submitted + 22 days
# and shows EXPLAIN ANALYZE of the parallel plans. Needs root (runs psql as
# postgres). ROWS=... to change the table size.
set -euo pipefail
cd "$(dirname "$0")"
ROWS=${ROWS:-1000000}
PLPGSQL_ROWS=${PLPGSQL_ROWS:-20000}
DB=merzim_bench

pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online || pg_ctlcluster 15 main start
PSQL=(runuser -u postgres -- env PGOPTIONS="-c lc_messages=C" psql -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

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

# Best of three wall times of a query, in ms.
best() {
  local settings=$1 query=$2
  "${PSQL[@]}" -d $DB <<SQL | awk '/^Time:/ {print $2}' | sort -n | head -1
$settings
\timing on
$query;
$query;
$query;
SQL
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

printf '\n%-55s %12s %12s\n' "query ($ROWS rows unless said)" "serial ms" "parallel ms"
row() {
  local label=$1 q=$2
  printf '%-55s %12s %12s\n' "$label" "$(best "$serial" "$q")" "$(best "$parallel" "$q")"
}
row "floor: sum(d + n)" "$q_floor"
row "merzim.add_working_days(d, n)" "$q_merzim"
row "merzim.add_working_days, $PLPGSQL_ROWS rows" "$q_merzim_small"
row "PL/pgSQL loop over holidays, $PLPGSQL_ROWS rows" "$q_plpgsql_small"
row "floor: submitted + interval '22 days'" "$q_due_floor"
row "(merzim.due(submitted, '22 working days')).due" "$q_due"
row "merzim.due_at(submitted, '22 working days')" "$q_due_at"

echo
echo "== EXPLAIN ANALYZE, parallel"
"${PSQL[@]}" -d $DB <<SQL
$parallel
EXPLAIN (ANALYZE, COSTS OFF) $q_merzim;
EXPLAIN (ANALYZE, COSTS OFF) $q_due;
SQL

"${PSQL[@]}" -d postgres -c "DROP DATABASE $DB"
