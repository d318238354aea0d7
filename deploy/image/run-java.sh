#!/bin/sh
# Entrypoint of the images built by `./mvnw -Pimages package` (see deploy/README.md, "Build the images").
#
# It keeps the part of the contract of the ubi openjdk images' run-java.sh that the Kubernetes manifests use,
# at the same path, so the Deployments work unchanged on this base and on a ubi base:
#   JAVA_MAX_MEM_RATIO  heap as a percentage of the container's memory limit (-XX:MaxRAMPercentage), default 80
#   JAVA_OPTS           extra JVM options of the operator, before JAVA_OPTS_APPEND
#   JAVA_OPTS_APPEND    options the image sets (log manager, -XX:+ExitOnOutOfMemoryError, ...)
#   JAVA_APP_JAR        the jar to run (the image sets /deployments/quarkus-run.jar)
# exec, so the JVM is PID 1's replacement and gets SIGTERM from the kubelet directly.
set -e
java="${JAVA_HOME:-/opt/java}/bin/java"
ratio="${JAVA_MAX_MEM_RATIO:-80}"
# shellcheck disable=SC2086 # JAVA_OPTS and JAVA_OPTS_APPEND are lists of options, split on spaces on purpose
exec "$java" "-XX:MaxRAMPercentage=${ratio}" ${JAVA_OPTS} ${JAVA_OPTS_APPEND} -jar "${JAVA_APP_JAR:?JAVA_APP_JAR is not set}" "$@"
