package org.syndication.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Registered sources (feeds and listing pages). */
@ApplicationScoped
public class FeedSourceRepository implements PanacheRepositoryBase<FeedSource, Long> {

    public Optional<FeedSource> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /** The sources whose next poll is due, the longest-waiting first. */
    public List<FeedSource> due(Instant now, int limit) {
        return find("nextPollAt <= ?1", Sort.by("nextPollAt"), now).page(0, limit).list();
    }

    /**
     * Claims the sources due at {@code now}, the longest-waiting first: their next poll moves to {@code leaseUntil}
     * in the same statement, so no other instance (nor a later tick) takes them meanwhile; rows another instance is
     * claiming at this moment are skipped, not waited for. Returns the ids in the order they were due.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("update feed_source s set next_poll_at = :lease"
                        + " from (select id, next_poll_at from feed_source where next_poll_at <= :now"
                        + "   order by next_poll_at, id limit :limit for update skip locked) due"
                        + " where s.id = due.id returning s.id, due.next_poll_at")
                .setParameter("lease", leaseUntil)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .sorted(Comparator.comparing((Object[] r) -> instant(r[1])).thenComparing(r -> ((Number) r[0]).longValue()))
                .map(r -> ((Number) r[0]).longValue())
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    /** Makes claimed sources that were not polled after all due at {@code at} again (for any instance). */
    public void release(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            update("nextPollAt = ?1 where id in ?2", at, ids);
        }
    }

    /** Page sources whose last {@code emptyReads} reads (or more) found no item. */
    public long countDegraded(int emptyReads) {
        return count("kind = ?1 and emptyReads >= ?2", FeedSource.Kind.PAGE, emptyReads);
    }

    public List<FeedSource> listAllById() {
        return listAll(Sort.by("id"));
    }
}
