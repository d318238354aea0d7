package org.syndication.ingest.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetcher against a JDK HTTP server of the test's own, on a free loopback port. */
class FeedFetcherTest {

    private static final byte[] FEED = "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private String base;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", exchange -> {
            hits.incrementAndGet();
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(exchange, 304, null);
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 21 May 2019 10:00:00 GMT");
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            respond(exchange, 200, FEED);
        });
        server.createContext("/moved", exchange -> redirect(exchange, "/feed"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/big", exchange -> respond(exchange, 200, new byte[4096]));
        server.createContext("/gone", exchange -> respond(exchange, 410, null));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        respond(exchange, 302, null);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private FeedFetcher fetcher(boolean allowPrivate, long maxBytes) {
        return new FeedFetcher(new UrlGuard(List.of("*"), allowPrivate),
                new FeedFetcher.Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), maxBytes, 3, "test-agent"));
    }

    @Test
    void conditionalGetGives304WithTheStoredValidators() {
        FeedFetcher fetcher = fetcher(true, 1024);
        FetchResult first = fetcher.fetch(base + "/feed", null, null);
        assertThat(first.notModified()).isFalse();
        assertThat(first.body()).isEqualTo(FEED);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Tue, 21 May 2019 10:00:00 GMT");
        assertThat(first.contentType()).startsWith("application/rss+xml");

        FetchResult second = fetcher.fetch(base + "/feed", first.etag(), first.lastModified());
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() {
        FeedFetcher fetcher = fetcher(true, 1024);
        assertThat(fetcher.fetch(base + "/moved", null, null).finalUrl().getPath()).isEqualTo("/feed");
        assertThatThrownBy(() -> fetcher.fetch(base + "/loop", null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("more than 3 redirects");
    }

    @Test
    void documentsOverTheSizeLimitAreRefused() {
        assertThatThrownBy(() -> fetcher(true, 1024).fetch(base + "/big", null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void httpErrorsAreReported() {
        assertThatThrownBy(() -> fetcher(true, 1024).fetch(base + "/gone", null, null))
                .isInstanceOf(FetchException.class).hasMessage("HTTP 410");
    }

    @Test
    void loopbackIsRefusedBeforeAnyRequestUnlessAllowed() {
        assertThatThrownBy(() -> fetcher(false, 1024).fetch(base + "/feed", null, null))
                .isInstanceOf(UnsafeUrlException.class);
        assertThat(hits).hasValue(0);
    }

    @Test
    void closedPortFailsFast() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> fetcher(true, 1024).fetch("http://127.0.0.1:" + closedPort + "/feed", null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("connection failed");
    }
}
