# Sourced by ./syndicate and benchmarks/run: which java runs the product, the same for both so the figures describe
# what a user runs.

# The JVM options of every service process ./syndicate and benchmarks/run start (the one place for both; the
# container images have their own in deploy/). No -XX:MaxMetaspaceSize: it also shrinks the compressed class space,
# and on Java 25 a service's ahead-of-time cache (~130 MB of class metadata) must fit in that space or the JVM cannot
# write it (catalog-service could not). A service's cache belongs to these options (local-stack's AotCache): a change
# records it again at the next start.
SERVICE_JAVA_OPTS_DEFAULT="-Xms32m -Xmx192m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m"

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
