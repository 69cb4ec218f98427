#!/usr/bin/env bash
# Benchmark of deploying over SSH: HOSTS loopback OpenSSH servers (127.0.0.2, 127.0.0.3, ..., one sshd each, own
# keys and target directory), the example project (docs/examples) spread over them: one database host (postgres,
# redis) and HOSTS-1 web hosts (nginx, app, worker). Prints the first deploy (agent upload included) and RUNS
# no-op deploys (nothing changed), with --jobs HOSTS. Needs openssh-server and runs sshd as the current user.
#
#   bench/ssh-deploy.sh [HOSTS] [RUNS]
set -euo pipefail
hosts=${1:-5}
runs=${2:-5}
[ "$hosts" -ge 2 ] || { echo "HOSTS must be 2 or more" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/batou-bench-ssh.XXXXXX")
# shellcheck source=bench/lib/loopback-sshd.sh
. "$root/bench/lib/loopback-sshd.sh"
cleanup() {
  loopback_sshd_stop
  rm -rf "$work"
}
trap cleanup EXIT
loopback_sshd_init "$work"
names=()
for ((i = 0; i < hosts; i++)); do
  if [ "$i" -eq 0 ]; then name=db; else name=web$i; fi
  names+=("$name")
  loopback_sshd_start "$work" "$name" "127.0.0.$((i + 2))"
done
loopback_sshd_await

project=$work/project
mkdir -p "$project/environments/bench"
cp -r "$root/docs/examples/components" "$project/components"
cp "$work/ssh_config" "$project/ssh_config"
{
  echo "environment: {connect: ssh, ssh_config: ssh_config, jobs: $hosts}"
  echo "hosts:"
  echo "  db:"
  echo "    components: [postgres, redis]"
  echo "    target_directory: $work/targets/db"
  for name in "${names[@]:1}"; do
    echo "  $name:"
    echo "    components: [nginx, app, worker]"
    echo "    target_directory: $work/targets/$name"
  done
} > "$project/environments/bench/environment.yaml"
git -C "$project" init -q -b main
git -C "$project" add -A
git -C "$project" -c user.name=bench -c user.email=bench@example.com commit -q -m bench

"$root/batou" --version >/dev/null
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $hosts hosts over SSH on loopback, $((1 + 3 * (hosts - 1))) roots"
# Where the time of a run goes, from its JSON report: per host, from the start of the deployment to its first
# root (connect, agent start, plan and files), and the time spent in roots (verify and update on the target).
breakdown() {
  python3 - "$1" <<'PY'
import json, sys
from datetime import datetime
events = json.load(open(sys.argv[1]))["events"]
t = lambda e: datetime.fromisoformat(e["time"].replace("Z", "+00:00")).timestamp()
start = min(t(e) for e in events)
first, roots = {}, {}
for e in events:
    if e["event"] == "RootStarted":
        first.setdefault(e["host"], t(e) - start)
    if e["event"] in ("RootFinished", "RootFailed"):
        roots[e["host"]] = roots.get(e["host"], 0) + e["millis"] / 1000
ready = sorted(first.values())
print(f"  host ready (connect + agent start + plan): first {ready[0]:.2f} s, last {ready[-1]:.2f} s;"
      f" roots on the targets: {sum(roots.values()):.2f} s in all, {max(roots.values()):.2f} s on the busiest host")
PY
}
time_run() {
  local start end line
  start=$(date +%s%N)
  line=$("$root/batou" deploy bench -p "$project" --json "$work/report.json" | grep -E '^    total|components, ' | \
    tr -s ' ' | grep -E 'total|^ db' | tr '\n' ';')
  end=$(date +%s%N)
  echo "$1: wall $(((end - start) / 1000000)) ms;$line"
  breakdown "$work/report.json"
}
time_run "first deploy"
for ((r = 1; r <= runs; r++)); do
  time_run "no-op deploy $r"
done
