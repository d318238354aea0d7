package org.syndication.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The typed configuration of the ingest service: every key starts with {@code ingest.}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /**
     * Largest request body (a document for {@code POST /api/documents}); a larger one is refused with 413 before it
     * is read. {@code quarkus.http.limits.max-body-size} follows this key (application.properties).
     */
    @WithDefault("5M")
    MemorySize maxBodySize();

    /** BCP 47 language tag given to items whose source does not say. */
    @WithDefault("en")
    String defaultLanguage();

    /**
     * The operator's bearer token: registering and deleting sources, and the error details of sources, need
     * {@code Authorization: Bearer <token>}. Not set: those endpoints are open (the local stack), and a warning is
     * logged at start. Production sets it from the {@code ingest-service-api-token} Secret.
     */
    Optional<String> apiToken();

    /** Publishing to {@code news.ingested}. */
    Publish publish();

    /** Polled sources: feeds (RSS, Atom, JSON Feed) and listing pages. */
    Sources sources();

    interface Publish {
        /** The {@code ce_source} attribute of every event. */
        @WithDefault("/ingest-service")
        String ceSource();

        /**
         * How long a request waits for its Kafka transaction (a free producer, every record acknowledged, the
         * commit) before answering 503.
         */
        @WithDefault("10s")
        Duration ackTimeout();

        /**
         * Identifies this running instance in the producers' {@code transactional.id}
         * ({@code <application name>-<instance id>-<n>}): it must differ between instances that run at the same
         * time. Default: the host name (the pod name in Kubernetes).
         */
        Optional<String> instanceId();

        /** Transactional producers, i.e. transactions at the same time (documents waiting meanwhile share the next one). */
        @WithDefault("4")
        int producers();

        /**
         * Longest a single Kafka call may block (metadata, transaction start, commit, abort): the producers'
         * {@code max.block.ms} and {@code request.timeout.ms}; records expire after twice this.
         */
        @WithDefault("3s")
        Duration kafkaTimeout();

        /**
         * The broker aborts a transaction left open this long (an instance that died mid-document); until then,
         * read_committed consumers wait at its first record.
         */
        @WithDefault("15s")
        Duration transactionTimeout();

        /** The {@code Retry-After} (seconds) of a 503 when Kafka is unavailable. */
        @WithDefault("30")
        int retryAfterSeconds();
    }

    interface Sources {
        /**
         * How often the scheduler looks for sources that are due (a Quarkus {@code every} value, or
         * {@code off} to disable polling).
         */
        @WithDefault("10s")
        String pollEvery();

        /**
         * How long a claimed source stays with the instance that claimed it: the poll's outcome sets its next poll,
         * and a source whose instance stopped mid-poll is due again after this (it must exceed the longest poll,
         * host wait included).
         */
        @WithDefault("10m")
        Duration claimLease();

        /** Polling interval of a source registered without {@code intervalSeconds}. */
        @WithDefault("15m")
        Duration defaultInterval();

        /** Shortest interval a source may ask for. */
        @WithDefault("10s")
        Duration minInterval();

        /** Longest wait after repeated failures (the backoff doubles the interval up to this). */
        @WithDefault("6h")
        Duration maxBackoff();

        /**
         * Host names a source URL may use: exact names, {@code *.example.org} for any sub-domain, or
         * {@code *} for any host.
         * Loopback and private addresses stay refused unless {@link #allowPrivate()}.
         */
        @WithDefault("*")
        List<String> allowedHosts();

        /** Allows loopback, private, link-local and other non-public addresses (the local stack sets it). */
        @WithDefault("false")
        boolean allowPrivate();

        /** TCP connect timeout of a fetch. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time allowed for the response headers and for the whole body of a fetch. */
        @WithDefault("15s")
        Duration readTimeout();

        /** Largest feed document read; a larger one fails the poll. */
        @WithDefault("5M")
        MemorySize maxFeedSize();

        /** Redirects followed per fetch (each hop is checked again against the allow-list). */
        @WithDefault("5")
        int maxRedirects();

        /** Entity expansions allowed in one feed document (internal DTD entities); more is refused. */
        @WithDefault("1000")
        int maxEntityExpansions();

        /**
         * Characters all entity references of one feed document may expand to, in total (and the largest single
         * entity); more is refused. The count alone lets one entity of a few KB referenced a thousand times blow
         * a small feed up to megabytes.
         */
        @WithDefault("100000")
        int maxEntitySize();

        /**
         * The {@code User-Agent} header of fetches: say who we are and where to read about it. Its product token
         * (before the first '/') is the robot name matched against robots.txt groups.
         */
        @WithDefault("syndication-ingest/1.0 (+https://github.com/syndication; news syndication, polls listing pages and feeds)")
        String userAgent();

        /** Least time between two requests to one host (a robots.txt Crawl-delay that is longer wins). */
        @WithDefault("2s")
        Duration hostInterval();

        /**
         * Longest a poll waits for its host's turn (crawl delay, Retry-After); a longer wait reschedules the source
         * instead of holding a worker.
         */
        @WithDefault("60s")
        Duration maxHostWait();

        /** How long a host's robots.txt is kept before it is read again. */
        @WithDefault("1h")
        Duration robotsCache();

        /** Hosts polled at the same time (a bounded pool; the sources of one host are polled one after another). */
        @WithDefault("4")
        int concurrency();
    }
}
