package org.syndication.ingest.feeds;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The robots.txt rules of each host, read with crawler-commons (the parser Apache Nutch and StormCrawler use) and
 * kept for {@code ttl}. As RFC 9309 says: a robots.txt that is missing (4xx) allows everything; one that cannot be
 * read (5xx, no answer) allows nothing until it can, and is asked for again on the next poll.
 */
public final class RobotsRules {

    /** Longest Crawl-delay accepted; crawler-commons reads a longer one as "do not crawl". */
    static final Duration MAX_CRAWL_DELAY = Duration.ofHours(1);

    private record Cached(BaseRobotRules rules, Instant until) {
    }

    private final FeedFetcher fetcher;
    private final Duration ttl;
    private final List<String> robotNames;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @param userAgent the fetches' User-Agent: its product token (before the first '/') is our robot name */
    public RobotsRules(FeedFetcher fetcher, Duration ttl, String userAgent) {
        this.fetcher = fetcher;
        this.ttl = ttl;
        this.robotNames = List.of(robotName(userAgent));
    }

    static String robotName(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
        return token.isEmpty() ? "syndication" : token;
    }

    /** The cached rules of the host of {@code uri}, or null when they must be fetched (with {@link #fetch}). */
    public BaseRobotRules cached(URI uri) {
        Cached cached = cache.get(key(uri));
        return cached != null && cached.until().isAfter(Instant.now()) ? cached.rules() : null;
    }

    /**
     * Fetches and caches the robots.txt of the host of {@code uri}.
     *
     * @throws FetchException when it cannot be read (5xx, no answer): nothing may be fetched from the host now
     */
    public BaseRobotRules fetch(URI uri) {
        URI robots = uri.resolve("/robots.txt");
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(MAX_CRAWL_DELAY.toMillis(), 5);
        BaseRobotRules rules;
        try {
            FetchResult result = fetcher.fetch(robots.toString(), null, null);
            rules = parser.parseContent(robots.toString(), result.body(), result.contentType(), robotNames);
        } catch (FetchException e) {
            int status = e.status() == null ? 0 : e.status();
            if (status < 400 || status >= 500 || status == 429) {
                throw new FetchException("robots.txt not readable (" + e.getMessage() + "): the host is not fetched "
                        + "until it is", e, e.status(), e.retryAfter());
            }
            rules = parser.failedFetch(status); // 4xx: no robots.txt, everything allowed
        }
        cache.put(key(uri), new Cached(rules, Instant.now().plus(ttl)));
        return rules;
    }

    /** The Crawl-delay of the rules, or null when none is set. */
    public static Duration crawlDelay(BaseRobotRules rules) {
        long delay = rules.getCrawlDelay();
        return delay == BaseRobotRules.UNSET_CRAWL_DELAY || delay <= 0 ? null : Duration.ofMillis(delay);
    }

    static String key(URI uri) {
        return PoliteFetcher.hostKey(uri);
    }
}
