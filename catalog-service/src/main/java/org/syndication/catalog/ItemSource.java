package org.syndication.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One source's copy of a story (table {@code item_source}): the item id ingest gave it, the story it belongs to,
 * and this source's own link, keys, content hash and ingest version. A plain object written with JDBC by
 * {@link ItemSourceRepository}.
 */
public class ItemSource {

    public enum Status { ACTIVE, WITHDRAWN }

    /** How a later source was recognised as carrying a stored story. */
    public enum MatchedBy { LINK, TITLE_AND_DATE }

    public String ingestItemId;
    public String itemId;
    public String sourceName;
    public String sourceUrl;
    public String link;
    public String linkKey;
    public String titleKey;
    public LocalDate date;
    public String contentHash;
    public long ingestVersion;
    public Status status = Status.ACTIVE;
    /** null for the source that brought the story first */
    public MatchedBy matchedBy;
    public Instant addedAt;
    public Instant updatedAt;

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
