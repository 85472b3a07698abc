#!/usr/bin/env bash
# CI for the C API (ffi/): builds libmerzim.so and libmerzim.a, checks the
# header against the library, compiles the C tests with
# `gcc -std=c99 -Wall -Wextra -Werror` against the shared AND the static
# library, runs them, runs them under Valgrind (zero errors, zero leaks), and
# runs the Python ctypes example. Exits non-zero on any failure.
#
# Works from a fresh clone, non-interactively (CI=true, no stdin). Needs cargo,
# gcc, python3; installs valgrind with apt-get when it is missing.
# Called by .ci/run; can be run alone: .ci/ffi.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
REL=$ROOT/target/release
INC=$ROOT/ffi/include
CT=$ROOT/ffi/ctest
CFLAGS=(-std=c99 -Wall -Wextra -Werror -O1 -g -I "$INC")
# System libraries the static library needs on Linux/glibc, as printed by
# `cargo rustc -p merzim-ffi --release -- --print native-static-libs`
# (documented in ffi/README.md). Used when cargo does not print them (it only
# does when it actually compiles the crate).
DOCUMENTED_NATIVE_LIBS="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"

step() { printf '\n== ffi: %s\n' "$*"; }
fail() { printf 'ffi: FAILED: %s\n' "$*" >&2; exit 1; }

BUILD=$(mktemp -d "${TMPDIR:-/tmp}/merzim-ffi-ci.XXXXXX")
trap 'rm -rf "$BUILD"' EXIT

step "build libmerzim.so and libmerzim.a (release)"
cargo rustc -p merzim-ffi --release -- --print native-static-libs 2>"$BUILD/cargo.log" \
    || { cat "$BUILD/cargo.log" >&2; fail "cargo build of merzim-ffi"; }
grep -v '^warning\|^ *|\|^ *=\|^ *-->\|^$' "$BUILD/cargo.log" | tail -n 5 || true
NATIVE_LIBS=$(sed -n 's/^note: native-static-libs: //p' "$BUILD/cargo.log" | tail -n 1)
if [ -z "$NATIVE_LIBS" ]; then
    NATIVE_LIBS=$DOCUMENTED_NATIVE_LIBS
    echo "native-static-libs (documented, crate was fresh): $NATIVE_LIBS"
else
    echo "native-static-libs (from rustc): $NATIVE_LIBS"
    if [ "$NATIVE_LIBS" != "$DOCUMENTED_NATIVE_LIBS" ]; then
        echo "note: differs from the list documented in ffi/README.md and merzim.h: $DOCUMENTED_NATIVE_LIBS" >&2
    fi
fi
[ -f "$REL/libmerzim.so" ] || fail "target/release/libmerzim.so missing"
[ -f "$REL/libmerzim.a" ] || fail "target/release/libmerzim.a missing"

step "header matches the library"
# Every function declared in merzim.h is exported, and every export is declared.
grep -oE '\bmerzim_[a-z_]+\(' "$INC/merzim.h" | tr -d '(' | sort -u >"$BUILD/declared"
nm -D --defined-only "$REL/libmerzim.so" | awk '$2 == "T" {print $3}' | grep '^merzim_' | sort -u >"$BUILD/exported"
diff -u "$BUILD/declared" "$BUILD/exported" || fail "merzim.h declarations differ from the exported symbols (- header, + library)"
# Every MERZIM_* status constant has the same value in merzim.h and ffi/src/lib.rs.
sed -nE 's/^#define (MERZIM_[A-Z_]+) (-?[0-9]+).*/\1 \2/p' "$INC/merzim.h" | sort >"$BUILD/h_codes"
sed -nE 's/^pub const (MERZIM_[A-Z_]+): i32 = (-?[0-9]+);.*/\1 \2/p' "$ROOT/ffi/src/lib.rs" | sort >"$BUILD/rs_codes"
diff -u "$BUILD/h_codes" "$BUILD/rs_codes" || fail "status codes differ between merzim.h and ffi/src/lib.rs"
echo "$(wc -l <"$BUILD/exported") functions, $(wc -l <"$BUILD/h_codes") status codes: consistent"

step "compile the C tests (shared and static)"
for t in test_merzim test_threads leak_canary; do
    gcc "${CFLAGS[@]}" -pthread "$CT/$t.c" -L "$REL" -lmerzim -Wl,-rpath,"$REL" -o "$BUILD/$t-shared"
done
for t in test_merzim test_threads; do
    # shellcheck disable=SC2086 # NATIVE_LIBS is a list of flags
    gcc "${CFLAGS[@]}" -pthread "$CT/$t.c" "$REL/libmerzim.a" $NATIVE_LIBS -o "$BUILD/$t-static"
    if ldd "$BUILD/$t-static" | grep -q libmerzim; then
        fail "$t-static links libmerzim.so dynamically"
    fi
done
echo "built: $(cd "$BUILD" && ls -- *-shared *-static | tr '\n' ' ')"

step "run the C tests"
for b in test_merzim-shared test_merzim-static test_threads-shared test_threads-static; do
    echo "-- $b"
    "$BUILD/$b" "$BUILD" </dev/null || fail "$b"
done

step "run the C tests under valgrind"
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind missing: installing it with apt-get"
    SUDO=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
    (export DEBIAN_FRONTEND=noninteractive
     $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends valgrind) </dev/null \
        || fail "cannot install valgrind"
fi
# --num-callers must be deep enough for the suppressions of the process-wide
# once-initialised caches to see the OnceLock frame (see ffi/ctest/valgrind.supp).
VG=(valgrind --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1
    --num-callers=100 --suppressions="$CT/valgrind.supp")
for b in test_merzim-shared test_merzim-static test_threads-shared test_threads-static; do
    echo "-- valgrind $b"
    if ! "${VG[@]}" --log-file="$BUILD/$b.vg" "$BUILD/$b" "$BUILD" </dev/null; then
        cat "$BUILD/$b.vg" >&2
        fail "valgrind $b"
    fi
    grep -E 'ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable|suppressed:|All heap blocks were freed' "$BUILD/$b.vg" | sed 's/^==[0-9]*== */   /'
done
# The suppressions must not hide real leaks: the canary leaks on purpose.
for mode in lost reachable; do
    if "${VG[@]}" --log-file="$BUILD/canary-$mode.vg" "$BUILD/leak_canary-shared" "$mode" >/dev/null </dev/null; then
        cat "$BUILD/canary-$mode.vg" >&2
        fail "valgrind did not report the deliberate '$mode' leak of leak_canary: the suppressions hide too much"
    fi
    echo "-- leak canary ($mode): valgrind reports it, as it must: $(grep -E 'ERROR SUMMARY' "$BUILD/canary-$mode.vg" | sed 's/^==[0-9]*== *//')"
done

step "run the Python ctypes example"
command -v python3 >/dev/null 2>&1 || fail "python3 missing"
env -u MERZIM_LIB python3 "$ROOT/ffi/examples/merzim_ctypes.py" </dev/null || fail "ffi/examples/merzim_ctypes.py"

step "all passed"
