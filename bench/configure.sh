#!/usr/bin/env bash
# Benchmark of the configure phase: generates a project of HOSTS hosts x COMPONENTS components (default 200 x 50)
# and times `batou check` on it (the whole command, and the configure time it reports).
#
#   bench/configure.sh [HOSTS] [COMPONENTS] [RUNS]
#
# Each component has four attributes (two of them expressions, one reading host data), provides one resource,
# requires the previous component's resource on the same host, and has three parts (directory, file, command).
set -euo pipefail
hosts=${1:-200}
components=${2:-50}
runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
project=$(mktemp -d "${TMPDIR:-/tmp}/batou-bench-configure.XXXXXX")
trap 'rm -rf "$project"' EXIT

for ((c = 0; c < components; c++)); do
  dir=$project/components/c$c
  mkdir -p "$dir"
  {
    echo "attributes:"
    echo "  port: {type: int, default: $((8000 + c))}"
    echo "  workers: {type: int, default: \"{{ host.data.cores * 2 }}\"}"
    echo "  name: {default: \"c$c-{{ host.name }}\"}"
    echo "  url: {default: \"http://{{ host.fqdn }}:{{ port }}/\"}"
    echo "provide:"
    echo "  r$c: \"{{ host.fqdn }}:{{ port }}\""
    if ((c > 0)); then
      echo "require:"
      echo "  upstream: {resource: r$((c - 1)), one: true, host: same}"
    fi
    echo "parts:"
    echo "  - directory: {path: data, mode: 0750}"
    echo "  - file: {path: config.ini, content: \"name={{ name }} workers={{ workers }} url={{ url }}\"}"
    echo "  - command: {run: \"echo {{ name }}\", when: changed}"
  } > "$dir/component.yaml"
done
# The last resource is required by nobody: give it a consumer so the run has no warnings.
mkdir -p "$project/components/sink"
printf 'require:\n  last: {resource: r%d}\n' $((components - 1)) > "$project/components/sink/component.yaml"

mkdir -p "$project/environments/bench"
{
  echo "environment: {connect: ssh, host_domain: bench.example.com, jobs: 8}"
  echo "hosts:"
  list=$(seq -s, -f 'c%g' 0 $((components - 1)))
  for ((h = 0; h < hosts; h++)); do
    if ((h == 0)); then
      echo "  host$h: {components: [$list, sink], data: {cores: 4}}"
    else
      echo "  host$h: {components: [$list], data: {cores: 4}}"
    fi
  done
} > "$project/environments/bench/environment.yaml"

"$root/batou" --version >/dev/null # builds the product once if needed
echo "project: $hosts hosts x $components components = $((hosts * components)) root components"
for ((r = 1; r <= runs; r++)); do
  start=$(date +%s%N)
  line=$("$root/batou" check bench -p "$project" | tail -n 1)
  end=$(date +%s%N)
  echo "run $r: batou check wall $(((end - start) / 1000000)) ms; $line"
done
