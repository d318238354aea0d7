package org.syndication.e2e;

import org.syndication.localstack.LocalStack;
import org.syndication.localstack.Ports;
import org.syndication.localstack.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The product as a user runs it: the local stack on free ports and the three runnable service jars as separate
 * processes, configured only through environment variables.
 */
final class RunningProduct implements AutoCloseable {

    static final String CATALOG_TOKEN = "e2e-catalog-token";
    static final String FEED_TOKEN = "e2e-feed-token";

    private final Path root = Path.of(System.getProperty("syndication.root", "..")).toAbsolutePath().normalize();
    private final LocalStack stack;
    private final Map<String, Integer> ports = new HashMap<>();
    private final List<Process> services = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    RunningProduct(Path dataDir) {
        stack = LocalStack.start(new LocalStack.Settings(dataDir, true, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free()));
        try {
            for (String service : List.of("ingest-service", "catalog-service", "feed-service")) {
                services.add(start(service, dataDir));
            }
            ports.keySet().forEach(this::awaitReady);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String url(String service, String path) {
        return "http://localhost:" + ports.get(service) + path;
    }

    Path root() {
        return root;
    }

    HttpResponse<String> get(String service, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(service, path))).GET().build());
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

    private Process start(String service, Path dataDir) {
        int port = Ports.free();
        ports.put(service, port);
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the repository root");
        }
        String database = service.substring(0, service.indexOf('-'));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(service + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", stack.postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        env.put("CATALOG_API_TOKEN", CATALOG_TOKEN);
        env.put("FEED_API_TOKEN", FEED_TOKEN);
        env.put("FEED_PUBLIC_BASE_URL", "http://localhost:" + ports.getOrDefault("feed-service", port));
        env.put("INGEST_SOURCES_ALLOW_PRIVATE", "true");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(stack.smtp().smtpPort()));
        env.put("QUARKUS_MAILER_MOCK", "false");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady(String service) {
        await("readiness of " + service).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> get(service, "/q/health/ready").statusCode() == 200);
    }

    @Override
    public void close() {
        services.forEach(Process::destroy); // SIGTERM: Quarkus shuts down gracefully
        for (Process process : services) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
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
