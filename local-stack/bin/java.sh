# Sourced by ./syndicate and benchmarks/run: which java runs the product, the same for both so the figures describe
# what a user runs.

# The JVM options of every service process ./syndicate and benchmarks/run start (the one place for both, with the
# Java 25 additions below: service_java_opts_default; the container images have their own in deploy/). No -XX:MaxMetaspaceSize: it also shrinks the compressed class space,
# and on Java 25 a service's ahead-of-time cache (~130 MB of class metadata) must fit in that space or the JVM cannot
# write it (catalog-service could not). A service's cache belongs to these options (local-stack's AotCache): a change
# records it again at the next start.
# Issue 18's memory target (benchmarks/README.md, "Start-up and memory"): -Xmx128m because the serial collector keeps
# every page it has committed up to -Xmx, and the catalog filled 192 MB in one pipeline run; a full collection leaves
# 35-45 MB live in the catalog and ~32 MB in the feed, and 128 MB cost no measurable collection time against 192 MB
# (96 MB did: +50 % pause time in the catalog). -Djdk.nio.maxCachedBufferSize: the JDK keeps, per thread, the temporary
# direct buffer of its largest socket read, and the catalog's Kafka consumer reads fetches of up to 8 MiB (NMT "Other"
# 15 MB -> 2 MB); a larger read now gets a buffer that is freed after use. The collector is chosen per service (below):
# a JVM refuses two, so these common options name none.
SERVICE_JAVA_OPTS_DEFAULT="-Xms32m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m -Djdk.nio.maxCachedBufferSize=262144"
# No -XX:CompileThresholdScaling: at 10 (sessions 9-11) it cut the JIT's CPU before ready (start-up ~1 s faster alone,
# ~3 s all at once), but the JIT then kept compiling for minutes at 10x the calls: in the soak (benchmarks/README.md,
# "Soak", session 12) the latency settled later and the code cache kept growing past the warm-up (resident memory up
# 10-15 %); at the default thresholds the steady minutes' p99 went under 1 s and the memory stayed flat. A running
# service's latency and memory are worth more than a second of its start.
# Added on Java 25 or newer, which know them (Java 17 refuses to start on an unknown -XX option): compact object
# headers (8 bytes less per object: a smaller heap for the same work) and a periodic malloc_trim, which hands the
# freed parts of glibc's malloc arenas back to the system (issue 18's memory target; benchmarks/README.md).
SERVICE_JAVA_OPTS_25="-XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=10000"

# One service's own JVM options, after the common ones (local-stack's ServiceJavaOptions reads
# SERVICE_JAVA_OPTS_<SERVICE>; export_service_java_opts sets the defaults below unless one is set, even empty).
# The collector (benchmarks/README.md, "A collector that gives memory back", session 15): ingest and the catalog run G1
# with a heap kept tight (-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30) and a periodic collection after 10 s without
# one (-XX:G1PeriodicGCInterval, JEP 346), which gives back to the system what a burst of work committed; the serial
# collector keeps every page up to -Xmx. Measured with `benchmarks/run`: ingest 293 -> 239-242 MB and the catalog 314
# -> 240-252 MB after the benchmarks (235-240 MB after 30 s idle), for ~30-45 % more of the catalog's CPU per item in
# the pipeline (its items/s not lower: PostgreSQL and the feed bound it). The feed service keeps the serial collector:
# G1 took it only to 338 MB idle (406 serial), and its serving and digest figures, at their targets' edge, were the
# lowest of the hour's runs on G1 (cached feed 0.89x nginx, a digest mail 1.35 ms of CPU; serial 0.89-1.08x, 1.03-1.28 ms).
SERVICE_JAVA_OPTS_GC_RETURNING_MEMORY="-XX:+UseG1GC -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
SERVICE_JAVA_OPTS_INGEST_SERVICE_DEFAULT="$SERVICE_JAVA_OPTS_GC_RETURNING_MEMORY"
SERVICE_JAVA_OPTS_FEED_SERVICE_DEFAULT="-XX:+UseSerialGC"
# catalog-service runs on the C1 compiler only: a batch consumer whose work spreads over many framework methods
# (Kafka, Hibernate, JDBC, the classifier), none hot enough to repay C2, which compiled for the whole of a 4-minute
# soak (30 % of the catalog's CPU) on the two cores the stack shares. Measured (benchmarks/README.md, "The JIT
# per service", session 13): soak p99 after the warm-up 1.65 -> 1.15 s, the catalog's resident memory ~290 -> ~235 MB.
# The feed service keeps C2 (it serves cached feeds at nginx's rate: C1 there fell to 0.70x nginx), and so does ingest
# (the page reader's loops).
SERVICE_JAVA_OPTS_CATALOG_SERVICE_DEFAULT="-XX:TieredStopAtLevel=1 $SERVICE_JAVA_OPTS_GC_RETURNING_MEMORY"

# Exports each service's own JVM options (SERVICE_JAVA_OPTS_<SERVICE>) with its default, unless already set.
export_service_java_opts() {
    export SERVICE_JAVA_OPTS_INGEST_SERVICE="${SERVICE_JAVA_OPTS_INGEST_SERVICE-$SERVICE_JAVA_OPTS_INGEST_SERVICE_DEFAULT}"
    export SERVICE_JAVA_OPTS_CATALOG_SERVICE="${SERVICE_JAVA_OPTS_CATALOG_SERVICE-$SERVICE_JAVA_OPTS_CATALOG_SERVICE_DEFAULT}"
    export SERVICE_JAVA_OPTS_FEED_SERVICE="${SERVICE_JAVA_OPTS_FEED_SERVICE-$SERVICE_JAVA_OPTS_FEED_SERVICE_DEFAULT}"
}

# The services' default JVM options for a JVM of the given feature release (17, 25).
service_java_opts_default() {
    if (( $1 >= 25 )); then
        echo "$SERVICE_JAVA_OPTS_DEFAULT $SERVICE_JAVA_OPTS_25"
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
