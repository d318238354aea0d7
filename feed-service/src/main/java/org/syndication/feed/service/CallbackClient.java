package org.syndication.feed.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.syndication.feed.config.FeedConfig;
import org.syndication.support.concurrent.DaemonThreads;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The hub's one HTTP client for every callback request, intent verifications ({@link HubService}) and content
 * deliveries ({@link HubDelivery}) alike: no redirects (each hop would need the address check again), and a small
 * executor of its own, since the JDK's default is an unbounded cached pool, which grew to over a hundred threads for
 * one change delivered to 500 subscribers and kept their native memory after they were gone.
 */
@Singleton
public class CallbackClient {

    /** Threads of the executor, which finishes the exchanges the client's selector thread has read. */
    static final int THREADS = 4;

    private final HttpClient http;

    @Inject
    public CallbackClient(FeedConfig config) {
        this(config.websub().timeout(), "websub-http");
    }

    CallbackClient(Duration connectTimeout, String threadName) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered(threadName));
        executor.allowCoreThreadTimeOut(true);
        this.http = HttpClient.newBuilder()
                // HTTP/1.1: no h2c upgrade attempt on plain http callbacks, which some small servers mishandle
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .build();
    }

    public HttpClient http() {
        return http;
    }
}
