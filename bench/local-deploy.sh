#!/usr/bin/env bash
# Benchmark of a local deployment: a project of COMPONENTS components x PARTS_PER parts (default 20 x 50 = 1000
# parts: directories, files with expressions, templates, symlinks, guarded commands), deployed with connect: local
# into a temporary folder. Prints the first deploy, then RUNS no-op deploys (nothing changed).
#
#   bench/local-deploy.sh [COMPONENTS] [PARTS_PER] [RUNS]
set -euo pipefail
components=${1:-20}
per=${2:-50}
runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/batou-bench-local.XXXXXX")
trap 'rm -rf "$work"' EXIT
project=$work/project
names=()
for ((c = 0; c < components; c++)); do
  dir=$project/components/c$c
  mkdir -p "$dir"
  names+=("c$c")
  printf 'host {{ host.name }}, component {{ component.name }}, item {{ item }}\n' > "$dir/t.j2"
  {
    echo "attributes:"
    echo "  item: {default: c$c}"
    echo "parts:"
    for ((p = 0; p < per; p++)); do
      case $((p % 5)) in
        0) echo "  - directory: {path: d$p}" ;;
        1) echo "  - file: {path: f$p.txt, content: \"file $p of {{ item }} on {{ host.name }}\\n\"}" ;;
        2) echo "  - template: {path: t$p.conf, source: t.j2}" ;;
        3) echo "  - symlink: {path: l$p, target: f$((p - 2)).txt}" ;;
        4) echo "  - command: {run: \"touch done$p\", creates: done$p}" ;;
      esac
    done
  } > "$dir/component.yaml"
done
mkdir -p "$project/environments/bench"
{
  echo "environment: {connect: local, target_directory: \"$work/target\"}"
  echo "hosts:"
  echo "  localhost: [$(IFS=,; echo "${names[*]}")]"
} > "$project/environments/bench/environment.yaml"

# batou deploys committed projects only
git -C "$project" init -q && git -C "$project" add -A
git -C "$project" -c user.name=bench -c user.email=bench@localhost commit -q -m "bench project"
"$root/batou" --version >/dev/null
echo "project: $components components x $per parts = $((components * per)) parts, connect: local"
time_run() {
  local start end line
  start=$(date +%s%N)
  line=$("$root/batou" deploy bench -p "$project" | grep -E '^    (localhost|total)' | tr -s ' ' | tr '\n' ';')
  end=$(date +%s%N)
  echo "$1: wall $(((end - start) / 1000000)) ms;$line"
}
time_run "first deploy"
for ((r = 1; r <= runs; r++)); do
  time_run "no-op deploy $r"
done
