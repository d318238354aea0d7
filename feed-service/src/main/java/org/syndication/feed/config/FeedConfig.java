package org.syndication.feed.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.syndication.support.messaging.OutboxConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of the feed service, prefix {@code feed}. */
@ConfigMapping(prefix = "feed")
public interface FeedConfig {

    /** Absolute URL under which readers reach this service; every link in feeds, pages and mails starts with it. */
    @WithDefault("http://localhost:8083")
    String publicBaseUrl();

    /** Name of the site, shown as feed author and page title. */
    @WithDefault("Syndication")
    String siteTitle();

    /** Newest entries per subscription feed document. */
    @WithDefault("50")
    int pageSize();

    /** Clear the projection and read news.catalogued again from offset zero when the service starts. */
    @WithDefault("false")
    boolean rebuildOnStart();

    /**
     * Largest request body (subscription requests and forms are a few hundred bytes); a larger one is refused with
     * 413 before it is read. {@code quarkus.http.limits.max-body-size} follows this key (application.properties).
     */
    @WithDefault("64K")
    MemorySize maxBodySize();

    /** Bearer token of the operator API ({@code /api/digests}); the API refuses every call when absent. */
    Optional<String> apiToken();

    /** The default taxonomy, so every theme has a feed even before it has items; themes seen in events are added. */
    List<DefaultTheme> themes();

    Cache cache();

    Render render();

    Digest digest();

    Mail mail();

    Subscription subscription();

    Tombstones tombstones();

    PollingLimit pollingLimit();
    Compose compose();

    WebSub websub();

    /** HMAC key of subscription tokens; when absent a random key is created once and kept in the database. */
    Optional<String> tokenSecret();

    /** The outbox relay of news.digests ({@code feed.outbox.*}, the same keys as catalog-service's). */
    OutboxConfig outbox();

    /** A theme of the default taxonomy ({@code feed.themes[n]}); the feed's own {@code Theme} is what it publishes. */
    interface DefaultTheme {
        String slug();

        String title();
    }

    interface Cache {
        /** Cache-Control max-age of the OPML list. */
        @WithDefault("PT60S")
        Duration maxAge();

        /**
         * Least max-age (and RSS ttl) of a subscription feed; a feed's own is the median interval between its recent
         * item changes, between this and {@link #maxAgeCeiling()}.
         */
        @WithDefault("PT5M")
        Duration maxAgeFloor();

        /** Greatest max-age (and RSS ttl) of a subscription feed; also that of a feed without a rhythm yet. */
        @WithDefault("PT6H")
        Duration maxAgeCeiling();

        /** Cache-Control max-age of archive documents of months that are over. */
        @WithDefault("P365D")
        Duration archiveMaxAge();
    }

    interface Tombstones {
        /**
         * How long a withdrawn item stays in the Atom subscription documents it was in, as an RFC 6721 deleted entry
         * (archive documents keep it for good).
         */
        @WithDefault("P30D")
        Duration keep();
    }

    interface PollingLimit {
        /**
         * Answer 429 to a client that polls one feed far faster than its max-age (per client address and feed,
         * counted in memory). {@code ./syndicate up} turns it off.
         */
        @WithDefault("true")
        boolean enabled();

        /** Requests one client may make for one feed document within one max-age of that document. */
        @WithDefault("10")
        int requests();

        /** Most (client, feed) pairs tracked at once; the least recently seen are forgotten first. */
        @WithDefault("100000")
        long maxTracked();
    }

    /** Feeds people compose: combined themes ({@code /feeds/a+b.atom}) and saved searches. */
    interface Compose {
        /**
         * Memory the cached composed documents may hold at most (each weighs its plain and gzipped bytes; the least
         * used ones go first).
         */
        @WithDefault("16M")
        MemorySize cacheMemory();

        /** A composed document is rendered again after this long even without a projection change. */
        @WithDefault("PT5M")
        Duration cacheTtl();

        /** Longest search query {@code q}, in characters; longer is a 400. */
        @WithDefault("200")
        int maxQueryLength();

        /** Most themes in one combined feed. */
        @WithDefault("5")
        int maxThemes();
    }

    interface Render {
        /** Wait this long after a projection change before rendering, so a burst renders once. */
        @WithDefault("PT0.005S")
        Duration debounce();

        /**
         * While a backlog drains (the projection's consumer gets full batches), the share of one core the renders may
         * take: the next render waits (1 - share) / share times as long as the last one took. The renders and their
         * queries compete with the projection for the same cores; a quarter keeps feeds behind by about four renders'
         * time. With smaller batches (a steady stream) the share grows in proportion, up to a whole core.
         */
        @WithDefault("0.25")
        @WithConverter(ShareConverter.class)
        double backlogShare();
    }

    interface Digest {
        /** Time zone in which days and ISO weeks of digests begin and end. */
        @WithDefault("UTC")
        String zone();

        /**
         * When the scheduler issues yesterday's daily digests (and, on Mondays, last week's weekly ones) if not issued
         * yet; each mail then waits for its subscriber's chosen hour, so it runs every hour, a little after the hour
         * (an item ingested just before midnight has time to be catalogued).
         */
        @WithDefault("0 30 * * * ?")
        String cron();

        /** Whether the scheduler issues digests at all (the API always can). */
        @WithDefault("true")
        boolean scheduled();

        /** Most items shown in one digest. */
        @WithDefault("100")
        int maxItems();

        /** How often the sender looks for queued mails. */
        @WithDefault("1s")
        String sendEvery();

        /**
         * Mails claimed and sent concurrently per batch of the send loop. Mails of a batch interrupted by a crash
         * are never resent (at most once), so this is also the most a crash can cost.
         */
        @WithDefault("1000")
        int sendBatch();

        /** Attempts per mail before it is reported as failed. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry; doubles with every attempt. */
        @WithDefault("PT30S")
        Duration retryBackoff();
    }

    interface Mail {
        /** Sender of digests and confirmations. */
        @WithDefault("Syndication <digests@syndication.localhost>")
        String from();

        /** Optional mailto address for List-Unsubscribe, besides the https URL. */
        Optional<String> unsubscribeMailto();
    }

    interface Subscription {
        /** How long a confirmation link stays valid. */
        @WithDefault("P2D")
        Duration confirmTtl();

        /** Subscription requests accepted per address within {@link #rateWindow()}. */
        @WithDefault("3")
        int rateLimit();

        /** The window of {@link #rateLimit()}; its counter starts again once the window is over. */
        @WithDefault("PT1H")
        Duration rateWindow();

        /**
         * Subscription requests (each one a mail) accepted per client within {@link #clientRateWindow()}, so one
         * client cannot mail many addresses. A client is its remote address (an IPv6 address by its /64 network);
         * behind a proxy, the forwarded address when {@code quarkus.http.proxy.*} trusts that proxy.
         */
        @WithDefault("10")
        int clientRateLimit();

        /** The window of {@link #clientRateLimit()}. */
        @WithDefault("PT1H")
        Duration clientRateWindow();
    }

    /** The WebSub hub ({@code POST /hub}) and its deliveries. */
    interface WebSub {
        /**
         * Allows callbacks on loopback, private, link-local and other non-public addresses (the local stack sets
         * it); the same rule as ingest's {@code ingest.sources.allow-private} for feed sources.
         */
        @WithDefault("false")
        boolean allowPrivate();

        /** Lease granted when a subscription request names none. */
        @WithDefault("P10D")
        Duration defaultLease();

        /** Shortest lease a request may ask for; a shorter one is refused with 400. */
        @WithDefault("PT5M")
        Duration minLease();

        /** Longest lease a request may ask for; a longer one is refused with 400. */
        @WithDefault("P30D")
        Duration maxLease();

        /** How often every replica looks for due deliveries (a change in this replica wakes it at once). */
        @WithDefault("PT1S")
        Duration deliverEvery();

        /** Deliveries claimed and sent concurrently per round. */
        @WithDefault("100")
        int deliverBatch();

        /** Attempts per delivery before it is given up (FAILED). */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the first retry of a failed delivery; doubles with every attempt. */
        @WithDefault("PT10S")
        Duration retryBackoff();

        /** Connect and answer timeout of each callback request (verification and delivery). */
        @WithDefault("PT10S")
        Duration timeout();
    }
}
