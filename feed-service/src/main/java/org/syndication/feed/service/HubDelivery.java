package org.syndication.feed.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.Theme;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.RenderedFeed;
import org.syndication.feed.websub.CallbackGuard;
import org.syndication.feed.websub.HubRepository;
import org.syndication.feed.websub.HubSignature;
import org.syndication.feed.websub.Topic;
import org.syndication.support.concurrent.DaemonThreads;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The WebSub hub's delivery side. A projection change queues one delivery row per live subscription of the
 * changed feeds' topics, in the projection's own transaction (so no change is lost between commit and queueing).
 * A loop on every replica claims due rows ({@code FOR UPDATE SKIP LOCKED}), renders each topic's current document
 * once from the database (the same bytes every replica serves), POSTs it to the callbacks concurrently with the
 * feed's content type, {@code Link: <hub>; rel="hub", <topic>; rel="self"} and, with a secret,
 * {@code X-Hub-Signature}, and records the outcomes: 2xx done; 410 ends the subscription; anything else is retried
 * after {@code retry-backoff × 2^(attempt-1)} until {@code max-attempts}, then FAILED. The schedule is in
 * PostgreSQL, so retries survive a restart; a replica that dies while sending leaves its rows to be claimed again
 * once the claim has run out (at least once delivery, as WebSub allows).
 */
@ApplicationScoped
public class HubDelivery {

    /** How long a subscription whose lease ended stays in the table. */
    static final Duration PURGE_AFTER = Duration.ofHours(1);

    private final HubRepository repository;
    private final FeedRenderService renderer;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final java.time.Clock clock;
    private final MeterRegistry metrics;
    private final CallbackGuard guard;
    private final HttpClient http;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopped;
    private Thread loop;
    private Instant nextPurge = Instant.EPOCH;

    public HubDelivery(HubRepository repository, FeedRenderService renderer, PublicUrls urls, FeedConfig config,
                       java.time.Clock clock, MeterRegistry metrics, CallbackClient callbacks) {
        this.repository = repository;
        this.renderer = renderer;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.guard = new CallbackGuard(config.websub().allowPrivate());
        this.http = callbacks.http();
    }

    void onStart(@Observes StartupEvent event) {
        loop = DaemonThreads.start("websub-deliver", this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (loop != null) {
            loop.interrupt();
        }
    }

    /** Inside the projection's transaction: queue deliveries of the changed feeds' topics. */
    void enqueue(@Observes ProjectionChanged change) {
        if (!QuarkusTransaction.isActive()) {
            // fired outside a projection transaction (not by ProjectionService): the replica that committed the
            // change has queued its deliveries
            return;
        }
        List<String> topics = new ArrayList<>();
        for (String key : change.feedKeys()) {
            for (FeedFormat format : FeedFormat.values()) {
                topics.add(urls.feed(key, format));
            }
        }
        int queued = repository.enqueue(topics, clock.instant());
        if (queued > 0) {
            Log.debugf("websub deliveries queued=%d feeds=%s", queued, change.feedKeys());
        }
    }

    /** After the commit: send at once instead of at the next poll. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectionChanged change) {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long every = config.websub().deliverEvery().toMillis();
        while (!stopped) {
            try {
                while (!stopped && deliverDue() >= config.websub().deliverBatch()) {
                    // a full round: more may be due
                }
                purgeExpired();
            } catch (RuntimeException e) {
                Log.errorf(e, "websub delivery round failed; retrying");
            }
            synchronized (signal) {
                try {
                    if (!woken && !stopped) {
                        signal.wait(every);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                woken = false;
            }
        }
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plusSeconds(60);
        // an ended lease already gets no delivery; its row stays an hour for operators and late renewals
        int purged = QuarkusTransaction.requiringNew().call(() -> repository.purgeExpired(now.minus(PURGE_AFTER)));
        if (purged > 0) {
            Log.infof("websub subscriptions expired=%d", purged);
        }
    }

    /** One round: claim due deliveries, send them, record the outcomes; returns how many were claimed. */
    public int deliverDue() {
        Instant now = clock.instant();
        Duration timeout = config.websub().timeout();
        // the claim outlasts the slowest send of the round (connect + answer), so no replica sends a row twice
        Instant leaseUntil = now.plus(timeout.multipliedBy(3));
        List<HubRepository.Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> repository.claim(now, config.websub().deliverBatch(), leaseUntil));
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, Optional<RenderedFeed>> documents = new HashMap<>();
        Map<String, FeedRenderService.Snapshot> snapshots = new HashMap<>();
        List<Theme> themes = renderer.themes();
        List<CompletableFuture<Outcome>> sends = new ArrayList<>();
        for (HubRepository.Claimed delivery : claimed) {
            if (!delivery.expiresAt().isAfter(now)) {
                sends.add(CompletableFuture.completedFuture(new Outcome(delivery, Result.EXPIRED, "lease over")));
                continue;
            }
            Optional<RenderedFeed> document = documents.computeIfAbsent(delivery.topic(), topic ->
                    Topic.parse(topic, urls.base()).map(t -> renderer.subscription(
                            snapshots.computeIfAbsent(t.feedKey(), key -> renderer.snapshot(key, themes)), t.format())));
            if (document.isEmpty()) {
                sends.add(CompletableFuture.completedFuture(new Outcome(delivery, Result.GIVE_UP, "not a topic")));
                continue;
            }
            sends.add(send(delivery, document.get(), timeout));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        Instant done = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> sends.forEach(f -> record(f.join(), done)));
        return claimed.size();
    }

    private CompletableFuture<Outcome> send(HubRepository.Claimed delivery, RenderedFeed document, Duration timeout) {
        URI callback;
        try {
            callback = guard.check(delivery.callback());
        } catch (CallbackGuard.UnsafeCallbackException e) {
            return CompletableFuture.completedFuture(new Outcome(delivery, Result.GIVE_UP, e.getMessage()));
        }
        byte[] body = document.bytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(callback)
                .timeout(timeout)
                .header("Content-Type", document.contentType().toString())
                .header("Link", "<" + urls.hub() + ">; rel=\"hub\", <" + delivery.topic() + ">; rel=\"self\"")
                .header("User-Agent", "Syndication WebSub hub")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        delivery.secret().ifPresent(secret -> request.header(HubSignature.HEADER, HubSignature.of(secret, body)));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() == null ? error : error.getCause();
                        return new Outcome(delivery, Result.RETRY, cause.getClass().getSimpleName());
                    }
                    int status = response.statusCode();
                    if (status / 100 == 2) {
                        return new Outcome(delivery, Result.DELIVERED, null);
                    }
                    if (status == 410) {
                        return new Outcome(delivery, Result.GONE, "HTTP 410");
                    }
                    return new Outcome(delivery, Result.RETRY, "HTTP " + status);
                });
    }

    private enum Result { DELIVERED, RETRY, GIVE_UP, GONE, EXPIRED }

    private record Outcome(HubRepository.Claimed delivery, Result result, String error) {
    }

    private void record(Outcome outcome, Instant now) {
        HubRepository.Claimed d = outcome.delivery();
        switch (outcome.result()) {
            case DELIVERED -> {
                repository.delivered(d.id(), d.changeSeq(), now);
                count("delivered");
                Log.debugf("websub delivered deliveryId=%d subscriptionId=%d attempt=%d", d.id(), d.subscriptionId(),
                        d.attempts());
            }
            case GONE -> {
                repository.delete(d.subscriptionId());
                count("gone");
                Log.infof("websub callback answered 410, subscription ended subscriptionId=%d", d.subscriptionId());
            }
            case EXPIRED -> repository.drop(d.id());
            case GIVE_UP -> giveUp(d, outcome.error(), now);
            case RETRY -> {
                if (d.attempts() >= config.websub().maxAttempts()) {
                    giveUp(d, outcome.error(), now);
                } else {
                    Instant next = now.plus(backoff(config.websub().retryBackoff(), d.attempts()));
                    repository.retry(d.id(), next, outcome.error(), now);
                    count("retried");
                    Log.infof("websub delivery failed deliveryId=%d subscriptionId=%d attempt=%d error=%s next=%s",
                            d.id(), d.subscriptionId(), d.attempts(), outcome.error(), next);
                }
            }
        }
    }

    private void giveUp(HubRepository.Claimed d, String error, Instant now) {
        repository.failed(d.id(), error, now);
        count("failed");
        Log.warnf("websub delivery given up deliveryId=%d subscriptionId=%d attempts=%d error=%s", d.id(),
                d.subscriptionId(), d.attempts(), error);
    }

    /** Wait after the {@code attempt}-th failed attempt: the first backoff, doubled per attempt, capped at a day. */
    static Duration backoff(Duration first, int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }

    private void count(String outcome) {
        metrics.counter("feed.websub.deliveries", "outcome", outcome).increment();
    }
}
