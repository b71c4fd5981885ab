#!/usr/bin/env bash
# Builds the file tree the Twinworks image runs on, in place of a base image (no registry is reachable):
# a Java 17 runtime made with jlink from this JDK under /opt/java, the host's shared libraries it needs
# (glibc and the dynamic loader, found with ldd), /etc/passwd with the user it runs as, and /tmp.
# Jib adds this tree as an extra directory on top of `scratch` (the `image` profile in runtime/pom.xml).
#   cluster-config/image/jre-root.sh OUT_DIR
set -euo pipefail
out="${1:?usage: jre-root.sh OUT_DIR}"

# What `jdeps --print-module-deps --ignore-missing-deps --multi-release 17 runtime/target/twinworks-all.jar` lists
# (it takes a minute, so it is not run on every build), plus what is only loaded by name at run time:
# TLS elliptic curves (Cassandra, MQTT, OPC UA over TLS), zip file systems, DNS lookups through JNDI, charsets.
modules="java.base,java.compiler,java.desktop,java.instrument,java.management.rmi,java.net.http,java.prefs"
modules+=",java.scripting,java.security.jgss,java.security.sasl,java.sql.rowset,jdk.httpserver,jdk.jfr"
modules+=",jdk.management,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.charsets"

for tool in jlink ldd; do
  command -v "$tool" >/dev/null || { echo "jre-root: '$tool' is needed (a JDK 17 and glibc's ldd)" >&2; exit 1; }
done
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
[ -d "$java_home/jmods" ] || {
  echo "jre-root: $java_home has no jmods/ to link from: apt-get install -y openjdk-17-jdk-headless" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
echo "jre-root: linking a Java runtime from $java_home into $out/opt/java"
jlink --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"

# The desktop module is there for java.beans (SnakeYAML); its native parts for screens and sound are not used by
# a headless server and would pull in X11 and ALSA.
rm -f "$out"/opt/java/lib/{libawt_xawt,libsplashscreen,libjsound}.so

# Every shared library the launcher and the JDK's libraries load, with the dynamic loader, at the same
# path as on this host (ldd prints resolved absolute paths; -L copies the file a symlink points to).
# libgcc_s is dlopen'ed by glibc for thread cancellation and unwinding, so ldd never lists it.
libs="$(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | grep -o '/[^ ]*\.so[^ ]*' | sort -u)"
libgcc="$("$(command -v ldconfig || echo /sbin/ldconfig)" -p | awk '/libgcc_s\.so\.1 .*x86-64/ {print $NF; exit}')"
for lib in $libs $libgcc; do
  cp -L --parents "$lib" "$out"
done
echo "jre-root: copied $(echo $libs $libgcc | wc -w) shared libraries from the host"

mkdir -p "$out/etc" "$out/tmp" "$out/var/lib/twinworks"
echo 'root:x:0:0:root:/root:/sbin/nologin' > "$out/etc/passwd"
echo 'twinworks:x:1000:1000:twinworks:/var/lib/twinworks:/sbin/nologin' >> "$out/etc/passwd"
printf 'root:x:0:\ntwinworks:x:1000:\n' > "$out/etc/group"
echo "jre-root: $(du -sh "$out" | cut -f1) in $out"
