package org.syndication.feed.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.events.DigestIssued.Frequency;
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.InvalidTokenException;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.RateLimitedException;
import org.syndication.feed.SubscriptionEndedException;
import org.syndication.feed.Theme;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.DigestSchedule;
import org.syndication.feed.digest.Subscriber;
import org.syndication.feed.digest.SubscriberRepository;
import org.syndication.feed.digest.SubscriptionClients;
import org.syndication.feed.digest.Tokens;
import org.syndication.feed.messaging.SubscriptionMails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Subscriptions with double opt-in. Whatever the address (new, pending, confirmed, unsubscribed), a request gets
 * the same answer; only the mail differs. Tokens are scoped to one subscriber and one action.
 */
@ApplicationScoped
public class SubscriptionService {

    /** What the manage page shows. */
    public record Settings(List<String> themes, Frequency frequency, boolean active, DigestSchedule schedule) {
    }

    private final SubscriberRepository subscribers;
    private final SubscriptionClients clients;
    private final ThemeCatalog themes;
    private final TokenService tokens;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final Clock clock;
    private final SearchSubscriptionRules searchRules;
    private final SubscriptionMails mails;

    public SubscriptionService(SubscriberRepository subscribers, SubscriptionClients clients, ThemeCatalog themes,
                               TokenService tokens, PublicUrls urls, FeedConfig config, Clock clock,
                               SearchSubscriptionRules searchRules, SubscriptionMails mails) {
        this.searchRules = searchRules;
        this.mails = mails;
        this.subscribers = subscribers;
        this.clients = clients;
        this.themes = themes;
        this.tokens = tokens;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers a request and mails a confirmation link (or, to a confirmed address, a link to manage it). Two
     * limits, each counted in one statement under a row lock, so concurrent requests cannot slip past them: per
     * address (the subscriber row) and per client (its remote address). A request refused by either rolls back,
     * so only requests that send a mail are counted.
     */
    @Transactional
    public void subscribe(String email, List<String> requestedThemes, Frequency frequency, String client) {
        subscribe(email, requestedThemes, List.of(), frequency, client);
    }

    /** As {@link #subscribe(String, List, Frequency, String)}, with saved searches ({@code q}) besides themes. */
    @Transactional
    public void subscribe(String email, List<String> requestedThemes, List<String> requestedQueries,
                          Frequency frequency, String client) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        List<String> queries = searchRules.valid(requestedQueries);
        List<String> slugs = queries.isEmpty() || requestedThemes != null && !requestedThemes.isEmpty()
                ? validThemes(requestedThemes) : List.of();
        Instant now = clock.instant();
        FeedConfig.Subscription limits = config.subscription();
        UUID subscriberId = subscribers.countRequest(address, slugs, frequency, now,
                limits.rateWindow(), limits.rateLimit()).orElseThrow(() -> {
                    // the whole window, not what is left of it: when another request for this address came is
                    // none of this client's business
                    Log.info("subscription rate-limited per address");
                    return new RateLimitedException("Too many subscription requests for this address; try again later.",
                            limits.rateWindow());
                });
        SubscriptionClients.Count count = clients.count(client, now, limits.clientRateWindow());
        if (count.requests() > limits.clientRateLimit()) {
            // no id: a new address's row is rolled back with this request; no client address: personal data
            Log.info("subscription rate-limited per client");
            // capped: the database keeps microseconds (rounded), so the window may seem to start a little after now
            Duration left = Duration.between(now, count.windowStart().plus(limits.clientRateWindow()));
            throw new RateLimitedException("Too many subscription requests from your network; try again later.",
                    left.compareTo(limits.clientRateWindow()) > 0 ? limits.clientRateWindow() : left);
        }
        Subscriber subscriber = subscribers.findById(subscriberId);
        Tokens signer = tokens.tokens();
        if (subscriber.status == Subscriber.Status.CONFIRMED) {
            String manage = urls.subscription("manage", signer.create(subscriber.id, Tokens.Action.MANAGE,
                    now.plus(config.subscription().confirmTtl())));
            mails.manage(address, subscriber.id, manage);
        } else {
            subscriber.status = Subscriber.Status.PENDING;
            subscriber.themes = new ArrayList<>(slugs);
            subscriber.frequency = frequency;
            searchRules.replace(subscriber.id, queries, now);
            String confirm = urls.subscription("confirm", signer.create(subscriber.id, Tokens.Action.CONFIRM,
                    now.plus(config.subscription().confirmTtl())));
            mails.confirm(address, subscriber.id, SearchSubscriptionRules.describe(titles(slugs), queries), frequency,
                    confirm, config.subscription().confirmTtl());
        }
    }

    /** Forgets the per-client counters of windows that are over (client addresses are personal data too). */
    @Scheduled(every = "1h", delayed = "1m", identity = "subscription-client-purge")
    @Transactional
    void purgeClientCounters() {
        int purged = clients.purge(clock.instant(), config.subscription().clientRateWindow());
        Log.debugf("subscription client counters purged count=%d", purged);
    }

    /** What a valid token of this action refers to (for the page that asks to confirm the action). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Settings settings(String token, Tokens.Action action) {
        Subscriber subscriber = subscriber(token, action);
        if (action == Tokens.Action.CONFIRM) {
            requireNotEnded(subscriber);
        }
        return new Settings(List.copyOf(subscriber.themes), subscriber.frequency,
                subscriber.status == Subscriber.Status.CONFIRMED, subscriber.schedule());
    }

    /** Confirms a PENDING subscription; a confirmed one stays as it is (a second click is harmless). */
    @Transactional
    public void confirm(String token) {
        Subscriber subscriber = subscriber(token, Tokens.Action.CONFIRM);
        requireNotEnded(subscriber);
        if (subscriber.status == Subscriber.Status.PENDING) {
            subscriber.status = Subscriber.Status.CONFIRMED;
            subscriber.confirmedAt = clock.instant();
            Log.infof("subscription confirmed subscriberId=%s", subscriber.id);
        }
    }

    private static void requireNotEnded(Subscriber subscriber) {
        if (subscriber.status == Subscriber.Status.UNSUBSCRIBED) {
            Log.infof("confirmation refused, unsubscribed subscriberId=%s", subscriber.id);
            throw new SubscriptionEndedException();
        }
    }

    @Transactional
    public void unsubscribe(String token) {
        Subscriber subscriber = subscriber(token, Tokens.Action.UNSUBSCRIBE);
        subscriber.status = Subscriber.Status.UNSUBSCRIBED;
        Log.infof("unsubscribed subscriberId=%s", subscriber.id);
    }

    /** Changes themes, frequency and, when given, when digests go out (digests already queued keep their time). */
    @Transactional
    public void update(String token, List<String> requestedThemes, Frequency frequency,
                       Optional<DigestSchedule> schedule) {
        Subscriber subscriber = subscriber(token, Tokens.Action.MANAGE);
        subscriber.themes = new ArrayList<>(validThemes(requestedThemes));
        subscriber.frequency = frequency;
        schedule.ifPresent(subscriber::schedule);
        Log.infof("subscription changed subscriberId=%s", subscriber.id);
    }

    /** The unsubscribe link matching a manage token (the manage page offers it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String unsubscribeToken(String manageToken) {
        Subscriber subscriber = subscriber(manageToken, Tokens.Action.MANAGE);
        return tokens.tokens().create(subscriber.id, Tokens.Action.UNSUBSCRIBE, clock.instant().plus(DigestSender.LINK_VALIDITY));
    }

    private Subscriber subscriber(String token, Tokens.Action action) {
        Optional<UUID> id = tokens.tokens().verify(token, action, clock.instant());
        return id.flatMap(subscribers::findByIdOptional).orElseThrow(InvalidTokenException::new);
    }

    private List<String> validThemes(List<String> requested) {
        Set<String> slugs = new LinkedHashSet<>(requested == null ? List.of() : requested);
        if (slugs.isEmpty()) {
            throw new InvalidRequestException("Choose at least one theme.");
        }
        List<String> valid = themes.feedKeys();
        for (String slug : slugs) {
            if (!valid.contains(slug)) {
                throw new InvalidRequestException("Unknown theme '" + slug + "'; valid themes: " + valid);
            }
        }
        return List.copyOf(slugs);
    }

    private String titles(List<String> slugs) {
        return slugs.stream().map(s -> themes.find(s).map(Theme::title).orElse(s)).collect(Collectors.joining(", "));
    }
}
