package org.syndication.feed.websub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions ({@code websub_subscription}) and the delivery schedule ({@code websub_delivery}) of the WebSub hub,
 * in native SQL: upserts, claims with {@code FOR UPDATE SKIP LOCKED} and partial-index conflicts have no JPQL form.
 * Callers own the transactions.
 */
@ApplicationScoped
public class HubRepository {

    /** A delivery claimed for sending, with what sending needs from its subscription. */
    public record Claimed(long id, String topic, int attempts, int changeSeq, long subscriptionId, String callback,
                          Optional<String> secret, Instant expiresAt) {
    }

    /** A subscription as stored. */
    public record Subscription(long id, String topic, String callback, Optional<String> secret, int leaseSeconds,
                               Instant expiresAt) {
    }

    private final EntityManager em;

    public HubRepository(EntityManager em) {
        this.em = em;
    }

    /** Creates the subscription or renews it (new lease and secret); returns its id. */
    public long upsert(String topic, String callback, String secret, int leaseSeconds, Instant now) {
        Object id = em.createNativeQuery("insert into websub_subscription"
                        + " (topic, callback, secret, lease_seconds, expires_at, created_at, renewed_at)"
                        + " values (:topic, :callback, :secret, :lease, :expires, :now, :now)"
                        + " on conflict (topic, callback) do update set secret = excluded.secret,"
                        + " lease_seconds = excluded.lease_seconds, expires_at = excluded.expires_at,"
                        + " renewed_at = excluded.renewed_at"
                        + " returning id")
                .setParameter("topic", topic)
                .setParameter("callback", callback)
                .setParameter("secret", secret)
                .setParameter("lease", leaseSeconds)
                .setParameter("expires", Timestamp.from(now.plusSeconds(leaseSeconds)))
                .setParameter("now", Timestamp.from(now))
                .getSingleResult();
        return ((Number) id).longValue();
    }

    /** Removes a subscription (its pending deliveries go with it); returns how many rows went. */
    public int delete(String topic, String callback) {
        return em.createNativeQuery("delete from websub_subscription where topic = :topic and callback = :callback")
                .setParameter("topic", topic)
                .setParameter("callback", callback)
                .executeUpdate();
    }

    public int delete(long subscriptionId) {
        return em.createNativeQuery("delete from websub_subscription where id = :id")
                .setParameter("id", subscriptionId)
                .executeUpdate();
    }

    public Optional<Subscription> find(String topic, String callback) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, topic, callback, secret, lease_seconds, expires_at"
                        + " from websub_subscription where topic = :topic and callback = :callback")
                .setParameter("topic", topic)
                .setParameter("callback", callback)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Subscription(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], Optional.ofNullable((String) r[3]), ((Number) r[4]).intValue(), instant(r[5])));
    }

    /**
     * Queues a delivery, due now, for every live subscription of these topics. A subscription that already has a
     * pending delivery keeps that one (the newest document is rendered when it is sent) and only its
     * {@code change_seq} moves on, so a send that is under way cannot mark it done.
     */
    public int enqueue(Collection<String> topics, Instant now) {
        if (topics.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("insert into websub_delivery"
                        + " (subscription_id, topic, next_attempt_at, created_at, updated_at)"
                        + " select id, topic, :now, :now, :now from websub_subscription"
                        + " where topic in (:topics) and expires_at > :now"
                        + " on conflict (subscription_id) where status = 'PENDING'"
                        + " do update set change_seq = websub_delivery.change_seq + 1, updated_at = excluded.updated_at")
                .setParameter("topics", topics)
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries: counts the attempt and moves {@code next_attempt_at} to
     * {@code leaseUntil}, so no replica claims them again while this one sends; a crash makes them due again then.
     * Rows another replica is claiming at the same moment are skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(Instant now, int limit, Instant leaseUntil) {
        List<Object[]> rows = em.createNativeQuery("with due as ("
                        + " select id from websub_delivery where status = 'PENDING' and next_attempt_at <= :now"
                        + " order by next_attempt_at limit :limit for update skip locked)"
                        + " update websub_delivery d set attempts = d.attempts + 1, next_attempt_at = :lease,"
                        + " updated_at = :now"
                        + " from due, websub_subscription s where d.id = due.id and s.id = d.subscription_id"
                        + " returning d.id, d.topic, d.attempts, d.change_seq, s.id, s.callback, s.secret, s.expires_at")
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", limit)
                .setParameter("lease", Timestamp.from(leaseUntil))
                .getResultList();
        return rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), ((Number) r[4]).longValue(), (String) r[5],
                Optional.ofNullable((String) r[6]), instant(r[7]))).toList();
    }

    /**
     * A delivery the callback accepted: the row goes, unless the feed changed again since it was claimed; then it
     * is due again at once, with a fresh attempt count.
     *
     * @return whether the row is done
     */
    public boolean delivered(long id, int changeSeq, Instant now) {
        int deleted = em.createNativeQuery("delete from websub_delivery where id = :id and change_seq = :seq")
                .setParameter("id", id)
                .setParameter("seq", changeSeq)
                .executeUpdate();
        if (deleted == 1) {
            return true;
        }
        em.createNativeQuery("update websub_delivery set attempts = 0, next_attempt_at = :now, last_error = null,"
                        + " updated_at = :now where id = :id and status = 'PENDING'")
                .setParameter("id", id)
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
        return false;
    }

    /** A failed attempt to be retried at {@code next}. */
    public void retry(long id, Instant next, String error, Instant now) {
        em.createNativeQuery("update websub_delivery set next_attempt_at = :next, last_error = :error,"
                        + " updated_at = :now where id = :id")
                .setParameter("id", id)
                .setParameter("next", Timestamp.from(next))
                .setParameter("error", truncate(error))
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /** A delivery given up: it stays as FAILED (for operators), and a later change queues a new one. */
    public void failed(long id, String error, Instant now) {
        em.createNativeQuery("update websub_delivery set status = 'FAILED', last_error = :error, updated_at = :now"
                        + " where id = :id")
                .setParameter("id", id)
                .setParameter("error", truncate(error))
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /** Drops a delivery whose subscription's lease ran out before it was sent. */
    public void drop(long id) {
        em.createNativeQuery("delete from websub_delivery where id = :id").setParameter("id", id).executeUpdate();
    }

    /** Deletes subscriptions whose lease ended before {@code before} (and their deliveries); returns how many. */
    public int purgeExpired(Instant before) {
        return em.createNativeQuery("delete from websub_subscription where expires_at <= :before")
                .setParameter("before", Timestamp.from(before))
                .executeUpdate();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return ((OffsetDateTime) value).toInstant();
    }
}
