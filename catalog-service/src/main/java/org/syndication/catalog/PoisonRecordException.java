package org.syndication.catalog;

/** A record of news.ingested that can never be processed; it goes to the DLQ with this message as the reason. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
