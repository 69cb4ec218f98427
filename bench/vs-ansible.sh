#!/usr/bin/env bash
# batou and Ansible side by side on the same work: workload W (per host 100 resources: 10 directories, 50
# templates of ~2 KB with host variables, 20 copied files of ~2 KB, 10 symlinks, 10 `creates`-guarded commands,
# written by bench/vs-ansible/workload.py) deployed over SSH to HOSTS loopback OpenSSH servers (127.0.0.2, ...,
# one sshd each with its own host key), for every host count given.
#
#   bench/vs-ansible.sh [--install] [HOSTS...]        (default host counts: 1 5 10 20)
#
# Per host count and tool: the first deploy (fresh targets), a no-op deploy (3 runs, the median of each figure),
# and a deploy after one template changed (the same edit for both; restored afterwards). Per deploy:
#   wall        elapsed time of the whole command
#   CPU         controller CPU (user + sys) of the tool and its waited-for children, from GNU time; for Ansible
#               plus the CPU of its ControlPersist ssh masters (they detach, so GNU time misses them)
#   RSS         peak resident memory of the largest single process of the tool (GNU time's %M)
#   all CPU     CPU of the whole machine during the run (/proc/stat): controller, sshd servers and everything
#               below them (batou's agent JVMs, Ansible's Python modules), all on this same machine
#   target CPU  (computed, not in the table: all CPU covers it) CPU of everything below the sshd servers
# The targets are batou-targets/hN and ansible-targets/hN; the work directories <target>/work/w of both tools
# are compared (diff -r and file types/modes) after the first deploy and after the change.
# Prints a Markdown table per host count and writes them to bench/vs-ansible/last-run.md.
# Needs openssh-server, python3, git, GNU time (package `time`) and ansible-core (`--install` installs the
# missing ones with apt-get). Runs sshd as the current user.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/bench/vs-ansible
command_line="bench/vs-ansible.sh $*"
noop_runs=3

# ---------------------------------------------------------------------------------------------------- arguments
install=false
counts=()
for arg in "$@"; do
  case $arg in
    --install) install=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]* | '' | 0) echo "not a host count: '$arg' (usage: bench/vs-ansible.sh [--install] [HOSTS...])" >&2; exit 2 ;;
    *) counts+=("$arg") ;;
  esac
done
[ ${#counts[@]} -gt 0 ] || counts=(1 5 10 20)
max_hosts=$(printf '%s\n' "${counts[@]}" | sort -n | tail -1)
[ "$max_hosts" -le 250 ] || { echo "at most 250 hosts (127.0.0.2 to 127.0.0.251)" >&2; exit 2; }

die() { echo "vs-ansible: $*" >&2; exit 1; }

# --------------------------------------------------------------------------------------------------- prerequisites
check_prerequisites() {
  local missing=()
  command -v ansible-playbook >/dev/null || missing+=(ansible-core)
  [ -x /usr/bin/time ] || missing+=(time)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v python3 >/dev/null || missing+=(python3)
  command -v git >/dev/null || missing+=(git)
  [ ${#missing[@]} -eq 0 ] && return
  if $install; then
    apt-get install -y "${missing[@]}"
  else
    die "missing: ${missing[*]}; install with: apt-get install -y ${missing[*]} (or run with --install)"
  fi
}

# ----------------------------------------------------------------------------------------- work dir and cleanup
work=$(mktemp -d "${TMPDIR:-/tmp}/batou-vs-ansible.XXXXXX")
# shellcheck source=bench/lib/loopback-sshd.sh
. "$here/../lib/loopback-sshd.sh"
cleanup() {
  stop_ssh_masters
  loopback_sshd_stop
  rm -rf "$work"
}
# Ansible's ControlPersist masters (one per host, sockets in $work/cp) would stay for 60 s.
stop_ssh_masters() {
  local socket
  for socket in "$work"/cp/*; do
    if [ -S "$socket" ]; then ssh -o ControlPath="$socket" -O exit placeholder 2>/dev/null || true; fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------- sshd servers
# One sshd per host hN on 127.0.0.(N+1), a free port, its own host key; the user's key is authorized.
# SetEnv SHLVL=1: bash sources ~/.bashrc for every command run over SSH (SSH_CLIENT set, SHLVL < 2), which on a
# developer machine may be slow (pyenv init: ~0.3 s CPU per command). Deploy users on servers rarely have that;
# it would cost Ansible (several SSH commands per task) far more than batou (one per host), so it is switched off.
address_of() { echo "127.0.0.$(($1 + 1))"; }
declare -A port_of
start_servers() {
  local i
  loopback_sshd_init "$work"
  for ((i = 1; i <= max_hosts; i++)); do
    loopback_sshd_start "$work" "h$i" "$(address_of "$i")" "MaxSessions 100" "SetEnv SHLVL=1"
    port_of[$i]=$LOOPBACK_PORT
  done
  loopback_sshd_await
}

# ------------------------------------------------------------------------------------------ projects of both tools
# batou: $work/project (git), component w, environment bench. Ansible: $work/ansible (ansible.cfg, inventory.yml,
# site.yml, templates/, files/). The component and the playbook are written once; hosts per host count.
make_projects() {
  mkdir -p "$work/project/environments/bench" "$work/ansible" "$work/cp" "$work/ansible-tmp"
  python3 "$here/workload.py" "$work/project/components/w" "$work/ansible"
  cp "$work/ssh_config" "$work/project/ssh_config"
  git -C "$work/project" init -q -b main
  cat > "$work/ansible/ansible.cfg" <<CONFIG
[defaults]
inventory = $work/ansible/inventory.yml
forks = $max_hosts
gathering = explicit
host_key_checking = True
interpreter_python = /usr/bin/python3
local_tmp = $work/ansible-tmp/local
remote_tmp = $work/ansible-tmp/remote
retry_files_enabled = False
deprecation_warnings = False

[ssh_connection]
pipelining = True
control_path_dir = $work/cp
ssh_args = -o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=$work/known_hosts -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes
CONFIG
}

commit() { git -C "$work/project" add -A && git -C "$work/project" -c user.name=bench -c user.email=bench@example.com commit -q -m "$1"; }

# Hosts h1..hN for both tools, each with its own target directory and the data value index = N.
set_hosts() {
  local n=$1 i
  {
    echo "environment: {connect: ssh, ssh_config: ssh_config, jobs: $n}"
    echo "hosts:"
    for ((i = 1; i <= n; i++)); do
      echo "  h$i: {components: [w], target_directory: $work/batou-targets/h$i, data: {index: $i}}"
    done
  } > "$work/project/environments/bench/environment.yaml"
  commit "$n hosts"
  {
    echo "all:"
    echo "  vars:"
    echo "    bench_targets: $work/ansible-targets"
    echo "    ansible_user: $(id -un)"
    echo "    ansible_ssh_private_key_file: $work/user_key"
    echo "  hosts:"
    for ((i = 1; i <= n; i++)); do
      echo "    h$i: {ansible_host: $(address_of "$i"), ansible_port: ${port_of[$i]}, index: $i}"
    done
  } > "$work/ansible/inventory.yml"
  sed -i "s/^forks = .*/forks = $n/" "$work/ansible/ansible.cfg"
  rm -rf "$work/batou-targets" "$work/ansible-targets" "$work/batou-first"
}

# The one-template change: the same line appended to t00.conf.j2 of the tool (committed for batou), and removed
# again after that round.
template_of() { if [ "$1" = batou ]; then echo "$work/project/components/w/t00.conf.j2"; else echo "$work/ansible/templates/t00.conf.j2"; fi; }
change_template() {
  echo "# changed for the one-change round" >> "$(template_of "$1")"
  if [ "$1" = batou ]; then commit "change t00"; fi
}
restore_template() {
  sed -i '$d' "$(template_of "$1")"
  if [ "$1" = batou ]; then commit "restore t00"; fi
}

# -------------------------------------------------------------------------------------------------- measuring
# measure LOG COMMAND...: runs it under GNU time; sets m_wall, m_cpu (s), m_rss (MiB), m_target (s), m_all (s).
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
measure() {
  local log=$1 wall user sys rss target masters all_before all_after
  shift
  python3 "$here/cpu.py" snapshot "$work/cp" "${LOOPBACK_PIDS[@]}" > "$work/cpu-before.json"
  all_before=$(machine_ticks)
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" > "$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "failed: $* (exit code $(head -1 "$work/time.txt" | grep -o '[0-9]*$'); the whole log is above)"
  fi
  sleep 1 # let the remote sessions end and be reaped, so their CPU counts for this run
  all_after=$(machine_ticks)
  python3 "$here/cpu.py" snapshot "$work/cp" "${LOOPBACK_PIDS[@]}" > "$work/cpu-after.json"
  read -r wall user sys rss < <(tail -1 "$work/time.txt")
  read -r target masters < <(python3 "$here/cpu.py" delta "$work/cpu-before.json" "$work/cpu-after.json")
  m_wall=$wall
  m_cpu=$(echo "$user $sys $masters" | awk '{printf "%.2f", $1 + $2 + $3}')
  m_rss=$((rss / 1024))
  m_target=$target
  m_all=$(awk -v a="$all_before" -v b="$all_after" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) / t}')
}

# Results: result[tool,phase] = "wall cpu rss target"
declare -A result
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }

# check_batou LOG PHASE: the run finished; a no-op changed no root, the other runs changed one per host.
check_batou() {
  local log=$1 phase=$2 n=$3 changed
  [ "$(tail -1 "$log")" = "DEPLOYMENT FINISHED" ] || { tail -n 30 "$log" >&2; die "batou $phase: no DEPLOYMENT FINISHED"; }
  # the summary has a line per host: "    h1: 1 components, 1 changed, 0 unchanged, 0 failed, 0 skipped"
  changed=$(sed -n 's/^ *h[0-9]*: [0-9]* components, \([0-9]*\) changed,.*/\1/p' "$log" | awk '{s += $1} END {print s}')
  [ -n "$changed" ] || { tail -n 30 "$log" >&2; die "batou $phase: no 'N changed' in the summary"; }
  if [ "$phase" = no-op ] && [ "$changed" != 0 ]; then
    tail -n 30 "$log" >&2; die "batou no-op deploy changed $changed roots"
  fi
  if [ "$phase" != no-op ] && [ "$changed" != "$n" ]; then
    tail -n 30 "$log" >&2; die "batou $phase deploy changed $changed roots, expected $n (one per host)"
  fi
}

# check_ansible LOG PHASE N: every host in the recap with failed=0 unreachable=0; changed=0 for a no-op,
# changed=1 (the one template) for the change.
check_ansible() {
  local log=$1 phase=$2 n=$3 recap want
  recap=$(sed -n '/^PLAY RECAP/,$p' "$log" | grep -E '^h[0-9]+ +:' || true)
  [ "$(echo "$recap" | grep -cE 'unreachable=0 +failed=0')" -eq "$n" ] ||
    { tail -n 30 "$log" >&2; die "ansible $phase: not every host has failed=0 unreachable=0"; }
  case $phase in
    no-op) want='changed=0 ' ;;
    change) want='changed=1 ' ;;
    *) want='changed=' ;;
  esac
  [ "$(echo "$recap" | grep -c "$want")" -eq "$n" ] ||
    { echo "$recap" >&2; die "ansible $phase: expected $want on every host"; }
}

run_batou() {
  local phase=$1 n=$2 log=$work/batou-$1.log
  measure "$log" "$batou" deploy bench -p "$work/project" --accept-new-host-keys
  check_batou "$log" "$phase" "$n"
}

run_ansible() {
  local phase=$1 n=$2 log=$work/ansible-$1.log
  measure "$log" env ANSIBLE_CONFIG="$work/ansible/ansible.cfg" ANSIBLE_NOCOLOR=1 \
    ansible-playbook "$work/ansible/site.yml"
  check_ansible "$log" "$phase" "$n"
}

# rounds TOOL N: first deploy, no-op deploys (median), one-change deploy; all results into result[].
# batou goes first; its work directories after the first deploy are kept to compare with Ansible's.
rounds() {
  local tool=$1 n=$2 r walls=() cpus=() rsss=() targets=() alls=()
  "run_$tool" first "$n"
  result[$tool,first]="$m_wall $m_cpu $m_rss $m_target $m_all"
  if [ "$tool" = batou ]; then
    cp -a "$work/batou-targets" "$work/batou-first"
  else
    compare "$work/batou-first" "$work/ansible-targets" "$n" first
  fi
  for ((r = 1; r <= noop_runs; r++)); do
    "run_$tool" no-op "$n"
    walls+=("$m_wall") cpus+=("$m_cpu") rsss+=("$m_rss") targets+=("$m_target") alls+=("$m_all")
  done
  result[$tool,no-op]="$(median "${walls[@]}") $(median "${cpus[@]}") $(median "${rsss[@]}") $(median "${targets[@]}")"
  result[$tool,no-op]+=" $(median "${alls[@]}")"
  change_template "$tool"
  "run_$tool" change "$n"
  result[$tool,change]="$m_wall $m_cpu $m_rss $m_target $m_all"
  restore_template "$tool"
}

# compare BATOU_TARGETS ANSIBLE_TARGETS N WHEN: the work directories must hold the same bytes, links and modes.
compare() {
  local batou_dir=$1 ansible_dir=$2 n=$3 when=$4 i a b differences=0
  for ((i = 1; i <= n; i++)); do
    a=$batou_dir/h$i/work/w
    b=$ansible_dir/h$i/work/w
    if ! diff -r --no-dereference "$a" "$b" > "$work/diff.txt" 2>&1; then
      echo "DIFFERENT after the $when deploy, host h$i:" >&2; head -n 40 "$work/diff.txt" >&2
      differences=1
    fi
    # file types, modes and link targets (diff -r compares contents only)
    if ! diff <(cd "$a" && find . -printf '%p %y %m %l\n' | sort) <(cd "$b" && find . -printf '%p %y %m %l\n' | sort) \
      > "$work/diff.txt"; then
      echo "DIFFERENT types or modes after the $when deploy, host h$i (< batou, > ansible):" >&2
      head -n 40 "$work/diff.txt" >&2
      differences=1
    fi
  done
  [ "$differences" -eq 0 ] || die "the two tools' results differ (see above)"
  echo "  results identical after the $when deploy: OK ($n hosts, work/w of batou and Ansible, diff -r and modes)"
}

# ------------------------------------------------------------------------------------------------------ report
seconds() { printf '%.2f s' "$1"; }
table() {
  local n=$1 phase label b a
  echo
  echo "### $n host$([ "$n" -gt 1 ] && echo s)"
  echo
  echo "| deploy | batou wall | batou CPU | batou all CPU | batou RSS | Ansible wall | Ansible CPU | Ansible all CPU | Ansible RSS | speed-up (wall) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for phase in first no-op change; do
    case $phase in
      first) label="first (fresh targets)" ;;
      no-op) label="no-op (median of $noop_runs)" ;;
      change) label="one template changed" ;;
    esac
    read -r -a b <<< "${result[batou,$phase]}"
    read -r -a a <<< "${result[ansible,$phase]}"
    echo "| $label | $(seconds "${b[0]}") | $(seconds "${b[1]}") | $(seconds "${b[4]}") | ${b[2]} MiB |" \
      "$(seconds "${a[0]}") | $(seconds "${a[1]}") | $(seconds "${a[4]}") | ${a[2]} MiB |" \
      "$(awk -v a="${a[0]}" -v b="${b[0]}" 'BEGIN {printf "%.1f×", a / b}') |"
  done
}

header() {
  local os java ansible cpu
  os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release)
  java=$("$batou" --version 2>&1 | grep -i '^Java' | head -1)
  ansible=$(ansible-playbook --version | head -1 | tr -d '[]')
  cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($cpu), $os, $java, $ansible, OpenSSH loopback servers."
  echo "Command: \`$command_line\` (workload W: 100 resources per host; no-op = median of $noop_runs runs)."
  echo "CPU = controller CPU (user + sys; Ansible: with its ssh ControlPersist masters); all CPU = the whole"
  echo "machine's CPU during the run and one second after it (controller, sshd servers, batou's agents or Ansible's"
  echo "remote Python: everything shares these cores); RSS = peak of the largest single controller process."
}

# --------------------------------------------------------------------------------------------------------- main
check_prerequisites
"$root/batou" --version > /dev/null # builds the product if the sources changed
# Measured: the product's own launcher, as a user runs it (the checkout's ./batou only adds a staleness check,
# and would rebuild in the middle of the benchmark if another build touched the sources).
batou=$root/releng/batou.product/target/products/batou.product/linux/gtk/x86_64/batou/batou
[ -x "$batou" ] || die "no product launcher at $batou"
start_servers
make_projects
report=$work/report.md
header > "$report"
cat "$report"
for n in "${counts[@]}"; do
  echo
  echo "== $n host(s)"
  set_hosts "$n"
  echo "  batou: first, $noop_runs no-op, one change..."
  rounds batou "$n"
  echo "  Ansible: first, $noop_runs no-op, one change..."
  rounds ansible "$n"
  compare "$work/batou-targets" "$work/ansible-targets" "$n" change
  stop_ssh_masters
  table "$n" | tee -a "$report"
done
cp "$report" "$here/last-run.md"
echo
echo "written to bench/vs-ansible/last-run.md"
