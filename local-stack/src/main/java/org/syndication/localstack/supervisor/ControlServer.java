package org.syndication.localstack.supervisor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The supervisor's small HTTP API on loopback, which {@code ./syndicate status} and {@code ./syndicate restart}
 * call (plain text answers, so the script needs nothing but curl):
 * <ul>
 *   <li>{@code GET /status}: the status table;</li>
 *   <li>{@code GET /started}: 200 once the start sequence is over, else 503 (the script waits for it);</li>
 *   <li>{@code POST /restart/NAME}: restarts one process and answers once it is ready again.</li>
 * </ul>
 * Every call needs {@code Authorization: Bearer TOKEN}, the token being in the run file only the owner can read:
 * other local users cannot restart the stack.
 */
public final class ControlServer implements AutoCloseable {

    private final HttpServer server;
    private final Supervisor supervisor;
    private final String token;
    private final BooleanSupplier started;
    private final Duration readyTimeout;

    public ControlServer(Supervisor supervisor, int port, String token, BooleanSupplier started,
                         Duration readyTimeout) {
        this.supervisor = supervisor;
        this.token = token;
        this.started = started;
        this.readyTimeout = readyTimeout;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the supervisor's control port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "supervisor-control");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                    ("Bearer " + token).getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 401, "the supervisor's token is missing or wrong\n");
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && path.equals("/status")) {
                respond(exchange, 200, supervisor.statusTable());
            } else if (method.equals("GET") && path.equals("/started")) {
                boolean done = started.getAsBoolean();
                respond(exchange, done ? 200 : 503, done ? "started\n" : "starting\n");
            } else if (method.equals("POST") && path.startsWith("/restart/")) {
                restart(exchange, path.substring("/restart/".length()));
            } else {
                respond(exchange, 404, "GET /status, GET /started or POST /restart/NAME\n");
            }
        }
    }

    private void restart(HttpExchange exchange, String name) throws IOException {
        try {
            long deadline = System.nanoTime() + readyTimeout.toNanos();
            supervisor.restart(name).get(readyTimeout.toSeconds(), TimeUnit.SECONDS);
            long left = Math.max(0, deadline - System.nanoTime());
            if (supervisor.awaitReady(name, Duration.ofNanos(left))) {
                respond(exchange, 200, name + " restarted and ready\n");
            } else {
                respond(exchange, 503, name + " restarted but not ready within " + readyTimeout.toSeconds()
                        + " s; see './syndicate status' and its log\n");
            }
        } catch (Supervisor.UnknownProcessException e) {
            respond(exchange, 404, e.getMessage() + "\n");
        } catch (TimeoutException e) {
            respond(exchange, 503, name + " did not start within " + readyTimeout.toSeconds() + " s\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "interrupted\n");
        } catch (Exception e) {
            respond(exchange, 500, "restart of " + name + " failed: " + e.getMessage() + "\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
