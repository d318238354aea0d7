#!/usr/bin/env bash
# Builds the base image of the three service images, without a Docker daemon or a registry: a root filesystem
# from Debian packages (libc6 for the JVM, dash for the entrypoint script), a Java runtime jlink'ed from a
# local JDK, user 185, and run-java.sh. The result is a `docker save`-format tarball that Jib reads as its
# base (quarkus.jib.base-jvm-image=tar://...). The services' `images` profile runs this before quarkus:build;
# the first module builds the base, the others find it up to date.
#
#   build-base.sh OUT_DIR JDK_HOME
#
# Needs: bash, GNU tar, gzip, sha256sum, apt-get (Debian's package mirror; the lists are fetched when missing)
# and dpkg-deb. Writes OUT_DIR/base.tar; rebuilds only when an input changed (OUT_DIR/inputs.sha256).
set -euo pipefail

out="${1:?usage: build-base.sh OUT_DIR JDK_HOME}"
jdk="${2:?usage: build-base.sh OUT_DIR JDK_HOME}"
here="$(cd "$(dirname "$0")" && pwd)"

# java.se covers what Quarkus, Hibernate, the PostgreSQL driver (GSS) and the Kafka client (SASL) load;
# the jdk.* modules are the ones they use by name (Unsafe, JMX beans for Micrometer, DNS, PKCS#11 providers).
modules="java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.crypto.cryptoki,jdk.zipfs,jdk.jfr"
packages="libc6 dash"

[ -x "$jdk/bin/jlink" ] || { echo "build-base.sh: no jlink in $jdk (set -Dimages.jdk=<a JDK 17 or newer>)" >&2; exit 1; }
java_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jdk/release")"

mkdir -p "$out"
inputs="$(cat "$0" "$here/run-java.sh" "$jdk/release"; echo "$modules $packages"; \
          apt-cache policy $packages 2>/dev/null | grep -E '^[a-z0-9]|Candidate' || true)"
stamp="$(printf '%s' "$inputs" | sha256sum | cut -d' ' -f1)"
if [ -f "$out/base.tar" ] && [ "$(cat "$out/inputs.sha256" 2>/dev/null)" = "$stamp" ]; then
  echo "build-base.sh: $out/base.tar is up to date"
  exit 0
fi

work="$(mktemp -d "$out/work.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root" "$work/debs"

echo "build-base.sh: Debian packages: $packages"
# a new machine has no package lists yet: fetch them once and try again
(cd "$work/debs" && apt-get download -q $packages) \
  || { apt-get update -q >/dev/null && (cd "$work/debs" && apt-get download -q $packages); } \
  || { echo "build-base.sh: apt-get download of $packages failed (Debian's package mirror unreachable?)" >&2; exit 1; }
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
# keep what a JVM needs at run time: the shared libraries and loader, /bin/sh; drop docs, locales, gconv
rm -rf "$root/usr/share" "$root/usr/lib/x86_64-linux-gnu/gconv" "$root/usr/bin" "$root/usr/sbin" "$root/sbin" \
       "$root/usr/lib/x86_64-linux-gnu/audit" "$root/etc"
mkdir -p "$root/bin" "$root/usr/bin" "$root/etc" "$root/tmp" "$root/deployments" "$root/opt/jboss/container/java/run"
ln -sf /bin/dash "$root/bin/sh"
chmod 1777 "$root/tmp"

echo "build-base.sh: jlink of $jdk ($java_version)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$root/opt/java"

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
java:x:185:0:Java application:/deployments:/usr/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
GROUP
echo 'hosts: files dns' > "$root/etc/nsswitch.conf"
install -m 0755 "$here/run-java.sh" "$root/opt/jboss/container/java/run/run-java.sh"

# One layer, owned by root, with fixed times and order, so the same inputs give the same digest.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -C "$root" -cf "$work/layer.tar" .
diff_id="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"

cat > "$work/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"185","WorkingDir":"/deployments",
  "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","JAVA_VERSION=${java_version}","LANG=C.UTF-8"],
  "Entrypoint":["/opt/jboss/container/java/run/run-java.sh"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:${diff_id}"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/image/build-base.sh: ${packages}, jlink ${java_version}"}]}
CONFIG
echo '[{"Config":"config.json","RepoTags":["syndication-base:latest"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -C "$work" -cf "$out/base.tar.tmp" \
  manifest.json config.json layer.tar
mv "$out/base.tar.tmp" "$out/base.tar"
echo "$stamp" > "$out/inputs.sha256"
echo "build-base.sh: $out/base.tar ($(du -h "$out/base.tar" | cut -f1))"
