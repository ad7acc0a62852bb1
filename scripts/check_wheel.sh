#!/usr/bin/env bash
# Build miner's wheel, install it into a fresh virtual environment outside the work
# tree, scan the seeds with it, and require the same claims.csv as the development
# install gives. The editable install reads the source tree; only this shows that the
# wheel carries every package and data file.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
python=${PYTHON:-python3}
dev_miner=${DEV_MINER:-$root/.venv/bin/miner}
work=$(mktemp -d "${TMPDIR:-/tmp}/miner-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$root"
wheel=$(ls "$work"/dist/miner-*.whl)
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel"

# the seeds and a PDF with findings (its report renders the printed pages) copied away
# from the work tree, so nothing can be read from the source
cp -r "$root/corpora/seeds" "$work/seeds"
cp "$root/corpora/pdf/putuo-czj-2024-final.pdf" "$work/seeds/"
cd "$work"
status=0
"$work/venv/bin/miner" scan seeds --out from-wheel --jobs 1 >wheel.log 2>&1 || status=$?
if [ "$status" -gt 1 ]; then
    cat wheel.log
    echo "check_wheel: the installed wheel's miner scan exited with $status" >&2
    exit 1
fi
status=0
"$dev_miner" scan seeds --out from-source --jobs 1 >source.log 2>&1 || status=$?
if [ "$status" -gt 1 ]; then
    cat source.log
    echo "check_wheel: the development install's miner scan exited with $status" >&2
    exit 1
fi
if ! cmp -s from-wheel/claims.csv from-source/claims.csv; then
    diff from-source/claims.csv from-wheel/claims.csv | head -20
    echo "check_wheel: claims.csv from the wheel differs from the development install's" >&2
    exit 1
fi
if [ ! -s from-wheel/report.html ]; then
    echo "check_wheel: the installed wheel wrote no report.html" >&2
    exit 1
fi
echo "check_wheel: $(basename "$wheel") in a clean venv: claims.csv of the seeds and a PDF identical ($(wc -l <from-wheel/claims.csv) lines)"
