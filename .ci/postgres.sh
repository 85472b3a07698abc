#!/usr/bin/env bash
# CI for the PostgreSQL extension (postgres/): installs what is missing (Debian's
# PostgreSQL 15 server headers, clang, cargo-pgrx at the pinned version),
# builds and installs the extension into the system's PostgreSQL 15, starts the
# Debian cluster (the server runs as the postgres user), and in a fresh
# database runs the SQL files postgres/sql/*.sql through psql, comparing each
# output with postgres/expected/*.out (the pg_regress way), then cross-checks
# 100k random inputs between SQL and the Rust library.
#
# Needs root (apt, the system's extension directory, runuser). Set
# MERZIM_PG_ACCEPT=1 to rewrite the expected files from this run's output,
# MERZIM_PG_CLIPPY=1 to run clippy too, MERZIM_PG_CROSS_N=... for another
# number of cross-checked inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PGRX_VERSION=0.16.1 # = the pgrx version in postgres/Cargo.toml
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
DB=merzim_regress
export CARGO_TERM_COLOR=never

die() { echo "postgres.sh: $*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo is required (Rust 1.85+)"
[ "$(id -u)" -eq 0 ] || die "run as root: it installs Debian packages and the extension, and runs psql as postgres"
command -v runuser >/dev/null || die "runuser (util-linux) is required"

echo "== Debian packages: postgresql-15, postgresql-server-dev-15, clang, libclang-dev"
missing=()
for p in postgresql-15 postgresql-client-15 postgresql-server-dev-15 clang libclang-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "   installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
[ -x "$PG_CONFIG" ] || die "$PG_CONFIG not found"
command -v pg_ctlcluster >/dev/null || die "pg_ctlcluster (postgresql-common) is required"
command -v psql >/dev/null || die "psql is required"

echo "== cargo-pgrx $PGRX_VERSION"
if [ "$(cargo pgrx --version 2>/dev/null || true)" != "cargo-pgrx $PGRX_VERSION" ]; then
  cargo install cargo-pgrx --version "=$PGRX_VERSION" --locked
fi
[ "$(cargo pgrx --version)" = "cargo-pgrx $PGRX_VERSION" ] || die "cargo-pgrx is not $PGRX_VERSION"

# Against Debian's pg_config only: a plain `cargo pgrx init` downloads and
# builds PostgreSQL sources.
PGRX_HOME=${PGRX_HOME:-$HOME/.pgrx}
if ! grep -qs "^pg15 *= *\"$PG_CONFIG\"" "$PGRX_HOME/config.toml"; then
  echo "== cargo pgrx init --pg15 $PG_CONFIG"
  cargo pgrx init --pg15 "$PG_CONFIG"
fi

echo "== cargo fmt --check (postgres/, postgres/crosscheck/)"
(cd postgres && cargo fmt --check)
(cd postgres/crosscheck && cargo fmt --check)
# clippy checks pgrx and its dependencies once more in check mode: several
# minutes on this 2-core machine from a fresh clone, so on request.
if [ "${MERZIM_PG_CLIPPY:-0}" = 1 ]; then
  echo "== cargo clippy (warnings denied)"
  (cd postgres && PGRX_PG_CONFIG_PATH="$PG_CONFIG" cargo clippy -q --all-targets -- -D warnings)
  (cd postgres/crosscheck && cargo clippy -q -- -D warnings)
fi

echo "== build and install the extension (cargo pgrx install --release)"
start=$SECONDS
(cd postgres && cargo pgrx install --release --pg-config "$PG_CONFIG")
echo "   built and installed in $((SECONDS - start)) s"

echo "== start the Debian cluster"
was_down=0
# awk prints the cluster's line or nothing (no `| grep -q`: under pipefail it
# can fail when grep stops reading first).
if [ -z "$(pg_lsclusters -h 2>/dev/null | awk '$1 == 15 && $2 == "main"')" ]; then
  pg_createcluster 15 main
fi
if [ "$(pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}')" != online ]; then
  was_down=1
  pg_ctlcluster 15 main start
fi

PSQL=(runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

WORK=$(mktemp -d)
chmod 755 "$WORK"
cleanup() {
  rm -rf "$WORK"
  rm -f "${EXTDIR:-/nonexistent}"/merzim--0.0.0+upgrade-test*
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS merzim_upgrade" >/dev/null 2>&1 || true
  if [ "$was_down" = 1 ]; then pg_ctlcluster 15 main stop || true; fi
}
trap cleanup EXIT

echo "== SQL tests (postgres/sql/*.sql against postgres/expected/*.out)"
failed=0
for f in postgres/sql/*.sql; do
  name=$(basename "$f" .sql)
  out=$WORK/$name.out
  # As pg_regress runs psql: echo every statement, errors inline.
  runuser -u postgres -- env PGOPTIONS="-c lc_messages=C -c timezone=UTC -c datestyle=ISO,YMD -c intervalstyle=postgres" \
    psql -X -a -q -d "$DB" <"$f" >"$out" 2>&1 || true
  if [ "${MERZIM_PG_ACCEPT:-0}" = 1 ]; then
    cp "$out" "postgres/expected/$name.out"
    echo "   $name: expected output written"
  elif diff -u "postgres/expected/$name.out" "$out" >"$WORK/$name.diff"; then
    echo "   $name: ok"
  else
    echo "   $name: FAILED"
    cat "$WORK/$name.diff"
    failed=1
  fi
done
[ "$failed" = 0 ] || die "SQL tests failed"

echo "== upgrade: ALTER EXTENSION merzim UPDATE, with an index and a generated column built before it"
# An earlier version is simulated by this version's script under another
# version name; the update script is made as README.md, "Upgrades", says.
EXTDIR=$("$PG_CONFIG" --sharedir)/extension
VERSION=$(sed -n "s/^default_version = '\(.*\)'$/\1/p" postgres/merzim.control)
[ -f "$EXTDIR/merzim--$VERSION.sql" ] || die "merzim--$VERSION.sql is not installed in $EXTDIR"
OLD=0.0.0+upgrade-test
cp "$EXTDIR/merzim--$VERSION.sql" "$EXTDIR/merzim--$OLD.sql"
sed 's/^CREATE  *FUNCTION/CREATE OR REPLACE FUNCTION/' "$EXTDIR/merzim--$VERSION.sql" >"$EXTDIR/merzim--$OLD--$VERSION.sql"
UDB=merzim_upgrade
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $UDB" -c "CREATE DATABASE $UDB"
upgrade_out=$(runuser -u postgres -- env PGOPTIONS="-c lc_messages=C -c timezone=UTC" \
  psql -X -q -At -v ON_ERROR_STOP=1 -d "$UDB" <<SQL
CREATE EXTENSION merzim VERSION '$OLD';
CREATE TABLE cases (submitted timestamp, received date,
    answer_by date GENERATED ALWAYS AS (merzim.add_working_days(received, 5)) STORED);
INSERT INTO cases (submitted, received)
SELECT timestamp '2026-01-01 10:00' + i * interval '7 hours', date '2026-01-01' + i % 300 FROM generate_series(1, 2000) i;
CREATE INDEX cases_due ON cases (merzim.due_at(submitted, '22 working days'));
ALTER EXTENSION merzim UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'merzim';
-- After an update: reindex what was built on the old data, rewrite generated columns.
REINDEX INDEX cases_due;
UPDATE cases SET received = received;
SET enable_seqscan = off;
SELECT count(*) FROM cases WHERE merzim.due_at(submitted, '22 working days') < '2026-03-01';
SELECT count(*) FROM cases WHERE answer_by <> merzim.add_working_days(received, 5);
SQL
)
rm -f "$EXTDIR/merzim--$OLD.sql" "$EXTDIR/merzim--$OLD--$VERSION.sql"
echo "$upgrade_out" | sed 's/^/   /'
# The same count without the index.
fresh=$(runuser -u postgres -- env PGOPTIONS="-c enable_indexscan=off -c enable_bitmapscan=off" psql -X -q -At -d "$UDB" -c \
  "SELECT count(*) FROM cases WHERE merzim.due_at(submitted, '22 working days') < '2026-03-01'")
"${PSQL[@]}" -d postgres -c "DROP DATABASE $UDB"
[ "$upgrade_out" = "$(printf '%s\n%s\n%s' "$VERSION" "$fresh" 0)" ] || die "the upgrade test gave other results"

echo "== cross-check: 100k random inputs, SQL against the Rust library"
start=$SECONDS
CROSS_N=${MERZIM_PG_CROSS_N:-100000}
(cd postgres/crosscheck && cargo run --release -q -- "$CROSS_N" "$WORK")
(cd "$WORK" && runuser -u postgres -- env PGOPTIONS="-c lc_messages=C -c timezone=UTC" \
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <"$ROOT/postgres/crosscheck/compare.sql") | tee "$WORK/cross.txt"
if grep -q 'MISMATCH' "$WORK/cross.txt"; then die "SQL and the library disagree"; fi
echo "   cross-checked in $((SECONDS - start)) s"

echo "== postgres: all passed"
