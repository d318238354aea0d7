# Sourced by ./syndicate and benchmarks/run: which java runs the product, the same for both so the figures describe
# what a user runs.

# The JVM options of every service process ./syndicate and benchmarks/run start (the one place for both, with the
# Java 25 additions below: service_java_opts_default; the container images have their own in deploy/). No -XX:MaxMetaspaceSize: it also shrinks the compressed class space,
# and on Java 25 a service's ahead-of-time cache (~130 MB of class metadata) must fit in that space or the JVM cannot
# write it (catalog-service could not). A service's cache belongs to these options (local-stack's AotCache): a change
# records it again at the next start.
SERVICE_JAVA_OPTS_DEFAULT="-Xms32m -Xmx192m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m"
# The JIT's compile thresholds ten times the default (issue 18's start-up target): with the AOT cache's replayed
# profiles, C1 and C2 took 2-4 s of CPU in each service before it was ready, on the cores its own start-up and the
# other services' needed; at 10x 0.5-0.8 s. Hot methods still reach C2, after ten times the calls; the pipeline's
# serving figures did not get worse (benchmarks/README.md, "Where a start's time goes"). Not
# -XX:TieredStopAtLevel=1, which gives up C2 for good. Measured on Java 25 with the AOT cache only, so Java 25 only.
SERVICE_JAVA_OPTS_JIT="-XX:CompileThresholdScaling=10"
# Added on Java 25 or newer, which know them (Java 17 refuses to start on an unknown -XX option): compact object
# headers (8 bytes less per object: a smaller heap for the same work) and a periodic malloc_trim, which hands the
# freed parts of glibc's malloc arenas back to the system (issue 18's memory target; benchmarks/README.md).
SERVICE_JAVA_OPTS_25="-XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=10000"

# The services' default JVM options for a JVM of the given feature release (17, 25).
service_java_opts_default() {
    if (( $1 >= 25 )); then
        echo "$SERVICE_JAVA_OPTS_DEFAULT $SERVICE_JAVA_OPTS_JIT $SERVICE_JAVA_OPTS_25"
    else
        echo "$SERVICE_JAVA_OPTS_DEFAULT"
    fi
}

# The feature release of a java executable (17, 25), from its java.specification.version.
java_feature() {
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]}'
}

# Sets JAVA: JAVA_HOME's java when set; else the newest JDK found (java on the path and /usr/lib/jvm/*): Java 25 or
# newer starts the services from an ahead-of-time cache (local-stack's AotCache), Java 17 works without one.
# Returns non-zero, JAVA empty, when there is none.
select_java() {
    local candidate version best=0
    JAVA=""
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        JAVA="$JAVA_HOME/bin/java"
        return 0
    fi
    for candidate in "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java; do
        [[ -n "$candidate" && -x "$candidate" ]] || continue
        version="$(java_feature "$candidate")"
        if [[ "$version" =~ ^[0-9]+$ ]] && (( version > best )); then
            best="$version"
            JAVA="$candidate"
        fi
    done
    [[ -n "$JAVA" ]]
}
