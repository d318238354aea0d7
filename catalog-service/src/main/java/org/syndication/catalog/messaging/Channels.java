package org.syndication.catalog.messaging;

/** Reactive Messaging channel names; the channel → topic binding lives only in application.properties. */
public final class Channels {

    /** In: {@code news.ingested}. */
    public static final String NEWS_INGESTED = "news-ingested";
    /** Out: {@code news.ingested.dlq}, records of news.ingested that can never be stored (service-support's DeadLetters). */
    public static final String NEWS_INGESTED_DLQ = "news-ingested-dlq";
    /** Out: {@code news.catalogued}, written only by the outbox relay (service-support's OutboxRelay). */
    public static final String NEWS_CATALOGUED = "news-catalogued";

    private Channels() {
    }
}
