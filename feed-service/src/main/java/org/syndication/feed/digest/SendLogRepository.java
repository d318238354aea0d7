package org.syndication.feed.digest;

import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import jakarta.persistence.EntityManager;

import org.syndication.support.persistence.Jdbc;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The send log: one row per (subscriber, digest), created when the digest is issued. A row is claimed
 * (PENDING → SENDING) in a transaction before the mail goes out and never claimed again, so a mail is sent at
 * most once whatever crashes; the outcome is SENT, PENDING again (retry with backoff), FAILED (reported),
 * SKIPPED (unsubscribed meanwhile) or UNKNOWN (the service stopped between claim and outcome; never resent).
 */
@ApplicationScoped
public class SendLogRepository {

    public record Claim(UUID subscriberId, UUID digestId, int attempts) {
    }

    /** The subscribers a digest goes to (parameters {@code frequency} and {@code theme}). */
    private static final String RECIPIENTS = "s.status = 'CONFIRMED' and s.frequency = :frequency"
            + " and :theme = any(s.themes)";

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    public SendLogRepository(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Queues the digest for every confirmed subscriber of its theme and frequency; returns how many. */
    public int queue(Digest digest, Instant now) {
        return em.createNativeQuery("insert into send_log (subscriber_id, digest_id, status, attempts, next_attempt_at)"
                        + " select s.id, :digest, 'PENDING', 0, :now from subscriber s"
                        + " where " + RECIPIENTS
                        + " on conflict do nothing")
                .setParameter("digest", digest.id)
                .setParameter("now", Timestamp.from(now))
                .setParameter("frequency", digest.frequency.name())
                .setParameter("theme", digest.theme)
                .executeUpdate();
    }

    /**
     * Queues the digest for every confirmed subscriber of its theme and frequency, each row due at the
     * subscriber's next chosen time ({@link DigestSchedule}) at or after {@code earliest}: one statement per distinct
     * schedule among them (a few dozen at most), whatever the number of subscribers. Returns how many.
     */
    @SuppressWarnings("unchecked")
    public int queueAtSubscriberTimes(Digest digest, Instant earliest) {
        List<Object[]> schedules = em.createNativeQuery("select distinct s.digest_hour, s.digest_zone, s.digest_weekday"
                        + " from subscriber s where " + RECIPIENTS)
                .setParameter("frequency", digest.frequency.name())
                .setParameter("theme", digest.theme)
                .getResultList();
        int queued = 0;
        for (Object[] row : schedules) {
            int hour = ((Number) row[0]).intValue();
            String zone = (String) row[1];
            int weekday = ((Number) row[2]).intValue();
            Instant due = schedule(hour, zone, weekday).nextSend(earliest, digest.frequency);
            queued += em.createNativeQuery("insert into send_log (subscriber_id, digest_id, status, attempts,"
                            + " next_attempt_at) select s.id, :digest, 'PENDING', 0, :due from subscriber s where "
                            + RECIPIENTS + " and s.digest_hour = :hour and s.digest_zone = :zone"
                            + " and s.digest_weekday = :weekday on conflict do nothing")
                    .setParameter("digest", digest.id)
                    .setParameter("due", Timestamp.from(due))
                    .setParameter("frequency", digest.frequency.name())
                    .setParameter("theme", digest.theme)
                    .setParameter("hour", hour)
                    .setParameter("zone", zone)
                    .setParameter("weekday", weekday)
                    .executeUpdate();
        }
        return queued;
    }

    /** A stored schedule; a zone the JDK no longer knows (zones are checked when chosen) falls back to UTC. */
    private static DigestSchedule schedule(int hour, String zone, int weekday) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            zoneId = ZoneOffset.UTC;
        }
        return new DigestSchedule(hour, zoneId, DayOfWeek.of(weekday));
    }

    /**
     * Claims due rows (PENDING → SENDING, attempts + 1) in one statement; rows claimed by another sender are
     * skipped.
     */
    @SuppressWarnings("unchecked")
    public List<Claim> claimDue(Instant now, int limit, String claimant) {
        List<Object[]> rows = em.createNativeQuery("update send_log l set status = 'SENDING', claimed_at = :now,"
                        + " claimed_by = :claimant, attempts = l.attempts + 1"
                        + " from (select subscriber_id, digest_id from send_log"
                        + "   where status = 'PENDING' and next_attempt_at <= :now"
                        + "   order by next_attempt_at limit :limit for update skip locked) due"
                        + " where l.subscriber_id = due.subscriber_id and l.digest_id = due.digest_id"
                        + " returning l.subscriber_id, l.digest_id, l.attempts")
                .setParameter("now", Timestamp.from(now))
                .setParameter("claimant", claimant)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue())).toList();
    }

    /** What became of one claimed row. */
    public record Outcome(Claim claim, String status, Instant nextAttempt, String error) {
    }

    /** Records the outcomes of claimed rows in one JDBC batch; a row no longer SENDING is left as it is. */
    public void record(List<Outcome> outcomes, Instant now) {
        Jdbc.execute(dataSource, "cannot record mail outcomes", connection -> {
            try (PreparedStatement update = connection.prepareStatement("update send_log set status = ?,"
                    + " next_attempt_at = ?, last_error = ?, sent_at = case when ? = 'SENT' then ? else sent_at end"
                    + " where subscriber_id = ? and digest_id = ? and status = 'SENDING'")) {
                Timestamp at = Timestamp.from(now);
                for (Outcome outcome : outcomes) {
                    String error = outcome.error();
                    update.setString(1, outcome.status());
                    update.setTimestamp(2, Timestamp.from(outcome.nextAttempt()));
                    update.setString(3, error == null ? null : error.substring(0, Math.min(300, error.length())));
                    update.setString(4, outcome.status());
                    update.setTimestamp(5, at);
                    update.setObject(6, outcome.claim().subscriberId());
                    update.setObject(7, outcome.claim().digestId());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /**
     * Rows left SENDING by a stop between claim and outcome: marked UNKNOWN, never sent again. A row is left over
     * when the instance that claimed it is gone (its presence lock, {@link #PRESENCE_LOCK} keyed by the claimant,
     * is free: a killed process's session and its locks end with it), or, whoever claimed it, when it was claimed
     * before {@code claimedBefore} (a batch never takes that long; the rule for rows without a claimant and the
     * safety net for a lock that two instance ids share by a hash collision).
     */
    public int abandonInterrupted(Instant claimedBefore) {
        return em.createNativeQuery("update send_log set status = 'UNKNOWN' where status = 'SENDING'"
                        + " and (claimed_at < :before or (claimed_by is not null"
                        + "      and pg_try_advisory_xact_lock(" + PRESENCE_LOCK + ", hashtext(claimed_by))))")
                .setParameter("before", Timestamp.from(claimedBefore))
                .executeUpdate();
    }

    /**
     * The namespace (first key) of the instances' presence locks, {@code pg_advisory_lock(PRESENCE_LOCK,
     * hashtext(instance id))}: held by a live instance for as long as its listener connection lives
     * ({@code FeedChangeListener}). The two-key lock space is apart from the one-key locks of digest issuing.
     */
    public static final int PRESENCE_LOCK = 0x5E4D;

    public long count(UUID digestId, String status) {
        return ((Number) em.createNativeQuery("select count(*) from send_log where digest_id = :d and status = :status")
                .setParameter("d", digestId)
                .setParameter("status", status)
                .getSingleResult()).longValue();
    }
}
