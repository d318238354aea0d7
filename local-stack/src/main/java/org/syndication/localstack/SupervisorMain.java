package org.syndication.localstack;

import org.syndication.localstack.supervisor.CommandChild;
import org.syndication.localstack.supervisor.ControlServer;
import org.syndication.localstack.supervisor.Probes;
import org.syndication.localstack.supervisor.RestartPolicy;
import org.syndication.localstack.supervisor.Supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * What {@code ./syndicate up} runs: Kafka, PostgreSQL, the SMTP sink and the three services, each a process kept
 * running by a {@link Supervisor} (restarted with backoff when it exits unexpectedly, left stopped after a crash
 * loop, the others running on). Prints what happens; {@code ./syndicate status} and {@code restart} talk to it
 * through its {@link ControlServer}, whose port and token are in {@code RUN_DIR/supervisor}.
 *
 * <pre>
 * java org.syndication.localstack.SupervisorMain --root DIR --data-dir DIR --logs DIR --run-dir DIR
 *      [--service-java-opts "OPTS"] [--fresh] [--rebuild-feeds] [--bold]
 * </pre>
 */
public final class SupervisorMain {

    /** The services in start order, with their fixed ports (README, "Ports and URLs"). */
    static final Map<String, Integer> SERVICES = servicePorts();
    static final String KAFKA = "kafka";
    static final String SMTP_SINK = "smtp-sink";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /**
     * A service stops in a few seconds, but one recording its ahead-of-time cache ({@link AotCache}) writes the cache
     * as it exits, which takes tens of seconds on a busy machine; killed before, it leaves no cache and records
     * again at every start.
     */
    private static final Duration SERVICE_STOP_GRACE = Duration.ofMinutes(3);

    private SupervisorMain() {
    }

    private static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ingest-service", 8081);
        ports.put("catalog-service", 8082);
        ports.put("feed-service", 8083);
        return ports;
    }

    public static void main(String[] args) throws Exception {
        try {
            run(List.of(args));
        } catch (RuntimeException | IOException e) {
            System.err.println("syndicate: the start failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(List<String> options) throws IOException, InterruptedException {
        Path root = Path.of(valueAfter(options, "--root", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(valueAfter(options, "--data-dir", ".syndicate/data")).toAbsolutePath();
        Path logs = Path.of(valueAfter(options, "--logs", ".syndicate/logs")).toAbsolutePath();
        Path runDir = Path.of(valueAfter(options, "--run-dir", ".syndicate/run")).toAbsolutePath();
        List<String> serviceJavaOpts = ServiceJavaOptions.split(valueAfter(options, "--service-java-opts", ""));
        boolean rebuildFeeds = options.contains("--rebuild-feeds");
        LocalStack.Settings stack = LocalStack.Settings.defaults(dataDir, options.contains("--fresh"));

        Reporter reporter = new Reporter(logs.resolve("supervisor.log"), options.contains("--bold"));
        try {
            Ports.requireFree(stack.kafkaPort(), "Kafka");
            Ports.requireFree(stack.kafkaControllerPort(), "Kafka controller");
            Ports.requireFree(stack.postgresPort(), "PostgreSQL");
            Ports.requireFree(stack.smtpPort(), "SMTP sink");
            Ports.requireFree(stack.smtpApiPort(), "SMTP sink API");
            SERVICES.forEach((service, port) -> Ports.requireFree(port, service));
        } catch (Ports.PortInUseException e) {
            System.err.println("syndicate: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (stack.fresh()) {
            LocalStack.deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(runDir);

        Supervisor supervisor = new Supervisor(RestartPolicy.Settings.defaults(), Clock.systemDefaultZone(),
                reporter::say, Duration.ofSeconds(1));
        AtomicBoolean started = new AtomicBoolean();
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        ControlServer control = new ControlServer(supervisor, 0, token, started::get, START_TIMEOUT);
        Path runFile = runDir.resolve("supervisor");
        writeRunFile(runFile, control.port(), token);
        Path childrenFile = runDir.resolve("children");
        ScheduledExecutorService pidWriter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "supervisor-pids");
            thread.setDaemon(true);
            return thread;
        });
        pidWriter.scheduleWithFixedDelay(() -> writeChildren(childrenFile, supervisor), 1, 1, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            reporter.log("stopping every process");
            pidWriter.shutdownNow();
            control.close();
            supervisor.close();
            try {
                Files.deleteIfExists(runFile);
                Files.deleteIfExists(childrenFile);
            } catch (IOException ignored) {
                // a stale run file only makes status say the supervisor does not answer
            }
            reporter.log("stopped");
            stopped.countDown();
        }, "supervisor-stop"));

        reporter.say("Starting Kafka, PostgreSQL and the SMTP sink...");
        PostgresChild postgres = new PostgresChild(stack.postgresPort(), dataDir.resolve("postgres"),
                logs.resolve("postgres.log"));
        Path kafkaData = dataDir.resolve("kafka");
        supervisor.start(new CommandChild(KAFKA,
                () -> KafkaBroker.command(stack.kafkaPort(), stack.kafkaControllerPort(), kafkaData),
                kafkaData.resolve(KafkaBroker.LOG_FILE), Probes.tcp(stack.kafkaPort()), true));
        supervisor.start(postgres);
        supervisor.start(new CommandChild(SMTP_SINK, () -> new ProcessBuilder(RuntimeClasspath.javaExecutable(),
                "-Xmx128m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.org.syndication=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", RuntimeClasspath.get(), SmtpSinkMain.class.getName(),
                String.valueOf(stack.smtpPort()), String.valueOf(stack.smtpApiPort())),
                logs.resolve("smtp-sink.log"), Probes.tcp(stack.smtpPort()), true));
        for (String server : List.of(KAFKA, PostgresChild.NAME, SMTP_SINK)) {
            if (!supervisor.awaitReady(server, START_TIMEOUT)) {
                if (stopping.get()) { // Ctrl-C during the start: the shutdown hook stops what runs
                    stopped.await();
                    return;
                }
                reporter.say(server + " did not start within " + START_TIMEOUT.toSeconds() + " s; see "
                        + logs + " (and " + kafkaData.resolve(KafkaBroker.LOG_FILE) + ")");
                System.exit(1);
            }
        }
        KafkaBroker.createTopics("127.0.0.1:" + stack.kafkaPort());
        LocalStack.DATABASES.forEach(postgres.server()::createDatabase);
        reporter.say("Local stack ready.");

        reporter.say("Starting " + String.join(" ", SERVICES.keySet()) + "...");
        for (var service : SERVICES.entrySet()) {
            Path log = logs.resolve(service.getKey() + ".log");
            Files.write(log, new byte[0]); // each 'up' starts a fresh log; restarts append to it
            AtomicBoolean firstStart = new AtomicBoolean(true);
            supervisor.start(new CommandChild(service.getKey(),
                    () -> serviceCommand(root, service.getKey(), serviceJavaOpts, stack,
                            rebuildFeeds && firstStart.getAndSet(false)),
                    log, Probes.http("http://localhost:" + service.getValue() + "/q/health/ready"), false,
                    SERVICE_STOP_GRACE));
        }
        for (var service : SERVICES.entrySet()) {
            if (supervisor.awaitReady(service.getKey(), START_TIMEOUT)) {
                reporter.say(service.getKey() + " ready on http://localhost:" + service.getValue());
            } else if (!stopping.get() && supervisor.state(service.getKey()) != Supervisor.State.CRASH_LOOP) {
                reporter.say(service.getKey() + " is not ready after " + START_TIMEOUT.toSeconds()
                        + " s; it stays supervised (see './syndicate status' and " + logs.resolve(
                        service.getKey() + ".log") + ")");
            } // else the crash loop was reported as it happened

        }
        started.set(true);
        stopped.await();
    }

    /**
     * One service's command: its runnable jar, configured through environment variables only, as in production.
     * {@code FEED_REBUILD_ON_START} is set on the first start only: a restart after a crash must not rebuild.
     */
    private static ProcessBuilder serviceCommand(Path root, String service, List<String> javaOpts,
                                                 LocalStack.Settings stack, boolean rebuild) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package first");
        }
        List<String> options = ServiceJavaOptions.of(javaOpts, service);
        List<String> command = new ArrayList<>();
        command.add(RuntimeClasspath.javaExecutable());
        command.addAll(options);
        command.addAll(new AotCache(jar.getParent(), Runtime.version().feature(), options).jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = builder.environment();
        env.put("INGEST_SOURCES_ALLOW_PRIVATE", "true");
        env.put("FEED_POLLING_LIMIT_ENABLED", "false"); // one reader polls fast while trying things out
        env.put("FEED_WEBSUB_ALLOW_PRIVATE", "true"); // WebSub callbacks to this machine, as sources are
        env.put("FEED_PUBLIC_BASE_URL", "http://localhost:" + SERVICES.get("feed-service"));
        env.put("FEED_REBUILD_ON_START", String.valueOf(rebuild));
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(stack.smtpPort()));
        env.put("QUARKUS_MAILER_MOCK", "false");
        return builder;
    }

    /**
     * "NAME PID" per running process, rewritten when it changes: if the supervisor itself is killed ({@code kill -9}),
     * the services outlive it, and the next {@code ./syndicate up} finds and stops them through this file.
     */
    private static void writeChildren(Path file, Supervisor supervisor) {
        String lines = supervisor.status().stream().filter(line -> line.pid().isPresent())
                .map(line -> line.name() + " " + line.pid().get() + "\n").collect(Collectors.joining());
        try {
            if (Files.exists(file) && Files.readString(file).equals(lines)) {
                return;
            }
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, lines);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the file only helps clean up after a killed supervisor; the next round tries again
        }
    }

    /** Port and token of the control API, readable by the owner only (the token guards restarts). */
    private static void writeRunFile(Path runFile, int port, String token) throws IOException {
        Files.deleteIfExists(runFile);
        Files.createFile(runFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(runFile, "pid=" + ProcessHandle.current().pid() + "\nport=" + port + "\ntoken=" + token
                + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String valueAfter(List<String> options, String name, String fallback) {
        int index = options.indexOf(name);
        return index >= 0 && index + 1 < options.size() ? options.get(index + 1) : fallback;
    }

    /** Prints to the terminal as the script's own lines ({@code ==> ...}) and appends to the supervisor's log. */
    private static final class Reporter {
        private final Path log;
        private final String arrow;

        Reporter(Path log, boolean bold) {
            this.log = log;
            this.arrow = bold ? "\033[1m==>\033[0m " : "==> ";
        }

        synchronized void say(String message) {
            System.out.println(arrow + message);
            System.out.flush();
            log(message);
        }

        synchronized void log(String message) {
            try {
                Files.createDirectories(log.getParent());
                Files.writeString(log, OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + log, e);
            }
        }
    }
}
