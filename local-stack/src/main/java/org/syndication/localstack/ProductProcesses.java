package org.syndication.localstack;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as a user runs it: a local stack on free ports and the three runnable service jars as separate
 * processes, configured only through environment variables. Used by the end-to-end tests and the benchmarks.
 * <p>
 * Each process is an <em>instance</em>, named by its service ({@code feed-service}) or, for a further instance
 * started by {@link #startInstance(String)}, by its service and number ({@code feed-service-2}); every method that
 * takes a service name takes an instance name as well.
 */
public final class ProductProcesses implements AutoCloseable {

    public static final List<String> SERVICES = List.of("ingest-service", "catalog-service", "feed-service");
    public static final String CATALOG_TOKEN = "local-catalog-token";
    public static final String FEED_TOKEN = "local-feed-token";

    private static final Logger LOG = Logger.getLogger(ProductProcesses.class);
    /** Generous: on a loaded machine (the fault-injection suite, parallel builds) a start can take over a minute. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** How long a service may take to stop: one recording its ahead-of-time cache writes it as it exits. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE_RECORDING = Duration.ofMinutes(3);

    private final Path root;
    private final Path dataDir;
    private final LocalStack stack;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** The service each instance runs. */
    private final Map<String, String> services = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> javaOpts;
    private final Map<String, String> settings;
    private final boolean aotCache;

    /**
     * @param root     the repository root (holds {@code <service>/target/quarkus-app/quarkus-run.jar})
     * @param dataDir  where the stack keeps its data and each service its log ({@code <service>.log})
     * @param javaOpts JVM options of every service, e.g. {@code -Xmx256m}; each service adds its own from
     *                 {@code SERVICE_JAVA_OPTS_<SERVICE>} ({@link ServiceJavaOptions})
     */
    public ProductProcesses(Path root, Path dataDir, List<String> javaOpts) {
        this(root, dataDir, javaOpts, Map.of());
    }

    /**
     * @param settings environment variables given to every service on top of the stack's, e.g.
     *                 {@code FEED_DIGEST_MAX_ITEMS}
     */
    public ProductProcesses(Path root, Path dataDir, List<String> javaOpts, Map<String, String> settings) {
        this(root, dataDir, javaOpts, settings, false);
    }

    /**
     * @param aotCache start each service's first instance as {@code ./syndicate up} does on Java 25 or newer: from its
     *                 ahead-of-time cache ({@link AotCache}), recording one (written when the service stops) when it
     *                 is missing or stale; no effect before Java 25
     */
    public ProductProcesses(Path root, Path dataDir, List<String> javaOpts, Map<String, String> settings,
                            boolean aotCache) {
        this.aotCache = aotCache;
        this.root = root.toAbsolutePath().normalize();
        this.dataDir = dataDir;
        this.javaOpts = List.copyOf(javaOpts);
        this.settings = Map.copyOf(settings);
        SERVICES.forEach(service -> {
            ports.put(service, Ports.free());
            services.put(service, service);
        });
        stack = LocalStack.start(new LocalStack.Settings(dataDir, true, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free()));
        try {
            // one after the other: each start-up time is then the service's own, not three sharing the cores
            for (String service : SERVICES) {
                processes.put(service, start(service));
                awaitReady(service);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts one more instance of a service, as a second replica would run: the same jar, database, consumer groups
     * and settings, its own port, log ({@code <instance>.log}) and instance id; returns when it is ready.
     *
     * @return the new instance's name, {@code <service>-<n>} ({@code feed-service-2} for the second)
     */
    public String startInstance(String service) {
        requireService(service);
        String instance = service + "-" + (services.values().stream().filter(service::equals).count() + 1);
        ports.put(instance, Ports.free());
        services.put(instance, service);
        processes.put(instance, start(instance));
        awaitReady(instance);
        return instance;
    }

    /** Every instance of a service, the first ({@code <service>}) first. */
    public List<String> instances(String service) {
        return services.entrySet().stream().filter(e -> e.getValue().equals(service)).map(Map.Entry::getKey).toList();
    }

    public LocalStack stack() {
        return stack;
    }

    public String url(String service, String path) {
        return "http://localhost:" + ports.get(service) + path;
    }

    public Process process(String service) {
        return processes.get(service);
    }

    /** Stops one service gracefully (SIGTERM) and starts it again with the same settings; waits until it is ready. */
    public void restart(String service) {
        stop(processes.get(service));
        processes.put(service, start(service));
        awaitReady(service);
    }

    /**
     * Stops every service gracefully, then starts the three at once, as {@code ./syndicate up} does, the stack and
     * the data staying as they are.
     *
     * @return from the start of the first to the readiness of the last
     */
    public Duration restartAllAtOnce() {
        SERVICES.forEach(service -> stop(processes.get(service)));
        long started = System.nanoTime();
        SERVICES.forEach(service -> processes.put(service, start(service)));
        SERVICES.forEach(this::awaitReady);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Duration stopGrace() {
        return aotCache ? STOP_GRACE_RECORDING : STOP_GRACE;
    }

    private void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(stopGrace().toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Time from process start to a ready health check, per service. */
    public Map<String, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    public HttpResponse<String> get(String service, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(service, path))).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the stack keeps its data and each service its log. */
    public Path dataDir() {
        return dataDir;
    }

    private Process start(String instance) {
        String service = services.get(instance);
        List<String> cacheOpts = aotCache && instance.equals(service) // one cache file per service: a second records none
                ? new AotCache(jar(service).getParent(), Runtime.version().feature(), javaOpts(service)).jvmOptions()
                : List.of();
        return launch(service, instance, ports.get(instance), cacheOpts, Map.of());
    }

    /**
     * Starts a process of {@code service} outside the product, e.g. a reference to compare the product's instances
     * with: the product's JVM options and environment, its own {@code port} and log ({@code <name>.log}), and
     * {@code overrides} on top (its own database, consumer group...). It is not one of the product's instances and
     * {@link #close()} does not stop it: the caller does.
     */
    public Process startDetached(String service, String name, int port, Map<String, String> overrides) {
        requireService(service);
        return launch(service, name, port, List.of(), overrides);
    }

    private static void requireService(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("not a service: " + service);
        }
    }

    private Path jar(String service) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package first");
        }
        return jar;
    }

    private Process launch(String service, String name, int port, List<String> cacheOpts, Map<String, String> overrides) {
        String database = service.substring(0, service.indexOf('-'));
        List<String> command = new java.util.ArrayList<>();
        command.add(RuntimeClasspath.javaExecutable());
        command.addAll(javaOpts(service));
        command.addAll(cacheOpts);
        if (cacheOpts.stream().noneMatch(option -> option.startsWith("-XX:AOTCacheOutput="))) {
            command.addAll(diagnosticJavaOpts());
        }
        command.addAll(List.of("-jar", jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve(name + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("CATALOG_API_TOKEN", CATALOG_TOKEN);
        env.put("FEED_API_TOKEN", FEED_TOKEN);
        // every feed-service instance has the first one's public URL, as replicas behind one load balancer: it is
        // part of every document's bytes
        env.put("FEED_PUBLIC_BASE_URL", "http://localhost:" + ports.get("feed-service"));
        // what a pod's host name is in Kubernetes: ingest's Kafka transactional ids, which must differ per instance
        env.put("INGEST_PUBLISH_INSTANCE_ID", name);
        env.put("INGEST_SOURCES_ALLOW_PRIVATE", "true");
        // the local stack, its end-to-end test and the benchmarks poll feeds as fast as they like
        env.put("FEED_POLLING_LIMIT_ENABLED", "false");
        env.put("FEED_WEBSUB_ALLOW_PRIVATE", "true");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(stack.smtp().smtpPort()));
        env.put("QUARKUS_MAILER_MOCK", "false");
        env.putAll(settings);
        env.putAll(overrides);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The service's JVM options: every service's, then its own ({@link ServiceJavaOptions}). */
    private List<String> javaOpts(String service) {
        return ServiceJavaOptions.of(javaOpts, service);
    }

    /**
     * {@code SERVICE_DIAGNOSTIC_JAVA_OPTS}: JVM options for measuring a service, e.g.
     * {@code -XX:NativeMemoryTracking=summary} (benchmarks/README.md, issue 18). Not the services' options: they are
     * left out of a start that records an ahead-of-time cache (Native Memory Tracking is not safe there) and out of
     * the cache's options, so setting them neither records a cache again nor goes into one. Unset: none.
     */
    private static List<String> diagnosticJavaOpts() {
        return ServiceJavaOptions.split(System.getenv("SERVICE_DIAGNOSTIC_JAVA_OPTS"));
    }

    private void awaitReady(String service) {
        Process process = processes.get(service);
        long started = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with code " + process.exitValue() + "; log: "
                        + dataDir.resolve(service + ".log"));
            }
            try {
                if (get(service, "/q/health/ready").statusCode() == 200) {
                    readyAfter.put(service, Duration.ofMillis(System.currentTimeMillis() - started));
                    LOG.infof("%s ready at %s", service, url(service, "/"));
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep polling
            }
            pause();
        }
        throw new IllegalStateException(service + " not ready within " + READY_TIMEOUT.toSeconds() + " s; log: "
                + dataDir.resolve(service + ".log"));
    }

    /**
     * Between two readiness probes: short, since the time to ready is a benchmark figure (a 100 ms pause added 50 ms
     * on average to it); a probe of a port that is not listening yet is refused at once and costs next to nothing.
     */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to every service (Quarkus shuts down gracefully), then the stack. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(stopGrace().toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        stack.close();
    }
}
