package org.syndication.feed.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.IssuedDigest;
import org.syndication.feed.digest.SendLogRepository;
import org.syndication.feed.digest.Subscriber;
import org.syndication.feed.digest.SubscriberRepository;
import org.syndication.feed.digest.Tokens;
import org.syndication.feed.messaging.AlternativeBody;
import org.syndication.feed.messaging.PreparedMail;
import org.syndication.feed.messaging.SmtpSender;
import org.syndication.feed.render.DigestMailRenderer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends queued digest mails: claims a batch of send-log rows in one transaction, renders each digest of the batch
 * once, sends the mails over a pool of open SMTP connections ({@link SmtpSender}) and records the outcomes in one
 * transaction. A failing address only fails its own row, which is retried with exponential backoff and reported
 * (log + metric) when it runs out of attempts.
 */
@ApplicationScoped
public class DigestSender {

    /** Far enough that unsubscribe and manage links in old mails keep working. */
    static final Duration LINK_VALIDITY = Duration.ofDays(3650);

    /** A claim this old whose outcome was never recorded was left by a stopped instance. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final SendLogRepository sendLog;
    private final SubscriberRepository subscribers;
    private final DigestService digests;
    private final TokenService tokens;
    private final SmtpSender smtp;
    private final DigestMailRenderer renderer;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final FeedChangeListener presence;

    public DigestSender(SendLogRepository sendLog, SubscriberRepository subscribers, DigestService digests, TokenService tokens,
                        SmtpSender smtp, DigestMailRenderer renderer, PublicUrls urls, FeedConfig config,
                        Clock clock, MeterRegistry metrics, FeedChangeListener presence) {
        this.presence = presence;
        this.sendLog = sendLog;
        this.subscribers = subscribers;
        this.digests = digests;
        this.tokens = tokens;
        this.smtp = smtp;
        this.renderer = renderer;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        // registered with their description before the first mail, so that the alerts see every outcome from 0
        for (String outcome : new String[]{"sent", "retried", "failed"}) {
            Counter.builder("feed.digest.mails").tag("outcome", outcome)
                    .description("Digest mails by outcome: sent, retried (after a failure), failed (for good)")
                    .register(metrics);
        }
    }

    void onStart(@Observes StartupEvent event) {
        abandonInterrupted();
    }

    /**
     * Reports the mails whose sender stopped between claim and outcome (UNKNOWN, never resent): those claimed by an
     * instance whose presence lock is free (it is gone), within seconds of its death, and any row still SENDING
     * {@link #ABANDONED_AFTER} after its claim (a batch ends well before: a server that stops answering fails the
     * mail in hand after {@link SmtpSender#TIMEOUT_MILLIS}).
     */
    @Scheduled(every = "15s", delayed = "15s", identity = "digest-abandoned-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void abandonInterrupted() {
        Instant before = clock.instant().minus(ABANDONED_AFTER);
        int interrupted = QuarkusTransaction.requiringNew().call(() -> sendLog.abandonInterrupted(before));
        if (interrupted > 0) {
            Log.errorf("digest mails interrupted by a stop, not resent (at most once): count=%d", interrupted);
        }
    }

    @Scheduled(every = "${feed.digest.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "digest-sender",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!presence.present()) {
            // without its presence lock another instance would take this one's claims for abandoned ones
            return;
        }
        while (sendBatch() > 0) {
            // next batch
        }
    }

    /** Sends one batch of due mails; returns how many rows it handled. */
    public int sendBatch() {
        Instant now = clock.instant();
        List<SendLogRepository.Claim> claims = QuarkusTransaction.requiringNew()
                .call(() -> sendLog.claimDue(now, config.digest().sendBatch(), presence.instanceId()));
        if (claims.isEmpty()) {
            return 0;
        }
        List<Attempt> attempts;
        try {
            attempts = attempt(claims, now);
        } catch (RuntimeException e) {
            // nothing went out (loading or rendering failed; sending itself never throws): retried after the backoff
            Log.errorf(e, "digest mail batch failed before sending: count=%d", claims.size());
            attempts = claims.stream().map(c -> new Attempt(c, "FAILED", e.toString())).toList();
        }
        Instant done = clock.instant();
        List<SendLogRepository.Outcome> outcomes = attempts.stream().map(a -> outcome(a, done)).toList();
        QuarkusTransaction.requiringNew().run(() -> sendLog.record(outcomes, done));
        long sent = attempts.stream().filter(o -> "SENT".equals(o.status())).count();
        metrics.counter("feed.digest.mails", "outcome", "sent").increment(sent);
        Log.infof("digest mails batch=%d sent=%d in %d ms", attempts.size(), sent,
                Duration.between(now, done).toMillis());
        return claims.size();
    }

    /** Loads the recipients and digests of the claims, renders each digest once and sends every mail. */
    private List<Attempt> attempt(List<SendLogRepository.Claim> claims, Instant now) {
        Map<UUID, Subscriber> recipients = new HashMap<>();
        Map<UUID, Optional<Prepared>> prepared = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            subscribers.list("id in ?1", claims.stream().map(SendLogRepository.Claim::subscriberId).distinct().toList())
                    .forEach(s -> recipients.put(s.id, s));
            claims.forEach(claim -> prepared.computeIfAbsent(claim.digestId(),
                    id -> digests.view(id).map(this::prepare)));
        });
        Tokens signer = tokens.tokens();
        List<Attempt> attempts = new ArrayList<>();
        List<SendLogRepository.Claim> mailed = new ArrayList<>();
        List<Subscriber> to = new ArrayList<>();
        List<Prepared> what = new ArrayList<>();
        for (SendLogRepository.Claim claim : claims) {
            Subscriber subscriber = recipients.get(claim.subscriberId());
            Optional<Prepared> digest = prepared.get(claim.digestId());
            if (subscriber == null || subscriber.status != Subscriber.Status.CONFIRMED || digest.isEmpty()) {
                attempts.add(new Attempt(claim, "SKIPPED", null));
                continue;
            }
            mailed.add(claim);
            to.add(subscriber);
            what.add(digest.get());
        }
        // built on the sending threads: an address refused at once fails only its own mail, not the batch
        // one Date header for the batch: formatting it per mail showed in the profile, and the batch goes out in seconds
        String date = new MailDateFormat().format(new Date());
        List<Exception> failures = smtp.sendAll(mailed.size(), i -> message(to.get(i), what.get(i), signer, now, date));
        for (int i = 0; i < mailed.size(); i++) {
            Exception failure = failures.get(i);
            attempts.add(new Attempt(mailed.get(i), failure == null ? "SENT" : "FAILED",
                    failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        }
        return attempts;
    }

    private Prepared prepare(IssuedDigest digest) {
        String subject = config.siteTitle() + ": " + digest.title() + ", " + digest.period().label();
        String listId = "<" + digest.list() + ".digest." + java.net.URI.create(urls.base()).getHost() + ">";
        DigestMailRenderer.Body body = renderer.render(digest);
        return new Prepared(AlternativeBody.of(smtp.session(), body.text(), body.html(), DigestMailRenderer.RECIPIENT_LINKS),
                subject, listId);
    }

    /**
     * One recipient's mail: the digest's shared body with the recipient's own manage and unsubscribe links, and the
     * one-click List-Unsubscribe headers (RFC 2369, RFC 8058). A multipart/alternative of a UTF-8 text part and the
     * US-ASCII HTML part (see {@link DigestMailRenderer.Body}), encoded once per digest ({@link AlternativeBody}).
     */
    MimeMessage message(Subscriber subscriber, Prepared digest, Tokens signer, Instant now, String date)
            throws MessagingException {
        Instant validUntil = now.plus(LINK_VALIDITY);
        String unsubscribe = urls.subscription("unsubscribe", signer.create(subscriber.id, Tokens.Action.UNSUBSCRIBE, validUntil));
        String manage = urls.subscription("manage", signer.create(subscriber.id, Tokens.Action.MANAGE, validUntil));
        String listUnsubscribe = "<" + unsubscribe + ">"
                + config.mail().unsubscribeMailto().map(m -> ", <mailto:" + m + "?subject=unsubscribe>").orElse("");
        PreparedMail mail = digest.body().mail(DigestMailRenderer.textLinks(manage, unsubscribe),
                DigestMailRenderer.htmlLinks(manage, unsubscribe));
        mail.setFrom(new InternetAddress(config.mail().from()));
        // strict: an address without a domain fails its own mail here instead of going to a local mailbox
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(subscriber.email, true));
        mail.setSubject(digest.subject(), StandardCharsets.UTF_8.name());
        mail.setHeader("Date", date);
        mail.setHeader("List-Unsubscribe", listUnsubscribe);
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.setHeader("List-Id", digest.listId());
        return mail.ready();
    }

    /** The row's next state: sent or skipped, retried after a backoff, or failed for good (reported). */
    private SendLogRepository.Outcome outcome(Attempt attempt, Instant now) {
        SendLogRepository.Claim claim = attempt.claim();
        if (!"FAILED".equals(attempt.status())) {
            return new SendLogRepository.Outcome(claim, attempt.status(), now, null);
        }
        if (claim.attempts() < config.digest().maxAttempts()) {
            Duration backoff = config.digest().retryBackoff().multipliedBy(1L << Math.min(20, claim.attempts() - 1));
            metrics.counter("feed.digest.mails", "outcome", "retried").increment();
            Log.warnf("digest mail failed subscriberId=%s digestId=%s attempt=%d retryIn=%s", claim.subscriberId(),
                    claim.digestId(), claim.attempts(), backoff);
            return new SendLogRepository.Outcome(claim, "PENDING", now.plus(backoff), attempt.error());
        }
        metrics.counter("feed.digest.mails", "outcome", "failed").increment();
        Log.errorf("digest mail failed for good subscriberId=%s digestId=%s attempts=%d", claim.subscriberId(),
                claim.digestId(), claim.attempts());
        return new SendLogRepository.Outcome(claim, "FAILED", now, attempt.error());
    }

    record Attempt(SendLogRepository.Claim claim, String status, String error) {
    }

    /** What the mails of one digest share, prepared once for all its recipients. */
    record Prepared(AlternativeBody body, String subject, String listId) {
    }
}
