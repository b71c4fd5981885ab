#!/usr/bin/env bash
# Starts a local Twinworks cluster on loopback: Mosquitto (cluster-config/mosquitto/mosquitto.conf, persistent),
# a dev Cassandra (bin/twinworks cassandra start) with the schema applied, then N runtime JVMs that join one
# Pekko cluster through seed nodes and share the ingest subscriptions ($share/twinworks/...). Waits until every
# node answers /ready and prints where each one is. stop.sh stops exactly what this started.
#
#   cluster-config/local/start.sh [--nodes N] [--dir D] [--mqtt-port P] [--cassandra-port P | --cassandra H:P]
#                                 [--remote-base P] [--http-base P] [--management-base P]
#
# Node i (1..N) listens on remote port 25520+i, HTTP 18080+i, management 18550+i (the bases are options).
# JAVA_OPTS goes to every node's JVM (default -Xmx1g).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

nodes=3
dir="./data/cluster"
mqtt_port=1883
cassandra_port=9042
cassandra_external=""
remote_base=25520
http_base=18080
management_base=18550
ready_timeout=180

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
number() { [[ "$2" =~ ^[0-9]+$ ]] || fail "$1 takes a number, was '$2'"; echo "$2"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes="$(number "$1" "${2:-}")"; shift 2 ;;
    --dir) dir="${2:?--dir takes a folder}"; shift 2 ;;
    --mqtt-port) mqtt_port="$(number "$1" "${2:-}")"; shift 2 ;;
    --cassandra-port) cassandra_port="$(number "$1" "${2:-}")"; shift 2 ;;
    --cassandra) cassandra_external="${2:?--cassandra takes host:port of a running Cassandra}"; shift 2 ;;
    --remote-base) remote_base="$(number "$1" "${2:-}")"; shift 2 ;;
    --http-base) http_base="$(number "$1" "${2:-}")"; shift 2 ;;
    --management-base) management_base="$(number "$1" "${2:-}")"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "cluster: unknown option '$1'" >&2; usage 1 >&2 ;;
  esac
done
[ "$nodes" -ge 1 ] && [ "$nodes" -le 9 ] || fail "--nodes must be 1..9, was $nodes"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# --- what must be there first
command -v java >/dev/null || fail "Java 17 is needed: apt-get install -y openjdk-17-jdk-headless"
command -v curl >/dev/null || fail "curl is needed (to wait for /ready): apt-get install -y curl"
mosquitto="$(command -v mosquitto || true)"
[ -z "$mosquitto" ] && [ -x /usr/sbin/mosquitto ] && mosquitto=/usr/sbin/mosquitto
[ -n "$mosquitto" ] || fail "Mosquitto is needed: apt-get install -y mosquitto (start.sh runs a broker of its own; when the system's service holds port 1883, pass --mqtt-port)"
for i in $(seq 1 "$nodes"); do
  pid_alive "$dir/node$i.pid" "twinworks-all.jar run" && fail "node $i is already running (pid $(cat "$dir/node$i.pid")); run cluster-config/local/stop.sh --dir $dir first"
done
pid_alive "$dir/mosquitto.pid" "$dir/mosquitto/mosquitto.conf" && fail "Mosquitto of $dir is already running; run cluster-config/local/stop.sh --dir $dir first"

ports=("$mqtt_port:Mosquitto (--mqtt-port)")
[ -z "$cassandra_external" ] && ports+=("$cassandra_port:Cassandra (--cassandra-port)")
for i in $(seq 1 "$nodes"); do
  ports+=("$((remote_base + i)):node $i remote (--remote-base)" "$((http_base + i)):node $i HTTP (--http-base)"
    "$((management_base + i)):node $i management (--management-base)")
done
for entry in "${ports[@]}"; do
  port="${entry%%:*}"
  [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || fail "port $port of ${entry#*:} is not a port number"
  # A Cassandra this script started earlier from the same folder may still run: `cassandra start` reuses it.
  if [[ "${entry#*:}" == Cassandra* ]] && [ -f "$dir/cassandra.started" ]; then continue; fi
  port_in_use "$port" && fail "port $port (${entry#*:}) is in use on 127.0.0.1; choose another with the option named"
done

# The runtime jar, built first when missing or older than the sources (bin/twinworks does that on every call).
"$twinworks" --version >/dev/null

# From here on a failure leaves what did start running: say how to stop it.
trap 'status=$?; [ "$status" -ne 0 ] && echo "cluster: cluster-config/local/stop.sh --dir $dir stops what did start" >&2' EXIT

# --- Mosquitto: the shared configuration with this run's listener, persistence folder and log.
mkdir -p "$dir/mosquitto/data"
# Started as root, Mosquitto drops to the user "mosquitto", which must write its persistence file.
if [ "$(id -u)" -eq 0 ] && id mosquitto >/dev/null 2>&1; then chown mosquitto "$dir/mosquitto/data"; fi
{
  echo "# Written by cluster-config/local/start.sh from cluster-config/mosquitto/mosquitto.conf"
  grep -vE '^[[:space:]]*(listener|persistence_location|log_dest)[[:space:]]' "$root/cluster-config/mosquitto/mosquitto.conf"
  echo "listener $mqtt_port 127.0.0.1"
  echo "persistence_location $dir/mosquitto/data/"
  echo "log_dest stdout"
} > "$dir/mosquitto/mosquitto.conf"
say "starting Mosquitto on tcp://127.0.0.1:$mqtt_port (persistence in $dir/mosquitto/data)"
setsid "$mosquitto" -c "$dir/mosquitto/mosquitto.conf" >> "$dir/mosquitto/mosquitto.log" 2>&1 < /dev/null &
echo $! > "$dir/mosquitto.pid"
for _ in $(seq 1 50); do
  port_in_use "$mqtt_port" && break
  pid_alive "$dir/mosquitto.pid" "$dir/mosquitto/mosquitto.conf" || fail "Mosquitto exited: $(tail -5 "$dir/mosquitto/mosquitto.log")"
  sleep 0.2
done
port_in_use "$mqtt_port" || fail "Mosquitto does not listen on $mqtt_port after 10 s; see $dir/mosquitto/mosquitto.log"

# --- Cassandra and the schema
if [ -n "$cassandra_external" ]; then
  contact_point="$cassandra_external"
  say "using the Cassandra at $contact_point"
else
  say "starting Cassandra on 127.0.0.1:$cassandra_port in $dir/cassandra (a minute or two the first time)"
  # Marked first: stop.sh then also stops a Cassandra that started but never answered.
  touch "$dir/cassandra.started"
  "$twinworks" cassandra start --dir "$dir/cassandra" --port "$cassandra_port" > "$dir/cassandra.out" 2>&1 \
    || fail "Cassandra did not start: $(outcome "$dir/cassandra.out")"
  contact_point="$(tail -1 "$dir/cassandra.out")"
fi
say "applying the schema at $contact_point"
# The driver's log lines go to the file; the outcome is printed.
TWINWORKS_CASSANDRA_CONTACT_POINTS="$contact_point" "$twinworks" schema apply --config "$root/cluster-config/local/node.conf" \
  > "$dir/schema.out" 2>&1 || fail "$(outcome "$dir/schema.out")"
grep '^twinworks: ' "$dir/schema.out" | sed 's/^twinworks: /cluster: /'

# --- the nodes
seeds=""
for i in $(seq 1 "$nodes"); do seeds+="${seeds:+,}127.0.0.1:$((remote_base + i))"; done
: > "$dir/nodes"
for i in $(seq 1 "$nodes"); do
  mkdir -p "$dir/node$i"
  say "starting node $i (log $dir/node$i/node.log)"
  # shellcheck disable=SC2086
  env TWINWORKS_CLUSTER_DISCOVERY=seed-nodes TWINWORKS_CLUSTER_SEED_NODES="$seeds" \
    TWINWORKS_CLUSTER_HOST=127.0.0.1 TWINWORKS_CLUSTER_PORT="$((remote_base + i))" \
    TWINWORKS_HTTP_PORT="$((http_base + i))" TWINWORKS_MANAGEMENT_PORT="$((management_base + i))" \
    TWINWORKS_MQTT_URL="tcp://127.0.0.1:$mqtt_port" TWINWORKS_MQTT_SHARED_GROUP=twinworks \
    TWINWORKS_MQTT_CLIENT_ID="twinworks-ingest-node$i" TWINWORKS_DATA_DIR="$dir/node$i" \
    TWINWORKS_STORE=cassandra TWINWORKS_CASSANDRA_CONTACT_POINTS="$contact_point" \
    setsid java ${JAVA_OPTS:--Xmx1g} -jar "$jar" run --config "$root/cluster-config/local/node.conf" \
    >> "$dir/node$i/node.log" 2>&1 < /dev/null &
  echo $! > "$dir/node$i.pid"
  echo "$i $((http_base + i)) $((management_base + i)) $((remote_base + i)) twinworks-ingest-node$i" >> "$dir/nodes"
done

# --- wait until each answers /ready (the first seed forms the cluster, the others join it)
started=$SECONDS
next_report=15
for i in $(seq 1 "$nodes"); do
  management=$((management_base + i))
  until curl -sf -o /dev/null "http://127.0.0.1:$management/ready"; do
    if ! pid_alive "$dir/node$i.pid" "twinworks-all.jar run"; then
      echo "cluster: node $i exited; the end of $dir/node$i/node.log:" >&2
      tail -20 "$dir/node$i/node.log" >&2
      fail "node $i did not start"
    fi
    elapsed=$((SECONDS - started))
    [ "$elapsed" -ge "$ready_timeout" ] && fail "node $i is not ready after ${ready_timeout} s (see $dir/node$i/node.log)"
    if [ "$elapsed" -ge "$next_report" ]; then
      say "waiting for node $i to be ready (${elapsed} s)"
      next_report=$((elapsed + 15))
    fi
    sleep 1
  done
  say "node $i ready after $((SECONDS - started)) s"
done

echo
echo "Twinworks cluster of $nodes node(s) is up:"
printf '  %-5s %-8s %-28s %-34s %-17s %s\n' node pid HTTP management remote "MQTT client id"
while read -r i http management remote client; do
  printf '  %-5s %-8s %-28s %-34s %-17s %s\n' "$i" "$(cat "$dir/node$i.pid")" "http://127.0.0.1:$http" \
    "http://127.0.0.1:$management/ready" "127.0.0.1:$remote" "$client"
done < "$dir/nodes"
echo "  Mosquitto tcp://127.0.0.1:$mqtt_port (pid $(cat "$dir/mosquitto.pid")), Cassandra $contact_point"
echo "  members:  curl -s http://127.0.0.1:$((management_base + 1))/cluster/members | jq"
echo "  logs:     $dir/node<i>/node.log; stop with cluster-config/local/stop.sh${dir:+ --dir $dir}"
