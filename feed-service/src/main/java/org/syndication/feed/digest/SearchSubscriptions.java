package org.syndication.feed.digest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.syndication.events.DigestIssued.Frequency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The saved searches subscribers get digests of ({@code search_subscription}), besides their themes. */
@ApplicationScoped
public class SearchSubscriptions {

    private final EntityManager em;

    public SearchSubscriptions(EntityManager em) {
        this.em = em;
    }

    /** Replaces the subscriber's searches (normalised query texts). */
    public void replace(UUID subscriberId, List<String> queries, Instant now) {
        em.createNativeQuery("delete from search_subscription where subscriber_id = :s")
                .setParameter("s", subscriberId).executeUpdate();
        for (String query : queries) {
            em.createNativeQuery("insert into search_subscription (subscriber_id, query, created_at)"
                            + " values (:s, :q, :now) on conflict do nothing")
                    .setParameter("s", subscriberId)
                    .setParameter("q", query)
                    .setParameter("now", Timestamp.from(now))
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<String> of(UUID subscriberId) {
        return em.createNativeQuery("select query from search_subscription where subscriber_id = :s order by query")
                .setParameter("s", subscriberId).getResultList();
    }

    /** Every query some confirmed subscriber of this frequency follows, each once. */
    @SuppressWarnings("unchecked")
    public List<String> confirmed(Frequency frequency) {
        return em.createNativeQuery("select distinct q.query from search_subscription q"
                        + " join subscriber s on s.id = q.subscriber_id"
                        + " where s.status = 'CONFIRMED' and s.frequency = :f order by q.query")
                .setParameter("f", frequency.name()).getResultList();
    }

    /** Queues a search digest for every confirmed subscriber of its query and frequency; returns how many. */
    public int queue(Digest digest, String query, Instant now) {
        return em.createNativeQuery("insert into send_log (subscriber_id, digest_id, status, attempts, next_attempt_at)"
                        + " select s.id, :digest, 'PENDING', 0, :now from subscriber s"
                        + " join search_subscription q on q.subscriber_id = s.id"
                        + " where s.status = 'CONFIRMED' and s.frequency = :frequency and q.query = :query"
                        + " on conflict do nothing")
                .setParameter("digest", digest.id)
                .setParameter("now", Timestamp.from(now))
                .setParameter("frequency", digest.frequency.name())
                .setParameter("query", query)
                .executeUpdate();
    }
}
