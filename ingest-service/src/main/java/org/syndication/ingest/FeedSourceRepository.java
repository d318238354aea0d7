package org.syndication.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered feed sources. */
@ApplicationScoped
public class FeedSourceRepository implements PanacheRepositoryBase<FeedSource, Long> {

    public Optional<FeedSource> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /** Ids of the sources whose next poll is due, the longest-waiting first. */
    public List<Long> dueIds(Instant now, int limit) {
        return find("nextPollAt <= ?1", Sort.by("nextPollAt"), now).page(0, limit).list()
                .stream().map(FeedSource::id).toList();
    }

    public List<FeedSource> listAllById() {
        return listAll(Sort.by("id"));
    }
}
