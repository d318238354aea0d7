package org.syndication.feed.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.SendLog;
import org.syndication.feed.digest.Subscriber;
import org.syndication.feed.digest.SubscriberRepository;
import org.syndication.feed.digest.Tokens;
import org.syndication.feed.render.DigestMails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends queued digest mails: claims a batch of send-log rows in one transaction, sends them concurrently, records
 * each outcome. A failing address only fails its own row, which is retried with exponential backoff and reported
 * (log + metric) when it runs out of attempts.
 */
@ApplicationScoped
public class DigestSender {

    /** Far enough that unsubscribe and manage links in old mails keep working. */
    static final Duration LINK_VALIDITY = Duration.ofDays(3650);

    private final SendLog sendLog;
    private final SubscriberRepository subscribers;
    private final DigestService digests;
    private final TokenService tokens;
    private final io.quarkus.mailer.reactive.ReactiveMailer mailer;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public DigestSender(SendLog sendLog, SubscriberRepository subscribers, DigestService digests, TokenService tokens,
                        io.quarkus.mailer.reactive.ReactiveMailer mailer, PublicUrls urls, FeedConfig config,
                        Clock clock, MeterRegistry metrics) {
        this.sendLog = sendLog;
        this.subscribers = subscribers;
        this.digests = digests;
        this.tokens = tokens;
        this.mailer = mailer;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        int interrupted = QuarkusTransaction.requiringNew().call(sendLog::abandonInterrupted);
        if (interrupted > 0) {
            Log.errorf("digest mails interrupted by a stop, not resent (at most once): count=%d", interrupted);
        }
    }

    @Scheduled(every = "${feed.digest.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "digest-sender")
    void tick() {
        while (sendBatch() > 0) {
            // next batch
        }
    }

    /** Sends one batch of due mails; returns how many rows it handled. */
    public int sendBatch() {
        Instant now = clock.instant();
        List<SendLog.Claim> claims = QuarkusTransaction.requiringNew()
                .call(() -> sendLog.claimDue(now, config.digest().sendBatch()));
        if (claims.isEmpty()) {
            return 0;
        }
        Map<UUID, Subscriber> recipients = QuarkusTransaction.requiringNew().call(() -> subscribers
                .list("id in ?1", claims.stream().map(SendLog.Claim::subscriberId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity())));
        Map<UUID, Optional<DigestMails.DigestView>> views = new HashMap<>();
        Tokens signer = tokens.tokens();
        List<Uni<Outcome>> sends = new ArrayList<>();
        for (SendLog.Claim claim : claims) {
            Subscriber subscriber = recipients.get(claim.subscriberId());
            Optional<DigestMails.DigestView> view = views.computeIfAbsent(claim.digestId(), digests::view);
            if (subscriber == null || subscriber.status != Subscriber.Status.CONFIRMED || view.isEmpty()) {
                sends.add(Uni.createFrom().item(new Outcome(claim, "SKIPPED", null)));
                continue;
            }
            sends.add(send(subscriber, view.get(), signer, now)
                    .onItemOrFailure().transform((ok, failure) -> new Outcome(claim, failure == null ? "SENT" : "FAILED",
                            failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage())));
        }
        List<Outcome> outcomes = Uni.join().all(sends).andFailFast().await().atMost(Duration.ofMinutes(5));
        Instant done = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(o -> record(o, done)));
        long sent = outcomes.stream().filter(o -> "SENT".equals(o.status())).count();
        metrics.counter("feed.digest.mails", "outcome", "sent").increment(sent);
        Log.infof("digest mails batch=%d sent=%d in %d ms", outcomes.size(), sent,
                Duration.between(now, done).toMillis());
        return claims.size();
    }

    private Uni<Void> send(Subscriber subscriber, DigestMails.DigestView view, Tokens signer, Instant now) {
        Instant validUntil = now.plus(LINK_VALIDITY);
        String unsubscribe = urls.subscription("unsubscribe", signer.create(subscriber.id, Tokens.Action.UNSUBSCRIBE, validUntil));
        String manage = urls.subscription("manage", signer.create(subscriber.id, Tokens.Action.MANAGE, validUntil));
        String listUnsubscribe = "<" + unsubscribe + ">"
                + config.mail().unsubscribeMailto().map(m -> ", <mailto:" + m + "?subject=unsubscribe>").orElse("");
        Mail base = new Mail()
                .addHeader("List-Unsubscribe", listUnsubscribe)
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("List-Id", "<" + view.theme() + ".digest." + java.net.URI.create(urls.base()).getHost() + ">");
        return DigestMails.Templates.digest(view, new DigestMails.Links(view.archiveUrl(), manage, unsubscribe))
                .mail(base)
                .from(config.mail().from())
                .to(subscriber.email)
                .subject(view.siteTitle() + ": " + view.themeTitle() + ", " + view.periodLabel())
                .send();
    }

    private void record(Outcome outcome, Instant now) {
        SendLog.Claim claim = outcome.claim();
        if (!"FAILED".equals(outcome.status())) {
            sendLog.outcome(claim, outcome.status(), now, null, now);
            return;
        }
        if (claim.attempts() < config.digest().maxAttempts()) {
            Duration backoff = config.digest().retryBackoff().multipliedBy(1L << Math.min(20, claim.attempts() - 1));
            sendLog.outcome(claim, "PENDING", now.plus(backoff), outcome.error(), now);
            Log.warnf("digest mail failed subscriberId=%s digestId=%s attempt=%d retryIn=%s", claim.subscriberId(),
                    claim.digestId(), claim.attempts(), backoff);
        } else {
            sendLog.outcome(claim, "FAILED", now, outcome.error(), now);
            metrics.counter("feed.digest.mails", "outcome", "failed").increment();
            Log.errorf("digest mail failed for good subscriberId=%s digestId=%s attempts=%d", claim.subscriberId(),
                    claim.digestId(), claim.attempts());
        }
    }

    record Outcome(SendLog.Claim claim, String status, String error) {
    }
}
