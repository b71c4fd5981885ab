# Shared by start.sh and stop.sh: where the local cluster keeps its files, and the processes it started.
# Layout of the run folder (default ./data/cluster, --dir):
#   mosquitto/  mosquitto.conf, its persistence and log      mosquitto.pid
#   cassandra/  the dev Cassandra (bin/twinworks cassandra)   cassandra.started (start.sh started it)
#   node<i>/    the node's data dir and node.log              node<i>.pid
#   nodes       one line per node: i http management remote client-id
#   cassandra.out, schema.out: what bin/twinworks cassandra start and schema apply printed

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
twinworks="$root/bin/twinworks"
jar="$root/runtime/target/twinworks-all.jar"

say() { echo "cluster: $*"; }
fail() { echo "cluster: $*" >&2; exit 1; }

# outcome FILE: what a bin/twinworks command wrote to FILE for a person (its "twinworks: " lines, without the
# prefix), or the end of FILE when there are none.
outcome() {
  grep '^twinworks: ' "$1" | sed 's/^twinworks: //' | tail -3 | grep . || tail -5 "$1"
}

# pid_alive FILE PATTERN: true when FILE holds the pid of a live process whose command line contains PATTERN
# (a pid the system reused for something else is not ours).
pid_alive() {
  [ -f "$1" ] || return 1
  local pid
  pid="$(cat "$1")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$2"
}

# stop_pid FILE PATTERN WHAT SECONDS: SIGTERM to the process of FILE, wait up to SECONDS for it to exit,
# SIGKILL after that (saying so); removes FILE.
stop_pid() {
  local file="$1" pattern="$2" what="$3" seconds="$4" pid
  if ! pid_alive "$file" "$pattern"; then
    [ -f "$file" ] && say "$what was not running"
    rm -f "$file"
    return 0
  fi
  pid="$(cat "$file")"
  kill -TERM "$pid" 2>/dev/null || true
  wait_exit "$pid" "$pattern" "$what" "$seconds"
  rm -f "$file"
}

# wait_exit PID PATTERN WHAT SECONDS: waits for PID to exit, SIGKILL after SECONDS.
wait_exit() {
  local pid="$1" pattern="$2" what="$3" seconds="$4" waited=0
  while [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$pattern"; do
    if [ "$waited" -ge "$seconds" ]; then
      say "$what (pid $pid) did not stop within ${seconds} s of SIGTERM: killing it (SIGKILL)"
      kill -KILL "$pid" 2>/dev/null || true
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "$what (pid $pid) stopped after ${waited} s"
}

# port_in_use PORT: true when something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
