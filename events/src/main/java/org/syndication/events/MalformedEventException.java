package org.syndication.events;

/** A record that is not a valid event of its type: a poison record, sent to the topic's DLQ. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
