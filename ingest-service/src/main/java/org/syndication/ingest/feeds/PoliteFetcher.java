package org.syndication.ingest.feeds;

import crawlercommons.robots.BaseRobotRules;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches as a good citizen: robots.txt honoured (Disallow and Crawl-delay), one request at a time per host, each
 * at least {@code hostInterval} (or the host's Crawl-delay, when longer) after the previous one, and a
 * {@code Retry-After} of a 429/503 keeps every source of that host waiting. Redirects are followed by
 * {@link FeedFetcher}; only the first address's robots.txt is consulted.
 */
public final class PoliteFetcher {

    private final FeedFetcher fetcher;
    private final UrlGuard guard;
    private final RobotsRules robots;
    private final HostGate gate;
    private final Duration hostInterval;

    public PoliteFetcher(FeedFetcher fetcher, UrlGuard guard, RobotsRules robots, HostGate gate, Duration hostInterval) {
        this.fetcher = fetcher;
        this.guard = guard;
        this.robots = robots;
        this.gate = gate;
        this.hostInterval = hostInterval;
    }

    /** The politeness unit: scheme, host and port (two servers on one machine are two hosts). */
    public static String hostKey(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + uri.getPort();
    }

    /**
     * A conditional GET of {@code url}, politely.
     *
     * @throws UnsafeUrlException     when the URL is refused
     * @throws FetchException         for an HTTP error, a timeout, a size limit, or robots.txt forbidding it
     * @throws HostDeferredException  when the host is not to be asked before a later time
     */
    public FetchResult fetch(String url, String etag, String lastModified) {
        URI uri = guard.parse(url);
        try (HostGate.Turn turn = gate.enter(hostKey(uri))) {
            BaseRobotRules rules = robots.cached(uri);
            if (rules == null) {
                turn.await(hostInterval);
                try {
                    rules = robots.fetch(uri);
                } catch (FetchException e) {
                    if (e.retryAfter() != null) {
                        turn.pause(e.retryAfter());
                    }
                    throw e;
                } finally {
                    turn.requested();
                }
            }
            if (!rules.isAllowed(uri.toString())) {
                throw new FetchException("disallowed by the host's robots.txt", null);
            }
            Duration crawlDelay = RobotsRules.crawlDelay(rules);
            turn.await(crawlDelay != null && crawlDelay.compareTo(hostInterval) > 0 ? crawlDelay : hostInterval);
            try {
                return fetcher.fetch(url, etag, lastModified);
            } catch (FetchException e) {
                if (e.retryAfter() != null) {
                    turn.pause(e.retryAfter());
                }
                throw e;
            } finally {
                turn.requested();
            }
        }
    }
}
