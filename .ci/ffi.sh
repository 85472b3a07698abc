#!/usr/bin/env bash
# CI for the C API (ffi/): builds libmerzim.so and libmerzim.a, checks the
# header against the library and the SONAME, compiles the C tests and the C
# examples (ffi/examples/*.c, the examples of merzim.h) with
# `gcc -std=c99 -Wall -Wextra -Werror` against the shared AND the static
# library, runs them with an 8-thread stress of 1M mixed calls
# (ffi/ctest/stress.c), runs them under Valgrind (zero errors, zero leaks;
# the stress with 50k calls) and under AddressSanitizer (the library built
# with nightly -Zsanitizer=address; the stress with its 1M calls), stages an
# installation with merzim.pc and builds an example with pkg-config, and runs
# the Python ctypes example. Exits non-zero on any failure.
#
# Works from a fresh clone, non-interactively (CI=true, no stdin). Needs cargo,
# gcc, python3, readelf; installs valgrind and pkg-config with apt-get and the
# nightly toolchain with rustup when they are missing.
# Called by .ci/run; can be run alone: .ci/ffi.sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
REL=$ROOT/target/release
INC=$ROOT/ffi/include
CT=$ROOT/ffi/ctest
EX=$ROOT/ffi/examples
CFLAGS=(-std=c99 -Wall -Wextra -Werror -O1 -g -I "$INC")
# System libraries the static library needs on Linux/glibc, as printed by
# `cargo rustc -p merzim-ffi --release -- --print native-static-libs`
# (documented in ffi/README.md). Used when cargo does not print them (it only
# does when it actually compiles the crate).
DOCUMENTED_NATIVE_LIBS="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"

step() { printf '\n== ffi: %s\n' "$*"; }
fail() { printf 'ffi: FAILED: %s\n' "$*" >&2; exit 1; }
# apt_install TOOL PACKAGE: installs PACKAGE when TOOL is missing.
apt_install() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "$1 missing: installing $2 with apt-get"
    local sudo=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    (export DEBIAN_FRONTEND=noninteractive
     $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends "$2") </dev/null \
        || fail "cannot install $2"
}

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
# Programs linked against libmerzim.so load it by its SONAME at run time.
ln -sf libmerzim.so "$REL/libmerzim.so.0"

step "SONAME"
SONAME=$(readelf -d "$REL/libmerzim.so" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
[ "$SONAME" = "libmerzim.so.0" ] || fail "libmerzim.so has SONAME '$SONAME', want libmerzim.so.0 (ffi/build.rs)"
echo "SONAME: $SONAME"

step "header matches the library"
# Every function declared in merzim.h is exported, and every export is declared.
grep -oE '\bmerzim_[a-z_]+\(' "$INC/merzim.h" | tr -d '(' | sort -u >"$BUILD/declared"
nm -D --defined-only "$REL/libmerzim.so" | awk '$2 == "T" {print $3}' | grep '^merzim_' | sort -u >"$BUILD/exported"
diff -u "$BUILD/declared" "$BUILD/exported" || fail "merzim.h declarations differ from the exported symbols (- header, + library)"
# Every MERZIM_* status constant has the same value in merzim.h and ffi/src/lib.rs.
sed -nE 's/^#define (MERZIM_[A-Z_]+) (-?[0-9]+).*/\1 \2/p' "$INC/merzim.h" | sort >"$BUILD/h_codes"
sed -nE 's/^pub const (MERZIM_[A-Z_]+): i32 = (-?[0-9]+);.*/\1 \2/p' "$ROOT/ffi/src/status.rs" | sort >"$BUILD/rs_codes"
diff -u "$BUILD/h_codes" "$BUILD/rs_codes" || fail "status codes differ between merzim.h and ffi/src/status.rs"
# Every C example is referred to by the header (and compiled and run below).
EXAMPLES=()
for e in "$EX"/*.c; do
    n=$(basename "$e" .c)
    grep -q "ffi/examples/$n.c" "$INC/merzim.h" || fail "merzim.h does not refer to ffi/examples/$n.c"
    EXAMPLES+=("$n")
done
[ "${#EXAMPLES[@]}" -ge 3 ] || fail "fewer C examples than expected in ffi/examples"
echo "$(wc -l <"$BUILD/exported") functions, $(wc -l <"$BUILD/h_codes") status codes: consistent"

step "compile the C tests and examples (shared and static)"
src_of() { if [ -f "$CT/$1.c" ]; then echo "$CT/$1.c"; else echo "$EX/$1.c"; fi; }
for t in test_merzim test_threads stress exit_race leak_canary "${EXAMPLES[@]}"; do
    gcc "${CFLAGS[@]}" -pthread "$(src_of "$t")" -L "$REL" -lmerzim -Wl,-rpath,"$REL" -o "$BUILD/$t-shared"
done
for t in test_merzim test_threads stress exit_race "${EXAMPLES[@]}"; do
    # shellcheck disable=SC2086 # NATIVE_LIBS is a list of flags
    gcc "${CFLAGS[@]}" -pthread "$(src_of "$t")" "$REL/libmerzim.a" $NATIVE_LIBS -o "$BUILD/$t-static"
    if grep -q libmerzim <<<"$(ldd "$BUILD/$t-static")"; then
        fail "$t-static links libmerzim.so dynamically"
    fi
done
echo "built: $(cd "$BUILD" && ls -- *-shared *-static | tr '\n' ' ')"

RUNS=(test_merzim-shared test_merzim-static test_threads-shared test_threads-static)
for e in "${EXAMPLES[@]}"; do RUNS+=("$e-shared" "$e-static"); done

step "run the C tests and examples"
for b in "${RUNS[@]}"; do
    echo "-- $b"
    "$BUILD/$b" "$BUILD" </dev/null || fail "$b"
done
for b in stress-shared stress-static; do
    echo "-- $b (8 threads, 1M calls)"
    "$BUILD/$b" 1000000 </dev/null || fail "$b"
done
# A host's main returning under running worker threads: 2,000 exits each,
# none may abort or lose the host's output (the built-in calendar lives for
# the whole process).
for b in exit_race-shared exit_race-static; do
    echo "-- $b (2000 exits under 4 running threads)"
    "$BUILD/$b" 2000 </dev/null || fail "$b"
done

step "run the C tests under valgrind"
apt_install valgrind valgrind
# --num-callers must be deep enough for the suppressions of the process-wide
# once-initialised caches to see the OnceLock frame (see ffi/ctest/valgrind.supp).
VG=(valgrind --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1
    --num-callers=100 --suppressions="$CT/valgrind.supp")
for b in "${RUNS[@]}"; do
    echo "-- valgrind $b"
    if ! "${VG[@]}" --log-file="$BUILD/$b.vg" "$BUILD/$b" "$BUILD" </dev/null; then
        cat "$BUILD/$b.vg" >&2
        fail "valgrind $b"
    fi
    grep -E 'ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable|suppressed:|All heap blocks were freed' "$BUILD/$b.vg" | sed 's/^==[0-9]*== */   /'
done
# Valgrind runs threads one at a time, about 40x slower: the stress with 50k calls.
for b in stress-shared stress-static; do
    echo "-- valgrind $b (8 threads, 50k calls)"
    if ! "${VG[@]}" --log-file="$BUILD/$b.vg" "$BUILD/$b" 50000 </dev/null; then
        cat "$BUILD/$b.vg" >&2
        fail "valgrind $b"
    fi
    grep -E 'ERROR SUMMARY|definitely lost|possibly lost|still reachable' "$BUILD/$b.vg" | sed 's/^==[0-9]*== */   /'
done
# The suppressions must not hide real leaks: the canary leaks on purpose.
for mode in lost reachable; do
    if "${VG[@]}" --log-file="$BUILD/canary-$mode.vg" "$BUILD/leak_canary-shared" "$mode" >/dev/null </dev/null; then
        cat "$BUILD/canary-$mode.vg" >&2
        fail "valgrind did not report the deliberate '$mode' leak of leak_canary: the suppressions hide too much"
    fi
    echo "-- leak canary ($mode): valgrind reports it, as it must: $(grep -E 'ERROR SUMMARY' "$BUILD/canary-$mode.vg" | sed 's/^==[0-9]*== *//')"
done

step "run the C tests under AddressSanitizer (nightly -Zsanitizer=address)"
if ! cargo +nightly --version >/dev/null 2>&1; then
    command -v rustup >/dev/null || fail "the nightly toolchain is required for AddressSanitizer"
    rustup toolchain install nightly --profile minimal </dev/null || fail "cannot install the nightly toolchain"
fi
HOST=$(rustc -vV | sed -n 's/^host: //p')
ASAN_TARGET=$ROOT/target/asan
# An explicit --target keeps RUSTFLAGS away from build scripts and proc macros.
RUSTFLAGS="-Zsanitizer=address" cargo +nightly build -q --release -p merzim-ffi \
    --target "$HOST" --target-dir "$ASAN_TARGET" </dev/null || fail "the AddressSanitizer build of merzim-ffi"
ASAN_LIB=$ASAN_TARGET/$HOST/release/libmerzim.a
ASAN_CFLAGS=("${CFLAGS[@]}" -fsanitize=address -fno-omit-frame-pointer -pthread)
for t in test_merzim test_threads stress exit_race leak_canary "${EXAMPLES[@]}"; do
    # shellcheck disable=SC2086 # NATIVE_LIBS is a list of flags
    gcc "${ASAN_CFLAGS[@]}" "$(src_of "$t")" "$ASAN_LIB" $NATIVE_LIBS -o "$BUILD/$t-asan" \
        || fail "gcc -fsanitize=address $t"
done
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
for t in test_merzim test_threads "${EXAMPLES[@]}"; do
    echo "-- asan $t"
    "$BUILD/$t-asan" "$BUILD" >/dev/null </dev/null 2>"$BUILD/$t-asan.log" \
        || { cat "$BUILD/$t-asan.log" >&2; fail "AddressSanitizer: $t"; }
done
echo "-- asan exit_race (200 exits under running threads; use after free is what it looks for)"
ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 "$BUILD/exit_race-asan" 200 </dev/null 2>"$BUILD/exit_race-asan.log" \
    || { cat "$BUILD/exit_race-asan.log" >&2; fail "AddressSanitizer: exit_race"; }
echo "-- asan stress (8 threads, 1M calls)"
"$BUILD/stress-asan" 1000000 </dev/null 2>"$BUILD/stress-asan.log" \
    || { cat "$BUILD/stress-asan.log" >&2; fail "AddressSanitizer: stress"; }
# The sanitizer must be watching the library's memory: a use after free of a
# calendar and a lost allocation are reported.
for mode in released lost; do
    if "$BUILD/leak_canary-asan" "$mode" >/dev/null </dev/null 2>"$BUILD/canary-asan-$mode.log"; then
        cat "$BUILD/canary-asan-$mode.log" >&2
        fail "AddressSanitizer did not report the deliberate '$mode' bug of leak_canary"
    fi
    echo "-- asan canary ($mode): reported, as it must be: $(grep -m1 -oE '(AddressSanitizer|LeakSanitizer): [a-z-]+' "$BUILD/canary-asan-$mode.log")"
done
unset ASAN_OPTIONS

step "stage an installation and build with pkg-config"
apt_install pkg-config pkg-config
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/ffi/Cargo.toml" | head -n 1)
PREFIX=$BUILD/prefix
mkdir -p "$PREFIX/lib/pkgconfig" "$PREFIX/include"
cp "$REL/libmerzim.so" "$PREFIX/lib/libmerzim.so.$VERSION"
ln -s "libmerzim.so.$VERSION" "$PREFIX/lib/libmerzim.so.0"
ln -s libmerzim.so.0 "$PREFIX/lib/libmerzim.so"
cp "$REL/libmerzim.a" "$PREFIX/lib/"
cp "$INC/merzim.h" "$PREFIX/include/"
for pc in merzim merzim-static; do
    sed -e "s|@PREFIX@|$PREFIX|" -e "s|@VERSION@|$VERSION|" -e "s|@NATIVE_LIBS@|$NATIVE_LIBS|" \
        "$ROOT/ffi/$pc.pc.in" >"$PREFIX/lib/pkgconfig/$pc.pc"
done
export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig
echo "pkg-config --modversion merzim: $(pkg-config --modversion merzim)"
[ "$(pkg-config --modversion merzim)" = "$VERSION" ] || fail "merzim.pc version"
[ "$(pkg-config --modversion merzim-static)" = "$VERSION" ] || fail "merzim-static.pc version"
# Shared, with only what pkg-config says: the .pc's rpath finds the staged
# libmerzim.so.0 (no ldconfig, no LD_LIBRARY_PATH).
# shellcheck disable=SC2046 # pkg-config prints a list of flags
gcc -std=c99 -Wall -Wextra -Werror "$EX/eval_json.c" $(pkg-config --cflags --libs merzim) \
    -o "$BUILD/pc-shared" || fail "build with pkg-config --cflags --libs merzim"
# ldd's output is read whole first: `ldd | grep -q` under pipefail fails
# when grep stops reading before ldd has written everything (SIGPIPE).
LDD=$(env -u LD_LIBRARY_PATH ldd "$BUILD/pc-shared")
grep -q "libmerzim.so.0 => $PREFIX/lib/libmerzim.so.0" <<<"$LDD" \
    || { echo "$LDD" >&2; fail "pc-shared does not load libmerzim.so.0 from the staged prefix (rpath of merzim.pc)"; }
env -u LD_LIBRARY_PATH "$BUILD/pc-shared" >/dev/null </dev/null || fail "pc-shared"
# Static, from the same prefix where libmerzim.so sits beside libmerzim.a:
# merzim-static.pc names the archive, so the .so cannot be picked.
# shellcheck disable=SC2046
gcc -std=c99 -Wall -Wextra -Werror "$EX/eval_json.c" $(pkg-config --cflags --libs merzim-static) \
    -o "$BUILD/pc-static" || fail "build with pkg-config --cflags --libs merzim-static"
if grep -q libmerzim <<<"$(ldd "$BUILD/pc-static")"; then fail "pc-static links libmerzim.so"; fi
"$BUILD/pc-static" >/dev/null </dev/null || fail "pc-static"
# What ffi/README.md says of `pkg-config --static merzim`: -lmerzim, which
# picks the .so when both are installed. If that changes, the README must.
# shellcheck disable=SC2046
gcc -std=c99 "$EX/eval_json.c" $(pkg-config --static --cflags --libs merzim) -o "$BUILD/pc-static-flag" \
    || fail "build with pkg-config --static --cflags --libs merzim"
grep -q libmerzim <<<"$(ldd "$BUILD/pc-static-flag")" \
    || fail "pkg-config --static merzim now links libmerzim.a: update ffi/README.md (Install)"
echo "built and ran eval_json.c with pkg-config (merzim: shared, found by its rpath; merzim-static: static)"

step "run the Python ctypes example"
command -v python3 >/dev/null 2>&1 || fail "python3 missing"
env -u MERZIM_LIB python3 "$ROOT/ffi/examples/merzim_ctypes.py" </dev/null || fail "ffi/examples/merzim_ctypes.py"

step "all passed"
