#!/usr/bin/env bash
# CI for the Python package (python/): a fresh virtualenv, `pip install ./python`
# (maturin builds the PyO3 extension), the test dependencies, pytest, and a
# smoke run of the benchmark. Fails if anything is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
command -v "$PY" >/dev/null || { echo "python3 is required" >&2; exit 1; }
command -v cargo >/dev/null || { echo "cargo is required to build the extension" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
VENV=$WORK/venv
"$PY" -m venv "$VENV"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# The release dependencies the C API's build (.ci/ffi.sh) compiled are reused:
# python/ pins the same versions and the same release profile.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TERM_COLOR=never

echo "== pip install ./python"
start=$SECONDS
"$VENV/bin/pip" install ./python
echo "   built and installed in $((SECONDS - start)) s"

echo "== test dependencies"
"$VENV/bin/pip" install -q pytest hypothesis numpy pandas "dask[dataframe,distributed]" holidays==0.109

# Import the installed package (not the source folder) and fail on a missing module.
(cd "$WORK" && "$VENV/bin/python" - <<'PY'
import dask.distributed, hypothesis, numpy, pandas, pytest  # noqa: F401
import merzim
assert "site-packages" in merzim.__file__, merzim.__file__
print("merzim", merzim.__version__, "from", merzim.__file__)
PY
)

echo "== pytest (python/tests)"
cd "$ROOT/python"
# The pytest script (not `python -m pytest`) keeps python/ itself off sys.path,
# so the tests import the installed package.
"$VENV/bin/pytest" -q -p no:cacheprovider tests

echo "== benchmark smoke run (200k pairs)"
(cd "$WORK" && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$VENV/bin/python" "$ROOT/python/bench/bench_add_working_days.py" --pairs 200000 --sample 2000 --repeat 1)
