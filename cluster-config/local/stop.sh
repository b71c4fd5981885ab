#!/usr/bin/env bash
# Stops what cluster-config/local/start.sh started, by its pid files and nothing else: the nodes first (SIGTERM:
# each drains its ingestion, hands its shards off and leaves the cluster; SIGKILL only after 100 s), then
# Mosquitto (SIGTERM writes its persistence), then the Cassandra start.sh started. Data stays in the folder.
#
#   cluster-config/local/stop.sh [--dir D]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dir="./data/cluster"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="${2:?--dir takes a folder}"; shift 2 ;;
    -h|--help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option '$1' (usage: stop.sh [--dir D])" ;;
  esac
done
[ -d "$dir" ] || fail "no local cluster in $dir (start.sh --dir names it)"
dir="$(cd "$dir" && pwd)"

# All nodes get SIGTERM at once and shut down side by side; then each is waited for.
shopt -s nullglob
pid_files=("$dir"/node*.pid)
running=()
for file in "${pid_files[@]}"; do
  node="$(basename "$file" .pid)"
  if pid_alive "$file" "twinworks-all.jar run"; then
    say "stopping $node (pid $(cat "$file"))"
    kill -TERM "$(cat "$file")" 2>/dev/null || true
    running+=("$file")
  else
    say "$node was not running"
    rm -f "$file"
  fi
done
for file in "${running[@]}"; do
  wait_exit "$(cat "$file")" "twinworks-all.jar run" "$(basename "$file" .pid)" 100
  rm -f "$file"
done

stop_pid "$dir/mosquitto.pid" "$dir/mosquitto/mosquitto.conf" "Mosquitto" 30

if [ -f "$dir/cassandra.started" ]; then
  say "stopping Cassandra"
  "$twinworks" cassandra stop --dir "$dir/cassandra" | sed 's/^twinworks: /cluster: /'
  rm -f "$dir/cassandra.started"
fi
say "stopped; data stays in $dir (rm -rf it for a fresh start)"
