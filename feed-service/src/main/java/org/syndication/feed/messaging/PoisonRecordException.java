package org.syndication.feed.messaging;

/** A record that can never be processed; it goes to the DLQ with this message as reason (no payload in it). */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }
}
