package org.syndication.ingest;

/**
 * What ingest did with one item.
 *
 * @param version the version now current for the item (published now, or already published when UNCHANGED)
 */
public record ItemOutcome(ItemCandidate item, String contentHash, long version, Status status) {

    /** NEW and CORRECTED items were published now; UNCHANGED ones were not. */
    public enum Status {
        NEW,
        CORRECTED,
        UNCHANGED
    }

    public boolean published() {
        return status != Status.UNCHANGED;
    }
}
