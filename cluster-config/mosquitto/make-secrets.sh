#!/usr/bin/env bash
# Creates what mosquitto-secure.conf needs, for a lab or a first install:
#   certs/ca.pem, certs/ca-key.pem      a CA (keep ca-key.pem offline in production)
#   certs/server.pem, server-key.pem    the broker's certificate for HOST (and localhost, 127.0.0.1)
#   config/passwd                       users: twinworks (the runtime), default, and each TENANT=PASSWORD given
#   config/acl                          a copy of the ACL beside it
# Usage: make-secrets.sh DIR HOST TWINWORKS_PASSWORD [TENANT=PASSWORD ...]
# e.g.   make-secrets.sh ./broker mqtt.plant.local "$(openssl rand -base64 24)" acme=s3cret beta=0th3r
set -euo pipefail
if [[ $# -lt 3 ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
dir=$1 host=$2 runtime_password=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
command -v openssl >/dev/null || { echo "openssl not found (apt-get install openssl)" >&2; exit 1; }
command -v mosquitto_passwd >/dev/null || { echo "mosquitto_passwd not found (apt-get install mosquitto)" >&2; exit 1; }
mkdir -p "$dir/certs" "$dir/config"
certs=$dir/certs

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj "/CN=Twinworks MQTT CA" \
  -keyout "$certs/ca-key.pem" -out "$certs/ca.pem"
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$host" \
  -keyout "$certs/server-key.pem" -out "$certs/server.csr"
printf 'subjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyAgreement\nextendedKeyUsage=serverAuth\n' \
  "$host" > "$certs/server.ext"
openssl x509 -req -in "$certs/server.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca-key.pem" -CAcreateserial \
  -days 825 -extfile "$certs/server.ext" -out "$certs/server.pem"
rm -f "$certs/server.csr" "$certs/server.ext"
chmod 600 "$certs/ca-key.pem"

passwd=$dir/config/passwd
: > "$passwd"
mosquitto_passwd -b "$passwd" twinworks "$runtime_password"
for pair in "$@"; do
  tenant=${pair%%=*}
  [[ $tenant =~ ^[A-Za-z0-9._-]+$ && $pair == *=* ]] || { echo "not TENANT=PASSWORD: $tenant" >&2; exit 2; }
  mosquitto_passwd -b "$passwd" "$tenant" "${pair#*=}"
done
cp "$here/acl" "$dir/config/acl"
# Mosquitto reads these after it dropped to its own user: readable by its group, nobody else.
if getent group mosquitto >/dev/null; then
  chgrp mosquitto "$certs/server-key.pem" "$passwd" "$dir/config/acl"
  chmod 640 "$certs/server-key.pem" "$passwd"
else
  echo "no group 'mosquitto' here: make $certs/server-key.pem and $passwd readable by the broker's user" >&2
fi
echo "wrote $certs/{ca,server,server-key}.pem, $passwd, $dir/config/acl"
echo "runtime: TWINWORKS_MQTT_URL=ssl://$host:8883 TWINWORKS_MQTT_USERNAME=twinworks TWINWORKS_MQTT_PASSWORD=... TWINWORKS_MQTT_TLS_TRUST_STORE=$certs/ca.pem"
