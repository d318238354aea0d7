package org.syndication.feed.messaging;

/** Channel names; the channel → topic binding lives only in application.properties. */
public final class Channels {

    /** In: {@code news.catalogued}, the latest state of every item. */
    public static final String NEWS_CATALOGUED = "news-catalogued";
    /** Out: {@code news.catalogued.dlq}, records of news.catalogued that can never be projected (service-support's DeadLetters). */
    public static final String NEWS_CATALOGUED_DLQ = "news-catalogued-dlq";
    /** Out: {@code news.digests}, one DigestIssued per digest, sent by the outbox relay (service-support's OutboxRelay). */
    public static final String NEWS_DIGESTS = "news-digests";

    private Channels() {
    }
}
