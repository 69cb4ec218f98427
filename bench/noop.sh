#!/usr/bin/env bash
# The no-op deploy of workload W (bench/vs-ansible/workload.py: 100 resources per host) with batou alone, for
# trying out a change quickly: HOSTS loopback sshd hosts (127.0.0.2, ...), a first deploy, then RUNS no-op deploys.
# Prints per run and as medians: wall time, the controller's CPU (GNU time) and the whole machine's CPU
# (/proc/stat: controller, sshd servers and the agents, which share this machine's cores).
#
#   bench/noop.sh [HOSTS] [RUNS]          (default: 10 hosts, 9 runs)
#
# Extra JVM options for the controller: BATOU_VMARGS (e.g. an -agentpath for a profiler).
set -euo pipefail
hosts=${1:-10}
runs=${2:-9}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/batou-noop.XXXXXX")
# shellcheck source=bench/lib/loopback-sshd.sh
. "$root/bench/lib/loopback-sshd.sh"
cleanup() {
  loopback_sshd_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$root/batou" --version > /dev/null # builds the product if the sources changed
batou=$root/releng/batou.product/target/products/batou.product/linux/gtk/x86_64/batou/batou

loopback_sshd_init "$work"
for ((i = 1; i <= hosts; i++)); do
  loopback_sshd_start "$work" "h$i" "127.0.0.$((i + 1))" "MaxSessions 100" "SetEnv SHLVL=1"
done
loopback_sshd_await
mkdir -p "$work/project/environments/bench" "$work/ansible"
python3 "$root/bench/vs-ansible/workload.py" "$work/project/components/w" "$work/ansible"
cp "$work/ssh_config" "$work/project/ssh_config"
{
  echo "environment: {connect: ssh, ssh_config: ssh_config, jobs: $hosts}"
  echo "hosts:"
  for ((i = 1; i <= hosts; i++)); do
    echo "  h$i: {components: [w], target_directory: $work/targets/h$i, data: {index: $i}}"
  done
} > "$work/project/environments/bench/environment.yaml"
git -C "$work/project" init -q -b main
git -C "$work/project" add -A
git -C "$work/project" -c user.name=bench -c user.email=bench@example.com commit -q -m "workload W"

"$batou" deploy bench -p "$work/project" --accept-new-host-keys > "$work/first.log" 2>&1 ||
  { tail -n 30 "$work/first.log" >&2; exit 1; }
"$batou" deploy bench -p "$work/project" > /dev/null 2>&1 # the agents write their class-data archives

machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
walls=() cpus=() alls=()
echo "no-op deploy of workload W on $hosts hosts, $runs runs ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores)"
for ((r = 1; r <= runs; r++)); do
  before=$(machine_ticks)
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$batou" deploy bench -p "$work/project" > "$work/run.log" 2>&1 ||
    { tail -n 30 "$work/run.log" >&2; exit 1; }
  if grep -qE ' [1-9][0-9]* changed,' "$work/run.log"; then
    tail -n 30 "$work/run.log" >&2
    echo "a no-op deploy changed something" >&2
    exit 1
  fi
  sleep 0.3 # let the agents end
  after=$(machine_ticks)
  read -r wall user sys < "$work/time.txt"
  walls+=("$wall")
  cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
  alls+=("$(awk -v a="$before" -v b="$after" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) / t}')")
  echo "  run $r: wall ${walls[-1]} s, controller CPU ${cpus[-1]} s, machine CPU ${alls[-1]} s"
done
echo "median: wall $(median "${walls[@]}") s, controller CPU $(median "${cpus[@]}") s, machine CPU $(median "${alls[@]}") s"
