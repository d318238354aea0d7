package org.syndication.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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

    /** Page sources whose last {@code emptyReads} reads (or more) found no item. */
    public long countDegraded(int emptyReads) {
        return count("kind = ?1 and emptyReads >= ?2", FeedSource.Kind.PAGE, emptyReads);
    }

    public List<FeedSource> listAllById() {
        return listAll(Sort.by("id"));
    }
}
