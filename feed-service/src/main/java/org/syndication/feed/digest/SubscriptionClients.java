package org.syndication.feed.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window request counters per client (table {@code subscription_client}), one statement per request: the
 * upsert takes the row lock, so concurrent requests of one client are counted one after another, on every
 * replica alike.
 */
@ApplicationScoped
public class SubscriptionClients {

    /** The client's count in its window, this request included, and when the window began. */
    public record Count(int requests, Instant windowStart) {
    }

    private final EntityManager em;

    public SubscriptionClients(EntityManager em) {
        this.em = em;
    }

    /** Counts one request of {@code client}; a window older than {@code window} starts again at {@code now}. */
    public Count count(String client, Instant now, Duration window) {
        Object[] row = (Object[]) em.createNativeQuery("insert into subscription_client (client, window_start, requests)"
                        + " values (:client, :now, 1)"
                        + " on conflict (client) do update set"
                        + " requests = case when subscription_client.window_start <= :open then 1"
                        + "   else subscription_client.requests + 1 end,"
                        + " window_start = case when subscription_client.window_start <= :open then excluded.window_start"
                        + "   else subscription_client.window_start end"
                        + " returning requests, window_start")
                .setParameter("client", client)
                .setParameter("now", Timestamp.from(now))
                .setParameter("open", Timestamp.from(now.minus(window)))
                .getSingleResult();
        return new Count(((Number) row[0]).intValue(), instant(row[1]));
    }

    /** Deletes the counters of windows that are over; returns how many. */
    public int purge(Instant now, Duration window) {
        return em.createNativeQuery("delete from subscription_client where window_start <= :open")
                .setParameter("open", Timestamp.from(now.minus(window)))
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
