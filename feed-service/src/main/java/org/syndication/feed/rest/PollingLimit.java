package org.syndication.feed.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.syndication.feed.config.FeedConfig;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Polite polling, enforced: a client that asks for one feed document more than {@code feed.polling-limit.requests}
 * times within one max-age of that document gets 429 with Retry-After until the window is over. Counted per
 * client address (IPv6 by /64, see {@link ClientAddress}) and document, in a fixed window that starts with the
 * client's first request; the windows live in a bounded Caffeine cache, so many clients cost bounded memory (the
 * least recently seen are forgotten first, which only ever lets a request through). In memory and per instance:
 * an instance behind a load balancer counts only what it sees, which still stops a client hammering one feed.
 */
@ApplicationScoped
public class PollingLimit {

    private record Window(long startNanos, int count) {
    }

    private final boolean enabled;
    private final int requests;
    private final LongSupplier nanoTime;
    private final Cache<String, Window> windows;

    @Inject
    public PollingLimit(FeedConfig config) {
        this(config.pollingLimit().enabled(), config.pollingLimit().requests(), config.pollingLimit().maxTracked(),
                config.cache().maxAgeCeiling().toNanos(), System::nanoTime);
    }

    PollingLimit(boolean enabled, int requests, long maxTracked, long longestWindowNanos, LongSupplier nanoTime) {
        this.enabled = enabled;
        this.requests = requests;
        this.nanoTime = nanoTime;
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterAccess(longestWindowNanos, TimeUnit.NANOSECONDS)
                .ticker(nanoTime::getAsLong)
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Counts one request of a client for a document whose {@code Cache-Control} is given.
     *
     * @return 0 when the request is within the limit, else the seconds until the client's window is over (≥ 1)
     */
    public long retryAfter(String client, String document, CharSequence cacheControl) {
        long window = TimeUnit.SECONDS.toNanos(maxAgeSeconds(cacheControl));
        if (!enabled || window <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        Window counted = windows.asMap().compute(client + ' ' + document, (key, w) ->
                w == null || now - w.startNanos() >= window ? new Window(now, 1) : new Window(w.startNanos(), w.count() + 1));
        if (counted.count() <= requests) {
            return 0;
        }
        long left = window - (now - counted.startNanos());
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + TimeUnit.SECONDS.toNanos(1) - 1));
    }

    /** How many (client, document) windows are held now (after pending evictions). */
    long tracked() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** The max-age of a Cache-Control value, 0 when it has none. */
    static long maxAgeSeconds(CharSequence cacheControl) {
        String value = cacheControl.toString();
        int at = value.indexOf("max-age=");
        if (at < 0) {
            return 0;
        }
        long seconds = 0;
        for (int i = at + "max-age=".length(); i < value.length() && Character.isDigit(value.charAt(i)); i++) {
            seconds = seconds * 10 + (value.charAt(i) - '0');
        }
        return seconds;
    }
}
