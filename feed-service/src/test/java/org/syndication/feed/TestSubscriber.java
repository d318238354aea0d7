package org.syndication.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A WebSub subscriber for tests: a real HTTP server on a free loopback port. Each callback ({@link #callback()}) is
 * its own path with its own behaviour and its own record of what the hub sent it, so tests never see each other's
 * requests.
 */
public final class TestSubscriber implements AutoCloseable {

    /** How a callback answers intent verification. */
    public enum Verify { ECHO, WRONG_CHALLENGE, NOT_FOUND }

    /** One request the hub made: query parameters (verification) or headers and body (delivery). */
    public record Received(String method, Map<String, String> params, Map<String, List<String>> headers, byte[] body,
                           Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One callback URL of this subscriber. */
    public final class Callback {
        private final String path;
        volatile Verify verify = Verify.ECHO;
        volatile int deliveryStatus = 204;
        final List<Received> received = new CopyOnWriteArrayList<>();

        Callback(String path) {
            this.path = path;
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path + "?subscriber=test";
        }

        public Callback verify(Verify how) {
            this.verify = how;
            return this;
        }

        public Callback answerDeliveries(int status) {
            this.deliveryStatus = status;
            return this;
        }

        public List<Received> verifications() {
            return received.stream().filter(r -> r.method().equals("GET")).toList();
        }

        public List<Received> deliveries() {
            return received.stream().filter(r -> r.method().equals("POST")).toList();
        }
    }

    private final HttpServer server;
    private final Map<String, Callback> callbacks = new ConcurrentHashMap<>();

    public TestSubscriber() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** A new callback (a path of its own, with a query parameter of its own, as real callbacks often have). */
    public Callback callback() {
        String path = "/cb/" + UUID.randomUUID();
        Callback callback = new Callback(path);
        callbacks.put(path, callback);
        return callback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Callback callback = callbacks.get(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (callback == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            callback.received.add(new Received(exchange.getRequestMethod(), params,
                    Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
            if (exchange.getRequestMethod().equals("GET")) {
                byte[] answer = switch (callback.verify) {
                    case ECHO -> params.getOrDefault("hub.challenge", "").getBytes(StandardCharsets.UTF_8);
                    case WRONG_CHALLENGE -> ("not-" + params.get("hub.challenge")).getBytes(StandardCharsets.UTF_8);
                    case NOT_FOUND -> new byte[0];
                };
                int status = callback.verify == Verify.NOT_FOUND ? 404 : 200;
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
                return;
            }
            exchange.sendResponseHeaders(callback.deliveryStatus, -1);
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
