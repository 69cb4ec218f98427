#!/usr/bin/env python3
"""CPU time outside the measured tool's own process tree, for bench/vs-ansible.sh.

    cpu.py snapshot CONTROL_DIR SSHD_PID... > FILE    record the counters
    cpu.py delta BEFORE AFTER                          print "TARGET_SECONDS MASTER_SECONDS"

target: the loopback sshd servers with everything below them (sessions, shells, batou's agent JVM, Ansible's
  remote Python modules): their own CPU time plus that of their waited-for children (processes that ended are
  counted in their parent's cutime/cstime).
master: OpenSSH ControlPersist masters whose command line names CONTROL_DIR (Ansible's connections). They
  detach from ansible-playbook, so GNU time does not see their CPU; it belongs to the controller side.
"""
import json
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def processes():
    """pid -> (ppid, own ticks, waited-for children's ticks, command line)"""
    result = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # fields from 3 (state) on
        ppid, utime, stime, cutime, cstime = int(fields[1]), *map(int, fields[11:15])
        result[int(name)] = (ppid, utime + stime, cutime + cstime, cmdline)
    return result


def snapshot(control_dir, roots):
    procs = processes()
    children = {}
    for pid, (ppid, *_rest) in procs.items():
        children.setdefault(ppid, []).append(pid)
    target, stack = 0, [r for r in roots if r in procs]
    while stack:
        pid = stack.pop()
        _, own, waited, _ = procs[pid]
        target += own + waited
        stack += children.get(pid, [])
    masters = {pid: own + waited for pid, (_, own, waited, cmd) in procs.items()
               if cmd.startswith("ssh ") and control_dir in cmd}
    return {"target": target, "masters": masters}


def delta(before, after):
    target = after["target"] - before["target"]
    masters = sum(ticks - before["masters"].get(pid, 0) for pid, ticks in after["masters"].items())
    return target / TICKS, masters / TICKS


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "snapshot":
        print(json.dumps(snapshot(sys.argv[2], [int(p) for p in sys.argv[3:]])))
    elif len(sys.argv) == 4 and sys.argv[1] == "delta":
        with open(sys.argv[2]) as b, open(sys.argv[3]) as a:
            before, after = json.load(b), json.load(a)
        before["masters"] = {int(k): v for k, v in before["masters"].items()}
        after["masters"] = {int(k): v for k, v in after["masters"].items()}
        print("%.2f %.2f" % delta(before, after))
    else:
        sys.exit(__doc__)
