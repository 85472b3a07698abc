#!/usr/bin/env bash
# CI fuzzing: every cargo-fuzz target in fuzz/ for a bounded time each, from
# the committed seeds (fuzz/corpus/<target>/seed-*; the regulation target
# starts from the bundled files in regulations/), on the nightly toolchain
# with AddressSanitizer. Fails on any finding (a crash, a panic, a failed
# differential check, a leak, a timeout, memory over the limit) and prints
# the reproducer; the failing input is kept in fuzz/artifacts/<target>/.
#
#   .ci/fuzz.sh                      # every target, FUZZ_SECONDS (25) each
#   FUZZ_SECONDS=600 .ci/fuzz.sh     # longer
#   .ci/fuzz.sh overlay term         # some targets
#
# Installs cargo-fuzz (cargo install cargo-fuzz --locked) and the nightly
# toolchain when missing. Called by .ci/run; can be run alone.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-25}
JOBS=${FUZZ_JOBS:-1}

if ! cargo +nightly --version >/dev/null 2>&1; then
    command -v rustup >/dev/null || { echo "fuzz: the nightly toolchain is required" >&2; exit 1; }
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz missing: cargo install cargo-fuzz --locked"
    cargo install cargo-fuzz --locked
fi

cd fuzz
if [ "$#" -gt 0 ]; then
    TARGETS=("$@")
else
    mapfile -t TARGETS < <(cargo +nightly fuzz list)
fi

echo "== fuzz: build ${#TARGETS[@]} targets (nightly, AddressSanitizer)"
cargo +nightly fuzz build || { echo "fuzz: the build failed" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/merzim-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failed=()
for t in "${TARGETS[@]}"; do
    echo "== fuzz: $t (${SECONDS_EACH}s)"
    # A scratch copy of the seeds: what the run adds is not committed.
    mkdir -p "$WORK/$t"
    cp corpus/"$t"/seed-* "$WORK/$t"/ 2>/dev/null || true
    # The bundled regulation files are the regulation target's seeds.
    if [ "$t" = regulation ]; then cp ../regulations/*.toml "$WORK/$t"/; fi
    PAR=()
    if [ "$JOBS" -gt 1 ]; then PAR=(-jobs="$JOBS" -workers="$JOBS"); fi
    if cargo +nightly fuzz run "$t" "$WORK/$t" -- \
        -max_total_time="$SECONDS_EACH" "${PAR[@]}" \
        -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
        >"$WORK/$t.log" 2>&1; then
        grep -E '^stat::number_of_executed_units|Done [0-9]+ runs' "$WORK/$t.log" | tail -n 1 || true
    else
        tail -n 40 "$WORK/$t.log" >&2
        failed+=("$t")
    fi
done
if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: FAILED: ${failed[*]} (inputs in fuzz/artifacts/; reproduce with cargo +nightly fuzz run <target> <file>)" >&2
    exit 1
fi
echo "== fuzz: all ${#TARGETS[@]} targets clean"
