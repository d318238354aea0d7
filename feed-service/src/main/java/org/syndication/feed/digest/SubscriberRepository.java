package org.syndication.feed.digest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.syndication.events.DigestIssued.Frequency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriberRepository implements PanacheRepositoryBase<Subscriber, UUID> {

    public Optional<Subscriber> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResultOptional();
    }

    /**
     * Counts one subscription request for an address in one statement, creating a PENDING subscriber on its
     * first request: the subscriber's id, or nothing when the address already had {@code limit} requests in the
     * current window. Concurrent first requests cannot both insert (the second waits on the unique e-mail and
     * then counts against the row the first one wrote), and concurrent counts wait on the row lock, so no more
     * than {@code limit} requests pass and none fails.
     */
    public Optional<UUID> countRequest(String normalizedEmail, List<String> themes, Frequency frequency, Instant now,
                                       Duration window, int limit) {
        List<?> ids = getEntityManager().createNativeQuery("insert into subscriber (id, email, frequency, themes,"
                        + " status, created_at, window_start, requests_in_window)"
                        + " values (:id, :email, :frequency, :themes, 'PENDING', :now, :now, 1)"
                        + " on conflict (email) do update set"
                        + " requests_in_window = case when subscriber.window_start <= :open then 1"
                        + "   else subscriber.requests_in_window + 1 end,"
                        + " window_start = case when subscriber.window_start <= :open then excluded.window_start"
                        + "   else subscriber.window_start end"
                        + " where subscriber.window_start <= :open or subscriber.requests_in_window < :limit"
                        + " returning id")
                .setParameter("id", UUID.randomUUID())
                .setParameter("email", normalizedEmail)
                .setParameter("frequency", frequency.name())
                .setParameter("themes", themes.toArray(String[]::new))
                .setParameter("now", Timestamp.from(now))
                .setParameter("open", Timestamp.from(now.minus(window)))
                .setParameter("limit", limit)
                .getResultList();
        return ids.stream().findFirst().map(id -> (UUID) id);
    }
}
