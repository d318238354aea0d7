package org.syndication.events;

import java.util.List;

/** Kafka topic names of the contract. Every service and {@code deploy/} use these and nothing else. */
public final class Topics {

    /** One record per news item found by ingest. Key: item id. */
    public static final String NEWS_INGESTED = "news.ingested";
    /** Records of {@link #NEWS_INGESTED} that catalog could not process, with the reason in headers. */
    public static final String NEWS_INGESTED_DLQ = "news.ingested.dlq";
    /** Compacted: the latest state of every catalogued item. Key: item id. Partners read it. */
    public static final String NEWS_CATALOGUED = "news.catalogued";
    /** Records of {@link #NEWS_CATALOGUED} that the feed service could not process. */
    public static final String NEWS_CATALOGUED_DLQ = "news.catalogued.dlq";
    /** One record per digest issued. Key: digest id ({@code theme/period}). */
    public static final String NEWS_DIGESTS = "news.digests";

    /** Every topic, in flow order. */
    public static final List<String> ALL =
            List.of(NEWS_INGESTED, NEWS_INGESTED_DLQ, NEWS_CATALOGUED, NEWS_CATALOGUED_DLQ, NEWS_DIGESTS);

    /** Topics whose retention is by key (log compaction) rather than by time. */
    public static final List<String> COMPACTED = List.of(NEWS_CATALOGUED);

    private Topics() {
    }
}
