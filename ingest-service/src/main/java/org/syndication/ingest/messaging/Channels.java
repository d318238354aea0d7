package org.syndication.ingest.messaging;

/** Reactive messaging channel names of the ingest service; bound to topics in application.properties. */
public final class Channels {

    /** Outgoing: one {@code NewsItemIngested} per new or corrected item, to {@code news.ingested}. */
    public static final String NEWS_INGESTED = "news-ingested";

    private Channels() {
    }
}
