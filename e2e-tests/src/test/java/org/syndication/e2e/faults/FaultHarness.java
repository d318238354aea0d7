package org.syndication.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.syndication.localstack.KafkaBroker;
import org.syndication.localstack.Ports;
import org.syndication.localstack.PostgresServer;
import org.syndication.localstack.ProductProcesses;

import org.awaitility.Awaitility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The product as {@link ProductProcesses} runs it (local stack + the three service jars as processes), plus the
 * faults: {@code kill -9} and restart of a service, of the Kafka broker and of PostgreSQL, {@code SIGSTOP}/
 * {@code SIGCONT} of the broker, and a fault-free reference feed service for comparing feed documents.
 * <p>
 * The stack's Kafka and PostgreSQL are child processes of this JVM ({@code local-stack}); a killed one is started
 * again on the same port and data directory, as {@code ./syndicate up} would, and this harness then owns it.
 */
final class FaultHarness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Every item of every scenario fits one feed document, so "in the feed" is one request and archives play no
     * part: the whole suite at 150 documents publishes ~2,030 items (7 scenarios), all at the same dates, so a page
     * of 2,000 dropped the oldest few of the last scenario. {@link Invariants} says so if the items outgrow it.
     */
    static final int FEED_PAGE_SIZE = 6000;
    static final List<String> FORMATS = List.of("atom", "rss", "json");

    private final Path dataDir;
    private final ProductProcesses product;
    /**
     * HTTP/1.1, as curl and feed readers speak it (the services decline Java's default {@code Upgrade: h2c}; each
     * service's h2c test checks that).
     */
    static final HttpClient.Version HTTP = HttpClient.Version.HTTP_1_1;
    private final HttpClient http = HttpClient.newBuilder().version(HTTP).connectTimeout(Duration.ofSeconds(5)).build();
    private KafkaBroker restartedKafka;
    private PostgresServer restartedPostgres;
    private int references;

    FaultHarness(Path root, Path dataDir) {
        // Awaitility fails an await when any thread of this JVM dies of an uncaught exception; the SMTP sink's
        // connection thread does exactly that when the feed service is killed in the middle of a mail (a fault
        // injected on purpose), so that is not a failure of the awaited condition
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        this.dataDir = dataDir;
        this.product = new ProductProcesses(root, dataDir, List.of("-Xmx256m"), Map.of(
                "FEED_PAGE_SIZE", String.valueOf(FEED_PAGE_SIZE),
                "FEED_DIGEST_SCHEDULED", "false"));
    }

    ProductProcesses product() {
        return product;
    }

    String url(String service, String path) {
        return product.url(service, path);
    }

    // ---------------------------------------------------------------- faults

    /** {@code kill -9} of one service; it stays down until {@link #restart(String)}. */
    void kill9(String service) {
        Process process = product.process(service);
        process.destroyForcibly(); // SIGKILL on Unix
        waitFor(process.toHandle());
    }

    /**
     * Starts a killed service again with the same settings; returns when it is ready. A start slower than
     * {@link ProductProcesses}' own patience (a loaded machine) is waited for here, as long as the process lives.
     */
    void restart(String service) {
        try {
            product.restart(service);
        } catch (IllegalStateException slow) {
            Process process = product.process(service);
            if (process == null || !process.isAlive()) {
                throw slow;
            }
            await(service + " ready after a slow start").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw slow;
                        }
                        return get(service, "/q/health/ready").statusCode() == 200;
                    });
        }
    }

    /** Starts every service whose process is not running (after a scenario that failed half-way). */
    void startStoppedServices() {
        for (String service : ProductProcesses.SERVICES) {
            Process process = product.process(service);
            if (process == null || !process.isAlive()) {
                restart(service);
            }
        }
    }

    /** The running broker: the child JVM of this one that runs {@code KafkaBrokerMain} on this data directory. */
    long kafkaPid() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains("KafkaBrokerMain") && commandLine(p).contains(dataDir.toString()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Kafka broker process found"))
                .pid();
    }

    /**
     * The whole command line from {@code /proc} (Linux): {@code ProcessHandle.Info.commandLine()} comes back empty
     * for the broker, whose class path is very long.
     */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    void killKafka() {
        ProcessHandle broker = ProcessHandle.of(kafkaPid()).orElseThrow();
        broker.destroyForcibly();
        waitFor(broker);
    }

    /** Starts the broker again on its port and log directory (an unclean shutdown: Kafka recovers its log). */
    void restartKafka() {
        Path kafkaDir = dataDir.resolve("kafka");
        int port = product.stack().kafka().port();
        if (restartedKafka != null) {
            restartedKafka.close(); // the broker this harness started before, now killed
        }
        restartedKafka = KafkaBroker.start(port, controllerPort(kafkaDir), kafkaDir);
    }

    void signalKafka(String signal) {
        signal(kafkaPid(), signal);
    }

    /** {@code kill -9} of the postmaster and every backend: PostgreSQL crashes as a whole. */
    void killPostgres() {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(FaultHarness::waitFor);
    }

    /** Starts PostgreSQL again on the same port and data directory; it recovers from its write-ahead log. */
    void restartPostgres() {
        PostgresServer current = restartedPostgres != null ? restartedPostgres : product.stack().postgres();
        int port = current.port();
        current.close(); // pg_ctl stop finds nothing running; releases the data directory's lock
        restartedPostgres = PostgresServer.start(port, dataDir.resolve("postgres"), true);
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The controller port the stack gave the broker, from the broker's own properties ({@code 1@host:port}). */
    private static int controllerPort(Path kafkaDir) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(kafkaDir.resolve("server.properties"))) {
            properties.load(in);
            String voters = properties.getProperty("controller.quorum.voters");
            return Integer.parseInt(voters.substring(voters.lastIndexOf(':') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(ProcessHandle process) {
        await("pid " + process.pid() + " gone").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !process.isAlive());
    }

    // ---------------------------------------------------------------- reading the product's state

    HttpResponse<String> get(String service, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(service, path))).timeout(Duration.ofSeconds(30)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return product.stack().kafka().bootstrapServers();
    }

    Connection database(String name) throws SQLException {
        int port = restartedPostgres != null ? restartedPostgres.port() : product.stack().postgres().port();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + name,
                PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /**
     * Every committed record of a topic, oldest first per partition, read from offset zero to the end offsets of
     * the moment (read_committed: what a consumer of the product sees).
     */
    List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    // ---------------------------------------------------------------- the fault-free reference

    /**
     * Feed documents of a feed service that has seen no fault: a new process of the same jar with an empty database
     * and its own consumer group, which projects {@code news.catalogued} from offset zero. Returns, per document
     * path, the pair (ETag of the faulted service, ETag of the reference), once every pair is equal (or, as they
     * stand, after {@code patience}).
     */
    Map<String, List<String>> compareWithReference(List<String> paths, Duration patience) {
        references++;
        String database = "feedref" + references;
        PostgresServer postgres = restartedPostgres != null ? restartedPostgres : product.stack().postgres();
        postgres.createDatabase(database);
        int port = Ports.free();
        Process reference = startReferenceFeed(port, postgres.jdbcUrl(database), "feed-reference-" + references);
        try {
            String base = "http://localhost:" + port;
            await("reference feed service ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        if (!reference.isAlive()) {
                            throw new IllegalStateException("the reference feed service exited: "
                                    + dataDir.resolve("feed-reference.log"));
                        }
                        return send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build()).statusCode() == 200;
                    });
            // every document, not only all.json: one render pass swaps `all` in before the theme feeds
            AtomicReference<Map<String, List<String>>> pairs = new AtomicReference<>();
            try {
                await("reference caught up").atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> {
                            pairs.set(etagPairs(paths, base));
                            return pairs.get().values().stream().allMatch(p -> p.get(0).equals(p.get(1)));
                        });
            } catch (org.awaitility.core.ConditionTimeoutException stillDifferent) {
                // reported by the caller, document by document
            }
            return pairs.get() != null ? pairs.get() : etagPairs(paths, base);
        } finally {
            reference.destroy();
            try {
                if (!reference.waitFor(30, TimeUnit.SECONDS)) {
                    reference.destroyForcibly();
                }
            } catch (InterruptedException e) {
                reference.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Per path, the ETags of the faulted service and of the reference at {@code base}, every path read. */
    private Map<String, List<String>> etagPairs(List<String> paths, String base) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (String path : paths) {
            pairs.put(path, List.of(etag(url("feed-service", path)), etag(base + path)));
        }
        return pairs;
    }

    private String etag(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build());
        return response.statusCode() + " " + response.headers().firstValue("ETag").orElse("-");
    }

    /**
     * The reference feed service: the product's settings (ProductProcesses), with its own database and consumer group,
     * and the broker as it is now (a restarted one keeps its port, but not necessarily its address string).
     */
    private Process startReferenceFeed(int port, String jdbcUrl, String group) {
        return product.startDetached("feed-service", "feed-reference", port, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "MP_MESSAGING_INCOMING_NEWS_CATALOGUED_GROUP_ID", group));
    }

    /** Services first, then the stack; a broker or database this harness started again is stopped last. */
    @Override
    public void close() {
        try {
            product.close();
        } finally {
            if (restartedKafka != null) {
                restartedKafka.close();
            }
            if (restartedPostgres != null) {
                restartedPostgres.close();
            }
        }
    }

    static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }
}
