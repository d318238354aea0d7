package org.syndication.feed.service;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** WebSub's callback client delivers to many subscribers at once on a bounded number of threads. */
class CallbackClientTest {

    @Test
    void manyDeliveriesAtOnceUseAtMostTheClientsFourThreads() throws Exception {
        HttpServer callbacks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        callbacks.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        callbacks.setExecutor(Executors.newFixedThreadPool(8));
        callbacks.start();
        try {
            HttpClient client = new CallbackClient(Duration.ofSeconds(5), "callback-test").http();
            URI base = URI.create("http://127.0.0.1:" + callbacks.getAddress().getPort() + "/cb/");
            List<CompletableFuture<Integer>> sent = IntStream.range(0, 200)
                    .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(base.resolve(String.valueOf(i)))
                                    .POST(HttpRequest.BodyPublishers.ofString("<feed/>")).build(),
                            HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode))
                    .toList();
            assertThat(sent.stream().map(CompletableFuture::join)).hasSize(200).containsOnly(204);

            List<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.startsWith("callback-test-")).toList();
            // the JDK's default executor would have been a cached pool of "HttpClient-N-Worker-M" threads instead
            assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(CallbackClient.THREADS);
        } finally {
            callbacks.stop(0);
        }
    }
}
