#!/usr/bin/env bash
# Proves an image tarball runs without a container engine: unpacks its layers in order into a directory and
# runs its entrypoint there with chroot, as the image's user and with its environment (plus -e NAME=VALUE),
# given arguments (default --version). The network is the host's.
#   sudo cluster-config/image/check-image.sh runtime/target/twinworks-image.tar --version
#   sudo cluster-config/image/check-image.sh -e TWINWORKS_HTTP_PORT=18080 runtime/target/twinworks-image.tar run
# Needs root (chroot), tar and jq. Leaves nothing behind.
set -euo pipefail
extra_env=()
while [ "${1:-}" = "-e" ]; do
  extra_env+=("${2:?-e needs NAME=VALUE}")
  shift 2
done
tarball="${1:?usage: check-image.sh [-e NAME=VALUE]... IMAGE.tar [ARGS...] (default args: --version)}"
shift
[ $# -eq 0 ] && set -- --version
[ "$(id -u)" -eq 0 ] || { echo "check-image: chroot needs root" >&2; exit 1; }
command -v jq >/dev/null || { echo "check-image: jq is needed: apt-get install -y jq" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xf "$tarball" -C "$work"
mkdir "$work/root"
layers="$(jq -r '.[0].Layers[]' "$work/manifest.json")"
for layer in $layers; do
  tar --warning=no-unknown-keyword -xzf "$work/$layer" -C "$work/root"
done
config="$work/$(jq -r '.[0].Config' "$work/manifest.json")"
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t environment < <(jq -r '.config.Env[]' "$config")
user="$(jq -r '.config.User // "0:0"' "$config")"
echo "check-image: $(echo "$layers" | wc -w) layers, $(du -sh "$work/root" | cut -f1) unpacked; user $user" >&2
echo "check-image: running ${entrypoint[*]} $*" >&2
# /proc for the JVM (it reads its own limits there), unmounted again on the way out.
mkdir -p "$work/root/proc"
mount -t proc proc "$work/root/proc"
trap 'umount "$work/root/proc"; rm -rf "$work"' EXIT
env -i "${environment[@]}" "${extra_env[@]}" "$(command -v chroot)" --userspec="$user" "$work/root" "${entrypoint[@]}" "$@"
