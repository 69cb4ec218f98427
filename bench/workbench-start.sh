#!/usr/bin/env bash
# Start-up of the workbench with the example project: from launching batou-workbench to its window on the X
# display (xwininfo sees a window titled "batou"), RUNS times. Needs an X display: run it under xvfb-run -a.
#
#   xvfb-run -a bench/workbench-start.sh [RUNS]
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
product=$root/releng/batou.product/target/products/batou.product/linux/gtk/x86_64/batou
"$root/batou" --version >/dev/null   # builds the product when it is stale
for ((r = 1; r <= runs; r++)); do
  data=$(mktemp -d "${TMPDIR:-/tmp}/batou-bench-workbench.XXXXXX")
  start=$(date +%s%N)
  "$product/batou-workbench" -data "$data/workspace" -vmargs -Dbatou.project="$root/docs/examples" >/dev/null 2>&1 &
  pid=$!
  until xwininfo -root -tree 2>/dev/null | grep -q '"batou"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the workbench exited" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  echo "run $r: window with the example project after $(((end - start) / 1000000)) ms"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
