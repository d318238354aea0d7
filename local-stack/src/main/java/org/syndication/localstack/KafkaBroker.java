package org.syndication.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.syndication.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run in a child JVM
 * from the Kafka jars on Maven Central. A child JVM keeps the broker's threads, memory and logging out of the
 * process that uses it, and serves the tests and {@code ./syndicate up} the same way.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int PARTITIONS = 3;
    /**
     * Partitions of the broker's own topics (consumer offsets, transaction state), made at the first group or the
     * first transactional producer: the defaults (50 each) are for clusters of many brokers, and creating 50 partitions
     * made the first {@code initTransactions} on a fresh broker take 1.2 s instead of 0.75 s.
     */
    static final int INTERNAL_TOPIC_PARTITIONS = 10;
    /** The broker's own log, in its data directory. */
    public static final String LOG_FILE = "kafka.log";

    private final int port;
    private final Path dataDir;
    private final Process process;

    private KafkaBroker(int port, Path dataDir, Process process) {
        this.port = port;
        this.dataDir = dataDir;
        this.process = process;
    }

    /**
     * Starts a broker on {@code port} (and its controller on {@code controllerPort}) keeping its log in
     * {@code dataDir}; an existing log is reused, so stopping and starting loses nothing.
     */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir) {
        try {
            Process process = command(port, controllerPort, dataDir).start();
            KafkaBroker broker = new KafkaBroker(port, dataDir, process);
            broker.awaitReady(dataDir.resolve(LOG_FILE));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka in " + dataDir, e);
        }
    }

    /**
     * The broker's command, its output appended to {@code dataDir/kafka.log}, after writing its settings and
     * formatting its log directory the first time. {@code ./syndicate up}'s supervisor starts (and restarts) it;
     * the broker exits when the standard input of the process closes.
     */
    public static ProcessBuilder command(int port, int controllerPort, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path properties = writeProperties(port, controllerPort, dataDir);
        Path logFile = dataDir.resolve(LOG_FILE);
        if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            format(properties, logFile);
        }
        return javaProcess(logFile, KafkaBrokerMain.class.getName(), properties.toString());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Creates every topic of the contract ({@code news.catalogued} compacted); existing topics are kept. */
    public void createTopics() {
        createTopics(bootstrapServers());
    }

    /** {@link #createTopics()} on any broker (e.g. a test container), three partitions and one replica each. */
    public static void createTopics(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            List<NewTopic> topics = Topics.ALL.stream().map(KafkaBroker::newTopic).toList();
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out creating topics", e);
        }
    }

    public Admin admin() {
        return admin(bootstrapServers());
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the child's watchdog sees end of file and shuts Kafka down
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOG.warnf("Kafka did not stop within 30 s, killing it (pid=%d)", process.pid());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static NewTopic newTopic(String name) {
        NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1);
        if (Topics.COMPACTED.contains(name)) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    private void awaitReady(Path logFile) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue() + tail(logFile));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    LOG.infof("Kafka ready at %s (pid=%d, data=%s)", bootstrapServers(), process.pid(), dataDir);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("Kafka not ready within " + READY_TIMEOUT.toSeconds() + " s" + tail(logFile), last);
    }

    private static void format(Path properties, Path logFile) throws IOException {
        Process format = javaProcess(logFile, "kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()).start();
        try {
            format.getOutputStream().close();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log failed" + tail(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder javaProcess(Path logFile, String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(RuntimeClasspath.javaExecutable(),
                "-Xms64m", "-Xmx384m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", RuntimeClasspath.get(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private static Path writeProperties(int port, int controllerPort, Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("log").toString());
        p.setProperty("num.partitions", String.valueOf(PARTITIONS));
        p.setProperty("auto.create.topics.enable", "true");
        // one node: every internal topic has a single replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.cleaner.min.compaction.lag.ms", "0");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "written by local-stack");
        }
        return file;
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return "\n--- last lines of " + logFile + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return " (no log at " + logFile + ")";
        }
    }
}
