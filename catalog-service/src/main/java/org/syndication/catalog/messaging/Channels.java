package org.syndication.catalog.messaging;

/** Reactive Messaging channel names; the channel → topic binding lives only in application.properties. */
public final class Channels {

    /** In: {@code news.ingested}. */
    public static final String NEWS_INGESTED = "news-ingested";
    /** Out: {@code news.catalogued}, written only by the {@link OutboxRelay}. */
    public static final String NEWS_CATALOGUED = "news-catalogued";

    private Channels() {
    }
}
