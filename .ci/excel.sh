#!/usr/bin/env bash
# The Excel CSV dialect opened by a real spreadsheet: installs LibreOffice Calc
# (Debian's libreoffice-calc, without recommends) when `soffice` is missing,
# then runs the test that converts `calendar --lang ru --format csv --excel`
# headless in the Russian locale and reads every cell back. Without soffice
# the test fails; it is not skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
if ! command -v soffice >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "excel.sh: soffice is missing and installing it needs root" >&2; exit 1; }
  echo "   installing libreoffice-calc"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-calc
fi
cargo test --test cli -- --ignored --exact csv_for_excel_opens_in_libreoffice_calc_in_a_russian_locale
