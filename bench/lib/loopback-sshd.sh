# shellcheck shell=bash
# Loopback OpenSSH servers for the benchmarks (sourced, not run): one sshd per simulated host on its own address
# 127.0.0.x, with its own host key, all trusting one user key; an ssh_config naming each host and a known_hosts
# that trusts them. Needs openssh-server; runs sshd as the current user.
#
#   loopback_sshd_init WORK          user key, empty ssh_config and known_hosts in WORK
#   loopback_sshd_start WORK NAME ADDRESS [SSHD_CONFIG_LINE...]
#                                    starts an sshd; sets LOOPBACK_PORT, appends its pid to LOOPBACK_PIDS
#   loopback_sshd_await              waits until every sshd started listens (at most 5 s each)
#   loopback_sshd_stop               stops every sshd started

LOOPBACK_PIDS=()
LOOPBACK_LISTENS=() # "ADDRESS PORT" of each sshd started

loopback_sshd_init() {
  local work=$1
  mkdir -p /run/sshd 2>/dev/null || true
  ssh-keygen -q -t ed25519 -N '' -f "$work/user_key"
  : > "$work/known_hosts"
  : > "$work/ssh_config"
}

loopback_sshd_start() {
  local work=$1 name=$2 address=$3
  shift 3
  local dir=$work/sshd/$name line
  mkdir -p "$dir"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
  LOOPBACK_PORT=$(python3 -c "import socket; s=socket.socket(); s.bind(('$address', 0)); print(s.getsockname()[1])")
  {
    echo "ListenAddress $address"
    echo "Port $LOOPBACK_PORT"
    echo "HostKey $dir/host_key"
    echo "AuthorizedKeysFile $work/user_key.pub"
    echo "PidFile $dir/sshd.pid"
    echo "StrictModes no"
    echo "UsePAM no"
    echo "PasswordAuthentication no"
    echo "KbdInteractiveAuthentication no"
    echo "PermitRootLogin yes"
    echo "MaxStartups 100"
    echo "LogLevel ERROR"
    for line in "$@"; do echo "$line"; done
  } > "$dir/sshd_config"
  /usr/sbin/sshd -D -e -f "$dir/sshd_config" 2>>"$dir/sshd.log" &
  LOOPBACK_PIDS+=($!)
  LOOPBACK_LISTENS+=("$address $LOOPBACK_PORT")
  echo "[$address]:$LOOPBACK_PORT $(cut -d' ' -f1,2 "$dir/host_key.pub")" >> "$work/known_hosts"
  cat >> "$work/ssh_config" <<CONFIG
Host $name
  HostName $address
  Port $LOOPBACK_PORT
  User $(id -un)
  IdentityFile $work/user_key
  IdentitiesOnly yes
  UserKnownHostsFile $work/known_hosts

CONFIG
}

loopback_sshd_await() {
  local listen address port t
  for listen in "${LOOPBACK_LISTENS[@]}"; do
    read -r address port <<< "$listen"
    for ((t = 0; t < 100; t++)); do
      (echo > "/dev/tcp/$address/$port") 2>/dev/null && break
      sleep 0.05
    done
    ((t < 100)) || { echo "sshd on $address port $port does not listen" >&2; return 1; }
  done
}

loopback_sshd_stop() {
  local pid
  for pid in "${LOOPBACK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${LOOPBACK_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
