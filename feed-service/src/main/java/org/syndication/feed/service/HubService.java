package org.syndication.feed.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.feed.HubBusyException;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.websub.CallbackGuard;
import org.syndication.feed.websub.HubRepository;
import org.syndication.feed.websub.Topic;
import org.syndication.support.concurrent.DaemonThreads;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The WebSub hub's subscription side: a request that passed validation is answered 202 at once and its intent is
 * verified afterwards on a small pool (GET to the callback with {@code hub.mode}, {@code hub.topic},
 * {@code hub.challenge} and, for subscribe, {@code hub.lease_seconds}; the callback must answer 2xx with exactly the
 * challenge). Only a verified request changes a subscription. A verification lost in a crash is not retried: the
 * subscriber sends its request again, as WebSub expects of it when no verification comes.
 */
@ApplicationScoped
public class HubService {

    /** Longest hub.callback and hub.topic accepted. */
    public static final int MAX_URL_LENGTH = 2048;
    /** hub.secret must be shorter than 200 bytes (WebSub 5.1). */
    public static final int MAX_SECRET_BYTES = 199;
    /** Verifications waiting for a thread; beyond it requests are refused with 503. */
    static final int VERIFY_QUEUE = 500;
    /** Bytes of a verification answer read at most (a challenge is 43 characters). */
    static final int MAX_ANSWER = 1024;

    public enum Mode {
        SUBSCRIBE, UNSUBSCRIBE;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A validated hub request. {@code leaseSeconds} is the granted lease (subscribe only). */
    public record Request(Mode mode, String topic, URI callback, Optional<String> secret, int leaseSeconds) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HubRepository repository;
    private final FeedCache cache;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final CallbackGuard guard;
    private final HttpClient http;
    private final ThreadPoolExecutor verifier;

    public HubService(HubRepository repository, FeedCache cache, PublicUrls urls, FeedConfig config, Clock clock,
                      MeterRegistry metrics, CallbackClient callbacks) {
        this.repository = repository;
        this.cache = cache;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.guard = new CallbackGuard(config.websub().allowPrivate());
        this.http = callbacks.http();
        this.verifier = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(VERIFY_QUEUE),
                DaemonThreads.numbered("websub-verify"));
        this.verifier.allowCoreThreadTimeOut(true);
    }

    void onStop(@Observes ShutdownEvent event) {
        verifier.shutdownNow();
    }

    /** Whether a URL is a topic of this hub: the subscription document of an existing feed. */
    public boolean isTopic(String url) {
        return Topic.parse(url, urls.base()).filter(t -> cache.isFeed(t.feedKey())).isPresent();
    }

    /** The callback's form and, unless private addresses are allowed, its addresses; throws when refused. */
    public URI checkCallback(String callback) {
        return guard.check(callback);
    }

    /** Queues the intent verification of an accepted request. */
    public void accept(Request request) {
        try {
            verifier.execute(() -> verify(request));
        } catch (RejectedExecutionException e) {
            throw new HubBusyException();
        }
        Log.infof("websub %s accepted topic=%s callbackHost=%s", request.mode().value(), request.topic(),
                request.callback().getHost());
    }

    /** Verifies the subscriber's intent and, when confirmed, applies the request; returns whether it was confirmed. */
    boolean verify(Request request) {
        String challenge = challenge();
        StringBuilder query = new StringBuilder()
                .append("hub.mode=").append(request.mode().value())
                .append("&hub.topic=").append(encode(request.topic()))
                .append("&hub.challenge=").append(challenge);
        if (request.mode() == Mode.SUBSCRIBE) {
            query.append("&hub.lease_seconds=").append(request.leaseSeconds());
        }
        String callback = request.callback().toString();
        String target = callback + (request.callback().getRawQuery() == null ? "?" : "&") + query;
        boolean confirmed;
        try {
            guard.check(callback);
            HttpRequest get = HttpRequest.newBuilder(URI.create(target)).GET()
                    .timeout(config.websub().timeout())
                    .header("User-Agent", "Syndication WebSub hub")
                    .build();
            HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream body = response.body()) {
                answer = new String(body.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            }
            confirmed = response.statusCode() / 100 == 2 && answer.equals(challenge);
            if (!confirmed) {
                Log.infof("websub %s not confirmed topic=%s callbackHost=%s status=%d challengeEchoed=%s",
                        request.mode().value(), request.topic(), request.callback().getHost(), response.statusCode(),
                        answer.equals(challenge));
            }
        } catch (CallbackGuard.UnsafeCallbackException e) {
            Log.infof("websub %s not verified topic=%s callbackHost=%s: %s", request.mode().value(), request.topic(),
                    request.callback().getHost(), e.getMessage());
            confirmed = false;
        } catch (IOException | RuntimeException e) {
            Log.infof("websub %s not verified topic=%s callbackHost=%s: %s", request.mode().value(), request.topic(),
                    request.callback().getHost(), e.getClass().getSimpleName());
            confirmed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        metrics.counter("feed.websub.verifications", "mode", request.mode().value(),
                "outcome", confirmed ? "confirmed" : "refused").increment();
        if (!confirmed) {
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (request.mode() == Mode.SUBSCRIBE) {
                long id = repository.upsert(request.topic(), callback, request.secret().orElse(null),
                        request.leaseSeconds(), clock.instant());
                Log.infof("websub subscribed subscriptionId=%d topic=%s leaseSeconds=%d", id, request.topic(),
                        request.leaseSeconds());
            } else {
                int removed = repository.delete(request.topic(), callback);
                Log.infof("websub unsubscribed topic=%s removed=%d", request.topic(), removed);
            }
        });
        return true;
    }

    private static String challenge() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
